#pragma once

#include "sync/SyncCatalogue.h"
#include "sync/SyncMessages.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

namespace tambo::core {
class Clock;
}

namespace tambo::server {

// The server half of sync (docs/sync-protocol.md, ADR 0007) over PostgreSQL: every synced row
// of every module in one generic table sync_rows (table, id) → JSONB data, with a server
// version from the global sequence sync_change_seq, per-column versions and writers (to merge
// by column), its scope (sede, area) and tombstones for deletes.
//
// Every change is checked against the rule catalogue (core::SyncCatalogue, compiled from the
// same module declarations as the desktop), never against what the request says about a table:
// the table must be declared; append-only tables take inserts only; the caller's role must hold
// a permission that allows the operation (insert, update, delete, scope move, guarded columns);
// a table with scope columns needs its sede on every row; actor columns must name the caller.
//
// push(): each outbox entry in its own transaction that also moves the device's last_seq, so an
// entry is applied exactly once whatever is cut or retried: seq ≤ last_seq is a duplicate
// (acknowledged, nothing done; a rejection or conflict recorded for it is told again) when its
// content is the one applied under that seq, and seq_reused otherwise (EntryDigest), seq >
// last_seq + 1 a gap (refused with the expected seq). An entry whose values sync refuses
// (SyncValueCheck: control characters, invalid text, a row over the byte cap) is rejected
// before any of it reaches PostgreSQL. A
// rejected entry (unknown table, outside the user's scope, append-only rule) is rolled back to
// a savepoint, stored in sync_rejections and acknowledged, so the device's queue moves on.
// Versions are taken under one transaction-level advisory lock, so they become visible in
// version order and a pull cursor can never skip a row that commits late.
//
// pull(): the rows (and tombstones) of the caller's scope with a version above the cursor, in
// version order, one page at a time (at most page_size rows and, from the second row on,
// SyncProtocol::MaxPageBytes of JSON) with a checksum. A row that left the caller's scope (moved
// to another sede or area) comes as a tombstone too, so it does not stay on the old sede's PCs.
// The cursor the device confirms it applied (applied_cursor, not the one it asks from) is
// recorded per device and scope (PullCursors); tombstones are purged once every active
// device's confirmed cursors passed them.
class SyncStore
{
public:
    struct Caller
    {
        qint64 userId = 0;
        QString username; // normalised, as authenticated (actor columns must name it)
        QString role;
        QSet<QString> permissions; // the role's, from the catalogue
        QString sede;              // empty: not tied to a sede
        QUuid deviceId;
        bool seesAll() const;
    };

    // SeqReused: a seq ≤ last_seq came with other content than the server applied under it
    // (EntryDigest): nothing of the push from that entry on is applied.
    enum class Status { Ok, Gap, Forbidden, DbError, SeqReused };

    struct PushOutcome
    {
        Status status = Status::DbError;
        core::PushResponse response;
        QString error;       // DbError: operator detail
        qint64 reusedSeq = 0; // SeqReused: the seq
    };
    PushOutcome push(const Caller &caller, const core::PushRequest &request);

    struct PullOutcome
    {
        Status status = Status::DbError;
        core::PullResponse response;
        QString error;
    };
    PullOutcome pull(const Caller &caller, const core::PullRequest &request);

    // Deletes tombstones every active device has passed; the number deleted, or -1.
    int purgeTombstones(QString *error = nullptr);

    SyncStore(QSqlDatabase db, const core::Clock &clock, const core::SyncCatalogue &catalogue);

private:
    struct OpResult
    {
        bool rejected = false;
        QString reason;
        QString message;
        bool dbError = false;
        QString error;
    };
    OpResult applyOp(
        const Caller &caller, const core::SyncOp &op, qint64 base, qint64 seq, core::PushAck *ack);
    struct Scope
    {
        QString sede; // empty: shared by every sede
        QString area;
    };
    // A row changed scope: recorded in sync_scope_exits (with a version of its own), so the PCs
    // of the old scope get a withdrawal (a tombstone) on their next pull; the rows scoped
    // through it (scope_parent) follow it with new versions, recursively, children first. The
    // recursion follows the catalogue's scope parents, which have no loops: depth is bounded by
    // SyncCatalogue::scopeDepth().
    bool moveScope(const QString &table,
                   const QString &rowId,
                   const Scope &from,
                   const Scope &to,
                   int depth,
                   QString *error);
    // The operation's permission check (role, guarded columns, actor columns) against the
    // catalogue; false fills *result with the rejection.
    bool permitted(const Caller &caller,
                   const core::SyncedTable &table,
                   const core::SyncOp &op,
                   bool exists,
                   const QJsonObject &current,
                   OpResult *result) const;
    bool scopeOf(const core::SyncedTable &table,
                 const QJsonObject &data,
                 QString *sede,
                 QString *area,
                 OpResult *result);
    bool canWrite(const Caller &caller, const QString &sede) const;
    qint64 nextVersion(QString *error);
    // A sync_resolutions row was applied: closes the conflict or rejection it resolves.
    bool closeResolved(const Caller &caller, const QJsonObject &resolution, QString *error);
    // The conflicts recorded for a device's seq, into a duplicate's ack (status conflict).
    bool retellConflicts(const QString &device, qint64 seq, core::PushAck *ack, QString *error);
    bool recordConflict(const Caller &caller,
                        qint64 seq,
                        qint64 base,
                        const core::SyncConflict &conflict,
                        QString *error);

    QSqlDatabase m_db;
    const core::Clock &m_clock;
    const core::SyncCatalogue &m_catalogue;
};

} // namespace tambo::server
