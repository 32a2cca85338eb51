#include "sync/BundleKeyPair.h"
#include "sync/BundleMessages.h"
#include "sync/SyncProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace tambo::core;

class TestBundleMessages : public QObject
{
    Q_OBJECT

private:
    static PcBundle pcBundle()
    {
        PcBundle b;
        b.bundleId = QUuid::createUuid();
        b.deviceId = QUuid::createUuid();
        b.user = QStringLiteral("ana");
        b.createdAt = QDateTime(QDate(2026, 12, 1), QTime(9, 30, 0, 5), Qt::UTC);
        b.exportSeq = 7;
        PushRequest push;
        push.deviceId = b.deviceId;
        push.schemaVersion = SyncProtocol::SchemaVersion;
        push.tables = {SyncTableRule{QStringLiteral("t_items"), false, {}, {}, {}}};
        OutboxEntry e;
        e.seq = 3;
        e.schemaVersion = 1;
        SyncOp op;
        op.table = QStringLiteral("t_items");
        op.id = QStringLiteral("0190-a");
        op.data = {{QStringLiteral("id"), op.id}, {QStringLiteral("name"), QStringLiteral("CPU")}};
        e.ops = {op};
        push.entries = {e};
        b.pushes = {push};
        PullRequest pull;
        pull.deviceId = b.deviceId;
        pull.schemaVersion = 1;
        pull.sede = QStringLiteral("S1");
        pull.cursor = 42;
        pull.pageSize = 500;
        b.pulls = {pull};
        return b;
    }

private slots:
    void pcBundleRoundTrip()
    {
        const PcBundle b = pcBundle();
        QString error;
        const auto parsed = PcBundle::fromJson(b.toJson(), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->bundleId, b.bundleId);
        QCOMPARE(parsed->deviceId, b.deviceId);
        QCOMPARE(parsed->user, b.user);
        QCOMPARE(parsed->createdAt, b.createdAt);
        QCOMPARE(parsed->exportSeq, 7);
        QCOMPARE(parsed->pushes.size(), 1);
        QCOMPARE(parsed->pushes.first().toJson(), b.pushes.first().toJson());
        QCOMPARE(parsed->pulls.first().cursor, 42);
        QCOMPARE(parsed->pulls.first().scopeKey(), b.pulls.first().scopeKey());
    }

    void pcBundleInvalid_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("kind") << "kind" << QJsonValue(QStringLiteral("server_bundle"));
        QTest::newRow("bundle id") << "bundle_id" << QJsonValue(QStringLiteral("nope"));
        QTest::newRow("device id") << "device_id" << QJsonValue();
        QTest::newRow("user") << "user" << QJsonValue(QString());
        QTest::newRow("created") << "created_at" << QJsonValue(QStringLiteral("ayer"));
        QTest::newRow("export seq") << "export_seq" << QJsonValue(-1);
        QTest::newRow("pushes") << "pushes" << QJsonValue(QStringLiteral("x"));
        QTest::newRow("push item") << "pushes" << QJsonValue(QJsonArray{1});
        QTest::newRow("pulls") << "pulls" << QJsonValue(QJsonObject());
    }
    void pcBundleInvalid()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QJsonObject o = pcBundle().toJson();
        if (value.isNull())
            o.remove(field);
        else
            o.insert(field, value);
        QString error;
        QVERIFY(!PcBundle::fromJson(o, &error));
        QVERIFY(!error.isEmpty());
    }

    void pcBundleForAnotherDevice()
    {
        PcBundle b = pcBundle();
        b.pulls.first().deviceId = QUuid::createUuid();
        QString error;
        QVERIFY(!PcBundle::fromJson(b.toJson(), &error));
        QVERIFY(error.contains(QStringLiteral("another device")));
    }

    void pcBundleCarriesTheAuditAnchor()
    {
        PcBundle b = pcBundle();
        QVERIFY(!b.toJson().contains(QStringLiteral("audit_anchor"))); // optional (older PCs)
        QString error;
        QVERIFY(!PcBundle::fromJson(b.toJson(), &error)->auditAnchor);
        const BundleKeyPair key = BundleKeyPair::generate();
        b.auditAnchor = AuditAnchor::sign(key.secretKey, b.deviceId, 12, QString(64, '3'));
        const auto parsed = PcBundle::fromJson(b.toJson(), &error);
        QVERIFY2(parsed && parsed->auditAnchor, qPrintable(error));
        QCOMPARE(parsed->auditAnchor->seq, 12);
        QVERIFY(parsed->auditAnchor->verify(key.publicKey));
        // Another device's anchor, or a malformed one, makes the bundle invalid.
        b.auditAnchor = AuditAnchor::sign(key.secretKey, QUuid::createUuid(), 12, QString(64, '3'));
        QVERIFY(!PcBundle::fromJson(b.toJson(), &error));
        QVERIFY(error.contains(QStringLiteral("another device")));
        QJsonObject o = pcBundle().toJson();
        o.insert(QStringLiteral("audit_anchor"), QJsonObject{{QStringLiteral("seq"), 1}});
        QVERIFY(!PcBundle::fromJson(o, &error));
        o.insert(QStringLiteral("audit_anchor"), 5);
        QVERIFY(!PcBundle::fromJson(o, &error));
    }

    void pcBundleUserProofRoundTrip()
    {
        PcBundle b = pcBundle();
        QString error;
        // Without a proof (an older PC): parsed, the proof is null (the server refuses it).
        QVERIFY(!b.toJson().contains(QStringLiteral("user_proof")));
        auto parsed = PcBundle::fromJson(b.toJson(), &error);
        QVERIFY2(parsed, qPrintable(error));
        QVERIFY(parsed->userProof.isNull());
        b.userProof.keySalt = QByteArray(16, '\x11');
        b.userProof.signature = QByteArray(64, '\x22');
        parsed = PcBundle::fromJson(b.toJson(), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->userProof.keySalt, b.userProof.keySalt);
        QCOMPARE(parsed->userProof.signature, b.userProof.signature);
    }

    void pcBundleMalformedUserProof_data()
    {
        QTest::addColumn<QJsonValue>("proof");
        const QString sig(128, QLatin1Char('a'));
        QTest::newRow("not an object") << QJsonValue(QStringLiteral("x"));
        QTest::newRow("empty") << QJsonValue(QJsonObject());
        QTest::newRow("no key") << QJsonValue(QJsonObject{{QStringLiteral("signature"), sig}});
        QTest::newRow("key not hex")
            << QJsonValue(QJsonObject{{QStringLiteral("key"), QStringLiteral("zz")},
                                      {QStringLiteral("signature"), sig}});
        QTest::newRow("short signature")
            << QJsonValue(QJsonObject{{QStringLiteral("key"), QStringLiteral("0011")},
                                      {QStringLiteral("signature"), QStringLiteral("00ff")}});
    }
    void pcBundleMalformedUserProof()
    {
        QFETCH(QJsonValue, proof);
        QJsonObject o = pcBundle().toJson();
        o.insert(QStringLiteral("user_proof"), proof);
        QString error;
        QVERIFY(!PcBundle::fromJson(o, &error));
        QVERIFY2(error.contains(QStringLiteral("user_proof")), qPrintable(error));
    }

    // What the PC signs and what the server checks are the same bytes, whatever values the
    // changes carry: the PC signs its payload as parsed back, the server the payload it parsed.
    void proofMessageIsTheSameOnBothSides_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("text with accents and escapes")
            << QJsonValue(QStringLiteral("Pérez \"ñ\" \\ \t / \u00e9 \U0001F600"));
        QTest::newRow("fraction") << QJsonValue(0.1);
        QTest::newRow("huge double") << QJsonValue(1e300);
        QTest::newRow("tiny double") << QJsonValue(-5e-324);
        QTest::newRow("negative zero") << QJsonValue(-0.0);
        QTest::newRow("whole double") << QJsonValue(7.0);
        QTest::newRow("beyond 2^53") << QJsonValue(9007199254740993.0);
        QTest::newRow("int64") << QJsonValue(qint64(4611686018427387904));
        QTest::newRow("nested") << QJsonValue(
            QJsonObject{{QStringLiteral("z"), 1},
                        {QStringLiteral("a"), QJsonArray{true, QJsonValue(), 2.5}}});
    }
    void proofMessageIsTheSameOnBothSides()
    {
        QFETCH(QJsonValue, value);
        PcBundle b = pcBundle();
        b.pushes.first().entries.first().ops.first().data.insert(QStringLiteral("v"), value);
        const QUuid server = QUuid::createUuid();
        // The PC: the content as it will be parsed, then the proof added to the payload.
        const QJsonObject parsed = QJsonDocument::fromJson(
                                       QJsonDocument(b.toJson()).toJson(QJsonDocument::Compact))
                                       .object();
        const QByteArray pcSide = PcBundle::proofMessage(parsed, server);
        b.userProof.keySalt = QByteArray(16, '\x01');
        b.userProof.signature = QByteArray(64, '\x02');
        const QByteArray payload = QJsonDocument(b.toJson()).toJson(QJsonDocument::Compact);
        // The server: the payload it received, parsed.
        const QByteArray serverSide
            = PcBundle::proofMessage(QJsonDocument::fromJson(payload).object(), server);
        QCOMPARE(serverSide, pcSide);
        QVERIFY(pcSide.startsWith("tambo-pc-bundle-user-v1\n" + server.toRfc4122()));
        QVERIFY(!pcSide.contains("user_proof"));
    }

    void proofMessageCoversEveryFieldAndTheServer()
    {
        const PcBundle b = pcBundle();
        const QUuid server = QUuid::createUuid();
        const QByteArray base = PcBundle::proofMessage(b.toJson(), server);
        QVERIFY(PcBundle::proofMessage(b.toJson(), QUuid::createUuid()) != base);
        for (const QString &field : b.toJson().keys()) {
            QJsonObject changed = b.toJson();
            changed.insert(field, QStringLiteral("cambiado"));
            QVERIFY2(PcBundle::proofMessage(changed, server) != base, qPrintable(field));
        }
        PcBundle other = b;
        other.user = QStringLiteral("luis");
        QVERIFY(PcBundle::proofMessage(other.toJson(), server) != base);
    }

    void serverBundleRoundTrip()
    {
        ServerBundle b;
        b.bundleId = QUuid::createUuid();
        b.deviceId = QUuid::createUuid();
        b.createdAt = QDateTime(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
        b.inReplyTo = QUuid::createUuid();
        b.exportSeq = 7;
        PushResponse push;
        PushAck ack;
        ack.seq = 3;
        ack.status = PushAck::Status::Rejected;
        ack.reason = QStringLiteral("scope");
        ack.message = QStringLiteral("Fuera de su sede");
        push.acks = {ack};
        push.expectedSeq = 4;
        b.pushResults = {push};
        ServerBundle::Scope scope;
        scope.request = pcBundle().pulls.first();
        scope.request.deviceId = b.deviceId;
        PullResponse page;
        PulledRow row;
        row.table = QStringLiteral("t_items");
        row.id = QStringLiteral("x");
        row.version = 43;
        row.data = {{QStringLiteral("id"), QStringLiteral("x")}};
        page.rows = {row};
        page.nextCursor = 43;
        page.checksum = SyncProtocol::pageChecksum(page.rows);
        scope.pages = {page};
        ServerBundle::Scope refused;
        refused.request = scope.request;
        refused.error = QStringLiteral("Su usuario solo puede…");
        b.scopes = {scope, refused};
        b.pushError = QStringLiteral("Faltan cambios");
        b.auditAnchor = ServerBundle::AnchorEcho{9, QString(64, 'a'), b.createdAt};
        b.auditAnchorStatus = QStringLiteral("recorded");

        QString error;
        const auto parsed = ServerBundle::fromJson(b.toJson(), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->toJson(), b.toJson());
        QCOMPARE(parsed->pushResults.first().acks.first().status, PushAck::Status::Rejected);
        QCOMPARE(parsed->scopes.size(), 2);
        QCOMPARE(parsed->scopes.at(0).pages.first().rows.first().version, 43);
        QCOMPARE(parsed->scopes.at(1).error, refused.error);
        QCOMPARE(parsed->pushError, b.pushError);

        QJsonObject broken = b.toJson();
        broken.insert(QStringLiteral("scopes"), QJsonArray{QJsonObject{{"pages", QJsonArray()}}});
        QVERIFY(!ServerBundle::fromJson(broken, &error));
        QVERIFY(!ServerBundle::fromJson(pcBundle().toJson(), &error));
    }
};

QTEST_GUILESS_MAIN(TestBundleMessages)
#include "tst_bundlemessages.moc"
