#include "JsonReply.h"

#include "ApiContext.h"
#include "HttpServer.h"

#include "sync/SyncValueCheck.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace tambo::server {

void JsonReply::send(httplib::Response &res, int status, const QJsonObject &body)
{
    res.status = status;
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                    "application/json; charset=utf-8");
}

void JsonReply::error(httplib::Response &res,
                      int status,
                      const QString &code,
                      const QString &message)
{
    send(res, status, {{QStringLiteral("error"), code}, {QStringLiteral("message"), message}});
    HttpServer::annotate(QStringLiteral("error"), code);
}

std::optional<QJsonObject> JsonReply::parseObject(const httplib::Request &req,
                                                  httplib::Response &res,
                                                  bool markInvalidUtf8)
{
    const QString type = QString::fromStdString(req.get_header_value("Content-Type")).trimmed();
    if (!type.startsWith(QLatin1String("application/json"), Qt::CaseInsensitive)) {
        error(res,
              415,
              QStringLiteral("unsupported_media_type"),
              QStringLiteral(
                  "El cuerpo de la solicitud debe ser JSON (Content-Type: application/json)."));
        return std::nullopt;
    }
    QJsonParseError parseError;
    QByteArray bytes = QByteArray::fromStdString(req.body);
    if (markInvalidUtf8)
        bytes = core::SyncValueCheck::markInvalidUtf8(bytes);
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        error(res,
              400,
              QStringLiteral("bad_json"),
              QStringLiteral("La solicitud no es un objeto JSON válido."));
        return std::nullopt;
    }
    return doc.object();
}

std::optional<QString> JsonReply::requireString(const QJsonObject &body,
                                                const QString &field,
                                                httplib::Response &res)
{
    const QJsonValue v = body.value(field);
    if (!v.isString() || v.toString().isEmpty()) {
        error(res,
              400,
              QStringLiteral("missing_field"),
              QStringLiteral("Falta el campo «%1» (texto) en la solicitud.").arg(field));
        return std::nullopt;
    }
    return cleanText(v.toString(), field, res);
}

std::optional<QString> JsonReply::optionalString(const QJsonObject &body,
                                                 const QString &field,
                                                 qsizetype maxChars,
                                                 httplib::Response &res)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString() || v.toString().size() > maxChars) {
        error(res,
              400,
              QStringLiteral("bad_request"),
              QStringLiteral("El campo «%1» debe ser un texto de hasta %2 caracteres.")
                  .arg(field)
                  .arg(maxChars));
        return std::nullopt;
    }
    return cleanText(v.toString(), field, res);
}

std::optional<QString> JsonReply::cleanText(const QString &text,
                                            const QString &field,
                                            httplib::Response &res)
{
    // Control characters (U+0000 cuts the statement the PostgreSQL driver writes: a 503 for a
    // malformed request) and invalid text are the client's error.
    if (core::SyncValueCheck::checkText(text) != core::SyncValueCheck::Text::Clean) {
        error(res,
              400,
              QStringLiteral("bad_request"),
              QStringLiteral("El campo «%1» contiene caracteres de control o texto no válido.")
                  .arg(field));
        return std::nullopt;
    }
    return text;
}

bool JsonReply::readUuid(const QJsonObject &body,
                         const QString &field,
                         bool required,
                         QUuid *out,
                         httplib::Response &res)
{
    *out = QUuid();
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull()) {
        if (!required)
            return true;
        error(res,
              400,
              QStringLiteral("missing_field"),
              QStringLiteral("Falta el campo «%1» (UUID) en la solicitud.").arg(field));
        return false;
    }
    const QString text = v.toString();
    const QUuid id = QUuid::fromString(text);
    if (!v.isString() || text.size() != 36 || id.isNull()) {
        error(res,
              400,
              QStringLiteral("invalid_uuid"),
              QStringLiteral("El campo «%1» debe ser un UUID (por ejemplo "
                             "0190f5a8-7b2c-7def-8a00-1234567890ab).")
                  .arg(field));
        return false;
    }
    *out = id;
    return true;
}

QString JsonReply::bearerToken(const httplib::Request &req)
{
    const QString header = QString::fromStdString(req.get_header_value("Authorization")).trimmed();
    if (!header.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        return {};
    return header.mid(7).trimmed();
}

void JsonReply::databaseError(ApiContext &ctx, httplib::Response &res, const QString &detail)
{
    ctx.metrics.recordDbError();
    ctx.db.scheduleReconnect();
    ctx.log.error(QStringLiteral("database error"), {{QStringLiteral("error"), detail}});
    error(res,
          503,
          QStringLiteral("database_unavailable"),
          QStringLiteral(
              "El servidor no puede acceder a su base de datos. Intente de nuevo en unos "
              "minutos."));
    res.set_header("Retry-After", "30");
}

} // namespace tambo::server
