#include "sync/ServerEnrollment.h"

#include "sync/SyncHttpClient.h"

#include <QJsonObject>

namespace tambo::core {

ServerEnrollment::ServerEnrollment(SyncHttpClient &client,
                                   QUuid deviceId,
                                   BundleKeyPair deviceKey,
                                   QString deviceName)
    : m_client(client)
    , m_deviceId(deviceId)
    , m_key(std::move(deviceKey))
    , m_deviceName(std::move(deviceName))
{}

ServerEnrollment::Result ServerEnrollment::failure(int status,
                                                   const QString &serverMessage,
                                                   const QString &networkError) const
{
    Result result;
    if (status == 0)
        result.message = tr("The sync server does not answer (%1). Check the server address in "
                            "the settings and the network link; this PC keeps working offline.")
                             .arg(networkError.isEmpty() ? tr("no connection") : networkError);
    else if (!serverMessage.isEmpty())
        result.message = serverMessage;
    else
        result.message = tr("The sync server refused the connection (HTTP %1).").arg(status);
    return result;
}

ServerEnrollment::Result ServerEnrollment::enroll(const QString &username, const QString &password)
{
    m_client.setTokens({}, {});
    if (m_deviceId.isNull() || !m_key.isValid())
        return Result{false,
                      tr("This PC has no device identity yet; restart Tambo."),
                      false,
                      {},
                      {},
                      {}};

    SyncHttpClient::Reply reply = m_client.login(username, password, m_deviceId, m_key.secretKey);
    bool registered = false;
    if (reply.status == 404 && reply.errorCode() == QLatin1String("device_not_registered")) {
        // First connection of this PC: log in unbound, register the device, log in bound.
        const SyncHttpClient::Reply unbound = m_client.login(username, password);
        if (!unbound.ok())
            return failure(unbound.status, unbound.message(), unbound.networkError);
        const SyncHttpClient::Reply reg = m_client.registerDevice(m_deviceId,
                                                                  m_key.publicKey,
                                                                  m_deviceName);
        if (!reg.ok()) {
            m_client.setTokens({}, {});
            if (reg.errorCode() == QLatin1String("device_key_mismatch"))
                return Result{false,
                              tr("The server knows this PC's device id with another key (was the "
                                 "store copied from another PC?). Ask the OTIC office to revoke "
                                 "the old device; nothing was changed on this PC."),
                              false,
                              {},
                              {},
                              {}};
            return failure(reg.status, reg.message(), reg.networkError);
        }
        registered = true;
        reply = m_client.login(username, password, m_deviceId, m_key.secretKey);
    }
    if (!reply.ok()) {
        m_client.setTokens({}, {});
        return failure(reply.status, reply.message(), reply.networkError);
    }
    const QJsonObject user = reply.json.value(QStringLiteral("user")).toObject();
    Result result;
    result.ok = true;
    result.registered = registered;
    result.fullName = user.value(QStringLiteral("full_name")).toString();
    result.role = user.value(QStringLiteral("role")).toString();
    result.sede = user.value(QStringLiteral("sede")).toString();
    result.bundleKey = UserBundleKey::Params::fromJson(
        reply.json.value(QStringLiteral("bundle_key")).toObject());
    result.message = tr("This PC is connected to the sync server as %1.")
                         .arg(result.fullName.isEmpty() ? username : result.fullName);
    return result;
}

} // namespace tambo::core
