#pragma once

#include "module/SyncedTable.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace tambo::core {

// The one generic capture mechanism of the sync engine: SQLite triggers generated from the
// modules' SyncedTable declarations (ModuleManager::allSyncedTables()), so every write to a
// synced table — by any repository, on any connection — queues its outbox entry in the SAME
// transaction as the change. No module writes sync code.
//
// Per table (columns from PRAGMA table_info, single-column primary key):
//   AFTER INSERT  → op insert, the new row as json_object of all its columns
//   AFTER UPDATE  → op update, the new row plus the names of the columns that changed (only
//                   when at least one did); Mutable tables only
//   AFTER DELETE  → op delete; Mutable tables only
//   BEFORE UPDATE OF <pk> → refused: a synced row keeps its id
// Each trigger records the row's known server version (sync_row_versions) as the base version
// and stays quiet while sync_flags.applying = 1 (pulled rows are not sent back).
//
// install() runs at every start-up: it drops every sync_* trigger and creates them anew in one
// transaction, so a new column (schema changes only add) is captured from then on.
class OutboxTriggers
{
public:
    struct Column
    {
        QString name;
        QString type; // declared type, upper case
        bool primaryKey = false;
    };

    // The columns of table (empty and *error when it does not exist).
    static QList<Column> columns(const QSqlDatabase &db, const QString &table, QString *error);
    // The CREATE TRIGGER statements for one table; empty and *error when the table cannot be
    // synced (no or composite primary key, BLOB columns, odd names).
    static QStringList triggerSql(const SyncedTable &table,
                                  const QList<Column> &columns,
                                  QString *error);
    static QString triggerName(const QString &table, const QString &what);

    // Queues the entry a trigger would have written for the row as it is now (op "insert" or
    // "update" with the row's data and the given changed columns, or "delete"), on the row's
    // current base version. For a change that must go up although the local row already holds
    // it (a conflict kept "mine" before the pull brought the server's side). Runs in the
    // caller's transaction; false and *error when the table or the row (insert/update) is missing.
    static bool queueRow(QSqlDatabase db,
                         const QString &table,
                         const QString &rowId,
                         const QString &op,
                         const QStringList &changed,
                         QString *error);

    // Drops all sync_* triggers and creates those of tables; false and *error on any failure
    // (nothing changed then). Needs SyncSchema's tables.
    static bool install(QSqlDatabase db, const QList<SyncedTable> &tables, QString *error);
};

} // namespace tambo::core
