#include "auth/AuthService.h"

#include "audit/AuditLog.h"
#include "migrations/Transaction.h"
#include "util/Clock.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tambo::core {

namespace {

QDateTime parseTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// A hash of a password nobody has: an unknown username costs as much time as a known one.
const QString &decoyHash(const PasswordHasher &hasher)
{
    static const QString hash = hasher.hash(QStringLiteral("tambo-decoy-password"));
    return hash;
}

struct StoredUser
{
    qint64 id = 0;
    QString username, fullName, roleId, sedeId, passwordHash;
    int failedAttempts = 0;
    QDateTime lockedUntil;
    bool disabled = false;
};

// Returns false only on a query error; *found says whether the user exists.
bool loadUser(
    const QSqlDatabase &db, const QString &username, StoredUser *user, bool *found, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT id, username, full_name, role_id, sede_id, password_hash, failed_attempts,"
        " locked_until, disabled FROM users WHERE username = ?"));
    query.addBindValue(username.trimmed());
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    *found = query.next();
    if (*found) {
        user->id = query.value(0).toLongLong();
        user->username = query.value(1).toString();
        user->fullName = query.value(2).toString();
        user->roleId = query.value(3).toString();
        user->sedeId = query.value(4).isNull() ? QString() : query.value(4).toString();
        user->passwordHash = query.value(5).toString();
        user->failedAttempts = query.value(6).toInt();
        user->lockedUntil = parseTime(query.value(7));
        user->disabled = query.value(8).toInt() != 0;
    }
    return true;
}

QString lockedMessage(const QDateTime &until)
{
    return QCoreApplication::translate(
               "tambo::core::AuthService",
               "This account is locked after too many failed attempts. Try again after %1.")
        .arg(until.toLocalTime().toString(QStringLiteral("HH:mm")));
}

} // namespace

AuthService::AuthService(DatabaseProvider db,
                         const Clock &clock,
                         AuditLog &audit,
                         PasswordHasher hasher)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_audit(audit)
    , m_hasher(hasher)
{}

AuthService::AuthService(const Store &store,
                         const Clock &clock,
                         AuditLog &audit,
                         PasswordHasher hasher)
    : AuthService(databaseProviderOf(store), clock, audit, hasher)
{}

QString AuthService::badCredentialsMessage()
{
    return tr("Wrong username or password.");
}

QSet<QString> AuthService::permissionsOf(const QSqlDatabase &db, const QString &roleId)
{
    QSet<QString> permissions;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT permission FROM role_permissions WHERE role_id = ?"));
    query.addBindValue(roleId);
    if (query.exec()) {
        while (query.next())
            permissions.insert(query.value(0).toString());
    }
    return permissions;
}

LoginResult AuthService::login(const QString &username, const QString &password)
{
    LoginResult result;
    auto error = [&result](const QString &detail) {
        result.status = LoginResult::Status::Error;
        result.session = {};
        result.message = tr("Cannot log in: %1").arg(detail);
        return result;
    };

    QSqlDatabase db = m_db();
    const QDateTime now = m_clock.now().toUTC();

    Transaction tx(db);
    if (!tx.isActive())
        return error(tx.error());

    StoredUser user;
    bool found = false;
    QString detail;
    if (!loadUser(db, username, &user, &found, &detail))
        return error(detail);

    auto audit = [&](const QString &action, const QJsonObject &after) {
        AuditEntry entry;
        entry.actor = found ? user.username : username.trimmed();
        if (entry.actor.isEmpty())
            entry.actor = QStringLiteral("-");
        entry.entity = QStringLiteral("user");
        entry.entityId = found ? user.username : username.trimmed();
        entry.action = action;
        entry.after = after;
        return m_audit.append(entry, &detail);
    };
    auto finish = [&]() {
        if (!tx.commit()) {
            detail = tx.error();
            return false;
        }
        return true;
    };

    if (!found) {
        m_hasher.verify(decoyHash(m_hasher), password); // same cost as a wrong password
        if (!audit(QStringLiteral("login.failed"), {{"reason", "unknown user"}}) || !finish())
            return error(detail);
        result.status = LoginResult::Status::BadCredentials;
        result.message = badCredentialsMessage();
        return result;
    }

    if (user.lockedUntil.isValid() && user.lockedUntil > now) {
        if (!audit(QStringLiteral("login.refused"),
                   {{"reason", "locked"}, {"locked_until", timeText(user.lockedUntil)}})
            || !finish()) {
            return error(detail);
        }
        result.status = LoginResult::Status::Locked;
        result.lockedUntil = user.lockedUntil;
        result.message = lockedMessage(user.lockedUntil);
        return result;
    }
    if (user.lockedUntil.isValid()) { // the lock has passed: start counting again
        user.failedAttempts = 0;
        user.lockedUntil = {};
    }

    QSqlQuery update(db);
    if (!m_hasher.verify(user.passwordHash, password)) {
        const int attempts = user.failedAttempts + 1;
        const bool lock = attempts >= MaxFailedAttempts;
        const QDateTime until = lock ? now.addSecs(qint64(LockMinutes) * 60) : QDateTime();
        update.prepare(
            QStringLiteral("UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?"));
        update.addBindValue(attempts);
        update.addBindValue(lock ? QVariant(timeText(until))
                                 : QVariant(QMetaType(QMetaType::QString)));
        update.addBindValue(user.id);
        if (!update.exec())
            return error(update.lastError().text());
        if (!audit(QStringLiteral("login.failed"),
                   {{"reason", "wrong password"}, {"failed_attempts", attempts}})) {
            return error(detail);
        }
        if (lock
            && !audit(QStringLiteral("account.locked"),
                      {{"reason", "too many failed attempts"},
                       {"failed_attempts", attempts},
                       {"locked_until", timeText(until)}})) {
            return error(detail);
        }
        if (!finish())
            return error(detail);
        if (lock) {
            result.status = LoginResult::Status::Locked;
            result.lockedUntil = until;
            result.message = lockedMessage(until);
        } else {
            result.status = LoginResult::Status::BadCredentials;
            result.message = badCredentialsMessage();
        }
        return result;
    }

    if (user.disabled) {
        if (!audit(QStringLiteral("login.refused"), {{"reason", "disabled"}}) || !finish())
            return error(detail);
        result.status = LoginResult::Status::Disabled;
        result.message = tr("This account has been locked by an administrator. Ask the OTIC "
                            "office to unlock it.");
        return result;
    }

    // Success: reset the counter and, when the cost parameters changed, store a fresh hash.
    QString newHash;
    if (m_hasher.needsRehash(user.passwordHash))
        newHash = m_hasher.hash(password);
    update.prepare(QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = NULL,"
                                  " password_hash = COALESCE(?, password_hash) WHERE id = ?"));
    update.addBindValue(newHash.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                          : QVariant(newHash));
    update.addBindValue(user.id);
    if (!update.exec())
        return error(update.lastError().text());

    Session session;
    session.userId = user.id;
    session.username = user.username;
    session.fullName = user.fullName;
    session.roleId = user.roleId;
    session.sedeId = user.sedeId;
    session.permissions = permissionsOf(db, user.roleId);
    session.loggedInAt = now;

    if (!audit(QStringLiteral("login.ok"), {{"role", user.roleId}}) || !finish())
        return error(detail);
    result.status = LoginResult::Status::Ok;
    result.session = session;
    return result;
}

Session AuthService::sessionFor(const QString &username, QString *error) const
{
    QSqlDatabase db = m_db();
    StoredUser user;
    bool found = false;
    QString detail;
    if (!loadUser(db, username, &user, &found, &detail)) {
        if (error)
            *error = tr("Cannot read the users: %1").arg(detail);
        return {};
    }
    if (!found || user.disabled) {
        if (error)
            *error = found ? tr("User %1 is locked.").arg(user.username)
                           : tr("There is no user %1.").arg(username.trimmed());
        return {};
    }
    Session session;
    session.userId = user.id;
    session.username = user.username;
    session.fullName = user.fullName;
    session.roleId = user.roleId;
    session.sedeId = user.sedeId;
    session.permissions = permissionsOf(db, user.roleId);
    session.loggedInAt = m_clock.now().toUTC();
    return session;
}

} // namespace tambo::core
