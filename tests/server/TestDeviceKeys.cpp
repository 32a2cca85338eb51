#include "TestDeviceKeys.h"

#include "sync/DeviceLoginProof.h"

#include <QUuid>

#include <sodium.h>

namespace tambo::test {

core::BundleKeyPair TestDeviceKeys::forDevice(const QString &deviceId)
{
    if (!core::BundleKeyPair::initSodium())
        return {};
    const QByteArray label = QByteArrayLiteral("tambo-test-device\n") + deviceId.toLower().toUtf8();
    unsigned char seed[crypto_sign_SEEDBYTES];
    crypto_hash_sha256(seed,
                       reinterpret_cast<const unsigned char *>(label.constData()),
                       quint64(label.size()));
    QByteArray pk(crypto_sign_PUBLICKEYBYTES, '\0');
    QByteArray sk(crypto_sign_SECRETKEYBYTES, '\0');
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(pk.data()),
                             reinterpret_cast<unsigned char *>(sk.data()),
                             seed);
    return core::BundleKeyPair{pk, sk};
}

QString TestDeviceKeys::publicKeyBase64(const QString &deviceId)
{
    return QString::fromLatin1(forDevice(deviceId).publicKey.toBase64());
}

void TestDeviceKeys::bindLogin(QJsonObject *body, const QString &deviceId, const QString &username)
{
    body->insert(QStringLiteral("device_id"), deviceId);
    core::DeviceLoginProof::sign(forDevice(deviceId).secretKey,
                                 QUuid::fromString(deviceId),
                                 username,
                                 QDateTime::currentDateTimeUtc())
        .addTo(body);
}

} // namespace tambo::test
