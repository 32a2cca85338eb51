#include "sync/DeviceLoginProof.h"

#include "sync/BundleKeyPair.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace tambo::core {

namespace {

const QString ProofField = QStringLiteral("device_proof");
const QString TimeField = QStringLiteral("device_proof_time");

const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}

template<typename MakeMessage>
DeviceLoginProof signMessage(const QByteArray &secretKey,
                             const QDateTime &at,
                             const MakeMessage &makeMessage)
{
    DeviceLoginProof proof;
    proof.time = at.toUTC().toString(Qt::ISODateWithMs);
    if (secretKey.size() != crypto_sign_SECRETKEYBYTES || !BundleKeyPair::initSodium())
        return proof;
    const QByteArray m = makeMessage(proof.time);
    proof.signature.resize(crypto_sign_BYTES);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(proof.signature.data()),
                         nullptr,
                         bytes(m),
                         quint64(m.size()),
                         bytes(secretKey));
    return proof;
}

bool verifyMessage(const QByteArray &signature, const QByteArray &publicKey, const QByteArray &m)
{
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES
        || !BundleKeyPair::initSodium())
        return false;
    return crypto_sign_verify_detached(bytes(signature),
                                       bytes(m),
                                       quint64(m.size()),
                                       bytes(publicKey))
           == 0;
}

} // namespace

QByteArray DeviceLoginProof::message(const QUuid &deviceId,
                                     const QString &username,
                                     const QString &time)
{
    return QByteArrayLiteral("tambo-device-login-v1\n")
           + deviceId.toString(QUuid::WithoutBraces).toLower().toUtf8() + '\n' + username.toUtf8()
           + '\n' + time.toUtf8();
}

DeviceLoginProof DeviceLoginProof::sign(const QByteArray &secretKey,
                                        const QUuid &deviceId,
                                        const QString &username,
                                        const QDateTime &at)
{
    return signMessage(secretKey, at, [&](const QString &time) {
        return message(deviceId, username, time);
    });
}

bool DeviceLoginProof::verify(const QByteArray &publicKey,
                              const QUuid &deviceId,
                              const QString &username) const
{
    return verifyMessage(signature, publicKey, message(deviceId, username, time));
}

QByteArray DeviceLoginProof::refreshMessage(const QUuid &deviceId,
                                            const QString &refreshTokenHash,
                                            const QString &time)
{
    return QByteArrayLiteral("tambo-device-refresh-v1\n")
           + deviceId.toString(QUuid::WithoutBraces).toLower().toUtf8() + '\n'
           + refreshTokenHash.toLower().toLatin1() + '\n' + time.toUtf8();
}

QString DeviceLoginProof::tokenHash(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

DeviceLoginProof DeviceLoginProof::signRefresh(const QByteArray &secretKey,
                                               const QUuid &deviceId,
                                               const QString &refreshToken,
                                               const QDateTime &at)
{
    const QString hash = tokenHash(refreshToken);
    return signMessage(secretKey, at, [&](const QString &time) {
        return refreshMessage(deviceId, hash, time);
    });
}

bool DeviceLoginProof::verifyRefresh(const QByteArray &publicKey,
                                     const QUuid &deviceId,
                                     const QString &refreshTokenHash) const
{
    return verifyMessage(signature, publicKey, refreshMessage(deviceId, refreshTokenHash, time));
}

void DeviceLoginProof::addTo(QJsonObject *body) const
{
    body->insert(ProofField, QString::fromLatin1(signature.toBase64()));
    body->insert(TimeField, time);
}

std::optional<DeviceLoginProof> DeviceLoginProof::fromJson(const QJsonObject &body)
{
    const QJsonValue proof = body.value(ProofField);
    const QJsonValue time = body.value(TimeField);
    if (!proof.isString() || !time.isString())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(proof.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != crypto_sign_BYTES)
        return std::nullopt;
    DeviceLoginProof p;
    p.time = time.toString();
    p.signature = decoded.decoded;
    if (!p.signedAt().isValid())
        return std::nullopt;
    return p;
}

QDateTime DeviceLoginProof::signedAt() const
{
    const QDateTime t = QDateTime::fromString(time, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace tambo::core
