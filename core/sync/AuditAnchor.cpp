#include "sync/AuditAnchor.h"

#include "sync/BundleKeyPair.h"

#include <QRegularExpression>

#include <sodium.h>

#include <cmath>

namespace tambo::core {

namespace {

const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QByteArray AuditAnchor::message(const QUuid &deviceId, qint64 seq, const QString &hash)
{
    return QByteArrayLiteral("tambo-audit-anchor-v1\n")
           + deviceId.toString(QUuid::WithoutBraces).toLower().toUtf8() + '\n'
           + QByteArray::number(seq) + '\n' + hash.toUtf8();
}

AuditAnchor AuditAnchor::sign(const QByteArray &secretKey,
                              const QUuid &deviceId,
                              qint64 seq,
                              const QString &hash)
{
    AuditAnchor anchor;
    anchor.deviceId = deviceId;
    anchor.seq = seq;
    anchor.hash = hash;
    if (secretKey.size() != crypto_sign_SECRETKEYBYTES || !BundleKeyPair::initSodium())
        return anchor;
    const QByteArray m = message(deviceId, seq, hash);
    anchor.signature.resize(crypto_sign_BYTES);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(anchor.signature.data()),
                         nullptr,
                         bytes(m),
                         quint64(m.size()),
                         bytes(secretKey));
    return anchor;
}

bool AuditAnchor::verify(const QByteArray &publicKey) const
{
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES
        || deviceId.isNull() || seq < 1 || !isHash(hash) || !BundleKeyPair::initSodium())
        return false;
    const QByteArray m = message(deviceId, seq, hash);
    return crypto_sign_verify_detached(bytes(signature),
                                       bytes(m),
                                       quint64(m.size()),
                                       bytes(publicKey))
           == 0;
}

bool AuditAnchor::isHash(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("\\A[0-9a-f]{64}\\z"));
    return hex.match(text).hasMatch();
}

QJsonObject AuditAnchor::toJson() const
{
    return {{QStringLiteral("device_id"), deviceId.toString(QUuid::WithoutBraces)},
            {QStringLiteral("seq"), double(seq)},
            {QStringLiteral("hash"), hash},
            {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}};
}

std::optional<AuditAnchor> AuditAnchor::fromJson(const QJsonObject &o, QString *error)
{
    AuditAnchor anchor;
    const QJsonValue device = o.value(QStringLiteral("device_id"));
    const QString deviceText = device.toString();
    anchor.deviceId = QUuid::fromString(deviceText);
    if (!device.isString() || deviceText.size() != 36 || anchor.deviceId.isNull())
        return fail(error, QStringLiteral("\"device_id\" must be a UUID")), std::nullopt;
    const QJsonValue seq = o.value(QStringLiteral("seq"));
    const double d = seq.toDouble(-1);
    if (!seq.isDouble() || d != std::floor(d) || d < 1 || d > 9007199254740992.0)
        return fail(error, QStringLiteral("\"seq\" must be an integer ≥ 1")), std::nullopt;
    anchor.seq = qint64(d);
    const QJsonValue hash = o.value(QStringLiteral("hash"));
    if (!hash.isString() || !isHash(hash.toString()))
        return fail(error, QStringLiteral("\"hash\" must be 64 lower-case hex digits")),
               std::nullopt;
    anchor.hash = hash.toString();
    const QJsonValue signature = o.value(QStringLiteral("signature"));
    const auto decoded = QByteArray::fromBase64Encoding(signature.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!signature.isString() || !decoded || decoded.decoded.size() != crypto_sign_BYTES)
        return fail(error, QStringLiteral("\"signature\" must be 64 bytes of base64")),
               std::nullopt;
    anchor.signature = decoded.decoded;
    return anchor;
}

} // namespace tambo::core
