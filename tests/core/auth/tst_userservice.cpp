#include "CoreFixture.h"

#include "auth/Permission.h"
#include "auth/Roles.h"
#include "auth/UserService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace tambo::core;
using tambo::test::CoreFixture;

namespace {
const QString kPassword = QStringLiteral("clave-segura");
}

class TestUserService : public QObject
{
    Q_OBJECT

    UserService &users() { return m_fx->users(); }

    int userCount() { return m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM users")).toInt(); }
    int auditCount()
    {
        return m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt();
    }

    // A session as login would build it for someone with this role.
    static Session sessionOf(const QString &role, const QString &username = QStringLiteral("x"))
    {
        Session s;
        s.userId = 99;
        s.username = username;
        s.roleId = role;
        s.permissions = RoleCatalog::grants({}).value(role);
        return s;
    }

    static NewUser newUser(const QString &username = QStringLiteral("rosa"))
    {
        return {username,
                QStringLiteral("Rosa Condori"),
                QString::fromLatin1(Roles::Gerencia),
                QStringLiteral("palacio"),
                kPassword};
    }

private slots:
    void init()
    {
        m_fx = std::make_unique<CoreFixture>();
        QVERIFY2(m_fx->setupError().isEmpty(), qPrintable(m_fx->setupError()));
        QVERIFY(QSqlQuery(m_fx->db())
                    .exec(QStringLiteral("INSERT INTO sedes (id, name, link) VALUES ('palacio', "
                                         "'Palacio Municipal', 'fibra')")));
    }

    void cleanup() { m_fx.reset(); }

    void addUserCreatesAnAuditedAccount()
    {
        const auto result = users().addUser(CoreFixture::managerSession(),
                                            newUser(QStringLiteral("Rosa")));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.userId > 0);
        QCOMPARE(userCount(), 1);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT username FROM users")).toString(),
                 QStringLiteral("rosa")); // kept in lower case
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT created_at FROM users")).toString(),
                 m_fx->clock().now().toString(Qt::ISODateWithMs));
        QVERIFY(m_fx->scalar(QStringLiteral("SELECT password_hash FROM users"))
                    .toString()
                    .startsWith(QStringLiteral("$argon2id$")));

        QSqlQuery query(m_fx->db());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT actor, entity, entity_id, action, before_json, after_json FROM audit_log")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("admin"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("user"));
        QCOMPARE(query.value(2).toString(), QStringLiteral("rosa"));
        QCOMPARE(query.value(3).toString(), QStringLiteral("create"));
        QVERIFY(query.value(4).isNull());
        const QJsonObject after = QJsonDocument::fromJson(query.value(5).toByteArray()).object();
        QCOMPARE(after.value(QStringLiteral("role_id")).toString(),
                 QString::fromLatin1(Roles::Gerencia));
        QCOMPARE(after.value(QStringLiteral("sede_id")).toString(), QStringLiteral("palacio"));
        QVERIFY(!query.value(5).toString().contains(QStringLiteral("argon2")));
        QVERIFY(!query.value(5).toString().contains(kPassword));
    }

    void onlyUserManagersManageUsers_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("allowed");
        for (const QString &role : Roles::all())
            QTest::addRow("%s", qPrintable(role))
                << role << (role == QLatin1String(Roles::AdminOtic));
        QTest::addRow("no session") << QString() << false;
    }

    void onlyUserManagersManageUsers()
    {
        QFETCH(QString, role);
        QFETCH(bool, allowed);
        QVERIFY(
            users().addUser(CoreFixture::managerSession(), newUser(QStringLiteral("target"))).ok());
        const Session session = role.isEmpty() ? Session() : sessionOf(role);
        const QString denied = UserService::permissionDeniedMessage();
        const int audited = auditCount();

        const auto added = users().addUser(session, newUser());
        QCOMPARE(added.ok(), allowed);
        const auto listed = users().listUsers(session);
        QCOMPARE(listed.ok(), allowed);
        const auto locked = users().setLocked(session, QStringLiteral("target"), true);
        QCOMPARE(locked.ok(), allowed);
        const auto reset = users().changePassword(session,
                                                  QStringLiteral("target"),
                                                  QStringLiteral("otra-clave-1"));
        QCOMPARE(reset.ok(), allowed);
        if (!allowed) {
            QCOMPARE(added.error, denied);
            QCOMPARE(listed.error, denied);
            QVERIFY(listed.users.isEmpty());
            QCOMPARE(locked.error, denied);
            QCOMPARE(reset.error, denied);
            QCOMPARE(userCount(), 1);
            QCOMPARE(auditCount(), audited); // nothing written at all
            QCOMPARE(m_fx->scalar(QStringLiteral("SELECT disabled FROM users")).toInt(), 0);
        } else {
            QCOMPARE(userCount(), 2);
            QCOMPARE(listed.users.size(), 2);
        }
    }

    void addUserValidates_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("fullName");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("sede");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("error");
        const QString gerencia = QString::fromLatin1(Roles::Gerencia);
        QTest::addRow("short username")
            << "r"
            << "Rosa" << gerencia << "palacio" << kPassword << "A username has 2 to 32 characters";
        QTest::addRow("username with space")
            << "rosa c"
            << "Rosa" << gerencia << "palacio" << kPassword << "A username has 2 to 32 characters";
        QTest::addRow("username with accent")
            << "begoña"
            << "Rosa" << gerencia << "palacio" << kPassword << "A username has 2 to 32 characters";
        QTest::addRow("no full name")
            << "rosa"
            << "  " << gerencia << "palacio" << kPassword << "Please give the user's full name.";
        QTest::addRow("short password") << "rosa"
                                        << "Rosa" << gerencia << "palacio"
                                        << "corta"
                                        << "A password needs at least 8 characters.";
        QTest::addRow("blank password") << "rosa"
                                        << "Rosa" << gerencia << "palacio"
                                        << "          "
                                        << "A password cannot be only spaces.";
        QTest::addRow("unknown role") << "rosa"
                                      << "Rosa"
                                      << "alcalde"
                                      << "palacio" << kPassword << "Unknown role alcalde.";
        QTest::addRow("unknown sede")
            << "rosa"
            << "Rosa" << gerencia << "luna" << kPassword << "Unknown sede luna.";
        QTest::addRow("duplicate")
            << "ADMIN"
            << "Otro" << gerencia << "palacio" << kPassword << "A user named admin already exists.";
    }

    void addUserValidates()
    {
        QFETCH(QString, username);
        QFETCH(QString, fullName);
        QFETCH(QString, role);
        QFETCH(QString, sede);
        QFETCH(QString, password);
        QFETCH(QString, error);
        QVERIFY(users().ensureAdmin(QStringLiteral("admin"), QStringLiteral("Admin"), kPassword));
        const int before = userCount();
        const int audited = auditCount();
        const auto result = users().addUser(CoreFixture::managerSession(),
                                            {username, fullName, role, sede, password});
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(error), qPrintable(result.error));
        QCOMPARE(userCount(), before);
        QCOMPARE(auditCount(), audited);
    }

    void aUserWithoutSede()
    {
        NewUser u = newUser();
        u.sedeId.clear();
        QVERIFY(users().addUser(CoreFixture::managerSession(), u).ok());
        QVERIFY(m_fx->scalar(QStringLiteral("SELECT sede_id IS NULL FROM users")).toBool());
    }

    void theChangeAndItsAuditShareOneTransaction()
    {
        // When the audit row cannot be written, the user is not created either.
        QVERIFY(QSqlQuery(m_fx->db())
                    .exec(QStringLiteral("CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log"
                                         " BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END")));
        const auto added = users().addUser(CoreFixture::managerSession(), newUser());
        QVERIFY(!added.ok());
        QVERIFY2(added.error.contains(QStringLiteral("audit unavailable")), qPrintable(added.error));
        QCOMPARE(userCount(), 0);
        QVERIFY(!users().ensureAdmin(QStringLiteral("admin"), QStringLiteral("A"), kPassword));
        QCOMPARE(userCount(), 0);
    }

    void listUsersShowsEveryone()
    {
        QVERIFY(
            users().addUser(CoreFixture::managerSession(), newUser(QStringLiteral("zoila"))).ok());
        QVERIFY(
            users().addUser(CoreFixture::managerSession(), newUser(QStringLiteral("beto"))).ok());
        const auto list = users().listUsers(CoreFixture::managerSession());
        QVERIFY2(list.ok(), qPrintable(list.error));
        QCOMPARE(list.users.size(), 2);
        QCOMPARE(list.users.at(0).username, QStringLiteral("beto"));
        QCOMPARE(list.users.at(1).username, QStringLiteral("zoila"));
        const UserInfo &u = list.users.at(0);
        QCOMPARE(u.fullName, QStringLiteral("Rosa Condori"));
        QCOMPARE(u.roleTitle, QStringLiteral("Department clerk (gerencia)"));
        QCOMPARE(u.sedeId, QStringLiteral("palacio"));
        QCOMPARE(u.createdAt, m_fx->clock().now());
        QVERIFY(!u.disabled);
        QVERIFY(!u.lockedUntil.isValid());
    }

    void lockAndUnlock()
    {
        QVERIFY(users().addUser(CoreFixture::managerSession(), newUser()).ok());
        const Session admin = CoreFixture::managerSession();

        QVERIFY(users().setLocked(admin, QStringLiteral("ROSA"), true).ok());
        QCOMPARE(m_fx->auth().login(QStringLiteral("rosa"), kPassword).status,
                 LoginResult::Status::Disabled);
        QCOMPARE(m_fx->scalar(
                         QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'lock'"))
                     .toInt(),
                 1);

        QVERIFY(users().setLocked(admin, QStringLiteral("rosa"), false).ok());
        QVERIFY(m_fx->auth().login(QStringLiteral("rosa"), kPassword).ok());
        QCOMPARE(m_fx->scalar(
                         QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'unlock'"))
                     .toInt(),
                 1);
    }

    void unlockClearsTheLockout()
    {
        QVERIFY(users().addUser(CoreFixture::managerSession(), newUser()).ok());
        for (int i = 0; i < 5; ++i)
            m_fx->auth().login(QStringLiteral("rosa"), QStringLiteral("wrong"));
        QCOMPARE(m_fx->auth().login(QStringLiteral("rosa"), kPassword).status,
                 LoginResult::Status::Locked);

        const auto result = users().setLocked(CoreFixture::managerSession(),
                                              QStringLiteral("rosa"),
                                              false);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT failed_attempts FROM users")).toInt(), 0);
        QVERIFY(m_fx->scalar(QStringLiteral("SELECT locked_until IS NULL FROM users")).toBool());
        QVERIFY(m_fx->auth().login(QStringLiteral("rosa"), kPassword).ok()); // no waiting

        // The audit row tells what the unlock changed.
        QSqlQuery query(m_fx->db());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT before_json, after_json FROM audit_log WHERE action = 'unlock'")));
        QVERIFY(query.next());
        const QJsonObject before = QJsonDocument::fromJson(query.value(0).toByteArray()).object();
        const QJsonObject after = QJsonDocument::fromJson(query.value(1).toByteArray()).object();
        QCOMPARE(before.value(QStringLiteral("failed_attempts")).toInt(), 5);
        QVERIFY(before.value(QStringLiteral("locked_until")).isString());
        QCOMPARE(after.value(QStringLiteral("failed_attempts")).toInt(), 0);
        QVERIFY(after.value(QStringLiteral("locked_until")).isNull());
    }

    void lockingTwiceWritesOnce()
    {
        QVERIFY(users().addUser(CoreFixture::managerSession(), newUser()).ok());
        const int audited = auditCount();
        QVERIFY(users().setLocked(CoreFixture::managerSession(), QStringLiteral("rosa"), true).ok());
        QVERIFY(users().setLocked(CoreFixture::managerSession(), QStringLiteral("rosa"), true).ok());
        QCOMPARE(auditCount(), audited + 1);
    }

    void noOneLocksThemselves()
    {
        QVERIFY(users().ensureAdmin(QStringLiteral("admin"), QStringLiteral("Admin"), kPassword));
        const auto result = users().setLocked(CoreFixture::managerSession(),
                                              QStringLiteral("Admin"),
                                              true);
        QCOMPARE(result.error, QStringLiteral("You cannot lock your own account."));
    }

    void unknownUsersAreReported()
    {
        QCOMPARE(users().setLocked(CoreFixture::managerSession(), QStringLiteral("nadie"), true).error,
                 QStringLiteral("There is no user nadie."));
        QCOMPARE(users()
                     .changePassword(CoreFixture::managerSession(),
                                     QStringLiteral("nadie"),
                                     QStringLiteral("otra-clave-1"))
                     .error,
                 QStringLiteral("There is no user nadie."));
    }

    void changeOwnPasswordNeedsTheCurrentOne()
    {
        QVERIFY(users().addUser(CoreFixture::managerSession(), newUser()).ok());
        const Session rosa = m_fx->auth().login(QStringLiteral("rosa"), kPassword).session;
        QVERIFY(rosa.isValid());
        QVERIFY(!rosa.can(QString::fromLatin1(Permissions::UsersManage)));

        auto wrong = users().changePassword(rosa,
                                            QStringLiteral("rosa"),
                                            QStringLiteral("nueva-clave-1"),
                                            QStringLiteral("mala"));
        QCOMPARE(wrong.error, QStringLiteral("The current password is wrong."));
        auto weak = users().changePassword(rosa,
                                           QStringLiteral("rosa"),
                                           QStringLiteral("corta"),
                                           kPassword);
        QCOMPARE(weak.error, QStringLiteral("A password needs at least 8 characters."));

        auto ok = users().changePassword(rosa,
                                         QStringLiteral("rosa"),
                                         QStringLiteral("nueva-clave-1"),
                                         kPassword);
        QVERIFY2(ok.ok(), qPrintable(ok.error));
        QCOMPARE(m_fx->auth().login(QStringLiteral("rosa"), kPassword).status,
                 LoginResult::Status::BadCredentials);
        QVERIFY(m_fx->auth().login(QStringLiteral("rosa"), QStringLiteral("nueva-clave-1")).ok());
        QCOMPARE(m_fx->scalar(QStringLiteral(
                                  "SELECT actor FROM audit_log WHERE action = 'password.change'"))
                     .toString(),
                 QStringLiteral("rosa"));

        // Somebody else's password is not hers to change.
        QVERIFY(
            users().addUser(CoreFixture::managerSession(), newUser(QStringLiteral("beto"))).ok());
        QCOMPARE(users()
                     .changePassword(rosa,
                                     QStringLiteral("beto"),
                                     QStringLiteral("nueva-clave-2"),
                                     kPassword)
                     .error,
                 UserService::permissionDeniedMessage());
    }

    void anAdministratorResetsAPassword()
    {
        QVERIFY(users().addUser(CoreFixture::managerSession(), newUser()).ok());
        const auto result = users().changePassword(CoreFixture::managerSession(),
                                                   QStringLiteral("rosa"),
                                                   QStringLiteral("temporal-123"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(m_fx->auth().login(QStringLiteral("rosa"), QStringLiteral("temporal-123")).ok());
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT updated_at FROM users")).toString(),
                 m_fx->clock().now().toString(Qt::ISODateWithMs));
    }

    void ensureAdminOnFirstRunOnly()
    {
        // A freshly migrated store without the role catalog synced still gets its admin.
        tambo::test::TempStore bare;
        tambo::test::FakeClock clock;
        MigrationRunner runner(bare.store().database(), clock);
        runner.addModule(CoreSchema::moduleId(), CoreSchema::steps());
        QVERIFY(runner.migrate().ok());
        AuditLog audit(databaseProviderOf(bare.store()),
                       clock,
                       CoreSchema::deviceId(bare.store().database()));
        UserService service(databaseProviderOf(bare.store()),
                            clock,
                            audit,
                            CoreFixture::fastHasher());

        bool created = false;
        QString error;
        QVERIFY2(service.ensureAdmin(QStringLiteral("otic"),
                                     QStringLiteral("Jefe OTIC"),
                                     kPassword,
                                     &error,
                                     &created),
                 qPrintable(error));
        QVERIFY(created);
        QSqlQuery query(bare.store().database());
        QVERIFY(query.exec(QStringLiteral("SELECT username, role_id FROM users")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("otic"));
        QCOMPARE(query.value(1).toString(), QString::fromLatin1(Roles::AdminOtic));
        query.finish();

        QVERIFY(service.ensureAdmin(QStringLiteral("otro"),
                                    QStringLiteral("Otro"),
                                    kPassword,
                                    &error,
                                    &created));
        QVERIFY(!created);
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM users")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        query.finish();
        QVERIFY(audit.verify().ok());
    }

    void ensureAdminChecksThePassword()
    {
        QString error;
        QVERIFY(!users().ensureAdmin(QStringLiteral("admin"),
                                     QStringLiteral("A"),
                                     QStringLiteral("123"),
                                     &error));
        QCOMPARE(error, QStringLiteral("A password needs at least 8 characters."));
        QCOMPARE(userCount(), 0);
    }

private:
    std::unique_ptr<CoreFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestUserService)
#include "tst_userservice.moc"
