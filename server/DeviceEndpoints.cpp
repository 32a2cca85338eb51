#include "DeviceEndpoints.h"

#include "ApiContext.h"
#include "AuthEndpoints.h"
#include "DeviceRegistry.h"
#include "HttpServer.h"
#include "JsonReply.h"

#include "auth/Roles.h"

#include <QJsonValue>

namespace tambo::server {

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

void DeviceEndpoints::install(HttpServer &server)
{
    server.post(QStringLiteral("/v1/devices/register"),
                [this](const httplib::Request &req, httplib::Response &res) {
                    registerDevice(req, res);
                });
    server.post(QStringLiteral("/v1/devices/revoke"),
                [this](const httplib::Request &req, httplib::Response &res) { revoke(req, res); });
}

void DeviceEndpoints::registerDevice(const httplib::Request &req, httplib::Response &res)
{
    const auto principal = AuthEndpoints::authenticate(m_ctx, req, res);
    if (!principal)
        return;
    const auto body = JsonReply::parseObject(req, res);
    if (!body)
        return;
    QUuid deviceId;
    if (!JsonReply::readUuid(*body, QStringLiteral("device_id"), true, &deviceId, res))
        return;
    const auto keyText = JsonReply::requireString(*body, QStringLiteral("public_key"), res);
    if (!keyText)
        return;
    const auto decoded = QByteArray::fromBase64Encoding(keyText->toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !DeviceRegistry::isValidPublicKey(*decoded)) {
        return JsonReply::error(res,
                                400,
                                QStringLiteral("invalid_public_key"),
                                QStringLiteral("La clave pública debe ser una clave Ed25519 de 32 "
                                               "bytes codificada en base64."));
    }
    const auto name = JsonReply::optionalString(*body, QStringLiteral("name"), 200, res);
    if (!name)
        return;
    HttpServer::annotate(QStringLiteral("device"), deviceId.toString(QUuid::WithoutBraces));

    QString error;
    QSqlDatabase db = m_ctx.db.connection(&error);
    if (!db.isOpen())
        return JsonReply::databaseError(m_ctx, res, error);
    const DeviceRegistry::Result r = DeviceRegistry(db, m_ctx.clock)
                                         .registerDevice(deviceId,
                                                         *decoded,
                                                         *name,
                                                         principal->user.id);
    const QJsonObject device{{QStringLiteral("device_id"), deviceId.toString(QUuid::WithoutBraces)},
                             {QStringLiteral("registered_at"), iso(r.device.registeredAt)}};
    switch (r.status) {
    case DeviceRegistry::Status::Registered: {
        QJsonObject reply = device;
        reply.insert(QStringLiteral("status"), QStringLiteral("registered"));
        m_ctx.log.info(QStringLiteral("device registered"),
                       {{QStringLiteral("device"), deviceId.toString(QUuid::WithoutBraces)},
                        {QStringLiteral("user"), principal->user.username}});
        return JsonReply::send(res, 201, reply);
    }
    case DeviceRegistry::Status::AlreadyRegistered: {
        QJsonObject reply = device;
        reply.insert(QStringLiteral("status"), QStringLiteral("already_registered"));
        return JsonReply::send(res, 200, reply);
    }
    case DeviceRegistry::Status::KeyMismatch:
        return JsonReply::error(res,
                                409,
                                QStringLiteral("device_key_mismatch"),
                                QStringLiteral(
                                    "Este equipo ya está registrado con otra clave pública."));
    case DeviceRegistry::Status::Revoked:
        return JsonReply::error(res,
                                403,
                                QStringLiteral("device_revoked"),
                                QStringLiteral(
                                    "Este equipo fue revocado por la OTIC. Para volver a "
                                    "usarlo debe registrarse con un identificador nuevo."));
    case DeviceRegistry::Status::Invalid:
        return JsonReply::error(res,
                                400,
                                QStringLiteral("invalid_public_key"),
                                QStringLiteral("La clave pública debe ser una clave Ed25519 de 32 "
                                               "bytes codificada en base64."));
    default:
        return JsonReply::databaseError(m_ctx, res, r.error);
    }
}

void DeviceEndpoints::revoke(const httplib::Request &req, httplib::Response &res)
{
    const auto principal = AuthEndpoints::authenticate(m_ctx, req, res);
    if (!principal)
        return;
    if (principal->user.roleId != QLatin1String(core::Roles::AdminOtic)) {
        return JsonReply::error(res,
                                403,
                                QStringLiteral("forbidden"),
                                QStringLiteral(
                                    "Solo el administrador de la OTIC puede revocar equipos."));
    }
    const auto body = JsonReply::parseObject(req, res);
    if (!body)
        return;
    QUuid deviceId;
    if (!JsonReply::readUuid(*body, QStringLiteral("device_id"), true, &deviceId, res))
        return;
    const auto reasonText = JsonReply::optionalString(*body, QStringLiteral("reason"), 2000, res);
    if (!reasonText)
        return;
    const QString reason = *reasonText;
    HttpServer::annotate(QStringLiteral("device"), deviceId.toString(QUuid::WithoutBraces));

    QString error;
    QSqlDatabase db = m_ctx.db.connection(&error);
    if (!db.isOpen())
        return JsonReply::databaseError(m_ctx, res, error);
    const DeviceRegistry::Result r = DeviceRegistry(db, m_ctx.clock)
                                         .revoke(deviceId, principal->user.id, reason);
    switch (r.status) {
    case DeviceRegistry::Status::Revoked:
        m_ctx.log.warning(QStringLiteral("device revoked"),
                          {{QStringLiteral("device"), deviceId.toString(QUuid::WithoutBraces)},
                           {QStringLiteral("by"), principal->user.username},
                           {QStringLiteral("tokens_revoked"), r.tokensRevoked}});
        return JsonReply::send(res,
                               200,
                               {{QStringLiteral("device_id"),
                                 deviceId.toString(QUuid::WithoutBraces)},
                                {QStringLiteral("status"), QStringLiteral("revoked")},
                                {QStringLiteral("tokens_revoked"), r.tokensRevoked}});
    case DeviceRegistry::Status::AlreadyRevoked:
        return JsonReply::send(res,
                               200,
                               {{QStringLiteral("device_id"),
                                 deviceId.toString(QUuid::WithoutBraces)},
                                {QStringLiteral("status"), QStringLiteral("already_revoked")},
                                {QStringLiteral("tokens_revoked"), 0}});
    case DeviceRegistry::Status::NotFound:
        return JsonReply::error(res,
                                404,
                                QStringLiteral("device_not_found"),
                                QStringLiteral("El equipo no está registrado."));
    default:
        return JsonReply::databaseError(m_ctx, res, r.error);
    }
}

} // namespace tambo::server
