#include "ImportPreviewModel.h"

#include "ImportCsvReader.h"

namespace tambo::patrimonio {

ImportPreviewModel::ImportPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ImportPreviewModel::setTable(const ImportTable &table, int maxRows)
{
    beginResetModel();
    m_headers = table.headers;
    const qsizetype n = std::min<qsizetype>(maxRows, table.rows.size());
    m_rows = table.rows.mid(0, n);
    m_rowNumbers = table.rowNumbers.mid(0, n);
    endResetModel();
}

void ImportPreviewModel::clear()
{
    beginResetModel();
    m_headers.clear();
    m_rows.clear();
    m_rowNumbers.clear();
    endResetModel();
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size()) + FirstFileColumn;
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (index.column() == RowNumber)
        return m_rowNumbers.value(index.row());
    QString text = m_rows.at(index.row()).value(index.column() - FirstFileColumn);
    if (role == Qt::DisplayRole)
        text.replace(u'\n', u' ');
    return text;
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == RowNumber)
        return tr("Row");
    return m_headers.value(section - FirstFileColumn);
}

} // namespace tambo::patrimonio
