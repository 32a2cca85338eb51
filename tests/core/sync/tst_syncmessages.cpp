#include "sync/SyncMessages.h"
#include "sync/SyncProtocol.h"

#include <QJsonDocument>
#include <QtTest>

using namespace tambo::core;

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

PushRequest samplePush()
{
    PushRequest r;
    r.deviceId = QUuid::fromString(QStringLiteral("0190f5a8-7b2c-7def-8a00-1234567890ab"));
    r.schemaVersion = 1;
    SyncTableRule rule;
    rule.table = QStringLiteral("patrimonio_asset_history");
    rule.appendOnly = true;
    rule.scopeParentTable = QStringLiteral("patrimonio_assets");
    rule.scopeParentColumn = QStringLiteral("asset_id");
    r.tables = {rule,
                SyncTableRule{QStringLiteral("patrimonio_assets"),
                              false,
                              {QStringLiteral("estado")},
                              {},
                              {}}};
    OutboxEntry e;
    e.seq = 42;
    e.schemaVersion = 1;
    e.baseVersions.insert(QStringLiteral("patrimonio_assets/a1"), 3);
    SyncOp op;
    op.kind = SyncOp::Kind::Update;
    op.table = QStringLiteral("patrimonio_assets");
    op.id = QStringLiteral("a1");
    op.data = QJsonObject{{"id", "a1"}, {"estado", "R"}, {"valor", 150000}};
    op.changed = {QStringLiteral("estado")};
    e.ops = {op};
    OutboxEntry d;
    d.seq = 43;
    d.schemaVersion = 1;
    d.ops = {SyncOp{SyncOp::Kind::Delete,
                    QStringLiteral("patrimonio_assets"),
                    QStringLiteral("a2"),
                    {},
                    {}}};
    r.entries = {e, d};
    return r;
}

} // namespace

class TestSyncMessages : public QObject
{
    Q_OBJECT

private slots:
    void pushRequestRoundTrips()
    {
        const PushRequest r = samplePush();
        QString error;
        const auto back = PushRequest::fromJson(QJsonDocument::fromJson(
                                                    QJsonDocument(r.toJson()).toJson())
                                                    .object(),
                                                &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->deviceId, r.deviceId);
        QCOMPARE(back->tables.size(), 2);
        QVERIFY(back->tables.at(0).appendOnly);
        QCOMPARE(back->tables.at(0).scopeParentColumn, QStringLiteral("asset_id"));
        QCOMPARE(back->tables.at(1).legalColumns, QStringList{QStringLiteral("estado")});
        QCOMPARE(back->entries.size(), 2);
        QCOMPARE(back->entries.at(0).seq, 42);
        QCOMPARE(back->entries.at(0).baseVersions.value("patrimonio_assets/a1"), 3);
        QCOMPARE(back->entries.at(0).ops.at(0).kind, SyncOp::Kind::Update);
        QCOMPARE(back->entries.at(0).ops.at(0).data.value("valor").toInt(), 150000);
        QCOMPARE(back->entries.at(0).ops.at(0).changed, QStringList{QStringLiteral("estado")});
        QCOMPARE(back->entries.at(1).ops.at(0).kind, SyncOp::Kind::Delete);
        QVERIFY(!back->entries.at(1).ops.at(0).toJson().contains("data"));
    }

    void badPushRequests_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("errorPart");
        const QByteArray dev
            = R"("device_id": "0190f5a8-7b2c-7def-8a00-1234567890ab", "schema_version": 1)";
        QTest::newRow("no device")
            << QByteArray(R"({"schema_version": 1, "entries": []})") << "device_id";
        QTest::newRow("bad device")
            << QByteArray(R"({"device_id": "x", "schema_version": 1})") << "UUID";
        QTest::newRow("no schema")
            << QByteArray(R"({"device_id": "0190f5a8-7b2c-7def-8a00-1234567890ab"})")
            << "schema_version";
        QTest::newRow("seq zero")
            << "{" + dev
                   + R"(, "entries": [{"seq": 0, "schema_version": 1, "ops": [{"op": "delete", "table": "t", "id": "1"}]}]})"
            << "seq";
        QTest::newRow("fractional seq")
            << "{" + dev
                   + R"(, "entries": [{"seq": 1.5, "schema_version": 1, "ops": [{"op": "delete", "table": "t", "id": "1"}]}]})"
            << "seq";
        QTest::newRow("no ops") << "{" + dev
                                       + R"(, "entries": [{"seq": 1, "schema_version": 1, "ops": []}]})"
                                << "no ops";
        QTest::newRow("unknown op")
            << "{" + dev
                   + R"(, "entries": [{"seq": 1, "schema_version": 1, "ops": [{"op": "merge", "table": "t", "id": "1"}]}]})"
            << "unknown op";
        QTest::newRow("bad table")
            << "{" + dev
                   + R"(, "entries": [{"seq": 1, "schema_version": 1, "ops": [{"op": "delete", "table": "T;drop", "id": "1"}]}]})"
            << "table name";
        QTest::newRow("insert without data")
            << "{" + dev
                   + R"(, "entries": [{"seq": 1, "schema_version": 1, "ops": [{"op": "insert", "table": "t", "id": "1"}]}]})"
            << "data";
        QTest::newRow("changed not in data")
            << "{" + dev
                   + R"(, "entries": [{"seq": 1, "schema_version": 1, "ops": [{"op": "update", "table": "t", "id": "1", "data": {"a": 1}, "changed": ["b"]}]}]})"
            << "changed column";
        QTest::newRow("not consecutive")
            << "{" + dev
                   + R"(, "entries": [{"seq": 1, "schema_version": 1, "ops": [{"op": "delete", "table": "t", "id": "1"}]}, {"seq": 3, "schema_version": 1, "ops": [{"op": "delete", "table": "t", "id": "1"}]}]})"
            << "consecutive";
        QTest::newRow("bad table kind")
            << "{" + dev + R"(, "tables": [{"table": "t", "kind": "weird"}]})"
            << "kind";
        // Request fields that are not entry data must be clean text (PostgreSQL cannot store
        // U+0000): the whole request is malformed.
        QTest::newRow("U+0000 in a legal column")
            << "{" + dev + R"(, "tables": [{"table": "t", "kind": "mutable", "legal": ["a\u0000"]}]})"
            << "legal column";
        QTest::newRow("U+0000 in the scope parent column")
            << "{" + dev
                   + R"(, "tables": [{"table": "t", "kind": "mutable", "scope_parent": {"table": "p", "column": "x\u0000"}}]})"
            << "scope parent column";
        QTest::newRow("refusal without a code")
            << "{" + dev
                   + R"(, "entries": [{"seq": 1, "schema_version": 1, "ops": [], "refused": {"reason": "Malo!", "message": "x"}}]})"
            << "refused.reason";
        QTest::newRow("refusal not an object")
            << "{" + dev
                   + R"(, "entries": [{"seq": 1, "schema_version": 1, "ops": [], "refused": "x"}]})"
            << "refused";
    }

    void refusedEntryRoundTrips()
    {
        // An entry the desktop refuses to send goes up without ops, with its reason.
        OutboxEntry e;
        e.seq = 7;
        e.schemaVersion = 1;
        e.baseVersions.insert(QStringLiteral("t/1"), 4);
        e.refused = OutboxEntry::Refusal{QStringLiteral("row_too_large"), QStringLiteral("Muy grande.")};
        QString error;
        const auto back = OutboxEntry::fromJson(
            QJsonDocument::fromJson(QJsonDocument(e.toJson()).toJson()).object(), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(back->refused);
        QCOMPARE(back->refused->reason, QStringLiteral("row_too_large"));
        QCOMPARE(back->refused->message, QStringLiteral("Muy grande."));
        QVERIFY(back->ops.isEmpty());
        QCOMPARE(back->baseVersions.value(QStringLiteral("t/1")), 4);
        // An ordinary entry carries no "refused".
        QVERIFY(!samplePush().entries.at(0).toJson().contains(QStringLiteral("refused")));
    }
    void badPushRequests()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, errorPart);
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        QVERIFY2(!object.isEmpty(), json.constData());
        QString error;
        QVERIFY(!PushRequest::fromJson(object, &error));
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    }

    void pushResponseRoundTrips()
    {
        PushResponse r;
        r.expectedSeq = 44;
        PushAck applied;
        applied.seq = 42;
        applied.status = PushAck::Status::Conflict;
        applied.rowVersions.insert("t/1", 9);
        applied.conflicts = {SyncConflict{SyncConflict::Kind::Field,
                                          "t",
                                          "1",
                                          "estado",
                                          QJsonValue("R"),
                                          QJsonValue("M")},
                             SyncConflict{SyncConflict::Kind::EditDelete,
                                          "t",
                                          "2",
                                          {},
                                          QJsonValue(),
                                          QJsonObject{{"id", "2"}}}};
        PushAck rejected;
        rejected.seq = 43;
        rejected.status = PushAck::Status::Rejected;
        rejected.reason = "out_of_scope";
        rejected.message = "No puede…";
        r.acks = {applied, rejected};
        QString error;
        const auto back = PushResponse::fromJson(r.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->expectedSeq, 44);
        QCOMPARE(back->acks.size(), 2);
        QCOMPARE(back->acks.at(0).status, PushAck::Status::Conflict);
        QCOMPARE(back->acks.at(0).rowVersions.value("t/1"), 9);
        QCOMPARE(back->acks.at(0).conflicts.size(), 2);
        QCOMPARE(back->acks.at(0).conflicts.at(0).field, QStringLiteral("estado"));
        QCOMPARE(back->acks.at(0).conflicts.at(0).serverValue.toString(), QStringLiteral("R"));
        QCOMPARE(back->acks.at(0).conflicts.at(1).kind, SyncConflict::Kind::EditDelete);
        QCOMPARE(back->acks.at(1).status, PushAck::Status::Rejected);
        QCOMPARE(back->acks.at(1).reason, QStringLiteral("out_of_scope"));
        QVERIFY(!PushResponse::fromJson(
            parse(R"({"acks": [{"seq": 1, "status": "maybe"}], "expected_seq": 2})"), &error));
        QVERIFY(!PushResponse::fromJson(
            parse(R"({"acks": [{"seq": 1, "status": "rejected"}], "expected_seq": 2})"), &error));
    }

    void pullMessagesRoundTrip()
    {
        PullRequest req;
        req.deviceId = QUuid::createUuid();
        req.schemaVersion = 1;
        req.sede = "central";
        req.cursor = 12345678901LL;
        req.pageSize = 100000; // clamped by the reader
        QString error;
        const auto reqBack = PullRequest::fromJson(req.toJson(), &error);
        QVERIFY2(reqBack, qPrintable(error));
        QCOMPARE(reqBack->cursor, 12345678901LL);
        QCOMPARE(reqBack->pageSize, SyncProtocol::MaxPageSize);
        QCOMPARE(reqBack->sede, QStringLiteral("central"));
        QCOMPARE(reqBack->scopeKey(), QStringLiteral("sede=central;area=*"));
        QVERIFY(reqBack->countRemaining); // the default, and what an older client means
        QVERIFY(!req.toJson().contains(QStringLiteral("count_remaining")));
        req.countRemaining = false;
        const auto uncounted = PullRequest::fromJson(req.toJson(), &error);
        QVERIFY2(uncounted, qPrintable(error));
        QVERIFY(!uncounted->countRemaining);
        QJsonObject badCount = req.toJson();
        badCount.insert(QStringLiteral("count_remaining"), QStringLiteral("no"));
        QVERIFY(!PullRequest::fromJson(badCount, &error));
        // applied_cursor: absent (an older client) reads as -1; else 0 ≤ applied ≤ cursor.
        QCOMPARE(reqBack->appliedCursor, -1);
        QVERIFY(!req.toJson().contains(QStringLiteral("applied_cursor")));
        req.appliedCursor = 12345670000LL;
        const auto applied = PullRequest::fromJson(req.toJson(), &error);
        QVERIFY2(applied, qPrintable(error));
        QCOMPARE(applied->appliedCursor, 12345670000LL);
        req.appliedCursor = req.cursor + 1;
        QVERIFY(!PullRequest::fromJson(req.toJson(), &error));
        QVERIFY(error.contains(QStringLiteral("applied_cursor")));
        QJsonObject negative = req.toJson();
        negative.insert(QStringLiteral("applied_cursor"), -3);
        QVERIFY(!PullRequest::fromJson(negative, &error));
        req.appliedCursor = -1;
        // The scope goes to PostgreSQL as text: U+0000 in it is a malformed request (400), not
        // a database error (503) for ever.
        QJsonObject badScope = req.toJson();
        badScope.insert(QStringLiteral("scope"),
                        QJsonObject{{QStringLiteral("sede"), QStringLiteral("a") + QChar(0)}});
        QVERIFY(!PullRequest::fromJson(badScope, &error));
        QVERIFY2(error.contains(QStringLiteral("scope")), qPrintable(error));

        PullResponse page;
        page.rows = {PulledRow{"t", "1", 5, false, QJsonObject{{"id", "1"}}},
                     PulledRow{"t", "2", 8, true, {}}};
        page.nextCursor = 8;
        page.more = true;
        page.remaining = 3;
        page.checksum = SyncProtocol::pageChecksum(page.rows);
        const auto back = PullResponse::fromJson(page.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->rows.size(), 2);
        QVERIFY(back->rows.at(1).deleted);
        QVERIFY(back->more);
        QCOMPARE(back->remaining, 3);
        QCOMPARE(SyncProtocol::pageChecksum(back->rows), page.checksum);
        // Not counted: no "remaining" in the answer, -1 when read.
        page.remaining = -1;
        QVERIFY(!page.toJson().contains(QStringLiteral("remaining")));
        const auto notCounted = PullResponse::fromJson(page.toJson(), &error);
        QVERIFY2(notCounted, qPrintable(error));
        QCOMPARE(notCounted->remaining, -1);

        // Rows out of version order, and a row with neither data nor deleted, are refused.
        QVERIFY(!PullResponse::fromJson(
            parse(
                R"({"rows": [{"table": "t", "id": "1", "version": 5, "data": {}}, {"table": "t", "id": "2", "version": 4, "data": {}}], "next_cursor": 5, "checksum": "x"})"),
            &error));
        QVERIFY(error.contains("ascending"));
        QVERIFY(!PullResponse::fromJson(
            parse(
                R"({"rows": [{"table": "t", "id": "1", "version": 5}], "next_cursor": 5, "checksum": "x"})"),
            &error));
    }
};

QTEST_GUILESS_MAIN(TestSyncMessages)
#include "tst_syncmessages.moc"
