#include "UserFilterProxyModel.h"

#include "UserTableModel.h"

namespace tambo::shell {

UserFilterProxyModel::UserFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
    setSortRole(UserTableModel::SortRole);
    setDynamicSortFilter(true);
}

QString UserFilterProxyModel::folded(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out += c.toCaseFolded();
    }
    return out;
}

void UserFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_filter)
        return;
    // Qt 6.4 has no begin/endFilterChange(): invalidateFilter() is the public way.
    m_filter = text;
    m_foldedFilter = folded(text.trimmed());
    invalidateFilter();
}

bool UserFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::Int && r.typeId() == QMetaType::Int)
        return l.toInt() < r.toInt();
    const int order = m_collator.compare(l.toString(), r.toString());
    if (order != 0)
        return order < 0;
    return left.row() < right.row(); // stable
}

bool UserFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_foldedFilter.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    for (int column : {UserTableModel::Username,
                       UserTableModel::FullName,
                       UserTableModel::Role,
                       UserTableModel::Sede}) {
        const QString text = model->index(sourceRow, column, sourceParent).data().toString();
        if (folded(text).contains(m_foldedFilter))
            return true;
    }
    return false;
}

} // namespace tambo::shell
