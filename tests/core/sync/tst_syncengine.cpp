#include "FakeClock.h"
#include "TempStore.h"

#include "migrations/MigrationRunner.h"
#include "sync/OutboxTriggers.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSchema.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace tambo::core;
using tambo::test::FakeClock;
using tambo::test::TempStore;

// The engine without a server (a PC not enrolled yet, or no server configured): it still runs
// its worker thread, counts the outbox and feeds the indicator. The engine against a real
// server is tested in tests/server/tst_syncsession.
class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    static QList<SyncedTable> declared()
    {
        return {{"assets", SyncedTable::Kind::Mutable, {}, {}, {}, {}}};
    }

    static bool prepare(TempStore &temp, FakeClock &clock)
    {
        MigrationRunner runner(temp.store().database(), clock);
        runner.addModule(SyncSchema::moduleId(), SyncSchema::steps());
        runner.addModule("t",
                         {MigrationStep::sql(1,
                                             "t",
                                             {"CREATE TABLE assets (id TEXT PRIMARY KEY NOT "
                                              "NULL, name TEXT) STRICT"})});
        QString error;
        return runner.migrate().ok()
               && OutboxTriggers::install(temp.store().database(), declared(), &error);
    }

private slots:
    void countsPendingWithoutAServer_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("no server configured") << QString() << "No sync server";
        QTest::newRow("server but no session") << "https://127.0.0.1:1"
                                               << "no session";
    }
    void countsPendingWithoutAServer()
    {
        QFETCH(QString, url);
        QFETCH(QString, messagePart);
        TempStore temp;
        FakeClock clock;
        QVERIFY(temp.isValid());
        QVERIFY(prepare(temp, clock));
        SyncEngine::Options options;
        options.serverUrl = QUrl(url);
        options.deviceId = QUuid::createUuid();
        options.countIntervalMs = 50;
        SyncEngine engine(temp.store(), declared(), clock, options);
        QSignalSpy changed(&engine, &SyncEngine::statusChanged);
        engine.start();
        QVERIFY(engine.isRunning());
        QTRY_VERIFY(engine.status().message.contains(messagePart));
        QCOMPARE(engine.status().state, SyncStatus::State::Offline);
        QCOMPARE(engine.status().pending, 0);

        // Writes on the UI thread's connection are counted by the worker's own connection.
        QSqlQuery q(temp.store().database());
        QVERIFY(q.exec("INSERT INTO assets VALUES ('a', 'uno')"));
        QVERIFY(q.exec("INSERT INTO assets VALUES ('b', 'dos')"));
        QTRY_COMPARE(engine.status().pending, 2);
        QCOMPARE(engine.status().state, SyncStatus::State::Pending);
        QVERIFY(changed.size() >= 2);
        engine.syncNow(); // nothing to reach: the changes stay pending
        QTest::qWait(200);
        QCOMPARE(engine.status().pending, 2);
        engine.stop();
        QVERIFY(!engine.isRunning());
        QCOMPARE(q.exec("SELECT count(*) FROM sync_outbox") && q.next() ? q.value(0).toInt() : -1,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
