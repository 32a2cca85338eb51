#pragma once

#include "FakeClock.h"
#include "TempStore.h"

#include "audit/AuditLog.h"
#include "audit/DatabaseProvider.h"
#include "auth/AuthService.h"
#include "auth/PasswordHasher.h"
#include "auth/RoleCatalog.h"
#include "auth/UserService.h"
#include "migrations/CoreSchema.h"
#include "migrations/MigrationRunner.h"

#include <QSqlQuery>

#include <memory>

namespace tambo::test {

// A TempStore migrated to core's schema, with core's roles synced and AuditLog, UserService and
// AuthService on a FakeClock. Check setupError() (empty = ready) at the start of each test.
class CoreFixture
{
public:
    // Argon2id at libsodium's minimum cost: the same code path, a fraction of the time.
    static core::PasswordHasher fastHasher() { return core::PasswordHasher(1, 8192); }

    explicit CoreFixture(const core::PasswordHasher &hasher = fastHasher())
    {
        if (!m_temp.isValid()) {
            m_error = m_temp.error();
            return;
        }
        core::MigrationRunner runner(db(), m_clock);
        runner.addModule(core::CoreSchema::moduleId(), core::CoreSchema::steps());
        const auto report = runner.migrate();
        if (!report.ok()) {
            m_error = report.error;
            return;
        }
        if (!core::RoleCatalog::syncToDatabase(db(), {}, &m_error))
            return;
        const core::DatabaseProvider provider = core::databaseProviderOf(m_temp.store());
        m_audit = std::make_unique<core::AuditLog>(provider,
                                                   m_clock,
                                                   core::CoreSchema::deviceId(db()));
        m_users = std::make_unique<core::UserService>(provider, m_clock, *m_audit, hasher);
        m_auth = std::make_unique<core::AuthService>(provider, m_clock, *m_audit, hasher);
    }

    QString setupError() const { return m_error; }

    QSqlDatabase db() { return m_temp.store().database(); }
    TempStore &temp() { return m_temp; }
    FakeClock &clock() { return m_clock; }
    core::AuditLog &audit() { return *m_audit; }
    core::UserService &users() { return *m_users; }
    core::AuthService &auth() { return *m_auth; }

    // A session allowed to manage users, as the first administrator would have.
    static core::Session managerSession()
    {
        core::Session s;
        s.userId = 1;
        s.username = QStringLiteral("admin");
        s.roleId = QStringLiteral("admin_otic");
        s.permissions = core::RoleCatalog::grants({}).value(s.roleId);
        return s;
    }

    // The first column of the first row of sql (one value), or an invalid QVariant.
    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    TempStore m_temp;
    FakeClock m_clock;
    QString m_error;
    std::unique_ptr<core::AuditLog> m_audit;
    std::unique_ptr<core::UserService> m_users;
    std::unique_ptr<core::AuthService> m_auth;
};

} // namespace tambo::test
