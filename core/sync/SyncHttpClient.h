#pragma once

#include <QJsonObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace tambo::core {

class Clock;

// HTTPS calls of the sync protocol (docs/sync-protocol.md) over QtNetwork, synchronous: each
// call waits in a local event loop, so it is meant for the sync worker's thread (where the
// object must be created and used). Verifies the server certificate against the system CAs or
// the given CA file. Keeps the bearer tokens; with only a refresh token (a restarted PC) or on
// 401 token_expired it refreshes first and retries the call once. The refresh of a session bound
// to a device is signed with the device's key (DeviceLoginProof::signRefresh; setDeviceKey, or
// the key given to a bound login), and signed again once with the server's time when the server
// finds the PC's clock off. A refresh the server refuses for good (401/403: revoked, reused,
// expired, session past its maximum lifetime, wrong device key) drops both tokens: the user must
// connect again.
// Every change of the tokens by login, refresh or that drop is reported to the tokens-changed
// callback, so the refresh token can be kept in the keychain.
class SyncHttpClient
{
public:
    struct Options
    {
        QUrl baseUrl;          // https://tambo.munitacna.gob.pe:8443
        QString caCertificate; // PEM file to trust (development certificate); empty: system
        int timeoutMs = 30000;
        const Clock *clock = nullptr; // the PC's clock for device login proofs; null: system
    };

    struct Reply
    {
        int status = 0; // 0: no HTTP answer (offline, TLS failure, timeout)
        QJsonObject json;
        QString networkError;
        bool ok() const { return status >= 200 && status < 300; }
        bool offline() const { return status == 0; }
        QString errorCode() const { return json.value(QStringLiteral("error")).toString(); }
        QString message() const { return json.value(QStringLiteral("message")).toString(); }
    };

    explicit SyncHttpClient(Options options);
    ~SyncHttpClient();
    SyncHttpClient(const SyncHttpClient &) = delete;
    SyncHttpClient &operator=(const SyncHttpClient &) = delete;

    void setTokens(const QString &accessToken, const QString &refreshToken);
    using TokensChanged
        = std::function<void(const QString &accessToken, const QString &refreshToken)>;
    void setTokensChangedCallback(TokensChanged callback) { m_tokensChanged = std::move(callback); }
    bool hasSession() const { return !m_access.isEmpty() || !m_refresh.isEmpty(); }
    QString accessToken() const { return m_access; }
    QString refreshToken() const { return m_refresh; }
    // The device whose Ed25519 secret key signs refreshes (a restarted PC sets it with the
    // refresh token it kept); a login bound to a device sets it too.
    void setDeviceKey(const QUuid &deviceId, const QByteArray &secretKey);

    // POST /v1/auth/login; keeps the tokens on success. A login bound to a device is signed
    // with the device's Ed25519 secret key (DeviceLoginProof); when the server finds the PC's
    // clock too far from its own (401 device_proof_stale), it is signed again once with the
    // server's time.
    Reply login(const QString &username,
                const QString &password,
                const QUuid &deviceId = {},
                const QByteArray &deviceSecretKey = {});
    // POST /v1/devices/register with an Ed25519 public key (32 bytes).
    Reply registerDevice(const QUuid &deviceId, const QByteArray &publicKey, const QString &name);

    // An authenticated POST of body to path.
    Reply post(const QString &path, const QJsonObject &body);
    // An authenticated GET of path with query (refreshing an expired token, as post() does).
    Reply get(const QString &path, const QUrlQuery &query = {});

    // The same POST in two steps: startPost() sends it and returns at once (Qt carries HTTP on
    // its own thread), finishPost() waits for the answer (refreshing an expired token and
    // retrying once, as post() does). The sync session fetches the next pull page this way
    // while it applies the current one. A started post is finished or abandoned exactly once.
    struct PendingPost
    {
        QPointer<QNetworkReply> reply;
        QString path;
        QJsonObject body;
    };
    PendingPost startPost(const QString &path, const QJsonObject &body);
    Reply finishPost(PendingPost &pending);
    void abandon(PendingPost &pending);

    // Closes the kept-alive connections (after a sync run: an idle one holds a server worker).
    void closeIdleConnections();

private:
    QNetworkRequest request(const QString &path, const QUrlQuery &query, bool withToken) const;
    QNetworkReply *begin(const QString &path, const QJsonObject &body, bool withToken);
    Reply wait(QNetworkReply *reply);
    Reply send(const QString &path, const QJsonObject &body, bool withToken);
    bool refresh();
    void changeTokens(const QString &accessToken, const QString &refreshToken);

    Options m_options;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QString m_access;
    QString m_refresh;
    QUuid m_deviceId;
    QByteArray m_deviceSecretKey;
    TokensChanged m_tokensChanged;
};

} // namespace tambo::core
