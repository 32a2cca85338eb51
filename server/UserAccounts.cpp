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
    const core::UserBundleKey bundleKey
        = core::UserBundleKey::derive(user.password,
                                      core::UserBundleKey::newParams(m_hasher.opsLimit(),
                                                                     m_hasher.memLimit()),
                                      &hashError);
    if (!bundleKey.isValid()) {
        r.status = Status::DbError;
        r.error = hashError;
        return r;
    }

    const QDateTime now = m_clock.now().toUTC();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO users (username, full_name, role_id, sede_id,"
                             " password_hash, disabled, created_at, updated_at,"
                             " bundle_key_salt, bundle_key_ops, bundle_key_mem,"
                             " bundle_public_key, bundle_key_for)"
                             " VALUES (?, COALESCE(?, ''), ?, NULLIF(?, ''), ?, FALSE, ?, ?,"
                             " ?, ?, ?, ?, sha256(convert_to(?, 'UTF8')))"
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
    q.addBindValue(bundleKey.params().salt);
    q.addBindValue(qint64(bundleKey.params().opsLimit));
    q.addBindValue(qint64(bundleKey.params().memLimit));
    q.addBindValue(bundleKey.publicKey());
    q.addBindValue(verifier);
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
    r.bundleKey = bundleKey.params();
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
    if (user.disabled) {
        r.status = Status::Disabled;
        return r;
    }
    r.bundleKey = ensureBundleKey(user.id, verifier, password, &r.error);
    r.status = r.bundleKey ? Status::Ok : Status::DbError;
    return r;
}

std::optional<UserAccounts::BundleKey> UserAccounts::bundleKey(qint64 userId, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT bundle_key_salt, bundle_key_ops, bundle_key_mem, bundle_public_key,"
                       " bundle_key_for = sha256(convert_to(password_hash, 'UTF8'))"
                       " FROM users WHERE id = ? AND bundle_public_key IS NOT NULL"));
    q.addBindValue(userId);
    if (!q.exec()) {
        if (error)
            *error = QStringLiteral("cannot read users: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    BundleKey key;
    key.params.salt = q.value(0).toByteArray();
    key.params.opsLimit = quint64(q.value(1).toLongLong());
    key.params.memLimit = quint64(q.value(2).toLongLong());
    key.publicKey = q.value(3).toByteArray();
    key.params.check = core::UserBundleKey::checkOf(key.publicKey);
    key.current = q.value(4).toBool();
    return key;
}

std::optional<core::UserBundleKey::Params> UserAccounts::ensureBundleKey(qint64 userId,
                                                                         const QString &verifier,
                                                                         const QString &password,
                                                                         QString *error)
{
    std::optional<BundleKey> stored = bundleKey(userId, error);
    if (stored && stored->current)
        return stored->params;
    if (!error->isEmpty())
        return std::nullopt;
    const core::UserBundleKey made = core::UserBundleKey::derive(
        password, core::UserBundleKey::newParams(m_hasher.opsLimit(), m_hasher.memLimit()), error);
    if (!made.isValid())
        return std::nullopt;
    // Only over the verifier just checked, and only when no other login made one meanwhile:
    // the stored key is always the one whose parameters the last answer gave.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE users SET bundle_key_salt = ?, bundle_key_ops = ?, bundle_key_mem = ?,"
        " bundle_public_key = ?, bundle_key_for = sha256(convert_to(password_hash, 'UTF8')),"
        " updated_at = ?"
        " WHERE id = ? AND password_hash = ?"
        "   AND bundle_key_for IS DISTINCT FROM sha256(convert_to(password_hash, 'UTF8'))"));
    q.addBindValue(made.params().salt);
    q.addBindValue(qint64(made.params().opsLimit));
    q.addBindValue(qint64(made.params().memLimit));
    q.addBindValue(made.publicKey());
    q.addBindValue(m_clock.now().toUTC());
    q.addBindValue(userId);
    q.addBindValue(verifier);
    if (!q.exec()) {
        *error = QStringLiteral("cannot store the bundle key: %1").arg(q.lastError().text());
        return std::nullopt;
    }
    if (q.numRowsAffected() == 1)
        return made.params();
    stored = bundleKey(userId, error); // another login was first (or the password changed)
    if (stored)
        return stored->params;
    if (error->isEmpty())
        *error = QStringLiteral("the bundle key of user %1 could not be stored").arg(userId);
    return std::nullopt;
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
