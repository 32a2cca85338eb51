// TokenService: hashed bearer tokens with expiry, rotation, reuse detection and device binding,
// on a real PostgreSQL with an injected clock.
#include "TokenService.h"

#include "DeviceRegistry.h"
#include "FakeClock.h"
#include "MigratedDatabase.h"
#include "PostgresLauncher.h"
#include "UserAccounts.h"

#include <QSqlQuery>
#include <QtTest>

#include <sodium.h>

#include <memory>

using tambo::core::PasswordHasher;
using tambo::server::DeviceRegistry;
using tambo::server::ServerUser;
using tambo::server::TokenService;
using tambo::server::UserAccounts;
using tambo::test::FakeClock;
using tambo::test::MigratedDatabase;
using tambo::test::PostgresLauncher;
using Status = TokenService::Status;

namespace {

QByteArray newPublicKey()
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    return QByteArray(reinterpret_cast<const char *>(pk), sizeof pk);
}

} // namespace

class TestTokenService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresLauncher> m_pg;
    std::unique_ptr<MigratedDatabase> m_db;
    FakeClock m_clock;
    ServerUser m_ana;
    int m_counter = 0;

    TokenService tokens() { return TokenService(m_db->db(), m_clock, {15, 30}); }

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

    void retryWithinGraceIsNotTheft()
    {
        // A client whose network cut the refresh answer retries with the same token.
        const TokenService::IssueResult first = tokens().issue(m_ana);
        const TokenService::IssueResult lost = tokens().refresh(first.tokens.refreshToken);
        QVERIFY(lost.ok());
        m_clock.advanceSecs(TokenService::RefreshRetryGraceSecs);
        const TokenService::IssueResult retry = tokens().refresh(first.tokens.refreshToken);
        QCOMPARE(retry.status, Status::Ok);
        QCOMPARE(tokens().authenticate(retry.tokens.accessToken).status, Status::Ok);
        QCOMPARE(tokens().authenticate(lost.tokens.accessToken).status, Status::Ok);
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
        const TokenService::IssueResult first = tokens().issue(m_ana);
        m_clock.advanceSecs(30LL * 24 * 3600 - 1);
        const TokenService::IssueResult second = tokens().refresh(first.tokens.refreshToken);
        QCOMPARE(second.status, Status::Ok);
        m_clock.advanceSecs(30LL * 24 * 3600);
        QCOMPARE(tokens().refresh(second.tokens.refreshToken).status, Status::Expired);
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
        DeviceRegistry registry(m_db->db(), m_clock);
        QCOMPARE(registry.registerDevice(device, newPublicKey(), QStringLiteral("PC-01"), m_ana.id)
                     .status,
                 DeviceRegistry::Status::Registered);
        const TokenService::IssueResult bound = tokens().issue(m_ana, device);
        QVERIFY2(bound.ok(), qPrintable(bound.error));
        const TokenService::AuthResult auth = tokens().authenticate(bound.tokens.accessToken);
        QCOMPARE(auth.status, Status::Ok);
        QCOMPARE(auth.principal.deviceId, device);
        const TokenService::IssueResult unbound = tokens().issue(m_ana);

        // The binding survives rotation.
        const TokenService::IssueResult rotated = tokens().refresh(bound.tokens.refreshToken);
        QVERIFY(rotated.ok());
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

    void twoServicesShareTheDatabase()
    {
        // Two connections stand for two server processes: state lives only in PostgreSQL.
        const QString other = QStringLiteral("second-server");
        {
            QSqlDatabase second = m_pg->open(other, m_db->name());
            QVERIFY(second.isOpen());
            const TokenService::IssueResult issued = tokens().issue(m_ana);
            TokenService elsewhere(second, m_clock, {15, 30});
            QCOMPARE(elsewhere.authenticate(issued.tokens.accessToken).status, Status::Ok);
            const TokenService::IssueResult rotated = elsewhere.refresh(issued.tokens.refreshToken);
            QVERIFY(rotated.ok());
            QCOMPARE(tokens().authenticate(rotated.tokens.accessToken).status, Status::Ok);
            second.close();
        }
        QSqlDatabase::removeDatabase(other);
    }
};

QTEST_GUILESS_MAIN(TestTokenService)
#include "tst_tokenservice.moc"
