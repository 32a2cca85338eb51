#include "sync/UserBundleKey.h"

#include "store/SecureWipe.h"

#include <QJsonValue>
#include <QStringList>

#include <sodium.h>

namespace tambo::core {

namespace {

const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}

// A JSON number that is a whole number ≥ 0 (JSON numbers are doubles: exact up to 2^53).
std::optional<quint64> wholeNumber(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > 9007199254740992.0 || d != double(quint64(d)))
        return std::nullopt;
    return quint64(d);
}

} // namespace

bool UserBundleKey::Params::isValid() const
{
    return salt.size() == SaltBytes && opsLimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN
           && opsLimit <= MaxOpsLimit && memLimit >= crypto_pwhash_argon2id_MEMLIMIT_MIN
           && memLimit <= MaxMemLimit && check >= 0 && check <= 255;
}

QJsonObject UserBundleKey::Params::toJson() const
{
    return {{QStringLiteral("salt"), QString::fromLatin1(salt.toHex())},
            {QStringLiteral("ops_limit"), double(opsLimit)},
            {QStringLiteral("mem_limit"), double(memLimit)},
            {QStringLiteral("check"), check}};
}

std::optional<UserBundleKey::Params> UserBundleKey::Params::fromJson(const QJsonObject &o)
{
    Params p;
    const QString salt = o.value(QStringLiteral("salt")).toString();
    p.salt = QByteArray::fromHex(salt.toLatin1());
    if (p.salt.toHex() != salt.toLatin1().toLower())
        return std::nullopt;
    const auto ops = wholeNumber(o.value(QStringLiteral("ops_limit")));
    const auto mem = wholeNumber(o.value(QStringLiteral("mem_limit")));
    const auto check = wholeNumber(o.value(QStringLiteral("check")));
    if (!ops || !mem || !check || *check > 255)
        return std::nullopt;
    p.opsLimit = *ops;
    p.memLimit = *mem;
    p.check = int(*check);
    if (!p.isValid())
        return std::nullopt;
    return p;
}

QString UserBundleKey::Params::toLine(const QString &username) const
{
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(username, QString::fromLatin1(salt.toHex()))
        .arg(opsLimit)
        .arg(memLimit)
        .arg(check);
}

std::optional<std::pair<QString, UserBundleKey::Params>> UserBundleKey::Params::fromLine(
    const QString &line)
{
    const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() != 5)
        return std::nullopt;
    bool opsOk = false;
    bool memOk = false;
    bool checkOk = false;
    Params p;
    p.salt = QByteArray::fromHex(parts.at(1).toLatin1());
    p.opsLimit = parts.at(2).toULongLong(&opsOk);
    p.memLimit = parts.at(3).toULongLong(&memOk);
    p.check = parts.at(4).toInt(&checkOk);
    if (!opsOk || !memOk || !checkOk || p.salt.toHex() != parts.at(1).toLatin1().toLower()
        || !p.isValid())
        return std::nullopt;
    return std::make_pair(parts.at(0), p);
}

UserBundleKey::Params UserBundleKey::newParams(quint64 opsLimit, quint64 memLimit)
{
    Params p;
    p.opsLimit = opsLimit;
    p.memLimit = memLimit;
    if (!BundleKeyPair::initSodium())
        return p;
    p.salt.resize(SaltBytes);
    randombytes_buf(p.salt.data(), std::size_t(p.salt.size()));
    return p;
}

UserBundleKey::~UserBundleKey()
{
    secureWipe(m_pair.secretKey);
}

UserBundleKey UserBundleKey::derive(const QString &password, const Params &params, QString *error)
{
    UserBundleKey key;
    Params checked = params;
    checked.check = 0; // unknown yet: the rest must be valid
    if (!checked.isValid()) {
        if (error)
            *error = tr("The bundle key parameters are not valid.");
        return key;
    }
    if (!BundleKeyPair::initSodium()) {
        if (error)
            *error = tr("The cryptographic library (libsodium) could not be initialised.");
        return key;
    }
    const QByteArray utf8 = password.toUtf8();
    QByteArray seed(crypto_sign_SEEDBYTES, '\0');
    if (crypto_pwhash(reinterpret_cast<unsigned char *>(seed.data()),
                      quint64(seed.size()),
                      utf8.constData(),
                      quint64(utf8.size()),
                      bytes(params.salt),
                      params.opsLimit,
                      std::size_t(params.memLimit),
                      crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        secureWipe(seed);
        if (error)
            *error = tr("The bundle key could not be derived from the password (out of memory?).");
        return key;
    }
    BundleKeyPair pair;
    pair.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    pair.secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(pair.publicKey.data()),
                             reinterpret_cast<unsigned char *>(pair.secretKey.data()),
                             bytes(seed));
    secureWipe(seed);
    key.m_pair = pair;
    key.m_params = params;
    key.m_params.check = checkOf(pair.publicKey);
    return key;
}

QByteArray UserBundleKey::sign(const QByteArray &message) const
{
    if (!isValid())
        return {};
    QByteArray signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()),
                         nullptr,
                         bytes(message),
                         quint64(message.size()),
                         bytes(m_pair.secretKey));
    return signature;
}

bool UserBundleKey::verify(const QByteArray &publicKey,
                           const QByteArray &message,
                           const QByteArray &signature)
{
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES
        || !BundleKeyPair::initSodium())
        return false;
    return crypto_sign_verify_detached(bytes(signature),
                                       bytes(message),
                                       quint64(message.size()),
                                       bytes(publicKey))
           == 0;
}

int UserBundleKey::checkOf(const QByteArray &publicKey)
{
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || !BundleKeyPair::initSodium())
        return -1;
    const QByteArray input = QByteArrayLiteral("tambo-user-bundle-key-check-v1") + publicKey;
    unsigned char hash[crypto_generichash_BYTES];
    crypto_generichash(hash, sizeof hash, bytes(input), quint64(input.size()), nullptr, 0);
    return int(hash[0]);
}

} // namespace tambo::core
