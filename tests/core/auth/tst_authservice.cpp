#include "CoreFixture.h"

#include "auth/AuthService.h"
#include "auth/Permission.h"
#include "auth/Roles.h"

#include <QNetworkProxy>
#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace tambo::core;
using Status = LoginResult::Status;

Q_DECLARE_METATYPE(tambo::core::LoginResult::Status)

namespace {
const QString kPassword = QStringLiteral("correcto-2026");
}

class TestAuthService : public QObject
{
    Q_OBJECT

    AuthService &auth() { return m_fx->auth(); }

    int auditCount(const QString &action)
    {
        return m_fx
            ->scalar(
                QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = '%1'").arg(action))
            .toInt();
    }

    int failedAttempts(const QString &username = QStringLiteral("ana"))
    {
        return m_fx
            ->scalar(QStringLiteral("SELECT failed_attempts FROM users WHERE username = '%1'")
                         .arg(username))
            .toInt();
    }

    void failTimes(int n)
    {
        for (int i = 0; i < n; ++i)
            auth().login(QStringLiteral("ana"), QStringLiteral("wrong"));
    }

private slots:
    void init()
    {
        m_fx = std::make_unique<tambo::test::CoreFixture>();
        QVERIFY2(m_fx->setupError().isEmpty(), qPrintable(m_fx->setupError()));
        QVERIFY(QSqlQuery(m_fx->db())
                    .exec(QStringLiteral("INSERT INTO sedes (id, name, link) VALUES ('camal', "
                                         "'Camal Municipal', 'ninguno')")));
        const auto added = m_fx->users().addUser(tambo::test::CoreFixture::managerSession(),
                                                 {QStringLiteral("ana"),
                                                  QStringLiteral("Ana Quispe"),
                                                  QString::fromLatin1(Roles::MesaPartes),
                                                  QStringLiteral("camal"),
                                                  kPassword});
        QVERIFY2(added.ok(), qPrintable(added.error));
    }

    void cleanup() { m_fx.reset(); }

    void loginGivesASessionWithTheRolesPermissions()
    {
        const LoginResult result = auth().login(QStringLiteral("ana"), kPassword);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.status, Status::Ok);
        QVERIFY(result.message.isEmpty());
        const Session &s = result.session;
        QVERIFY(s.isValid());
        QCOMPARE(s.username, QStringLiteral("ana"));
        QCOMPARE(s.fullName, QStringLiteral("Ana Quispe"));
        QCOMPARE(s.roleId, QString::fromLatin1(Roles::MesaPartes));
        QCOMPARE(s.sedeId, QStringLiteral("camal"));
        QCOMPARE(s.loggedInAt, m_fx->clock().now());
        QVERIFY(s.can(QString::fromLatin1(Permissions::Home)));
        QVERIFY(!s.can(QString::fromLatin1(Permissions::UsersManage)));
        QCOMPARE(s.permissions,
                 RoleCatalog::grants({}).value(QString::fromLatin1(Roles::MesaPartes)));
        QCOMPARE(auditCount(QStringLiteral("login.ok")), 1);
    }

    void usernameIgnoresCaseAndSpaces()
    {
        QVERIFY(auth().login(QStringLiteral("  ANA "), kPassword).ok());
    }

    void unknownUserAndWrongPasswordLookTheSame_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addRow("wrong password") << QStringLiteral("ana") << QStringLiteral("nope-nope");
        QTest::addRow("unknown user") << QStringLiteral("pedro") << kPassword;
        QTest::addRow("empty") << QString() << QString();
    }

    void unknownUserAndWrongPasswordLookTheSame()
    {
        QFETCH(QString, username);
        QFETCH(QString, password);
        const LoginResult result = auth().login(username, password);
        QCOMPARE(result.status, Status::BadCredentials);
        QCOMPARE(result.message, QStringLiteral("Wrong username or password."));
        QCOMPARE(result.message, AuthService::badCredentialsMessage());
        QVERIFY(!result.session.isValid());
        QVERIFY(!result.lockedUntil.isValid());
        QCOMPARE(auditCount(QStringLiteral("login.failed")), 1);
    }

    void fiveFailuresLockForFifteenMinutes()
    {
        const QDateTime start = m_fx->clock().now();
        for (int i = 1; i <= 4; ++i) {
            const auto r = auth().login(QStringLiteral("ana"), QStringLiteral("wrong"));
            QCOMPARE(r.status, Status::BadCredentials);
            QCOMPARE(failedAttempts(), i);
            m_fx->clock().advanceSecs(10);
        }
        const LoginResult fifth = auth().login(QStringLiteral("ana"), QStringLiteral("wrong"));
        QCOMPARE(fifth.status, Status::Locked);
        const QDateTime until = start.addSecs(40 + 15 * 60);
        QCOMPARE(fifth.lockedUntil, until);
        QVERIFY2(fifth.message.contains(until.toLocalTime().toString(QStringLiteral("HH:mm"))),
                 qPrintable(fifth.message));
        QCOMPARE(auditCount(QStringLiteral("login.failed")), 5);
        QCOMPARE(auditCount(QStringLiteral("account.locked")), 1);

        // During the lock even the right password is refused, and the answer says until when.
        m_fx->clock().advanceMinutes(14);
        const LoginResult during = auth().login(QStringLiteral("ana"), kPassword);
        QCOMPARE(during.status, Status::Locked);
        QCOMPARE(during.lockedUntil, until);
        QCOMPARE(during.message,
                 QStringLiteral("This account is locked after too many failed attempts. Try "
                                "again after %1.")
                     .arg(until.toLocalTime().toString(QStringLiteral("HH:mm"))));
        QVERIFY(!during.session.isValid());
        QCOMPARE(auditCount(QStringLiteral("login.refused")), 1);

        // When the lock has passed, the right password works and the counter starts again.
        m_fx->clock().set(until);
        const LoginResult after = auth().login(QStringLiteral("ana"), kPassword);
        QVERIFY2(after.ok(), qPrintable(after.message));
        QCOMPARE(failedAttempts(), 0);
        QVERIFY(m_fx->scalar(QStringLiteral("SELECT locked_until IS NULL FROM users")).toBool());
        QVERIFY(m_fx->audit().verify().ok());
    }

    void afterTheLockTheCounterStartsAgain()
    {
        failTimes(5);
        m_fx->clock().advanceMinutes(15);
        // Straight after the lock, a wrong password counts as the first failure, not a sixth.
        const auto r = auth().login(QStringLiteral("ana"), QStringLiteral("wrong"));
        QCOMPARE(r.status, Status::BadCredentials);
        QCOMPARE(failedAttempts(), 1);
        failTimes(3);
        QCOMPARE(auth().login(QStringLiteral("ana"), kPassword).status, Status::Ok);
    }

    void successResetsTheCounter()
    {
        failTimes(4);
        QVERIFY(auth().login(QStringLiteral("ana"), kPassword).ok());
        QCOMPARE(failedAttempts(), 0);
        failTimes(4);
        QCOMPARE(auth().login(QStringLiteral("ana"), kPassword).status, Status::Ok);
    }

    void unknownUsersAreNotLocked()
    {
        for (int i = 0; i < 7; ++i)
            QCOMPARE(auth().login(QStringLiteral("nadie"), QStringLiteral("x")).status,
                     Status::BadCredentials);
        QCOMPARE(auditCount(QStringLiteral("account.locked")), 0);
    }

    void aDisabledAccountIsRefused()
    {
        const auto locked = m_fx->users().setLocked(tambo::test::CoreFixture::managerSession(),
                                                    QStringLiteral("ana"),
                                                    true);
        QVERIFY2(locked.ok(), qPrintable(locked.error));
        const LoginResult right = auth().login(QStringLiteral("ana"), kPassword);
        QCOMPARE(right.status, Status::Disabled);
        QVERIFY(right.message.contains(QStringLiteral("locked by an administrator")));
        QVERIFY(!right.session.isValid());
        // The wrong password says nothing about the account.
        QCOMPARE(auth().login(QStringLiteral("ana"), QStringLiteral("wrong")).status,
                 Status::BadCredentials);
    }

    void everyAttemptIsAudited()
    {
        auth().login(QStringLiteral("ana"), kPassword);
        auth().login(QStringLiteral("ana"), QStringLiteral("wrong"));
        auth().login(QStringLiteral("nadie"), QStringLiteral("wrong"));
        QSqlQuery query(m_fx->db());
        QVERIFY(query.exec(QStringLiteral("SELECT actor, entity, entity_id, action FROM audit_log"
                                          " WHERE action LIKE 'login.%' ORDER BY seq")));
        const QStringList expected{QStringLiteral("ana|user|ana|login.ok"),
                                   QStringLiteral("ana|user|ana|login.failed"),
                                   QStringLiteral("nadie|user|nadie|login.failed")};
        QStringList rows;
        while (query.next())
            rows.append(QStringList{query.value(0).toString(),
                                    query.value(1).toString(),
                                    query.value(2).toString(),
                                    query.value(3).toString()}
                            .join(QLatin1Char('|')));
        QCOMPARE(rows, expected);
        QVERIFY(m_fx->audit().verify().ok());
    }

    void theAuditNeverHoldsThePassword()
    {
        auth().login(QStringLiteral("ana"), QStringLiteral("my-secret-typo"));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE"
                                             " after_json LIKE '%my-secret-typo%'"))
                     .toInt(),
                 0);
    }

    void loginWorksWithoutAnyNetwork()
    {
        // Offline login: the local users table is the cached verifier. With every connection
        // forced through a proxy that does not exist, login must still work.
        const QNetworkProxy before = QNetworkProxy::applicationProxy();
        QNetworkProxy::setApplicationProxy(
            QNetworkProxy(QNetworkProxy::Socks5Proxy, QStringLiteral("192.0.2.1"), 9));
        const LoginResult result = auth().login(QStringLiteral("ana"), kPassword);
        QNetworkProxy::setApplicationProxy(before);
        QVERIFY2(result.ok(), qPrintable(result.message));
    }

    void aWeakHashIsUpgradedOnLogin()
    {
        // The fixture hashes at minimum cost; a service with the standard cost upgrades it.
        const QString old = m_fx->scalar(QStringLiteral("SELECT password_hash FROM users"))
                                .toString();
        QVERIFY(PasswordHasher().needsRehash(old));
        AuthService standard(databaseProviderOf(m_fx->temp().store()), m_fx->clock(), m_fx->audit());
        QVERIFY(standard.login(QStringLiteral("ana"), kPassword).ok());
        const QString upgraded = m_fx->scalar(QStringLiteral("SELECT password_hash FROM users"))
                                     .toString();
        QVERIFY(upgraded != old);
        QVERIFY(!PasswordHasher().needsRehash(upgraded));
        QVERIFY(standard.login(QStringLiteral("ana"), kPassword).ok());
    }

    void sessionForBuildsWithoutPassword()
    {
        QString error;
        const Session s = auth().sessionFor(QStringLiteral("ANA"), &error);
        QVERIFY2(s.isValid(), qPrintable(error));
        QCOMPARE(s.username, QStringLiteral("ana"));
        QCOMPARE(s.permissions,
                 RoleCatalog::grants({}).value(QString::fromLatin1(Roles::MesaPartes)));

        QVERIFY(!auth().sessionFor(QStringLiteral("nadie"), &error).isValid());
        QCOMPARE(error, QStringLiteral("There is no user nadie."));
        QVERIFY(
            m_fx->users()
                .setLocked(tambo::test::CoreFixture::managerSession(), QStringLiteral("ana"), true)
                .ok());
        QVERIFY(!auth().sessionFor(QStringLiteral("ana"), &error).isValid());
    }

    void aBrokenStoreGivesAnError()
    {
        QVERIFY(QSqlQuery(m_fx->db()).exec(QStringLiteral("DROP TABLE audit_head")));
        const LoginResult result = auth().login(QStringLiteral("ana"), kPassword);
        QCOMPARE(result.status, Status::Error);
        QVERIFY(!result.session.isValid());
        QVERIFY(result.message.startsWith(QStringLiteral("Cannot log in: ")));
    }

private:
    std::unique_ptr<tambo::test::CoreFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_authservice.moc"
