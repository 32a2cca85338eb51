// HttpServer: the cpp-httplib wrapper, in process, over real TLS on 127.0.0.1.
#include "HttpServer.h"

#include "TestCertificate.h"
#include "TestClient.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <QDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <atomic>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

using tambo::server::HttpServer;
using tambo::server::JsonLog;
using tambo::server::Metrics;
using tambo::test::TestCertificate;
using tambo::test::TestClient;

namespace {

// An HttpServer running on its own thread, with its log lines captured.
class RunningServer
{
public:
    RunningServer(HttpServer::Options options)
        : server(std::move(options), log, metrics)
    {
        log.setSink([this](const QByteArray &line) {
            std::lock_guard lock(mutex);
            lines << QJsonDocument::fromJson(line).object();
        });
    }
    ~RunningServer() { stopAndJoin(); }

    bool start(QString *error)
    {
        if (!server.bind(error))
            return false;
        thread = std::thread([this] {
            stoppedOnRequest = server.run();
            runReturned = true;
        });
        return true;
    }
    void stopAndJoin()
    {
        server.stop();
        if (thread.joinable())
            thread.join();
    }
    QList<QJsonObject> logLines(const QString &msg)
    {
        std::lock_guard lock(mutex);
        QList<QJsonObject> out;
        for (const QJsonObject &o : std::as_const(lines)) {
            if (o.value(QStringLiteral("msg")).toString() == msg)
                out << o;
        }
        return out;
    }

    JsonLog log;
    Metrics metrics;
    HttpServer server;
    std::thread thread;
    std::atomic<bool> stoppedOnRequest{false};
    std::atomic<bool> runReturned{false};
    std::mutex mutex;
    QList<QJsonObject> lines;
};

// This process's accepted (server side) TCP connections on port: how many, and how many of
// them have TCP_NODELAY set.
std::pair<int, int> acceptedConnections(int port)
{
    int accepted = 0;
    int noDelay = 0;
    const QStringList fds = QDir(QStringLiteral("/proc/self/fd"))
                                .entryList(QDir::Files | QDir::System);
    for (const QString &name : fds) {
        bool ok = false;
        const int fd = name.toInt(&ok);
        struct stat st;
        if (!ok || ::fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode))
            continue;
        sockaddr_in local{};
        sockaddr_in peer{};
        socklen_t localLen = sizeof local;
        socklen_t peerLen = sizeof peer;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &localLen) != 0
            || local.sin_family != AF_INET || ntohs(local.sin_port) != port
            || ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLen) != 0)
            continue; // not ours, or the listening socket
        ++accepted;
        int value = 0;
        socklen_t valueLen = sizeof value;
        if (::getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &value, &valueLen) == 0 && value != 0)
            ++noDelay;
    }
    return {accepted, noDelay};
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestCertificate> m_cert;
    std::unique_ptr<TestCertificate> m_otherCert;

    HttpServer::Options tlsOptions(int workers = 2) const
    {
        HttpServer::Options o;
        o.address = QStringLiteral("127.0.0.1");
        o.port = 0;
        o.workers = workers;
        o.tls = true;
        o.certificate = m_cert->certificatePath();
        o.privateKey = m_cert->privateKeyPath();
        o.maxBodyBytes = 4096;
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = std::make_unique<TestCertificate>(m_dir.path(), QStringLiteral("a"));
        QVERIFY2(m_cert->isValid(), qPrintable(m_cert->error()));
        m_otherCert = std::make_unique<TestCertificate>(m_dir.path(), QStringLiteral("b"));
        QVERIFY2(m_otherCert->isValid(), qPrintable(m_otherCert->error()));
    }

    void servesOverVerifiedTls()
    {
        RunningServer s(tlsOptions());
        s.server.get(QStringLiteral("/test/hello"),
                     [](const httplib::Request &, httplib::Response &res) {
                         res.set_content("{\"hola\":true}", "application/json");
                     });
        QString error;
        QVERIFY2(s.start(&error), qPrintable(error));
        QVERIFY(s.server.port() > 0);
        QVERIFY(s.server.isTls());

        TestClient client(s.server.port(), m_cert->certificatePath());
        const TestClient::Reply reply = client.get(QStringLiteral("/test/hello"));
        QVERIFY2(reply.status == 200, qPrintable(reply.errorText()));
        QCOMPARE(reply.json.value(QStringLiteral("hola")).toBool(), true);
        QCOMPARE(reply.header("Cache-Control"), QStringLiteral("no-store"));
        QCOMPARE(reply.header("Strict-Transport-Security"), QStringLiteral("max-age=31536000"));
        QCOMPARE(reply.header("X-Request-Id").size(), 16);
    }

    void answersAreNotHeldBackByNagle()
    {
        // An answer goes out as two writes (headers, body): with Nagle on, the body waited for
        // the client's delayed ACK of the headers, ~40 ms on every sync request (found by
        // tambo-simulate). The accepted connections must have TCP_NODELAY.
        RunningServer s(tlsOptions());
        std::atomic<int> accepted{-1};
        std::atomic<int> noDelay{-1};
        s.server.get(QStringLiteral("/test/nodelay"),
                     [&](const httplib::Request &, httplib::Response &res) {
                         const auto [all, fast] = acceptedConnections(s.server.port());
                         accepted = all;
                         noDelay = fast;
                         res.set_content("{}", "application/json");
                     });
        QString error;
        QVERIFY2(s.start(&error), qPrintable(error));
        TestClient client(s.server.port(), m_cert->certificatePath());
        const TestClient::Reply reply = client.get(QStringLiteral("/test/nodelay"));
        QVERIFY2(reply.status == 200, qPrintable(reply.errorText()));
        QVERIFY(accepted >= 1); // the request's own connection was seen
        QCOMPARE(noDelay.load(), accepted.load());
    }

    void untrustedCertificateIsRejectedByTheClient()
    {
        RunningServer s(tlsOptions());
        QString error;
        QVERIFY2(s.start(&error), qPrintable(error));
        TestClient wrongTrust(s.server.port(), m_otherCert->certificatePath());
        const TestClient::Reply reply = wrongTrust.get(QStringLiteral("/metrics"));
        QCOMPARE(reply.status, 0);
        QCOMPARE(reply.error, httplib::Error::SSLServerVerification);

        TestClient plain(s.server.port()); // HTTP to the HTTPS port: no answer
        QCOMPARE(plain.get(QStringLiteral("/metrics")).status, 0);
    }

    void logsAndCountsEveryRequest()
    {
        RunningServer s(tlsOptions());
        s.server.get(QStringLiteral("/test/hello"),
                     [](const httplib::Request &, httplib::Response &res) {
                         HttpServer::annotate(QStringLiteral("user"), QStringLiteral("ana"));
                         res.set_content("hola", "text/plain");
                     });
        QString error;
        QVERIFY2(s.start(&error), qPrintable(error));
        TestClient client(s.server.port(), m_cert->certificatePath());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(client.get(QStringLiteral("/test/hello")).status, 200);
        const TestClient::Reply tagged = client.get(QStringLiteral("/test/hello"),
                                                    httplib::Headers{{"X-Request-Id", "caso-42"}});
        QCOMPARE(tagged.header("X-Request-Id"), QStringLiteral("caso-42"));
        const TestClient::Reply missing = client.get(QStringLiteral("/no/such/route"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("not_found"));
        QCOMPARE(missing.json.value(QStringLiteral("message")).toString(),
                 QStringLiteral("Ruta desconocida."));

        // The logger runs after the answer is written: wait for it.
        QTRY_COMPARE(s.metrics.totalRequests(), quint64(5));
        QCOMPARE(s.metrics.requestCount(QStringLiteral("/test/hello"), 200), quint64(4));
        QCOMPARE(s.metrics.requestCount(QStringLiteral("unmatched"), 404), quint64(1));

        const QList<QJsonObject> requests = s.logLines(QStringLiteral("request"));
        QCOMPARE(requests.size(), 5);
        for (const QJsonObject &line : requests) {
            QVERIFY(line.value(QStringLiteral("time")).toString().endsWith(QLatin1Char('Z')));
            QCOMPARE(line.value(QStringLiteral("level")).toString(), QStringLiteral("info"));
            QCOMPARE(line.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
            QVERIFY(line.value(QStringLiteral("ms")).isDouble());
            QVERIFY(line.value(QStringLiteral("ms")).toDouble() >= 0);
            QCOMPARE(line.value(QStringLiteral("remote")).toString(), QStringLiteral("127.0.0.1"));
        }
        QCOMPARE(requests.at(0).value(QStringLiteral("route")).toString(),
                 QStringLiteral("/test/hello"));
        QCOMPARE(requests.at(0).value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(requests.at(0).value(QStringLiteral("user")).toString(), QStringLiteral("ana"));
        QCOMPARE(requests.at(3).value(QStringLiteral("request_id")).toString(),
                 QStringLiteral("caso-42"));
        QCOMPARE(requests.at(4).value(QStringLiteral("route")).toString(),
                 QStringLiteral("unmatched"));
        QCOMPARE(requests.at(4).value(QStringLiteral("path")).toString(),
                 QStringLiteral("/no/such/route"));
        QCOMPARE(requests.at(4).value(QStringLiteral("status")).toInt(), 404);

        const TestClient::Reply metrics = client.get(QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        QCOMPARE(metrics.header("Content-Type"),
                 QStringLiteral("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY(
            QByteArray::fromStdString(metrics.body)
                .contains("tambo_http_requests_total{route=\"/test/hello\",status=\"200\"} 4\n"));
    }

    void errorsAnswerJson()
    {
        RunningServer s(tlsOptions());
        s.server.post(QStringLiteral("/test/echo"),
                      [](const httplib::Request &req, httplib::Response &res) {
                          res.set_content(req.body, "text/plain");
                      });
        s.server.get(QStringLiteral("/test/throw"),
                     [](const httplib::Request &, httplib::Response &) {
                         throw std::runtime_error("boom");
                     });
        s.server.get(QStringLiteral("/test/teapot"),
                     [](const httplib::Request &, httplib::Response &res) {
                         res.status = 418;
                         res.set_content("{\"error\":\"mine\"}", "application/json");
                     });
        QString error;
        QVERIFY2(s.start(&error), qPrintable(error));
        TestClient client(s.server.port(), m_cert->certificatePath());

        QCOMPARE(client.postRaw(QStringLiteral("/test/echo"), std::string(100, 'x'), "text/plain")
                     .status,
                 200);
        const TestClient::Reply tooBig = client.postRaw(QStringLiteral("/test/echo"),
                                                        std::string(5000, 'x'),
                                                        "text/plain");
        QCOMPARE(tooBig.status, 413);
        QCOMPARE(tooBig.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("payload_too_large"));

        const TestClient::Reply thrown = client.get(QStringLiteral("/test/throw"));
        QCOMPARE(thrown.status, 500);
        QCOMPARE(thrown.json.value(QStringLiteral("error")).toString(), QStringLiteral("internal"));
        QTRY_COMPARE(s.logLines(QStringLiteral("handler threw")).size(), 1);
        QCOMPARE(s.logLines(QStringLiteral("handler threw"))
                     .first()
                     .value(QStringLiteral("error"))
                     .toString(),
                 QStringLiteral("boom"));

        const TestClient::Reply own = client.get(QStringLiteral("/test/teapot")); // a body is kept
        QCOMPARE(own.status, 418);
        QCOMPARE(own.json.value(QStringLiteral("error")).toString(), QStringLiteral("mine"));

        QTRY_COMPARE(s.metrics.requestCount(QStringLiteral("/test/throw"), 500), quint64(1));
        QTRY_COMPARE(s.logLines(QStringLiteral("request")).size(), 4);
        QCOMPARE(s.logLines(QStringLiteral("request")).at(2).value(QStringLiteral("level")).toString(),
                 QStringLiteral("error"));
    }

    void stopFinishesInFlightRequestsAndRefusesNewOnes()
    {
        // Declared before the server: its threads use them until it is destroyed.
        std::atomic<int> threadsEnded{0};
        std::promise<void> entered;
        std::promise<void> release;
        std::shared_future<void> released = release.get_future().share();
        RunningServer s(tlsOptions(2));
        s.server.setWorkerHooks({}, [&] { ++threadsEnded; });
        s.server.get(QStringLiteral("/test/slow"),
                     [&](const httplib::Request &, httplib::Response &res) {
                         entered.set_value();
                         released.wait();
                         res.set_content("terminado", "text/plain");
                     });
        QString error;
        QVERIFY2(s.start(&error), qPrintable(error));
        const int port = s.server.port();

        TestClient::Reply slowReply;
        std::thread inFlight([&] {
            TestClient client(port, m_cert->certificatePath());
            slowReply = client.get(QStringLiteral("/test/slow"));
        });
        // Whatever happens below (a failed check returns early), release and join the client.
        bool releasedAlready = false;
        auto cleanupGuard = qScopeGuard([&] {
            if (!releasedAlready)
                release.set_value();
            if (inFlight.joinable())
                inFlight.join();
        });
        QCOMPARE(entered.get_future().wait_for(std::chrono::seconds(20)), std::future_status::ready);

        s.server.stop(); // returns at once; the listening socket is closed
        TestClient late(port, m_cert->certificatePath());
        const TestClient::Reply refused = late.get(QStringLiteral("/metrics"));
        QCOMPARE(refused.status, 0);
        QCOMPARE(refused.error, httplib::Error::Connection);
        // run() is still waiting for the request in flight; at most the idle worker has ended.
        QVERIFY(!s.runReturned);
        QVERIFY(threadsEnded.load() <= 1);

        release.set_value();
        releasedAlready = true;
        inFlight.join();
        QCOMPARE(slowReply.status, 200);
        QCOMPARE(slowReply.body, std::string("terminado"));
        s.thread.join();
        QVERIFY(s.stoppedOnRequest);
        QCOMPARE(threadsEnded.load(), 2); // every worker ran its exit hook
    }

    void stopBeforeRunReturnsAtOnce()
    {
        JsonLog log;
        Metrics metrics;
        HttpServer server(tlsOptions(), log, metrics);
        QString error;
        QVERIFY2(server.bind(&error), qPrintable(error));
        server.stop();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(server.run());
        QVERIFY(timer.elapsed() < 2000);
    }

    void plainHttpWhenAskedTo()
    {
        HttpServer::Options o = tlsOptions();
        o.tls = false;
        RunningServer s(o);
        QString error;
        QVERIFY2(s.start(&error), qPrintable(error));
        QVERIFY(!s.server.isTls());
        TestClient client(s.server.port());
        const TestClient::Reply reply = client.get(QStringLiteral("/metrics"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Strict-Transport-Security"), QString());
    }

    void bindFailuresAreExplained()
    {
        JsonLog log;
        Metrics metrics;
        {
            QTcpServer taken;
            QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
            HttpServer::Options o = tlsOptions();
            o.port = taken.serverPort();
            HttpServer server(o, log, metrics);
            QString error;
            QVERIFY(!server.bind(&error));
            QVERIFY2(error.contains(
                         QStringLiteral("cannot listen on 127.0.0.1 port %1").arg(o.port)),
                     qPrintable(error));
        }
        {
            // No SO_REUSEPORT: a second server cannot share the first one's port.
            RunningServer first(tlsOptions());
            QString error;
            QVERIFY2(first.start(&error), qPrintable(error));
            HttpServer::Options o = tlsOptions();
            o.port = first.server.port();
            HttpServer second(o, log, metrics);
            QVERIFY(!second.bind(&error));
        }
        {
            HttpServer::Options o = tlsOptions();
            o.certificate = m_dir.filePath(QStringLiteral("missing.pem"));
            HttpServer server(o, log, metrics);
            QString error;
            QVERIFY(!server.bind(&error));
            QVERIFY2(error.contains(QLatin1String("cannot load TLS certificate"))
                         && error.contains(QLatin1String("missing.pem")),
                     qPrintable(error));
        }
        {
            HttpServer::Options o = tlsOptions();
            o.privateKey = m_otherCert->privateKeyPath(); // key of another certificate
            HttpServer server(o, log, metrics);
            QString error;
            QVERIFY(!server.bind(&error));
            QVERIFY2(error.contains(QLatin1String("does not match")), qPrintable(error));
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
