#pragma once

#include "JsonLog.h"
#include "Metrics.h"
#include "PgDatabase.h"
#include "ServerConfig.h"
#include "TokenService.h"

#include "auth/PasswordHasher.h"
#include "sync/SyncCatalogue.h"

namespace tambo::core {
class Clock;
}

namespace tambo::server {

// What the endpoint classes share: the per-thread PostgreSQL connections, the clock, logs,
// metrics and the configured token lifetimes. Owned by ServerApp (or a test); outlives the
// HttpServer that uses it.
struct ApiContext
{
    PgDatabase &db;
    const core::Clock &clock;
    JsonLog &log;
    Metrics &metrics;
    TokenService::Lifetimes lifetimes;
    core::PasswordHasher hasher;
    const core::SyncCatalogue &catalogue; // what every synced table allows (never the request)
};

} // namespace tambo::server
