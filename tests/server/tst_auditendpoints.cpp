// AuditEndpoints through a real tambo-server process on a real PostgreSQL: POST and GET
// /v1/audit/anchors at the protocol level (hostile requests included), and the whole audit
// anchoring path: a PC's sync run sends its anchors, an intruder with the store key rewrites an
// audit row and recomputes the chain (the local check passes), and `tambo-admin audit verify
// --server` names the rewritten row (docs/sync-protocol.md §7.7).
#include "AuditRewriter.h"
#include "FakeClock.h"
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "TestClient.h"
#include "TestDeviceKeys.h"

#include "audit/AuditLog.h"
#include "migrations/CoreSchema.h"
#include "store/Store.h"
#include "sync/AuditAnchor.h"
#include "sync/AuditAnchorState.h"
#include "sync/BundleKeyPair.h"
#include "sync/BundleState.h"
#include "sync/LocalSyncStore.h"
#include "sync/ServerEnrollment.h"
#include "sync/SyncHttpClient.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncSchema.h"
#include "sync/SyncSession.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sodium.h>

#include <memory>

using tambo::core::AuditAnchor;
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

QString hashOf(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

struct Device
{
    QString id;
    QString token;
};

} // namespace

class TestAuditEndpoints : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_work;

    TestClient client()
    {
        return TestClient(m_server->port(), m_fx.certificate().certificatePath());
    }

    Device enroll(const QString &user = QStringLiteral("inv.central"),
                  const QString &password = QStringLiteral("central-clave-2026"))
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

    // An anchor of `about`, signed with the key of `signer`.
    static QJsonObject anchorBody(const QString &about,
                                  qint64 seq,
                                  const QString &hash,
                                  const QString &signer)
    {
        return AuditAnchor::sign(TestDeviceKeys::forDevice(signer).secretKey,
                                 QUuid::fromString(about),
                                 seq,
                                 hash)
            .toJson();
    }

    TestClient::Reply postAnchor(const Device &d, const QJsonObject &body)
    {
        return client().post(SyncProtocol::auditAnchorsPath(), body, d.token);
    }

    TestClient::Reply listAnchors(const Device &d, const QString &query)
    {
        return client().get(SyncProtocol::auditAnchorsPath() + QLatin1Char('?') + query, d.token);
    }

    qint64 pgScalar(const QString &sql)
    {
        QSqlDatabase db = m_fx.pg().open("audit-endpoints-check");
        qint64 v = -1;
        {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                v = q.value(0).toLongLong();
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase("audit-endpoints-check");
        return v;
    }

    qint64 anchorsOf(const QString &device)
    {
        return pgScalar(
            QStringLiteral("SELECT count(*) FROM audit_anchors WHERE device_id = '%1'").arg(device));
    }

    void serverIsUp()
    {
        const auto health = client().get("/v1/health");
        QCOMPARE(health.status, 200);
        QVERIFY(m_server->isRunning());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        QVERIFY(m_work.isValid());
        TAMBO_SETUP_SERVER_FIXTURE(m_fx);
        QString error;
        QVERIFY2(m_fx.createUser("inv.central",
                                 "patrimonio_inventariador",
                                 "central",
                                 "central-clave-2026",
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

    void anchorIsRecordedOnceAndListed()
    {
        const Device d = enroll();
        const auto first = postAnchor(d, anchorBody(d.id, 3, hashOf("3"), d.id));
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json.value("status").toString(), QStringLiteral("recorded"));
        QCOMPARE(first.json.value("seq").toInt(), 3);
        QVERIFY(first.json.value("received_at").toString().endsWith('Z'));
        const auto again = postAnchor(d, anchorBody(d.id, 3, hashOf("3"), d.id));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value("status").toString(), QStringLiteral("already_recorded"));
        QCOMPARE(postAnchor(d, anchorBody(d.id, 8, hashOf("8"), d.id)).status, 201);

        const auto list = listAnchors(d, "device_id=" + d.id);
        QCOMPARE(list.status, 200);
        const QJsonArray anchors = list.json.value("anchors").toArray();
        QCOMPARE(anchors.size(), 2);
        QCOMPARE(anchors.at(0).toObject().value("seq").toInt(), 3);
        QCOMPARE(anchors.at(1).toObject().value("hash").toString(), hashOf("8"));
        QVERIFY(!list.json.value("more").toBool());
        const auto paged = listAnchors(d, "device_id=" + d.id + "&after_seq=0&limit=1");
        QCOMPARE(paged.json.value("anchors").toArray().size(), 1);
        QVERIFY(paged.json.value("more").toBool());
        const auto after = listAnchors(d, "device_id=" + d.id + "&after_seq=3");
        QCOMPARE(after.json.value("anchors").toArray().size(), 1);
    }

    void lowerOrSameSeqWithAnotherHashIsATamperSignal()
    {
        const Device d = enroll();
        QCOMPARE(postAnchor(d, anchorBody(d.id, 10, hashOf("10"), d.id)).status, 201);
        const auto rewritten = postAnchor(d, anchorBody(d.id, 10, hashOf("otro"), d.id));
        QCOMPARE(rewritten.status, 409);
        QCOMPARE(rewritten.json.value("error").toString(), QStringLiteral("anchor_conflict"));
        QCOMPARE(rewritten.json.value("last_seq").toInt(), 10);
        QVERIFY(rewritten.json.value("message").toString().contains(QStringLiteral("OTIC")));
        const auto lower = postAnchor(d, anchorBody(d.id, 4, hashOf("4"), d.id));
        QCOMPARE(lower.status, 409);
        QCOMPARE(anchorsOf(d.id), 1);
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM audit_anchor_refusals WHERE "
                                         "device_id = '%1'")
                              .arg(d.id)),
                 2);
        // The server's log says it, with the device, for OTIC.
        bool logged = false;
        for (const QJsonObject &line : m_server->logLines(QStringLiteral("audit anchor refused")))
            logged |= line.value("device").toString() == d.id
                      && line.value("level").toString() == QStringLiteral("warning");
        QVERIFY(logged);
        serverIsUp();
    }

    void anotherDevicesAnchorIsRefused()
    {
        const Device a = enroll();
        const Device b = enroll();
        // B's genuine anchor sent with A's session.
        const auto r = postAnchor(a, anchorBody(b.id, 1, hashOf("b1"), b.id));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json.value("error").toString(), QStringLiteral("device_mismatch"));
        // A forged device id in the body: A's session, B's id, signed by A.
        const auto forged = postAnchor(a, anchorBody(b.id, 1, hashOf("b1"), a.id));
        QCOMPARE(forged.status, 403);
        // A's id with B's signature.
        const auto stolen = postAnchor(a, anchorBody(a.id, 1, hashOf("a1"), b.id));
        QCOMPARE(stolen.status, 400);
        QCOMPARE(stolen.json.value("error").toString(), QStringLiteral("invalid_signature"));
        // Reading B's anchors with A's session.
        QCOMPARE(listAnchors(a, "device_id=" + b.id).status, 403);
        QCOMPARE(anchorsOf(a.id), 0);
        QCOMPARE(anchorsOf(b.id), 0);
        serverIsUp();
    }

    void badSignatureIsRefused()
    {
        const Device d = enroll();
        QJsonObject body = anchorBody(d.id, 2, hashOf("2"), d.id);
        body.insert("hash", hashOf("not what was signed"));
        QCOMPARE(postAnchor(d, body).status, 400);
        body = anchorBody(d.id, 2, hashOf("2"), d.id);
        body.insert("seq", 3);
        QCOMPARE(postAnchor(d, body).status, 400);
        body.insert("signature", QString::fromLatin1(QByteArray(64, '\0').toBase64()));
        const auto zeros = postAnchor(d, body);
        QCOMPARE(zeros.status, 400);
        QCOMPARE(zeros.json.value("error").toString(), QStringLiteral("invalid_signature"));
        QCOMPARE(anchorsOf(d.id), 0);
        serverIsUp();
    }

    void sessionsNotBoundToTheDeviceAreRefused()
    {
        const Device d = enroll();
        const QJsonObject body = anchorBody(d.id, 1, hashOf("1"), d.id);
        QCOMPARE(client().post(SyncProtocol::auditAnchorsPath(), body).status, 401);
        QCOMPARE(client().post(SyncProtocol::auditAnchorsPath(), body, "tambo_at_nada").status, 401);
        const QString unbound = client()
                                    .post("/v1/auth/login",
                                          {{"username", "inv.central"},
                                           {"password", "central-clave-2026"}})
                                    .json.value("access_token")
                                    .toString();
        QCOMPARE(client().post(SyncProtocol::auditAnchorsPath(), body, unbound).status, 403);
        QCOMPARE(client().get(SyncProtocol::auditAnchorsPath() + "?device_id=" + d.id, unbound).status,
                 403);
        QCOMPARE(client().get(SyncProtocol::auditAnchorsPath() + "?device_id=" + d.id).status, 401);
        QCOMPARE(anchorsOf(d.id), 0);
    }

    void malformedOrHugeBodiesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        const QByteArray json = "application/json";
        QTest::newRow("not json") << QByteArray("seq=1") << json << 400;
        QTest::newRow("array") << QByteArray("[1,2]") << json << 400;
        QTest::newRow("empty object") << QByteArray("{}") << json << 400;
        QTest::newRow("text/plain") << QByteArray("{}") << QByteArray("text/plain") << 415;
        QTest::newRow("deep nesting") << QByteArray(3000, '[') << json << 400;
        QTest::newRow("larger than an anchor")
            << ("{\"pad\":\"" + QByteArray(8000, 'x') + "\"}") << json << 413;
        QTest::newRow("larger than any request")
            << ("{\"pad\":\"" + QByteArray(9 * 1024 * 1024, 'x') + "\"}") << json << 413;
    }

    void malformedOrHugeBodiesAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        const Device d = enroll();
        const auto r = client().postRaw(SyncProtocol::auditAnchorsPath(),
                                        body.toStdString(),
                                        contentType.toStdString(),
                                        d.token);
        QCOMPARE(r.status, status);
        QCOMPARE(anchorsOf(d.id), 0);
        serverIsUp();
    }

    void malformedFieldsAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("seq 0") << "seq" << QJsonValue(0);
        QTest::newRow("seq text") << "seq" << QJsonValue("5");
        QTest::newRow("seq fraction") << "seq" << QJsonValue(2.5);
        QTest::newRow("seq huge") << "seq" << QJsonValue(1e300);
        QTest::newRow("hash short") << "hash" << QJsonValue(QString(63, 'a'));
        QTest::newRow("hash object") << "hash" << QJsonValue(QJsonObject{{"a", 1}});
        QTest::newRow("signature short")
            << "signature" << QJsonValue(QString::fromLatin1(QByteArray(10, 's').toBase64()));
        QTest::newRow("device not a uuid") << "device_id" << QJsonValue("PC-01");
    }

    void malformedFieldsAreRefused()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        const Device d = enroll();
        QJsonObject body = anchorBody(d.id, 5, hashOf("5"), d.id);
        body.insert(field, value);
        const auto r = postAnchor(d, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(anchorsOf(d.id), 0);
    }

    void malformedListQueriesAreRefused()
    {
        const Device d = enroll();
        QCOMPARE(listAnchors(d, "device_id=nada").status, 400);
        QCOMPARE(listAnchors(d, "").status, 400);
        QCOMPARE(listAnchors(d, "device_id=" + d.id + "&after_seq=-1").status, 400);
        QCOMPARE(listAnchors(d, "device_id=" + d.id + "&limit=abc").status, 400);
        QCOMPARE(listAnchors(d, "device_id=" + d.id + "&limit=0").status, 400);
        QCOMPARE(listAnchors(d, "device_id=" + d.id + "&limit=99999999").status, 200);
        serverIsUp();
    }

    void aRevokedDeviceCannotAnchor()
    {
        const Device d = enroll();
        QVERIFY(m_fx.exec(QStringLiteral("UPDATE devices SET revoked_at = now(), revoked_by = "
                                         "registered_by, revoke_reason = 'robado' WHERE "
                                         "device_id = '%1'")
                              .arg(d.id)));
        QVERIFY(m_fx.exec(QStringLiteral("UPDATE tokens SET revoked_at = now() WHERE device_id "
                                         "= '%1'")
                              .arg(d.id)));
        const auto r = postAnchor(d, anchorBody(d.id, 1, hashOf("1"), d.id));
        QVERIFY2(r.status == 401 || r.status == 403, r.body.c_str());
        QCOMPARE(anchorsOf(d.id), 0);
    }

    // The whole path: a real workspace store (tambo-admin init), synced in-process with
    // SyncSession (which sends the anchors), rewritten by an intruder who holds the store key,
    // then verified by the real tambo-admin against the server.
    void aRewrittenAuditLogIsFoundThroughTheServer()
    {
        const QString admin = QStringLiteral(TAMBO_ADMIN_EXE);
        const QString storePath = m_work.filePath(QStringLiteral("pc.db"));
        const QString keyPath = m_work.filePath(QStringLiteral("pc.key"));
        const QByteArray storeKey = tambo::core::BundleKeyPair::generate().publicKey; // 32 bytes
        {
            QFile keyFile(keyPath);
            QVERIFY(keyFile.open(QIODevice::WriteOnly));
            keyFile.write(storeKey);
        }
        const auto runAdmin = [&](const QStringList &args, const QByteArray &input = {}) {
            QProcess p;
            p.start(admin,
                    args
                        + QStringList{QStringLiteral("--store"),
                                      storePath,
                                      QStringLiteral("--key-file"),
                                      keyPath});
            p.waitForStarted();
            p.write(input);
            p.closeWriteChannel();
            p.waitForFinished(120000);
            return std::make_tuple(p.exitCode(),
                                   QString::fromUtf8(p.readAllStandardOutput()),
                                   QString::fromUtf8(p.readAllStandardError()));
        };
        auto [code, out, err] = runAdmin({QStringLiteral("init")}, "Clave-Admin-2026!\n");
        QVERIFY2(code == 0, qPrintable(err));

        tambo::test::FakeClock clock;
        auto opened = tambo::core::Store::open(storePath,
                                               storeKey,
                                               tambo::core::Store::OpenMode::MustExist);
        QVERIFY2(opened.ok(), qPrintable(opened.error));
        auto &store = *opened.store;
        QSqlDatabase db = store.database();
        const QString deviceText = tambo::core::CoreSchema::deviceId(db);
        const QUuid device = QUuid::fromString(deviceText);
        QVERIFY(!device.isNull());
        tambo::core::AuditLog audit(store, clock, deviceText);
        const auto addAuditRows = [&](int n) {
            for (int i = 0; i < n; ++i) {
                QVERIFY(audit.append({QStringLiteral("ana"),
                                      QStringLiteral("asset"),
                                      QString::number(i),
                                      QStringLiteral("update"),
                                      {},
                                      {{QStringLiteral("estado"), QStringLiteral("R")}}}));
                clock.advanceSecs(60);
            }
        };

        // The PC connects to the server and syncs: each run anchors the head of its chain.
        tambo::core::SyncHttpClient http(
            {QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port())),
             m_fx.certificate().certificatePath(),
             30000,
             nullptr});
        QString error;
        const tambo::core::BundleKeyPair deviceKey = tambo::core::BundleState(db).deviceKey(&error);
        QVERIFY2(deviceKey.isValid(), qPrintable(error));
        const auto enrolled = tambo::core::ServerEnrollment(http, device, deviceKey, "PC-audit")
                                  .enroll(QStringLiteral("inv.central"),
                                          QStringLiteral("central-clave-2026"));
        QVERIFY2(enrolled.ok, qPrintable(enrolled.message));
        tambo::core::LocalSyncStore local(db, tambo::core::SyncSchema::syncedTables(), clock);
        tambo::core::SyncSession::Options options;
        options.deviceId = device;
        const auto sync = [&] { return tambo::core::SyncSession(local, http, options).run(); };
        auto r = sync();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.anchor, tambo::core::SyncSession::AnchorOutcome::Recorded);
        const qint64 firstHead = tambo::core::AuditAnchorState(db).head()->seq;
        QVERIFY(firstHead > 0);
        QCOMPARE(sync().anchor, tambo::core::SyncSession::AnchorOutcome::NotNeeded);
        addAuditRows(1); // the row the intruder will rewrite: firstHead + 1
        QCOMPARE(sync().anchor, tambo::core::SyncSession::AnchorOutcome::Recorded);
        addAuditRows(3);
        QCOMPARE(sync().anchor, tambo::core::SyncSession::AnchorOutcome::Recorded);
        const qint64 target = firstHead + 1;
        QCOMPARE(anchorsOf(deviceText), 3);
        QCOMPARE(tambo::core::AuditAnchorState(db).lastAcknowledged().anchor.seq, firstHead + 4);

        // The intruder, with the store key: rewrites the row and recomputes the chain and the
        // head. The PC's own check passes.
        QVERIFY2(tambo::test::AuditRewriter(db).rewrite(target,
                                                        R"({"estado":"B","nota":"nunca pasó"})",
                                                        &error),
                 qPrintable(error));
        QVERIFY(audit.verify().ok());
        // The acknowledged anchor kept on the PC still has the old head: it tells (tambo-admin
        // opens the store next to this connection)…
        std::tie(code, out, err) = runAdmin({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(code == 3, qPrintable(QStringLiteral("exit %1\n%2%3").arg(code).arg(out, err)));
        // …and the next sync's anchor no longer matches the server's: refused, a tamper signal
        // (the data sync goes on; the same refusal is not sent again every run).
        r = sync();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.anchor, tambo::core::SyncSession::AnchorOutcome::Refused);
        QCOMPARE(sync().anchor, tambo::core::SyncSession::AnchorOutcome::Refused);
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM audit_anchor_refusals WHERE "
                                         "device_id = '%1'")
                              .arg(deviceText)),
                 1);
        QCOMPARE(anchorsOf(deviceText), 3);

        // A careful intruder rewrites the acknowledged anchor as well: the PC alone cannot tell
        // any more, and says which copy it compared with.
        tambo::core::AuditAnchorState::Acknowledged covered = tambo::core::AuditAnchorState(db)
                                                                  .lastAcknowledged();
        covered.anchor = *tambo::core::AuditAnchorState(db).head();
        QVERIFY(tambo::core::AuditAnchorState(db).setAcknowledged(covered));
        std::tie(code, out, err) = runAdmin({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(code == 0, qPrintable(err + out));
        QVERIFY2(out.contains(QStringLiteral("--server")), qPrintable(out));
        QCOMPARE(sync().anchor, tambo::core::SyncSession::AnchorOutcome::NotNeeded);

        // Against the server's anchors, tambo-admin names the rewritten row.
        const QStringList viaServer{QStringLiteral("audit"),
                                    QStringLiteral("verify"),
                                    QStringLiteral("--server"),
                                    QStringLiteral("https://127.0.0.1:%1").arg(m_server->port()),
                                    QStringLiteral("--ca"),
                                    m_fx.certificate().certificatePath(),
                                    QStringLiteral("--user"),
                                    QStringLiteral("inv.central")};
        std::tie(code, out, err) = runAdmin(viaServer, "central-clave-2026\n");
        QVERIFY2(code == 3, qPrintable(QStringLiteral("exit %1\n%2%3").arg(code).arg(out, err)));
        const QRegularExpression names(QStringLiteral("\\b%1\\b").arg(target));
        QVERIFY2(names.match(err.section(QLatin1Char('\n'), 0, 0)).hasMatch(), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("127.0.0.1")), qPrintable(err)); // says the source
        // A wrong password is a runtime error, not a verdict.
        std::tie(code, out, err) = runAdmin(viaServer, "otra-clave\n");
        QCOMPARE(code, 1);
        serverIsUp();
    }
};

QTEST_GUILESS_MAIN(TestAuditEndpoints)
#include "tst_auditendpoints.moc"
