#pragma once

#include "audit/DatabaseProvider.h"
#include "auth/NewUser.h"
#include "auth/PasswordHasher.h"
#include "auth/Session.h"
#include "auth/UserInfo.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace tambo::core {

class AuditLog;
class Clock;
class Store;

// Manages the local accounts. Every call checks the caller's Session itself
// (Permissions::UsersManage, except changing one's own password with the current one): hiding
// a button is never the only guard. Every write and its audit row go in one transaction.
class UserService
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::UserService)

public:
    static constexpr int MinPasswordLength = 8;

    struct Result
    {
        QString error;     // translated; empty when ok
        qint64 userId = 0; // the user created or changed
        bool ok() const { return error.isEmpty(); }
    };

    struct ListResult
    {
        QList<UserInfo> users; // ordered by username
        QString error;
        bool ok() const { return error.isEmpty(); }
    };

    UserService(DatabaseProvider db,
                const Clock &clock,
                AuditLog &audit,
                PasswordHasher hasher = {});
    UserService(const Store &store, const Clock &clock, AuditLog &audit, PasswordHasher hasher = {});

    Result addUser(const Session &session, const NewUser &user);
    ListResult listUsers(const Session &session) const;
    // Locking disables the account (login answers Disabled); unlocking enables it and also
    // clears the failed-attempt counter and any lockout. Nobody can lock their own account.
    Result setLocked(const Session &session, const QString &username, bool locked);
    // Your own password: give currentPassword. Somebody else's: needs UsersManage.
    Result changePassword(const Session &session,
                          const QString &username,
                          const QString &newPassword,
                          const QString &currentPassword = {});

    // First run: when the store has no user at all, creates username as OTIC administrator
    // (the admin_otic role row is created if missing; RoleCatalog::syncToDatabase grants its
    // permissions). True when the admin was created or users already exist; *created says which.
    bool ensureAdmin(const QString &username,
                     const QString &fullName,
                     const QString &password,
                     QString *error = nullptr,
                     bool *created = nullptr);

    // Empty when acceptable, else a translated reason.
    static QString checkUsername(const QString &username);
    static QString checkPassword(const QString &password);
    static QString permissionDeniedMessage();

    // The actor written to the audit log for writes no user made (first run, demo data).
    static QString systemActor() { return QStringLiteral("tambo"); }

private:
    Result insertUser(const QString &actor, const NewUser &user);

    DatabaseProvider m_db;
    const Clock &m_clock;
    AuditLog &m_audit;
    PasswordHasher m_hasher;
};

} // namespace tambo::core
