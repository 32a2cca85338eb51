#pragma once

#include "auth/NewUser.h"
#include "auth/PasswordHasher.h"
#include "sync/UserBundleKey.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tambo::core {
class Clock;
}

namespace tambo::server {

// A user as the server knows it (the password verifier stays inside UserAccounts).
struct ServerUser
{
    qint64 id = 0;
    QString username;
    QString fullName;
    QString roleId;
    QString sedeId; // empty = not tied to a sede
    bool disabled = false;
};

// The server's accounts in PostgreSQL (table users): creation for `tambo-server --create-user`
// and password checks for /v1/auth/login. Usernames, roles and password rules are core's
// (UserService::checkUsername/checkPassword, Roles.h), so the desktop and the server agree.
// Works on the calling thread's connection; cheap to make per request.
//
// Each user also has a bundle key (core::UserBundleKey, ADR 0015): made from the password
// whenever the server holds it in clear — create() and a successful verifyLogin() when the user
// has none or a stale one (made for an older password) — with the hasher's Argon2id cost and a
// salt of its own. Only its public key is kept; PC → server bundles are signed with it.
class UserAccounts
{
public:
    UserAccounts(QSqlDatabase db, const core::Clock &clock, core::PasswordHasher hasher = {});

    enum class Status { Ok, Invalid, Exists, BadCredentials, Disabled, DbError };
    struct Result
    {
        Status status = Status::DbError;
        ServerUser user;
        QString error; // for Invalid / Exists / DbError (operator-facing, English)
        // Ok only: the parameters of the user's current bundle key, for the PC (login answer).
        std::optional<core::UserBundleKey::Params> bundleKey;
        bool ok() const { return status == Status::Ok; }
    };

    // Ok, Invalid (bad username, unknown role, weak password), Exists or DbError.
    Result create(const core::NewUser &user);
    // Ok, BadCredentials (unknown user or wrong password: indistinguishable, and an unknown
    // user costs the same Argon2id work as a known one), Disabled (only after the right
    // password) or DbError. Ok makes the user's bundle key when it is missing or stale (a second
    // Argon2id, once per password).
    Result verifyLogin(const QString &username, const QString &password);
    // The user with this id, or nullopt (and *error on a database failure).
    std::optional<ServerUser> findById(qint64 id, QString *error = nullptr);

    // The user's bundle key as stored.
    struct BundleKey
    {
        core::UserBundleKey::Params params; // check filled in from the public key
        QByteArray publicKey;
        bool current = false; // made from the current password (false: the password changed)
    };
    // nullopt when the user has none (never seen since the key was introduced) or on a database
    // failure (*error).
    std::optional<BundleKey> bundleKey(qint64 userId, QString *error = nullptr);

    static QString normalizedUsername(const QString &username)
    {
        return username.trimmed().toLower();
    }

private:
    // Makes a new bundle key from the password unless the current one was made from this
    // verifier; the current key's parameters, or nullopt and *error.
    std::optional<core::UserBundleKey::Params> ensureBundleKey(qint64 userId,
                                                               const QString &verifier,
                                                               const QString &password,
                                                               QString *error);

    QSqlDatabase m_db;
    const core::Clock &m_clock;
    core::PasswordHasher m_hasher;
};

} // namespace tambo::server
