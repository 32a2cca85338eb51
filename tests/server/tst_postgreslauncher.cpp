// tests/support/PostgresLauncher: a real, private PostgreSQL 15 cluster per test class.
#include "PostgresLauncher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include <unistd.h>

using tambo::test::PostgresLauncher;

class TestPostgresLauncher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresLauncher> m_pg;

    QVariant scalar(const QString &sql, const QString &database = {})
    {
        QVariant value;
        {
            QSqlDatabase db = m_pg->open(QStringLiteral("scalar"), database);
            if (!db.isOpen()) {
                qWarning() << db.lastError().text();
                return {};
            }
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
            else
                qWarning() << sql << q.lastError().text();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("scalar"));
        return value;
    }

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<PostgresLauncher>();
        TAMBO_REQUIRE_POSTGRES(*m_pg);
    }
    void cleanupTestCase() { m_pg.reset(); }

    void serverIsPostgres15OnLoopback()
    {
        QVERIFY(m_pg->port() > 0);
        QCOMPARE(m_pg->host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(scalar(QStringLiteral("SHOW server_version_num")).toInt() / 10000, 15);
        QCOMPARE(scalar(QStringLiteral("SHOW listen_addresses")).toString(),
                 QStringLiteral("127.0.0.1"));
        QCOMPARE(scalar(QStringLiteral("SHOW port")).toInt(), m_pg->port());
        QCOMPARE(scalar(QStringLiteral("SHOW fsync")).toString(), QStringLiteral("off"));
        QCOMPARE(scalar(QStringLiteral("SHOW unix_socket_directories")).toString(),
                 m_pg->socketDir());
        QCOMPARE(scalar(QStringLiteral("SELECT current_database()")).toString(),
                 QStringLiteral("tambo"));
        QCOMPARE(scalar(QStringLiteral("SELECT current_user")).toString(), m_pg->user());
        QCOMPARE(scalar(QStringLiteral("SHOW server_encoding")).toString(), QStringLiteral("UTF8"));
    }

    void durableClusterFlushesCommits()
    {
        // TAMBO_PG_DURABLE=1 (benchmarks): fsync and synchronous commits stay on.
        qputenv("TAMBO_PG_DURABLE", "1");
        PostgresLauncher durable;
        qunsetenv("TAMBO_PG_DURABLE");
        TAMBO_REQUIRE_POSTGRES(durable);
        QSqlDatabase db = durable.open(QStringLiteral("durable-check"));
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        {
            QSqlQuery q(db);
            for (const char *setting : {"fsync", "synchronous_commit", "full_page_writes"}) {
                QVERIFY(q.exec(QStringLiteral("SHOW %1").arg(QLatin1String(setting))));
                QVERIFY(q.next());
                QCOMPARE(q.value(0).toString(), QStringLiteral("on"));
            }
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("durable-check"));
    }

    void serverRunsUnprivileged()
    {
        // The data folder belongs to whoever runs postgres: never root.
        const QString dataDir = scalar(QStringLiteral("SHOW data_directory")).toString();
        QVERIFY(!dataDir.isEmpty());
        const QFileInfo info(dataDir);
        QVERIFY(info.exists());
        QVERIFY2(info.ownerId() != 0, "postgres must not run as root");
        if (::geteuid() == 0)
            QCOMPARE(info.owner(), QStringLiteral("postgres"));
        else
            QCOMPARE(info.ownerId(), uint(::geteuid()));
    }

    void passwordIsRequiredOverTcp()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"),
                                                        QStringLiteral("nopw"));
            db.setHostName(m_pg->host());
            db.setPort(m_pg->port());
            db.setUserName(m_pg->user());
            db.setPassword(QStringLiteral("wrong"));
            db.setDatabaseName(m_pg->databaseName());
            QVERIFY(!db.open());
            QVERIFY2(db.lastError().text().contains(
                         QLatin1String("password authentication failed")),
                     qPrintable(db.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("nopw"));
    }

    void createDatabaseGivesAFreshOne()
    {
        QString error;
        QVERIFY2(m_pg->createDatabase(QStringLiteral("launcher_a"), &error), qPrintable(error));
        QVERIFY2(m_pg->createDatabase(QStringLiteral("launcher_b"), &error), qPrintable(error));
        QCOMPARE(scalar(QStringLiteral("SELECT current_database()"), QStringLiteral("launcher_b"))
                     .toString(),
                 QStringLiteral("launcher_b"));
        QVERIFY(!m_pg->createDatabase(QStringLiteral("launcher_a"), &error)); // exists
        QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
        QVERIFY(!m_pg->createDatabase(QStringLiteral("bad; DROP DATABASE tambo"), &error));
        QVERIFY2(error.contains(QLatin1String("not a plain database name")), qPrintable(error));
    }

    void stopsAndRemovesEverything()
    {
        QString socketDir;
        int port = 0;
        {
            PostgresLauncher second;
            QVERIFY2(second.isValid(), qPrintable(second.error()));
            QVERIFY(second.port() != m_pg->port());
            socketDir = second.socketDir();
            port = second.port();
            QVERIFY(QFileInfo::exists(socketDir));
        }
        QVERIFY(!QFileInfo::exists(socketDir));
        QVERIFY(!QFileInfo::exists(QFileInfo(socketDir).absolutePath()));
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(port));
        QVERIFY2(!probe.waitForConnected(2000), "the stopped cluster still accepts connections");
    }

    void brokenBinariesGiveAClearError()
    {
        // TAMBO_PG_BINDIR wins; point it at programs that fail.
        QTemporaryDir fake(QStringLiteral("/tmp/tambo-fakepg-XXXXXX"));
        QVERIFY(fake.isValid());
        QFile::setPermissions(fake.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                  | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                  | QFileDevice::ExeGroup);
        for (const char *tool : {"initdb", "pg_ctl", "postgres"}) {
            QFile f(fake.filePath(QLatin1String(tool)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\necho 'broken on purpose' >&2\nexit 3\n");
            f.close();
            QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                     | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                     | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                     | QFileDevice::ExeGroup));
        }
        qputenv("TAMBO_PG_BINDIR", QFile::encodeName(fake.path()));
        QCOMPARE(PostgresLauncher::findBinDir(), fake.path());
        {
            PostgresLauncher broken;
            QVERIFY(!broken.isValid());
            QVERIFY2(broken.error().contains(QLatin1String("initdb failed"))
                         && broken.error().contains(QLatin1String("broken on purpose")),
                     qPrintable(broken.error()));
        }
        qunsetenv("TAMBO_PG_BINDIR");
        QCOMPARE(PostgresLauncher::findBinDir(), m_pg->binDir());
    }

    void skipNeedsTheExplicitVariable()
    {
        qunsetenv("TAMBO_SKIP_POSTGRES");
        QVERIFY(!PostgresLauncher::skipRequested());
        qputenv("TAMBO_SKIP_POSTGRES", "yes");
        QVERIFY(!PostgresLauncher::skipRequested());
        qputenv("TAMBO_SKIP_POSTGRES", "1");
        QVERIFY(PostgresLauncher::skipRequested());
        qunsetenv("TAMBO_SKIP_POSTGRES");
    }
};

QTEST_GUILESS_MAIN(TestPostgresLauncher)
#include "tst_postgreslauncher.moc"
