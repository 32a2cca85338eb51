#include "HttpServer.h"

#include "WorkerPool.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <chrono>
#include <thread>

#include <sys/socket.h>

namespace tambo::server {

namespace {

// What one worker thread knows about the request it is answering (set by the pre-routing
// handler, read by the logger that httplib calls after the response is written).
struct RequestTrace
{
    std::chrono::steady_clock::time_point start;
    QString route;
    QString requestId;
    QJsonObject extra;
    bool active = false;
};
thread_local RequestTrace t_trace;

QString newRequestId()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16)
        .rightJustified(16, QLatin1Char('0'));
}

QString sanitizedRequestId(const std::string &given)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    const QString id = QString::fromStdString(given);
    return safe.match(id).hasMatch() ? id : QString();
}

QString openSslErrors()
{
    QStringList errors;
    while (const unsigned long code = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(code, buf, sizeof buf);
        errors << QString::fromLatin1(buf);
    }
    return errors.isEmpty() ? QStringLiteral("unknown OpenSSL error")
                            : errors.join(QStringLiteral("; "));
}

void jsonError(httplib::Response &res,
               const char *code,
               const QString &message,
               const QJsonObject &extra = {})
{
    QJsonObject body{{QStringLiteral("error"), QLatin1String(code)},
                     {QStringLiteral("message"), message}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                    "application/json; charset=utf-8");
}

} // namespace

HttpServer::HttpServer(Options options, JsonLog &log, Metrics &metrics)
    : m_options(std::move(options))
    , m_log(log)
    , m_metrics(metrics)
{
    if (m_options.tls) {
        const QByteArray cert = QFile::encodeName(m_options.certificate);
        const QByteArray key = QFile::encodeName(m_options.privateKey);
        m_server = std::make_unique<httplib::SSLServer>([this, cert, key](SSL_CTX &ctx) {
            SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
            SSL_CTX_set_options(&ctx,
                                SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION
                                    | SSL_OP_CIPHER_SERVER_PREFERENCE);
            if (SSL_CTX_use_certificate_chain_file(&ctx, cert.constData()) != 1) {
                m_tlsError = QStringLiteral("cannot load TLS certificate %1: %2")
                                 .arg(m_options.certificate, openSslErrors());
                return false;
            }
            if (SSL_CTX_use_PrivateKey_file(&ctx, key.constData(), SSL_FILETYPE_PEM) != 1) {
                m_tlsError = QStringLiteral("cannot load TLS private key %1, or it does not match "
                                            "certificate %2: %3")
                                 .arg(m_options.privateKey, m_options.certificate, openSslErrors());
                return false;
            }
            if (SSL_CTX_check_private_key(&ctx) != 1) {
                m_tlsError = QStringLiteral("TLS private key %1 does not match certificate %2: %3")
                                 .arg(m_options.privateKey, m_options.certificate, openSslErrors());
                return false;
            }
            return true;
        });
    } else {
        m_server = std::make_unique<httplib::Server>();
    }

    httplib::Headers headers = {{"Cache-Control", "no-store"},
                                {"X-Content-Type-Options", "nosniff"}};
    if (m_options.tls)
        headers.emplace("Strict-Transport-Security", "max-age=31536000");
    m_server->set_default_headers(headers);
    // No Nagle: an answer's headers and body go out as separate writes, and Nagle held the body
    // back until the client's delayed ACK of the headers (~40 ms on every request).
    m_server->set_tcp_nodelay(true);
    m_server->set_keep_alive_max_count(100);
    m_server->set_keep_alive_timeout(std::max(1, m_options.keepAliveSeconds));
    m_server->set_read_timeout(10, 0);
    m_server->set_write_timeout(10, 0);
    const qint64 maxBody = std::max<qint64>(1024, m_options.maxBodyBytes);
    m_server->set_payload_max_length(size_t(maxBody));
    // Only SO_REUSEADDR: httplib's default also sets SO_REUSEPORT, which would let a second
    // server silently share a port that is already taken.
    m_server->set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });

    m_server->set_pre_routing_handler([](const httplib::Request &req, httplib::Response &) {
        t_trace.start = std::chrono::steady_clock::now();
        t_trace.route = QStringLiteral("unmatched");
        t_trace.extra = {};
        t_trace.requestId = sanitizedRequestId(req.get_header_value("X-Request-Id"));
        if (t_trace.requestId.isEmpty())
            t_trace.requestId = newRequestId();
        t_trace.active = true;
        return httplib::Server::HandlerResponse::Unhandled;
    });
    m_server->set_post_routing_handler([](const httplib::Request &, httplib::Response &res) {
        if (t_trace.active)
            res.set_header("X-Request-Id", t_trace.requestId.toStdString());
    });
    m_server->set_error_handler(httplib::Server::HandlerWithResponse([maxBody](
                                                                         const httplib::Request &,
                                                                         httplib::Response &res) {
        if (!res.body.empty())
            return httplib::Server::HandlerResponse::Unhandled; // the handler answered already
        switch (res.status) {
        case 404:
            jsonError(res, "not_found", QStringLiteral("Ruta desconocida."));
            break;
        case 413:
            // The desktop sends fewer entries per request when it gets this (a push), so the
            // limit is told in the answer too.
            jsonError(res,
                      "payload_too_large",
                      QStringLiteral("La solicitud es demasiado grande: el servidor acepta hasta "
                                     "%1 KiB por solicitud. Envíe menos cambios por vez.")
                          .arg(maxBody / 1024),
                      {{QStringLiteral("max_body_bytes"), double(maxBody)}});
            break;
        case 400:
            jsonError(res, "bad_request", QStringLiteral("Solicitud HTTP mal formada."));
            break;
        default:
            if (res.status >= 500)
                jsonError(res, "internal", QStringLiteral("Error interno del servidor."));
            else
                jsonError(res, "error", QStringLiteral("La solicitud no se pudo atender."));
        }
        return httplib::Server::HandlerResponse::Handled;
    }));
    m_server->set_exception_handler(
        [this](const httplib::Request &, httplib::Response &res, std::exception_ptr ep) {
            QString what = QStringLiteral("unknown exception");
            try {
                if (ep)
                    std::rethrow_exception(ep);
            } catch (const std::exception &e) {
                what = QString::fromLocal8Bit(e.what());
            } catch (...) {
            }
            m_log.error(QStringLiteral("unhandled exception"),
                        {{QStringLiteral("route"), t_trace.route}, {QStringLiteral("error"), what}});
            res.status = 500;
            jsonError(res, "internal", QStringLiteral("Error interno del servidor."));
        });
    m_server->set_logger([this](const httplib::Request &req, const httplib::Response &res) {
        onRequestLogged(req, res);
    });

    get(QStringLiteral("/metrics"), [this](const httplib::Request &, httplib::Response &res) {
        res.set_content(m_metrics.prometheusText().toStdString(),
                        "text/plain; version=0.0.4; charset=utf-8");
    });
}

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::annotate(const QString &key, const QJsonValue &value)
{
    if (t_trace.active)
        t_trace.extra.insert(key, value);
}

void HttpServer::setWorkerHooks(Hook onThreadStart, Hook onThreadExit)
{
    m_onThreadStart = std::move(onThreadStart);
    m_onThreadExit = std::move(onThreadExit);
}

void HttpServer::get(const QString &path, Handler handler)
{
    install(QStringLiteral("GET"), path, std::move(handler));
}

void HttpServer::post(const QString &path, Handler handler)
{
    install(QStringLiteral("POST"), path, std::move(handler));
}

void HttpServer::install(const QString &method, const QString &path, Handler handler)
{
    // Exact paths only: httplib takes a regular expression, so nothing special may slip in.
    static const QRegularExpression plain(QStringLiteral("^(/[a-z0-9_-]+)+$"));
    Q_ASSERT_X(plain.match(path).hasMatch(), "HttpServer::install", "route must be a plain path");
    auto wrapped = [this, path, handler = std::move(handler)](const httplib::Request &req,
                                                              httplib::Response &res) {
        t_trace.route = path;
        try {
            handler(req, res);
        } catch (const std::exception &e) {
            m_log.error(QStringLiteral("handler threw"),
                        {{QStringLiteral("route"), path},
                         {QStringLiteral("error"), QString::fromLocal8Bit(e.what())}});
            res.status = 500;
            jsonError(res, "internal", QStringLiteral("Error interno del servidor."));
        }
    };
    const std::string pattern = path.toStdString();
    if (method == QLatin1String("GET"))
        m_server->Get(pattern, std::move(wrapped));
    else
        m_server->Post(pattern, std::move(wrapped));
}

void HttpServer::onRequestLogged(const httplib::Request &req, const httplib::Response &res)
{
    double seconds = 0;
    QString route = QStringLiteral("unmatched");
    QString requestId;
    QJsonObject fields;
    if (t_trace.active) {
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_trace.start)
                      .count();
        route = t_trace.route;
        requestId = t_trace.requestId;
        fields = t_trace.extra;
        t_trace.active = false;
    }
    m_metrics.recordRequest(route, res.status, seconds);
    fields.insert(QStringLiteral("route"), route);
    fields.insert(QStringLiteral("method"), QString::fromStdString(req.method));
    fields.insert(QStringLiteral("status"), res.status);
    fields.insert(QStringLiteral("ms"), qRound(seconds * 100000.0) / 100.0);
    if (!requestId.isEmpty())
        fields.insert(QStringLiteral("request_id"), requestId);
    if (route == QLatin1String("unmatched"))
        fields.insert(QStringLiteral("path"), QString::fromStdString(req.path).left(200));
    fields.insert(QStringLiteral("remote"), QString::fromStdString(req.remote_addr));
    const JsonLog::Level level = res.status >= 500 ? JsonLog::Level::Error : JsonLog::Level::Info;
    m_log.log(level, QStringLiteral("request"), fields);
}

bool HttpServer::bind(QString *error)
{
    if (m_options.tls && !m_server->is_valid()) {
        if (error)
            *error = m_tlsError.isEmpty()
                         ? QStringLiteral("TLS could not be set up: %1").arg(openSslErrors())
                         : m_tlsError;
        return false;
    }
    const int workers = std::max(1, m_options.workers);
    m_server->new_task_queue = [this, workers]() -> httplib::TaskQueue * {
        return new WorkerPool(workers, m_onThreadStart, m_onThreadExit);
    };
    const std::string host = m_options.address.toStdString();
    if (m_options.port == 0) {
        m_port = m_server->bind_to_any_port(host);
        m_bound = m_port > 0;
    } else {
        m_bound = m_server->bind_to_port(host, m_options.port);
        m_port = m_bound ? m_options.port : 0;
    }
    if (!m_bound && error) {
        *error = QStringLiteral("cannot listen on %1 port %2: the address is not local, or the "
                                "port is taken or needs privileges")
                     .arg(m_options.address)
                     .arg(m_options.port);
    }
    return m_bound;
}

bool HttpServer::run()
{
    if (!m_bound)
        return false;
    m_inRun = true;
    if (m_stopRequested) {
        m_inRun = false;
        return true;
    }
    m_server->listen_after_bind();
    m_inRun = false;
    return m_stopRequested.load();
}

void HttpServer::stop()
{
    m_stopRequested = true;
    // run() may be between its check and httplib setting is_running(): wait for either.
    for (int i = 0; i < 500; ++i) {
        if (m_server->is_running()) {
            m_server->stop();
            return;
        }
        if (!m_inRun)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

} // namespace tambo::server
