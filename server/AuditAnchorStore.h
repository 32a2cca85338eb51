#pragma once

#include "sync/AuditAnchor.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <optional>

namespace tambo::core {
class Clock;
}

namespace tambo::server {

// The devices' audit anchors on the server (audit_anchors, schema step 8; docs/sync-protocol.md
// §7.7): append-only (a trigger refuses UPDATE and DELETE). For each device the anchors only
// move forward:
// - a seq the server already holds with the same hash is acknowledged again (idempotent);
// - a seq at or below the device's last anchor with another hash (or a lower seq the server
//   never anchored) is refused and kept in audit_anchor_refusals: the PC's chain no longer
//   matches what it signed before (a rewrite, or a store restored from a backup);
// - a higher seq is appended.
// The signature is checked against the device's registered public key before anything is
// written. Anchors of one device are serialised (a lock on its devices row).
class AuditAnchorStore
{
public:
    enum class Via { Network, Bundle };

    struct Recorded
    {
        qint64 seq = 0;
        QString hash;
        QByteArray signature;
        QDateTime receivedAt;
    };

    enum class Status { Recorded, AlreadyRecorded, Conflict, BadSignature, DbError };
    struct Outcome
    {
        Status status = Status::DbError;
        Recorded anchor;      // Recorded/AlreadyRecorded: as stored
        qint64 lastSeq = 0;   // Conflict: the device's last anchored seq
        QString recordedHash; // Conflict: the hash the server holds for that seq, if any
        QString error;        // DbError: operator detail
    };

    AuditAnchorStore(QSqlDatabase db, const core::Clock &clock);

    // anchor.deviceId must be the caller's device (the endpoint and the bundle processor check
    // that); publicKey is that device's registered key.
    Outcome append(const core::AuditAnchor &anchor,
                   const QByteArray &publicKey,
                   qint64 userId,
                   Via via);

    // The device's anchors with seq > afterSeq, ascending, at most limit; *more says whether
    // there are others after them.
    QList<Recorded> list(
        const QUuid &device, qint64 afterSeq, int limit, bool *more, QString *error = nullptr);
    // The device's last anchor (std::nullopt: none, or *error set).
    std::optional<Recorded> last(const QUuid &device, QString *error = nullptr);

private:
    QSqlDatabase m_db;
    const core::Clock &m_clock;
};

} // namespace tambo::server
