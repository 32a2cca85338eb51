// TokenService: hashed bearer tokens with expiry, rotation, reuse detection, sessions that cannot
// be forked, a maximum session lifetime and device binding (signed refreshes), on a real
// PostgreSQL with an injected clock.
#include "TokenService.h"

#include "DeviceRegistry.h"
#include "FakeClock.h"
#include "MigratedDatabase.h"
#include "PostgresLauncher.h"
#include "UserAccounts.h"

#include "sync/BundleKeyPair.h"
#include "sync/DeviceLoginProof.h"

#include <QSqlQuery>
#include <QtTest>

#include <sodium.h>

#include <memory>

using tambo::core::BundleKeyPair;
using tambo::core::DeviceLoginProof;
using tambo::core::PasswordHasher;
using tambo::server::DeviceRegistry;
using tambo::server::ServerUser;
using tambo::server::TokenService;
using tambo::server::UserAccounts;
using tambo::test::FakeClock;
using tambo::test::MigratedDatabase;
using tambo::test::PostgresLauncher;
using Status = TokenService::Status;

class TestTokenService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresLauncher> m_pg;
    std::unique_ptr<MigratedDatabase> m_db;
    FakeClock m_clock;
    ServerUser m_ana;
    int m_counter = 0;

    TokenService tokens() { return TokenService(m_db->db(), m_clock, {15, 30, 30}); }

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_db->db());
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    // Refresh tokens of a family that can still be spent: a session that did not fork has one.
    qint64 liveRefreshTokens(const QUuid &family)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM tokens WHERE family_id = ?::uuid"
                                     " AND kind = 'refresh' AND used_at IS NULL"
                                     " AND revoked_at IS NULL"),
                      {family.toString(QUuid::WithoutBraces)});
    }
    qint64 familySize(const QUuid &family)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM tokens WHERE family_id = ?::uuid"),
                      {family.toString(QUuid::WithoutBraces)});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        m_pg = std::make_unique<PostgresLauncher>();
        TAMBO_REQUIRE_POSTGRES(*m_pg);
    }
    void init()
    {
        m_clock.set(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        m_db = std::make_unique<MigratedDatabase>(*m_pg,
                                                  QStringLiteral("tokens_%1").arg(++m_counter));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        const UserAccounts::Result r = UserAccounts(m_db->db(), m_clock, PasswordHasher(1, 8192))
                                           .create({QStringLiteral("ana"),
                                                    QStringLiteral("Ana"),
                                                    QStringLiteral("admin_otic"),
                                                    QStringLiteral("central"),
                                                    QStringLiteral("ana-clave-2026")});
        QVERIFY2(r.ok(), qPrintable(r.error));
        m_ana = r.user;
    }
    void cleanup() { m_db.reset(); }
    void cleanupTestCase() { m_pg.reset(); }

    void issuedTokensAuthenticate()
    {
        const TokenService::IssueResult issued = tokens().issue(m_ana);
        QVERIFY2(issued.ok(), qPrintable(issued.error));
        QVERIFY(issued.tokens.accessToken.startsWith(QLatin1String("tambo_at_")));
        QVERIFY(issued.tokens.refreshToken.startsWith(QLatin1String("tambo_rt_")));
        QCOMPARE(issued.tokens.accessToken.size(), 9 + 43);
        QCOMPARE(issued.tokens.accessExpiresAt, m_clock.now().addSecs(15 * 60));
        QCOMPARE(issued.tokens.refreshExpiresAt, m_clock.now().addDays(30));
        QVERIFY(!issued.tokens.familyId.isNull());

        const TokenService::AuthResult auth = tokens().authenticate(issued.tokens.accessToken);
        QCOMPARE(auth.status, Status::Ok);
        QCOMPARE(auth.principal.user.username, QStringLiteral("ana"));
        QCOMPARE(auth.principal.user.roleId, QStringLiteral("admin_otic"));
        QCOMPARE(auth.principal.user.sedeId, QStringLiteral("central"));
        QVERIFY(auth.principal.deviceId.isNull());
        QCOMPARE(auth.principal.familyId, issued.tokens.familyId);
        QCOMPARE(auth.principal.expiresAt, issued.tokens.accessExpiresAt);

        // Two logins, two different families and tokens.
        const TokenService::IssueResult other = tokens().issue(m_ana);
        QVERIFY(other.tokens.accessToken != issued.tokens.accessToken);
        QVERIFY(other.tokens.familyId != issued.tokens.familyId);
    }

    void onlyHashesAreStored()
    {
        const TokenService::IssueResult issued = tokens().issue(m_ana);
        QVERIFY(issued.ok());
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("SELECT token_hash, kind FROM tokens ORDER BY kind")));
        QStringList hashes;
        while (q.next()) {
            hashes << q.value(0).toString();
            QVERIFY(!q.value(0).toString().contains(QLatin1String("tambo_")));
        }
        QCOMPARE(hashes,
                 (QStringList{TokenService::hashToken(issued.tokens.accessToken),
                              TokenService::hashToken(issued.tokens.refreshToken)}));
        QCOMPARE(TokenService::hashToken(QStringLiteral("abc")),
                 QStringLiteral(
                     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void malformedAndWrongKindAreInvalid()
    {
        const TokenService::IssueResult issued = tokens().issue(m_ana);
        QVERIFY(issued.ok());
        QCOMPARE(tokens().authenticate(QString()).status, Status::Invalid);
        QCOMPARE(tokens().authenticate(QStringLiteral("tambo_at_short")).status, Status::Invalid);
        QCOMPARE(tokens().authenticate(TokenService::newToken(false)).status,
                 Status::Invalid); // unknown
        // A refresh token is not an access token and the other way round.
        QCOMPARE(tokens().authenticate(issued.tokens.refreshToken).status, Status::Invalid);
        QCOMPARE(tokens().refresh(issued.tokens.accessToken).status, Status::Invalid);
        // Same length and prefix, but stored under another kind.
        QString forged = issued.tokens.refreshToken;
        forged.replace(0, 9, QStringLiteral("tambo_at_"));
        QCOMPARE(tokens().authenticate(forged).status, Status::Invalid);
    }

    void accessTokenExpiresAfter15Minutes()
    {
        const TokenService::IssueResult issued = tokens().issue(m_ana);
        m_clock.advanceSecs(15 * 60 - 1);
        QCOMPARE(tokens().authenticate(issued.tokens.accessToken).status, Status::Ok);
        m_clock.advanceSecs(1);
        QCOMPARE(tokens().authenticate(issued.tokens.accessToken).status, Status::Expired);
    }

    void refreshRotates()
    {
        const TokenService::IssueResult first = tokens().issue(m_ana);
        m_clock.advanceMinutes(20); // access token expired
        QCOMPARE(tokens().authenticate(first.tokens.accessToken).status, Status::Expired);

        const TokenService::IssueResult second = tokens().refresh(first.tokens.refreshToken);
        QVERIFY2(second.ok(), qPrintable(second.error));
        QCOMPARE(second.tokens.familyId, first.tokens.familyId);
        QVERIFY(second.tokens.accessToken != first.tokens.accessToken);
        QVERIFY(second.tokens.refreshToken != first.tokens.refreshToken);
        QCOMPARE(second.tokens.accessExpiresAt, m_clock.now().addSecs(15 * 60));
        QCOMPARE(second.principal.user.username, QStringLiteral("ana"));
        QCOMPARE(tokens().authenticate(second.tokens.accessToken).status, Status::Ok);

        QSqlQuery q(m_db->db());
        q.prepare(QStringLiteral("SELECT used_at IS NOT NULL FROM tokens WHERE token_hash = ?"));
        q.addBindValue(TokenService::hashToken(first.tokens.refreshToken));
        QVERIFY(q.exec() && q.next());
        QVERIFY(q.value(0).toBool());
    }

    void retryWithinGraceGetsTheSamePair()
    {
        // A client whose network cut the refresh answer retries with the same token: it gets
        // the pair it missed, not a second one, so the session never forks.
        const TokenService::IssueResult first = tokens().issue(m_ana);
        const TokenService::IssueResult lost = tokens().refresh(first.tokens.refreshToken);
        QVERIFY(lost.ok());
        m_clock.advanceSecs(TokenService::RefreshRetryGraceSecs);
        const TokenService::IssueResult retry = tokens().refresh(first.tokens.refreshToken);
        QCOMPARE(retry.status, Status::Ok);
        QCOMPARE(retry.tokens.accessToken, lost.tokens.accessToken);
        QCOMPARE(retry.tokens.refreshToken, lost.tokens.refreshToken);
        QCOMPARE(retry.tokens.accessExpiresAt, lost.tokens.accessExpiresAt);
        QCOMPARE(retry.tokens.refreshExpiresAt, lost.tokens.refreshExpiresAt);
        QCOMPARE(retry.tokens.familyId, first.tokens.familyId);
        QCOMPARE(retry.principal.user.username, QStringLiteral("ana"));
        // Presented a third time: still the same pair. Two pairs in the family, one live
        // refresh token.
        const TokenService::IssueResult third = tokens().refresh(first.tokens.refreshToken);
        QCOMPARE(third.status, Status::Ok);
        QCOMPARE(third.tokens.refreshToken, lost.tokens.refreshToken);
        QCOMPARE(familySize(first.tokens.familyId), 4);
        QCOMPARE(liveRefreshTokens(first.tokens.familyId), 1);
        QCOMPARE(tokens().authenticate(retry.tokens.accessToken).status, Status::Ok);
        // The pair goes on rotating normally.
        const TokenService::IssueResult next = tokens().refresh(retry.tokens.refreshToken);
        QVERIFY(next.ok());
        QVERIFY(next.tokens.refreshToken != retry.tokens.refreshToken);
        QCOMPARE(liveRefreshTokens(first.tokens.familyId), 1);
    }

    void retryAfterTheSuccessorWasSpentIsTheft()
    {
        // The session moved on (its second refresh token was spent); the first token coming back,
        // even within its grace window, is a second holder: the family is revoked.
        const TokenService::IssueResult first = tokens().issue(m_ana);
        const TokenService::IssueResult second = tokens().refresh(first.tokens.refreshToken);
        const TokenService::IssueResult third = tokens().refresh(second.tokens.refreshToken);
        QVERIFY(third.ok());
        m_clock.advanceSecs(30);
        QCOMPARE(tokens().refresh(first.tokens.refreshToken).status, Status::Reused);
        QCOMPARE(tokens().authenticate(third.tokens.accessToken).status, Status::Revoked);
        QCOMPARE(tokens().refresh(third.tokens.refreshToken).status, Status::Revoked);
        QCOMPARE(liveRefreshTokens(first.tokens.familyId), 0);
    }

    void theRepeatedPairIsSealedAndThenCleared()
    {
        const TokenService::IssueResult first = tokens().issue(m_ana);
        const TokenService::IssueResult second = tokens().refresh(first.tokens.refreshToken);
        QVERIFY(second.ok());
        QSqlQuery q(m_db->db());
        q.prepare(
            QStringLiteral("SELECT reissue, successor_hash FROM tokens WHERE token_hash = ?"));
        q.addBindValue(TokenService::hashToken(first.tokens.refreshToken));
        QVERIFY(q.exec() && q.next());
        const QByteArray sealed = q.value(0).toByteArray();
        QVERIFY(sealed.size() > 100);
        // Neither the tokens nor their base64 body are in the row: a dump holds nothing usable.
        for (const QString &token : {second.tokens.accessToken, second.tokens.refreshToken}) {
            QVERIFY(!sealed.contains(token.toLatin1()));
            QVERIFY(!sealed.contains(token.mid(9, 20).toLatin1()));
        }
        QVERIFY(!sealed.contains("tambo_"));
        QCOMPARE(q.value(1).toString(), TokenService::hashToken(second.tokens.refreshToken));
        q.finish();
        // Useless without the refresh token it was sealed for, which is not stored.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM tokens WHERE reissue IS NOT NULL")), 1);
        m_clock.advanceSecs(TokenService::RefreshRetryGraceSecs + 1);
        const TokenService::IssueResult third = tokens().refresh(second.tokens.refreshToken);
        QVERIFY(third.ok());
        // After its grace window the next rotation drops first's sealed pair.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM tokens WHERE token_hash = ?"
                                       " AND reissue IS NULL"),
                        {TokenService::hashToken(first.tokens.refreshToken)}),
                 1);
    }

    void reuseAfterGraceRevokesTheFamily()
    {
        const TokenService::IssueResult first = tokens().issue(m_ana);
        const TokenService::IssueResult second = tokens().refresh(first.tokens.refreshToken);
        QVERIFY(second.ok());
        const TokenService::IssueResult otherLogin = tokens().issue(m_ana);

        m_clock.advanceSecs(TokenService::RefreshRetryGraceSecs + 1);
        QCOMPARE(tokens().refresh(first.tokens.refreshToken).status, Status::Reused);
        // The whole family is gone: the thief's and the owner's tokens alike…
        QCOMPARE(tokens().authenticate(second.tokens.accessToken).status, Status::Revoked);
        QCOMPARE(tokens().refresh(second.tokens.refreshToken).status, Status::Revoked);
        QCOMPARE(tokens().refresh(first.tokens.refreshToken).status, Status::Revoked);
        // …but not another login's family.
        QCOMPARE(tokens().authenticate(otherLogin.tokens.accessToken).status, Status::Ok);
    }

    void refreshTokenExpiresAfter30Days()
    {
        TokenService longSessions(m_db->db(), m_clock, {15, 30, 90});
        const TokenService::IssueResult first = longSessions.issue(m_ana);
        m_clock.advanceSecs(30LL * 24 * 3600 - 1);
        const TokenService::IssueResult second = longSessions.refresh(first.tokens.refreshToken);
        QCOMPARE(second.status, Status::Ok);
        m_clock.advanceSecs(30LL * 24 * 3600);
        QCOMPARE(longSessions.refresh(second.tokens.refreshToken).status, Status::Expired);
    }

    void aSessionEndsAtItsMaximumLifetime()
    {
        // Refreshed every week, the session still ends 30 days after its login: a stolen
        // refresh token cannot be kept alive for ever.
        const QDateTime start = m_clock.now();
        const QDateTime end = start.addDays(30);
        TokenService::IssueResult current = tokens().issue(m_ana);
        QCOMPARE(current.tokens.refreshExpiresAt, end);
        for (int week = 1; week <= 4; ++week) {
            m_clock.advanceSecs(7LL * 24 * 3600);
            current = tokens().refresh(current.tokens.refreshToken);
            QVERIFY2(current.ok(), qPrintable(QString::number(week)));
            QCOMPARE(current.tokens.refreshExpiresAt, end); // never past the session's end
        }
        // Five minutes before the end, the access token is cut to the end too.
        m_clock.set(end.addSecs(-300));
        current = tokens().refresh(current.tokens.refreshToken);
        QVERIFY(current.ok());
        QCOMPARE(current.tokens.accessExpiresAt, end);
        QCOMPARE(current.tokens.refreshExpiresAt, end);
        m_clock.set(end);
        const TokenService::IssueResult over = tokens().refresh(current.tokens.refreshToken);
        QCOMPARE(over.status, Status::SessionExpired);
        QCOMPARE(tokens().authenticate(current.tokens.accessToken).status, Status::Expired);
        // A new login starts a new session.
        QVERIFY(tokens().issue(m_ana).ok());
    }

    void theMaximumLifetimeIsConfigurable()
    {
        TokenService weekly(m_db->db(), m_clock, {15, 30, 7});
        const TokenService::IssueResult first = weekly.issue(m_ana);
        QCOMPARE(first.tokens.refreshExpiresAt, m_clock.now().addDays(7));
        m_clock.advanceSecs(7LL * 24 * 3600);
        QCOMPARE(weekly.refresh(first.tokens.refreshToken).status, Status::SessionExpired);
    }

    void disabledUserIsStoppedAtOnce()
    {
        const TokenService::IssueResult issued = tokens().issue(m_ana);
        QVERIFY(m_db->exec(QStringLiteral("UPDATE users SET disabled = TRUE")));
        QCOMPARE(tokens().authenticate(issued.tokens.accessToken).status, Status::UserDisabled);
        QCOMPARE(tokens().refresh(issued.tokens.refreshToken).status, Status::UserDisabled);
        ServerUser disabled = m_ana;
        disabled.disabled = true;
        QCOMPARE(tokens().issue(disabled).status, Status::UserDisabled);
    }

    void deviceBoundTokens()
    {
        const QUuid unknown = QUuid::createUuid();
        QCOMPARE(tokens().issue(m_ana, unknown).status, Status::DeviceUnknown);

        const QUuid device = QUuid::createUuid();
        const BundleKeyPair key = BundleKeyPair::generate();
        DeviceRegistry registry(m_db->db(), m_clock);
        QCOMPARE(registry.registerDevice(device, key.publicKey, QStringLiteral("PC-01"), m_ana.id)
                     .status,
                 DeviceRegistry::Status::Registered);
        const TokenService::IssueResult bound = tokens().issue(m_ana, device);
        QVERIFY2(bound.ok(), qPrintable(bound.error));
        const TokenService::AuthResult auth = tokens().authenticate(bound.tokens.accessToken);
        QCOMPARE(auth.status, Status::Ok);
        QCOMPARE(auth.principal.deviceId, device);
        const TokenService::IssueResult unbound = tokens().issue(m_ana);

        // The binding survives rotation.
        const TokenService::IssueResult rotated
            = tokens().refresh(bound.tokens.refreshToken,
                               DeviceLoginProof::signRefresh(key.secretKey,
                                                             device,
                                                             bound.tokens.refreshToken,
                                                             m_clock.now()));
        QVERIFY2(rotated.ok(), qPrintable(QString::number(int(rotated.status))));
        QCOMPARE(rotated.principal.deviceId, device);

        const DeviceRegistry::Result revoked = registry.revoke(device,
                                                               m_ana.id,
                                                               QStringLiteral("robado"));
        QCOMPARE(revoked.status, DeviceRegistry::Status::Revoked);
        QCOMPARE(revoked.tokensRevoked, 4); // two pairs bound to the device
        QCOMPARE(tokens().authenticate(bound.tokens.accessToken).status, Status::DeviceRevoked);
        QCOMPARE(tokens().authenticate(rotated.tokens.accessToken).status, Status::DeviceRevoked);
        QCOMPARE(tokens().refresh(rotated.tokens.refreshToken).status, Status::DeviceRevoked);
        QCOMPARE(tokens().issue(m_ana, device).status, Status::DeviceRevoked);
        // Tokens not bound to the device keep working.
        QCOMPARE(tokens().authenticate(unbound.tokens.accessToken).status, Status::Ok);
    }

    void deviceBoundRefreshNeedsTheDeviceSignature()
    {
        // A refresh token copied off a PC (e.g. from its keychain) is useless without the PC's
        // device key, and failed attempts change nothing.
        const QUuid device = QUuid::createUuid();
        const BundleKeyPair key = BundleKeyPair::generate();
        QCOMPARE(DeviceRegistry(m_db->db(), m_clock)
                     .registerDevice(device, key.publicKey, QStringLiteral("PC-02"), m_ana.id)
                     .status,
                 DeviceRegistry::Status::Registered);
        const TokenService::IssueResult bound = tokens().issue(m_ana, device);
        QVERIFY(bound.ok());
        const QString token = bound.tokens.refreshToken;
        const QDateTime now = m_clock.now();

        QCOMPARE(tokens().refresh(token).status, Status::DeviceProofRequired);
        QCOMPARE(tokens()
                     .refresh(token,
                              DeviceLoginProof::signRefresh(BundleKeyPair::generate().secretKey,
                                                            device,
                                                            token,
                                                            now))
                     .status,
                 Status::DeviceProofInvalid);
        // The device's signature over another token (or another device id) is not this one's.
        QCOMPARE(tokens()
                     .refresh(token,
                              DeviceLoginProof::signRefresh(key.secretKey,
                                                            device,
                                                            TokenService::newToken(true),
                                                            now))
                     .status,
                 Status::DeviceProofInvalid);
        QCOMPARE(tokens()
                     .refresh(token,
                              DeviceLoginProof::signRefresh(key.secretKey,
                                                            QUuid::createUuid(),
                                                            token,
                                                            now))
                     .status,
                 Status::DeviceProofInvalid);
        // A login signature does not sign a refresh.
        QCOMPARE(tokens()
                     .refresh(token,
                              DeviceLoginProof::sign(key.secretKey,
                                                     device,
                                                     QStringLiteral("ana"),
                                                     now))
                     .status,
                 Status::DeviceProofInvalid);
        QCOMPARE(tokens()
                     .refresh(token,
                              DeviceLoginProof::signRefresh(key.secretKey,
                                                            device,
                                                            token,
                                                            now.addSecs(-3600)))
                     .status,
                 Status::DeviceProofStale);
        // None of that spent the token.
        QCOMPARE(liveRefreshTokens(bound.tokens.familyId), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM tokens WHERE used_at IS NOT NULL")), 0);

        const TokenService::IssueResult ok
            = tokens().refresh(token,
                               DeviceLoginProof::signRefresh(key.secretKey, device, token, now));
        QVERIFY(ok.ok());
        // The retry within the grace window needs the signature too.
        QCOMPARE(tokens().refresh(token).status, Status::DeviceProofRequired);
        const TokenService::IssueResult again
            = tokens().refresh(token,
                               DeviceLoginProof::signRefresh(key.secretKey, device, token, now));
        QCOMPARE(again.status, Status::Ok);
        QCOMPARE(again.tokens.refreshToken, ok.tokens.refreshToken);
        // An unbound session ignores a signature.
        const TokenService::IssueResult unbound = tokens().issue(m_ana);
        QVERIFY(tokens()
                    .refresh(unbound.tokens.refreshToken,
                             DeviceLoginProof::signRefresh(key.secretKey,
                                                           device,
                                                           unbound.tokens.refreshToken,
                                                           now))
                    .ok());
    }

    void twoServicesShareTheDatabase()
    {
        // Two connections stand for two server processes: state lives only in PostgreSQL.
        const QString other = QStringLiteral("second-server");
        {
            QSqlDatabase second = m_pg->open(other, m_db->name());
            QVERIFY(second.isOpen());
            const TokenService::IssueResult issued = tokens().issue(m_ana);
            TokenService elsewhere(second, m_clock, {15, 30, 30});
            QCOMPARE(elsewhere.authenticate(issued.tokens.accessToken).status, Status::Ok);
            const TokenService::IssueResult rotated = elsewhere.refresh(issued.tokens.refreshToken);
            QVERIFY(rotated.ok());
            QCOMPARE(tokens().authenticate(rotated.tokens.accessToken).status, Status::Ok);
            // The retry reaches the other server: it answers the pair the first one issued.
            const TokenService::IssueResult retried = tokens().refresh(issued.tokens.refreshToken);
            QCOMPARE(retried.status, Status::Ok);
            QCOMPARE(retried.tokens.accessToken, rotated.tokens.accessToken);
            QCOMPARE(retried.tokens.refreshToken, rotated.tokens.refreshToken);
            second.close();
        }
        QSqlDatabase::removeDatabase(other);
    }
};

QTEST_GUILESS_MAIN(TestTokenService)
#include "tst_tokenservice.moc"
