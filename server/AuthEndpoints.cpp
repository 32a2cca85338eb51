#include "AuthEndpoints.h"

#include "ApiContext.h"
#include "ClientAddress.h"
#include "DeviceRegistry.h"
#include "HttpServer.h"
#include "JsonReply.h"
#include "UserAccounts.h"

#include "sync/DeviceLoginProof.h"
#include "util/Clock.h"

#include <QJsonValue>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <string>

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

// Every X-Forwarded-For header of the request, joined in order (a proxy may add its own).
QString forwardedFor(const httplib::Request &req)
{
    QStringList parts;
    const size_t n = req.get_header_value_count("X-Forwarded-For");
    for (size_t i = 0; i < n; ++i)
        parts << QString::fromStdString(req.get_header_value("X-Forwarded-For", i));
    return parts.join(QLatin1Char(','));
}

QString minutesText(qint64 secs)
{
    const qint64 minutes = std::max<qint64>(1, (secs + 59) / 60);
    return minutes == 1 ? QStringLiteral("1 minuto") : QStringLiteral("%1 minutos").arg(minutes);
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

QString AuthEndpoints::clientAddress(const ApiContext &ctx, const httplib::Request &req)
{
    return ClientAddress::resolve(QString::fromStdString(req.remote_addr),
                                  forwardedFor(req),
                                  ctx.trustedProxies);
}

void AuthEndpoints::logFailure(const QString &username,
                               const QString &source,
                               const QString &reason,
                               const QJsonObject &extra)
{
    QJsonObject fields{{QStringLiteral("user"), username},
                       {QStringLiteral("source"), source},
                       {QStringLiteral("reason"), reason}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        fields.insert(it.key(), it.value());
    m_ctx.log.warning(QStringLiteral("login failed"), fields);
}

void AuthEndpoints::answerLocked(httplib::Response &res,
                                 const LoginThrottle::Verdict &verdict,
                                 const QString &username,
                                 const QString &source)
{
    const QString reason = verdict.scope == QLatin1String("account")
                               ? QStringLiteral("account_locked")
                               : QStringLiteral("address_locked");
    m_ctx.metrics.recordLoginRefusal(reason);
    logFailure(username,
               source,
               reason,
               {{QStringLiteral("locked_until"), iso(verdict.lockedUntil)}});
    JsonReply::send(res,
                    429,
                    {{QStringLiteral("error"), QStringLiteral("too_many_attempts")},
                     {QStringLiteral("message"),
                      QStringLiteral("Demasiados intentos fallidos de inicio de sesión. Por "
                                     "seguridad, espere %1 antes de volver a intentarlo.")
                          .arg(minutesText(verdict.retryAfterSecs))},
                     {QStringLiteral("retry_after"), verdict.retryAfterSecs}});
    res.set_header("Retry-After", std::to_string(verdict.retryAfterSecs));
    HttpServer::annotate(QStringLiteral("error"), QStringLiteral("too_many_attempts"));
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
    const QString name = LoginThrottle::accountKey(*username);
    const QString source = clientAddress(m_ctx, req);
    HttpServer::annotate(QStringLiteral("user"), name);
    if (source != QString::fromStdString(req.remote_addr))
        HttpServer::annotate(QStringLiteral("client"), source);

    QString error;
    QSqlDatabase db = m_ctx.db.connection(&error);
    if (!db.isOpen())
        return JsonReply::databaseError(m_ctx, res, error);

    // Throttled before any Argon2id work: a locked account or address costs a SELECT.
    LoginThrottle throttle(db, m_ctx.clock, m_ctx.loginLimits);
    LoginThrottle::Verdict verdict = throttle.check(name, source);
    if (!verdict.ok())
        return JsonReply::databaseError(m_ctx, res, verdict.error);
    if (!verdict.allowed)
        return answerLocked(res, verdict, name, source);

    UserAccounts::Result checked;
    {
        const HashGate::Slot slot = m_ctx.hashGate.acquire(
            std::chrono::milliseconds(m_ctx.hashWaitMs));
        if (!slot) {
            m_ctx.metrics.recordLoginRefusal(QStringLiteral("server_busy"));
            logFailure(name, source, QStringLiteral("server_busy"));
            JsonReply::error(res,
                             503,
                             QStringLiteral("server_busy"),
                             QStringLiteral("El servidor está atendiendo muchos inicios de sesión "
                                            "a la vez. Intente de nuevo en unos segundos."));
            res.set_header("Retry-After", "2");
            return;
        }
        // Others may have failed (and locked) while this request waited for its slot; so at
        // most password_hash_slots checks per instance slip past a fresh lock.
        verdict = throttle.check(name, source);
        if (!verdict.ok())
            return JsonReply::databaseError(m_ctx, res, verdict.error);
        if (!verdict.allowed)
            return answerLocked(res, verdict, name, source);
        checked = UserAccounts(db, m_ctx.clock, m_ctx.hasher).verifyLogin(*username, *password);
    }
    switch (checked.status) {
    case UserAccounts::Status::BadCredentials: {
        const LoginThrottle::Verdict after
            = throttle.recordFailure(name, source, QStringLiteral("bad_credentials"));
        if (!after.ok())
            return JsonReply::databaseError(m_ctx, res, after.error);
        m_ctx.metrics.recordLoginRefusal(QStringLiteral("bad_credentials"));
        QJsonObject extra;
        if (!after.allowed)
            extra.insert(QStringLiteral("locked_until"), iso(after.lockedUntil));
        logFailure(name, source, QStringLiteral("bad_credentials"), extra);
        JsonReply::error(res, 401, QStringLiteral("invalid_credentials"), MsgInvalidCredentials);
        res.set_header("WWW-Authenticate", "Bearer realm=\"tambo\"");
        return;
    }
    case UserAccounts::Status::DbError:
        return JsonReply::databaseError(m_ctx, res, checked.error);
    case UserAccounts::Status::Ok:
    case UserAccounts::Status::Disabled:
        break;
    default:
        return JsonReply::databaseError(m_ctx, res, checked.error);
    }
    // The right password: the account's count of failures starts again.
    if (!throttle.recordSuccess(name, &error))
        return JsonReply::databaseError(m_ctx, res, error);
    if (checked.status == UserAccounts::Status::Disabled) {
        logFailure(name, source, QStringLiteral("account_disabled"));
        if (!throttle.audit(name, source, QStringLiteral("account_disabled"), &error))
            return JsonReply::databaseError(m_ctx, res, error);
        return JsonReply::error(res, 403, QStringLiteral("account_disabled"), MsgAccountDisabled);
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
                logFailure(name,
                           source,
                           QStringLiteral("device_proof_invalid"),
                           {{QStringLiteral("device_id"), deviceId.toString(QUuid::WithoutBraces)}});
                if (!throttle.audit(name, source, QStringLiteral("device_proof_invalid"), &error))
                    return JsonReply::databaseError(m_ctx, res, error);
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
    // What the PC needs to sign USB bundles as this user (ADR 0015); not secret.
    if (checked.bundleKey)
        reply.insert(QStringLiteral("bundle_key"), checked.bundleKey->toJson());
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
                               {QStringLiteral("source"), clientAddress(m_ctx, req)},
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
