#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace tambo::core {

// A device's signed statement about its audit chain (core/audit/AuditLog): "row <seq> of my audit
// log has hash <hash>" (docs/sync-protocol.md §7.9). The PC sends one after each sync run's push
// (POST /v1/audit/anchors) and in its USB bundles; tambo-server only appends them, so whoever
// later rewrites the PC's audit rows and recomputes the chain (the store key is enough for that)
// no longer matches what the server holds. Signed with the device's Ed25519 key (the pair it
// registered, BundleKeyPair), over the UTF-8 bytes of
//     "tambo-audit-anchor-v1\n" <device id, lower case, no braces> "\n" <seq, decimal> "\n" <hash>
// JSON: {"device_id": "…", "seq": 42, "hash": "<64 lower-case hex>", "signature": "<base64>"}.
struct AuditAnchor
{
    QUuid deviceId;
    qint64 seq = 0;       // ≥ 1
    QString hash;         // the row's hash: 64 lower-case hex digits
    QByteArray signature; // 64 bytes

    static QByteArray message(const QUuid &deviceId, qint64 seq, const QString &hash);
    // Empty signature when the secret key is not a libsodium Ed25519 secret key (64 bytes).
    static AuditAnchor sign(const QByteArray &secretKey,
                            const QUuid &deviceId,
                            qint64 seq,
                            const QString &hash);
    bool verify(const QByteArray &publicKey) const;

    static bool isHash(const QString &text); // 64 lower-case hex digits

    QJsonObject toJson() const;
    // Validates completely (ids, seq ≥ 1, hash, a 64-byte signature); not the signature itself.
    static std::optional<AuditAnchor> fromJson(const QJsonObject &object, QString *error);
};

} // namespace tambo::core
