// PgDatabase: one QPSQL connection per thread, reconnect after a failure.
#include "PgDatabase.h"

#include "PostgresLauncher.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <memory>
#include <thread>

using tambo::server::PgDatabase;
using tambo::server::ServerConfig;
using tambo::test::PostgresLauncher;

class TestPgDatabase : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresLauncher> m_pg;

    ServerConfig::Database settings() const
    {
        ServerConfig::Database s;
        s.host = m_pg->host();
        s.port = m_pg->port();
        s.name = m_pg->databaseName();
        s.user = m_pg->user();
        s.password = m_pg->password();
        s.connectTimeoutSeconds = 5;
        return s;
    }

    static int backendPid(QSqlDatabase db)
    {
        QSqlQuery q(db);
        return q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next() ? q.value(0).toInt()
                                                                             : -1;
    }

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<PostgresLauncher>();
        TAMBO_REQUIRE_POSTGRES(*m_pg);
        QVERIFY(PgDatabase::driverAvailable());
    }
    void cleanupTestCase() { m_pg.reset(); }

    void oneConnectionPerThread()
    {
        PgDatabase pg(settings());
        QString error;
        const int mine = backendPid(pg.connection(&error));
        QVERIFY2(mine > 0, qPrintable(error));
        QCOMPARE(backendPid(pg.connection()), mine); // same thread, same connection

        int theirs = 0;
        int theirsAgain = 0;
        std::thread other([&] {
            theirs = backendPid(pg.connection());
            theirsAgain = backendPid(pg.connection());
            pg.releaseThreadConnection();
        });
        other.join();
        QVERIFY(theirs > 0);
        QCOMPARE(theirsAgain, theirs);
        QVERIFY(theirs != mine);
    }

    void releaseClosesTheConnection()
    {
        PgDatabase pg(settings(), QStringLiteral("release-test"));
        int pid = 0;
        std::thread worker([&] {
            pid = backendPid(pg.connection());
            pg.releaseThreadConnection();
        });
        worker.join();
        QVERIFY(pid > 0);
        // The backend of the released connection is gone.
        QSqlDatabase db = pg.connection();
        QVERIFY(QTest::qWaitFor(
            [&] {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = ?"));
                q.addBindValue(pid);
                return q.exec() && q.next() && q.value(0).toInt() == 0;
            },
            5000));
    }

    void reconnectsAfterTheBackendDied()
    {
        PgDatabase pg(settings());
        QSqlDatabase db = pg.connection();
        const int pid = backendPid(db);
        QVERIFY(pid > 0);
        {
            // Another session kills ours, as a PostgreSQL restart or a network cut would.
            QSqlDatabase killer = m_pg->open(QStringLiteral("killer"));
            QSqlQuery q(killer);
            q.prepare(QStringLiteral("SELECT pg_terminate_backend(?)"));
            q.addBindValue(pid);
            QVERIFY(q.exec() && q.next() && q.value(0).toBool());
            killer.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("killer"));

        QString error;
        QVERIFY(!pg.ping(&error)); // the first use notices…
        QVERIFY(!error.isEmpty());
        QVERIFY(pg.ping(&error)); // …and the next one reconnects
        const int newPid = backendPid(pg.connection());
        QVERIFY(newPid > 0);
        QVERIFY(newPid != pid);
    }

    void badPasswordSaysWhyButNotThePassword()
    {
        ServerConfig::Database s = settings();
        s.password = QStringLiteral("wrong-and-secret");
        PgDatabase pg(s);
        QString error;
        QSqlDatabase db = pg.connection(&error);
        QVERIFY(!db.isOpen());
        QVERIFY2(error.contains(QLatin1String("password authentication failed")), qPrintable(error));
        QVERIFY2(error.contains(
                     QStringLiteral("%1@127.0.0.1:%2/tambo").arg(m_pg->user()).arg(m_pg->port())),
                 qPrintable(error));
        QVERIFY(!error.contains(QLatin1String("wrong-and-secret")));
        QVERIFY(!pg.ping());
    }

    void unreachableServerFailsWithinTheTimeout()
    {
        ServerConfig::Database s = settings();
        s.port = 1; // nothing listens there
        PgDatabase pg(s);
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY(!pg.ping(&error));
        QVERIFY2(error.contains(QLatin1String("cannot connect to PostgreSQL")), qPrintable(error));
        QVERIFY(timer.elapsed() < 6000);
    }
};

QTEST_GUILESS_MAIN(TestPgDatabase)
#include "tst_pgdatabase.moc"
