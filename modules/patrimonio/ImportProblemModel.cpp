#include "ImportProblemModel.h"

#include "AssetImporter.h"
#include "ImportMapping.h"

namespace tambo::patrimonio {

ImportProblemModel::ImportProblemModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ImportProblemModel::setProblems(const QList<ImportProblem> &problems)
{
    beginResetModel();
    m_problems = problems;
    endResetModel();
}

int ImportProblemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

int ImportProblemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportProblemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportProblem &p = m_problems.at(index.row());
    if (role == ReasonRole)
        return int(p.reason);
    if (role == SortRole && index.column() == Row)
        return p.row;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    switch (Column(index.column())) {
    case Row:
        return p.row;
    case Codigo:
        return p.codigo;
    case Field: {
        const auto field = ImportMapping::fieldFromKey(p.field);
        return field ? ImportMapping::fieldTitle(*field) : QString();
    }
    case Reason:
        return AssetImporter::reasonTitle(p.reason);
    case Message:
        return p.message;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ImportProblemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Row:
        return tr("Row");
    case Codigo:
        return tr("Code");
    case Field:
        return tr("Field");
    case Reason:
        return tr("Reason");
    case Message:
        return tr("Detail");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tambo::patrimonio
