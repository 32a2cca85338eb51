#include "sync/SyncHttpClient.h"

#include "sync/DeviceLoginProof.h"
#include "util/Clock.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace tambo::core {

SyncHttpClient::SyncHttpClient(Options options)
    : m_options(std::move(options))
    , m_nam(std::make_unique<QNetworkAccessManager>())
{}

SyncHttpClient::~SyncHttpClient() = default;

void SyncHttpClient::setTokens(const QString &accessToken, const QString &refreshToken)
{
    m_access = accessToken;
    m_refresh = refreshToken;
}

void SyncHttpClient::setDeviceKey(const QUuid &deviceId, const QByteArray &secretKey)
{
    m_deviceId = deviceId;
    m_deviceSecretKey = secretKey;
}

QNetworkRequest SyncHttpClient::request(const QString &path,
                                        const QUrlQuery &query,
                                        bool withToken) const
{
    QUrl url = m_options.baseUrl;
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.timeoutMs);
    if (withToken && !m_access.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_access.toLatin1());
    if (url.scheme() == QLatin1String("https") && !m_options.caCertificate.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(m_options.caCertificate));
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request.setSslConfiguration(tls);
    }
    return request;
}

QNetworkReply *SyncHttpClient::begin(const QString &path, const QJsonObject &body, bool withToken)
{
    QNetworkRequest post = request(path, {}, withToken);
    post.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    return m_nam->post(post, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

SyncHttpClient::Reply SyncHttpClient::wait(QNetworkReply *reply)
{
    Reply result;
    if (!reply) {
        result.networkError = QStringLiteral("request lost");
        return result;
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray bytes = reply->readAll();
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parse);
    result.json = document.object();
    // A transfer that broke after the status line (the server died, the link dropped midway)
    // is no answer at all: the same as offline, retried later; never read as a bad answer.
    const QNetworkReply::NetworkError error = reply->error();
    const bool transportFailed = error != QNetworkReply::NoError
                                 && error < QNetworkReply::ContentAccessDenied;
    const bool cutAnswer = result.ok()
                           && (parse.error != QJsonParseError::NoError || !document.isObject());
    if (result.status == 0 || transportFailed || cutAnswer) {
        result.status = 0;
        result.json = {};
        result.networkError = cutAnswer && !transportFailed
                                  ? QStringLiteral("incomplete answer from the server")
                                  : reply->errorString();
    }
    reply->deleteLater();
    return result;
}

SyncHttpClient::Reply SyncHttpClient::send(const QString &path,
                                           const QJsonObject &body,
                                           bool withToken)
{
    return wait(begin(path, body, withToken));
}

void SyncHttpClient::changeTokens(const QString &accessToken, const QString &refreshToken)
{
    setTokens(accessToken, refreshToken);
    if (m_tokensChanged)
        m_tokensChanged(m_access, m_refresh);
}

bool SyncHttpClient::refresh()
{
    if (m_refresh.isEmpty())
        return false;
    QJsonObject body{{QStringLiteral("refresh_token"), m_refresh}};
    const bool signing = !m_deviceId.isNull() && !m_deviceSecretKey.isEmpty();
    const auto signAt = [&](const QDateTime &at) {
        DeviceLoginProof::signRefresh(m_deviceSecretKey, m_deviceId, m_refresh, at).addTo(&body);
    };
    if (signing)
        signAt(m_options.clock ? m_options.clock->now() : QDateTime::currentDateTimeUtc());
    Reply r = send(QStringLiteral("/v1/auth/refresh"), body, false);
    if (signing && r.status == 401 && r.errorCode() == QLatin1String("device_proof_stale")) {
        // This PC's clock is off: sign with the server's time (the answer is seconds old).
        const QDateTime serverTime
            = QDateTime::fromString(r.json.value(QStringLiteral("server_time")).toString(),
                                    Qt::ISODateWithMs);
        if (serverTime.isValid()) {
            signAt(serverTime);
            r = send(QStringLiteral("/v1/auth/refresh"), body, false);
        }
    }
    if (!r.ok()) {
        // Revoked, reused, expired, past the session's lifetime, not this device's key: only a
        // new login helps. A clock still off, or a client too old to sign, keeps the tokens.
        const bool forGood = (r.status == 401 || r.status == 403)
                             && r.errorCode() != QLatin1String("device_proof_stale");
        if (forGood)
            changeTokens({}, {});
        return false;
    }
    changeTokens(r.json.value(QStringLiteral("access_token")).toString(),
                 r.json.value(QStringLiteral("refresh_token")).toString());
    return true;
}

SyncHttpClient::Reply SyncHttpClient::login(const QString &username,
                                            const QString &password,
                                            const QUuid &deviceId,
                                            const QByteArray &deviceSecretKey)
{
    QJsonObject body{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    const auto signAt = [&](const QDateTime &at) {
        DeviceLoginProof::sign(deviceSecretKey, deviceId, username, at).addTo(&body);
    };
    if (!deviceId.isNull()) {
        body.insert(QStringLiteral("device_id"), deviceId.toString(QUuid::WithoutBraces));
        signAt(m_options.clock ? m_options.clock->now() : QDateTime::currentDateTimeUtc());
    }
    Reply r = send(QStringLiteral("/v1/auth/login"), body, false);
    if (!deviceId.isNull() && r.status == 401
        && r.errorCode() == QLatin1String("device_proof_stale")) {
        // This PC's clock is off: sign with the server's time (the answer is seconds old).
        const QDateTime serverTime
            = QDateTime::fromString(r.json.value(QStringLiteral("server_time")).toString(),
                                    Qt::ISODateWithMs);
        if (serverTime.isValid()) {
            signAt(serverTime);
            r = send(QStringLiteral("/v1/auth/login"), body, false);
        }
    }
    if (r.ok()) {
        if (!deviceId.isNull())
            setDeviceKey(deviceId, deviceSecretKey);
        changeTokens(r.json.value(QStringLiteral("access_token")).toString(),
                     r.json.value(QStringLiteral("refresh_token")).toString());
    }
    return r;
}

SyncHttpClient::Reply SyncHttpClient::registerDevice(const QUuid &deviceId,
                                                     const QByteArray &publicKey,
                                                     const QString &name)
{
    return post(QStringLiteral("/v1/devices/register"),
                {{QStringLiteral("device_id"), deviceId.toString(QUuid::WithoutBraces)},
                 {QStringLiteral("public_key"), QString::fromLatin1(publicKey.toBase64())},
                 {QStringLiteral("name"), name}});
}

SyncHttpClient::Reply SyncHttpClient::post(const QString &path, const QJsonObject &body)
{
    if (m_access.isEmpty() && !m_refresh.isEmpty())
        refresh(); // a restarted PC keeps only the refresh token
    Reply r = send(path, body, true);
    if (r.status == 401 && r.errorCode() == QLatin1String("token_expired") && refresh())
        r = send(path, body, true);
    return r;
}

SyncHttpClient::Reply SyncHttpClient::get(const QString &path, const QUrlQuery &query)
{
    if (m_access.isEmpty() && !m_refresh.isEmpty())
        refresh();
    Reply r = wait(m_nam->get(request(path, query, true)));
    if (r.status == 401 && r.errorCode() == QLatin1String("token_expired") && refresh())
        r = wait(m_nam->get(request(path, query, true)));
    return r;
}

SyncHttpClient::PendingPost SyncHttpClient::startPost(const QString &path, const QJsonObject &body)
{
    if (m_access.isEmpty() && !m_refresh.isEmpty())
        refresh();
    return PendingPost{begin(path, body, true), path, body};
}

SyncHttpClient::Reply SyncHttpClient::finishPost(PendingPost &pending)
{
    Reply r = wait(pending.reply);
    pending.reply = nullptr;
    if (r.status == 401 && r.errorCode() == QLatin1String("token_expired") && refresh())
        r = send(pending.path, pending.body, true);
    return r;
}

void SyncHttpClient::abandon(PendingPost &pending)
{
    if (pending.reply) {
        pending.reply->abort();
        pending.reply->deleteLater();
    }
    pending.reply = nullptr;
}

void SyncHttpClient::closeIdleConnections()
{
    m_nam->clearConnectionCache();
}

} // namespace tambo::core
