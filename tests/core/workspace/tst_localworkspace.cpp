#include "FakeClock.h"

#include "auth/AuthService.h"
#include "store/KeychainKeyProvider.h"
#include "store/Store.h"
#include "workspace/LocalWorkspace.h"

#include <QFile>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo;

// How `tambo` opens its store at start-up. Built twice: without a session bus (no keychain: the
// demo key goes to a file) and, labelled keychain, inside a real Secret Service.
class TestLocalWorkspace : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MunicipalidadTacnaTest"));
        QCoreApplication::setApplicationName(QStringLiteral("TamboLocalWorkspace"));
        const QString demo = core::Workspace::defaultDemoStorePath();
        for (const QString &f : {demo, demo + QStringLiteral("-wal"), demo + QStringLiteral("-shm"),
                                 core::LocalWorkspace::demoKeyFilePath(demo)})
            QFile::remove(f);
#ifdef TAMBO_EXPECT_KEYCHAIN
        QVERIFY(core::KeychainKeyProvider::isAvailable());
#else
        QVERIFY(!core::KeychainKeyProvider::isAvailable());
#endif
    }

    void firstStartCreatesAndFillsTheDemoStore()
    {
        auto r = core::LocalWorkspace::open(QString(), &m_clock);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.demo);
        QCOMPARE(r.storePath, core::Workspace::defaultDemoStorePath());
        QVERIFY(QFile::exists(r.storePath));
        const bool keyFile = QFile::exists(core::LocalWorkspace::demoKeyFilePath(r.storePath));
#ifdef TAMBO_EXPECT_KEYCHAIN
        QVERIFY(!keyFile);
        QVERIFY(r.warning.isEmpty());
#else
        QVERIFY(keyFile);
        QVERIFY(!r.warning.isEmpty());
#endif
        QCOMPARE(r.workspace->auth().login(QStringLiteral("admin"), QStringLiteral("tambo2026"))
                     .status,
                 core::LoginResult::Status::Ok);
        // The demo rows are sample data of this PC, not changes waiting for the server, and the
        // capture of real changes is on again afterwards.
        QSqlQuery q(r.workspace->store().database());
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM sync_outbox), "
                                      "(SELECT applying FROM sync_flags WHERE id = 1)")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(q.value(1).toInt(), 0);
    }

    void secondStartOpensTheSameStore()
    {
        auto r = core::LocalWorkspace::open(QString(), &m_clock);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QSqlQuery q(r.workspace->store().database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM users")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 7);
    }

    void configuredStoreNeedsTheKeychain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sede.db"));
        auto r = core::LocalWorkspace::open(path, &m_clock);
        QVERIFY(!r.demo);
        // A configured store is never created by the app (tambo-admin init does that) and its
        // key never lands in a file.
        QVERIFY(!r.ok());
        QVERIFY(!r.error.isEmpty());
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(core::LocalWorkspace::demoKeyFilePath(path)));
    }
};

QTEST_GUILESS_MAIN(TestLocalWorkspace)
#include "tst_localworkspace.moc"
