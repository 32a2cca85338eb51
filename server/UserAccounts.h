#pragma once

#include "auth/NewUser.h"
#include "auth/PasswordHasher.h"

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
        bool ok() const { return status == Status::Ok; }
    };

    // Ok, Invalid (bad username, unknown role, weak password), Exists or DbError.
    Result create(const core::NewUser &user);
    // Ok, BadCredentials (unknown user or wrong password: indistinguishable, and an unknown
    // user costs the same Argon2id work as a known one), Disabled (only after the right
    // password) or DbError.
    Result verifyLogin(const QString &username, const QString &password);
    // The user with this id, or nullopt (and *error on a database failure).
    std::optional<ServerUser> findById(qint64 id, QString *error = nullptr);

    static QString normalizedUsername(const QString &username)
    {
        return username.trimmed().toLower();
    }

private:
    QSqlDatabase m_db;
    const core::Clock &m_clock;
    core::PasswordHasher m_hasher;
};

} // namespace tambo::server
