#include "SyncEndpoints.h"

#include "ApiContext.h"
#include "AuthEndpoints.h"
#include "HttpServer.h"
#include "JsonReply.h"

#include "sync/SyncMessages.h"
#include "sync/SyncProtocol.h"

namespace tambo::server {

using core::SyncProtocol;

void SyncEndpoints::install(HttpServer &server)
{
    server.post(SyncProtocol::pushPath(),
                [this](const httplib::Request &req, httplib::Response &res) { push(req, res); });
    server.post(SyncProtocol::pullPath(),
                [this](const httplib::Request &req, httplib::Response &res) { pull(req, res); });
}

std::optional<SyncStore::Caller> SyncEndpoints::admit(const httplib::Request &req,
                                                      httplib::Response &res,
                                                      QJsonObject *body,
                                                      bool markInvalidUtf8)
{
    const auto principal = AuthEndpoints::authenticate(m_ctx, req, res);
    if (!principal)
        return std::nullopt;
    const auto parsed = JsonReply::parseObject(req, res, markInvalidUtf8);
    if (!parsed)
        return std::nullopt;
    *body = *parsed;
    QUuid deviceId;
    if (!JsonReply::readUuid(*body, QStringLiteral("device_id"), true, &deviceId, res))
        return std::nullopt;
    HttpServer::annotate(QStringLiteral("device"), deviceId.toString(QUuid::WithoutBraces));
    if (principal->deviceId.isNull() || principal->deviceId != deviceId) {
        JsonReply::error(res,
                         403,
                         QStringLiteral("device_mismatch"),
                         QStringLiteral("La sesión no pertenece a este equipo. Inicie sesión "
                                        "desde este equipo registrado para sincronizar."));
        return std::nullopt;
    }
    const QJsonValue schema = body->value(QStringLiteral("schema_version"));
    if (!schema.isDouble()) {
        JsonReply::error(res,
                         400,
                         QStringLiteral("missing_field"),
                         QStringLiteral("Falta el campo «schema_version» (número)."));
        return std::nullopt;
    }
    const int clientSchema = schema.toInt();
    const auto negotiation = SyncProtocol::negotiate(clientSchema,
                                                     SyncProtocol::MinSchemaVersion,
                                                     SyncProtocol::SchemaVersion);
    if (negotiation != SyncProtocol::Negotiation::Ok) {
        const bool tooOld = negotiation == SyncProtocol::Negotiation::ClientTooOld;
        JsonReply::send(res,
                        tooOld ? 426 : 409,
                        {{QStringLiteral("error"),
                          tooOld ? QStringLiteral("client_too_old")
                                 : QStringLiteral("schema_too_new")},
                         {QStringLiteral("message"),
                          SyncProtocol::negotiationMessage(negotiation,
                                                           clientSchema,
                                                           SyncProtocol::MinSchemaVersion,
                                                           SyncProtocol::SchemaVersion)},
                         {QStringLiteral("min_schema_version"), SyncProtocol::MinSchemaVersion},
                         {QStringLiteral("max_schema_version"), SyncProtocol::SchemaVersion}});
        HttpServer::annotate(QStringLiteral("error"),
                             tooOld ? QStringLiteral("client_too_old")
                                    : QStringLiteral("schema_too_new"));
        return std::nullopt;
    }
    SyncStore::Caller caller;
    caller.userId = principal->user.id;
    caller.role = principal->user.roleId;
    caller.sede = principal->user.sedeId;
    caller.deviceId = deviceId;
    caller.username = principal->user.username;
    caller.permissions = m_ctx.catalogue.permissionsOf(caller.role);
    return caller;
}

void SyncEndpoints::push(const httplib::Request &req, httplib::Response &res)
{
    QJsonObject body;
    const auto caller = admit(req, res, &body, true);
    if (!caller)
        return;
    QString error;
    const auto request = core::PushRequest::fromJson(body, &error);
    if (!request) {
        return JsonReply::error(res,
                                400,
                                QStringLiteral("bad_request"),
                                QStringLiteral("La solicitud de envío no es válida: %1").arg(error));
    }
    qsizetype ops = 0;
    for (const core::OutboxEntry &entry : std::as_const(request->entries))
        ops += entry.ops.size();
    if (ops > SyncProtocol::MaxOpsPerPush) {
        HttpServer::annotate(QStringLiteral("error"), QStringLiteral("too_many_ops"));
        return JsonReply::error(res,
                                413,
                                QStringLiteral("too_many_ops"),
                                QStringLiteral("La solicitud trae %1 cambios; el servidor acepta "
                                               "hasta %2 por envío. Envíe menos entradas.")
                                    .arg(ops)
                                    .arg(SyncProtocol::MaxOpsPerPush));
    }
    QSqlDatabase db = m_ctx.db.connection(&error);
    if (!db.isOpen())
        return JsonReply::databaseError(m_ctx, res, error);
    const SyncStore::PushOutcome out = SyncStore(db, m_ctx.clock, m_ctx.catalogue)
                                           .push(*caller, *request);
    HttpServer::annotate(QStringLiteral("entries"), int(request->entries.size()));
    switch (out.status) {
    case SyncStore::Status::Ok:
        return JsonReply::send(res, 200, out.response.toJson());
    case SyncStore::Status::Gap:
        JsonReply::send(res,
                        409,
                        {{QStringLiteral("error"), QStringLiteral("seq_gap")},
                         {QStringLiteral("message"),
                          QStringLiteral("Faltan cambios anteriores de este equipo: el servidor "
                                         "espera el número %1.")
                              .arg(out.response.expectedSeq)},
                         {QStringLiteral("expected_seq"), double(out.response.expectedSeq)}});
        HttpServer::annotate(QStringLiteral("error"), QStringLiteral("seq_gap"));
        return;
    case SyncStore::Status::SeqReused:
        // Logged for OTIC: the device's store was restored or copied (docs/sync-protocol.md
        // §7.1); the PC stops syncing until it is enrolled again as a new device.
        m_ctx.log.warning(QStringLiteral("seq reused with other content"),
                          {{QStringLiteral("device"),
                            caller->deviceId.toString(QUuid::WithoutBraces)},
                           {QStringLiteral("seq"), double(out.reusedSeq)}});
        JsonReply::send(res,
                        409,
                        {{QStringLiteral("error"), QStringLiteral("seq_reused")},
                         {QStringLiteral("message"), SyncProtocol::seqReusedMessage(out.reusedSeq)},
                         {QStringLiteral("seq"), double(out.reusedSeq)},
                         {QStringLiteral("expected_seq"), double(out.response.expectedSeq)}});
        HttpServer::annotate(QStringLiteral("error"), QStringLiteral("seq_reused"));
        return;
    default:
        return JsonReply::databaseError(m_ctx, res, out.error);
    }
}

void SyncEndpoints::pull(const httplib::Request &req, httplib::Response &res)
{
    QJsonObject body;
    const auto caller = admit(req, res, &body);
    if (!caller)
        return;
    QString error;
    const auto request = core::PullRequest::fromJson(body, &error);
    if (!request) {
        return JsonReply::error(res,
                                400,
                                QStringLiteral("bad_request"),
                                QStringLiteral("La solicitud de descarga no es válida: %1")
                                    .arg(error));
    }
    QSqlDatabase db = m_ctx.db.connection(&error);
    if (!db.isOpen())
        return JsonReply::databaseError(m_ctx, res, error);
    SyncStore store(db, m_ctx.clock, m_ctx.catalogue);
    const SyncStore::PullOutcome out = store.pull(*caller, *request);
    switch (out.status) {
    case SyncStore::Status::Ok:
        HttpServer::annotate(QStringLiteral("rows"), int(out.response.rows.size()));
        if (!out.response.more)
            store.purgeTombstones(); // best effort: a failure only delays the purge
        return JsonReply::send(res, 200, out.response.toJson());
    case SyncStore::Status::Forbidden:
        return JsonReply::error(res,
                                403,
                                QStringLiteral("scope_forbidden"),
                                QStringLiteral("Su usuario solo puede sincronizar los datos de su "
                                               "sede («%1»).")
                                    .arg(caller->sede));
    default:
        return JsonReply::databaseError(m_ctx, res, out.error);
    }
}

} // namespace tambo::server
