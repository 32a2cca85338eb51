#pragma once

#include <httplib.h>

namespace tambo::server {

class HttpServer;
struct ApiContext;

// The devices' audit anchors (docs/sync-protocol.md §7.7, AuditAnchorStore). Both need a Bearer
// token bound to the device the request names (403 device_mismatch otherwise).
// POST /v1/audit/anchors {"device_id", "seq", "hash", "signature"} (core::AuditAnchor)
//      → 201 recorded, 200 already recorded (same seq, same hash), 409 anchor_conflict (a seq at
//        or below the device's last anchor with another hash: refused, logged as a tamper
//        signal), 400 invalid_signature (not the registered key's), 400 bad_request, 413 (a
//        body larger than an anchor can be)
// GET /v1/audit/anchors?device_id=…[&after_seq=N][&limit=M]
//      → 200 {"device_id", "anchors": [{"seq", "hash", "signature", "received_at"}…], "more"}
class AuditEndpoints
{
public:
    static constexpr int MaxBodyBytes = 4096;
    static constexpr int MaxListLimit = 5000;

    explicit AuditEndpoints(ApiContext &ctx)
        : m_ctx(ctx)
    {}
    // Adds the routes; they call back into this object, which must outlive the server.
    void install(HttpServer &server);

private:
    void postAnchor(const httplib::Request &req, httplib::Response &res);
    void listAnchors(const httplib::Request &req, httplib::Response &res);

    ApiContext &m_ctx;
};

} // namespace tambo::server
