#include "FakeClock.h"

#include "audit/AuditLog.h"
#include "auth/AuthService.h"
#include "auth/Roles.h"
#include "auth/UserService.h"
#include "migrations/CoreSchema.h"
#include "module/ModuleManager.h"
#include "store/MemoryKeyProvider.h"
#include "store/Store.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo;

class TestWorkspace : public QObject
{
    Q_OBJECT

private:
    core::Workspace::OpenResult open(bool create = true)
    {
        core::Workspace::Options o;
        o.storePath = m_dir.filePath(QStringLiteral("ws.db"));
        o.keys = &m_keys;
        o.clock = &m_clock;
        o.createIfMissing = create;
        return core::Workspace::open(o);
    }

    QTemporaryDir m_dir;
    core::MemoryKeyProvider m_keys;
    test::FakeClock m_clock;

private slots:
    void missingStoreWithoutCreateIsAClearError()
    {
        auto r = open(false);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QLatin1String("ws.db")), qPrintable(r.error));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("ws.db"))));
    }

    void opensMigratesAndWiresServices()
    {
        auto r = open();
        QVERIFY2(r.ok(), qPrintable(r.error));
        core::Workspace &ws = *r.workspace;
        QVERIFY(ws.store().isEncrypted());
        const auto versions = ws.schemaVersions();
        QVERIFY(versions.value(core::CoreSchema::moduleId()) >= 3);
        QVERIFY(!ws.deviceId().isEmpty());
        QVERIFY(ws.moduleErrors().isEmpty());

        // Roles and their permissions are in the store: the admin role can manage users.
        const auto perms = core::AuthService::permissionsOf(ws.store().database(),
                                                            QLatin1String(core::Roles::AdminOtic));
        QVERIFY(perms.contains(QLatin1String(core::Permissions::UsersManage)));
        QVERIFY(!core::AuthService::permissionsOf(ws.store().database(),
                                                  QLatin1String(core::Roles::ComitePgd))
                     .contains(QLatin1String(core::Permissions::UsersManage)));

        QString error;
        QVERIFY2(ws.users().ensureAdmin(QStringLiteral("admin"), QStringLiteral("Admin"),
                                        QStringLiteral("clave-segura"), &error),
                 qPrintable(error));
        QCOMPARE(ws.auth().login(QStringLiteral("admin"), QStringLiteral("clave-segura")).status,
                 core::LoginResult::Status::Ok);
        QVERIFY(ws.audit().verify().ok());
    }

    void reopenKeepsDataAndDevice()
    {
        QString device;
        {
            auto r = open();
            QVERIFY2(r.ok(), qPrintable(r.error));
            device = r.workspace->deviceId();
        }
        auto r = open(false);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.workspace->deviceId(), device);
        QCOMPARE(r.workspace->auth().login(QStringLiteral("admin"), QStringLiteral("clave-segura"))
                     .status,
                 core::LoginResult::Status::Ok);
    }

    void seedDemoIsIdempotent()
    {
        auto r = open();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QString error;
        QVERIFY2(r.workspace->seedDemo(&error), qPrintable(error));
        QSqlQuery q(r.workspace->store().database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sedes")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 20);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log")));
        QVERIFY(q.next());
        const int auditRows = q.value(0).toInt();
        QVERIFY2(r.workspace->seedDemo(&error), qPrintable(error));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), auditRows);
    }

    void wrongKeyIsRefused()
    {
        core::MemoryKeyProvider other;
        core::Workspace::Options o;
        o.storePath = m_dir.filePath(QStringLiteral("ws.db"));
        o.keys = &other;
        o.clock = &m_clock;
        o.createIfMissing = true; // a new key is made, and it does not open the existing file
        auto r = core::Workspace::open(o);
        QVERIFY(!r.ok());
        QVERIFY(!r.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
