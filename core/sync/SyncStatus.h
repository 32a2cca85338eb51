#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace tambo::core {

// What the shell's indicator shows (GUIDE §5): offline / N pending / syncing x% / synced at
// HH:MM / N rejected / stopped. Made by the sync worker, delivered by SyncEngine::statusChanged.
struct SyncStatus
{
    // Stopped: this store must not sync until OTIC acts (its device's seqs were already used
    // with other content: the store was restored or copied); message says what to do.
    enum class State { Offline, Pending, Syncing, Synced, Rejected, Stopped };
    State state = State::Offline;
    int pending = 0;    // outbox entries not yet acknowledged
    int rejected = 0;   // entries the server refused (shown until reviewed)
    int conflicts = 0;  // unresolved conflicts recorded for this PC's changes
    int percent = 0;    // Syncing
    QDateTime syncedAt; // last complete run
    QString message;    // why offline / too old / not configured (Spanish when from the server)
    bool clientTooOld = false;
    bool stopped = false; // State::Stopped whatever the counts (LocalSyncStore::syncStop)

    bool operator==(const SyncStatus &o) const
    {
        return state == o.state && pending == o.pending && rejected == o.rejected
               && conflicts == o.conflicts && percent == o.percent && syncedAt == o.syncedAt
               && message == o.message && clientTooOld == o.clientTooOld
               && stopped == o.stopped;
    }
};

} // namespace tambo::core

Q_DECLARE_METATYPE(tambo::core::SyncStatus)
