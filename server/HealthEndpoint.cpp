#include "HealthEndpoint.h"

#include "ApiContext.h"
#include "HttpServer.h"
#include "JsonReply.h"
#include "PgSchema.h"

#include <QJsonObject>

namespace tambo::server {

void HealthEndpoint::install(HttpServer &server)
{
    server.get(QStringLiteral("/v1/health"),
               [this](const httplib::Request &, httplib::Response &res) {
                   QString error;
                   bool reachable = m_ctx.db.ping(&error);
                   int schema = -1;
                   if (reachable) {
                       schema = PgSchema::currentVersion(m_ctx.db.connection(), &error);
                       reachable = schema >= 0;
                   }
                   QJsonObject db{{QStringLiteral("reachable"), reachable}};
                   if (reachable) {
                       db.insert(QStringLiteral("schema_version"), schema);
                   } else {
                       m_ctx.metrics.recordDbError();
                       m_ctx.db.scheduleReconnect();
                       m_ctx.log.warning(QStringLiteral("health: database unreachable"),
                                         {{QStringLiteral("error"), error}});
                   }
                   JsonReply::send(res,
                                   reachable ? 200 : 503,
                                   {{QStringLiteral("status"),
                                     reachable ? QStringLiteral("ok") : QStringLiteral("degraded")},
                                    {QStringLiteral("version"), QStringLiteral(TAMBO_VERSION)},
                                    {QStringLiteral("api"), QStringLiteral("v1")},
                                    {QStringLiteral("db"), db}});
               });
}

} // namespace tambo::server
