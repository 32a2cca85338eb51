// SyncConflictResolver on a real SQLCipher store with core's schema, the sync schema, a synced
// test table with the generated outbox triggers, and conflicts recorded the way a push answer
// records them (LocalSyncStore::recordAcks).
#include "CoreFixture.h"

#include "auth/Permission.h"
#include "auth/Roles.h"
#include "sync/LocalSyncStore.h"
#include "sync/OutboxTriggers.h"
#include "sync/SyncConflictResolver.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncSchema.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QtTest>

using namespace tambo::core;
using tambo::test::CoreFixture;

namespace {

QList<SyncedTable> declared()
{
    return SyncSchema::syncedTables()
           + QList<SyncedTable>{
               {"items", SyncedTable::Kind::Mutable, {"sede_id"}, {"estado", "name"}, {}, {}}};
}

Session sessionOf(const QString &role, const QString &username)
{
    Session s;
    s.userId = 7;
    s.username = username;
    s.roleId = role;
    s.permissions = RoleCatalog::grants({}).value(role);
    return s;
}

QJsonObject item(const QString &id, const QString &estado, const QString &name = "CPU")
{
    return {{"id", id}, {"sede_id", "central"}, {"name", name}, {"estado", estado}};
}

} // namespace

class TestSyncConflictResolver : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CoreFixture> m_fx;
    std::unique_ptr<LocalSyncStore> m_store;
    std::unique_ptr<SyncConflictResolver> m_resolver;
    const Session m_admin = sessionOf(QString::fromLatin1(Roles::AdminOtic), "otic");
    const QString m_device = QStringLiteral("0190a0a0-0000-7000-8000-000000000001");

    QSqlDatabase db() { return m_fx->db(); }
    bool exec(const QString &sql)
    {
        QSqlQuery q(db());
        if (!q.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return false;
        }
        return true;
    }
    QVariant scalar(const QString &sql) { return m_fx->scalar(sql); }
    qint64 lastSeq() { return scalar("SELECT max(seq) FROM sync_outbox").toLongLong(); }

    // The server answers the last outbox entry.
    bool ack(PushAck::Status status,
             qint64 version,
             const QList<SyncConflict> &conflicts = {},
             const QString &reason = {})
    {
        PushAck a;
        a.seq = lastSeq();
        a.status = status;
        a.reason = reason;
        if (!reason.isEmpty())
            a.message = QStringLiteral("No puede registrar datos de la sede «norte».");
        a.rowVersions.insert(SyncProtocol::rowKey("items", "i1"), version);
        a.conflicts = conflicts;
        PushResponse r;
        r.acks = {a};
        QString error;
        if (!m_store->recordAcks(r, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        return true;
    }
    bool pull(const QJsonObject &row, qint64 version, bool deleted = false)
    {
        PullResponse page;
        page.rows = {
            {"items", row.value("id").toString(), version, deleted, deleted ? QJsonObject() : row}};
        page.nextCursor = version;
        page.checksum = SyncProtocol::pageChecksum(page.rows);
        const auto r = m_store->applyPage("sede=central;area=*", page);
        return r.ok;
    }
    // i1 synced at version 5 with estado B; this PC set M, another PC had set R: conflict.
    qint64 makeFieldConflict(bool pulled)
    {
        if (!exec("INSERT INTO items (id, sede_id, name, estado) VALUES ('i1', 'central', 'CPU', "
                  "'B')")
            || !ack(PushAck::Status::Applied, 5)
            || !exec("UPDATE items SET estado = 'M' WHERE id = 'i1'")
            || !ack(PushAck::Status::Conflict,
                    7,
                    {{SyncConflict::Kind::Field,
                      "items",
                      "i1",
                      "estado",
                      QJsonValue("R"),
                      QJsonValue("M")}})) {
            return 0;
        }
        if (pulled && !pull(item("i1", "R"), 7))
            return 0;
        const auto conflicts = m_store->unresolvedConflicts();
        return conflicts.size() == 1 ? conflicts.first().id : 0;
    }
    QJsonObject outboxData(qint64 seq)
    {
        QSqlQuery q(db());
        q.prepare("SELECT data FROM sync_outbox WHERE seq = ?");
        q.addBindValue(seq);
        if (!q.exec() || !q.next())
            return {};
        return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    }

private slots:
    void init()
    {
        m_fx = std::make_unique<CoreFixture>();
        QVERIFY2(m_fx->setupError().isEmpty(), qPrintable(m_fx->setupError()));
        MigrationRunner runner(db(), m_fx->clock());
        runner.addModule(SyncSchema::moduleId(), SyncSchema::steps());
        runner.addModule("t",
                         {MigrationStep::sql(1,
                                             "items",
                                             {"CREATE TABLE items (id TEXT PRIMARY KEY NOT NULL, "
                                              "sede_id TEXT, name TEXT NOT NULL, estado TEXT "
                                              "NOT NULL) STRICT"})});
        const auto report = runner.migrate();
        QVERIFY2(report.ok(), qPrintable(report.error + report.stepError));
        QString error;
        QVERIFY2(OutboxTriggers::install(db(), declared(), &error), qPrintable(error));
        m_store = std::make_unique<LocalSyncStore>(db(), declared(), m_fx->clock());
        m_resolver = std::make_unique<SyncConflictResolver>(*m_store,
                                                            m_fx->audit(),
                                                            m_fx->clock(),
                                                            m_device);
    }
    void cleanup()
    {
        m_resolver.reset();
        m_store.reset();
        m_fx.reset();
    }

    void onlyTheOticAdministratorMayResolve()
    {
        const qint64 id = makeFieldConflict(true);
        QVERIFY(id > 0);
        QVERIFY(m_admin.can(QString::fromLatin1(Permissions::SyncResolve)));
        const qint64 before = scalar("SELECT count(*) FROM sync_outbox").toLongLong();
        const qint64 audits = scalar("SELECT count(*) FROM audit_log").toLongLong();
        for (const char *role : {Roles::Gerencia, Roles::MesaPartes, Roles::PatrimonioJefe}) {
            const Session clerk = sessionOf(QString::fromLatin1(role), "clerk");
            QVERIFY(!clerk.can(QString::fromLatin1(Permissions::SyncResolve)));
            for (const auto &r :
                 {m_resolver->keepMine(clerk, id), m_resolver->keepTheirs(clerk, id)}) {
                QVERIFY(!r.ok);
                QVERIFY(r.message.contains("OTIC"));
            }
        }
        QVERIFY(!m_resolver->keepMine(Session(), id).ok); // nobody logged in
        QCOMPARE(m_store->conflictCount(), 1);
        QCOMPARE(scalar("SELECT count(*) FROM sync_outbox").toLongLong(), before);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log").toLongLong(), audits);
        QCOMPARE(scalar("SELECT estado FROM items WHERE id = 'i1'").toString(), QStringLiteral("R"));
    }

    void keepMineQueuesMyValueOnTheCurrentBase_data()
    {
        QTest::addColumn<bool>("pulled");
        QTest::newRow("after the pull brought the server's value") << true;
        QTest::newRow("before the pull (the row still holds mine)") << false;
    }
    void keepMineQueuesMyValueOnTheCurrentBase()
    {
        QFETCH(bool, pulled);
        const qint64 id = makeFieldConflict(pulled);
        QVERIFY(id > 0);
        QCOMPARE(m_store->pendingCount(), 0);
        const qint64 audits = scalar("SELECT count(*) FROM audit_log").toLongLong();

        const auto r = m_resolver->keepMine(m_admin, id);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(!r.alreadyResolved);
        QCOMPARE(scalar("SELECT estado FROM items WHERE id = 'i1'").toString(), QStringLiteral("M"));

        // The row's entry, then the resolution's, both pending.
        const QList<OutboxEntry> pending = m_store->pendingEntries(10);
        QCOMPARE(pending.size(), 2);
        const SyncOp &op = pending.at(0).ops.at(0);
        QCOMPARE(op.table, QStringLiteral("items"));
        QCOMPARE(op.kind, SyncOp::Kind::Update);
        QCOMPARE(op.changed, QStringList{"estado"});
        QCOMPARE(op.data.value("estado").toString(), QStringLiteral("M"));
        QCOMPARE(op.data.value("name").toString(), QStringLiteral("CPU"));
        QCOMPARE(pending.at(0).baseVersions.value(SyncProtocol::rowKey("items", "i1")), qint64(7));

        const SyncOp &res = pending.at(1).ops.at(0);
        QCOMPARE(res.table, QStringLiteral("sync_resolutions"));
        QCOMPARE(res.kind, SyncOp::Kind::Insert);
        QCOMPARE(res.data.value("choice").toString(), QStringLiteral("mine"));
        QCOMPARE(res.data.value("kind").toString(), QStringLiteral("field"));
        QCOMPARE(res.data.value("field").toString(), QStringLiteral("estado"));
        QCOMPARE(res.data.value("row_id").toString(), QStringLiteral("i1"));
        QCOMPARE(res.data.value("device_id").toString(), m_device);
        QVERIFY(!res.data.contains("sede_id")); // shared: never refused as out of scope
        QCOMPARE(res.data.value("username").toString(), QStringLiteral("otic"));
        QCOMPARE(res.data.value("seq").toInteger(), qint64(2));

        const auto c = m_store->conflict(id);
        QVERIFY(c);
        QVERIFY(c->resolvedAt.isValid());
        QCOMPARE(c->resolution, QStringLiteral("mine"));
        QCOMPARE(c->resolvedBy, QStringLiteral("otic"));
        QCOMPARE(m_store->conflictCount(), 0);

        // Audited, and the chain still verifies.
        QCOMPARE(scalar("SELECT count(*) FROM audit_log").toLongLong(), audits + 1);
        QCOMPARE(scalar("SELECT entity || ' ' || entity_id || ' ' || action || ' ' || actor FROM "
                        "audit_log ORDER BY seq DESC LIMIT 1")
                     .toString(),
                 QStringLiteral("sync_conflict items/i1#estado resolve otic"));
        QVERIFY(scalar("SELECT after_json FROM audit_log ORDER BY seq DESC LIMIT 1")
                    .toString()
                    .contains("\"choice\":\"mine\""));
        QVERIFY(m_fx->audit().verify().ok());
    }

    void keepTheirsSendsNothingForTheRow()
    {
        const qint64 id = makeFieldConflict(true);
        QVERIFY(id > 0);
        const auto r = m_resolver->keepTheirs(m_admin, id);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(scalar("SELECT count(*) FROM sync_outbox WHERE table_name = 'items'").toInt(), 0);
        const QList<OutboxEntry> pending = m_store->pendingEntries(10);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.at(0).ops.at(0).table, QStringLiteral("sync_resolutions"));
        QCOMPARE(pending.at(0).ops.at(0).data.value("choice").toString(), QStringLiteral("theirs"));
        QCOMPARE(scalar("SELECT estado FROM items WHERE id = 'i1'").toString(), QStringLiteral("R"));
        QCOMPARE(m_store->conflict(id)->resolution, QStringLiteral("theirs"));
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE entity = 'sync_conflict'").toInt(), 1);
    }

    void resolvingTwiceIsHarmless()
    {
        const qint64 id = makeFieldConflict(true);
        QVERIFY(id > 0);
        QVERIFY(m_resolver->keepMine(m_admin, id).ok);
        const qint64 outbox = scalar("SELECT count(*) FROM sync_outbox").toLongLong();
        const qint64 audits = scalar("SELECT count(*) FROM audit_log").toLongLong();
        for (const auto &r :
             {m_resolver->keepMine(m_admin, id), m_resolver->keepTheirs(m_admin, id)}) {
            QVERIFY(r.ok);
            QVERIFY(r.alreadyResolved);
            QVERIFY(!r.message.isEmpty());
        }
        QCOMPARE(scalar("SELECT count(*) FROM sync_outbox").toLongLong(), outbox);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log").toLongLong(), audits);
        QCOMPARE(m_store->conflict(id)->resolution, QStringLiteral("mine"));
        // Unknown ids say so.
        QVERIFY(!m_resolver->keepMine(m_admin, 999).ok);
        QVERIFY(!m_resolver->discard(m_admin, 999).ok);
    }

    void severalFieldsAreResolvedOneByOne()
    {
        QVERIFY(exec(
            "INSERT INTO items (id, sede_id, name, estado) VALUES ('i1', 'central', 'CPU', 'B')"));
        QVERIFY(ack(PushAck::Status::Applied, 5));
        QVERIFY(exec("UPDATE items SET estado = 'M', name = 'CPU HP' WHERE id = 'i1'"));
        QVERIFY(ack(
            PushAck::Status::Conflict,
            7,
            {{SyncConflict::Kind::Field, "items", "i1", "estado", QJsonValue("R"), QJsonValue("M")},
             {SyncConflict::Kind::Field,
              "items",
              "i1",
              "name",
              QJsonValue("CPU Dell"),
              QJsonValue("CPU HP")}}));
        QVERIFY(pull(item("i1", "R", "CPU Dell"), 7));
        const auto conflicts = m_store->unresolvedConflicts();
        QCOMPARE(conflicts.size(), 2);
        QVERIFY(m_resolver->keepTheirs(m_admin, conflicts.at(0).id).ok); // estado: theirs
        QVERIFY(m_resolver->keepMine(m_admin, conflicts.at(1).id).ok);   // name: mine
        QCOMPARE(scalar("SELECT estado || '|' || name FROM items").toString(),
                 QStringLiteral("R|CPU HP"));
        const QList<OutboxEntry> pending = m_store->pendingEntries(10);
        QCOMPARE(pending.size(), 3); // resolution (theirs), row (name), resolution (mine)
        QCOMPARE(pending.at(1).ops.at(0).changed, QStringList{"name"});
        QCOMPARE(m_store->conflictCount(), 0);
    }

    void keepMineDeletesAgainOrWritesBack()
    {
        // This PC deleted i1; another PC had edited it: the server kept the row.
        QVERIFY(exec(
            "INSERT INTO items (id, sede_id, name, estado) VALUES ('i1', 'central', 'CPU', 'B')"));
        QVERIFY(ack(PushAck::Status::Applied, 5));
        QVERIFY(exec("DELETE FROM items WHERE id = 'i1'"));
        QVERIFY(
            ack(PushAck::Status::Conflict,
                8,
                {{SyncConflict::Kind::EditDelete, "items", "i1", {}, item("i1", "R"), QJsonValue()}}));
        QVERIFY(pull(item("i1", "R"), 8));
        QCOMPARE(scalar("SELECT count(*) FROM items").toInt(), 1);
        qint64 id = m_store->unresolvedConflicts().value(0).id;
        QVERIFY(m_resolver->keepMine(m_admin, id).ok);
        QCOMPARE(scalar("SELECT count(*) FROM items").toInt(), 0);
        QList<OutboxEntry> pending = m_store->pendingEntries(10);
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).ops.at(0).kind, SyncOp::Kind::Delete);
        QCOMPARE(pending.at(0).baseVersions.value(SyncProtocol::rowKey("items", "i1")), qint64(8));
        QCOMPARE(pending.at(1).ops.at(0).data.value("kind").toString(),
                 QStringLiteral("edit_delete"));
        QVERIFY(exec("DELETE FROM sync_outbox"));

        // This PC edited i2; another PC had deleted it: the tombstone stands until mine is kept.
        QVERIFY(exec(
            "INSERT INTO items (id, sede_id, name, estado) VALUES ('i2', 'central', 'Mesa', 'B')"));
        QVERIFY(exec("DELETE FROM sync_outbox"));
        QVERIFY(exec("UPDATE items SET estado = 'M' WHERE id = 'i2'"));
        PushAck a;
        a.seq = lastSeq();
        a.status = PushAck::Status::Conflict;
        a.rowVersions.insert(SyncProtocol::rowKey("items", "i2"), 9);
        a.conflicts = {{SyncConflict::Kind::EditDelete,
                        "items",
                        "i2",
                        {},
                        QJsonValue(),
                        item("i2", "M", "Mesa")}};
        QString error;
        QVERIFY2(m_store->recordAcks({{a}, 0}, &error), qPrintable(error));
        QVERIFY(pull(QJsonObject{{"id", "i2"}}, 9, true));
        QCOMPARE(scalar("SELECT count(*) FROM items WHERE id = 'i2'").toInt(), 0);
        id = m_store->unresolvedConflicts().value(0).id;
        const auto r = m_resolver->keepMine(m_admin, id);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(scalar("SELECT estado FROM items WHERE id = 'i2'").toString(), QStringLiteral("M"));
        pending = m_store->pendingEntries(10);
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).ops.at(0).kind, SyncOp::Kind::Insert);
        QCOMPARE(pending.at(0).baseVersions.value(SyncProtocol::rowKey("items", "i2")), qint64(9));
    }

    void rejectedEntriesAreDiscardedOrRetried()
    {
        QVERIFY(exec(
            "INSERT INTO items (id, sede_id, name, estado) VALUES ('i1', 'norte', 'CPU', 'B')"));
        QVERIFY(ack(PushAck::Status::Rejected, 0, {}, "out_of_scope"));
        QVERIFY(exec(
            "INSERT INTO items (id, sede_id, name, estado) VALUES ('i2', 'norte', 'Mesa', 'B')"));
        PushAck a;
        a.seq = lastSeq();
        a.status = PushAck::Status::Rejected;
        a.reason = "out_of_scope";
        a.message = "No puede registrar datos de la sede «norte».";
        QString error;
        QVERIFY2(m_store->recordAcks({{a}, 0}, &error), qPrintable(error));
        QCOMPARE(m_store->rejectedCount(), 2);
        const auto rejected = m_store->rejectedEntries();
        QCOMPARE(rejected.at(0).reason, QStringLiteral("out_of_scope"));
        QVERIFY(rejected.at(0).data.contains("norte"));

        const Session clerk = sessionOf(QString::fromLatin1(Roles::Gerencia), "clerk");
        QVERIFY(!m_resolver->discard(clerk, rejected.at(0).seq).ok);
        QVERIFY(!m_resolver->retry(clerk, rejected.at(0).seq).ok);
        QCOMPARE(m_store->rejectedCount(), 2);

        auto r = m_resolver->discard(m_admin, rejected.at(0).seq);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(m_store->rejectedCount(), 1);
        QCOMPARE(m_store->rejectedEntry(rejected.at(0).seq)->resolution, QStringLiteral("discard"));
        QList<OutboxEntry> pending = m_store->pendingEntries(10);
        QCOMPARE(pending.size(), 1); // only the resolution
        QCOMPARE(pending.at(0).ops.at(0).data.value("kind").toString(), QStringLiteral("rejected"));
        QCOMPARE(pending.at(0).ops.at(0).data.value("choice").toString(), QStringLiteral("discard"));

        r = m_resolver->retry(m_admin, rejected.at(1).seq);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(m_store->rejectedCount(), 0);
        pending = m_store->pendingEntries(10);
        QCOMPARE(pending.size(), 3);
        QCOMPARE(pending.at(1).ops.at(0).table, QStringLiteral("items"));
        QCOMPARE(pending.at(1).ops.at(0).id, QStringLiteral("i2"));
        QCOMPARE(pending.at(1).ops.at(0).kind, SyncOp::Kind::Insert);
        QCOMPARE(pending.at(1).ops.at(0).data.value("name").toString(), QStringLiteral("Mesa"));
        QVERIFY(pending.at(1).seq > rejected.at(1).seq);
        QCOMPARE(pending.at(2).ops.at(0).data.value("choice").toString(), QStringLiteral("retry"));
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE entity = 'sync_rejection'").toInt(),
                 2);

        // Again: harmless.
        r = m_resolver->retry(m_admin, rejected.at(1).seq);
        QVERIFY(r.ok && r.alreadyResolved);
        QCOMPARE(m_store->pendingEntries(10).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestSyncConflictResolver)
#include "tst_syncconflictresolver.moc"
