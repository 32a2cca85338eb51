#pragma once

#include "sync/LocalSyncStore.h"

#include <QAbstractTableModel>
#include <QList>

namespace tambo::shell {

// What the server refused or found in conflict for this PC's changes, as core's LocalSyncStore
// lists them: rejected outbox entries first (by seq), then unresolved conflicts. No SQL here.
class SyncReviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Kind, Table, Row, Detail, ColumnCount };
    Q_ENUM(Column)

    explicit SyncReviewModel(QObject *parent = nullptr);

    void setItems(const QList<core::LocalSyncStore::Rejected> &rejected,
                  const QList<core::LocalSyncStore::Conflict> &conflicts);
    int rejectedCount() const { return int(m_rejected.size()); }
    int conflictCount() const { return int(m_conflicts.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<core::LocalSyncStore::Rejected> m_rejected;
    QList<core::LocalSyncStore::Conflict> m_conflicts;
};

} // namespace tambo::shell
