// tambo-server killed (SIGKILL) in the middle of a request and restarted on the same PostgreSQL
// (issue 3 item 7). The client, behind tests/support FaultProxy, gets a clear connection error,
// retries against the restarted server and succeeds; what was written before is intact and the
// retry of a write whose answer was lost is harmless (device registration is idempotent).
#include "FaultProxy.h"
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "TestClient.h"
#include "TestDeviceKeys.h"

#include <QSqlQuery>
#include <QSslSocket>
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

namespace {

const QString kUser = QStringLiteral("ana");
const QString kPassword = QStringLiteral("ana-clave-2026");

QString newPublicKey()
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    sodium_memzero(sk, sizeof sk);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(pk), sizeof pk).toBase64());
}

} // namespace

class TestServerRestart : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<FaultProxy> m_proxy;
    int m_generation = 0;

    TestClient viaProxy() const
    {
        return TestClient(m_proxy->port(), m_fx.certificate().certificatePath());
    }
    // A fresh tambo-server on the same configuration (same PostgreSQL database); the proxy,
    // like a reverse proxy, hides its new port from the client.
    void startServer()
    {
        m_server = std::make_unique<ServerProcess>(
            m_fx.dir() + QStringLiteral("/server-%1.log").arg(++m_generation));
        QString error;
        QVERIFY2(m_server->start(m_fx.configPath(), &error), qPrintable(error));
        m_proxy->setTarget(QStringLiteral("127.0.0.1"), m_server->port());
    }
    void killServer()
    {
        m_server->signal(SIGKILL);
        QVERIFY(m_server->waitForExit(10000));
        QCOMPARE(m_server->exitStatus(), QProcess::CrashExit);
    }
    static TestClient::Reply login(TestClient &c, const QString &device = {})
    {
        QJsonObject body{{QStringLiteral("username"), kUser},
                         {QStringLiteral("password"), kPassword}};
        if (!device.isEmpty())
            tambo::test::TestDeviceKeys::bindLogin(&body, device, kUser);
        return c.post(QStringLiteral("/v1/auth/login"), body);
    }
    static TestClient::Reply registerDevice(TestClient &c,
                                            const QString &token,
                                            const QString &device,
                                            const QString &key)
    {
        return c.post(QStringLiteral("/v1/devices/register"),
                      {{QStringLiteral("device_id"), device}, {QStringLiteral("public_key"), key}},
                      token);
    }
    qint64 count(const QString &sql)
    {
        qint64 n = -1;
        {
            QSqlDatabase db = m_fx.pg().open(QStringLiteral("restart-count"));
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                n = q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("restart-count"));
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        TAMBO_SETUP_SERVER_FIXTURE(m_fx);
        QString error;
        QVERIFY2(m_fx.createUser(kUser,
                                 QStringLiteral("admin_otic"),
                                 QStringLiteral("central"),
                                 kPassword,
                                 &error),
                 qPrintable(error));
        m_proxy = std::make_unique<FaultProxy>(QStringLiteral("127.0.0.1"), 1);
        const QString cert = m_fx.certificate().certificatePath();
        m_proxy->setTlsTermination(cert, m_fx.certificate().privateKeyPath(), cert);
        QVERIFY2(m_proxy->start(&error), qPrintable(error));
        startServer();
    }
    void cleanupTestCase()
    {
        if (m_server && m_server->isRunning()) {
            m_server->signal(SIGTERM);
            QVERIFY(m_server->waitForExit(15000));
            QCOMPARE(m_server->exitCode(), 0);
            QVERIFY2(!m_server->hasSanitizerReport(), qPrintable(m_server->logText()));
        }
        m_proxy.reset();
    }

    void killedWhileAnsweringAWrite()
    {
        TestClient c = viaProxy();
        const TestClient::Reply in = login(c);
        QCOMPARE(in.status, 200);
        const QString token = in.json.value(QStringLiteral("access_token")).toString();
        // Written before the crash.
        const QString before = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString beforeKey = tambo::test::TestDeviceKeys::publicKeyBase64(before);
        QCOMPARE(registerDevice(c, token, before, beforeKey).status, 201);

        // The next request reaches the server, whose answer the proxy withholds; the server is
        // killed while the client waits for it.
        const QString during = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString duringKey = newPublicKey();
        m_proxy->enqueue(FaultProxy::Action::stall());
        const qint64 forwarded = m_proxy->counters().bytesToServer;
        TestClient::Reply lost;
        const int port = m_proxy->port();
        const QString cert = m_fx.certificate().certificatePath();
        std::thread client([&] {
            TestClient t(port, cert);
            lost = registerDevice(t, token, during, duringKey);
        });
        QTRY_VERIFY(m_proxy->counters().bytesToServer > forwarded);
        QTest::qWait(100);
        killServer();
        client.join();

        // A clear error: no HTTP status, a transport error the sync engine can retry on.
        QCOMPARE(lost.status, 0);
        QVERIFY(lost.error != httplib::Error::Success);
        QVERIFY(!lost.errorText().isEmpty());

        // While nothing runs, the client keeps getting connection errors, not hangs.
        const TestClient::Reply nobody = c.get(QStringLiteral("/v1/health"));
        QCOMPARE(nobody.status, 0);

        startServer();
        // The retry succeeds: registered now, or already by the lost request. Either is fine.
        const TestClient::Reply retry = registerDevice(c, token, during, duringKey);
        QVERIFY2(retry.status == 201 || retry.status == 200, retry.body.c_str());
        const TestClient::Reply again = registerDevice(c, token, during, duringKey);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("already_registered"));
        // What was written before the crash is intact: the device, its key, the token.
        const TestClient::Reply old = registerDevice(c, token, before, beforeKey);
        QCOMPARE(old.status, 200);
        QCOMPARE(old.json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("already_registered"));
        QCOMPARE(login(c, before).status, 200);
        QCOMPARE(c.get(QStringLiteral("/v1/auth/session"), token).status, 200);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM devices")), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users")), 1);
    }

    void killedBeforeTheRequestArrives()
    {
        // The proxy holds the connection; the server dies meanwhile; the proxy then cannot reach
        // it and closes the client's connection.
        m_proxy->enqueue(FaultProxy::Action::delay(3000));
        const int accepted = m_proxy->counters().connections;
        const int failures = m_proxy->counters().upstreamFailures;
        TestClient::Reply lost;
        const int port = m_proxy->port();
        const QString cert = m_fx.certificate().certificatePath();
        std::thread client([&] {
            TestClient t(port, cert);
            lost = login(t);
        });
        QTRY_COMPARE(m_proxy->counters().connections, accepted + 1);
        killServer();
        client.join();
        QCOMPARE(lost.status, 0);
        QVERIFY(lost.error != httplib::Error::Success);
        QCOMPARE(m_proxy->counters().upstreamFailures, failures + 1);

        startServer();
        TestClient c = viaProxy();
        const TestClient::Reply in = login(c);
        QCOMPARE(in.status, 200);
        QCOMPARE(c.get(QStringLiteral("/v1/auth/session"),
                       in.json.value(QStringLiteral("access_token")).toString())
                     .status,
                 200);
        QCOMPARE(c.get(QStringLiteral("/v1/health")).status, 200);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM devices")), 2);
    }

    void killedWhileReadingTheRequestOnLoopback()
    {
        // Straight to the server (no proxy): half a request body is on the wire when it dies.
        QSslSocket tls;
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        tls.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(m_server->port()));
        QVERIFY2(tls.waitForEncrypted(10000), qPrintable(tls.errorString()));
        const QByteArray body = R"({"username":"ana","password":"ana-clave-2026"})";
        tls.write("POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                  "application/json\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\n\r\n" + body.left(10));
        QVERIFY(tls.waitForBytesWritten(5000));
        QTest::qWait(200);
        killServer();
        // The connection ends without an HTTP answer.
        tls.waitForDisconnected(5000);
        QCOMPARE(tls.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(!tls.readAll().startsWith("HTTP/1.1"));

        startServer();
        TestClient c = viaProxy();
        QCOMPARE(login(c).status, 200);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM devices")), 2);
    }
};

QTEST_GUILESS_MAIN(TestServerRestart)
#include "tst_serverrestart.moc"
