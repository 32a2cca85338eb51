#pragma once

#include "migrations/MigrationStep.h"
#include "module/SyncedTable.h"

#include <QList>
#include <QString>

namespace tambo::core {

// The local bookkeeping of the sync engine, module id "sync" (its own numbered steps, run by
// MigrationRunner like any module's):
//   sync_outbox        one entry per captured row change (seq = AUTOINCREMENT: never reused,
//                      gap-free because a rolled-back change rolls its seq back too); acked
//                      entries are deleted, rejected ones stay with the server's reason
//   sync_row_versions  the server version each synced row was last seen at (the base version
//                      of the next local change)
//   sync_cursors       pull cursor per scope
//   sync_flags         applying = 1 only inside the transaction that applies pulled rows: the
//                      outbox triggers then stay quiet (other connections never see the 1)
//   sync_conflicts     conflicts the server recorded for this device's changes
//   sync_apply_errors  pulled rows this store could not take (constraint), kept for OTIC
//   sync_state         key/value (last successful sync)
// Step 2: conflicts and rejected outbox entries get resolved_at / resolution / resolved_by
// (SyncConflictResolver), and sync_resolutions, core's own synced table: one append-only row per
// resolution (device, seq, table, row, field, choice, user), captured by the outbox triggers
// like any module's row; tambo-server closes its conflict or rejection when it applies one.
class SyncSchema
{
public:
    static constexpr auto ResolutionsTable = "sync_resolutions";

    static QString moduleId() { return QStringLiteral("sync"); }
    static QList<MigrationStep> steps();
    // The synced tables core itself declares (ModuleManager::allSyncedTables puts them first).
    static QList<SyncedTable> syncedTables();
};

} // namespace tambo::core
