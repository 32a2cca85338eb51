#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace tambo::core {

// Proof that a login bound to a device (POST /v1/auth/login with "device_id") comes from the PC
// that holds the device's key, not from anyone who knows a user's password and the device's id
// (docs/sync-protocol.md §5.1). The PC signs, with its Ed25519 device key (the pair it
// registered, BundleKeyPair), the UTF-8 bytes of
//     "tambo-device-login-v1\n" <device id, lower case, no braces> "\n" <username as sent> "\n" <time>
// where time is the PC's idea of the server's time (ISO 8601 UTC with ms). The login body carries
// "device_proof" (the 64-byte signature, base64) and "device_proof_time". The server accepts a
// time within MaxSkewSeconds of its clock; otherwise it answers 401 "device_proof_stale" with its
// "server_time", and the PC signs again with that time.
//
// The refresh of a session bound to a device (POST /v1/auth/refresh) is signed the same way, over
//     "tambo-device-refresh-v1\n" <device id> "\n" <hex SHA-256 of the refresh token> "\n" <time>
// so a refresh token copied off a PC is useless without the device's key (signRefresh,
// verifyRefresh; the same body fields).
struct DeviceLoginProof
{
    static constexpr qint64 MaxSkewSeconds = 300;

    QString time;         // as signed
    QByteArray signature; // 64 bytes

    static QByteArray message(const QUuid &deviceId, const QString &username, const QString &time);
    // Empty signature when the secret key is not a libsodium Ed25519 secret key (64 bytes).
    static DeviceLoginProof sign(const QByteArray &secretKey,
                                 const QUuid &deviceId,
                                 const QString &username,
                                 const QDateTime &at);
    bool verify(const QByteArray &publicKey, const QUuid &deviceId, const QString &username) const;

    // The refresh of a device-bound session: the signed subject is the token's SHA-256 (hex,
    // lower case), never the token itself.
    static QByteArray refreshMessage(const QUuid &deviceId,
                                     const QString &refreshTokenHash,
                                     const QString &time);
    static DeviceLoginProof signRefresh(const QByteArray &secretKey,
                                        const QUuid &deviceId,
                                        const QString &refreshToken,
                                        const QDateTime &at);
    bool verifyRefresh(const QByteArray &publicKey,
                       const QUuid &deviceId,
                       const QString &refreshTokenHash) const;
    // Hex SHA-256 of a token, as the server stores it (TokenService::hashToken).
    static QString tokenHash(const QString &token);

    // "device_proof" and "device_proof_time" into a login body.
    void addTo(QJsonObject *body) const;
    // From a login body; nullopt when either field is missing or not well formed.
    static std::optional<DeviceLoginProof> fromJson(const QJsonObject &body);
    // The signed time, or an invalid QDateTime.
    QDateTime signedAt() const;
};

} // namespace tambo::core
