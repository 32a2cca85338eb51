#include "AdminCli.h"

#include "audit/AuditLog.h"
#include "auth/AuthService.h"
#include "auth/Roles.h"
#include "store/KeyFileKeyProvider.h"
#include "store/Store.h"
#include "workspace/Workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace tambo;

class TestAdminCli : public QObject
{
    Q_OBJECT

private:
    struct Result
    {
        int code;
        QString out;
        QString err;
    };

    Result run(const QStringList &args, const QString &stdinText = {})
    {
        QString out, err, in = stdinText;
        QTextStream o(&out), e(&err), i(&in);
        admin::AdminCli cli(o, e, i);
        const int code = cli.run(QStringList{QStringLiteral("tambo-admin")} + args);
        o.flush();
        e.flush();
        return {code, out, err};
    }

    QString storePath() const { return m_dir.filePath(QStringLiteral("tambo.db")); }
    QString keyFile() const { return m_dir.filePath(QStringLiteral("tambo.key")); }
    QStringList storeArgs() const
    {
        return {QStringLiteral("--store"), storePath(), QStringLiteral("--key-file"), keyFile()};
    }

    static QByteArray fileHash(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    QTemporaryDir m_dir;

private slots:
    void init()
    {
        QFile::remove(storePath());
        QFile::remove(storePath() + QStringLiteral("-wal"));
        QFile::remove(storePath() + QStringLiteral("-shm"));
        QFile::remove(keyFile());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("init without store") << QStringList{QStringLiteral("init")};
        QTest::newRow("user without subcommand")
            << QStringList{QStringLiteral("user"), QStringLiteral("--store"), QStringLiteral("x")};
        QTest::newRow("audit without verify") << QStringList{QStringLiteral("audit")};
        QTest::newRow("audit verify --server without --user")
            << QStringList{QStringLiteral("audit"),
                           QStringLiteral("verify"),
                           QStringLiteral("--store"),
                           QStringLiteral("x"),
                           QStringLiteral("--server"),
                           QStringLiteral("https://127.0.0.1:1")};
        QTest::newRow("audit verify --server without a password")
            << QStringList{QStringLiteral("audit"),
                           QStringLiteral("verify"),
                           QStringLiteral("--store"),
                           QStringLiteral("x"),
                           QStringLiteral("--server"),
                           QStringLiteral("https://127.0.0.1:1"),
                           QStringLiteral("--user"),
                           QStringLiteral("ana")};
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("migrate"), QStringLiteral("--bogus")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Result r = run(args);
        QCOMPARE(r.code, int(admin::AdminCli::UsageError));
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!QFile::exists(storePath()));
    }

    void versionPrintsSqlCipher()
    {
        const Result r = run({QStringLiteral("version")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("SQLCipher 4.")), qPrintable(r.out));
    }

    void initCreatesStoreAndAdmin()
    {
        const Result r = run(QStringList{QStringLiteral("init")} + storeArgs()
                                 + QStringList{QStringLiteral("--admin-password-stdin")},
                             QStringLiteral("clave-segura-1\n"));
        QCOMPARE(r.code, 0);
        QVERIFY(QFile::exists(storePath()));
        QVERIFY(QFile::exists(keyFile()));

        core::KeyFileKeyProvider keys(keyFile());
        core::Workspace::Options o;
        o.storePath = storePath();
        o.keys = &keys;
        o.createIfMissing = false;
        auto ws = core::Workspace::open(o);
        QVERIFY2(ws.ok(), qPrintable(ws.error));
        const auto login = ws.workspace->auth().login(QStringLiteral("admin"),
                                                      QStringLiteral("clave-segura-1"));
        QCOMPARE(login.status, core::LoginResult::Status::Ok);
    }

    void initNeverOverwrites()
    {
        QCOMPARE(run(QStringList{QStringLiteral("init")} + storeArgs()).code, 0);
        const QByteArray before = fileHash(storePath());
        const Result r = run(QStringList{QStringLiteral("init")} + storeArgs());
        QCOMPARE(r.code, int(admin::AdminCli::RuntimeError));
        QVERIFY(r.err.contains(storePath()));
        QCOMPARE(fileHash(storePath()), before);
    }

    void initWithShortPasswordLeavesNothing()
    {
        const Result r = run(QStringList{QStringLiteral("init")} + storeArgs()
                                 + QStringList{QStringLiteral("--admin-password-stdin")},
                             QStringLiteral("corta\n"));
        QCOMPARE(r.code, int(admin::AdminCli::UsageError));
        QVERIFY(!QFile::exists(storePath()));
    }

    void wrongKeyIsClearAndChangesNothing()
    {
        QCOMPARE(run(QStringList{QStringLiteral("init")} + storeArgs()).code, 0);
        const QByteArray before = fileHash(storePath());
        QFile f(keyFile());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray(32, '\x01'));
        f.close();
        const Result r = run(QStringList{QStringLiteral("user"), QStringLiteral("list")}
                             + storeArgs());
        QCOMPARE(r.code, int(admin::AdminCli::RuntimeError));
        QVERIFY(!r.err.trimmed().isEmpty());
        QCOMPARE(fileHash(storePath()), before);
    }

    void demoHasOneUserPerRole()
    {
        QCOMPARE(run(QStringList{QStringLiteral("demo")} + storeArgs()).code, 0);
        const Result r = run(QStringList{QStringLiteral("user"), QStringLiteral("list")}
                             + storeArgs());
        QCOMPARE(r.code, 0);
        for (const QString &role : core::Roles::all())
            QVERIFY2(r.out.contains(QLatin1Char('\t') + role + QLatin1Char('\t')),
                     qPrintable(role));
        // A second demo run is harmless.
        QCOMPARE(run(QStringList{QStringLiteral("demo")} + storeArgs()).code, 0);
    }

    void userAddLockUnlock()
    {
        QCOMPARE(run(QStringList{QStringLiteral("demo")} + storeArgs()).code, 0);
        Result r = run(QStringList{QStringLiteral("user"), QStringLiteral("add")} + storeArgs()
                           + QStringList{QStringLiteral("--username"), QStringLiteral("jperez"),
                                         QStringLiteral("--name"), QStringLiteral("Juan Pérez"),
                                         QStringLiteral("--role"), QStringLiteral("mesa_partes")},
                       QStringLiteral("contraseña-juan\n"));
        QCOMPARE(r.code, 0);
        r = run(QStringList{QStringLiteral("user"), QStringLiteral("add")} + storeArgs()
                    + QStringList{QStringLiteral("--username"), QStringLiteral("otro"),
                                  QStringLiteral("--name"), QStringLiteral("Otro"),
                                  QStringLiteral("--role"), QStringLiteral("no_such_role")},
                QStringLiteral("contraseña-otro\n"));
        QCOMPARE(r.code, int(admin::AdminCli::RuntimeError));

        QCOMPARE(run(QStringList{QStringLiteral("user"), QStringLiteral("lock")} + storeArgs()
                     + QStringList{QStringLiteral("--username"), QStringLiteral("jperez")})
                     .code,
                 0);
        {
            core::KeyFileKeyProvider keys(keyFile());
            core::Workspace::Options o;
            o.storePath = storePath();
            o.keys = &keys;
            auto ws = core::Workspace::open(o);
            QVERIFY2(ws.ok(), qPrintable(ws.error));
            QCOMPARE(ws.workspace->auth()
                         .login(QStringLiteral("jperez"), QStringLiteral("contraseña-juan"))
                         .status,
                     core::LoginResult::Status::Disabled);
        }
        QCOMPARE(run(QStringList{QStringLiteral("user"), QStringLiteral("unlock")} + storeArgs()
                     + QStringList{QStringLiteral("--username"), QStringLiteral("jperez")})
                     .code,
                 0);
        core::KeyFileKeyProvider keys(keyFile());
        core::Workspace::Options o;
        o.storePath = storePath();
        o.keys = &keys;
        auto ws = core::Workspace::open(o);
        QVERIFY2(ws.ok(), qPrintable(ws.error));
        QCOMPARE(ws.workspace->auth()
                     .login(QStringLiteral("jperez"), QStringLiteral("contraseña-juan"))
                     .status,
                 core::LoginResult::Status::Ok);
    }

    void auditVerifyFindsTampering()
    {
        QCOMPARE(run(QStringList{QStringLiteral("demo")} + storeArgs()).code, 0);
        Result r = run(QStringList{QStringLiteral("audit"), QStringLiteral("verify")}
                       + storeArgs());
        QCOMPARE(r.code, 0);
        {
            core::KeyFileKeyProvider keys(keyFile());
            core::Workspace::Options o;
            o.storePath = storePath();
            o.keys = &keys;
            auto ws = core::Workspace::open(o);
            QVERIFY2(ws.ok(), qPrintable(ws.error));
            QSqlQuery q(ws.workspace->store().database());
            // Whoever holds the key can drop the guard triggers; verify must still notice.
            QVERIFY(q.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
            QVERIFY(q.exec(QStringLiteral(
                "UPDATE audit_log SET actor = 'intruso' WHERE seq = (SELECT MIN(seq) + 1 FROM audit_log)")));
            QCOMPARE(q.numRowsAffected(), 1);
        }
        r = run(QStringList{QStringLiteral("audit"), QStringLiteral("verify")} + storeArgs());
        QCOMPARE(r.code, int(admin::AdminCli::AuditBroken));
        QVERIFY2(r.err.contains(QLatin1Char('2')), qPrintable(r.err));
    }

    void auditVerifyWithoutAnchorsSaysWhatItChecked()
    {
        QCOMPARE(run(QStringList{QStringLiteral("demo")} + storeArgs()).code, 0);
        const Result r = run(QStringList{QStringLiteral("audit"), QStringLiteral("verify")}
                             + storeArgs());
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("--server")), qPrintable(r.out));
        // A server that cannot be reached is a runtime error, never "verified".
        const Result offline = run(QStringList{QStringLiteral("audit"),
                                               QStringLiteral("verify"),
                                               QStringLiteral("--server"),
                                               QStringLiteral("https://127.0.0.1:1"),
                                               QStringLiteral("--user"),
                                               QStringLiteral("ana")}
                                       + storeArgs(),
                                   QStringLiteral("clave\n"));
        QCOMPARE(offline.code, int(admin::AdminCli::RuntimeError));
        QVERIFY(offline.out.isEmpty());
    }

    void syncReenrollMakesThisStoreANewDevice()
    {
        QCOMPARE(run(QStringList{QStringLiteral("init")} + storeArgs()).code, 0);
        QString oldId;
        {
            core::KeyFileKeyProvider keys(keyFile());
            core::Workspace::Options o;
            o.storePath = storePath();
            o.keys = &keys;
            auto ws = core::Workspace::open(o);
            QVERIFY2(ws.ok(), qPrintable(ws.error));
            oldId = ws.workspace->deviceId();
            // A change the server never acknowledged, numbered by the old device.
            QSqlQuery q(ws.workspace->store().database());
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO sync_outbox (seq, table_name, row_id, op, data) VALUES "
                "(41, 'sync_resolutions', 'r1', 'insert', '{\"id\":\"r1\"}')")));
        }
        QCOMPARE(run(QStringList{QStringLiteral("sync")} + storeArgs()).code,
                 int(admin::AdminCli::UsageError));
        const Result r = run(QStringList{QStringLiteral("sync"), QStringLiteral("reenroll")}
                             + storeArgs());
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(oldId), qPrintable(r.out));

        core::KeyFileKeyProvider keys(keyFile());
        core::Workspace::Options o;
        o.storePath = storePath();
        o.keys = &keys;
        auto ws = core::Workspace::open(o);
        QVERIFY2(ws.ok(), qPrintable(ws.error));
        const QString newId = ws.workspace->deviceId();
        QVERIFY(newId != oldId && !QUuid::fromString(newId).isNull());
        QVERIFY2(r.out.contains(newId), qPrintable(r.out));
        QSqlQuery q(ws.workspace->store().database());
        QVERIFY(q.exec(QStringLiteral("SELECT seq FROM sync_outbox WHERE row_id = 'r1'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1); // the new device's first change
        q.finish();
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = "
                                      "'sync_device' AND action = 'reenroll'"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void migrateReportsVersions()
    {
        QCOMPARE(run(QStringList{QStringLiteral("init")} + storeArgs()).code, 0);
        const Result r = run(QStringList{QStringLiteral("migrate")} + storeArgs());
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("core")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestAdminCli)
#include "tst_admincli.moc"
