// SyncHttpClient against a real tambo-server behind the fault proxy (TLS terminated there, so
// the cuts fall inside the HTTP answer): an answer cut midway is "no answer" (offline, retried
// later), never a bad answer, and the tokens stay as they were; the two-step post (the next
// pull page fetched while the current one is applied) answers like post().
#include "FaultProxy.h"
#include "ServerFixture.h"
#include "ServerProcess.h"

#include "sync/SyncHttpClient.h"

#include <QtTest>

#include <csignal>
#include <memory>

using tambo::core::SyncHttpClient;
using tambo::test::FaultProxy;
using tambo::test::ServerFixture;
using tambo::test::ServerProcess;

namespace {
const QString kUser = QStringLiteral("rosa");
const QString kPassword = QStringLiteral("rosa-clave-2026");
} // namespace

class TestSyncHttpClient : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<FaultProxy> m_proxy;

    // A new client is a new connection: the proxy's fault is chosen per connection.
    std::unique_ptr<SyncHttpClient> client() const
    {
        SyncHttpClient::Options o;
        o.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy->port()));
        o.caCertificate = m_fx.certificate().certificatePath();
        o.timeoutMs = 15000;
        return std::make_unique<SyncHttpClient>(o);
    }

private slots:
    void initTestCase()
    {
        TAMBO_SETUP_SERVER_FIXTURE(m_fx);
        QString error;
        QVERIFY2(m_fx.createUser(kUser,
                                 QStringLiteral("admin_otic"),
                                 QStringLiteral("central"),
                                 kPassword,
                                 &error),
                 qPrintable(error));
        m_server = std::make_unique<ServerProcess>(m_fx.dir() + QStringLiteral("/server.log"));
        QVERIFY2(m_server->start(m_fx.configPath(), &error), qPrintable(error));
        m_proxy = std::make_unique<FaultProxy>(QStringLiteral("127.0.0.1"), m_server->port());
        const QString cert = m_fx.certificate().certificatePath();
        m_proxy->setTlsTermination(cert, m_fx.certificate().privateKeyPath(), cert);
        QVERIFY2(m_proxy->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_proxy.reset();
        if (m_server && m_server->isRunning()) {
            m_server->signal(SIGTERM);
            QVERIFY(m_server->waitForExit(15000));
            QVERIFY2(!m_server->hasSanitizerReport(), qPrintable(m_server->logText()));
        }
    }

    void answerCutMidwayIsNoAnswer()
    {
        // The whole answer first, to know its size.
        qint64 answerBytes = 0;
        {
            const auto c = client();
            const qint64 before = m_proxy->counters().bytesToClients;
            const SyncHttpClient::Reply whole = c->login(kUser, kPassword);
            QCOMPARE(whole.status, 200);
            QVERIFY(!c->accessToken().isEmpty());
            answerBytes = m_proxy->counters().bytesToClients - before;
        }
        QVERIFY(answerBytes > 100);
        // Cut a few bytes before the end of the JSON body: the status line said 200, but the
        // answer is incomplete. No answer: offline, the tokens as they were.
        {
            const auto c = client();
            c->setTokens(QStringLiteral("tambo_at_previous"), QStringLiteral("tambo_rt_previous"));
            m_proxy->enqueue(FaultProxy::Action::cut(answerBytes - 5));
            const SyncHttpClient::Reply r = c->login(kUser, kPassword);
            QVERIFY2(r.offline(), qPrintable(QStringLiteral("status %1").arg(r.status)));
            QVERIFY(!r.ok());
            QVERIFY(r.json.isEmpty());
            QVERIFY(!r.networkError.isEmpty());
            QCOMPARE(c->accessToken(), QStringLiteral("tambo_at_previous"));
            QCOMPARE(c->refreshToken(), QStringLiteral("tambo_rt_previous"));
        }
        // Cut before or inside the headers: Qt itself sends the request again on a new
        // connection (it got no answer at all); either that whole answer or no answer, never
        // a broken one.
        for (const qint64 cut : {qint64(0), qint64(20)}) {
            const auto c = client();
            c->setTokens(QStringLiteral("tambo_at_previous"), QStringLiteral("tambo_rt_previous"));
            const int connectionsBefore = m_proxy->counters().connections;
            m_proxy->enqueue(FaultProxy::Action::cut(cut));
            const SyncHttpClient::Reply r = c->login(kUser, kPassword);
            if (r.ok()) {
                QVERIFY(m_proxy->counters().connections >= connectionsBefore + 2);
                QVERIFY(c->accessToken().startsWith(QStringLiteral("tambo_at_")));
                QVERIFY(c->accessToken() != QStringLiteral("tambo_at_previous"));
            } else {
                QVERIFY2(r.offline(),
                         qPrintable(QStringLiteral("cut at %1: status %2").arg(cut).arg(r.status)));
                QCOMPARE(c->accessToken(), QStringLiteral("tambo_at_previous"));
            }
        }
    }

    void twoStepPostAnswersLikePost()
    {
        const auto c = client();
        QVERIFY(c->login(kUser, kPassword).ok());
        const SyncHttpClient::Reply direct = c->post(QStringLiteral("/v1/devices/register"), {});
        SyncHttpClient::PendingPost pending = c->startPost(QStringLiteral("/v1/devices/register"),
                                                           {});
        QVERIFY(pending.reply);
        const SyncHttpClient::Reply later = c->finishPost(pending);
        QVERIFY(!pending.reply);
        QCOMPARE(later.status, direct.status); // 400 missing_field both times
        QCOMPARE(later.errorCode(), direct.errorCode());
        QCOMPARE(later.errorCode(), QStringLiteral("missing_field"));

        // An abandoned post is dropped without an answer and without harm to the next one.
        SyncHttpClient::PendingPost dropped = c->startPost(QStringLiteral("/v1/devices/register"),
                                                           {});
        c->abandon(dropped);
        QVERIFY(!dropped.reply);
        QCOMPARE(c->post(QStringLiteral("/v1/devices/register"), {}).errorCode(),
                 QStringLiteral("missing_field"));
    }

    void closesItsConnectionWhenAsked()
    {
        // After a sync run the client closes its kept-alive connection at once, instead of
        // holding one of the server's workers until the keep-alive ends.
        const auto c = client();
        const int connectionsBefore = m_proxy->counters().connections;
        QVERIFY(c->login(kUser, kPassword).ok());
        QVERIFY(c->post(QStringLiteral("/v1/devices/register"), {}).status == 400);
        QCOMPARE(m_proxy->counters().connections, connectionsBefore + 1); // kept alive
        const int finishedBefore = m_proxy->counters().finished;
        QTest::qWait(200);
        QCOMPARE(m_proxy->counters().finished, finishedBefore); // still open
        c->closeIdleConnections();
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->counters().finished, finishedBefore + 1, 1500);
    }
};

QTEST_GUILESS_MAIN(TestSyncHttpClient)
#include "tst_synchttpclient.moc"
