#pragma once

#include <httplib.h>

#include <QJsonObject>
#include <QString>

#include <memory>
#include <string>

namespace tambo::test {

// A small synchronous HTTPS client for the server tests (cpp-httplib's SSLClient) that trusts
// exactly one certificate and verifies it, including the host (127.0.0.1 in its SAN).
class TestClient
{
public:
    TestClient(int port, const QString &caCertificate); // HTTPS, verification on
    explicit TestClient(int port);                      // plain HTTP (tls=false servers)

    struct Reply
    {
        int status = 0; // 0: no HTTP answer (see error)
        QJsonObject json;
        std::string body;
        httplib::Headers headers;
        httplib::Error error = httplib::Error::Success;
        QString header(const char *name) const;
        QString errorText() const { return QString::fromStdString(httplib::to_string(error)); }
    };

    Reply get(const QString &path, const QString &bearer = {});
    Reply post(const QString &path, const QJsonObject &body, const QString &bearer = {});
    Reply postRaw(const QString &path,
                  const std::string &body,
                  const std::string &contentType,
                  const QString &bearer = {});
    // A request with extra headers (e.g. X-Request-Id, X-Forwarded-For).
    Reply get(const QString &path, const httplib::Headers &headers);
    Reply postWithHeaders(const QString &path,
                          const QJsonObject &body,
                          const httplib::Headers &headers);
    // Connects from this local address (e.g. 127.0.0.2, another loopback address, to stand for
    // a second machine such as a reverse proxy).
    void bindTo(const QString &localAddress);

    httplib::ClientImpl &impl() { return *m_client; }

private:
    static Reply toReply(const httplib::Result &result);
    static httplib::Headers headersFor(const QString &bearer);

    std::unique_ptr<httplib::ClientImpl> m_client;
};

} // namespace tambo::test
