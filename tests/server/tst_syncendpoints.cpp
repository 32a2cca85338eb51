// SyncEndpoints through a real tambo-server process on a real PostgreSQL: /v1/sync/push and
// /v1/sync/pull at the protocol level (hand-made messages), docs/sync-protocol.md §7.
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "TestClient.h"
#include "TestDeviceKeys.h"

#include "sync/SyncMessages.h"
#include "sync/SyncProtocol.h"

#include <QSqlQuery>
#include <QtTest>

#include <sodium.h>

#include <memory>

using tambo::core::PullResponse;
using tambo::core::SyncProtocol;
using tambo::test::ServerFixture;
using tambo::test::ServerProcess;
using tambo::test::TestClient;
using tambo::test::TestDeviceKeys;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonArray rules()
{
    return QJsonArray{
        QJsonObject{{"table", "t_items"}, {"kind", "mutable"}, {"legal", QJsonArray{"estado"}}},
        QJsonObject{{"table", "t_events"},
                    {"kind", "append_only"},
                    {"legal", QJsonArray{}},
                    {"scope_parent", QJsonObject{{"table", "t_items"}, {"column", "item_id"}}}},
        QJsonObject{{"table", "t_shared"}, {"kind", "mutable"}, {"legal", QJsonArray{}}}};
}

QJsonObject insertOp(const QString &table, const QString &id, const QJsonObject &data)
{
    return {{"op", "insert"}, {"table", table}, {"id", id}, {"data", data}};
}

QJsonObject entry(qint64 seq, const QJsonArray &ops, const QJsonObject &base = {})
{
    return {{"seq", double(seq)},
            {"schema_version", SyncProtocol::SchemaVersion},
            {"base_versions", base},
            {"ops", ops}};
}

QJsonObject item(const QString &id,
                 const QString &sede,
                 const QString &name,
                 const QString &estado = QStringLiteral("B"))
{
    return {{"id", id},
            {"sede_id", sede},
            {"area_id", QJsonValue()},
            {"name", name},
            {"estado", estado},
            {"note", ""},
            {"qty", 0}};
}

struct Device
{
    QString id;
    QString token;
};

} // namespace

class TestSyncEndpoints : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_server;

    TestClient client()
    {
        return TestClient(m_server->port(), m_fx.certificate().certificatePath());
    }

    Device enroll(const QString &user, const QString &password)
    {
        Device d;
        d.id = uuid();
        const QString token = client()
                                  .post("/v1/auth/login",
                                        {{"username", user}, {"password", password}})
                                  .json.value("access_token")
                                  .toString();
        const auto reg = client().post("/v1/devices/register",
                                       {{"device_id", d.id},
                                        {"public_key", TestDeviceKeys::publicKeyBase64(d.id)}},
                                       token);
        if (reg.status != 201)
            qWarning("register failed: %d %s", reg.status, reg.body.c_str());
        QJsonObject bound{{"username", user}, {"password", password}};
        TestDeviceKeys::bindLogin(&bound, d.id, user);
        d.token = client().post("/v1/auth/login", bound).json.value("access_token").toString();
        return d;
    }

    TestClient::Reply push(const Device &d,
                           const QJsonArray &entries,
                           int schema = SyncProtocol::SchemaVersion)
    {
        return client().post(SyncProtocol::pushPath(),
                             {{"device_id", d.id},
                              {"schema_version", schema},
                              {"tables", rules()},
                              {"entries", entries}},
                             d.token);
    }

    QJsonObject pushBody(const Device &d, const QJsonArray &entries)
    {
        return {{"device_id", d.id},
                {"schema_version", SyncProtocol::SchemaVersion},
                {"tables", rules()},
                {"entries", entries}};
    }

    static QJsonObject ackAt(const TestClient::Reply &r, int i)
    {
        return r.json.value("acks").toArray().at(i).toObject();
    }

    qint64 lastSeq(const Device &d)
    {
        return pgScalar(
            QStringLiteral("SELECT last_seq FROM sync_devices WHERE device_id = '%1'").arg(d.id));
    }

    qint64 rowCount(const QString &id)
    {
        return pgScalar(
            QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'").arg(id));
    }

    // applied: the "applied_cursor" to send (-1: none, as an older client).
    TestClient::Reply pull(const Device &d,
                           qint64 cursor,
                           int pageSize = 500,
                           const QString &sede = {},
                           bool countRemaining = true,
                           qint64 applied = -1)
    {
        QJsonObject scope;
        if (!sede.isEmpty())
            scope.insert("sede", sede);
        QJsonObject body{{"device_id", d.id},
                         {"schema_version", SyncProtocol::SchemaVersion},
                         {"scope", scope},
                         {"cursor", double(cursor)},
                         {"page_size", pageSize}};
        if (!countRemaining)
            body.insert("count_remaining", false);
        if (applied >= 0)
            body.insert("applied_cursor", double(applied));
        return client().post(SyncProtocol::pullPath(), body, d.token);
    }

    // Every row the device can see, following the cursor to the end.
    QList<tambo::core::PulledRow> pullAll(const Device &d, int pageSize = 500)
    {
        QList<tambo::core::PulledRow> rows;
        qint64 cursor = 0;
        for (int guard = 0; guard < 1000; ++guard) {
            const auto r = pull(d, cursor, pageSize);
            QString error;
            const auto page = PullResponse::fromJson(r.json, &error);
            if (r.status != 200 || !page) {
                qWarning("pull failed: %d %s", r.status, r.body.c_str());
                return rows;
            }
            rows += page->rows;
            cursor = page->nextCursor;
            if (!page->more)
                break;
        }
        return rows;
    }

    // The version the server gave row `id` of t_items in the first ack of a push's answer.
    static double ackedVersion(const TestClient::Reply &pushed, const QString &id)
    {
        return pushed.json.value("acks")
            .toArray()
            .at(0)
            .toObject()
            .value("row_versions")
            .toObject()
            .value("t_items/" + id)
            .toDouble();
    }

    // Every device of this test cluster has confirmed every version so far (stands for all
    // the PCs syncing to the end).
    bool everyDevicePassed()
    {
        return m_fx.exec(QStringLiteral("INSERT INTO sync_pull_cursors (device_id, scope, cursor, "
                                        "updated_at) SELECT device_id, 'sede=*;area=*', 0, now() "
                                        "FROM devices ON CONFLICT DO NOTHING"))
               && m_fx.exec(QStringLiteral(
                   "UPDATE sync_pull_cursors SET cursor = (SELECT max(version) FROM sync_rows), "
                   "served_cursor = GREATEST(served_cursor, (SELECT max(version) FROM sync_rows))"));
    }

    qint64 confirmedCursor(const Device &d)
    {
        return pgScalar(QStringLiteral("SELECT cursor FROM sync_pull_cursors WHERE device_id = "
                                       "'%1' AND scope = 'sede=*;area=*'")
                            .arg(d.id));
    }

    qint64 pgScalar(const QString &sql)
    {
        QSqlDatabase db = m_fx.pg().open("sync-endpoints-check");
        qint64 v = -1;
        {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                v = q.value(0).toLongLong();
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase("sync-endpoints-check");
        return v;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        TAMBO_SETUP_SERVER_FIXTURE(m_fx);
        QString error;
        QVERIFY2(m_fx.createUser("ana", "admin_otic", "central", "ana-clave-2026", &error),
                 qPrintable(error));
        QVERIFY2(m_fx.createUser("inv.central",
                                 "patrimonio_inventariador",
                                 "central",
                                 "central-clave-2026",
                                 &error),
                 qPrintable(error));
        QVERIFY2(m_fx.createUser("inv.norte",
                                 "patrimonio_inventariador",
                                 "norte",
                                 "norte-clave-2026",
                                 &error),
                 qPrintable(error));
        m_server = std::make_unique<ServerProcess>(m_fx.dir() + "/server.log");
        QVERIFY2(m_server->start(m_fx.configPath(), &error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        if (m_server && m_server->isRunning()) {
            m_server->signal(SIGTERM);
            QVERIFY(m_server->waitForExit(15000));
            QCOMPARE(m_server->exitCode(), 0);
        }
        if (m_server)
            QVERIFY2(!m_server->hasSanitizerReport(), qPrintable(m_server->logText()));
    }

    void pushNeedsATokenBoundToTheDevice()
    {
        const Device d = enroll("inv.central", "central-clave-2026");
        // An unbound token (login without device_id) may not sync.
        const QString unbound = client()
                                    .post("/v1/auth/login",
                                          {{"username", "inv.central"},
                                           {"password", "central-clave-2026"}})
                                    .json.value("access_token")
                                    .toString();
        const auto r = client().post(SyncProtocol::pushPath(),
                                     {{"device_id", d.id},
                                      {"schema_version", 1},
                                      {"entries", QJsonArray{}}},
                                     unbound);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json.value("error").toString(), QStringLiteral("device_mismatch"));
        const auto none = client().post(SyncProtocol::pushPath(), {{"device_id", d.id}});
        QCOMPARE(none.status, 401);
    }

    void sameEntryTwiceIsAppliedOnce()
    {
        const Device d = enroll("inv.central", "central-clave-2026");
        const QString id = uuid();
        const QJsonArray entries{entry(1, {insertOp("t_items", id, item(id, "central", "CPU"))})};
        const auto first = push(d, entries);
        QCOMPARE(first.status, 200);
        const auto ack1 = first.json.value("acks").toArray().at(0).toObject();
        QCOMPARE(ack1.value("status").toString(), QStringLiteral("applied"));
        const qint64 version = qint64(
            ack1.value("row_versions").toObject().value("t_items/" + id).toDouble());
        QVERIFY(version > 0);
        QCOMPARE(first.json.value("expected_seq").toInt(), 2);

        const auto again = push(d, entries); // the answer was lost: the client sends it again
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value("acks").toArray().at(0).toObject().value("status").toString(),
                 QStringLiteral("duplicate"));
        QCOMPARE(again.json.value("expected_seq").toInt(), 2);
        QCOMPARE(pgScalar(
                     QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'").arg(id)),
                 1);
        QCOMPARE(pgScalar(
                     QStringLiteral("SELECT version FROM sync_rows WHERE row_id = '%1'").arg(id)),
                 version); // not applied a second time
        QCOMPARE(pgScalar(QStringLiteral("SELECT last_seq FROM sync_devices WHERE device_id = "
                                         "'%1'")
                              .arg(d.id)),
                 1);

        // A batch that overlaps: 1 duplicate, 2 applied.
        const QString id2 = uuid();
        const auto overlap
            = push(d,
                   {entries.at(0),
                    entry(2, {insertOp("t_items", id2, item(id2, "central", "Monitor"))})});
        QCOMPARE(overlap.status, 200);
        const QJsonArray acks = overlap.json.value("acks").toArray();
        QCOMPARE(acks.size(), 2);
        QCOMPARE(acks.at(0).toObject().value("status").toString(), QStringLiteral("duplicate"));
        QCOMPARE(acks.at(1).toObject().value("status").toString(), QStringLiteral("applied"));
    }

    void conflictIsToldAgainWhenItsAnswerWasLost()
    {
        // A delete of a row another PC edited after the delete's base is an edit/delete
        // conflict (the edited row stands). When that answer is lost and the entry comes again,
        // the duplicate's ack tells the same conflict, so the PC still shows the user that its
        // delete did not stand (found by tambo-simulate: a bundle reply lost, then a network
        // sync). It is recorded on the server once.
        const Device a = enroll("inv.central", "central-clave-2026");
        const Device b = enroll("inv.central", "central-clave-2026");
        const QString id = uuid();
        const auto inserted
            = push(a, {entry(1, {insertOp("t_items", id, item(id, "central", "Archivador"))})});
        QCOMPARE(inserted.status, 200);
        const double base = ackedVersion(inserted, id);
        QJsonObject edited = item(id, "central", "Archivador");
        edited.insert("note", "con llave");
        const QJsonObject baseVersions{{"t_items/" + id, base}};
        QCOMPARE(push(b,
                      {entry(1,
                             {QJsonObject{{"op", "update"},
                                          {"table", "t_items"},
                                          {"id", id},
                                          {"data", edited},
                                          {"changed", QJsonArray{"note"}}}},
                             baseVersions)})
                     .status,
                 200);
        const QJsonArray deletion{
            entry(2,
                  {QJsonObject{{"op", "delete"}, {"table", "t_items"}, {"id", id}}},
                  baseVersions)};
        const auto first = push(a, deletion);
        QCOMPARE(first.status, 200);
        const QJsonObject ack = first.json.value("acks").toArray().at(0).toObject();
        QCOMPARE(ack.value("status").toString(), QStringLiteral("conflict"));

        const auto again = push(a, deletion); // the answer was lost
        QCOMPARE(again.status, 200);
        const QJsonObject retold = again.json.value("acks").toArray().at(0).toObject();
        QCOMPARE(retold.value("status").toString(), QStringLiteral("conflict"));
        QCOMPARE(retold.value("conflicts"), ack.value("conflicts"));
        QCOMPARE(retold.value("conflicts").toArray().at(0).toObject().value("kind").toString(),
                 QStringLiteral("edit_delete"));
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_conflicts WHERE row_id = '%1'")
                              .arg(id)),
                 1);
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1' AND "
                                         "NOT deleted")
                              .arg(id)),
                 1); // the edited row stands
    }

    void gapIsRefusedWithTheExpectedSeq()
    {
        const Device d = enroll("inv.central", "central-clave-2026");
        const QString id = uuid();
        const auto r = push(d, {entry(3, {insertOp("t_items", id, item(id, "central", "X"))})});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json.value("error").toString(), QStringLiteral("seq_gap"));
        QCOMPARE(r.json.value("expected_seq").toInt(), 1);
        QVERIFY(!r.json.value("message").toString().isEmpty());
        QCOMPARE(pgScalar(
                     QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'").arg(id)),
                 0);
        // Non-consecutive entries in one request are malformed.
        const auto bad = push(d,
                              {entry(1, {insertOp("t_items", id, item(id, "central", "X"))}),
                               entry(3, {insertOp("t_items", id, item(id, "central", "X"))})});
        QCOMPARE(bad.status, 400);
    }

    void rejectedEntryIsStoredAndTheQueueMovesOn()
    {
        const Device d = enroll("inv.central", "central-clave-2026");
        const QString outside = uuid();
        const QString inside = uuid();
        const QString event = uuid();
        const auto r
            = push(d,
                   {entry(1, {insertOp("t_items", outside, item(outside, "norte", "Ajeno"))}),
                    entry(2, {insertOp("t_unknown", uuid(), {{"x", 1}})}),
                    entry(3, {insertOp("t_items", inside, item(inside, "central", "Propio"))}),
                    entry(4,
                          {insertOp("t_events",
                                    event,
                                    {{"id", event}, {"item_id", inside}, {"text", "alta"}})}),
                    entry(5,
                          {QJsonObject{{"op", "delete"}, {"table", "t_events"}, {"id", event}}})});
        QCOMPARE(r.status, 200);
        const QJsonArray acks = r.json.value("acks").toArray();
        QCOMPARE(acks.size(), 5);
        QCOMPARE(acks.at(0).toObject().value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(acks.at(0).toObject().value("reason").toString(), QStringLiteral("out_of_scope"));
        QVERIFY(acks.at(0).toObject().value("message").toString().contains("norte"));
        QCOMPARE(acks.at(1).toObject().value("reason").toString(), QStringLiteral("unknown_table"));
        QCOMPARE(acks.at(2).toObject().value("status").toString(), QStringLiteral("applied"));
        QCOMPARE(acks.at(3).toObject().value("status").toString(), QStringLiteral("applied"));
        QCOMPARE(acks.at(4).toObject().value("reason").toString(), QStringLiteral("append_only"));
        QCOMPARE(r.json.value("expected_seq").toInt(), 6);
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rejections WHERE device_id = "
                                         "'%1'")
                              .arg(d.id)),
                 3);
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'")
                              .arg(outside)),
                 0);
        // The event took its scope from its item.
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1' AND "
                                         "sede_id = 'central'")
                              .arg(event)),
                 1);
        // Retrying the rejected entry (its answer was lost) does not reject it a second time,
        // but tells the same rejection again so the PC still shows it.
        const auto again
            = push(d, {entry(1, {insertOp("t_items", outside, item(outside, "norte", "Ajeno"))})});
        const QJsonObject retold = again.json.value("acks").toArray().at(0).toObject();
        QCOMPARE(retold.value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(retold.value("reason").toString(), QStringLiteral("out_of_scope"));
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rejections WHERE device_id = "
                                         "'%1'")
                              .arg(d.id)),
                 3);
        // An applied entry sent again is only a duplicate.
        QCOMPARE(push(d,
                      {entry(3, {insertOp("t_items", inside, item(inside, "central", "Propio"))})})
                     .json.value("acks")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("status")
                     .toString(),
                 QStringLiteral("duplicate"));
    }

    void sameSeqWithOtherContentIsRefusedAsSeqReused()
    {
        // A PC's store restored from a backup (or copied to another PC) numbers its new changes
        // with seqs the server already applied. The same seq with other content is not a
        // duplicate: it is refused (409 seq_reused) and nothing of it is applied.
        const Device d = enroll("inv.central", "central-clave-2026");
        const QString a = uuid();
        const QString b = uuid();
        const QJsonArray original{entry(1, {insertOp("t_items", a, item(a, "central", "CPU"))})};
        QCOMPARE(push(d, original).status, 200);

        const QString c = uuid();
        const auto reused = push(d,
                                 {entry(1, {insertOp("t_items", b, item(b, "central", "Otro"))}),
                                  entry(2, {insertOp("t_items", c, item(c, "central", "Más"))})});
        QCOMPARE(reused.status, 409);
        QCOMPARE(reused.json.value("error").toString(), QStringLiteral("seq_reused"));
        QCOMPARE(reused.json.value("seq").toInt(), 1);
        QCOMPARE(reused.json.value("expected_seq").toInt(), 2);
        const QString message = reused.json.value("message").toString();
        QVERIFY2(message.contains("restaurados") && message.contains("a salvo")
                     && message.contains("OTIC"),
                 qPrintable(message));
        QCOMPARE(rowCount(b), 0);
        QCOMPARE(rowCount(c), 0); // nothing after it either
        QCOMPARE(lastSeq(d), 1);

        // The same content under the same seq is still a duplicate (a lost answer).
        const auto again = push(d, original);
        QCOMPARE(again.status, 200);
        QCOMPARE(ackAt(again, 0).value("status").toString(), QStringLiteral("duplicate"));

        // Only the content counts: the same entry sent by a Tambo with another data schema
        // version (updated while a bundle was on its way) is the same change.
        QJsonObject sameOtherSchema = original.at(0).toObject();
        sameOtherSchema.insert("schema_version", SyncProtocol::SchemaVersion + 1);
        QCOMPARE(ackAt(push(d, {sameOtherSchema}), 0).value("status").toString(),
                 QStringLiteral("duplicate"));

        // A rejected entry's seq is guarded as well.
        const QString outside = uuid();
        const auto rejected
            = push(d, {entry(2, {insertOp("t_items", outside, item(outside, "norte", "Ajeno"))})});
        QCOMPARE(ackAt(rejected, 0).value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(push(d, {entry(2, {insertOp("t_items", c, item(c, "central", "Más"))})}).status,
                 409);
        QCOMPARE(rowCount(c), 0);

        // An entry applied before the server kept digests (no digest stored) stays an ordinary
        // duplicate whatever comes under its seq.
        QVERIFY(m_fx.exec(
            QStringLiteral("DELETE FROM sync_entry_digests WHERE device_id = '%1' AND seq = 1")
                .arg(d.id)));
        const auto legacy = push(d, {entry(1, {insertOp("t_items", b, item(b, "central", "Otro"))})});
        QCOMPARE(legacy.status, 200);
        QCOMPARE(ackAt(legacy, 0).value("status").toString(), QStringLiteral("duplicate"));
        QCOMPARE(rowCount(b), 0);
    }

    void badTextIsRejectedAndTheNextEntryApplied_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        const QString nul = QStringLiteral("a") + QChar(0) + QStringLiteral("b");
        QTest::newRow("U+0000 in a value") << "value" << nul << "text_control_char";
        QTest::newRow("U+0001 in a value")
            << "value" << QStringLiteral("a") + QChar(1) + QStringLiteral("b")
            << "text_control_char";
        QTest::newRow("U+001B in a column name")
            << "column" << QStringLiteral("note") + QChar(0x1b) << "text_control_char";
        QTest::newRow("U+0000 in the row id") << "id" << nul << "text_control_char";
        QTest::newRow("U+0000 in a nested value") << "nested" << nul << "text_control_char";
        QTest::newRow("lone high surrogate")
            << "value" << QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b")
            << "text_invalid";
        QTest::newRow("lone low surrogate")
            << "value" << QStringLiteral("a") + QChar(0xDC00) << "text_invalid";
    }

    void badTextIsRejectedAndTheNextEntryApplied()
    {
        // A value PostgreSQL cannot store made the server answer 503 for every retry, so the
        // PC's queue never moved again. Now the entry is rejected like any other rejection
        // (recorded, acknowledged) and the next entry of the same push is applied.
        QFETCH(QString, where);
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const Device d = enroll("inv.central", "central-clave-2026");
        QString id = uuid();
        QJsonObject data = item(id, "central", "Impresora");
        if (where == "value")
            data.insert("note", text);
        else if (where == "column")
            data.insert(text, "x");
        else if (where == "nested")
            data.insert("note", QJsonArray{QJsonObject{{"k", text}}});
        else
            id = text;
        const QString good = uuid();
        const QJsonArray entries{entry(1, {insertOp("t_items", id, data)}),
                                 entry(2, {insertOp("t_items", good, item(good, "central", "Ok"))})};
        const auto r = push(d, entries);
        QCOMPARE(r.status, 200);
        QCOMPARE(ackAt(r, 0).value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(ackAt(r, 0).value("reason").toString(), reason);
        QVERIFY(ackAt(r, 0).value("message").toString().contains("t_items"));
        QCOMPARE(ackAt(r, 1).value("status").toString(), QStringLiteral("applied"));
        QCOMPARE(r.json.value("expected_seq").toInt(), 3);
        QCOMPARE(rowCount(good), 1);
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rejections WHERE device_id = "
                                         "'%1' AND seq = 1 AND reason = '%2'")
                              .arg(d.id, reason)),
                 1);
        // Sent again (the answer was lost): the same rejection, not a 5xx, not seq_reused.
        const auto again = push(d, entries);
        QCOMPARE(again.status, 200);
        QCOMPARE(ackAt(again, 0).value("reason").toString(), reason);
        QCOMPARE(ackAt(again, 1).value("status").toString(), QStringLiteral("duplicate"));
    }

    void tabsAndLineBreaksAreText()
    {
        const Device d = enroll("inv.central", "central-clave-2026");
        const QString id = uuid();
        QJsonObject data = item(id, "central", "Mesa");
        data.insert("note", "línea 1\r\nlínea 2\tcolumna ✓ 😀");
        const auto r = push(d, {entry(1, {insertOp("t_items", id, data)})});
        QCOMPARE(ackAt(r, 0).value("status").toString(), QStringLiteral("applied"));
        QCOMPARE(rowCount(id), 1);
    }

    void invalidUtf8IsRejectedAsOneEntry()
    {
        // Raw bytes that are not UTF-8 inside a string: Qt's parser refuses the whole document,
        // which would refuse the whole push (400) for ever. The server marks the bytes, so only
        // the entry that holds them is rejected.
        const Device d = enroll("inv.central", "central-clave-2026");
        const QString bad = uuid();
        const QString good = uuid();
        QJsonObject data = item(bad, "central", "Scanner");
        data.insert("note", "@@BAD@@");
        QByteArray body = QJsonDocument(
                              pushBody(d,
                                       {entry(1, {insertOp("t_items", bad, data)}),
                                        entry(2,
                                              {insertOp("t_items",
                                                        good,
                                                        item(good, "central", "Ok"))})}))
                              .toJson(QJsonDocument::Compact);
        body.replace("@@BAD@@", QByteArray("caf\xe9 \xed\xa0\x80 \xff"));
        const auto r = client().postRaw(SyncProtocol::pushPath(),
                                        body.toStdString(),
                                        "application/json",
                                        d.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(ackAt(r, 0).value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(ackAt(r, 0).value("reason").toString(), QStringLiteral("text_invalid"));
        QCOMPARE(ackAt(r, 1).value("status").toString(), QStringLiteral("applied"));
        QCOMPARE(rowCount(bad), 0);
        QCOMPARE(rowCount(good), 1);
        // Outside a string the bytes are malformed JSON, as before.
        QByteArray broken = QJsonDocument(pushBody(d, {})).toJson(QJsonDocument::Compact);
        broken.insert(1, "\xff");
        QCOMPARE(client()
                     .postRaw(SyncProtocol::pushPath(),
                              broken.toStdString(),
                              "application/json",
                              d.token)
                     .status,
                 400);
    }

    void rowOverTheByteCapIsRejected()
    {
        // A 7 MB row was accepted (and then carried by every pull). Rows are capped at
        // SyncProtocol::MaxRowBytes of compact JSON.
        const Device d = enroll("inv.central", "central-clave-2026");
        const QString big = uuid();
        const QString atCap = uuid();
        const QString good = uuid();
        QJsonObject huge = item(big, "central", "Expediente");
        huge.insert("note", QString(7 * 1000 * 1000, QLatin1Char('x')));
        QJsonObject fits = item(atCap, "central", "Expediente");
        fits.insert("note", QString());
        const qint64 room = SyncProtocol::MaxRowBytes
                            - QJsonDocument(fits).toJson(QJsonDocument::Compact).size();
        fits.insert("note", QString(room, QLatin1Char('y')));
        QCOMPARE(QJsonDocument(fits).toJson(QJsonDocument::Compact).size(),
                 SyncProtocol::MaxRowBytes);
        const auto r = push(d,
                            {entry(1, {insertOp("t_items", big, huge)}),
                             entry(2, {insertOp("t_items", atCap, fits)}),
                             entry(3, {insertOp("t_items", good, item(good, "central", "Ok"))})});
        QCOMPARE(r.status, 200);
        QCOMPARE(ackAt(r, 0).value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(ackAt(r, 0).value("reason").toString(), QStringLiteral("row_too_large"));
        QVERIFY(ackAt(r, 0).value("message").toString().contains("KiB"));
        QCOMPARE(ackAt(r, 1).value("status").toString(), QStringLiteral("applied"));
        QCOMPARE(ackAt(r, 2).value("status").toString(), QStringLiteral("applied"));
        QCOMPARE(rowCount(big), 0);
        // The rejection keeps the entry for OTIC, without the oversized data.
        QVERIFY(pgScalar(QStringLiteral("SELECT length(entry::text) FROM sync_rejections WHERE "
                                        "device_id = '%1' AND seq = 1")
                             .arg(d.id))
                < 10000);
        QCOMPARE(pgScalar(QStringLiteral("SELECT (entry #>> '{ops,0,data,_omitted_bytes}')::bigint "
                                         "> 7000000 FROM sync_rejections WHERE device_id = '%1' "
                                         "AND seq = 1")
                              .arg(d.id)),
                 1);
    }

    void bodyOverTheServerLimitIs413()
    {
        const Device d = enroll("inv.central", "central-clave-2026");
        QJsonArray entries;
        for (int i = 1; i <= 10; ++i) {
            const QString id = uuid();
            QJsonObject data = item(id, "central", "Lote");
            data.insert("note", QString(900 * 1000, QLatin1Char('z')));
            entries.append(entry(i, {insertOp("t_items", id, data)}));
        }
        const auto r = push(d, entries); // about 9 MB: over the default 8 MiB
        QCOMPARE(r.status, 413);
        QCOMPARE(r.json.value("error").toString(), QStringLiteral("payload_too_large"));
        QCOMPARE(r.json.value("max_body_bytes").toDouble(), 8.0 * 1024 * 1024);
        QVERIFY(r.json.value("message").toString().contains("8192 KiB"));
        QCOMPARE(lastSeq(d), -1); // nothing read, nothing applied
    }

    void refusedEntryIsRecordedAndTheQueueMovesOn()
    {
        // The desktop refuses an entry it cannot send (SyncValueCheck) and sends its seq as
        // "refused", without ops: recorded as a rejection, the queue moves on.
        const Device d = enroll("inv.central", "central-clave-2026");
        const QString good = uuid();
        QJsonObject refused{{"seq", 1},
                            {"schema_version", SyncProtocol::SchemaVersion},
                            {"base_versions", QJsonObject{}},
                            {"ops", QJsonArray{}},
                            {"refused",
                             QJsonObject{{"reason", "text_invalid"},
                                         {"message", "El texto de «note» no es válido."}}}};
        const auto r = push(d,
                            {refused,
                             entry(2, {insertOp("t_items", good, item(good, "central", "Ok"))})});
        QCOMPARE(r.status, 200);
        QCOMPARE(ackAt(r, 0).value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(ackAt(r, 0).value("reason").toString(), QStringLiteral("text_invalid"));
        QCOMPARE(ackAt(r, 0).value("message").toString(),
                 QStringLiteral("El texto de «note» no es válido."));
        QCOMPARE(ackAt(r, 1).value("status").toString(), QStringLiteral("applied"));
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rejections WHERE device_id = "
                                         "'%1' AND reason = 'text_invalid'")
                              .arg(d.id)),
                 1);

        // The same bad entry sent whole (an older desktop) or as "refused" is the same change.
        const Device e = enroll("inv.central", "central-clave-2026");
        const QString id = uuid();
        QJsonObject data = item(id, "central", "X");
        data.insert("note", QStringLiteral("a") + QChar(0xDFFF));
        QCOMPARE(ackAt(push(e, {entry(1, {insertOp("t_items", id, data)})}), 0)
                     .value("reason")
                     .toString(),
                 QStringLiteral("text_invalid"));
        const auto asRefused = push(e, {refused});
        QCOMPARE(asRefused.status, 200);
        QCOMPARE(ackAt(asRefused, 0).value("status").toString(), QStringLiteral("rejected"));
        // A refusal needs a code for a reason.
        refused.insert("refused", QJsonObject{{"reason", "No Es Código"}});
        QCOMPARE(push(e, {refused}).status, 400);
    }

    void pullPagesStayUnderTheByteCap()
    {
        // A page of 2000 large rows carried 42 MB. A page now ends before its rows pass
        // SyncProtocol::MaxPageBytes; the cursor and checksum stay right.
        const Device d = enroll("ana", "ana-clave-2026");
        const QString sede = QStringLiteral("bytes");
        QStringList big;
        for (int batch = 0; batch < 2; ++batch) {
            QJsonArray entries;
            for (int i = 1; i <= 6; ++i) {
                const QString id = uuid();
                big << id;
                QJsonObject data = item(id, sede, QString::number(big.size()));
                data.insert("note", QString(900 * 1000, QLatin1Char('a' + big.size() % 26)));
                entries.append(entry(batch * 6 + i, {insertOp("t_items", id, data)}));
            }
            const auto r = push(d, entries);
            QCOMPARE(r.status, 200);
            QCOMPARE(ackAt(r, 5).value("status").toString(), QStringLiteral("applied"));
        }
        // A row over the page cap stored before the row cap existed still comes, alone.
        const QString older = uuid();
        QVERIFY(m_fx.exec(QStringLiteral(
                              "INSERT INTO sync_rows (table_name, row_id, version, data, "
                              "sede_id, updated_at) VALUES ('t_items', '%1', "
                              "nextval('sync_change_seq'), jsonb_build_object('id', '%1', "
                              "'sede_id', '%2', 'name', 'antiguo', 'note', repeat('o', 5000000)), "
                              "'%2', now())")
                              .arg(older, sede)));
        const QString small = uuid();
        QCOMPARE(push(d, {entry(13, {insertOp("t_items", small, item(small, sede, "Ok"))})}).status,
                 200);

        QStringList seen;
        qint64 cursor = 0;
        int pages = 0;
        bool olderAlone = false;
        for (int guard = 0; guard < 100; ++guard) {
            const auto r = pull(d, cursor, SyncProtocol::MaxPageSize, sede);
            QCOMPARE(r.status, 200);
            QString error;
            const auto page = PullResponse::fromJson(r.json, &error);
            QVERIFY2(page, qPrintable(error));
            QVERIFY(!page->rows.isEmpty());
            ++pages;
            QCOMPARE(page->checksum, SyncProtocol::pageChecksum(page->rows));
            QJsonArray rows;
            for (const auto &row : page->rows) {
                rows.append(row.toJson());
                QVERIFY(row.version > cursor);
                seen << row.id;
            }
            const qint64 bytes = SyncProtocol::canonicalJson(rows).size();
            if (page->rows.size() == 1 && page->rows.at(0).id == older)
                olderAlone = true;
            else
                QVERIFY2(bytes <= SyncProtocol::MaxPageBytes,
                         qPrintable(QStringLiteral("page %1: %2 bytes").arg(pages).arg(bytes)));
            QCOMPARE(page->nextCursor, page->rows.constLast().version);
            cursor = page->nextCursor;
            if (!page->more)
                break;
        }
        QVERIFY(olderAlone);
        QVERIFY2(pages >= 5, qPrintable(QString::number(pages))); // 12 × 0.9 MB, 4 per page
        for (const QString &id : std::as_const(big))
            QVERIFY(seen.contains(id));
        QVERIFY(seen.contains(older) && seen.contains(small));
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seen.size()); // none twice
    }

    void eachSedePullsOnlyItsRows()
    {
        const Device central = enroll("inv.central", "central-clave-2026");
        const Device norte = enroll("inv.norte", "norte-clave-2026");
        const Device admin = enroll("ana", "ana-clave-2026");
        const QString a = uuid();
        const QString b = uuid();
        const QString shared = uuid();
        QCOMPARE(push(central,
                      {entry(1, {insertOp("t_items", a, item(a, "central", "A"))}),
                       entry(2,
                             {insertOp("t_shared",
                                       shared,
                                       {{"id", shared}, {"label", "compartido"}})})})
                     .status,
                 200);
        const auto pn = push(norte,
                             {entry(1, {insertOp("t_items", b, item(b, "norte", "B"))}),
                              // a norte clerk may not touch central's row
                              entry(2,
                                    {QJsonObject{{"op", "update"},
                                                 {"table", "t_items"},
                                                 {"id", a},
                                                 {"data", item(a, "central", "cambiado")},
                                                 {"changed", QJsonArray{"name"}}}})});
        QCOMPARE(pn.status, 200);
        QCOMPARE(pn.json.value("acks").toArray().at(1).toObject().value("reason").toString(),
                 QStringLiteral("out_of_scope"));

        const auto ids = [](const QList<tambo::core::PulledRow> &rows) {
            QSet<QString> s;
            for (const auto &r : rows)
                s.insert(r.id);
            return s;
        };
        const QSet<QString> seenCentral = ids(pullAll(central));
        const QSet<QString> seenNorte = ids(pullAll(norte));
        const QSet<QString> seenAdmin = ids(pullAll(admin));
        QVERIFY(seenCentral.contains(a) && seenCentral.contains(shared) && !seenCentral.contains(b));
        QVERIFY(seenNorte.contains(b) && seenNorte.contains(shared) && !seenNorte.contains(a));
        QVERIFY(seenAdmin.contains(a) && seenAdmin.contains(b) && seenAdmin.contains(shared));

        // Asking for another sede's scope is refused; the admin may ask for any.
        QCOMPARE(pull(norte, 0, 100, "central").status, 403);
        QCOMPARE(pull(norte, 0, 100, "central").json.value("error").toString(),
                 QStringLiteral("scope_forbidden"));
        const auto adminNorte = pull(admin, 0, 500, "norte");
        QCOMPARE(adminNorte.status, 200);
        QString error;
        const auto page = PullResponse::fromJson(adminNorte.json, &error);
        QVERIFY2(page, qPrintable(error));
        QVERIFY(ids(page->rows).contains(b) && !ids(page->rows).contains(a));
    }

    void pullIsPagedResumableAndChecksummed()
    {
        const Device d = enroll("inv.central", "central-clave-2026");
        QJsonArray entries;
        QStringList mine;
        for (int i = 1; i <= 25; ++i) {
            const QString id = uuid();
            mine << id;
            entries.append(
                entry(i, {insertOp("t_items", id, item(id, "central", QString::number(i)))}));
        }
        QCOMPARE(push(d, entries).status, 200);

        // Page by page with a small page size; the checksum matches every page.
        QList<tambo::core::PulledRow> all;
        qint64 cursor = 0;
        int pages = 0;
        for (;;) {
            const auto r = pull(d, cursor, 7);
            QCOMPARE(r.status, 200);
            QString error;
            const auto page = PullResponse::fromJson(r.json, &error);
            QVERIFY2(page, qPrintable(error));
            QCOMPARE(page->checksum, SyncProtocol::pageChecksum(page->rows));
            QVERIFY(page->rows.size() <= 7);
            all += page->rows;
            ++pages;
            if (pages == 2) {
                // A cut here: the client never stored this page's cursor and asks again from
                // the previous one: it gets exactly the same page.
                const auto replay = pull(d, cursor, 7);
                const auto same = PullResponse::fromJson(replay.json, &error);
                QVERIFY(same);
                QCOMPARE(same->checksum, page->checksum);
                QCOMPARE(same->nextCursor, page->nextCursor);
            }
            cursor = page->nextCursor;
            if (!page->more)
                break;
        }
        QVERIFY(pages >= 4);
        // The first page counts what is left (progress); a page asked without the count says
        // nothing about it and is otherwise the same page.
        {
            QString error;
            const auto counted = PullResponse::fromJson(pull(d, 0, 7).json, &error);
            const auto uncounted = PullResponse::fromJson(pull(d, 0, 7, {}, false).json, &error);
            QVERIFY2(counted && uncounted, qPrintable(error));
            QVERIFY(counted->more && counted->remaining > 0);
            QCOMPARE(uncounted->remaining, -1);
            QCOMPARE(uncounted->checksum, counted->checksum);
            QCOMPARE(uncounted->nextCursor, counted->nextCursor);
        }
        QSet<QString> seen;
        for (const auto &row : all)
            seen.insert(row.id);
        for (const QString &id : mine)
            QVERIFY(seen.contains(id));
        QCOMPARE(seen.size(), all.size()); // nothing twice

        // A damaged page no longer matches its checksum.
        const auto r = pull(d, 0, 3);
        auto page = PullResponse::fromJson(r.json, nullptr);
        QVERIFY(page && !page->rows.isEmpty());
        page->rows[0].data.insert("name", "alterado");
        QVERIFY(SyncProtocol::pageChecksum(page->rows) != page->checksum);
    }

    void tombstonesStayUntilEveryDeviceHasPassedThem()
    {
        const Device writer = enroll("inv.central", "central-clave-2026");
        const Device reader = enroll("inv.central", "central-clave-2026");
        // Both devices have pulled once (so both have cursors).
        const qint64 start = pullAll(writer).isEmpty() ? 0 : 0;
        Q_UNUSED(start)
        pullAll(reader);
        const QString id = uuid();
        QCOMPARE(push(writer,
                      {entry(1, {insertOp("t_items", id, item(id, "central", "Silla"))}),
                       entry(2, {QJsonObject{{"op", "delete"}, {"table", "t_items"}, {"id", id}}})})
                     .status,
                 200);
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1' AND "
                                         "deleted")
                              .arg(id)),
                 1);
        pullAll(writer); // the writer passes the tombstone; the reader has not
        pullAll(writer);
        QCOMPARE(pgScalar(
                     QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'").arg(id)),
                 1);
        // The reader sees the tombstone…
        bool sawTombstone = false;
        for (const auto &row : pullAll(reader))
            sawTombstone |= row.id == id && row.deleted;
        QVERIFY(sawTombstone);
        // …and once every device of this test cluster has confirmed a cursor past it, it goes.
        QVERIFY(everyDevicePassed());
        pull(reader, pgScalar("SELECT max(version) FROM sync_rows"));
        QCOMPARE(pgScalar(
                     QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'").arg(id)),
                 0);
    }

    void onlyTheCursorTheDeviceConfirmsIsRecorded()
    {
        // The desktop asks for page N+1 while it applies page N: the cursor it asks from is not
        // applied yet. The server keeps applied_cursor only (never above what it served), so a
        // tombstone of page N stays until the device confirms it.
        const Device d = enroll("inv.central", "central-clave-2026");
        QJsonArray entries;
        for (int i = 0; i < 5; ++i) {
            const QString id = uuid();
            entries.append(entry(i + 1, {insertOp("t_items", id, item(id, "central", "Mesa"))}));
        }
        QCOMPARE(push(d, entries).status, 200);
        const qint64 start = pgScalar("SELECT max(version) FROM sync_rows") - 5;

        QString error;
        // A device that has seen nothing yet pulls from `start` (its claim is clamped to 0).
        auto first = pull(d, start, 2, {}, true, start);
        QCOMPARE(first.status, 200);
        const auto page1 = PullResponse::fromJson(first.json, &error);
        QVERIFY2(page1 && page1->more, qPrintable(error));
        QCOMPARE(confirmedCursor(d), 0);
        QVERIFY(pull(d, page1->nextCursor, 2, {}, true, 0).status == 200); // asked ahead
        QCOMPARE(confirmedCursor(d), 0);
        const auto second = PullResponse::fromJson(
            pull(d, page1->nextCursor, 2, {}, true, page1->nextCursor).json, &error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(confirmedCursor(d), page1->nextCursor); // page 1 is applied now
        // An older client (no applied_cursor) confirms nothing: the cursor stays.
        QCOMPARE(pull(d, second->nextCursor, 2).status, 200);
        QCOMPARE(confirmedCursor(d), page1->nextCursor);
        QCOMPARE(pull(d, second->nextCursor, 2, {}, true, second->nextCursor).status, 200);
        QCOMPARE(confirmedCursor(d), second->nextCursor);

        // applied_cursor must be a whole number ≥ 0 and not above cursor.
        for (const QJsonValue &bad : {QJsonValue(-1), QJsonValue("7"), QJsonValue(1.5)}) {
            const auto r = client().post(SyncProtocol::pullPath(),
                                         {{"device_id", d.id},
                                          {"schema_version", SyncProtocol::SchemaVersion},
                                          {"cursor", 10},
                                          {"applied_cursor", bad}},
                                         d.token);
            QCOMPARE(r.status, 400);
            QCOMPARE(r.json.value("error").toString(), QStringLiteral("bad_request"));
        }
        const auto ahead = pull(d, 10, 2, {}, true, 11);
        QCOMPARE(ahead.status, 400);
        QCOMPARE(confirmedCursor(d), second->nextCursor);
    }

    void editBeforeADeleteWhoseTombstoneIsPurgedDoesNotBringTheRowBack_data()
    {
        QTest::addColumn<bool>("knowsBase");
        // The edit was made on the version the insert's answer gave (tambo-simulate seed 3106)…
        QTest::newRow("base from the insert") << true;
        // …or by the PC that inserted the row and never got that answer (its bundle reply did
        // not come back): base 0 (seed 3950).
        QTest::newRow("no base") << false;
    }

    void editBeforeADeleteWhoseTombstoneIsPurgedDoesNotBringTheRowBack()
    {
        // A PC edits a row between its push and its pull; the pull brings another PC's delete of
        // it, which the PC keeps off its pending row, and its cursor passes the tombstone. Every
        // cursor past it, the tombstone is purged. The edit, made before the delete, then comes
        // up for a row the server no longer has: it is an edit against the delete (the delete
        // stands, the conflict is told), not a new row. An update never creates a row.
        QFETCH(bool, knowsBase);
        const Device editor = enroll("inv.central", "central-clave-2026");
        const Device deleter = enroll("inv.central", "central-clave-2026");
        const QString id = uuid();
        const auto inserted
            = push(editor, {entry(1, {insertOp("t_items", id, item(id, "central", "Vitrina"))})});
        QCOMPARE(inserted.status, 200);
        const double base = ackedVersion(inserted, id);
        QVERIFY(base > 0);
        const QJsonObject baseVersions{{"t_items/" + id, base}};
        QCOMPARE(push(deleter,
                      {entry(1,
                             {QJsonObject{{"op", "delete"}, {"table", "t_items"}, {"id", id}}},
                             baseVersions)})
                     .json.value("acks")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("status")
                     .toString(),
                 QStringLiteral("applied"));
        QVERIFY(everyDevicePassed());
        pull(editor, pgScalar("SELECT max(version) FROM sync_rows"));
        QCOMPARE(pgScalar(
                     QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'").arg(id)),
                 0); // purged

        QJsonObject edited = item(id, "central", "Vitrina");
        edited.insert("qty", 3);
        const auto late = push(editor,
                               {entry(2,
                                      {QJsonObject{{"op", "update"},
                                                   {"table", "t_items"},
                                                   {"id", id},
                                                   {"data", edited},
                                                   {"changed", QJsonArray{"qty"}}}},
                                      knowsBase ? baseVersions : QJsonObject())});
        QCOMPARE(late.status, 200);
        const QJsonObject ack = late.json.value("acks").toArray().at(0).toObject();
        QCOMPARE(ack.value("status").toString(), QStringLiteral("conflict"));
        QCOMPARE(ack.value("conflicts").toArray().at(0).toObject().value("kind").toString(),
                 QStringLiteral("edit_delete"));
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1' AND "
                                         "NOT deleted")
                              .arg(id)),
                 0); // the delete stands
        // The tombstone is written again, newer than the editor's cursor, so the editor pulls
        // the delete once more and drops its copy.
        const qint64 tombstone = pgScalar(
            QStringLiteral("SELECT version FROM sync_rows WHERE row_id = '%1' AND deleted AND "
                           "sede_id = 'central'")
                .arg(id));
        QVERIFY(tombstone > qint64(base));
        QCOMPARE(qint64(ack.value("row_versions").toObject().value("t_items/" + id).toDouble()),
                 tombstone);
        bool sawTombstone = false;
        for (const auto &row : pullAll(editor))
            sawTombstone |= row.id == id && row.deleted;
        QVERIFY(sawTombstone);

        // Keeping the edit (the conflict page's "keep mine") goes up as an insert and writes the
        // row anew.
        const auto kept = push(editor,
                               {entry(3,
                                      {insertOp("t_items", id, edited)},
                                      {{"t_items/" + id, double(tombstone)}})});
        QCOMPARE(kept.json.value("acks").toArray().at(0).toObject().value("status").toString(),
                 QStringLiteral("applied"));
        QCOMPARE(pgScalar(QStringLiteral("SELECT (data->>'qty')::int FROM sync_rows WHERE row_id "
                                         "= '%1' AND NOT deleted")
                              .arg(id)),
                 3);
    }

    void tooOldClientIsToldPlainly()
    {
        const Device d = enroll("inv.central", "central-clave-2026");
        const auto r = push(d, {}, SyncProtocol::MinSchemaVersion - 1);
        QCOMPARE(r.status, 426);
        QCOMPARE(r.json.value("error").toString(), QStringLiteral("client_too_old"));
        QVERIFY(r.json.value("message").toString().contains("demasiado antigua"));
        QVERIFY(r.json.value("message").toString().contains("a salvo"));
        QCOMPARE(r.json.value("min_schema_version").toInt(), SyncProtocol::MinSchemaVersion);
        const auto newer = push(d, {}, SyncProtocol::SchemaVersion + 1);
        QCOMPARE(newer.status, 409);
        QCOMPARE(newer.json.value("error").toString(), QStringLiteral("schema_too_new"));
    }
};

QTEST_GUILESS_MAIN(TestSyncEndpoints)
#include "tst_syncendpoints.moc"
