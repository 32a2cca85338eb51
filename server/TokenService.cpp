#include "TokenService.h"

#include "migrations/Transaction.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

#include <sodium.h>

namespace tambo::server {

namespace {

constexpr auto AccessPrefix = "tambo_at_";
constexpr auto RefreshPrefix = "tambo_rt_";

// Columns shared by authenticate() and refresh(); users u, tokens t, devices d.
constexpr auto TokenColumns
    = "u.id, u.username, u.full_name, u.role_id, COALESCE(u.sede_id, ''), u.disabled,"
      " COALESCE(t.device_id::text, ''), t.family_id::text,"
      " (EXTRACT(EPOCH FROM t.expires_at) * 1000)::bigint, t.expires_at <= ?::timestamptz AS "
      "expired,"
      " t.revoked_at IS NOT NULL AS revoked, d.revoked_at IS NOT NULL AS device_revoked,"
      " t.used_at IS NOT NULL AS used,"
      " COALESCE((EXTRACT(EPOCH FROM (?::timestamptz - t.used_at)))::bigint, 0) AS used_secs_ago";

struct TokenRow
{
    TokenService::Principal principal;
    bool expired = false;
    bool revoked = false;
    bool deviceRevoked = false;
    bool used = false;
    qint64 usedSecsAgo = 0;
};

TokenRow rowFrom(const QSqlQuery &q)
{
    TokenRow r;
    ServerUser &u = r.principal.user;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.fullName = q.value(2).toString();
    u.roleId = q.value(3).toString();
    u.sedeId = q.value(4).toString();
    u.disabled = q.value(5).toBool();
    const QString device = q.value(6).toString();
    r.principal.deviceId = device.isEmpty() ? QUuid() : QUuid::fromString(device);
    r.principal.familyId = QUuid::fromString(q.value(7).toString());
    r.principal.expiresAt = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    r.expired = q.value(9).toBool();
    r.revoked = q.value(10).toBool();
    r.deviceRevoked = q.value(11).toBool();
    r.used = q.value(12).toBool();
    r.usedSecsAgo = q.value(13).toLongLong();
    return r;
}

QString uuidText(const QUuid &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

bool hasPrefix(const QString &token, const char *prefix)
{
    // prefix + 43 base64url characters (32 bytes, no padding)
    return token.size() == qsizetype(qstrlen(prefix)) + 43
           && token.startsWith(QLatin1String(prefix));
}

} // namespace

TokenService::TokenService(QSqlDatabase db, const core::Clock &clock, Lifetimes lifetimes)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_lifetimes(lifetimes)
{}

QString TokenService::hashToken(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString TokenService::newToken(bool refresh)
{
    QByteArray raw(32, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    const QByteArray encoded = raw.toBase64(QByteArray::Base64UrlEncoding
                                            | QByteArray::OmitTrailingEquals);
    sodium_memzero(raw.data(), size_t(raw.size()));
    return QLatin1String(refresh ? RefreshPrefix : AccessPrefix) + QString::fromLatin1(encoded);
}

bool TokenService::insertPair(const ServerUser &user,
                              const QUuid &deviceId,
                              const QUuid &family,
                              TokenPair *pair,
                              QString *error)
{
    const QDateTime now = m_clock.now().toUTC();
    pair->accessToken = newToken(false);
    pair->refreshToken = newToken(true);
    pair->accessExpiresAt = now.addSecs(qint64(m_lifetimes.accessMinutes) * 60);
    pair->refreshExpiresAt = now.addDays(m_lifetimes.refreshDays);
    pair->familyId = family;

    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO tokens (token_hash, kind, user_id, device_id, family_id, "
                             "issued_at, expires_at)"
                             " VALUES (?, 'access', ?, NULLIF(?, '')::uuid, ?::uuid, ?, ?),"
                             "        (?, 'refresh', ?, NULLIF(?, '')::uuid, ?::uuid, ?, ?)"));
    for (const auto &[token, expires] : {std::pair{pair->accessToken, pair->accessExpiresAt},
                                         std::pair{pair->refreshToken, pair->refreshExpiresAt}}) {
        q.addBindValue(hashToken(token));
        q.addBindValue(user.id);
        q.addBindValue(uuidText(deviceId));
        q.addBindValue(uuidText(family));
        q.addBindValue(now);
        q.addBindValue(expires);
    }
    if (!q.exec()) {
        *error = QStringLiteral("cannot store tokens: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

TokenService::IssueResult TokenService::issue(const ServerUser &user, const QUuid &deviceId)
{
    IssueResult r;
    if (user.disabled) {
        r.status = Status::UserDisabled;
        return r;
    }
    core::Transaction tx(m_db);
    if (!tx.isActive()) {
        r.error = tx.error();
        return r;
    }
    if (!deviceId.isNull()) {
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("SELECT revoked_at IS NOT NULL FROM devices WHERE device_id = ?::uuid"));
        q.addBindValue(uuidText(deviceId));
        if (!q.exec()) {
            r.error = QStringLiteral("cannot read devices: %1").arg(q.lastError().text());
            return r;
        }
        if (!q.next()) {
            r.status = Status::DeviceUnknown;
            return r;
        }
        if (q.value(0).toBool()) {
            r.status = Status::DeviceRevoked;
            return r;
        }
    }
    const QUuid family = QUuid::createUuid();
    if (!insertPair(user, deviceId, family, &r.tokens, &r.error))
        return r;
    if (!tx.commit()) {
        r.error = tx.error();
        return r;
    }
    r.status = Status::Ok;
    r.principal = {user, deviceId, family, r.tokens.accessExpiresAt};
    return r;
}

TokenService::AuthResult TokenService::authenticate(const QString &accessToken)
{
    AuthResult r;
    if (!hasPrefix(accessToken, AccessPrefix)) {
        r.status = Status::Invalid;
        return r;
    }
    const QDateTime now = m_clock.now().toUTC();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM tokens t JOIN users u ON u.id = t.user_id"
                             " LEFT JOIN devices d ON d.device_id = t.device_id"
                             " WHERE t.token_hash = ? AND t.kind = 'access'")
                  .arg(QLatin1String(TokenColumns)));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(hashToken(accessToken));
    if (!q.exec()) {
        r.error = QStringLiteral("cannot read tokens: %1").arg(q.lastError().text());
        return r;
    }
    if (!q.next()) {
        r.status = Status::Invalid;
        return r;
    }
    const TokenRow row = rowFrom(q);
    r.principal = row.principal;
    if (row.deviceRevoked)
        r.status = Status::DeviceRevoked;
    else if (row.revoked)
        r.status = Status::Revoked;
    else if (row.principal.user.disabled)
        r.status = Status::UserDisabled;
    else if (row.expired)
        r.status = Status::Expired;
    else
        r.status = Status::Ok;
    return r;
}

TokenService::IssueResult TokenService::refresh(const QString &refreshToken)
{
    IssueResult r;
    if (!hasPrefix(refreshToken, RefreshPrefix)) {
        r.status = Status::Invalid;
        return r;
    }
    const QDateTime now = m_clock.now().toUTC();
    core::Transaction tx(m_db);
    if (!tx.isActive()) {
        r.error = tx.error();
        return r;
    }
    const QString hash = hashToken(refreshToken);
    QSqlQuery q(m_db);
    // FOR UPDATE: two servers refreshing the same token at once are serialised here.
    q.prepare(QStringLiteral("SELECT %1 FROM tokens t JOIN users u ON u.id = t.user_id"
                             " LEFT JOIN devices d ON d.device_id = t.device_id"
                             " WHERE t.token_hash = ? AND t.kind = 'refresh' FOR UPDATE OF t")
                  .arg(QLatin1String(TokenColumns)));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(hash);
    if (!q.exec()) {
        r.error = QStringLiteral("cannot read tokens: %1").arg(q.lastError().text());
        return r;
    }
    if (!q.next()) {
        r.status = Status::Invalid;
        return r;
    }
    const TokenRow row = rowFrom(q);
    q.finish();
    r.principal = row.principal;
    if (row.deviceRevoked) {
        r.status = Status::DeviceRevoked;
        return r;
    }
    if (row.revoked) {
        r.status = Status::Revoked;
        return r;
    }
    if (row.used && row.usedSecsAgo > RefreshRetryGraceSecs) {
        QSqlQuery revoke(m_db);
        revoke.prepare(QStringLiteral("UPDATE tokens SET revoked_at = ?"
                                      " WHERE family_id = ?::uuid AND revoked_at IS NULL"));
        revoke.addBindValue(now);
        revoke.addBindValue(uuidText(row.principal.familyId));
        if (!revoke.exec() || !tx.commit()) {
            r.error = QStringLiteral("cannot revoke a reused token family: %1")
                          .arg(revoke.lastError().text() + tx.error());
            return r;
        }
        r.status = Status::Reused;
        return r;
    }
    if (row.expired) {
        r.status = Status::Expired;
        return r;
    }
    if (row.principal.user.disabled) {
        r.status = Status::UserDisabled;
        return r;
    }
    if (!row.used) {
        QSqlQuery mark(m_db);
        mark.prepare(QStringLiteral("UPDATE tokens SET used_at = ? WHERE token_hash = ?"));
        mark.addBindValue(now);
        mark.addBindValue(hash);
        if (!mark.exec()) {
            r.error = QStringLiteral("cannot rotate the refresh token: %1")
                          .arg(mark.lastError().text());
            return r;
        }
    }
    if (!insertPair(row.principal.user,
                    row.principal.deviceId,
                    row.principal.familyId,
                    &r.tokens,
                    &r.error))
        return r;
    if (!tx.commit()) {
        r.error = tx.error();
        return r;
    }
    r.status = Status::Ok;
    r.principal.expiresAt = r.tokens.accessExpiresAt;
    return r;
}

} // namespace tambo::server
