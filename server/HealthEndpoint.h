#pragma once

namespace tambo::server {

class HttpServer;
struct ApiContext;

// GET /v1/health: 200 {"status":"ok","version":"0.1.0","api":"v1",
//                      "db":{"reachable":true,"schema_version":3}}
// or 503 with "status":"degraded" and "reachable":false when PostgreSQL does not answer (the
// reason goes to the log, not to the client). No authentication: load balancers call it.
class HealthEndpoint
{
public:
    explicit HealthEndpoint(ApiContext &ctx)
        : m_ctx(ctx)
    {}
    // Adds the routes; they call back into this object, which must outlive the server.
    void install(HttpServer &server);

private:
    ApiContext &m_ctx;
};

} // namespace tambo::server
