#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <optional>

namespace tambo::core {
class Clock;
}

namespace tambo::server {

struct DeviceInfo
{
    QUuid id;
    QByteArray publicKey; // 32 bytes, Ed25519
    QString name;
    qint64 registeredBy = 0;
    QDateTime registeredAt;
    bool revoked = false;
};

// Registered devices (each municipal PC: a UUID and an Ed25519 public key that will sign its
// sync messages and bundles). Registering is idempotent for the same key; the same id with
// another key is refused, and a revoked device stays revoked (a new id must be registered).
// Revoking also revokes every token bound to the device, in the same transaction.
class DeviceRegistry
{
public:
    enum class Status {
        Registered,        // new row
        AlreadyRegistered, // same id and key: nothing changed
        KeyMismatch,       // same id, other key
        Revoked,           // register: the id was revoked; revoke: done now
        AlreadyRevoked,
        NotFound,
        Invalid, // not an Ed25519 public key / null id
        DbError,
    };
    struct Result
    {
        Status status = Status::DbError;
        DeviceInfo device;
        int tokensRevoked = 0; // revoke()
        QString error;         // DbError details
    };

    DeviceRegistry(QSqlDatabase db, const core::Clock &clock);

    Result registerDevice(const QUuid &id,
                          const QByteArray &publicKey,
                          const QString &name,
                          qint64 registeredBy);
    Result revoke(const QUuid &id, qint64 revokedBy, const QString &reason);
    std::optional<DeviceInfo> find(const QUuid &id, QString *error = nullptr);

    // 32 bytes that encode a valid Ed25519 point of the main subgroup (libsodium).
    static bool isValidPublicKey(const QByteArray &key);

private:
    QSqlDatabase m_db;
    const core::Clock &m_clock;
};

} // namespace tambo::server
