#include "TokenService.h"

#include "migrations/Transaction.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <sodium.h>

#include <algorithm>
#include <array>

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

// The key that seals the pair issued for a refresh token (see TokenService.h): BLAKE2b-256 of the
// token, keyed with a fixed context so it can never equal the stored SHA-256 hash.
using SealKey = std::array<unsigned char, crypto_secretbox_KEYBYTES>;
constexpr char ReissueContext[] = "tambo-refresh-reissue-v1";

SealKey sealKey(const QString &refreshToken)
{
    SealKey key{};
    const QByteArray token = refreshToken.toUtf8();
    crypto_generichash(key.data(),
                       key.size(),
                       reinterpret_cast<const unsigned char *>(token.constData()),
                       quint64(token.size()),
                       reinterpret_cast<const unsigned char *>(ReissueContext),
                       sizeof ReissueContext - 1);
    return key;
}

QString isoMs(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// nonce ‖ crypto_secretbox_easy(JSON of the pair)
QByteArray sealPair(const TokenService::TokenPair &pair, const QString &refreshToken)
{
    QByteArray plain = QJsonDocument(
                           QJsonObject{{QStringLiteral("a"), pair.accessToken},
                                       {QStringLiteral("r"), pair.refreshToken},
                                       {QStringLiteral("ae"), isoMs(pair.accessExpiresAt)},
                                       {QStringLiteral("re"), isoMs(pair.refreshExpiresAt)}})
                           .toJson(QJsonDocument::Compact);
    SealKey key = sealKey(refreshToken);
    QByteArray out(qsizetype(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) + plain.size(),
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(plain.constData()),
                          quint64(plain.size()),
                          nonce,
                          key.data());
    sodium_memzero(key.data(), key.size());
    sodium_memzero(plain.data(), size_t(plain.size()));
    return out;
}

std::optional<TokenService::TokenPair> openPair(const QByteArray &sealed,
                                                const QString &refreshToken)
{
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (sealed.size() <= overhead)
        return std::nullopt;
    SealKey key = sealKey(refreshToken);
    QByteArray plain(sealed.size() - overhead, Qt::Uninitialized);
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData());
    const int opened = crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                                  nonce + crypto_secretbox_NONCEBYTES,
                                                  quint64(sealed.size()
                                                          - crypto_secretbox_NONCEBYTES),
                                                  nonce,
                                                  key.data());
    sodium_memzero(key.data(), key.size());
    if (opened != 0)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(plain).object();
    sodium_memzero(plain.data(), size_t(plain.size()));
    TokenService::TokenPair pair;
    pair.accessToken = o.value(QStringLiteral("a")).toString();
    pair.refreshToken = o.value(QStringLiteral("r")).toString();
    pair.accessExpiresAt
        = QDateTime::fromString(o.value(QStringLiteral("ae")).toString(), Qt::ISODateWithMs).toUTC();
    pair.refreshExpiresAt
        = QDateTime::fromString(o.value(QStringLiteral("re")).toString(), Qt::ISODateWithMs).toUTC();
    if (pair.accessToken.isEmpty() || pair.refreshToken.isEmpty() || !pair.accessExpiresAt.isValid()
        || !pair.refreshExpiresAt.isValid())
        return std::nullopt;
    return pair;
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

QDateTime TokenService::sessionEnd(const QDateTime &familyStartedAt) const
{
    return familyStartedAt.toUTC().addDays(m_lifetimes.sessionMaxDays);
}

bool TokenService::insertPair(const ServerUser &user,
                              const QUuid &deviceId,
                              const QUuid &family,
                              const QDateTime &familyStartedAt,
                              TokenPair *pair,
                              QString *error)
{
    const QDateTime now = m_clock.now().toUTC();
    // No token outlives its session.
    const QDateTime end = sessionEnd(familyStartedAt);
    pair->accessToken = newToken(false);
    pair->refreshToken = newToken(true);
    pair->accessExpiresAt = std::min(now.addSecs(qint64(m_lifetimes.accessMinutes) * 60), end);
    pair->refreshExpiresAt = std::min(now.addDays(m_lifetimes.refreshDays), end);
    pair->familyId = family;

    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO tokens (token_hash, kind, user_id, device_id, family_id, "
                             "issued_at, expires_at, family_started_at)"
                             " VALUES (?, 'access', ?, NULLIF(?, '')::uuid, ?::uuid, ?, ?, ?),"
                             "        (?, 'refresh', ?, NULLIF(?, '')::uuid, ?::uuid, ?, ?, ?)"));
    for (const auto &[token, expires] : {std::pair{pair->accessToken, pair->accessExpiresAt},
                                         std::pair{pair->refreshToken, pair->refreshExpiresAt}}) {
        q.addBindValue(hashToken(token));
        q.addBindValue(user.id);
        q.addBindValue(uuidText(deviceId));
        q.addBindValue(uuidText(family));
        q.addBindValue(now);
        q.addBindValue(expires);
        q.addBindValue(familyStartedAt.toUTC());
    }
    if (!q.exec()) {
        *error = QStringLiteral("cannot store tokens: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

bool TokenService::revokeFamily(const QUuid &family, const QDateTime &now, QString *error)
{
    QSqlQuery revoke(m_db);
    revoke.prepare(QStringLiteral("UPDATE tokens SET revoked_at = ?, reissue = NULL"
                                  " WHERE family_id = ?::uuid AND revoked_at IS NULL"));
    revoke.addBindValue(now);
    revoke.addBindValue(uuidText(family));
    if (!revoke.exec()) {
        *error = QStringLiteral("cannot revoke a token family: %1").arg(revoke.lastError().text());
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
    if (!insertPair(user, deviceId, family, m_clock.now().toUTC(), &r.tokens, &r.error))
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

TokenService::IssueResult TokenService::refresh(const QString &refreshToken,
                                                const std::optional<core::DeviceLoginProof> &proof)
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
    // FOR UPDATE: two servers refreshing the same token at once are serialised here (the second
    // then finds it used and answers the first one's pair).
    q.prepare(QStringLiteral("SELECT %1,"
                             " (EXTRACT(EPOCH FROM t.family_started_at) * 1000)::bigint,"
                             " d.public_key, COALESCE(t.successor_hash, ''), t.reissue"
                             " FROM tokens t JOIN users u ON u.id = t.user_id"
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
    const QDateTime familyStartedAt = QDateTime::fromMSecsSinceEpoch(q.value(14).toLongLong(),
                                                                     Qt::UTC);
    const QByteArray devicePublicKey = q.value(15).toByteArray();
    const QString successorHash = q.value(16).toString();
    const QByteArray sealed = q.value(17).toByteArray();
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
    // A device-bound session is refreshed only by the device. Checked before anything changes:
    // a request without the device's signature did not come from it and may not even trigger the
    // reuse alarm below (which would let anyone who once saw a token end the PC's session).
    if (!row.principal.deviceId.isNull()) {
        if (!proof) {
            r.status = Status::DeviceProofRequired;
            return r;
        }
        if (!proof->verifyRefresh(devicePublicKey, row.principal.deviceId, hash)) {
            r.status = Status::DeviceProofInvalid;
            return r;
        }
        if (qAbs(proof->signedAt().secsTo(now)) > core::DeviceLoginProof::MaxSkewSeconds) {
            r.status = Status::DeviceProofStale;
            return r;
        }
    }
    if (now >= sessionEnd(familyStartedAt)) {
        r.status = Status::SessionExpired;
        return r;
    }
    if (row.used && row.usedSecsAgo > RefreshRetryGraceSecs) {
        if (!revokeFamily(row.principal.familyId, now, &r.error) || !tx.commit()) {
            r.error += tx.error();
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
    if (row.used) {
        // Within the grace window: the same answer again, if the pair issued for this token is
        // still the family's live one. Otherwise the session moved on without this caller, so
        // this is a second holder of the token: revoke the family.
        std::optional<TokenPair> again;
        if (!successorHash.isEmpty() && !sealed.isEmpty()) {
            QSqlQuery next(m_db);
            next.prepare(QStringLiteral("SELECT used_at IS NULL AND revoked_at IS NULL"
                                        " FROM tokens WHERE token_hash = ? AND kind = 'refresh'"));
            next.addBindValue(successorHash);
            if (!next.exec()) {
                r.error = QStringLiteral("cannot read tokens: %1").arg(next.lastError().text());
                return r;
            }
            if (next.next() && next.value(0).toBool())
                again = openPair(sealed, refreshToken);
        }
        if (!again || hashToken(again->refreshToken) != successorHash) {
            if (!revokeFamily(row.principal.familyId, now, &r.error) || !tx.commit()) {
                r.error += tx.error();
                return r;
            }
            r.status = Status::Reused;
            return r;
        }
        if (!tx.commit()) {
            r.error = tx.error();
            return r;
        }
        r.tokens = *again;
        r.tokens.familyId = row.principal.familyId;
        r.status = Status::Ok;
        r.principal.expiresAt = r.tokens.accessExpiresAt;
        return r;
    }

    if (!insertPair(row.principal.user,
                    row.principal.deviceId,
                    row.principal.familyId,
                    familyStartedAt,
                    &r.tokens,
                    &r.error))
        return r;
    QSqlQuery mark(m_db);
    mark.prepare(QStringLiteral(
        "UPDATE tokens SET used_at = ?, successor_hash = ?, reissue = ? WHERE token_hash = ?"));
    mark.addBindValue(now);
    mark.addBindValue(hashToken(r.tokens.refreshToken));
    mark.addBindValue(sealPair(r.tokens, refreshToken));
    mark.addBindValue(hash);
    if (!mark.exec()) {
        r.error = QStringLiteral("cannot rotate the refresh token: %1").arg(mark.lastError().text());
        return r;
    }
    // Sealed pairs whose grace window has passed are of no more use: drop them.
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("UPDATE tokens SET reissue = NULL WHERE family_id = ?::uuid"
                                 " AND reissue IS NOT NULL AND used_at < ?"));
    clear.addBindValue(uuidText(row.principal.familyId));
    clear.addBindValue(now.addSecs(-RefreshRetryGraceSecs));
    if (!clear.exec()) {
        r.error = QStringLiteral("cannot clear old sealed pairs: %1").arg(clear.lastError().text());
        return r;
    }
    if (!tx.commit()) {
        r.error = tx.error();
        return r;
    }
    r.status = Status::Ok;
    r.principal.expiresAt = r.tokens.accessExpiresAt;
    return r;
}

} // namespace tambo::server
