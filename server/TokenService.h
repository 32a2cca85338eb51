#pragma once

#include "UserAccounts.h"

#include "sync/DeviceLoginProof.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <optional>

namespace tambo::core {
class Clock;
}

namespace tambo::server {

// Bearer tokens for the sync API, kept in PostgreSQL so any tambo-server instance accepts a
// token another one issued (the servers hold no session state).
//
// A token is 32 random bytes (libsodium), base64url, with a readable prefix: "tambo_at_…" for
// access tokens (default 15 minutes), "tambo_rt_…" for refresh tokens (default 30 days). Only
// their SHA-256 is stored. A login starts a token family; refresh() rotates: the refresh token
// is marked used and a new access + refresh pair of the same family is issued.
//
// A session cannot be forked:
// - Presenting a used refresh token again within RefreshRetryGraceSecs (a client whose network
//   cut the answer retries) answers the pair ALREADY issued for it, byte for byte, as long as
//   that pair's refresh token is still unspent; so the family always has exactly one live
//   refresh token. Later, or once the successor was spent, it is treated as theft: the whole
//   family is revoked (Reused).
// - The pair to answer again is kept sealed in the used token's row (column reissue):
//   XSalsa20-Poly1305 (crypto_secretbox) under a key derived (BLAKE2b) from the presented
//   refresh token itself, which the server never stores. A database dump therefore holds no
//   usable token, and there is no server-side key to distribute to every instance or to leak;
//   only whoever presents the old refresh token (who is entitled to the answer within the grace
//   window anyway) can open it. The first rotation of the family after the grace window clears
//   it (as does revoking the family).
// - A family lives at most Lifetimes::sessionMaxDays from its login, however often it is
//   refreshed (SessionExpired); no token of it is issued past that end.
// - Refreshing a session bound to a device needs the device's Ed25519 signature over the
//   refresh token's hash (core::DeviceLoginProof::signRefresh), checked against the registered
//   key before anything changes (DeviceProofRequired / DeviceProofInvalid / DeviceProofStale).
//
// Tokens may be bound to a registered device; revoking the device or disabling the user stops
// them at once. All times come from the injected clock.
class TokenService
{
public:
    static constexpr int RefreshRetryGraceSecs = 120;

    struct Lifetimes
    {
        int accessMinutes = 15;
        int refreshDays = 30;
        int sessionMaxDays = 30; // a family's maximum lifetime, from its login
    };

    struct TokenPair
    {
        QString accessToken;
        QString refreshToken;
        QDateTime accessExpiresAt;  // UTC
        QDateTime refreshExpiresAt; // UTC
        QUuid familyId;
    };

    struct Principal
    {
        ServerUser user;
        QUuid deviceId; // null when the token is not bound to a device
        QUuid familyId;
        QDateTime expiresAt;
    };

    enum class Status {
        Ok,
        Invalid, // unknown token, wrong kind, malformed
        Expired,
        Revoked, // family revoked (logout, reuse detected, device revoked)
        Reused,  // refresh token presented again after rotation: family now revoked
        UserDisabled,
        DeviceRevoked,
        DeviceUnknown,       // issue() for a device that is not registered
        SessionExpired,      // refresh(): the family is older than sessionMaxDays
        DeviceProofRequired, // refresh() of a device-bound session without a signature
        DeviceProofInvalid,  // …with a signature that is not the registered key's
        DeviceProofStale,    // …signed more than DeviceLoginProof::MaxSkewSeconds from now
        DbError,
    };

    struct IssueResult
    {
        Status status = Status::DbError;
        TokenPair tokens;
        Principal principal;
        QString error; // DbError details (operator-facing)
        bool ok() const { return status == Status::Ok; }
    };
    struct AuthResult
    {
        Status status = Status::DbError;
        Principal principal;
        QString error;
        bool ok() const { return status == Status::Ok; }
    };

    TokenService(QSqlDatabase db, const core::Clock &clock, Lifetimes lifetimes);

    // A new family for userId, bound to deviceId unless it is null (the device must be
    // registered and not revoked).
    IssueResult issue(const ServerUser &user, const QUuid &deviceId = {});
    AuthResult authenticate(const QString &accessToken);
    // Rotates refreshToken (see above). proof is required when the session is bound to a device
    // and ignored otherwise.
    IssueResult refresh(const QString &refreshToken,
                        const std::optional<core::DeviceLoginProof> &proof = std::nullopt);

    static QString hashToken(const QString &token); // hex SHA-256
    static QString newToken(bool refresh);

private:
    bool insertPair(const ServerUser &user,
                    const QUuid &deviceId,
                    const QUuid &family,
                    const QDateTime &familyStartedAt,
                    TokenPair *pair,
                    QString *error);
    bool revokeFamily(const QUuid &family, const QDateTime &now, QString *error);
    QDateTime sessionEnd(const QDateTime &familyStartedAt) const;

    QSqlDatabase m_db;
    const core::Clock &m_clock;
    Lifetimes m_lifetimes;
};

} // namespace tambo::server
