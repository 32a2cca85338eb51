// Stateless tambo-server instances (issue 3 item 1, ADR 0004): two processes on one PostgreSQL
// serve the same clients. Whatever one instance issues, rotates, registers or revokes, the other
// honours on the next request; killing one leaves the other serving, and a client behind a
// proxy (tests/support FaultProxy, standing in for the reverse proxy) moves from A to B.
#include "FaultProxy.h"
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "TestClient.h"
#include "TestDeviceKeys.h"

#include <QUuid>
#include <QtTest>

#include <sodium.h>

#include <csignal>
#include <memory>

using tambo::test::FaultProxy;
using tambo::test::ServerFixture;
using tambo::test::ServerProcess;
using tambo::test::TestClient;

namespace {

const QString kAna = QStringLiteral("ana");
const QString kAnaPassword = QStringLiteral("ana-clave-2026");
const QString kBeto = QStringLiteral("beto");
const QString kBetoPassword = QStringLiteral("beto-clave-2026");

QString newDeviceId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestStatelessServers : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;

    TestClient clientOf(int port) const
    {
        return TestClient(port, m_fx.certificate().certificatePath());
    }
    TestClient a() const { return clientOf(m_a->port()); }
    TestClient b() const { return clientOf(m_b->port()); }

    static TestClient::Reply login(TestClient &c,
                                   const QString &user,
                                   const QString &password,
                                   const QString &device = {})
    {
        QJsonObject body{{QStringLiteral("username"), user}, {QStringLiteral("password"), password}};
        if (!device.isEmpty())
            tambo::test::TestDeviceKeys::bindLogin(&body, device, user);
        return c.post(QStringLiteral("/v1/auth/login"), body);
    }
    static QString access(const TestClient::Reply &r)
    {
        return r.json.value(QStringLiteral("access_token")).toString();
    }
    static QString refreshToken(const TestClient::Reply &r)
    {
        return r.json.value(QStringLiteral("refresh_token")).toString();
    }
    static QString userOf(const TestClient::Reply &session)
    {
        return session.json.value(QStringLiteral("user"))
            .toObject()
            .value(QStringLiteral("username"))
            .toString();
    }
    static TestClient::Reply registerDevice(TestClient &c,
                                            const QString &token,
                                            const QString &device,
                                            const QString &key)
    {
        return c.post(QStringLiteral("/v1/devices/register"),
                      {{QStringLiteral("device_id"), device},
                       {QStringLiteral("public_key"), key},
                       {QStringLiteral("name"), QStringLiteral("PC-PRUEBA")}},
                      token);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        TAMBO_SETUP_SERVER_FIXTURE(m_fx);
        QString error;
        QVERIFY2(m_fx.createUser(kAna,
                                 QStringLiteral("admin_otic"),
                                 QStringLiteral("central"),
                                 kAnaPassword,
                                 &error),
                 qPrintable(error));
        QVERIFY2(m_fx.createUser(kBeto,
                                 QStringLiteral("patrimonio_inventariador"),
                                 QStringLiteral("central"),
                                 kBetoPassword,
                                 &error),
                 qPrintable(error));
        m_a = std::make_unique<ServerProcess>(m_fx.dir() + QStringLiteral("/a.log"));
        m_b = std::make_unique<ServerProcess>(m_fx.dir() + QStringLiteral("/b.log"));
        QVERIFY2(m_a->start(m_fx.configPath(), &error), qPrintable(error));
        QVERIFY2(m_b->start(m_fx.configPath(), &error), qPrintable(error));
        QVERIFY(m_a->port() != m_b->port());
    }
    void cleanupTestCase()
    {
        for (ServerProcess *s : {m_a.get(), m_b.get()}) {
            if (s && s->isRunning()) {
                s->signal(SIGTERM);
                QVERIFY(s->waitForExit(15000));
                QCOMPARE(s->exitCode(), 0);
                QVERIFY2(!s->hasSanitizerReport(), qPrintable(s->logText()));
            }
        }
    }

    void accessTokenOfAWorksOnB_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("loginOnA");
        QTest::addRow("ana: login on A, session on B") << kAna << kAnaPassword << true;
        QTest::addRow("beto: login on B, session on A") << kBeto << kBetoPassword << false;
    }
    void accessTokenOfAWorksOnB()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(bool, loginOnA);
        TestClient first = loginOnA ? a() : b();
        TestClient other = loginOnA ? b() : a();
        const TestClient::Reply in = login(first, user, password);
        QCOMPARE(in.status, 200);
        const TestClient::Reply session = other.get(QStringLiteral("/v1/auth/session"), access(in));
        QCOMPARE(session.status, 200);
        QCOMPARE(userOf(session), user);
        // A made-up token is refused by both alike.
        const QString forged = QStringLiteral("tambo_at_") + QString(43, QLatin1Char('A'));
        QCOMPARE(first.get(QStringLiteral("/v1/auth/session"), forged).status, 401);
        QCOMPARE(other.get(QStringLiteral("/v1/auth/session"), forged).status, 401);
    }

    void refreshRotatesAcrossInstances()
    {
        TestClient ca = a();
        TestClient cb = b();
        const TestClient::Reply in = login(ca, kAna, kAnaPassword);
        QCOMPARE(in.status, 200);
        // B rotates A's refresh token…
        const TestClient::Reply onB = cb.post(QStringLiteral("/v1/auth/refresh"),
                                              {{QStringLiteral("refresh_token"), refreshToken(in)}});
        QCOMPARE(onB.status, 200);
        QVERIFY(access(onB) != access(in));
        QVERIFY(refreshToken(onB) != refreshToken(in));
        // …A honours the result and rotates it again…
        QCOMPARE(ca.get(QStringLiteral("/v1/auth/session"), access(onB)).status, 200);
        const TestClient::Reply onA = ca.post(QStringLiteral("/v1/auth/refresh"),
                                              {{QStringLiteral("refresh_token"),
                                                refreshToken(onB)}});
        QCOMPARE(onA.status, 200);
        QCOMPARE(userOf(cb.get(QStringLiteral("/v1/auth/session"), access(onA))), kAna);
        // …and both know a garbage refresh token is not one.
        const QJsonObject garbage{{QStringLiteral("refresh_token"), QStringLiteral("tambo_rt_x")}};
        QCOMPARE(ca.post(QStringLiteral("/v1/auth/refresh"), garbage).status, 401);
        QCOMPARE(cb.post(QStringLiteral("/v1/auth/refresh"), garbage).status, 401);
    }

    void deviceRegisteredOnBBindsALoginOnA()
    {
        TestClient ca = a();
        TestClient cb = b();
        const TestClient::Reply beto = login(cb, kBeto, kBetoPassword);
        QCOMPARE(beto.status, 200);
        const QString device = newDeviceId();
        const TestClient::Reply reg = registerDevice(cb,
                                                     access(beto),
                                                     device,
                                                     tambo::test::TestDeviceKeys::publicKeyBase64(
                                                         device));
        QCOMPARE(reg.status, 201);
        const TestClient::Reply bound = login(ca, kBeto, kBetoPassword, device);
        QCOMPARE(bound.status, 200);
        QCOMPARE(bound.json.value(QStringLiteral("device_id")).toString(), device);
        const TestClient::Reply session = cb.get(QStringLiteral("/v1/auth/session"), access(bound));
        QCOMPARE(session.status, 200);
        QCOMPARE(session.json.value(QStringLiteral("device_id")).toString(), device);
        // An unknown device is unknown to both.
        QCOMPARE(login(ca, kBeto, kBetoPassword, newDeviceId()).status, 404);
        QCOMPARE(login(cb, kBeto, kBetoPassword, newDeviceId()).status, 404);
    }

    void deviceRevokedOnAIsRefusedByB()
    {
        TestClient ca = a();
        TestClient cb = b();
        const TestClient::Reply beto = login(cb, kBeto, kBetoPassword);
        const QString device = newDeviceId();
        QCOMPARE(registerDevice(cb,
                                access(beto),
                                device,
                                tambo::test::TestDeviceKeys::publicKeyBase64(device))
                     .status,
                 201);
        const TestClient::Reply bound = login(cb, kBeto, kBetoPassword, device);
        QCOMPARE(bound.status, 200);
        QCOMPARE(cb.get(QStringLiteral("/v1/auth/session"), access(bound)).status, 200);

        const TestClient::Reply admin = login(ca, kAna, kAnaPassword);
        const TestClient::Reply revoked = ca.post(QStringLiteral("/v1/devices/revoke"),
                                                  {{QStringLiteral("device_id"), device},
                                                   {QStringLiteral("reason"),
                                                    QStringLiteral("equipo robado")}},
                                                  access(admin));
        QCOMPARE(revoked.status, 200);
        QVERIFY(revoked.json.value(QStringLiteral("tokens_revoked")).toInt() >= 2);

        // B refuses everything bound to that device on the very next request.
        const TestClient::Reply session = cb.get(QStringLiteral("/v1/auth/session"), access(bound));
        QCOMPARE(session.status, 403);
        QCOMPARE(session.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_revoked"));
        const TestClient::Reply relogin = login(cb, kBeto, kBetoPassword, device);
        QCOMPARE(relogin.status, 403);
        QCOMPARE(relogin.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_revoked"));
        const TestClient::Reply refresh = cb.post(QStringLiteral("/v1/auth/refresh"),
                                                  {{QStringLiteral("refresh_token"),
                                                    refreshToken(bound)}});
        QVERIFY2(refresh.status == 401 || refresh.status == 403, refresh.body.c_str());
        QVERIFY(access(refresh).isEmpty());
        // The user's unbound session is not the device's: it still works on both.
        QCOMPARE(ca.get(QStringLiteral("/v1/auth/session"), access(beto)).status, 200);
        QCOMPARE(cb.get(QStringLiteral("/v1/auth/session"), access(beto)).status, 200);
    }

    // Last: it kills A.
    void killingAKeepsBServingAndTheProxyMovesToB()
    {
        FaultProxy proxy(QStringLiteral("127.0.0.1"), m_a->port());
        QString error;
        QVERIFY2(proxy.start(&error), qPrintable(error));
        TestClient viaProxy = clientOf(proxy.port());
        const TestClient::Reply in = login(viaProxy, kAna, kAnaPassword);
        QCOMPARE(in.status, 200);
        QCOMPARE(viaProxy.get(QStringLiteral("/v1/auth/session"), access(in)).status, 200);
        QTRY_VERIFY(!m_a->logLines(QStringLiteral("request")).isEmpty());

        m_a->signal(SIGKILL);
        QVERIFY(m_a->waitForExit(10000));
        QCOMPARE(m_a->exitStatus(), QProcess::CrashExit);

        // Behind the proxy the client now gets a connection error, not an answer…
        const TestClient::Reply down = viaProxy.get(QStringLiteral("/v1/auth/session"), access(in));
        QCOMPARE(down.status, 0);
        QVERIFY(down.error != httplib::Error::Success);
        QTRY_VERIFY(proxy.counters().upstreamFailures >= 1);
        // …B never noticed: it serves the same token directly…
        TestClient cb = b();
        QCOMPARE(cb.get(QStringLiteral("/v1/health")).status, 200);
        QCOMPARE(userOf(cb.get(QStringLiteral("/v1/auth/session"), access(in))), kAna);
        // …and once the proxy points at B the same client carries on where it was.
        proxy.setTarget(QStringLiteral("127.0.0.1"), m_b->port());
        QCOMPARE(userOf(viaProxy.get(QStringLiteral("/v1/auth/session"), access(in))), kAna);
        const TestClient::Reply refreshed = viaProxy.post(QStringLiteral("/v1/auth/refresh"),
                                                          {{QStringLiteral("refresh_token"),
                                                            refreshToken(in)}});
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(viaProxy.get(QStringLiteral("/v1/auth/session"), access(refreshed)).status, 200);
        QVERIFY(!m_b->logLines(QStringLiteral("request")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStatelessServers)
#include "tst_statelessservers.moc"
