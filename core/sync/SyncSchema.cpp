#include "sync/SyncSchema.h"

#include "auth/Permission.h"

namespace tambo::core {

QList<MigrationStep> SyncSchema::steps()
{
    return {
        MigrationStep::sql(
            1,
            QStringLiteral("sync outbox, row versions, cursors, conflicts"),
            {
                QStringLiteral("CREATE TABLE sync_outbox ("
                               " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " table_name TEXT NOT NULL,"
                               " row_id TEXT NOT NULL,"
                               " op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),"
                               " data TEXT,"
                               " changed TEXT,"
                               " base_version INTEGER NOT NULL DEFAULT 0,"
                               " status TEXT NOT NULL DEFAULT 'pending'"
                               "  CHECK (status IN ('pending', 'rejected')),"
                               " reason TEXT,"
                               " message TEXT"
                               ") STRICT"),
                QStringLiteral("CREATE INDEX sync_outbox_by_row ON sync_outbox (table_name, row_id)"
                               " WHERE status = 'pending'"),
                QStringLiteral("CREATE TABLE sync_row_versions ("
                               " table_name TEXT NOT NULL,"
                               " row_id TEXT NOT NULL,"
                               " version INTEGER NOT NULL,"
                               " PRIMARY KEY (table_name, row_id)"
                               ") STRICT, WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE sync_cursors ("
                               " scope TEXT PRIMARY KEY NOT NULL,"
                               " cursor INTEGER NOT NULL CHECK (cursor >= 0)"
                               ") STRICT"),
                QStringLiteral("CREATE TABLE sync_flags ("
                               " id INTEGER PRIMARY KEY CHECK (id = 1),"
                               " applying INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1))"
                               ") STRICT"),
                QStringLiteral("INSERT INTO sync_flags (id, applying) VALUES (1, 0)"),
                QStringLiteral("CREATE TABLE sync_conflicts ("
                               " id INTEGER PRIMARY KEY,"
                               " seq INTEGER NOT NULL,"
                               " kind TEXT NOT NULL CHECK (kind IN ('field', 'edit_delete')),"
                               " table_name TEXT NOT NULL,"
                               " row_id TEXT NOT NULL,"
                               " field TEXT,"
                               " server_value TEXT,"
                               " client_value TEXT,"
                               " recorded_at TEXT NOT NULL,"
                               " resolved_at TEXT"
                               ") STRICT"),
                QStringLiteral("CREATE TABLE sync_apply_errors ("
                               " id INTEGER PRIMARY KEY,"
                               " table_name TEXT NOT NULL,"
                               " row_id TEXT NOT NULL,"
                               " version INTEGER NOT NULL,"
                               " error TEXT NOT NULL,"
                               " recorded_at TEXT NOT NULL"
                               ") STRICT"),
                QStringLiteral("CREATE TABLE sync_state ("
                               " key TEXT PRIMARY KEY NOT NULL,"
                               " value TEXT NOT NULL"
                               ") STRICT"),
            }),
        MigrationStep::sql(
            2,
            QStringLiteral("resolving conflicts and rejected entries (sync_resolutions)"),
            {
                QStringLiteral("ALTER TABLE sync_conflicts ADD COLUMN resolution TEXT"),
                QStringLiteral("ALTER TABLE sync_conflicts ADD COLUMN resolved_by TEXT"),
                QStringLiteral("ALTER TABLE sync_outbox ADD COLUMN resolved_at TEXT"),
                QStringLiteral("ALTER TABLE sync_outbox ADD COLUMN resolution TEXT"),
                QStringLiteral("ALTER TABLE sync_outbox ADD COLUMN resolved_by TEXT"),
                QStringLiteral("CREATE TABLE sync_resolutions ("
                               " id TEXT PRIMARY KEY NOT NULL,"
                               " device_id TEXT NOT NULL,"
                               " seq INTEGER NOT NULL,"
                               " kind TEXT NOT NULL"
                               "  CHECK (kind IN ('field', 'edit_delete', 'rejected')),"
                               " table_name TEXT NOT NULL,"
                               " row_id TEXT NOT NULL,"
                               " field TEXT,"
                               " choice TEXT NOT NULL"
                               "  CHECK (choice IN ('mine', 'theirs', 'discard', 'retry')),"
                               " username TEXT NOT NULL,"
                               " resolved_at TEXT NOT NULL"
                               ") STRICT"),
            }),
    };
}

QList<SyncedTable> SyncSchema::syncedTables()
{
    // Append-only facts, shared (no scope): a device acknowledging what the server found in its
    // own changes must always get through, also for a change refused as out of its scope.
    // Written by whoever may resolve (core.sync.resolve), in that user's name.
    SyncedTable resolutions;
    resolutions.table = QString::fromLatin1(ResolutionsTable);
    resolutions.kind = SyncedTable::Kind::AppendOnly;
    resolutions.writers.insert = {QString::fromLatin1(Permissions::SyncResolve)};
    resolutions.actorColumns = {QStringLiteral("username")};
    return {resolutions};
}

} // namespace tambo::core
