#pragma once

#include "sync/BundleKeyPair.h"
#include "sync/UserBundleKey.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

namespace tambo::core {

// A PC's bundle bookkeeping in the encrypted local store (SyncSchema's sync_state key/value
// table, so no schema change): the device's Ed25519 key pair (the secret key never leaves the
// SQLCipher store), the pinned server bundle key, the export counter and the last imported
// server bundle, and per user the parameters of their bundle key (not secret: the salt and the
// Argon2id cost, given by tambo-server at an online login or by OTIC).
class BundleState
{
public:
    explicit BundleState(QSqlDatabase db);

    // The device key pair, created (and stored) on first use; invalid on a store error.
    BundleKeyPair deviceKey(QString *error = nullptr);
    // The stored device key pair, never creating one (invalid when there is none).
    BundleKeyPair storedDeviceKey() const;

    struct ServerKey
    {
        QUuid serverId;
        QByteArray publicKey; // Ed25519, 32 bytes
        bool isValid() const { return !serverId.isNull() && publicKey.size() == 32; }
    };
    ServerKey serverKey() const;
    bool setServerKey(const ServerKey &key, QString *error = nullptr);

    // Next export number (stored before it is used: never reused).
    qint64 takeExportSeq(QString *error = nullptr);

    struct LastImport
    {
        qint64 exportSeq = 0; // the reply's export number, 0 = nothing imported
        QUuid bundleId;
        QDateTime importedAt;
    };
    LastImport lastImport() const;
    bool setLastImport(const LastImport &last, QString *error = nullptr);

    // The parameters of username's bundle key (UserBundleKey), or nullopt when this PC has none
    // yet. Usernames are compared as the server does (trimmed, lower case).
    std::optional<UserBundleKey::Params> userKey(const QString &username) const;
    bool setUserKey(const QString &username,
                    const UserBundleKey::Params &params,
                    QString *error = nullptr);

private:
    QString value(const QString &key) const;
    bool setValue(const QString &key, const QString &value, QString *error);

    QSqlDatabase m_db;
};

} // namespace tambo::core
