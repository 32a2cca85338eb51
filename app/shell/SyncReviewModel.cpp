#include "SyncReviewModel.h"

namespace tambo::shell {

SyncReviewModel::SyncReviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SyncReviewModel::setItems(const QList<core::LocalSyncStore::Rejected> &rejected,
                               const QList<core::LocalSyncStore::Conflict> &conflicts)
{
    beginResetModel();
    m_rejected = rejected;
    m_conflicts = conflicts;
    endResetModel();
}

int SyncReviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rejected.size() + m_conflicts.size());
}

int SyncReviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncReviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const int row = index.row();
    if (row < m_rejected.size()) {
        const core::LocalSyncStore::Rejected &r = m_rejected.at(row);
        switch (index.column()) {
        case Kind:
            return tr("Rejected");
        case Table:
            return r.table;
        case Row:
            return r.rowId;
        case Detail:
            return r.message.isEmpty() ? r.reason : r.message;
        default:
            return {};
        }
    }
    const core::LocalSyncStore::Conflict &c = m_conflicts.at(row - m_rejected.size());
    switch (index.column()) {
    case Kind:
        return c.kind == QLatin1String("edit_delete") ? tr("Edit against delete") : tr("Conflict");
    case Table:
        return c.table;
    case Row:
        return c.rowId;
    case Detail:
        if (c.kind == QLatin1String("edit_delete"))
            return tr("Changed on one PC and deleted on another; the server kept its version.");
        return tr("%1: the server kept %2; this PC had %3")
            .arg(c.field, c.serverValue, c.clientValue);
    default:
        return {};
    }
}

QVariant SyncReviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind:
        return tr("Kind");
    case Table:
        return tr("Table");
    case Row:
        return tr("Record");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace tambo::shell
