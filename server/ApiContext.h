#pragma once

#include "HashGate.h"
#include "JsonLog.h"
#include "LoginThrottle.h"
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
// metrics, the configured token lifetimes and the login limits. Owned by ServerApp (or a test);
// outlives the HttpServer that uses it.
struct ApiContext
{
    PgDatabase &db;
    const core::Clock &clock;
    JsonLog &log;
    Metrics &metrics;
    TokenService::Lifetimes lifetimes;
    core::PasswordHasher hasher;
    const core::SyncCatalogue &catalogue; // what every synced table allows (never the request)
    HashGate &hashGate;                   // bounds the Argon2id checks running at once
    int hashWaitMs = 2000;                // how long a login waits for a HashGate slot before 503
    LoginThrottle::Limits loginLimits;
    QStringList trustedProxies; // peers whose X-Forwarded-For is believed (ClientAddress)
};

} // namespace tambo::server
