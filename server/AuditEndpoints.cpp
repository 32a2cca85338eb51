#include "AuditEndpoints.h"

#include "ApiContext.h"
#include "AuditAnchorStore.h"
#include "AuthEndpoints.h"
#include "DeviceRegistry.h"
#include "HttpServer.h"
#include "JsonReply.h"

#include "sync/AuditAnchor.h"
#include "sync/SyncProtocol.h"

#include <QJsonArray>

namespace tambo::server {

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString deviceText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

void deviceMismatch(httplib::Response &res)
{
    JsonReply::error(res,
                     403,
                     QStringLiteral("device_mismatch"),
                     QStringLiteral("La sesión no pertenece a este equipo. Inicie sesión desde "
                                    "este equipo registrado."));
}

// A whole number ≥ min from the query (absent: fallback); nullopt when malformed.
std::optional<qint64> queryNumber(const httplib::Request &req,
                                  const char *name,
                                  qint64 fallback,
                                  qint64 min)
{
    if (!req.has_param(name))
        return fallback;
    bool ok = false;
    const qint64 n = QString::fromStdString(req.get_param_value(name)).toLongLong(&ok);
    if (!ok || n < min)
        return std::nullopt;
    return n;
}

} // namespace

void AuditEndpoints::install(HttpServer &server)
{
    server.post(core::SyncProtocol::auditAnchorsPath(),
                [this](const httplib::Request &req, httplib::Response &res) {
                    postAnchor(req, res);
                });
    server.get(core::SyncProtocol::auditAnchorsPath(),
               [this](const httplib::Request &req, httplib::Response &res) {
                   listAnchors(req, res);
               });
}

void AuditEndpoints::postAnchor(const httplib::Request &req, httplib::Response &res)
{
    const auto principal = AuthEndpoints::authenticate(m_ctx, req, res);
    if (!principal)
        return;
    if (req.body.size() > size_t(MaxBodyBytes)) {
        return JsonReply::error(res,
                                413,
                                QStringLiteral("payload_too_large"),
                                QStringLiteral("Un ancla de auditoría no ocupa tanto."));
    }
    const auto body = JsonReply::parseObject(req, res);
    if (!body)
        return;
    QUuid deviceId;
    if (!JsonReply::readUuid(*body, QStringLiteral("device_id"), true, &deviceId, res))
        return;
    HttpServer::annotate(QStringLiteral("device"), deviceText(deviceId));
    if (principal->deviceId.isNull() || principal->deviceId != deviceId)
        return deviceMismatch(res);
    QString error;
    const std::optional<core::AuditAnchor> anchor = core::AuditAnchor::fromJson(*body, &error);
    if (!anchor) {
        return JsonReply::error(res,
                                400,
                                QStringLiteral("bad_request"),
                                QStringLiteral("El ancla de auditoría no es válida: %1").arg(error));
    }
    HttpServer::annotate(QStringLiteral("seq"), double(anchor->seq));
    QSqlDatabase db = m_ctx.db.connection(&error);
    if (!db.isOpen())
        return JsonReply::databaseError(m_ctx, res, error);
    const std::optional<DeviceInfo> device = DeviceRegistry(db, m_ctx.clock).find(deviceId, &error);
    if (!error.isEmpty())
        return JsonReply::databaseError(m_ctx, res, error);
    if (!device || device->revoked) // a bound token of a revoked device is refused before this
        return deviceMismatch(res);
    const AuditAnchorStore::Outcome out = AuditAnchorStore(db, m_ctx.clock)
                                              .append(*anchor,
                                                      device->publicKey,
                                                      principal->user.id,
                                                      AuditAnchorStore::Via::Network);
    const QJsonObject recorded{{QStringLiteral("device_id"), deviceText(deviceId)},
                               {QStringLiteral("seq"), double(out.anchor.seq)},
                               {QStringLiteral("hash"), out.anchor.hash},
                               {QStringLiteral("received_at"), iso(out.anchor.receivedAt)}};
    switch (out.status) {
    case AuditAnchorStore::Status::Recorded: {
        QJsonObject reply = recorded;
        reply.insert(QStringLiteral("status"), QStringLiteral("recorded"));
        return JsonReply::send(res, 201, reply);
    }
    case AuditAnchorStore::Status::AlreadyRecorded: {
        QJsonObject reply = recorded;
        reply.insert(QStringLiteral("status"), QStringLiteral("already_recorded"));
        return JsonReply::send(res, 200, reply);
    }
    case AuditAnchorStore::Status::Conflict:
        // A tamper signal: the PC's chain no longer matches what it signed before.
        m_ctx.log.warning(QStringLiteral("audit anchor refused"),
                          {{QStringLiteral("device"), deviceText(deviceId)},
                           {QStringLiteral("user"), principal->user.username},
                           {QStringLiteral("seq"), double(anchor->seq)},
                           {QStringLiteral("hash"), anchor->hash},
                           {QStringLiteral("last_seq"), double(out.lastSeq)},
                           {QStringLiteral("recorded_hash"), out.recordedHash}});
        HttpServer::annotate(QStringLiteral("error"), QStringLiteral("anchor_conflict"));
        return JsonReply::send(
            res,
            409,
            {{QStringLiteral("error"), QStringLiteral("anchor_conflict")},
             {QStringLiteral("message"),
              QStringLiteral("El registro de auditoría de este equipo ya no coincide con el que "
                             "firmó antes (fila %1; el servidor tiene anclas hasta la fila %2). "
                             "OTIC debe revisar este equipo.")
                  .arg(anchor->seq)
                  .arg(out.lastSeq)},
             {QStringLiteral("last_seq"), double(out.lastSeq)}});
    case AuditAnchorStore::Status::BadSignature:
        m_ctx.log.warning(QStringLiteral("audit anchor with a bad signature"),
                          {{QStringLiteral("device"), deviceText(deviceId)},
                           {QStringLiteral("user"), principal->user.username},
                           {QStringLiteral("seq"), double(anchor->seq)}});
        return JsonReply::error(res,
                                400,
                                QStringLiteral("invalid_signature"),
                                QStringLiteral("La firma del ancla de auditoría no corresponde a "
                                               "la clave registrada de este equipo."));
    case AuditAnchorStore::Status::DbError:
        break;
    }
    return JsonReply::databaseError(m_ctx, res, out.error);
}

void AuditEndpoints::listAnchors(const httplib::Request &req, httplib::Response &res)
{
    const auto principal = AuthEndpoints::authenticate(m_ctx, req, res);
    if (!principal)
        return;
    const QString deviceParam = QString::fromStdString(req.get_param_value("device_id"));
    const QUuid deviceId = QUuid::fromString(deviceParam);
    if (deviceParam.size() != 36 || deviceId.isNull()) {
        return JsonReply::error(res,
                                400,
                                QStringLiteral("invalid_uuid"),
                                QStringLiteral("El parámetro «device_id» debe ser un UUID."));
    }
    HttpServer::annotate(QStringLiteral("device"), deviceText(deviceId));
    if (principal->deviceId.isNull() || principal->deviceId != deviceId)
        return deviceMismatch(res);
    const auto after = queryNumber(req, "after_seq", 0, 0);
    const auto limit = queryNumber(req, "limit", 1000, 1);
    if (!after || !limit) {
        return JsonReply::error(res,
                                400,
                                QStringLiteral("bad_request"),
                                QStringLiteral("«after_seq» y «limit» deben ser números enteros."));
    }
    QString error;
    QSqlDatabase db = m_ctx.db.connection(&error);
    if (!db.isOpen())
        return JsonReply::databaseError(m_ctx, res, error);
    bool more = false;
    const QList<AuditAnchorStore::Recorded> anchors
        = AuditAnchorStore(db, m_ctx.clock)
              .list(deviceId, *after, int(std::min<qint64>(*limit, MaxListLimit)), &more, &error);
    if (!error.isEmpty())
        return JsonReply::databaseError(m_ctx, res, error);
    QJsonArray list;
    for (const AuditAnchorStore::Recorded &a : anchors) {
        list.append(
            QJsonObject{{QStringLiteral("seq"), double(a.seq)},
                        {QStringLiteral("hash"), a.hash},
                        {QStringLiteral("signature"), QString::fromLatin1(a.signature.toBase64())},
                        {QStringLiteral("received_at"), iso(a.receivedAt)}});
    }
    JsonReply::send(res,
                    200,
                    {{QStringLiteral("device_id"), deviceText(deviceId)},
                     {QStringLiteral("anchors"), list},
                     {QStringLiteral("more"), more}});
}

} // namespace tambo::server
