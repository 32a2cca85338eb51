#include "auth/PasswordHasher.h"

#include <sodium.h>

#include <array>
#include <cstring>

namespace tambo::core {

namespace {

using EncodedHash = std::array<char, crypto_pwhash_argon2id_STRBYTES>;

// libsodium reads the encoded hash as a char[STRBYTES]: give it one, NUL-terminated.
bool toEncoded(const QString &storedHash, EncodedHash &out)
{
    const QByteArray bytes = storedHash.toLatin1();
    out.fill('\0');
    if (bytes.isEmpty() || bytes.size() >= qsizetype(out.size()))
        return false;
    std::memcpy(out.data(), bytes.constData(), std::size_t(bytes.size()));
    return true;
}

} // namespace

PasswordHasher::PasswordHasher()
    : PasswordHasher(crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
                     crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE)
{}

PasswordHasher::PasswordHasher(unsigned long long opsLimit, std::size_t memLimit)
    : m_opsLimit(opsLimit)
    , m_memLimit(memLimit)
{
    initialize();
}

bool PasswordHasher::initialize()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

QString PasswordHasher::hash(const QString &password, QString *error) const
{
    if (!initialize()) {
        if (error)
            *error = tr("The cryptographic library (libsodium) could not be initialised.");
        return {};
    }
    const QByteArray utf8 = password.toUtf8();
    EncodedHash out{};
    if (crypto_pwhash_argon2id_str(out.data(),
                                   utf8.constData(),
                                   static_cast<unsigned long long>(utf8.size()),
                                   m_opsLimit,
                                   m_memLimit)
        != 0) {
        if (error)
            *error = tr("The password could not be hashed (out of memory?).");
        return {};
    }
    return QString::fromLatin1(out.data());
}

bool PasswordHasher::verify(const QString &storedHash, const QString &password) const
{
    EncodedHash encoded;
    if (!initialize() || !toEncoded(storedHash, encoded))
        return false;
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(encoded.data(),
                                    utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size()))
           == 0;
}

bool PasswordHasher::needsRehash(const QString &storedHash) const
{
    EncodedHash encoded;
    if (!initialize() || !toEncoded(storedHash, encoded))
        return true;
    // 0: same algorithm and parameters; 1: other parameters; -1: not an Argon2id hash.
    return crypto_pwhash_argon2id_str_needs_rehash(encoded.data(), m_opsLimit, m_memLimit) != 0;
}

} // namespace tambo::core
