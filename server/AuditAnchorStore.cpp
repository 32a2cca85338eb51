#include "AuditAnchorStore.h"

#include "util/Clock.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tambo::server {

namespace {

QString deviceText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString viaText(AuditAnchorStore::Via via)
{
    return via == AuditAnchorStore::Via::Bundle ? QStringLiteral("bundle")
                                                : QStringLiteral("network");
}

QVariant userOrNull(qint64 userId)
{
    return userId > 0 ? QVariant(userId) : QVariant(QMetaType::fromType<qlonglong>());
}

} // namespace

AuditAnchorStore::AuditAnchorStore(QSqlDatabase db, const core::Clock &clock)
    : m_db(std::move(db))
    , m_clock(clock)
{}

AuditAnchorStore::Outcome AuditAnchorStore::append(const core::AuditAnchor &anchor,
                                                   const QByteArray &publicKey,
                                                   qint64 userId,
                                                   Via via)
{
    Outcome out;
    if (!anchor.verify(publicKey)) {
        out.status = Status::BadSignature;
        return out;
    }
    const auto dbError = [&](const QSqlQuery &q) {
        out.status = Status::DbError;
        out.error = q.lastError().text();
        m_db.rollback();
        return out;
    };
    if (!m_db.transaction()) {
        out.error = m_db.lastError().text();
        return out;
    }
    QSqlQuery q(m_db);
    // One anchor of a device at a time (NO KEY UPDATE: tokens referencing the device still go).
    q.prepare(QStringLiteral("SELECT 1 FROM devices WHERE device_id = ?::uuid FOR NO KEY UPDATE"));
    q.addBindValue(deviceText(anchor.deviceId));
    if (!q.exec())
        return dbError(q);
    q.prepare(QStringLiteral("SELECT coalesce(max(seq), 0), (SELECT hash FROM audit_anchors WHERE "
                             "device_id = ?::uuid AND seq = ?) FROM audit_anchors WHERE device_id "
                             "= ?::uuid"));
    q.addBindValue(deviceText(anchor.deviceId));
    q.addBindValue(anchor.seq);
    q.addBindValue(deviceText(anchor.deviceId));
    if (!q.exec() || !q.next())
        return dbError(q);
    const qint64 lastSeq = q.value(0).toLongLong();
    const QString recordedHash = q.value(1).isNull() ? QString() : q.value(1).toString();
    q.finish();

    if (!recordedHash.isEmpty() && recordedHash == anchor.hash) {
        q.prepare(QStringLiteral("SELECT signature, received_at FROM audit_anchors WHERE "
                                 "device_id = ?::uuid AND seq = ?"));
        q.addBindValue(deviceText(anchor.deviceId));
        q.addBindValue(anchor.seq);
        if (!q.exec() || !q.next())
            return dbError(q);
        out.anchor = {anchor.seq, anchor.hash, q.value(0).toByteArray(), q.value(1).toDateTime()};
        q.finish();
        m_db.commit();
        out.status = Status::AlreadyRecorded;
        return out;
    }
    const QDateTime now = m_clock.now().toUTC();
    if (anchor.seq <= lastSeq) {
        q.prepare(QStringLiteral(
            "INSERT INTO audit_anchor_refusals (device_id, seq, hash, signature, last_seq, "
            "recorded_hash, user_id, via, received_at) VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(deviceText(anchor.deviceId));
        q.addBindValue(anchor.seq);
        q.addBindValue(anchor.hash);
        q.addBindValue(anchor.signature);
        q.addBindValue(lastSeq);
        q.addBindValue(recordedHash.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                              : QVariant(recordedHash));
        q.addBindValue(userOrNull(userId));
        q.addBindValue(viaText(via));
        q.addBindValue(now);
        if (!q.exec() || !m_db.commit())
            return dbError(q);
        out.status = Status::Conflict;
        out.lastSeq = lastSeq;
        out.recordedHash = recordedHash;
        return out;
    }
    q.prepare(QStringLiteral("INSERT INTO audit_anchors (device_id, seq, hash, signature, user_id, "
                             "via, received_at) VALUES (?::uuid, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(deviceText(anchor.deviceId));
    q.addBindValue(anchor.seq);
    q.addBindValue(anchor.hash);
    q.addBindValue(anchor.signature);
    q.addBindValue(userOrNull(userId));
    q.addBindValue(viaText(via));
    q.addBindValue(now);
    if (!q.exec() || !m_db.commit())
        return dbError(q);
    out.status = Status::Recorded;
    out.anchor = {anchor.seq, anchor.hash, anchor.signature, now};
    return out;
}

QList<AuditAnchorStore::Recorded> AuditAnchorStore::list(
    const QUuid &device, qint64 afterSeq, int limit, bool *more, QString *error)
{
    QList<Recorded> anchors;
    if (more)
        *more = false;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, hash, signature, received_at FROM audit_anchors WHERE "
                             "device_id = ?::uuid AND seq > ? ORDER BY seq LIMIT ?"));
    q.addBindValue(deviceText(device));
    q.addBindValue(afterSeq);
    q.addBindValue(limit + 1);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return {};
    }
    while (q.next()) {
        if (anchors.size() == limit) {
            if (more)
                *more = true;
            break;
        }
        anchors.append({q.value(0).toLongLong(),
                        q.value(1).toString(),
                        q.value(2).toByteArray(),
                        q.value(3).toDateTime().toUTC()});
    }
    return anchors;
}

std::optional<AuditAnchorStore::Recorded> AuditAnchorStore::last(const QUuid &device, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT seq, hash, signature, received_at FROM audit_anchors WHERE "
                             "device_id = ?::uuid ORDER BY seq DESC LIMIT 1"));
    q.addBindValue(deviceText(device));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Recorded{q.value(0).toLongLong(),
                    q.value(1).toString(),
                    q.value(2).toByteArray(),
                    q.value(3).toDateTime().toUTC()};
}

} // namespace tambo::server
