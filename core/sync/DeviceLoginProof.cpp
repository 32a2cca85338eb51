#include "sync/DeviceLoginProof.h"

#include "sync/BundleKeyPair.h"

#include <sodium.h>

namespace tambo::core {

namespace {

const QString ProofField = QStringLiteral("device_proof");
const QString TimeField = QStringLiteral("device_proof_time");

const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
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
    DeviceLoginProof proof;
    proof.time = at.toUTC().toString(Qt::ISODateWithMs);
    if (secretKey.size() != crypto_sign_SECRETKEYBYTES || !BundleKeyPair::initSodium())
        return proof;
    const QByteArray m = message(deviceId, username, proof.time);
    proof.signature.resize(crypto_sign_BYTES);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(proof.signature.data()),
                         nullptr,
                         bytes(m),
                         quint64(m.size()),
                         bytes(secretKey));
    return proof;
}

bool DeviceLoginProof::verify(const QByteArray &publicKey,
                              const QUuid &deviceId,
                              const QString &username) const
{
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES
        || !BundleKeyPair::initSodium())
        return false;
    const QByteArray m = message(deviceId, username, time);
    return crypto_sign_verify_detached(bytes(signature),
                                       bytes(m),
                                       quint64(m.size()),
                                       bytes(publicKey))
           == 0;
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
