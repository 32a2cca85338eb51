#include "auth/UserService.h"

#include "audit/AuditLog.h"
#include "auth/Permission.h"
#include "auth/RoleCatalog.h"
#include "auth/Roles.h"
#include "migrations/Transaction.h"
#include "util/Clock.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tambo::core {

namespace {

QVariant nullString()
{
    return QVariant(QMetaType(QMetaType::QString));
}

QDateTime parseTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

// The audited state of a user: never the password hash.
struct UserState
{
    qint64 id = 0;
    QString username, fullName, roleId, sedeId, passwordHash;
    int failedAttempts = 0;
    QVariant lockedUntil; // text or NULL
    bool disabled = false;

    QJsonObject json() const
    {
        return {{"username", username},
                {"full_name", fullName},
                {"role_id", roleId},
                {"sede_id", sedeId.isEmpty() ? QJsonValue() : QJsonValue(sedeId)},
                {"disabled", disabled},
                {"failed_attempts", failedAttempts},
                {"locked_until",
                 lockedUntil.isNull() ? QJsonValue() : QJsonValue(lockedUntil.toString())}};
    }
};

bool loadState(
    const QSqlDatabase &db, const QString &username, UserState *state, bool *found, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, username, full_name, role_id, sede_id, password_hash,"
                                 " failed_attempts, locked_until, disabled"
                                 " FROM users WHERE username = ?"));
    query.addBindValue(username.trimmed());
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    *found = query.next();
    if (*found) {
        state->id = query.value(0).toLongLong();
        state->username = query.value(1).toString();
        state->fullName = query.value(2).toString();
        state->roleId = query.value(3).toString();
        state->sedeId = query.value(4).isNull() ? QString() : query.value(4).toString();
        state->passwordHash = query.value(5).toString();
        state->failedAttempts = query.value(6).toInt();
        state->lockedUntil = query.value(7).isNull() ? QVariant() : query.value(7);
        state->disabled = query.value(8).toInt() != 0;
    }
    return true;
}

bool exists(const QSqlDatabase &db, const QString &sql, const QString &value, bool *ok)
{
    QSqlQuery query(db);
    query.prepare(sql);
    query.addBindValue(value);
    *ok = query.exec();
    return *ok && query.next();
}

} // namespace

UserService::UserService(DatabaseProvider db,
                         const Clock &clock,
                         AuditLog &audit,
                         PasswordHasher hasher)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_audit(audit)
    , m_hasher(hasher)
{}

UserService::UserService(const Store &store,
                         const Clock &clock,
                         AuditLog &audit,
                         PasswordHasher hasher)
    : UserService(databaseProviderOf(store), clock, audit, hasher)
{}

QString UserService::permissionDeniedMessage()
{
    return tr("Permission denied: only an OTIC administrator can manage users.");
}

QString UserService::checkUsername(const QString &username)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,31}$"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (!valid.match(username).hasMatch()) {
        return tr("A username has 2 to 32 characters: letters without accents, digits, '.', '_' "
                  "or '-', starting with a letter or a digit.");
    }
    return {};
}

QString UserService::checkPassword(const QString &password)
{
    if (password.size() < MinPasswordLength)
        return tr("A password needs at least %1 characters.").arg(MinPasswordLength);
    if (password.trimmed().isEmpty())
        return tr("A password cannot be only spaces.");
    return {};
}

UserService::Result UserService::addUser(const Session &session, const NewUser &user)
{
    if (!session.can(QString::fromLatin1(Permissions::UsersManage)))
        return {permissionDeniedMessage()};
    return insertUser(session.username, user);
}

UserService::Result UserService::insertUser(const QString &actor, const NewUser &user)
{
    const QString username = user.username.trimmed().toLower();
    const QString fullName = user.fullName.simplified();
    const QString sedeId = user.sedeId.trimmed();
    if (QString problem = checkUsername(username); !problem.isEmpty())
        return {problem};
    if (fullName.isEmpty())
        return {tr("Please give the user's full name.")};
    if (QString problem = checkPassword(user.password); !problem.isEmpty())
        return {problem};

    // Hash before the transaction: Argon2id takes a while and the store stays free meanwhile.
    QString error;
    const QString hash = m_hasher.hash(user.password, &error);
    if (hash.isEmpty())
        return {error};

    QSqlDatabase db = m_db();
    Transaction tx(db);
    if (!tx.isActive())
        return {tx.error()};

    bool ok = false;
    if (exists(db, QStringLiteral("SELECT 1 FROM users WHERE username = ?"), username, &ok))
        return {tr("A user named %1 already exists.").arg(username)};
    if (ok && !exists(db, QStringLiteral("SELECT 1 FROM roles WHERE id = ?"), user.roleId, &ok)
        && ok) {
        return {tr("Unknown role %1.").arg(user.roleId)};
    }
    if (ok && !sedeId.isEmpty()
        && !exists(db, QStringLiteral("SELECT 1 FROM sedes WHERE id = ?"), sedeId, &ok) && ok) {
        return {tr("Unknown sede %1.").arg(sedeId)};
    }
    if (!ok)
        return {tr("Cannot read the users: %1").arg(db.lastError().text())};

    const QString now = m_clock.now().toUTC().toString(Qt::ISODateWithMs);
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO users (username, full_name, role_id, sede_id, password_hash, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(username);
    insert.addBindValue(fullName);
    insert.addBindValue(user.roleId);
    insert.addBindValue(sedeId.isEmpty() ? nullString() : QVariant(sedeId));
    insert.addBindValue(hash);
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (!insert.exec())
        return {tr("Cannot create user %1: %2").arg(username, insert.lastError().text())};
    const qint64 id = insert.lastInsertId().toLongLong();

    UserState state;
    state.id = id;
    state.username = username;
    state.fullName = fullName;
    state.roleId = user.roleId;
    state.sedeId = sedeId;
    AuditEntry entry{actor,
                     QStringLiteral("user"),
                     username,
                     QStringLiteral("create"),
                     {},
                     state.json()};
    if (!m_audit.append(entry, &error))
        return {error};
    if (!tx.commit())
        return {tx.error()};
    return {QString(), id};
}

UserService::ListResult UserService::listUsers(const Session &session) const
{
    ListResult result;
    if (!session.can(QString::fromLatin1(Permissions::UsersManage))) {
        result.error = permissionDeniedMessage();
        return result;
    }
    QSqlQuery query(m_db());
    if (!query.exec(QStringLiteral(
            "SELECT id, username, full_name, role_id, sede_id, disabled, failed_attempts,"
            " locked_until, created_at, updated_at FROM users ORDER BY username"))) {
        result.error = tr("Cannot read the users: %1").arg(query.lastError().text());
        return result;
    }
    while (query.next()) {
        UserInfo info;
        info.id = query.value(0).toLongLong();
        info.username = query.value(1).toString();
        info.fullName = query.value(2).toString();
        info.roleId = query.value(3).toString();
        info.roleTitle = RoleCatalog::title(info.roleId);
        info.sedeId = query.value(4).isNull() ? QString() : query.value(4).toString();
        info.disabled = query.value(5).toInt() != 0;
        info.failedAttempts = query.value(6).toInt();
        info.lockedUntil = parseTime(query.value(7));
        info.createdAt = parseTime(query.value(8));
        info.updatedAt = parseTime(query.value(9));
        result.users.append(info);
    }
    return result;
}

UserService::Result UserService::setLocked(const Session &session,
                                           const QString &username,
                                           bool locked)
{
    if (!session.can(QString::fromLatin1(Permissions::UsersManage)))
        return {permissionDeniedMessage()};
    if (locked && session.username.compare(username.trimmed(), Qt::CaseInsensitive) == 0)
        return {tr("You cannot lock your own account.")};

    QSqlDatabase db = m_db();
    Transaction tx(db);
    if (!tx.isActive())
        return {tx.error()};

    UserState before;
    bool found = false;
    QString error;
    if (!loadState(db, username, &before, &found, &error))
        return {tr("Cannot read the users: %1").arg(error)};
    if (!found)
        return {tr("There is no user %1.").arg(username.trimmed())};

    UserState after = before;
    after.disabled = locked;
    if (!locked) {
        after.failedAttempts = 0;
        after.lockedUntil = QVariant();
    }
    if (after.json() == before.json()) // already so: nothing to write or audit
        return {QString(), before.id};

    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE users SET disabled = ?, failed_attempts = ?,"
                                  " locked_until = ?, updated_at = ? WHERE id = ?"));
    update.addBindValue(after.disabled ? 1 : 0);
    update.addBindValue(after.failedAttempts);
    update.addBindValue(after.lockedUntil.isNull() ? nullString() : after.lockedUntil);
    update.addBindValue(m_clock.now().toUTC().toString(Qt::ISODateWithMs));
    update.addBindValue(before.id);
    if (!update.exec())
        return {tr("Cannot change user %1: %2").arg(before.username, update.lastError().text())};

    AuditEntry entry{session.username,
                     QStringLiteral("user"),
                     before.username,
                     locked ? QStringLiteral("lock") : QStringLiteral("unlock"),
                     before.json(),
                     after.json()};
    if (!m_audit.append(entry, &error))
        return {error};
    if (!tx.commit())
        return {tx.error()};
    return {QString(), before.id};
}

UserService::Result UserService::changePassword(const Session &session,
                                                const QString &username,
                                                const QString &newPassword,
                                                const QString &currentPassword)
{
    const bool own = session.isValid()
                     && session.username.compare(username.trimmed(), Qt::CaseInsensitive) == 0;
    if (!own && !session.can(QString::fromLatin1(Permissions::UsersManage)))
        return {permissionDeniedMessage()};
    if (QString problem = checkPassword(newPassword); !problem.isEmpty())
        return {problem};

    QString error;
    const QString hash = m_hasher.hash(newPassword, &error);
    if (hash.isEmpty())
        return {error};

    QSqlDatabase db = m_db();
    Transaction tx(db);
    if (!tx.isActive())
        return {tx.error()};

    UserState state;
    bool found = false;
    if (!loadState(db, username, &state, &found, &error))
        return {tr("Cannot read the users: %1").arg(error)};
    if (!found)
        return {tr("There is no user %1.").arg(username.trimmed())};
    if (own && !m_hasher.verify(state.passwordHash, currentPassword))
        return {tr("The current password is wrong.")};

    QSqlQuery update(db);
    update.prepare(
        QStringLiteral("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"));
    update.addBindValue(hash);
    update.addBindValue(m_clock.now().toUTC().toString(Qt::ISODateWithMs));
    update.addBindValue(state.id);
    if (!update.exec())
        return {tr("Cannot change user %1: %2").arg(state.username, update.lastError().text())};

    AuditEntry entry{session.username.isEmpty() ? systemActor() : session.username,
                     QStringLiteral("user"),
                     state.username,
                     QStringLiteral("password.change"),
                     {},
                     {{"password", own ? "changed by the user" : "reset by an administrator"}}};
    if (!m_audit.append(entry, &error))
        return {error};
    if (!tx.commit())
        return {tx.error()};
    return {QString(), state.id};
}

bool UserService::ensureAdmin(const QString &username,
                              const QString &fullName,
                              const QString &password,
                              QString *error,
                              bool *created)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (created)
        *created = false;

    QSqlDatabase db = m_db();
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM users)")) || !query.next())
            return fail(tr("Cannot read the users: %1").arg(query.lastError().text()));
        if (query.value(0).toInt() != 0)
            return true;

        const QString admin = QString::fromLatin1(Roles::AdminOtic);
        query.prepare(QStringLiteral(
            "INSERT INTO roles (id, title) VALUES (?, ?) ON CONFLICT (id) DO NOTHING"));
        query.addBindValue(admin);
        query.addBindValue(RoleCatalog::title(admin));
        if (!query.exec())
            return fail(tr("Cannot save the roles: %1").arg(query.lastError().text()));
    }

    const Result result = insertUser(systemActor(),
                                     {username,
                                      fullName,
                                      QString::fromLatin1(Roles::AdminOtic),
                                      QString(),
                                      password});
    if (!result.ok())
        return fail(result.error);
    if (created)
        *created = true;
    return true;
}

} // namespace tambo::core
