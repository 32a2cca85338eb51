#pragma once

#include <httplib.h>

namespace tambo::server {

class HttpServer;
struct ApiContext;

// POST /v1/devices/register (Bearer) {"device_id": UUID, "public_key": base64 Ed25519, "name"?}
//      → 201 registered, 200 already registered with that key, 409 other key, 403 revoked
// POST /v1/devices/revoke (Bearer, role admin_otic) {"device_id", "reason"?}
//      → 200 revoked (and its tokens), 404 unknown, 403 not an administrator
class DeviceEndpoints
{
public:
    explicit DeviceEndpoints(ApiContext &ctx)
        : m_ctx(ctx)
    {}
    // Adds the routes; they call back into this object, which must outlive the server.
    void install(HttpServer &server);

private:
    void registerDevice(const httplib::Request &req, httplib::Response &res);
    void revoke(const httplib::Request &req, httplib::Response &res);

    ApiContext &m_ctx;
};

} // namespace tambo::server
