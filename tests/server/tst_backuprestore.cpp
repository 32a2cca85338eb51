// installer/tambo-backup.sh and installer/tambo-restore.sh (issue 3 item 10: "restore tested
// once"): a real tambo-server writes users and devices into PostgreSQL; the backup script dumps
// it; the database is lost (dropped) and made again empty; the restore script brings it back;
// a new tambo-server starts on it and everything works as before. Damaged copies are refused
// and leave the target untouched.
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "TestClient.h"
#include "TestDeviceKeys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

#include <sodium.h>

#include <csignal>
#include <memory>

using tambo::test::ServerFixture;
using tambo::test::ServerProcess;
using tambo::test::TestClient;

namespace {

struct Script
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestBackupRestore : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    QString m_backupDir;
    QString m_dump;
    QString m_kept;           // a device that stays registered
    QString m_revoked;        // a device revoked before the backup
    QString m_sessionRefresh; // ana's session, open at the backup and rotated after it
    int m_logs = 0;

    Script script(const QString &name, const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGHOST"), m_fx.pg().host());
        env.insert(QStringLiteral("PGPORT"), QString::number(m_fx.pg().port()));
        env.insert(QStringLiteral("PGUSER"), m_fx.pg().user());
        env.insert(QStringLiteral("PGPASSWORD"), m_fx.pg().password()); // tests only: see docs
        env.remove(QStringLiteral("PGDATABASE"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("bash"),
                QStringList{QStringLiteral(TAMBO_INSTALLER_DIR "/") + name} + args
                    + QStringList{QStringLiteral("--bindir"), m_fx.pg().binDir()});
        Script s;
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
        }
        s.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        s.out = QString::fromUtf8(p.readAllStandardOutput());
        s.err = QString::fromUtf8(p.readAllStandardError());
        return s;
    }
    bool adminExec(const QString &sql, QString *error)
    {
        bool ok = false;
        {
            QSqlDatabase db = m_fx.pg().open(QStringLiteral("admin"), QStringLiteral("postgres"));
            QSqlQuery q(db);
            ok = db.isOpen() && q.exec(sql);
            if (!ok)
                *error = sql + QStringLiteral(": ") + q.lastError().text();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        return ok;
    }
    qint64 count(const QString &database, const QString &sql)
    {
        qint64 n = -1;
        {
            QSqlDatabase db = m_fx.pg().open(QStringLiteral("count"), database);
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                n = q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("count"));
        return n;
    }
    std::unique_ptr<ServerProcess> startServer(const QString &config)
    {
        auto s = std::make_unique<ServerProcess>(m_fx.dir()
                                                 + QStringLiteral("/server-%1.log").arg(++m_logs));
        QString error;
        if (!s->start(config, &error))
            qWarning("%s", qPrintable(error));
        return s;
    }
    void stopServer(ServerProcess &s)
    {
        s.signal(SIGTERM);
        QVERIFY(s.waitForExit(15000));
        QCOMPARE(s.exitCode(), 0);
        QVERIFY2(!s.hasSanitizerReport(), qPrintable(s.logText()));
    }
    static TestClient::Reply login(TestClient &c,
                                   const QString &user,
                                   const QString &password,
                                   const QString &device = {})
    {
        QJsonObject body{{QStringLiteral("username"), user}, {QStringLiteral("password"), password}};
        if (!device.isEmpty())
            tambo::test::TestDeviceKeys::bindLogin(&body, device, user);
        return c.post(QStringLiteral("/v1/auth/login"), body);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        TAMBO_SETUP_SERVER_FIXTURE(m_fx);
        m_backupDir = m_fx.dir() + QStringLiteral("/backups");
        QString error;
        QVERIFY2(m_fx.createUser(QStringLiteral("ana"),
                                 QStringLiteral("admin_otic"),
                                 QStringLiteral("central"),
                                 QStringLiteral("ana-clave-2026"),
                                 &error),
                 qPrintable(error));
        QVERIFY2(m_fx.createUser(QStringLiteral("beto"),
                                 QStringLiteral("patrimonio_inventariador"),
                                 QStringLiteral("central"),
                                 QStringLiteral("beto-clave-2026"),
                                 &error),
                 qPrintable(error));

        // Data written through the real server: two devices, one of them revoked.
        auto server = startServer(m_fx.configPath());
        QVERIFY(server->isRunning());
        TestClient c(server->port(), m_fx.certificate().certificatePath());
        const TestClient::Reply session = login(c,
                                                QStringLiteral("ana"),
                                                QStringLiteral("ana-clave-2026"));
        const QString token = session.json.value(QStringLiteral("access_token")).toString();
        QVERIFY(!token.isEmpty());
        m_sessionRefresh = session.json.value(QStringLiteral("refresh_token")).toString();
        m_kept = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_revoked = QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (const QString &d : {m_kept, m_revoked}) {
            QCOMPARE(c.post(QStringLiteral("/v1/devices/register"),
                            {{QStringLiteral("device_id"), d},
                             {QStringLiteral("public_key"),
                              tambo::test::TestDeviceKeys::publicKeyBase64(d)}},
                            token)
                         .status,
                     201);
        }
        QCOMPARE(c.post(QStringLiteral("/v1/devices/revoke"),
                        {{QStringLiteral("device_id"), m_revoked}},
                        token)
                     .status,
                 200);
        stopServer(*server);
    }

    void backupWritesAVerifiedDumpAndPrunesOldOnes()
    {
        QVERIFY(QDir().mkpath(m_backupDir));
        // An old copy of this database (30 days) and one of another database, as old.
        const QString old = m_backupDir + QStringLiteral("/tambo-tambo-20200101T000000Z.dump");
        const QString other = m_backupDir + QStringLiteral("/tambo-otra-20200101T000000Z.dump");
        for (const QString &path : {old, other}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old");
            QVERIFY(f.flush()); // before the time, or closing would write (and touch) it again
            QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addDays(-30),
                                  QFileDevice::FileModificationTime));
        }

        const Script s = script(QStringLiteral("tambo-backup.sh"),
                                {QStringLiteral("--dir"),
                                 m_backupDir,
                                 QStringLiteral("--dbname"),
                                 QStringLiteral("tambo"),
                                 QStringLiteral("--keep-days"),
                                 QStringLiteral("14")});
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        m_dump = s.out.trimmed();
        QVERIFY2(QFileInfo(m_dump).isFile(), qPrintable(s.out));
        QVERIFY(QFileInfo(m_dump).fileName().startsWith(QLatin1String("tambo-tambo-")));
        QVERIFY(QFileInfo(m_dump).size() > 1000);
        QVERIFY(QFileInfo::exists(m_dump + QStringLiteral(".sha256")));
        QVERIFY(!QFileInfo::exists(m_dump + QStringLiteral(".partial")));
        QFile dump(m_dump);
        QVERIFY(dump.open(QIODevice::ReadOnly));
        QCOMPARE(dump.read(5), QByteArray("PGDMP")); // pg_dump's custom format
        QVERIFY(!QFileInfo::exists(old));            // pruned
        QVERIFY(QFileInfo::exists(other)); // another database's copies are not ours to prune
        QVERIFY2(s.err.contains(QStringLiteral("borrada por antigüedad")), qPrintable(s.err));
    }

    void restoreRefusesANonEmptyDatabase()
    {
        QVERIFY(!m_dump.isEmpty());
        const Script s = script(QStringLiteral("tambo-restore.sh"),
                                {m_dump, QStringLiteral("--dbname"), QStringLiteral("tambo")});
        QCOMPARE(s.exitCode, 3);
        QVERIFY2(s.err.contains(QStringLiteral("no está vacía")), qPrintable(s.err));
        QCOMPARE(count(QStringLiteral("tambo"), QStringLiteral("SELECT count(*) FROM users")), 2);
    }

    void damagedCopiesAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<bool>("withChecksum");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addRow("altered, with its .sha256") << true << 3 << QStringLiteral("SHA-256");
        QTest::addRow("truncated, no .sha256") << false << 3 << QStringLiteral("no puede leer");
    }
    void damagedCopiesAreRefusedAndChangeNothing()
    {
        QFETCH(bool, withChecksum);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QVERIFY(!m_dump.isEmpty());
        QFile in(m_dump);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        const QString bad = m_fx.dir() + QStringLiteral("/damaged-%1.dump").arg(withChecksum);
        if (withChecksum) {
            bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x5a);
            QVERIFY(
                QFile::copy(m_dump + QStringLiteral(".sha256"), bad + QStringLiteral(".sha256")));
            // The checksum file names the original: make it name this copy.
            QFile sum(bad + QStringLiteral(".sha256"));
            QVERIFY(sum.open(QIODevice::ReadWrite));
            QByteArray line = sum.readAll();
            line.replace(QFileInfo(m_dump).fileName().toUtf8(), QFileInfo(bad).fileName().toUtf8());
            sum.resize(0);
            sum.seek(0);
            sum.write(line);
        } else {
            bytes.truncate(200);
        }
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();

        QString error;
        QVERIFY2(adminExec(QStringLiteral("CREATE DATABASE damaged_%1").arg(int(withChecksum)),
                           &error),
                 qPrintable(error));
        const QString target = QStringLiteral("damaged_%1").arg(int(withChecksum));
        const Script s = script(QStringLiteral("tambo-restore.sh"),
                                {bad, QStringLiteral("--dbname"), target});
        QCOMPARE(s.exitCode, exitCode);
        QVERIFY2(s.err.contains(message), qPrintable(s.err));
        QCOMPARE(count(target,
                       QStringLiteral(
                           "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")),
                 0);
    }

    void restoreAfterTheDatabaseIsLost()
    {
        QVERIFY(!m_dump.isEmpty());
        QString error;
        // After the backup ana's session was rotated (its refresh token spent): the restored
        // row would show it unspent again.
        {
            auto before = startServer(m_fx.configPath());
            QVERIFY(before->isRunning());
            TestClient c(before->port(), m_fx.certificate().certificatePath());
            QCOMPARE(c.post(QStringLiteral("/v1/auth/refresh"),
                            {{QStringLiteral("refresh_token"), m_sessionRefresh}})
                         .status,
                     200);
            stopServer(*before);
        }
        // Disaster: the database is gone. OTIC makes it again, empty, and restores.
        QVERIFY2(adminExec(QStringLiteral("DROP DATABASE tambo WITH (FORCE)"), &error),
                 qPrintable(error));
        QVERIFY2(adminExec(QStringLiteral("CREATE DATABASE tambo"), &error), qPrintable(error));
        QCOMPARE(count(QStringLiteral("tambo"),
                       QStringLiteral(
                           "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")),
                 0);
        const Script s = script(QStringLiteral("tambo-restore.sh"),
                                {m_dump, QStringLiteral("--dbname"), QStringLiteral("tambo")});
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        // The version counter moved far ahead of the restored rows: PCs that pulled after the
        // backup hold cursors past them and must still get every new change.
        QVERIFY(
            count(QStringLiteral("tambo"), QStringLiteral("SELECT last_value FROM sync_change_seq"))
            > 1000000000);
        QVERIFY(count(QStringLiteral("tambo"),
                      QStringLiteral("SELECT COALESCE(max(version), 0) FROM sync_rows"))
                < 1000000000);
        // Every restored session is closed: none of them can be trusted to be as it was.
        QVERIFY(count(QStringLiteral("tambo"), QStringLiteral("SELECT count(*) FROM tokens")) > 0);
        QCOMPARE(count(QStringLiteral("tambo"),
                       QStringLiteral("SELECT count(*) FROM tokens WHERE revoked_at IS NULL")),
                 0);

        // The operator's next steps: --migrate (nothing to do) and start.
        const ServerProcess::Run migrate = ServerProcess::run(
            {QStringLiteral("--config"), m_fx.configPath(), QStringLiteral("--migrate")});
        QCOMPARE(migrate.exitCode, 0);
        QVERIFY2(migrate.out.contains(QLatin1String("already at version")), qPrintable(migrate.out));
        auto server = startServer(m_fx.configPath());
        QVERIFY(server->isRunning());
        TestClient c(server->port(), m_fx.certificate().certificatePath());
        QCOMPARE(c.get(QStringLiteral("/v1/health")).status, 200);
        // The refresh token spent after the backup does not come back to life.
        const TestClient::Reply revived = c.post(QStringLiteral("/v1/auth/refresh"),
                                                 {{QStringLiteral("refresh_token"),
                                                   m_sessionRefresh}});
        QCOMPARE(revived.status, 401);
        QCOMPARE(revived.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("session_revoked"));
        // Users, password verifiers, devices and revocations all came back.
        QCOMPARE(login(c, QStringLiteral("ana"), QStringLiteral("ana-clave-2026")).status, 200);
        QCOMPARE(login(c, QStringLiteral("beto"), QStringLiteral("beto-clave-2026")).status, 200);
        QCOMPARE(login(c, QStringLiteral("beto"), QStringLiteral("mal")).status, 401);
        const TestClient::Reply bound = login(c,
                                              QStringLiteral("beto"),
                                              QStringLiteral("beto-clave-2026"),
                                              m_kept);
        QCOMPARE(bound.status, 200);
        QCOMPARE(bound.json.value(QStringLiteral("device_id")).toString(), m_kept);
        const TestClient::Reply revoked = login(c,
                                                QStringLiteral("ana"),
                                                QStringLiteral("ana-clave-2026"),
                                                m_revoked);
        QCOMPARE(revoked.status, 403);
        QCOMPARE(revoked.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_revoked"));
        stopServer(*server);
        QCOMPARE(count(QStringLiteral("tambo"), QStringLiteral("SELECT count(*) FROM devices")), 2);
    }

    void restoreWithRecreateReplacesADatabase()
    {
        QVERIFY(!m_dump.isEmpty());
        QString error;
        QVERIFY2(adminExec(QStringLiteral("CREATE DATABASE copia"), &error), qPrintable(error));
        {
            QSqlDatabase db = m_fx.pg().open(QStringLiteral("junk"), QStringLiteral("copia"));
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE basura (x int)")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("junk"));
        const Script s = script(QStringLiteral("tambo-restore.sh"),
                                {m_dump,
                                 QStringLiteral("--dbname"),
                                 QStringLiteral("copia"),
                                 QStringLiteral("--recreate"),
                                 QStringLiteral("--owner"),
                                 m_fx.pg().user()});
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        QCOMPARE(count(QStringLiteral("copia"), QStringLiteral("SELECT count(*) FROM users")), 2);
        QCOMPARE(count(QStringLiteral("copia"),
                       QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = 'basura'")),
                 0);
    }

    void scriptsRejectBadArguments_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("args");
        QTest::addRow("backup: unknown option")
            << QStringLiteral("tambo-backup.sh") << QStringList{QStringLiteral("--nada")};
        QTest::addRow("backup: bad database name")
            << QStringLiteral("tambo-backup.sh")
            << QStringList{QStringLiteral("--dbname"), QStringLiteral("x;drop")};
        QTest::addRow("restore: no file") << QStringLiteral("tambo-restore.sh") << QStringList{};
        QTest::addRow("restore: missing file")
            << QStringLiteral("tambo-restore.sh") << QStringList{QStringLiteral("/nonexistent")};
    }
    void scriptsRejectBadArguments()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, args);
        const Script s = script(name, args);
        QCOMPARE(s.exitCode, 2);
        QVERIFY(!s.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBackupRestore)
#include "tst_backuprestore.moc"
