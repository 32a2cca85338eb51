#include "FakeClock.h"
#include "TempStore.h"

#include "migrations/MigrationRunner.h"
#include "sync/LocalSyncStore.h"
#include "sync/OutboxTriggers.h"
#include "sync/SyncProtocol.h"
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
    return {{"assets", SyncedTable::Kind::Mutable, {"sede_id"}, {"estado"}, {}, {}},
            {"history", SyncedTable::Kind::AppendOnly, {}, {}, "assets", "asset_id"}};
}

PullResponse page(QList<PulledRow> rows, bool more = false)
{
    PullResponse p;
    p.rows = std::move(rows);
    p.nextCursor = p.rows.isEmpty() ? 0 : p.rows.constLast().version;
    p.more = more;
    p.checksum = SyncProtocol::pageChecksum(p.rows);
    return p;
}

QJsonObject asset(const QString &id, const QString &estado, int valor = 0)
{
    return {{"id", id}, {"sede_id", "central"}, {"estado", estado}, {"valor", valor}};
}

} // namespace

class TestLocalSyncStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStore> m_temp;
    FakeClock m_clock;
    std::unique_ptr<LocalSyncStore> m_store;
    const QString m_scope = QStringLiteral("sede=central;area=*");

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

private slots:
    void init()
    {
        m_temp = std::make_unique<TempStore>();
        QVERIFY2(m_temp->isValid(), qPrintable(m_temp->error()));
        MigrationRunner runner(db(), m_clock);
        runner.addModule(SyncSchema::moduleId(), SyncSchema::steps());
        runner.addModule("t",
                         {MigrationStep::sql(1,
                                             "tables",
                                             {"CREATE TABLE assets (id TEXT PRIMARY KEY NOT "
                                              "NULL, sede_id TEXT, estado TEXT NOT NULL "
                                              "CHECK (estado IN ('N','B','R','M','X','Y')), "
                                              "valor INTEGER NOT NULL DEFAULT 0) STRICT",
                                              "CREATE TABLE secrets (id TEXT PRIMARY KEY, "
                                              "x TEXT)",
                                              "CREATE TABLE history (id TEXT PRIMARY KEY NOT "
                                              "NULL, asset_id TEXT NOT NULL, text TEXT NOT "
                                              "NULL) STRICT",
                                              "CREATE TRIGGER history_no_update BEFORE UPDATE "
                                              "ON history BEGIN SELECT RAISE(ABORT, "
                                              "'append-only'); END"})});
        const auto report = runner.migrate();
        QVERIFY2(report.ok(), qPrintable(report.error + report.stepError));
        QString error;
        QVERIFY2(OutboxTriggers::install(db(), declared(), &error), qPrintable(error));
        m_store = std::make_unique<LocalSyncStore>(db(), declared(), m_clock);
    }
    void cleanup()
    {
        m_store.reset();
        m_temp.reset();
    }

    void appliesAPageWithoutQueueingIt()
    {
        const auto r = m_store->applyPage(m_scope,
                                          page({{"assets", "a1", 3, false, asset("a1", "B", 1200)},
                                                {"assets", "a2", 4, false, asset("a2", "N")}}));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.applied, 2);
        QCOMPARE(scalar("SELECT valor FROM assets WHERE id = 'a1'").toInt(), 1200);
        QCOMPARE(scalar("SELECT typeof(valor) FROM assets WHERE id = 'a1'").toString(),
                 QStringLiteral("integer"));
        QCOMPARE(m_store->pendingCount(), 0);
        QCOMPARE(m_store->cursor(m_scope), 4);
        QCOMPARE(m_store->cursor("sede=norte;area=*"), 0);
        QCOMPARE(scalar("SELECT version FROM sync_row_versions WHERE row_id = 'a2'").toInt(), 4);
        // An update and a tombstone.
        QVERIFY(m_store
                    ->applyPage(m_scope,
                                page({{"assets", "a1", 7, false, asset("a1", "R", 1200)},
                                      {"assets", "a2", 8, true, {}}}))
                    .ok);
        QCOMPARE(scalar("SELECT estado FROM assets WHERE id = 'a1'").toString(),
                 QStringLiteral("R"));
        QCOMPARE(scalar("SELECT count(*) FROM assets WHERE id = 'a2'").toInt(), 0);
        QCOMPARE(m_store->pendingCount(), 0);
        // Local edits after that are based on the pulled version.
        QVERIFY(exec("UPDATE assets SET valor = 1 WHERE id = 'a1'"));
        const auto pending = m_store->pendingEntries(10);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.at(0).baseVersions.value("assets/a1"), 7);
        QCOMPARE(pending.at(0).ops.at(0).changed, QStringList{"valor"});
    }

    void pendingLocalChangeStaysOnTop()
    {
        QVERIFY(
            m_store->applyPage(m_scope, page({{"assets", "a1", 3, false, asset("a1", "B")}})).ok);
        QVERIFY(exec("UPDATE assets SET estado = 'M' WHERE id = 'a1'"));
        const auto r = m_store->applyPage(m_scope,
                                          page({{"assets", "a1", 9, false, asset("a1", "R", 50)}}));
        QVERIFY(r.ok);
        QCOMPARE(r.keptLocal, 1);
        QCOMPARE(scalar("SELECT estado || valor FROM assets WHERE id = 'a1'").toString(),
                 QStringLiteral("M0"));
        QCOMPARE(m_store->pendingCount(), 1);
        // The pending entry keeps the base it was made on; the known version moved on.
        QCOMPARE(m_store->pendingEntries(1).at(0).baseVersions.value("assets/a1"), 3);
        QCOMPARE(scalar("SELECT version FROM sync_row_versions WHERE row_id = 'a1'").toInt(), 9);
        QCOMPARE(m_store->cursor(m_scope), 9);
    }

    void onlyDeclaredTablesAreWritten()
    {
        const auto r = m_store->applyPage(m_scope,
                                          page({{"secrets", "s1", 2, false, {{"x", "evil"}}},
                                                {"assets", "a1", 3, false, asset("a1", "B")}}));
        QVERIFY(r.ok);
        QCOMPARE(scalar("SELECT count(*) FROM secrets").toInt(), 0);
        QCOMPARE(scalar("SELECT count(*) FROM assets").toInt(), 1);
    }

    void aBadRowIsRecordedAndDoesNotBlock()
    {
        const auto r = m_store->applyPage(m_scope,
                                          page({{"assets", "bad", 2, false, asset("bad", "Z")},
                                                {"assets", "good", 3, false, asset("good", "B")}}));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.failed, 1);
        QCOMPARE(r.applied, 1);
        QCOMPARE(scalar("SELECT row_id FROM sync_apply_errors").toString(), QStringLiteral("bad"));
        QVERIFY(scalar("SELECT error FROM sync_apply_errors").toString().contains("CHECK"));
        QCOMPARE(m_store->cursor(m_scope), 3);
    }

    void aFailedPageLeavesNothing()
    {
        QVERIFY(
            m_store->applyPage(m_scope, page({{"assets", "a1", 3, false, asset("a1", "B")}})).ok);
        // Another connection holds the write lock: the page cannot commit and nothing of it
        // (rows, cursor, flag) stays.
        QSqlDatabase other = m_temp->store().database();
        Q_UNUSED(other)
        QVERIFY(exec("BEGIN"));
        const auto r = m_store->applyPage(m_scope,
                                          page({{"assets", "a2", 5, false, asset("a2", "B")}}));
        QVERIFY(!r.ok); // nested BEGIN on the same connection fails: the page never starts
        QVERIFY(exec("ROLLBACK"));
        QCOMPARE(scalar("SELECT count(*) FROM assets WHERE id = 'a2'").toInt(), 0);
        QCOMPARE(m_store->cursor(m_scope), 3);
        QCOMPARE(scalar("SELECT applying FROM sync_flags").toInt(), 0);
    }

    void aPageThatFailsVerificationLeavesNothing()
    {
        QVERIFY(
            m_store->applyPage(m_scope, page({{"assets", "a1", 3, false, asset("a1", "B")}})).ok);
        // Every row written, then the check before the commit says no (the session's checksum
        // did not match): the whole page is rolled back.
        int asked = 0;
        const auto r = m_store->applyPage(m_scope,
                                          page({{"assets", "a1", 4, false, asset("a1", "M")},
                                                {"assets", "a2", 5, false, asset("a2", "B")}}),
                                          {},
                                          [&asked](QString *why) {
                                              ++asked;
                                              *why = QStringLiteral("checksum mismatch");
                                              return false;
                                          });
        QCOMPARE(asked, 1);
        QVERIFY(!r.ok);
        QVERIFY(r.verifyFailed);
        QCOMPARE(r.error, QStringLiteral("checksum mismatch"));
        QCOMPARE(scalar("SELECT estado FROM assets WHERE id = 'a1'").toString(),
                 QStringLiteral("B"));
        QCOMPARE(scalar("SELECT count(*) FROM assets WHERE id = 'a2'").toInt(), 0);
        QCOMPARE(scalar("SELECT version FROM sync_row_versions WHERE row_id = 'a1'").toInt(), 3);
        QCOMPARE(m_store->cursor(m_scope), 3);
        QCOMPARE(scalar("SELECT applying FROM sync_flags").toInt(), 0);
        // The same page verified: kept.
        const auto again = m_store->applyPage(m_scope,
                                              page({{"assets", "a1", 4, false, asset("a1", "M")},
                                                    {"assets", "a2", 5, false, asset("a2", "B")}}),
                                              {},
                                              [](QString *) { return true; });
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(m_store->cursor(m_scope), 5);
        QCOMPARE(scalar("SELECT estado FROM assets WHERE id = 'a1'").toString(),
                 QStringLiteral("M"));
    }

    void acksEmptyTheOutboxAndKeepRejections()
    {
        QVERIFY(exec("INSERT INTO assets (id, sede_id, estado) VALUES ('a1', 'central', 'B')"));
        QVERIFY(exec("INSERT INTO assets (id, sede_id, estado) VALUES ('a2', 'norte', 'B')"));
        QVERIFY(exec("INSERT INTO assets (id, sede_id, estado) VALUES ('a3', 'central', 'B')"));
        QCOMPARE(m_store->pendingCount(), 3);
        PushResponse response;
        response.expectedSeq = 4;
        PushAck a1{1, PushAck::Status::Applied, {}, {}, {{"assets/a1", 11}}, {}};
        PushAck a2{2, PushAck::Status::Rejected, "out_of_scope", "No puede…", {}, {}};
        PushAck a3{3,
                   PushAck::Status::Conflict,
                   {},
                   {},
                   {{"assets/a3", 12}},
                   {SyncConflict{SyncConflict::Kind::Field,
                                 "assets",
                                 "a3",
                                 "estado",
                                 QJsonValue("R"),
                                 QJsonValue("B")}}};
        response.acks = {a1, a2, a3};
        QString error;
        QVERIFY2(m_store->recordAcks(response, &error), qPrintable(error));
        QCOMPARE(m_store->pendingCount(), 0);
        QCOMPARE(m_store->rejectedCount(), 1);
        QCOMPARE(m_store->conflictCount(), 1);
        const auto rejected = m_store->rejectedEntries();
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.at(0).rowId, QStringLiteral("a2"));
        QCOMPARE(rejected.at(0).message, QStringLiteral("No puede…"));
        QCOMPARE(scalar("SELECT version FROM sync_row_versions WHERE row_id = 'a3'").toInt(), 12);
        QCOMPARE(scalar("SELECT server_value FROM sync_conflicts").toString(),
                 QStringLiteral("\"R\""));
        const auto conflicts = m_store->unresolvedConflicts();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.at(0).seq, 3);
        QCOMPARE(conflicts.at(0).field, QStringLiteral("estado"));
        QCOMPARE(conflicts.at(0).clientValue, QStringLiteral("\"B\""));
        QCOMPARE(conflicts.at(0).recordedAt, m_clock.now());
        // A rejected row no longer protects the local row from the server's version.
        QVERIFY(m_store->applyPage(m_scope, page({{"assets", "a2", 20, true, {}}})).ok);
        QCOMPARE(scalar("SELECT count(*) FROM assets WHERE id = 'a2'").toInt(), 0);
    }

    void aConflictToldAgainIsRecordedOnce()
    {
        // The server tells a conflict again when it answers a duplicate of the entry (the first
        // answer was lost, or came in a USB bundle's reply as well): one record, not two.
        QVERIFY(exec("INSERT INTO assets (id, sede_id, estado) VALUES ('c1', 'central', 'B')"));
        QVERIFY(exec("DELETE FROM assets WHERE id = 'c1'"));
        const SyncConflict editDelete{SyncConflict::Kind::EditDelete,
                                      "assets",
                                      "c1",
                                      {},
                                      QJsonObject{{"id", "c1"}, {"estado", "R"}},
                                      QJsonValue()};
        const SyncConflict field{SyncConflict::Kind::Field,
                                 "assets",
                                 "c1",
                                 "estado",
                                 QJsonValue("R"),
                                 QJsonValue("B")};
        PushResponse response;
        response.expectedSeq = 3;
        response.acks = {PushAck{1, PushAck::Status::Conflict, {}, {}, {}, {field}},
                         PushAck{2, PushAck::Status::Conflict, {}, {}, {}, {editDelete}}};
        QString error;
        QVERIFY2(m_store->recordAcks(response, &error), qPrintable(error));
        QCOMPARE(m_store->conflictCount(), 2);
        QVERIFY2(m_store->recordAcks(response, &error), qPrintable(error)); // told again
        QCOMPARE(m_store->conflictCount(), 2);
        QCOMPARE(m_store->pendingCount(), 0);
        // Another conflict of the same entry is still recorded.
        const SyncConflict other{SyncConflict::Kind::Field,
                                 "assets",
                                 "c1",
                                 "sede_id",
                                 QJsonValue("norte"),
                                 QJsonValue("central")};
        response.acks = {PushAck{1, PushAck::Status::Conflict, {}, {}, {}, {field, other}}};
        QVERIFY2(m_store->recordAcks(response, &error), qPrintable(error));
        QCOMPARE(m_store->conflictCount(), 3);
    }

    void editAgainstDeleteKeepsTheBaseUntilTheRowIsPulled()
    {
        // This PC's edit met a delete on the server: the delete stands, the ack carries the
        // tombstone's new version. A change made before the tombstone is pulled (the user works
        // during a sync) must keep the old base, or the server would take it as made after
        // the delete and write the row anew (found by tambo-simulate, seed 532).
        QVERIFY(
            m_store->applyPage(m_scope, page({{"assets", "d1", 3, false, asset("d1", "B")}})).ok);
        QVERIFY(exec("UPDATE assets SET estado = 'M' WHERE id = 'd1'"));
        PushResponse response;
        response.expectedSeq = 2;
        response.acks = {PushAck{1,
                                 PushAck::Status::Conflict,
                                 {},
                                 {},
                                 {{"assets/d1", 20}},
                                 {SyncConflict{SyncConflict::Kind::EditDelete,
                                               "assets",
                                               "d1",
                                               {},
                                               QJsonValue(),
                                               asset("d1", "M")}}}};
        QString error;
        QVERIFY2(m_store->recordAcks(response, &error), qPrintable(error));
        QCOMPARE(scalar("SELECT version FROM sync_row_versions WHERE row_id = 'd1'").toInt(), 3);
        QVERIFY(exec("UPDATE assets SET estado = 'R' WHERE id = 'd1'"));
        QCOMPARE(m_store->pendingEntries(1).at(0).baseVersions.value("assets/d1"), 3);
        // The pull brings the tombstone: the row goes, and the version is known from then on.
        QVERIFY(
            m_store->recordAcks(PushResponse{{PushAck{2,
                                                      PushAck::Status::Conflict,
                                                      {},
                                                      {},
                                                      {{"assets/d1", 21}},
                                                      {SyncConflict{SyncConflict::Kind::EditDelete,
                                                                    "assets",
                                                                    "d1",
                                                                    {},
                                                                    QJsonValue(),
                                                                    asset("d1", "R")}}}},
                                             3},
                                &error));
        QVERIFY(m_store->applyPage(m_scope, page({{"assets", "d1", 21, true, {}}})).ok);
        QCOMPARE(scalar("SELECT count(*) FROM assets WHERE id = 'd1'").toInt(), 0);
        QCOMPARE(scalar("SELECT version FROM sync_row_versions WHERE row_id = 'd1'").toInt(), 21);
    }

    void appendOnlyRowsAreTakenOnce()
    {
        // This PC wrote the fact; the pull brings it back (the echo of its own push).
        QVERIFY(exec("INSERT INTO history VALUES ('h1', 'a1', 'alta')"));
        QVERIFY(exec("DELETE FROM sync_outbox"));
        const auto r = m_store->applyPage(
            m_scope,
            page(
                {{"history", "h1", 4, false, {{"id", "h1"}, {"asset_id", "a1"}, {"text", "alta"}}},
                 {"history", "h2", 5, false, {{"id", "h2"}, {"asset_id", "a1"}, {"text", "baja"}}}}));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.failed, 0);
        QCOMPARE(scalar("SELECT count(*) FROM history").toInt(), 2);
        QCOMPARE(scalar("SELECT count(*) FROM sync_apply_errors").toInt(), 0);
    }

    void rowsSyncMustNotCarryGoUpRefused()
    {
        // A value PostgreSQL cannot store (U+0000), bytes that are not UTF-8 (decoding them
        // would send U+FFFD instead, silently) or a row over the cap: the entry's seq goes up
        // "refused", without the row, so the server records it and the queue moves on.
        const auto insert = [this](const QString &id, const QVariant &sede) {
            QSqlQuery q(db());
            q.prepare("INSERT INTO assets (id, sede_id, estado) VALUES (?, ?, 'B')");
            q.addBindValue(id);
            q.addBindValue(sede);
            return q.exec();
        };
        QVERIFY(insert("ok1", "central"));
        QVERIFY(insert("nul", QStringLiteral("cen") + QChar(0) + QStringLiteral("tral")));
        QVERIFY(exec("INSERT INTO assets (id, sede_id, estado) VALUES "
                     "('bytes', CAST(X'63656EC3' AS TEXT), 'B')"));
        QVERIFY(insert("big", QString(SyncProtocol::MaxRowBytes, QLatin1Char('x'))));
        QVERIFY(insert("ok2", "central"));
        const QList<OutboxEntry> pending = m_store->pendingEntries(10);
        QCOMPARE(pending.size(), 5);
        QVERIFY(!pending.at(0).refused);
        QCOMPARE(pending.at(0).ops.size(), 1);
        const QStringList reasons{"text_control_char", "text_invalid", "row_too_large"};
        for (int i = 1; i <= 3; ++i) {
            const OutboxEntry &e = pending.at(i);
            QVERIFY2(e.refused, qPrintable(QString::number(i)));
            QCOMPARE(e.refused->reason, reasons.at(i - 1));
            QVERIFY(e.refused->message.contains("assets"));
            QVERIFY(e.ops.isEmpty());
            QCOMPARE(e.seq, pending.at(0).seq + i);
            QCOMPARE(e.baseVersions.size(), 1);
        }
        QVERIFY(!pending.at(4).refused);

        // The server echoes the refusals as rejections: shown like any rejected change, the
        // rows stay on this PC.
        PushResponse answer;
        for (const OutboxEntry &e : pending) {
            PushAck ack;
            ack.seq = e.seq;
            if (e.refused) {
                ack.status = PushAck::Status::Rejected;
                ack.reason = e.refused->reason;
                ack.message = e.refused->message;
            }
            answer.acks.append(ack);
        }
        answer.expectedSeq = pending.constLast().seq + 1;
        QString error;
        QVERIFY2(m_store->recordAcks(answer, &error), qPrintable(error));
        QCOMPARE(m_store->pendingCount(), 0);
        QCOMPARE(m_store->rejectedCount(), 3);
        QCOMPARE(m_store->rejectedEntries().at(1).reason, QStringLiteral("text_invalid"));
        QCOMPARE(m_store->rejectedEntries().at(1).rowId, QStringLiteral("bytes"));
        QCOMPARE(scalar("SELECT count(*) FROM assets").toInt(), 5);
    }

    void syncStopIsKept()
    {
        QVERIFY(!m_store->syncStop());
        LocalSyncStore::SyncStop stop;
        stop.code = "seq_reused";
        stop.message = "Pida a la OTIC que lo registre de nuevo";
        stop.seq = 12;
        QVERIFY(m_store->setSyncStop(stop));
        const LocalSyncStore again(db(), declared(), m_clock); // a restart
        const auto kept = again.syncStop();
        QVERIFY(kept);
        QCOMPARE(kept->code, QStringLiteral("seq_reused"));
        QCOMPARE(kept->message, stop.message);
        QCOMPARE(kept->seq, 12);
        QCOMPARE(kept->at, m_clock.now());
    }

    void lastSyncedIsKept()
    {
        QVERIFY(!m_store->lastSynced().isValid());
        QVERIFY(m_store->setLastSynced(m_clock.now()));
        QCOMPARE(m_store->lastSynced(), m_clock.now());
    }

    void lookupsAndResolvedEntries()
    {
        QVERIFY(exec("INSERT INTO assets (id, sede_id, estado) VALUES ('r1', 'norte', 'B')"));
        QVERIFY(exec("INSERT INTO assets (id, sede_id, estado) VALUES ('r2', 'central', 'B')"));
        QVERIFY(exec("UPDATE assets SET estado = 'M' WHERE id = 'r2'"));
        PushResponse response;
        PushAck rejected;
        rejected.seq = 1;
        rejected.status = PushAck::Status::Rejected;
        rejected.reason = "out_of_scope";
        rejected.message = "No puede registrar datos de la sede «norte».";
        PushAck applied;
        applied.seq = 2;
        applied.rowVersions.insert(SyncProtocol::rowKey("assets", "r2"), 30);
        PushAck conflict;
        conflict.seq = 3;
        conflict.status = PushAck::Status::Conflict;
        conflict.rowVersions.insert(SyncProtocol::rowKey("assets", "r2"), 31);
        conflict.conflicts = {
            {SyncConflict::Kind::Field, "assets", "r2", "estado", QJsonValue("R"), QJsonValue("M")}};
        response.acks = {rejected, applied, conflict};
        QString error;
        QVERIFY2(m_store->recordAcks(response, &error), qPrintable(error));

        QCOMPARE(m_store->rowVersion("assets", "r2"), qint64(31));
        QCOMPARE(m_store->rowVersion("assets", "none"), qint64(0));
        const auto entry = m_store->rejectedEntry(1);
        QVERIFY(entry);
        QCOMPARE(entry->op, QStringLiteral("insert"));
        QVERIFY(entry->data.contains("norte"));
        QVERIFY(!entry->resolvedAt.isValid());
        QVERIFY(!m_store->rejectedEntry(2)); // applied: not a rejection
        const qint64 id = m_store->unresolvedConflicts().value(0).id;
        const auto c = m_store->conflict(id);
        QVERIFY(c);
        QCOMPARE(c->field, QStringLiteral("estado"));
        QVERIFY(!m_store->conflict(id + 100));

        // Resolved ones leave the lists and the counts, and stay readable one by one.
        QVERIFY(exec("UPDATE sync_outbox SET resolved_at = '2026-12-01T10:00:00.000Z', "
                     "resolution = 'discard', resolved_by = 'otic' WHERE seq = 1"));
        QVERIFY(exec("UPDATE sync_conflicts SET resolved_at = '2026-12-01T10:00:00.000Z', "
                     "resolution = 'theirs', resolved_by = 'otic'"));
        QCOMPARE(m_store->rejectedCount(), 0);
        QVERIFY(m_store->rejectedEntries().isEmpty());
        QCOMPARE(m_store->conflictCount(), 0);
        QVERIFY(m_store->unresolvedConflicts().isEmpty());
        QCOMPARE(m_store->rejectedEntry(1)->resolution, QStringLiteral("discard"));
        QVERIFY(m_store->rejectedEntry(1)->resolvedAt.isValid());
        QCOMPARE(m_store->conflict(id)->resolvedBy, QStringLiteral("otic"));
        QCOMPARE(m_store->pendingCount(), 0); // a resolved rejection is never sent again
    }
};

QTEST_GUILESS_MAIN(TestLocalSyncStore)
#include "tst_localsyncstore.moc"
