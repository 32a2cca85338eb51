#pragma once

#include "JsonLog.h"
#include "Metrics.h"

#include <httplib.h>

#include <QJsonValue>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace tambo::server {

// The HTTP(S) front of tambo-server, over cpp-httplib (ADR 0004):
// - TLS through OpenSSL (TLS 1.2 or newer, certificate chain + key in PEM) unless told not to;
// - a fixed pool of request threads (WorkerPool) with start/exit hooks;
// - for every request: a JSON log line (route, method, status, ms, request id), the Prometheus
//   counters of Metrics, an X-Request-Id header, JSON bodies for errors nobody answered
//   (404, 413, 500…), and GET /metrics;
// - graceful stop: stop() closes the listening socket at once, run() then waits for the
//   requests already accepted to finish and returns.
class HttpServer
{
public:
    struct Options
    {
        QString address = QStringLiteral("127.0.0.1");
        int port = 0; // 0 = any free port; port() says which after bind()
        int workers = 4;
        bool tls = true;
        QString certificate;
        QString privateKey;
        int keepAliveSeconds = 2;
        qint64 maxBodyBytes = 8 * 1024 * 1024;
    };
    using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
    using Hook = std::function<void()>;

    HttpServer(Options options, JsonLog &log, Metrics &metrics);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Routes are exact paths ("/v1/auth/login"); the path is also the metrics/log route label.
    void get(const QString &path, Handler handler);
    void post(const QString &path, Handler handler);
    void setWorkerHooks(Hook onThreadStart, Hook onThreadExit);

    // Loads the TLS material and binds the socket; false and *error when either fails.
    bool bind(QString *error);
    int port() const { return m_port; }
    bool isTls() const { return m_options.tls; }

    // Serves until stop(); true when it ended because of stop().
    bool run();
    // Thread-safe, returns at once; may be called before run() (run() then returns at once).
    void stop();

    // Adds a field to this request's log line (call from a handler; e.g. "user").
    static void annotate(const QString &key, const QJsonValue &value);

private:
    void install(const QString &method, const QString &path, Handler handler);
    void onRequestLogged(const httplib::Request &req, const httplib::Response &res);

    Options m_options;
    JsonLog &m_log;
    Metrics &m_metrics;
    std::unique_ptr<httplib::Server> m_server;
    Hook m_onThreadStart;
    Hook m_onThreadExit;
    QString m_tlsError;
    int m_port = 0;
    bool m_bound = false;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_inRun{false};
};

} // namespace tambo::server
