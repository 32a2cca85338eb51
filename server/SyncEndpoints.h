#pragma once

#include "SyncStore.h"
#include "TokenService.h"

#include <httplib.h>

#include <optional>

namespace tambo::server {

class HttpServer;
struct ApiContext;

// POST /v1/sync/push (Bearer bound to the device) {"device_id", "schema_version", "tables",
//      "entries"} → 200 {"acks", "expected_seq"}; 409 seq_gap with expected_seq; 426
//      client_too_old; 409 schema_too_new; 403 device_mismatch
// POST /v1/sync/pull (Bearer bound to the device) {"device_id", "schema_version", "scope",
//      "cursor", "page_size"} → 200 {"rows", "next_cursor", "more", "remaining", "checksum"};
//      403 scope_forbidden
// Shapes and rules: docs/sync-protocol.md §7; the work is SyncStore's.
class SyncEndpoints
{
public:
    explicit SyncEndpoints(ApiContext &ctx)
        : m_ctx(ctx)
    {}
    void install(HttpServer &server);

private:
    void push(const httplib::Request &req, httplib::Response &res);
    void pull(const httplib::Request &req, httplib::Response &res);
    // Authenticates, parses and checks device binding and schema version; nullopt after
    // answering.
    std::optional<SyncStore::Caller> admit(const httplib::Request &req,
                                           httplib::Response &res,
                                           QJsonObject *body,
                                           bool markInvalidUtf8 = false);

    ApiContext &m_ctx;
};

} // namespace tambo::server
