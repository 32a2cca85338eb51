#pragma once

#include "sync/BundleKeyPair.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>

namespace tambo::core {

// A user's own key for proving PC → server sync bundles (docs/adr/0015-bundle-user-proof.md):
// an Ed25519 key pair whose seed is Argon2id(password, salt, opsLimit, memLimit) — a salt of its
// own, never the one inside the server's password hash, so nothing the server stores can sign.
//
// tambo-server makes the key whenever it holds the password in clear (`--create-user`, an online
// login, `tambo-server bundle user-key --password-stdin`) and keeps only the public key. It gives
// the Params (not secret) to the PC when the user logs in; the PC keeps them per user
// (BundleState::userKey) and derives the same pair from the password typed at export time.
//
// Params::check is 8 bits of a hash of the public key: the PC tells a mistyped password at once
// (255 times in 256) instead of after a trip to OTIC, while a stolen store still cannot confirm a
// guessed password (2^-8 of wrong guesses pass; each then costs a refused bundle at OTIC, counted
// as a failed login).
class UserBundleKey
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::UserBundleKey)

public:
    static constexpr int SaltBytes = 16;               // crypto_pwhash_SALTBYTES
    static constexpr quint64 MaxOpsLimit = 10;         // refused above: a bogus or hostile server
    static constexpr quint64 MaxMemLimit = 1ULL << 30; // 1 GiB (libsodium's SENSITIVE limit)

    struct Params
    {
        QByteArray salt; // SaltBytes; also the key's id (a new one with every new password)
        quint64 opsLimit = 0;
        quint64 memLimit = 0; // bytes
        int check = -1;       // 0..255, checkOf(publicKey)

        bool isValid() const;
        bool operator==(const Params &other) const = default;

        // {"salt": hex, "ops_limit": n, "mem_limit": n, "check": n} (the login answer's
        // "bundle_key").
        QJsonObject toJson() const;
        static std::optional<Params> fromJson(const QJsonObject &object);

        // "<username> <salt hex> <ops> <mem> <check>": the line `tambo-server bundle user-key`
        // prints and `tambo-admin bundle trust-user --user-key` reads.
        QString toLine(const QString &username) const;
        static std::optional<std::pair<QString, Params>> fromLine(const QString &line);
    };

    // Params with a fresh random salt (check still unknown: derive() fills it in).
    static Params newParams(quint64 opsLimit, quint64 memLimit);

    UserBundleKey() = default;
    UserBundleKey(const UserBundleKey &) = default;
    UserBundleKey &operator=(const UserBundleKey &) = default;
    ~UserBundleKey();

    // Argon2id over the password with params (memLimit bytes of memory, a noticeable moment),
    // then crypto_sign_seed_keypair. The result's params() carry the computed check. Invalid
    // (and *error, translated) on bad params or when libsodium fails.
    static UserBundleKey derive(const QString &password,
                                const Params &params,
                                QString *error = nullptr);

    bool isValid() const { return m_pair.isValid(); }
    const Params &params() const { return m_params; }
    QByteArray publicKey() const { return m_pair.publicKey; }

    // Ed25519 detached signature (64 bytes); empty when invalid.
    QByteArray sign(const QByteArray &message) const;
    static bool verify(const QByteArray &publicKey,
                       const QByteArray &message,
                       const QByteArray &signature);

    // 8 bits of BLAKE2b("tambo-user-bundle-key-check-v1" ‖ publicKey); -1 on a bad key.
    static int checkOf(const QByteArray &publicKey);

private:
    Params m_params;
    BundleKeyPair m_pair;
};

} // namespace tambo::core
