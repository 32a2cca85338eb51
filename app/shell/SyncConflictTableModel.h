#pragma once

#include "sync/LocalSyncStore.h"

#include <QAbstractTableModel>
#include <QList>

namespace tambo::shell {

// The rows of the "Sync conflicts" page: this PC's unresolved conflicts (one row per field, so a
// record with several conflicting fields is resolved field by field) and its rejected changes,
// as core's LocalSyncStore lists them. Values are shown as a reader expects them (text without
// JSON quotes, "(deleted)" for a deleted record). No SQL here.
class SyncConflictTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Kind, Table, Record, Field, ServerValue, LocalValue, Recorded, ColumnCount };
    Q_ENUM(Column)
    // What a proxy sorts by: the date for Recorded, lower-case text elsewhere.
    static constexpr int SortRole = Qt::UserRole;

    // The key of a row: a conflict id or a rejected entry's seq.
    struct Item
    {
        bool conflict = false;
        qint64 id = 0;
        bool isValid() const { return id > 0; }
    };

    explicit SyncConflictTableModel(QObject *parent = nullptr);

    void setItems(const QList<core::LocalSyncStore::Conflict> &conflicts,
                  const QList<core::LocalSyncStore::Rejected> &rejected);
    int conflictCount() const { return int(m_conflicts.size()); }
    int rejectedCount() const { return int(m_rejected.size()); }

    Item itemAt(int row) const;
    int rowOf(const Item &item) const; // -1 when not listed
    // Null when the row is not of that kind.
    const core::LocalSyncStore::Conflict *conflictAt(int row) const;
    const core::LocalSyncStore::Rejected *rejectedAt(int row) const;
    // Everything about a row, for the details pane (translated, plain text).
    QString details(int row) const;

    // A stored JSON value as a reader sees it: strings without quotes, null as "(empty)".
    static QString displayValue(const QString &json);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString text(int row, int column) const;

    QList<core::LocalSyncStore::Conflict> m_conflicts;
    QList<core::LocalSyncStore::Rejected> m_rejected;
};

} // namespace tambo::shell
