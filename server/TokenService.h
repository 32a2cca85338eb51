#pragma once

#include "UserAccounts.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

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
// is marked used and a new access + refresh pair of the same family is issued. Presenting a used
// refresh token again after RefreshRetryGraceSecs is treated as theft: the whole family is
// revoked. Within the grace period (a client whose network cut the answer and retries) a new
// pair is issued instead. Tokens may be bound to a registered device; revoking the device or
// disabling the user stops them at once. All times come from the injected clock.
class TokenService
{
public:
    static constexpr int RefreshRetryGraceSecs = 120;

    struct Lifetimes
    {
        int accessMinutes = 15;
        int refreshDays = 30;
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
        DeviceUnknown, // issue() for a device that is not registered
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
    IssueResult refresh(const QString &refreshToken);

    static QString hashToken(const QString &token); // hex SHA-256
    static QString newToken(bool refresh);

private:
    bool insertPair(const ServerUser &user,
                    const QUuid &deviceId,
                    const QUuid &family,
                    TokenPair *pair,
                    QString *error);

    QSqlDatabase m_db;
    const core::Clock &m_clock;
    Lifetimes m_lifetimes;
};

} // namespace tambo::server
