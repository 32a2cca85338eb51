#include "DeviceRegistry.h"

#include "migrations/Transaction.h"
#include "util/Clock.h"

#include <QSqlError>
#include <QSqlQuery>

#include <sodium.h>

namespace tambo::server {

namespace {

constexpr auto DeviceColumns = "device_id::text, encode(public_key, 'base64'), name, registered_by,"
                               " (EXTRACT(EPOCH FROM registered_at) * 1000)::bigint,"
                               " revoked_at IS NOT NULL";

DeviceInfo deviceFrom(const QSqlQuery &q)
{
    DeviceInfo d;
    d.id = QUuid::fromString(q.value(0).toString());
    // encode(…, 'base64') wraps lines every 76 characters; fromBase64 skips the newlines.
    d.publicKey = QByteArray::fromBase64(q.value(1).toString().toLatin1());
    d.name = q.value(2).toString();
    d.registeredBy = q.value(3).toLongLong();
    d.registeredAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
    d.revoked = q.value(5).toBool();
    return d;
}

} // namespace

DeviceRegistry::DeviceRegistry(QSqlDatabase db, const core::Clock &clock)
    : m_db(std::move(db))
    , m_clock(clock)
{}

bool DeviceRegistry::isValidPublicKey(const QByteArray &key)
{
    if (key.size() != crypto_sign_ed25519_PUBLICKEYBYTES || sodium_init() < 0)
        return false;
    return crypto_core_ed25519_is_valid_point(
               reinterpret_cast<const unsigned char *>(key.constData()))
           == 1;
}

std::optional<DeviceInfo> DeviceRegistry::find(const QUuid &id, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM devices WHERE device_id = ?::uuid")
                  .arg(QLatin1String(DeviceColumns)));
    q.addBindValue(id.toString(QUuid::WithoutBraces));
    if (!q.exec()) {
        if (error)
            *error = QStringLiteral("cannot read devices: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return deviceFrom(q);
}

DeviceRegistry::Result DeviceRegistry::registerDevice(const QUuid &id,
                                                      const QByteArray &publicKey,
                                                      const QString &name,
                                                      qint64 registeredBy)
{
    Result r;
    if (id.isNull() || !isValidPublicKey(publicKey)) {
        r.status = Status::Invalid;
        return r;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
                  "INSERT INTO devices (device_id, public_key, name, registered_by,"
                  " registered_at) VALUES (?::uuid, decode(?, 'base64'), COALESCE(?, ''), ?, ?)"
                  " ON CONFLICT (device_id) DO NOTHING RETURNING %1")
                  .arg(QLatin1String(DeviceColumns)));
    q.addBindValue(id.toString(QUuid::WithoutBraces));
    q.addBindValue(QString::fromLatin1(publicKey.toBase64()));
    q.addBindValue(name.trimmed().left(128));
    q.addBindValue(registeredBy);
    q.addBindValue(m_clock.now().toUTC());
    if (!q.exec()) {
        r.error = QStringLiteral("cannot register device: %1").arg(q.lastError().text());
        return r;
    }
    if (q.next()) {
        r.status = Status::Registered;
        r.device = deviceFrom(q);
        return r;
    }
    // The id exists already (possibly registered a moment ago by another server).
    const std::optional<DeviceInfo> existing = find(id, &r.error);
    if (!existing) {
        if (r.error.isEmpty())
            r.error = QStringLiteral("device %1 vanished while registering").arg(id.toString());
        return r;
    }
    r.device = *existing;
    if (existing->revoked)
        r.status = Status::Revoked;
    else if (existing->publicKey != publicKey)
        r.status = Status::KeyMismatch;
    else
        r.status = Status::AlreadyRegistered;
    return r;
}

DeviceRegistry::Result DeviceRegistry::revoke(const QUuid &id,
                                              qint64 revokedBy,
                                              const QString &reason)
{
    Result r;
    if (id.isNull()) {
        r.status = Status::Invalid;
        return r;
    }
    const QDateTime now = m_clock.now().toUTC();
    core::Transaction tx(m_db);
    if (!tx.isActive()) {
        r.error = tx.error();
        return r;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM devices WHERE device_id = ?::uuid FOR UPDATE")
                  .arg(QLatin1String(DeviceColumns)));
    q.addBindValue(id.toString(QUuid::WithoutBraces));
    if (!q.exec()) {
        r.error = QStringLiteral("cannot read devices: %1").arg(q.lastError().text());
        return r;
    }
    if (!q.next()) {
        r.status = Status::NotFound;
        return r;
    }
    r.device = deviceFrom(q);
    q.finish();
    if (r.device.revoked) {
        r.status = Status::AlreadyRevoked;
        return r;
    }

    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE devices SET revoked_at = ?, revoked_by = ?,"
                                  " revoke_reason = NULLIF(?, '') WHERE device_id = ?::uuid"));
    update.addBindValue(now);
    update.addBindValue(revokedBy);
    update.addBindValue(reason.trimmed().left(500));
    update.addBindValue(id.toString(QUuid::WithoutBraces));
    if (!update.exec()) {
        r.error = QStringLiteral("cannot revoke device: %1").arg(update.lastError().text());
        return r;
    }
    QSqlQuery tokens(m_db);
    tokens.prepare(QStringLiteral("UPDATE tokens SET revoked_at = ?"
                                  " WHERE device_id = ?::uuid AND revoked_at IS NULL"));
    tokens.addBindValue(now);
    tokens.addBindValue(id.toString(QUuid::WithoutBraces));
    if (!tokens.exec()) {
        r.error = QStringLiteral("cannot revoke the device's tokens: %1")
                      .arg(tokens.lastError().text());
        return r;
    }
    r.tokensRevoked = tokens.numRowsAffected();
    if (!tx.commit()) {
        r.error = tx.error();
        return r;
    }
    r.device.revoked = true;
    r.status = Status::Revoked;
    return r;
}

} // namespace tambo::server
