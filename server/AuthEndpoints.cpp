#include "AuthEndpoints.h"

#include "ApiContext.h"
#include "DeviceRegistry.h"
#include "HttpServer.h"
#include "JsonReply.h"
#include "UserAccounts.h"

#include "sync/DeviceLoginProof.h"
#include "util/Clock.h"

#include <QJsonValue>

namespace tambo::server {

namespace {

const QString MsgInvalidCredentials = QStringLiteral("Usuario o contraseña incorrectos.");
const QString MsgAccountDisabled = QStringLiteral(
    "La cuenta está deshabilitada. Comuníquese con la OTIC.");
const QString MsgDeviceRevoked = QStringLiteral(
    "Este equipo fue revocado por la OTIC y ya no puede conectarse al servidor.");

const QString MsgDeviceProofInvalid = QStringLiteral(
    "La firma de este equipo no corresponde a la clave con que se registró. Si la base local se "
    "copió de otra PC, pida a la OTIC que revoque el equipo.");

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

void answerStaleProof(httplib::Response &res, const QDateTime &now)
{
    JsonReply::send(res,
                    401,
                    {{QStringLiteral("error"), QStringLiteral("device_proof_stale")},
                     {QStringLiteral("message"),
                      QStringLiteral("La hora de la firma del equipo difiere de la del servidor; "
                                     "firme de nuevo con la hora del servidor.")},
                     {QStringLiteral("server_time"), iso(now)}});
    HttpServer::annotate(QStringLiteral("error"), QStringLiteral("device_proof_stale"));
}

void answerTokenFailure(ApiContext &ctx,
                        httplib::Response &res,
                        TokenService::Status status,
                        const QString &dbError,
                        bool refreshing)
{
    using S = TokenService::Status;
    switch (status) {
    case S::Ok:
        return;
    case S::Invalid:
        JsonReply::error(res,
                         401,
                         refreshing ? QStringLiteral("invalid_refresh_token")
                                    : QStringLiteral("invalid_token"),
                         refreshing
                             ? QStringLiteral(
                                 "El token de actualización no es válido. Inicie sesión de nuevo.")
                             : QStringLiteral(
                                 "El token de acceso no es válido. Inicie sesión de nuevo."));
        break;
    case S::Expired:
        JsonReply::error(
            res,
            401,
            QStringLiteral("token_expired"),
            refreshing ? QStringLiteral("El token de actualización venció. Inicie sesión de nuevo.")
                       : QStringLiteral(
                           "El token de acceso venció. Renuévelo con el token de actualización."));
        break;
    case S::Revoked:
        JsonReply::error(res,
                         401,
                         QStringLiteral("session_revoked"),
                         QStringLiteral("La sesión fue cerrada. Inicie sesión de nuevo."));
        break;
    case S::Reused:
        JsonReply::error(res,
                         401,
                         QStringLiteral("refresh_token_reused"),
                         QStringLiteral(
                             "El token de actualización ya se había usado; por seguridad se "
                             "cerró la sesión. Inicie sesión de nuevo."));
        break;
    case S::UserDisabled:
        JsonReply::error(res, 403, QStringLiteral("account_disabled"), MsgAccountDisabled);
        break;
    case S::DeviceRevoked:
        JsonReply::error(res, 403, QStringLiteral("device_revoked"), MsgDeviceRevoked);
        break;
    case S::DeviceUnknown:
        JsonReply::error(res,
                         404,
                         QStringLiteral("device_not_registered"),
                         QStringLiteral("Este equipo no está registrado en el servidor."));
        break;
    case S::SessionExpired:
        JsonReply::error(res,
                         401,
                         QStringLiteral("session_expired"),
                         QStringLiteral("La sesión llegó a su duración máxima (%1 días desde que "
                                        "se inició). Inicie sesión de nuevo.")
                             .arg(ctx.lifetimes.sessionMaxDays));
        break;
    case S::DeviceProofRequired:
        JsonReply::error(res,
                         400,
                         QStringLiteral("device_proof_required"),
                         QStringLiteral("La renovación de la sesión de un equipo debe llevar la "
                                        "firma del equipo (device_proof y device_proof_time). "
                                        "Actualice Tambo."));
        break;
    case S::DeviceProofInvalid:
        JsonReply::error(res, 401, QStringLiteral("device_proof_invalid"), MsgDeviceProofInvalid);
        break;
    case S::DeviceProofStale:
        answerStaleProof(res, ctx.clock.now());
        break;
    case S::DbError:
        JsonReply::databaseError(ctx, res, dbError);
        break;
    }
    if (res.status == 401) {
        res.set_header("WWW-Authenticate",
                       refreshing ? "Bearer realm=\"tambo\""
                                  : "Bearer realm=\"tambo\", error=\"invalid_token\"");
    }
}

} // namespace

void AuthEndpoints::install(HttpServer &server)
{
    server.post(QStringLiteral("/v1/auth/login"),
                [this](const httplib::Request &req, httplib::Response &res) { login(req, res); });
    server.post(QStringLiteral("/v1/auth/refresh"),
                [this](const httplib::Request &req, httplib::Response &res) { refresh(req, res); });
    server.get(QStringLiteral("/v1/auth/session"),
               [this](const httplib::Request &req, httplib::Response &res) { session(req, res); });
}

QJsonObject AuthEndpoints::userJson(const ServerUser &user)
{
    return {{QStringLiteral("username"), user.username},
            {QStringLiteral("full_name"), user.fullName},
            {QStringLiteral("role"), user.roleId},
            {QStringLiteral("sede"),
             user.sedeId.isEmpty() ? QJsonValue() : QJsonValue(user.sedeId)}};
}

QJsonObject AuthEndpoints::tokensJson(const TokenService::TokenPair &tokens, const QDateTime &now)
{
    return {{QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("access_token"), tokens.accessToken},
            {QStringLiteral("expires_in"), now.secsTo(tokens.accessExpiresAt)},
            {QStringLiteral("access_expires_at"), iso(tokens.accessExpiresAt)},
            {QStringLiteral("refresh_token"), tokens.refreshToken},
            {QStringLiteral("refresh_expires_in"), now.secsTo(tokens.refreshExpiresAt)},
            {QStringLiteral("refresh_expires_at"), iso(tokens.refreshExpiresAt)}};
}

std::optional<TokenService::Principal> AuthEndpoints::authenticate(ApiContext &ctx,
                                                                   const httplib::Request &req,
                                                                   httplib::Response &res)
{
    const QString token = JsonReply::bearerToken(req);
    if (token.isEmpty()) {
        JsonReply::error(res,
                         401,
                         QStringLiteral("missing_token"),
                         QStringLiteral(
                             "Falta el token de acceso (cabecera «Authorization: Bearer …»)."));
        res.set_header("WWW-Authenticate", "Bearer realm=\"tambo\"");
        return std::nullopt;
    }
    QString error;
    QSqlDatabase db = ctx.db.connection(&error);
    if (!db.isOpen()) {
        JsonReply::databaseError(ctx, res, error);
        return std::nullopt;
    }
    const TokenService::AuthResult auth = TokenService(db, ctx.clock, ctx.lifetimes)
                                              .authenticate(token);
    if (!auth.ok()) {
        answerTokenFailure(ctx, res, auth.status, auth.error, false);
        return std::nullopt;
    }
    HttpServer::annotate(QStringLiteral("user"), auth.principal.user.username);
    return auth.principal;
}

void AuthEndpoints::login(const httplib::Request &req, httplib::Response &res)
{
    const auto body = JsonReply::parseObject(req, res);
    if (!body)
        return;
    const auto username = JsonReply::requireString(*body, QStringLiteral("username"), res);
    if (!username)
        return;
    const auto password = JsonReply::requireString(*body, QStringLiteral("password"), res);
    if (!password)
        return;
    QUuid deviceId;
    if (!JsonReply::readUuid(*body, QStringLiteral("device_id"), false, &deviceId, res))
        return;
    // A login bound to a device is signed with the device's key (core::DeviceLoginProof).
    const std::optional<core::DeviceLoginProof> proof = deviceId.isNull()
                                                            ? std::nullopt
                                                            : core::DeviceLoginProof::fromJson(
                                                                *body);
    if (!deviceId.isNull() && !proof) {
        return JsonReply::error(res,
                                400,
                                QStringLiteral("device_proof_required"),
                                QStringLiteral("Un inicio de sesión de un equipo debe llevar la "
                                               "firma del equipo (device_proof y "
                                               "device_proof_time). Actualice Tambo."));
    }
    HttpServer::annotate(QStringLiteral("user"),
                         UserAccounts::normalizedUsername(*username).left(64));

    QString error;
    QSqlDatabase db = m_ctx.db.connection(&error);
    if (!db.isOpen())
        return JsonReply::databaseError(m_ctx, res, error);

    const UserAccounts::Result checked = UserAccounts(db, m_ctx.clock, m_ctx.hasher)
                                             .verifyLogin(*username, *password);
    switch (checked.status) {
    case UserAccounts::Status::Ok:
        break;
    case UserAccounts::Status::Disabled:
        return JsonReply::error(res, 403, QStringLiteral("account_disabled"), MsgAccountDisabled);
    case UserAccounts::Status::DbError:
        return JsonReply::databaseError(m_ctx, res, checked.error);
    default:
        JsonReply::error(res, 401, QStringLiteral("invalid_credentials"), MsgInvalidCredentials);
        res.set_header("WWW-Authenticate", "Bearer realm=\"tambo\"");
        return;
    }

    const QDateTime now = m_ctx.clock.now().toUTC();
    if (proof) {
        // Checked against the registered key; an unknown or revoked device is answered by the
        // token service below (404 device_not_registered lets a new PC register first).
        QString findError;
        const std::optional<DeviceInfo> device = DeviceRegistry(db, m_ctx.clock)
                                                     .find(deviceId, &findError);
        if (!device && !findError.isEmpty())
            return JsonReply::databaseError(m_ctx, res, findError);
        if (device && !device->revoked) {
            if (!proof->verify(device->publicKey, deviceId, *username)) {
                return JsonReply::error(res,
                                        401,
                                        QStringLiteral("device_proof_invalid"),
                                        MsgDeviceProofInvalid);
            }
            if (qAbs(proof->signedAt().secsTo(now)) > core::DeviceLoginProof::MaxSkewSeconds)
                return answerStaleProof(res, now);
        }
    }
    const TokenService::IssueResult issued = TokenService(db, m_ctx.clock, m_ctx.lifetimes)
                                                 .issue(checked.user, deviceId);
    if (!issued.ok())
        return answerTokenFailure(m_ctx, res, issued.status, issued.error, false);

    QJsonObject reply = tokensJson(issued.tokens, now);
    reply.insert(QStringLiteral("user"), userJson(checked.user));
    reply.insert(QStringLiteral("device_id"),
                 deviceId.isNull() ? QJsonValue()
                                   : QJsonValue(deviceId.toString(QUuid::WithoutBraces)));
    JsonReply::send(res, 200, reply);
}

void AuthEndpoints::refresh(const httplib::Request &req, httplib::Response &res)
{
    const auto body = JsonReply::parseObject(req, res);
    if (!body)
        return;
    const auto token = JsonReply::requireString(*body, QStringLiteral("refresh_token"), res);
    if (!token)
        return;
    QString error;
    QSqlDatabase db = m_ctx.db.connection(&error);
    if (!db.isOpen())
        return JsonReply::databaseError(m_ctx, res, error);

    const QDateTime now = m_ctx.clock.now().toUTC();
    // Required by TokenService when the session is bound to a device; malformed counts as absent.
    const std::optional<core::DeviceLoginProof> proof = core::DeviceLoginProof::fromJson(*body);
    const TokenService::IssueResult issued = TokenService(db, m_ctx.clock, m_ctx.lifetimes)
                                                 .refresh(*token, proof);
    if (!issued.principal.user.username.isEmpty())
        HttpServer::annotate(QStringLiteral("user"), issued.principal.user.username);
    if (!issued.ok()) {
        using S = TokenService::Status;
        if (issued.status == S::Reused || issued.status == S::DeviceProofInvalid) {
            QJsonObject fields{{QStringLiteral("user"), issued.principal.user.username},
                               {QStringLiteral("source"), QString::fromStdString(req.remote_addr)},
                               {QStringLiteral("family"),
                                issued.principal.familyId.toString(QUuid::WithoutBraces)},
                               {QStringLiteral("reason"),
                                issued.status == S::Reused
                                    ? QStringLiteral("refresh_token_reused")
                                    : QStringLiteral("device_proof_invalid")}};
            if (!issued.principal.deviceId.isNull())
                fields.insert(QStringLiteral("device_id"),
                              issued.principal.deviceId.toString(QUuid::WithoutBraces));
            m_ctx.log.warning(QStringLiteral("refresh refused"), fields);
        }
        return answerTokenFailure(m_ctx, res, issued.status, issued.error, true);
    }

    QJsonObject reply = tokensJson(issued.tokens, now);
    reply.insert(QStringLiteral("user"), userJson(issued.principal.user));
    reply.insert(QStringLiteral("device_id"),
                 issued.principal.deviceId.isNull()
                     ? QJsonValue()
                     : QJsonValue(issued.principal.deviceId.toString(QUuid::WithoutBraces)));
    JsonReply::send(res, 200, reply);
}

void AuthEndpoints::session(const httplib::Request &req, httplib::Response &res)
{
    const auto principal = authenticate(m_ctx, req, res);
    if (!principal)
        return;
    JsonReply::send(res,
                    200,
                    {{QStringLiteral("user"), userJson(principal->user)},
                     {QStringLiteral("device_id"),
                      principal->deviceId.isNull()
                          ? QJsonValue()
                          : QJsonValue(principal->deviceId.toString(QUuid::WithoutBraces))},
                     {QStringLiteral("expires_at"), iso(principal->expiresAt)}});
}

} // namespace tambo::server
