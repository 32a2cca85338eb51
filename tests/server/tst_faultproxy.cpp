// FaultProxy (tests/support): every fault proved against a real tambo-server over TLS, in the
// byte-level mode and in the TLS-terminating mode. The server's own JSON log (one "request" line
// per answered request, with the X-Request-Id we send) tells what the server really saw.
#include "FaultProxy.h"
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "TestClient.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

#include <sodium.h>

#include <csignal>
#include <memory>
#include <thread>

using tambo::test::FaultProxy;
using tambo::test::ServerFixture;
using tambo::test::ServerProcess;
using tambo::test::TestClient;
using Fault = FaultProxy::Fault;
using Action = FaultProxy::Action;

class TestFaultProxy : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_server;

    TestClient clientOf(const FaultProxy &proxy) const
    {
        return TestClient(proxy.port(), m_fx.certificate().certificatePath());
    }
    std::unique_ptr<FaultProxy> rawProxy() const
    {
        auto p = std::make_unique<FaultProxy>(QStringLiteral("127.0.0.1"), m_server->port());
        QString error;
        if (!p->start(&error))
            qWarning("%s", qPrintable(error));
        return p;
    }
    std::unique_ptr<FaultProxy> tlsProxy() const
    {
        auto p = std::make_unique<FaultProxy>(QStringLiteral("127.0.0.1"), m_server->port());
        const QString cert = m_fx.certificate().certificatePath();
        p->setTlsTermination(cert, m_fx.certificate().privateKeyPath(), cert);
        QString error;
        if (!p->start(&error))
            qWarning("%s", qPrintable(error));
        return p;
    }
    static TestClient::Reply health(TestClient &c, const char *requestId)
    {
        return c.get(QStringLiteral("/v1/health"), httplib::Headers{{"X-Request-Id", requestId}});
    }
    // The server's "request" log lines for one request id, in log order.
    int seenByServer(const QString &requestId) const
    {
        int n = 0;
        for (const QJsonObject &line : m_server->logLines(QStringLiteral("request"))) {
            if (line.value(QStringLiteral("request_id")).toString() == requestId)
                ++n;
        }
        return n;
    }
    int logPosition(const QString &requestId) const
    {
        const QList<QJsonObject> lines = m_server->logLines(QStringLiteral("request"));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines.at(i).value(QStringLiteral("request_id")).toString() == requestId)
                return int(i);
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        TAMBO_SETUP_SERVER_FIXTURE(m_fx);
        m_server = std::make_unique<ServerProcess>(m_fx.dir() + QStringLiteral("/server.log"));
        QString error;
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

    void passForwardsTlsUntouched_data()
    {
        QTest::addColumn<bool>("terminating");
        QTest::addRow("byte level") << false;
        QTest::addRow("tls terminating") << true;
    }
    void passForwardsTlsUntouched()
    {
        QFETCH(bool, terminating);
        auto proxy = terminating ? tlsProxy() : rawProxy();
        QVERIFY(proxy->port() > 0);
        TestClient c = clientOf(*proxy);
        const QByteArray id = terminating ? "pass-tls" : "pass-raw";
        const TestClient::Reply r = health(c, id.constData());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(r.header("X-Request-Id"), QString::fromLatin1(id));
        QTRY_COMPARE(proxy->counters().finished, 1);
        const FaultProxy::Counters n = proxy->counters();
        QCOMPARE(n.connections, 1);
        QCOMPARE(n.count(Fault::Pass), 1);
        QVERIFY(n.bytesFromServer > 0);
        QCOMPARE(n.bytesToClients, n.bytesFromServer);
        QCOMPARE(n.bytesToServer, n.bytesFromClients);
        QCOMPARE(n.bytesDiscarded, 0);
        QTRY_COMPARE(seenByServer(QString::fromLatin1(id)), 1);
    }

    void refuseAndDropGiveAConnectionError_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addRow("refuse") << int(Fault::Refuse);
        QTest::addRow("drop") << int(Fault::Drop);
    }
    void refuseAndDropGiveAConnectionError()
    {
        QFETCH(int, fault);
        auto proxy = rawProxy();
        proxy->enqueue(Action{Fault(fault), 0, 0});
        TestClient c = clientOf(*proxy);
        const QByteArray id = "lost-" + QByteArray::number(fault);
        const TestClient::Reply r = health(c, id.constData());
        QCOMPARE(r.status, 0);
        QVERIFY2(r.error != httplib::Error::Success, qPrintable(r.errorText()));
        QTRY_COMPARE(proxy->counters().finished, 1);
        FaultProxy::Counters n = proxy->counters();
        QCOMPARE(n.count(Fault(fault)), 1);
        QCOMPARE(n.bytesToServer, 0); // nothing reached the server
        if (Fault(fault) == Fault::Drop)
            QVERIFY(n.bytesFromClients > 0); // it read the client's first bytes, then closed
        else
            QCOMPARE(n.bytesFromClients, 0);
        // The queue is spent: the next connection passes again.
        QCOMPARE(health(c, "after-lost").status, 200);
        n = proxy->counters();
        QCOMPARE(n.connections, 2);
        QCOMPARE(n.count(Fault::Pass), 1);
        QCOMPARE(seenByServer(QString::fromLatin1(id)), 0);
    }

    void delayIsObserved()
    {
        auto proxy = rawProxy();
        proxy->enqueue(Action::delay(800));
        TestClient c = clientOf(*proxy);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(health(c, "delayed").status, 200);
        QVERIFY2(timer.elapsed() >= 800, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(proxy->counters().count(Fault::Delay), 1);
        QTRY_COMPARE(seenByServer(QStringLiteral("delayed")), 1);
    }

    void cutMidwayTruncatesTheAnswerAfterTheServerDidTheWork_data()
    {
        QTest::addColumn<bool>("terminating");
        QTest::addRow("byte level") << false;
        QTest::addRow("tls terminating") << true;
    }
    void cutMidwayTruncatesTheAnswerAfterTheServerDidTheWork()
    {
        QFETCH(bool, terminating);
        auto proxy = terminating ? tlsProxy() : rawProxy();
        TestClient c = clientOf(*proxy);
        // Byte level, the TLS handshake is part of the stream: measure a whole exchange (same
        // request, same id length) and cut 60 bytes before its end: past the server's 24-byte
        // close_notify alert, inside the record that carries the JSON body.
        // Terminating, the bytes are HTTP: cut after the status line's first 40 bytes.
        qint64 cutAt = 40;
        if (!terminating) {
            QCOMPARE(health(c, "measure1").status, 200);
            QTRY_COMPARE(proxy->counters().finished, 1);
            cutAt = proxy->counters().bytesToClients - 60;
        }
        const qint64 before = proxy->counters().bytesToClients;
        proxy->enqueue(Action::cut(cutAt));
        const QByteArray id = terminating ? "cutmid-t" : "cutmid-r";
        const TestClient::Reply r = health(c, id.constData());
        QCOMPARE(r.status, 0);
        QVERIFY2(r.error != httplib::Error::Success, qPrintable(r.errorText()));
        QTRY_COMPARE(proxy->counters().count(Fault::Cut), 1);
        QCOMPARE(proxy->counters().bytesToClients - before, cutAt);
        // The server answered it in full: only the client lost the end of it.
        QTRY_COMPARE(seenByServer(QString::fromLatin1(id)), 1);
    }

    void stallLosesTheWholeAnswer()
    {
        auto proxy = tlsProxy();
        proxy->enqueue(Action::stall());
        TestClient c = clientOf(*proxy);
        const TestClient::Reply r = health(c, "stalled-1");
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != httplib::Error::Success);
        QTRY_COMPARE(seenByServer(QStringLiteral("stalled-1")), 1);
        const FaultProxy::Counters n = proxy->counters();
        QCOMPARE(n.bytesToClients, 0);
        QCOMPARE(n.bytesDiscarded, n.bytesFromServer);
    }

    void duplicateReachesTheServerTwiceWhenTerminating()
    {
        auto proxy = tlsProxy();
        proxy->enqueue(Action::duplicate());
        TestClient c = clientOf(*proxy);
        const TestClient::Reply r = health(c, "dup-tls-1");
        QCOMPARE(r.status, 200); // the client sees one answer…
        QTRY_COMPARE(proxy->counters().duplicatesDone, 1);
        QTRY_COMPARE(seenByServer(QStringLiteral("dup-tls-1")), 2); // …the server two requests
        QVERIFY(proxy->counters().bytesDiscarded > 0);              // the duplicate's answer
        QCOMPARE(proxy->counters().connections, 1);
    }

    void duplicateBytesAreRefusedByTlsAtByteLevel()
    {
        // A byte-for-byte replay of a TLS connection fails the handshake: the server never sees
        // the request a second time. (What FaultProxy's header promises for Raw mode.)
        auto proxy = rawProxy();
        proxy->enqueue(Action::duplicate());
        TestClient c = clientOf(*proxy);
        QCOMPARE(health(c, "dup-raw-1").status, 200);
        QTRY_COMPARE(proxy->counters().duplicatesDone, 1);
        QTest::qWait(200);
        QCOMPARE(seenByServer(QStringLiteral("dup-raw-1")), 1);
    }

    void reorderLetsTheNextConnectionOvertake()
    {
        auto proxy = rawProxy();
        proxy->setReorderTimeoutMs(20000);
        proxy->enqueue({Action::reorder(), Action::pass()});
        TestClient::Reply first;
        const QString cert = m_fx.certificate().certificatePath();
        const int port = proxy->port();
        std::thread held([&first, cert, port] {
            TestClient c(port, cert);
            first = health(c, "order-1");
        });
        QTRY_COMPARE(proxy->counters().connections, 1); // the first one is accepted and held
        TestClient c = clientOf(*proxy);
        QElapsedTimer timer;
        timer.start();
        const TestClient::Reply second = health(c, "order-2");
        held.join();
        QCOMPARE(second.status, 200);
        QCOMPARE(first.status, 200);
        QVERIFY2(timer.elapsed() < 15000, "released by the second connection, not the timeout");
        QTRY_COMPARE(seenByServer(QStringLiteral("order-1")), 1);
        QVERIFY(logPosition(QStringLiteral("order-2")) >= 0);
        QVERIFY2(logPosition(QStringLiteral("order-2")) < logPosition(QStringLiteral("order-1")),
                 "the server saw the second request first");
        QCOMPARE(proxy->counters().count(Fault::Reorder), 1);
    }

    void reorderTimesOutWhenNobodyComes()
    {
        auto proxy = rawProxy();
        proxy->setReorderTimeoutMs(300);
        proxy->enqueue(Action::reorder());
        TestClient c = clientOf(*proxy);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(health(c, "order-alone").status, 200);
        QVERIFY(timer.elapsed() >= 300);
    }

    void seededPlanIsRepeatable()
    {
        FaultProxy::Plan plan;
        plan.seed = 20260301;
        plan.weight(Fault::Pass, 3)
            .weight(Fault::Refuse, 1)
            .weight(Fault::Drop, 1)
            .weight(Fault::Delay, 1)
            .weight(Fault::Cut, 1);
        plan.minDelayMs = 5;
        plan.maxDelayMs = 40;
        plan.minCutBytes = 0;
        plan.maxCutBytes = 100; // always inside the TLS handshake: the request never completes
        const auto runPlan = [&](quint64 seed, QList<int> *statuses) {
            auto proxy = rawProxy();
            FaultProxy::Plan p = plan;
            p.seed = seed;
            proxy->setPlan(p);
            TestClient c = clientOf(*proxy);
            for (int i = 0; i < 16; ++i)
                statuses->append(health(c, "planned").status);
            return proxy->history();
        };
        QList<int> s1, s2, s3;
        const QList<Action> h1 = runPlan(plan.seed, &s1);
        const QList<Action> h2 = runPlan(plan.seed, &s2);
        const QList<Action> h3 = runPlan(plan.seed + 1, &s3);
        QCOMPARE(h1.size(), 16);
        QVERIFY(h1 == h2);
        QCOMPARE(s1, s2);
        QVERIFY(h1 != h3);
        QSet<int> kinds;
        for (qsizetype i = 0; i < h1.size(); ++i) {
            const Fault f = h1.at(i).fault;
            kinds.insert(int(f));
            const bool passes = f == Fault::Pass || f == Fault::Delay;
            QCOMPARE(s1.at(i), passes ? 200 : 0);
            if (f == Fault::Delay)
                QVERIFY(h1.at(i).delayMs >= 5 && h1.at(i).delayMs <= 40);
            if (f == Fault::Cut)
                QVERIFY(h1.at(i).cutAfterBytes >= 0 && h1.at(i).cutAfterBytes <= 100);
        }
        QVERIFY2(kinds.size() >= 3, "16 draws over 5 faults use several of them");
    }

    void seededFaultsWithRetriesApplyEveryWriteOnce()
    {
        // The pattern the sync engine relies on: retry until answered, and let the server make
        // the retry harmless. 12 device registrations through a seeded mix of faults; a cut or
        // stalled answer means the server registered it but the client does not know, so the
        // retry must answer 200 "already_registered" — exactly then, and 201 otherwise.
        QVERIFY(sodium_init() >= 0);
        QString error;
        QVERIFY2(m_fx.createUser(QStringLiteral("ana"),
                                 QStringLiteral("admin_otic"),
                                 QStringLiteral("central"),
                                 QStringLiteral("ana-clave-2026"),
                                 &error),
                 qPrintable(error));
        TestClient direct(m_server->port(), m_fx.certificate().certificatePath());
        const QString token = direct
                                  .post(QStringLiteral("/v1/auth/login"),
                                        {{QStringLiteral("username"), QStringLiteral("ana")},
                                         {QStringLiteral("password"),
                                          QStringLiteral("ana-clave-2026")}})
                                  .json.value(QStringLiteral("access_token"))
                                  .toString();
        QVERIFY(!token.isEmpty());

        auto proxy = tlsProxy();
        FaultProxy::Plan plan;
        plan.seed = qEnvironmentVariableIsSet("TAMBO_FAULT_SEED")
                        ? qEnvironmentVariable("TAMBO_FAULT_SEED").toULongLong()
                        : 7;
        plan.weight(Fault::Pass, 2)
            .weight(Fault::Refuse, 1)
            .weight(Fault::Drop, 1)
            .weight(Fault::Delay, 1)
            .weight(Fault::Cut, 2)
            .weight(Fault::Stall, 1)
            .weight(Fault::Duplicate, 1);
        plan.minDelayMs = 5;
        plan.maxDelayMs = 50;
        plan.minCutBytes = 0;
        plan.maxCutBytes = 100; // HTTP bytes: always inside the answer
        proxy->setPlan(plan);
        qInfo("fault seed %llu (set TAMBO_FAULT_SEED to replay another)", plan.seed);

        TestClient c = clientOf(*proxy);
        const int devices = 12;
        QList<int> attemptDevice; // device of each connection, in order
        QList<int> finalStatus;
        for (int d = 0; d < devices; ++d) {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            unsigned char pk[crypto_sign_PUBLICKEYBYTES];
            unsigned char sk[crypto_sign_SECRETKEYBYTES];
            crypto_sign_keypair(pk, sk);
            const QString key = QString::fromLatin1(
                QByteArray(reinterpret_cast<const char *>(pk), sizeof pk).toBase64());
            int status = 0;
            for (int attempt = 0; attempt < 30 && status == 0; ++attempt) {
                attemptDevice.append(d);
                const TestClient::Reply r = c.post(QStringLiteral("/v1/devices/register"),
                                                   {{QStringLiteral("device_id"), id},
                                                    {QStringLiteral("public_key"), key}},
                                                   token);
                QVERIFY2(r.status == 0 || r.status == 200 || r.status == 201, r.body.c_str());
                status = r.status;
                // A stalled or cut connection is closed by the proxy right after the server's
                // answer: wait until the proxy is done with it, so the order stays exact.
                QTRY_COMPARE(proxy->counters().finished, attemptDevice.size());
            }
            QVERIFY2(status != 0, "30 attempts without an answer");
            finalStatus.append(status);
        }
        const QList<Action> history = proxy->history();
        QCOMPARE(history.size(), attemptDevice.size());
        QList<bool> lostAnswer(devices, false);
        for (qsizetype i = 0; i < history.size(); ++i) {
            const Fault f = history.at(i).fault;
            if (f == Fault::Cut || f == Fault::Stall)
                lostAnswer[attemptDevice.at(i)] = true;
        }
        int lost = 0;
        for (int d = 0; d < devices; ++d) {
            QCOMPARE(finalStatus.at(d), lostAnswer.at(d) ? 200 : 201);
            lost += lostAnswer.at(d) ? 1 : 0;
        }
        QVERIFY2(lost >= 1, "the seed must lose at least one answer to prove anything");
        // Every registration is there once, whatever the proxy did (duplicates included).
        QTRY_COMPARE(proxy->counters().duplicatesDone, proxy->counters().count(Fault::Duplicate));
        qint64 rows = -1;
        {
            QSqlDatabase db = m_fx.pg().open(QStringLiteral("faults"));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM devices")) && q.next());
            rows = q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("faults"));
        QCOMPARE(rows, qint64(devices));
    }

    void retargetingMovesNewConnections()
    {
        auto proxy = std::make_unique<FaultProxy>(QStringLiteral("127.0.0.1"), 1); // nothing there
        QString error;
        QVERIFY2(proxy->start(&error), qPrintable(error));
        TestClient c = clientOf(*proxy);
        QCOMPARE(health(c, "nowhere").status, 0);
        QTRY_COMPARE(proxy->counters().upstreamFailures, 1);
        proxy->setTarget(QStringLiteral("127.0.0.1"), m_server->port());
        QCOMPARE(health(c, "somewhere").status, 200);
        proxy->stop();
        proxy->stop(); // idempotent
        QCOMPARE(health(c, "stopped").status, 0);
    }
};

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
