#include "BundleServerKey.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace tambo::server {

QString BundleServerKey::defaultPath(const QString &configPath)
{
    return QFileInfo(configPath).absoluteDir().filePath(QStringLiteral("bundle-key.json"));
}

QString BundleServerKey::publicLine() const
{
    return serverId.toString(QUuid::WithoutBraces) + QLatin1Char(' ')
           + QString::fromLatin1(keys.publicKey.toHex());
}

std::optional<BundleServerKey> BundleServerKey::loadOrCreate(const QString &path, QString *error)
{
    QFile in(path);
    if (in.exists()) {
        if (!in.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, in.errorString());
            return std::nullopt;
        }
        const QJsonObject o = QJsonDocument::fromJson(in.readAll()).object();
        BundleServerKey key;
        key.serverId = QUuid::fromString(o.value(QStringLiteral("server_id")).toString());
        key.keys = core::BundleKeyPair::fromSecretKey(
            QByteArray::fromHex(o.value(QStringLiteral("secret_key")).toString().toLatin1()));
        if (key.serverId.isNull() || !key.keys.isValid()) {
            *error = QStringLiteral("%1 is not a valid bundle key file").arg(path);
            return std::nullopt;
        }
        return key;
    }
    BundleServerKey key;
    key.serverId = QUuid::createUuid();
    key.keys = core::BundleKeyPair::generate();
    if (!key.keys.isValid()) {
        *error = QStringLiteral("libsodium is unavailable");
        return std::nullopt;
    }
    const QJsonObject o{{QStringLiteral("format"), 1},
                        {QStringLiteral("server_id"), key.serverId.toString(QUuid::WithoutBraces)},
                        {QStringLiteral("public_key"),
                         QString::fromLatin1(key.keys.publicKey.toHex())},
                        {QStringLiteral("secret_key"),
                         QString::fromLatin1(key.keys.secretKey.toHex())}};
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, out.errorString());
        return std::nullopt;
    }
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(QJsonDocument(o).toJson());
    if (!out.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        return std::nullopt;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return key;
}

} // namespace tambo::server
