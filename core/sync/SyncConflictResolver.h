#pragma once

#include "auth/Session.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace tambo::core {

class AuditLog;
class Clock;
class LocalSyncStore;

// Resolves what the server found in conflict or refused for this PC's changes
// (docs/sync-protocol.md §7.4). Each conflict is one field (or one edit-against-delete), so a
// row with several conflicting fields is resolved field by field.
//
//   keepMine    writes this PC's value through the normal local write path, so the outbox
//               triggers queue it on the row's current server version and it wins there (a
//               delete is deleted again, a deleted row is written back). When the local row
//               already holds the value (the pull has not brought the server's side yet) the
//               entry is queued for it directly, on the same current base.
//   keepTheirs  sends nothing for the row (the server's value stands; the pull brings it).
//   discard     a rejected entry is acknowledged: it leaves the review, marked resolved.
//   retry       a rejected entry is queued again as a new outbox entry on the current base.
//
// Every resolution, in one local transaction: marks the conflict or entry resolved (when, which
// choice, by whom), inserts a row into sync_resolutions (core's own append-only synced table,
// captured by the same triggers: tambo-server closes its record when it applies it) and appends
// an audit record. Needs Permissions::SyncResolve (checked here, not only in the UI). Resolving
// something already resolved changes nothing and says so.
class SyncConflictResolver
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::SyncConflictResolver)

public:
    enum class Choice { KeepMine, KeepTheirs, Discard, Retry };

    struct Result
    {
        bool ok = false;
        bool alreadyResolved = false;
        QString message; // translated, for the user (success or failure)
    };

    SyncConflictResolver(LocalSyncStore &store,
                         AuditLog &audit,
                         const Clock &clock,
                         QString deviceId);

    Result keepMine(const Session &session, qint64 conflictId);
    Result keepTheirs(const Session &session, qint64 conflictId);
    Result discard(const Session &session, qint64 rejectedSeq);
    Result retry(const Session &session, qint64 rejectedSeq);

    // "mine", "theirs", "discard", "retry" (stored and synced).
    static QString choiceName(Choice choice);

private:
    Result resolveConflict(const Session &session, qint64 conflictId, Choice choice);
    Result resolveRejected(const Session &session, qint64 seq, Choice choice);
    bool refused(const Session &session, Result *result) const;
    bool writeMine(const QString &table,
                   const QString &rowId,
                   const QString &kind,
                   const QString &field,
                   const QString &serverValue,
                   const QString &clientValue,
                   QString *error);
    bool recordResolution(qint64 seq,
                          const QString &kind,
                          const QString &table,
                          const QString &rowId,
                          const QString &field,
                          Choice choice,
                          const QString &username,
                          const QString &at,
                          QString *error);

    LocalSyncStore &m_store;
    QSqlDatabase m_db;
    AuditLog &m_audit;
    const Clock &m_clock;
    QString m_deviceId;
};

} // namespace tambo::core
