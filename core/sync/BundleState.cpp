#include "sync/BundleState.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace tambo::core {

namespace {
const QString kDeviceSecret = QStringLiteral("bundle.device_secret_key");
const QString kServerId = QStringLiteral("bundle.server_id");
const QString kServerKey = QStringLiteral("bundle.server_public_key");
const QString kExportSeq = QStringLiteral("bundle.export_seq");
const QString kImportSeq = QStringLiteral("bundle.last_import_seq");
const QString kImportId = QStringLiteral("bundle.last_import_id");
const QString kImportAt = QStringLiteral("bundle.last_import_at");
const QString kUserKeyPrefix = QStringLiteral("bundle.user_key.");

QString userKeyName(const QString &username)
{
    return kUserKeyPrefix + username.trimmed().toLower();
}
} // namespace

BundleState::BundleState(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString BundleState::value(const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

bool BundleState::setValue(const QString &key, const QString &value, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

BundleKeyPair BundleState::storedDeviceKey() const
{
    const QString stored = value(kDeviceSecret);
    return stored.isEmpty() ? BundleKeyPair{}
                            : BundleKeyPair::fromSecretKey(QByteArray::fromHex(stored.toLatin1()));
}

BundleKeyPair BundleState::deviceKey(QString *error)
{
    const QString stored = value(kDeviceSecret);
    if (!stored.isEmpty()) {
        BundleKeyPair pair = BundleKeyPair::fromSecretKey(QByteArray::fromHex(stored.toLatin1()));
        if (!pair.isValid() && error)
            *error = QStringLiteral("the stored device key is damaged");
        return pair;
    }
    BundleKeyPair pair = BundleKeyPair::generate();
    if (!pair.isValid()) {
        if (error)
            *error = QStringLiteral("libsodium is unavailable");
        return {};
    }
    if (!setValue(kDeviceSecret, QString::fromLatin1(pair.secretKey.toHex()), error))
        return {};
    return pair;
}

BundleState::ServerKey BundleState::serverKey() const
{
    ServerKey key;
    key.serverId = QUuid::fromString(value(kServerId));
    key.publicKey = QByteArray::fromHex(value(kServerKey).toLatin1());
    return key;
}

bool BundleState::setServerKey(const ServerKey &key, QString *error)
{
    return setValue(kServerId, key.serverId.toString(QUuid::WithoutBraces), error)
           && setValue(kServerKey, QString::fromLatin1(key.publicKey.toHex()), error);
}

qint64 BundleState::takeExportSeq(QString *error)
{
    const qint64 next = value(kExportSeq).toLongLong() + 1;
    if (!setValue(kExportSeq, QString::number(next), error))
        return 0;
    return next;
}

BundleState::LastImport BundleState::lastImport() const
{
    LastImport last;
    last.exportSeq = value(kImportSeq).toLongLong();
    last.bundleId = QUuid::fromString(value(kImportId));
    last.importedAt = QDateTime::fromString(value(kImportAt), Qt::ISODateWithMs);
    return last;
}

bool BundleState::setLastImport(const LastImport &last, QString *error)
{
    return setValue(kImportSeq, QString::number(last.exportSeq), error)
           && setValue(kImportId, last.bundleId.toString(QUuid::WithoutBraces), error)
           && setValue(kImportAt, last.importedAt.toUTC().toString(Qt::ISODateWithMs), error);
}

std::optional<UserBundleKey::Params> BundleState::userKey(const QString &username) const
{
    const QString stored = value(userKeyName(username));
    if (stored.isEmpty())
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(stored.toUtf8());
    return doc.isObject() ? UserBundleKey::Params::fromJson(doc.object()) : std::nullopt;
}

bool BundleState::setUserKey(const QString &username,
                             const UserBundleKey::Params &params,
                             QString *error)
{
    if (!params.isValid() || username.trimmed().isEmpty()) {
        if (error)
            *error = QStringLiteral("invalid bundle key parameters");
        return false;
    }
    return setValue(userKeyName(username),
                    QString::fromUtf8(QJsonDocument(params.toJson()).toJson(QJsonDocument::Compact)),
                    error);
}

} // namespace tambo::core
