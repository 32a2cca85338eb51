#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstddef>

namespace tambo::core {

// Argon2id password hashes through libsodium (crypto_pwhash_argon2id_str, which embeds the salt
// and the parameters in the "$argon2id$v=19$m=…,t=…,p=1$…" string). Default cost: libsodium's
// INTERACTIVE limits (2 passes, 64 MiB). Thread-safe; copy freely.
class PasswordHasher
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::PasswordHasher)

public:
    PasswordHasher(); // INTERACTIVE limits
    PasswordHasher(unsigned long long opsLimit, std::size_t memLimit);

    // Calls sodium_init() once per process; false when libsodium cannot be used.
    static bool initialize();

    // The encoded hash of password, or an empty string and *error (translated) on failure.
    QString hash(const QString &password, QString *error = nullptr) const;
    // True when password matches storedHash (any Argon2 variant libsodium knows).
    bool verify(const QString &storedHash, const QString &password) const;
    // True when storedHash was made with other parameters or another algorithm than this
    // hasher's: hash the password again after a successful verify().
    bool needsRehash(const QString &storedHash) const;

    unsigned long long opsLimit() const { return m_opsLimit; }
    std::size_t memLimit() const { return m_memLimit; }

private:
    unsigned long long m_opsLimit;
    std::size_t m_memLimit;
};

} // namespace tambo::core
