#pragma once

#include "LoginThrottle.h"
#include "TokenService.h"

#include <httplib.h>

#include <QJsonObject>

#include <optional>

namespace tambo::server {

class HttpServer;
struct ApiContext;

// POST /v1/auth/login    {"username","password","device_id"?} → tokens and the parameters of
//                        the user's bundle key ("bundle_key", ADR 0015) (200), 401 wrong
//                        credentials, 403 disabled account or revoked device, 404 unknown device,
//                        429 too many failures (LoginThrottle), 503 no Argon2id slot (HashGate)
// POST /v1/auth/refresh  {"refresh_token", "device_proof"?} → a new pair (rotation), or the same
//                        pair again within the grace window; 401 invalid/expired/reused/
//                        session_expired, 400/401 device proof (device-bound sessions)
// GET  /v1/auth/session  (Bearer) → who the token belongs to
// Bodies and errors: docs/sync-protocol.md. authenticate() is the Bearer check every protected
// endpoint uses.
class AuthEndpoints
{
public:
    explicit AuthEndpoints(ApiContext &ctx)
        : m_ctx(ctx)
    {}
    // Adds the routes; they call back into this object, which must outlive the server.
    void install(HttpServer &server);

    // The principal of the request's Bearer token; otherwise answers 401/403/503 and returns
    // nullopt.
    static std::optional<TokenService::Principal> authenticate(ApiContext &ctx,
                                                               const httplib::Request &req,
                                                               httplib::Response &res);
    static QJsonObject userJson(const ServerUser &user);
    static QJsonObject tokensJson(const TokenService::TokenPair &tokens, const QDateTime &now);

    // The client's address: the TCP peer, or X-Forwarded-For from a trusted proxy.
    static QString clientAddress(const ApiContext &ctx, const httplib::Request &req);

private:
    void login(const httplib::Request &req, httplib::Response &res);
    void answerLocked(httplib::Response &res,
                      const LoginThrottle::Verdict &verdict,
                      const QString &username,
                      const QString &source);
    void logFailure(const QString &username,
                    const QString &source,
                    const QString &reason,
                    const QJsonObject &extra = {});
    void refresh(const httplib::Request &req, httplib::Response &res);
    void session(const httplib::Request &req, httplib::Response &res);

    ApiContext &m_ctx;
};

} // namespace tambo::server
