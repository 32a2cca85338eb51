#pragma once

#include "audit/DatabaseProvider.h"
#include "auth/LoginResult.h"
#include "auth/PasswordHasher.h"
#include "auth/Session.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QString>

namespace tambo::core {

class AuditLog;
class Clock;
class Store;

// Logs users in against the local users table.
//
// Offline login: the local users table IS the cached verifier. Each row holds the user's
// Argon2id hash, role and lockout state; the server refreshes these rows through the sync (sync
// issue), but login itself never touches the network, so a sede without a link logs in exactly
// like the Palacio Municipal.
//
// Lockout: MaxFailedAttempts consecutive failures lock the account for LockMinutes (by the
// Clock). While locked, even the right password is refused and the answer says until when. When
// the lock has passed, the counter starts again from zero. Every success, failure, refusal and
// lock is written to the audit log in the same transaction as the counter.
class AuthService
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::AuthService)

public:
    static constexpr int MaxFailedAttempts = 5;
    static constexpr int LockMinutes = 15;

    AuthService(DatabaseProvider db,
                const Clock &clock,
                AuditLog &audit,
                PasswordHasher hasher = {});
    AuthService(const Store &store, const Clock &clock, AuditLog &audit, PasswordHasher hasher = {});

    LoginResult login(const QString &username, const QString &password);

    // The session of an existing, enabled user with their role's permissions, WITHOUT checking a
    // password: for whoever already proved who they are (tambo-admin, which holds the store key;
    // tests). An invalid Session and *error (translated) otherwise.
    Session sessionFor(const QString &username, QString *error = nullptr) const;

    // The permissions role_permissions grants to roleId.
    static QSet<QString> permissionsOf(const QSqlDatabase &db, const QString &roleId);

    static QString badCredentialsMessage();

private:
    DatabaseProvider m_db;
    const Clock &m_clock;
    AuditLog &m_audit;
    PasswordHasher m_hasher;
};

} // namespace tambo::core
