// DeviceReenrollment on a real encrypted store: what a restored or copied PC's store becomes
// when OTIC enrols it as a new device (docs/sync-protocol.md §7.7). The whole path through a
// real server is in tests/server/tst_syncsession (restoredStoreStopsThenSyncsAsANewDevice).
#include "FakeClock.h"
#include "TempStore.h"

#include "migrations/CoreSchema.h"
#include "migrations/MigrationRunner.h"
#include "sync/BundleState.h"
#include "sync/DeviceReenrollment.h"
#include "sync/LocalSyncStore.h"
#include "sync/OutboxTriggers.h"
#include "sync/SyncSchema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace tambo::core;
using tambo::test::FakeClock;
using tambo::test::TempStore;

namespace {

QList<SyncedTable> declared()
{
    return {{"assets", SyncedTable::Kind::Mutable, {"sede_id"}, {"estado"}, {}, {}}};
}

PushAck ack(qint64 seq, PushAck::Status status = PushAck::Status::Applied)
{
    PushAck a;
    a.seq = seq;
    a.status = status;
    if (status == PushAck::Status::Rejected) {
        a.reason = "out_of_scope";
        a.message = "No puede registrar datos de la sede «norte».";
    }
    return a;
}

} // namespace

class TestDeviceReenrollment : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStore> m_temp;
    FakeClock m_clock;
    std::unique_ptr<LocalSyncStore> m_local;

    QSqlDatabase db() { return m_temp->store().database(); }
    bool exec(const QString &sql)
    {
        QSqlQuery q(db());
        if (!q.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return false;
        }
        return true;
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    bool addAsset(const QString &id, const QString &sede = QStringLiteral("central"))
    {
        return exec(QStringLiteral("INSERT INTO assets (id, sede_id, estado) VALUES ('%1', '%2', "
                                   "'B')")
                        .arg(id, sede));
    }
    bool acks(const QList<PushAck> &list)
    {
        PushResponse r;
        r.acks = list;
        r.expectedSeq = list.constLast().seq + 1;
        QString error;
        if (!m_local->recordAcks(r, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        return true;
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<TempStore>();
        QVERIFY2(m_temp->isValid(), qPrintable(m_temp->error()));
        MigrationRunner runner(db(), m_clock);
        runner.addModule(CoreSchema::moduleId(), CoreSchema::steps());
        runner.addModule(SyncSchema::moduleId(), SyncSchema::steps());
        runner.addModule("t",
                         {MigrationStep::sql(1,
                                             "assets",
                                             {"CREATE TABLE assets (id TEXT PRIMARY KEY NOT NULL, "
                                              "sede_id TEXT, estado TEXT NOT NULL) STRICT"})});
        const auto report = runner.migrate();
        QVERIFY2(report.ok(), qPrintable(report.error + report.stepError));
        QString error;
        QVERIFY2(OutboxTriggers::install(db(), declared(), &error), qPrintable(error));
        m_local = std::make_unique<LocalSyncStore>(db(), declared(), m_clock);
    }
    void cleanup()
    {
        m_local.reset();
        m_temp.reset();
    }

    void newDeviceRequeuesWhatIsPendingAndKeepsTheRest()
    {
        const QString oldId = CoreSchema::deviceId(db());
        const QByteArray oldKey = BundleState(db()).deviceKey().publicKey;
        // Seqs 1..5: 1 and 3 applied (3 with a conflict), 2 rejected; 4 and 5 still pending.
        for (const QString &id : {"a1", "a2", "a3", "a4", "a5"})
            QVERIFY(addAsset(id));
        PushAck conflicted = ack(3, PushAck::Status::Conflict);
        conflicted.conflicts.append(
            SyncConflict{SyncConflict::Kind::Field, "assets", "a3", "estado", "R", "B"});
        QVERIFY(acks({ack(1), ack(2, PushAck::Status::Rejected), conflicted}));
        QCOMPARE(m_local->pendingCount(), 2);
        LocalSyncStore::SyncStop stop;
        stop.code = "seq_reused";
        stop.seq = 4;
        QVERIFY(m_local->setSyncStop(stop));

        const QUuid newId = QUuid::createUuid();
        const DeviceReenrollment::Result r = DeviceReenrollment::run(db(), newId);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.previousId, QUuid::fromString(oldId));
        QCOMPARE(r.deviceId, newId);
        QCOMPARE(CoreSchema::deviceId(db()), newId.toString(QUuid::WithoutBraces));
        QCOMPARE(r.requeued, 2);
        QCOMPARE(r.history, 1);

        // The pending changes are the new device's 1 and 2, in their order, with their rows.
        const QList<OutboxEntry> pending = m_local->pendingEntries(10);
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).seq, 1);
        QCOMPARE(pending.at(0).ops.at(0).id, QStringLiteral("a4"));
        QCOMPARE(pending.at(1).seq, 2);
        QCOMPARE(pending.at(1).ops.at(0).id, QStringLiteral("a5"));
        // The next change follows them.
        QVERIFY(addAsset("a6"));
        QCOMPARE(m_local->pendingEntries(10).constLast().seq, 3);
        // The previous device's rejection and conflict stay for review, out of the new seqs.
        QCOMPARE(m_local->rejectedCount(), 1);
        QVERIFY(m_local->rejectedEntries().at(0).seq < 0);
        QCOMPARE(m_local->rejectedEntries().at(0).rowId, QStringLiteral("a2"));
        QCOMPARE(m_local->conflictCount(), 1);
        QVERIFY(m_local->unresolvedConflicts().at(0).seq < 0);
        // Sync may go on; a new key; the old id is on record.
        QVERIFY(!m_local->syncStop());
        const QByteArray newKey = BundleState(db()).deviceKey().publicKey;
        QCOMPARE(newKey, r.publicKey);
        QVERIFY(newKey != oldKey);
        QVERIFY(scalar("SELECT value FROM sync_state WHERE key = 'sync.previous_device_ids'")
                    .toString()
                    .contains(oldId));
        // Nothing of the data moved.
        QCOMPARE(scalar("SELECT count(*) FROM assets").toInt(), 6);
    }

    void aSecondReenrollmentKeepsBothHistories()
    {
        QVERIFY(addAsset("a1"));
        QVERIFY(addAsset("a2"));
        QVERIFY(acks({ack(1, PushAck::Status::Rejected)}));
        QVERIFY(DeviceReenrollment::run(db()).ok); // a2 is now seq 1
        QVERIFY(acks({ack(1, PushAck::Status::Rejected)}));
        QVERIFY(addAsset("a3"));
        const DeviceReenrollment::Result r = DeviceReenrollment::run(db());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.requeued, 1);
        QCOMPARE(m_local->rejectedCount(), 2);
        QCOMPARE(scalar("SELECT count(DISTINCT seq) FROM sync_outbox WHERE seq < 0").toInt(), 2);
        QCOMPARE(m_local->pendingEntries(10).at(0).seq, 1);
        QCOMPARE(scalar("SELECT value FROM sync_state WHERE key = 'sync.previous_device_ids'")
                     .toString()
                     .count(QLatin1Char('-')),
                 8); // two UUIDs
    }

    void nothingPendingStartsAtOne()
    {
        QVERIFY(addAsset("a1"));
        QVERIFY(acks({ack(1)}));
        QVERIFY(DeviceReenrollment::run(db()).ok);
        QVERIFY(addAsset("a2"));
        QCOMPARE(m_local->pendingEntries(10).at(0).seq, 1);
    }

    void aFailureChangesNothing()
    {
        QVERIFY(addAsset("a1"));
        QVERIFY(addAsset("a2"));
        QVERIFY(acks({ack(1)}));
        const QString oldId = CoreSchema::deviceId(db());
        QVERIFY(!DeviceReenrollment::run(db(), QUuid::fromString(oldId)).ok);
        QVERIFY(exec("DROP TABLE sync_state")); // a late step fails, after the renumbering
        const DeviceReenrollment::Result r = DeviceReenrollment::run(db());
        QVERIFY(!r.ok);
        QVERIFY(!r.error.isEmpty());
        QCOMPARE(CoreSchema::deviceId(db()), oldId);
        QCOMPARE(scalar("SELECT group_concat(seq) FROM sync_outbox").toString(),
                 QStringLiteral("2"));
    }
};

QTEST_GUILESS_MAIN(TestDeviceReenrollment)
#include "tst_devicereenrollment.moc"
