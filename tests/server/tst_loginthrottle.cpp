// LoginThrottle: the desktop's rule (5 wrong passwords in 15 minutes lock for 15 minutes) per
// account and per source address, kept in PostgreSQL, with an injected clock.
#include "LoginThrottle.h"

#include "FakeClock.h"
#include "MigratedDatabase.h"
#include "PostgresLauncher.h"

#include <QSqlQuery>
#include <QtTest>

#include <memory>

using tambo::server::LoginThrottle;
using tambo::test::FakeClock;
using tambo::test::MigratedDatabase;
using tambo::test::PostgresLauncher;

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresLauncher> m_pg;
    std::unique_ptr<MigratedDatabase> m_db;
    FakeClock m_clock;
    int m_counter = 0;

    LoginThrottle throttle(LoginThrottle::Limits limits = {})
    {
        return LoginThrottle(m_db->db(), m_clock, limits);
    }
    // n wrong passwords for user, each from its own address (only the account adds up).
    void fail(const QString &user, int n, const QString &addressPrefix = QStringLiteral("10.0.0."))
    {
        for (int i = 0; i < n; ++i) {
            const LoginThrottle::Verdict v
                = throttle().recordFailure(user,
                                           addressPrefix + QString::number(++m_counter % 250 + 1),
                                           QStringLiteral("bad_credentials"));
            QVERIFY2(v.ok(), qPrintable(v.error));
        }
    }
    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(m_db->db());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<PostgresLauncher>();
        TAMBO_REQUIRE_POSTGRES(*m_pg);
    }
    void init()
    {
        m_clock.set(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        m_db = std::make_unique<MigratedDatabase>(*m_pg,
                                                  QStringLiteral("throttle_%1").arg(++m_counter));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    }
    void cleanup() { m_db.reset(); }
    void cleanupTestCase() { m_pg.reset(); }

    void fiveFailuresLockTheAccountFor15Minutes()
    {
        fail(QStringLiteral("ana"), 4);
        QVERIFY(throttle().check(QStringLiteral("ana"), QStringLiteral("192.0.2.1")).allowed);
        const LoginThrottle::Verdict fifth = throttle().recordFailure(QStringLiteral("ana"),
                                                                      QStringLiteral("192.0.2.1"),
                                                                      QStringLiteral(
                                                                          "bad_credentials"));
        QVERIFY(!fifth.allowed); // the next attempt will be refused
        QCOMPARE(fifth.scope, QStringLiteral("account"));
        const LoginThrottle::Verdict sixth = throttle().check(QStringLiteral(" ANA "),
                                                              QStringLiteral("192.0.2.99"));
        QVERIFY(!sixth.allowed);
        QCOMPARE(sixth.scope, QStringLiteral("account"));
        QCOMPARE(sixth.lockedUntil, m_clock.now().addSecs(15 * 60));
        QCOMPARE(sixth.retryAfterSecs, 15 * 60);
        // Another account is not touched.
        QVERIFY(throttle().check(QStringLiteral("beto"), QStringLiteral("192.0.2.99")).allowed);

        m_clock.advanceSecs(15 * 60 - 1);
        QCOMPARE(throttle().check(QStringLiteral("ana"), {}).retryAfterSecs, 1);
        m_clock.advanceSecs(1);
        QVERIFY(throttle().check(QStringLiteral("ana"), {}).allowed);
        // After the lock the count starts again from zero: one more failure does not re-lock.
        fail(QStringLiteral("ana"), 1);
        QVERIFY(throttle().check(QStringLiteral("ana"), {}).allowed);
    }

    void attemptsDuringTheLockDoNotExtendIt()
    {
        // Someone who keeps trying from elsewhere cannot keep the owner out longer than 15
        // minutes after the burst that locked the account (the desktop's rule).
        fail(QStringLiteral("ana"), 5);
        const QDateTime until = throttle().check(QStringLiteral("ana"), {}).lockedUntil;
        m_clock.advanceMinutes(10);
        // A failure recorded while locked (a request let in just before the lock) changes
        // nothing.
        fail(QStringLiteral("ana"), 3);
        QCOMPARE(throttle().check(QStringLiteral("ana"), {}).lockedUntil, until);
        m_clock.advanceMinutes(5);
        QVERIFY(throttle().check(QStringLiteral("ana"), {}).allowed);
    }

    void failuresOutsideTheWindowDoNotAddUp()
    {
        fail(QStringLiteral("ana"), 4);
        m_clock.advanceMinutes(15);
        fail(QStringLiteral("ana"), 4);
        QVERIFY(throttle().check(QStringLiteral("ana"), {}).allowed);
        fail(QStringLiteral("ana"), 1);
        QVERIFY(!throttle().check(QStringLiteral("ana"), {}).allowed);
    }

    void aSuccessResetsTheAccountNotTheAddress()
    {
        const QString from = QStringLiteral("198.51.100.4");
        for (int i = 0; i < 4; ++i)
            throttle().recordFailure(QStringLiteral("ana"), from, QStringLiteral("bad_credentials"));
        QString error;
        QVERIFY2(throttle().recordSuccess(QStringLiteral("ana"), &error), qPrintable(error));
        fail(QStringLiteral("ana"), 4);
        QVERIFY(throttle().check(QStringLiteral("ana"), QStringLiteral("203.0.113.1")).allowed);
        // The address kept its four: one more failure from it, under any name, locks it.
        throttle().recordFailure(QStringLiteral("beto"), from, QStringLiteral("bad_credentials"));
        const LoginThrottle::Verdict v = throttle().check(QStringLiteral("carla"), from);
        QVERIFY(!v.allowed);
        QCOMPARE(v.scope, QStringLiteral("address"));
    }

    void anAddressIsCountedAcrossUsernames()
    {
        LoginThrottle::Limits limits;
        limits.addressMaxFailures = 3;
        for (int i = 0; i < 3; ++i) {
            throttle(limits).recordFailure(QStringLiteral("user%1").arg(i),
                                           QStringLiteral("2001:db8:1:2::%1").arg(i + 1),
                                           QStringLiteral("bad_credentials"));
        }
        // One /64: the same address as far as the throttle goes.
        const LoginThrottle::Verdict v = throttle(limits).check(QStringLiteral("ana"),
                                                                QStringLiteral("2001:db8:1:2::99"));
        QVERIFY(!v.allowed);
        QCOMPARE(v.scope, QStringLiteral("address"));
        QVERIFY(
            throttle(limits).check(QStringLiteral("ana"), QStringLiteral("2001:db8:1:3::1")).allowed);
    }

    void unknownUsernamesAreCountedToo()
    {
        // Whether an account exists must not show in the answers.
        fail(QStringLiteral("no-existe"), 5);
        QVERIFY(!throttle().check(QStringLiteral("no-existe"), {}).allowed);
    }

    void failuresAreAuditedWithoutThePassword()
    {
        throttle().recordFailure(QStringLiteral("  Ana "),
                                 QStringLiteral("192.0.2.7"),
                                 QStringLiteral("bad_credentials"));
        QString error;
        QVERIFY(throttle().audit(QStringLiteral("ana"),
                                 QStringLiteral("192.0.2.7"),
                                 QStringLiteral("device_proof_invalid"),
                                 &error));
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT username, source, reason, created_at FROM login_failures ORDER BY id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ana"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("192.0.2.7"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("bad_credentials"));
        QCOMPARE(q.value(3).toDateTime().toUTC(), m_clock.now());
        QVERIFY(q.next());
        QCOMPARE(q.value(2).toString(), QStringLiteral("device_proof_invalid"));
        QVERIFY(!q.next());
        // An audit alone counts nothing.
        QCOMPARE(scalar(QStringLiteral("SELECT max(failures) FROM login_throttle")), 1);
    }

    void staleRowsAreDropped()
    {
        fail(QStringLiteral("ana"), 2);
        QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM login_throttle")) > 0);
        m_clock.advanceMinutes(16);
        QString error;
        QVERIFY(throttle().recordSuccess(QStringLiteral("beto"), &error));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM login_throttle")), 0);
    }

    void twoServersShareTheCount()
    {
        const QString other = QStringLiteral("second-server");
        {
            QSqlDatabase second = m_pg->open(other, m_db->name());
            QVERIFY(second.isOpen());
            LoginThrottle here = throttle();
            LoginThrottle elsewhere(second, m_clock, {});
            for (int i = 0; i < 5; ++i) {
                LoginThrottle &which = i % 2 ? elsewhere : here;
                QVERIFY(which
                            .recordFailure(QStringLiteral("ana"),
                                           QStringLiteral("192.0.2.%1").arg(i),
                                           QStringLiteral("bad_credentials"))
                            .ok());
            }
            QVERIFY(!elsewhere.check(QStringLiteral("ana"), {}).allowed);
            QVERIFY(!throttle().check(QStringLiteral("ana"), {}).allowed);
            second.close();
        }
        QSqlDatabase::removeDatabase(other);
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
