#include "LoginThrottle.h"

#include "ClientAddress.h"
#include "UserAccounts.h"

#include "migrations/Transaction.h"
#include "util/Clock.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tambo::server {

namespace {

const QString Account = QStringLiteral("account");
const QString Address = QStringLiteral("address");

QDateTime fromMs(qint64 ms)
{
    return ms < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QVariant nullableTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(t) : QVariant(QMetaType::fromType<QDateTime>());
}

} // namespace

LoginThrottle::LoginThrottle(QSqlDatabase db, const core::Clock &clock, Limits limits)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_limits(limits)
{}

QString LoginThrottle::accountKey(const QString &username)
{
    return UserAccounts::normalizedUsername(username).left(64);
}

LoginThrottle::Verdict LoginThrottle::verdictFor(const QString &scope,
                                                 const QDateTime &lockedUntil) const
{
    Verdict v;
    const QDateTime now = m_clock.now().toUTC();
    if (!lockedUntil.isValid() || lockedUntil <= now)
        return v;
    v.allowed = false;
    v.scope = scope;
    v.lockedUntil = lockedUntil;
    v.retryAfterSecs = std::max<qint64>(1, (now.msecsTo(lockedUntil) + 999) / 1000);
    return v;
}

LoginThrottle::Verdict LoginThrottle::check(const QString &username, const QString &address)
{
    const QDateTime now = m_clock.now().toUTC();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT scope, (EXTRACT(EPOCH FROM locked_until) * 1000)::bigint FROM login_throttle"
        " WHERE ((scope = 'account' AND key = ?) OR (scope = 'address' AND key = ?))"
        "   AND locked_until > ?"
        " ORDER BY locked_until DESC LIMIT 1"));
    q.addBindValue(accountKey(username));
    q.addBindValue(ClientAddress::throttleKey(address));
    q.addBindValue(now);
    if (!q.exec()) {
        Verdict v;
        v.error = QStringLiteral("cannot read login_throttle: %1").arg(q.lastError().text());
        return v;
    }
    if (!q.next())
        return {};
    return verdictFor(q.value(0).toString(), fromMs(q.value(1).toLongLong()));
}

LoginThrottle::Verdict LoginThrottle::recordFailure(const QString &username,
                                                    const QString &address,
                                                    const QString &reason)
{
    Verdict result;
    const QDateTime now = m_clock.now().toUTC();
    const qint64 lockSecs = qint64(m_limits.lockMinutes) * 60;
    const QString account = accountKey(username);
    const QString addressKey = ClientAddress::throttleKey(address);
    {
        core::Transaction tx(m_db);
        if (!tx.isActive()) {
            result.error = tx.error();
            return result;
        }
        QSqlQuery q(m_db);
        // Both rows exist, then both are locked in one order (account < address): concurrent
        // failures on any instance are counted one after the other, never lost.
        q.prepare(QStringLiteral("INSERT INTO login_throttle (scope, key, failures,"
                                 " window_started_at) VALUES ('account', ?, 0, ?),"
                                 " ('address', ?, 0, ?) ON CONFLICT (scope, key) DO NOTHING"));
        q.addBindValue(account);
        q.addBindValue(now);
        q.addBindValue(addressKey);
        q.addBindValue(now);
        if (!q.exec()) {
            result.error = QStringLiteral("cannot count a failed login: %1")
                               .arg(q.lastError().text());
            return result;
        }
        q.prepare(QStringLiteral(
            "SELECT scope, failures, (EXTRACT(EPOCH FROM window_started_at) * 1000)::bigint,"
            " COALESCE((EXTRACT(EPOCH FROM locked_until) * 1000)::bigint, -1)"
            " FROM login_throttle"
            " WHERE (scope = 'account' AND key = ?) OR (scope = 'address' AND key = ?)"
            " ORDER BY scope FOR UPDATE"));
        q.addBindValue(account);
        q.addBindValue(addressKey);
        if (!q.exec()) {
            result.error = QStringLiteral("cannot read login_throttle: %1").arg(q.lastError().text());
            return result;
        }
        struct Row
        {
            QString scope;
            int failures = 0;
            QDateTime windowStartedAt;
            QDateTime lockedUntil;
        };
        QList<Row> rows;
        while (q.next()) {
            rows.append({q.value(0).toString(),
                         q.value(1).toInt(),
                         fromMs(q.value(2).toLongLong()),
                         fromMs(q.value(3).toLongLong())});
        }
        q.finish();
        for (Row &row : rows) {
            const int max = row.scope == Account ? m_limits.accountMaxFailures
                                                 : m_limits.addressMaxFailures;
            if (row.lockedUntil.isValid() && row.lockedUntil > now) {
                // Locked after this request was let in: the lock stands as it is.
            } else if (row.lockedUntil.isValid() || row.windowStartedAt.secsTo(now) >= lockSecs
                       || row.failures == 0) {
                row.failures = 1; // a lock or a window has passed: counting starts again
                row.windowStartedAt = now;
                row.lockedUntil = {};
            } else {
                ++row.failures;
            }
            if (!row.lockedUntil.isValid() && row.failures >= max)
                row.lockedUntil = now.addSecs(lockSecs);
            QSqlQuery update(m_db);
            update.prepare(QStringLiteral("UPDATE login_throttle SET failures = ?,"
                                          " window_started_at = ?, locked_until = ?"
                                          " WHERE scope = ? AND key = ?"));
            update.addBindValue(row.failures);
            update.addBindValue(row.windowStartedAt);
            update.addBindValue(nullableTime(row.lockedUntil));
            update.addBindValue(row.scope);
            update.addBindValue(row.scope == Account ? account : addressKey);
            if (!update.exec()) {
                result.error = QStringLiteral("cannot count a failed login: %1")
                                   .arg(update.lastError().text());
                return result;
            }
            const Verdict v = verdictFor(row.scope, row.lockedUntil);
            if (!v.allowed && (result.allowed || v.lockedUntil > result.lockedUntil))
                result = v;
        }
        QString auditError;
        if (!audit(username, address, reason, &auditError)) {
            result.error = auditError;
            return result;
        }
        if (!tx.commit()) {
            result.error = tx.error();
            return result;
        }
    }
    pruneStale();
    return result;
}

bool LoginThrottle::recordSuccess(const QString &username, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM login_throttle WHERE scope = 'account' AND key = ?"));
    q.addBindValue(accountKey(username));
    if (!q.exec()) {
        if (error)
            *error = QStringLiteral("cannot reset login_throttle: %1").arg(q.lastError().text());
        return false;
    }
    pruneStale();
    return true;
}

bool LoginThrottle::audit(const QString &username,
                          const QString &address,
                          const QString &reason,
                          QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO login_failures (username, source, reason, created_at)"
                             " VALUES (?, ?, ?, ?)"));
    q.addBindValue(accountKey(username));
    q.addBindValue(address.left(64));
    q.addBindValue(reason);
    q.addBindValue(m_clock.now().toUTC());
    if (!q.exec()) {
        if (error)
            *error = QStringLiteral("cannot write login_failures: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

void LoginThrottle::pruneStale()
{
    // Rows whose window and lock have both passed count as nothing: drop a few, skipping any
    // another request holds (no waiting, no deadlock). Best effort.
    const QDateTime now = m_clock.now().toUTC();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "DELETE FROM login_throttle WHERE (scope, key) IN ("
        " SELECT scope, key FROM login_throttle"
        " WHERE window_started_at < ? AND (locked_until IS NULL OR locked_until <= ?)"
        " LIMIT 100 FOR UPDATE SKIP LOCKED)"));
    q.addBindValue(now.addSecs(-qint64(m_limits.lockMinutes) * 60));
    q.addBindValue(now);
    q.exec();
}

} // namespace tambo::server
