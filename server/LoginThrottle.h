#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace tambo::core {
class Clock;
}

namespace tambo::server {

// Wrong passwords counted in PostgreSQL (table login_throttle, PgSchema step 7), per account and
// per source address, so every tambo-server instance behind the proxy shares the counts and none
// keeps state of its own.
//
// The desktop's rule (core::AuthService): Limits::accountMaxFailures wrong passwords within
// lockMinutes lock the account for lockMinutes; Limits::addressMaxFailures do the same to the
// source address, whatever usernames it tried. While locked, every login of that account or
// from that address is refused before its password is checked (no Argon2id work), even with the
// right password, and the lock is NOT extended by those attempts: whoever keeps failing from
// elsewhere can hold an account locked at most lockMinutes after each burst of failures, as on
// the desktop, never longer. When a lock or a window has passed the count starts again. A right
// password resets the account's count (not the address's). Usernames are counted whether or not
// the account exists, so the answers reveal nothing. A lock never touches sessions already open
// (refresh is not a login).
//
// Every wrong password is also written to login_failures (username as typed, normalised; source
// address; reason; time) — never the password. Cheap to make per request.
class LoginThrottle
{
public:
    struct Limits
    {
        int accountMaxFailures = 5;
        int addressMaxFailures = 5;
        int lockMinutes = 15;
    };

    struct Verdict
    {
        bool allowed = true;
        QString scope;         // "account" or "address" when refused
        QDateTime lockedUntil; // UTC, when refused
        qint64 retryAfterSecs = 0;
        QString error; // database failure (operator-facing)
        bool ok() const { return error.isEmpty(); }
    };

    LoginThrottle(QSqlDatabase db, const core::Clock &clock, Limits limits);

    // Whether a login of username from address may check its password now.
    Verdict check(const QString &username, const QString &address);
    // A wrong password: counts it for the account and the address (locking either when it
    // reaches its limit) and audits it. The verdict says whether the NEXT attempt is refused.
    Verdict recordFailure(const QString &username, const QString &address, const QString &reason);
    // The right password: the account's count starts again.
    bool recordSuccess(const QString &username, QString *error);
    // Audits a refused login that does not count as a guess (e.g. a bad device signature).
    bool audit(const QString &username,
               const QString &address,
               const QString &reason,
               QString *error);

    static QString accountKey(const QString &username);

private:
    Verdict verdictFor(const QString &scope, const QDateTime &lockedUntil) const;
    void pruneStale();

    QSqlDatabase m_db;
    const core::Clock &m_clock;
    Limits m_limits;
};

} // namespace tambo::server
