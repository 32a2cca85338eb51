#pragma once

#include "sync/BundleKeyPair.h"
#include "sync/UserBundleKey.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUuid>

namespace tambo::core {

class SyncHttpClient;

// Connects this PC to tambo-server (docs/sync-protocol.md §6): logs the user in bound to this
// PC's device; when the server does not know the device yet, logs in, registers the device with
// its Ed25519 public key (the same key that signs its USB bundles, BundleState::deviceKey) and
// logs in again bound to it. Every bound login is signed with that key (DeviceLoginProof). Synchronous, on the thread that owns the client (the sync worker's).
// The password is used for these calls only and never kept; the tokens stay in the client.
class ServerEnrollment
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::ServerEnrollment)

public:
    struct Result
    {
        bool ok = false;
        QString message;         // for the user (the server's own Spanish message when it gave one)
        bool registered = false; // the device was registered by this call
        QString fullName;
        QString role;
        QString sede;
        // The parameters of the user's bundle key from the login answer ("bundle_key"), for
        // BundleState::setUserKey (USB bundles signed by this user); none from an older server.
        std::optional<UserBundleKey::Params> bundleKey;
    };

    ServerEnrollment(SyncHttpClient &client,
                     QUuid deviceId,
                     BundleKeyPair deviceKey,
                     QString deviceName);

    Result enroll(const QString &username, const QString &password);

private:
    Result failure(int status, const QString &serverMessage, const QString &networkError) const;

    SyncHttpClient &m_client;
    QUuid m_deviceId;
    BundleKeyPair m_key;
    QString m_deviceName;
};

} // namespace tambo::core
