#include "TestClient.h"

#include <QFile>
#include <QJsonDocument>

namespace tambo::test {

TestClient::TestClient(int port, const QString &caCertificate)
{
    auto tls = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
    tls->set_ca_cert_path(QFile::encodeName(caCertificate).toStdString());
    tls->enable_server_certificate_verification(true);
    m_client = std::move(tls);
    m_client->set_connection_timeout(5, 0);
    m_client->set_read_timeout(60, 0);
    m_client->set_write_timeout(10, 0);
}

TestClient::TestClient(int port)
    : m_client(std::make_unique<httplib::ClientImpl>("127.0.0.1", port))
{
    m_client->set_connection_timeout(5, 0);
    m_client->set_read_timeout(60, 0);
    m_client->set_write_timeout(10, 0);
}

QString TestClient::Reply::header(const char *name) const
{
    const auto it = headers.find(name);
    return it == headers.end() ? QString() : QString::fromStdString(it->second);
}

TestClient::Reply TestClient::toReply(const httplib::Result &result)
{
    Reply reply;
    reply.error = result.error();
    if (!result)
        return reply;
    reply.status = result->status;
    reply.body = result->body;
    reply.headers = result->headers;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(result->body));
    if (doc.isObject())
        reply.json = doc.object();
    return reply;
}

httplib::Headers TestClient::headersFor(const QString &bearer)
{
    httplib::Headers headers;
    if (!bearer.isEmpty())
        headers.emplace("Authorization", "Bearer " + bearer.toStdString());
    return headers;
}

TestClient::Reply TestClient::get(const QString &path, const QString &bearer)
{
    return toReply(m_client->Get(path.toStdString(), headersFor(bearer)));
}

TestClient::Reply TestClient::get(const QString &path, const httplib::Headers &headers)
{
    return toReply(m_client->Get(path.toStdString(), headers));
}

TestClient::Reply TestClient::postWithHeaders(const QString &path,
                                              const QJsonObject &body,
                                              const httplib::Headers &headers)
{
    return toReply(m_client->Post(path.toStdString(),
                                  headers,
                                  QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                                  "application/json"));
}

void TestClient::bindTo(const QString &localAddress)
{
    m_client->set_interface(localAddress.toStdString());
}

TestClient::Reply TestClient::post(const QString &path,
                                   const QJsonObject &body,
                                   const QString &bearer)
{
    return postRaw(path,
                   QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                   "application/json",
                   bearer);
}

TestClient::Reply TestClient::postRaw(const QString &path,
                                      const std::string &body,
                                      const std::string &contentType,
                                      const QString &bearer)
{
    return toReply(m_client->Post(path.toStdString(), headersFor(bearer), body, contentType));
}

} // namespace tambo::test
