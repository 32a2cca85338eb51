#include "UserAccounts.h"

#include "auth/Roles.h"
#include "auth/UserService.h"
#include "util/Clock.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tambo::server {

namespace {

constexpr auto UserColumns = "id, username, full_name, role_id, COALESCE(sede_id, ''), disabled";

ServerUser userFrom(const QSqlQuery &q)
{
    ServerUser u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.fullName = q.value(2).toString();
    u.roleId = q.value(3).toString();
    u.sedeId = q.value(4).toString();
    u.disabled = q.value(5).toBool();
    return u;
}

// Verifying against this when the user does not exist keeps the answer time the same.
const QString &dummyVerifier(const core::PasswordHasher &hasher)
{
    static const QString hash = hasher.hash(QStringLiteral("tambo-no-such-user"));
    return hash;
}

} // namespace

UserAccounts::UserAccounts(QSqlDatabase db, const core::Clock &clock, core::PasswordHasher hasher)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_hasher(hasher)
{}

UserAccounts::Result UserAccounts::create(const core::NewUser &user)
{
    Result r;
    const QString username = normalizedUsername(user.username);
    QString problem = core::UserService::checkUsername(username);
    if (problem.isEmpty() && !core::Roles::all().contains(user.roleId))
        problem = QStringLiteral("unknown role '%1' (known: %2)")
                      .arg(user.roleId, core::Roles::all().join(QStringLiteral(", ")));
    if (problem.isEmpty())
        problem = core::UserService::checkPassword(user.password);
    if (!problem.isEmpty()) {
        r.status = Status::Invalid;
        r.error = problem;
        return r;
    }

    QString hashError;
    const QString verifier = m_hasher.hash(user.password, &hashError);
    if (verifier.isEmpty()) {
        r.status = Status::DbError;
        r.error = hashError;
        return r;
    }

    const QDateTime now = m_clock.now().toUTC();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO users (username, full_name, role_id, sede_id,"
                             " password_hash, disabled, created_at, updated_at)"
                             " VALUES (?, COALESCE(?, ''), ?, NULLIF(?, ''), ?, FALSE, ?, ?)"
                             " ON CONFLICT (username) DO NOTHING"
                             " RETURNING %1")
                  .arg(QLatin1String(UserColumns)));
    q.addBindValue(username);
    q.addBindValue(user.fullName.trimmed());
    q.addBindValue(user.roleId);
    q.addBindValue(user.sedeId.trimmed());
    q.addBindValue(verifier);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec()) {
        r.status = Status::DbError;
        r.error = QStringLiteral("cannot create user %1: %2").arg(username, q.lastError().text());
        return r;
    }
    if (!q.next()) {
        r.status = Status::Exists;
        r.error = QStringLiteral("user %1 already exists").arg(username);
        return r;
    }
    r.status = Status::Ok;
    r.user = userFrom(q);
    return r;
}

UserAccounts::Result UserAccounts::verifyLogin(const QString &username, const QString &password)
{
    Result r;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1, password_hash FROM users WHERE username = ?")
                  .arg(QLatin1String(UserColumns)));
    q.addBindValue(normalizedUsername(username));
    if (!q.exec()) {
        r.status = Status::DbError;
        r.error = QStringLiteral("cannot read users: %1").arg(q.lastError().text());
        return r;
    }
    if (!q.next()) {
        m_hasher.verify(dummyVerifier(m_hasher), password);
        r.status = Status::BadCredentials;
        return r;
    }
    const ServerUser user = userFrom(q);
    const QString verifier = q.value(6).toString();
    if (!m_hasher.verify(verifier, password)) {
        r.status = Status::BadCredentials;
        return r;
    }
    r.user = user;
    r.status = user.disabled ? Status::Disabled : Status::Ok;
    return r;
}

std::optional<ServerUser> UserAccounts::findById(qint64 id, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(QLatin1String(UserColumns)));
    q.addBindValue(id);
    if (!q.exec()) {
        if (error)
            *error = QStringLiteral("cannot read users: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return userFrom(q);
}

} // namespace tambo::server
