// DeviceRegistry: device ids with Ed25519 public keys; revocation takes their tokens along.
#include "DeviceRegistry.h"

#include "FakeClock.h"
#include "MigratedDatabase.h"
#include "PostgresLauncher.h"
#include "TokenService.h"
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
using Status = DeviceRegistry::Status;

namespace {

QByteArray newPublicKey()
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    return QByteArray(reinterpret_cast<const char *>(pk), sizeof pk);
}

} // namespace

class TestDeviceRegistry : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresLauncher> m_pg;
    std::unique_ptr<MigratedDatabase> m_db;
    FakeClock m_clock;
    ServerUser m_admin;
    ServerUser m_clerk;
    int m_counter = 0;

    DeviceRegistry registry() { return DeviceRegistry(m_db->db(), m_clock); }

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        m_pg = std::make_unique<PostgresLauncher>();
        TAMBO_REQUIRE_POSTGRES(*m_pg);
    }
    void init()
    {
        m_db = std::make_unique<MigratedDatabase>(*m_pg,
                                                  QStringLiteral("devices_%1").arg(++m_counter));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        UserAccounts accounts(m_db->db(), m_clock, PasswordHasher(1, 8192));
        const UserAccounts::Result admin = accounts.create({QStringLiteral("ana"),
                                                            {},
                                                            QStringLiteral("admin_otic"),
                                                            {},
                                                            QStringLiteral("ana-clave-1")});
        const UserAccounts::Result clerk = accounts.create({QStringLiteral("luis"),
                                                            {},
                                                            QStringLiteral("mesa_partes"),
                                                            {},
                                                            QStringLiteral("luis-clave-1")});
        QVERIFY2(admin.ok(), qPrintable(admin.error));
        QVERIFY2(clerk.ok(), qPrintable(clerk.error));
        m_admin = admin.user;
        m_clerk = clerk.user;
    }
    void cleanup() { m_db.reset(); }
    void cleanupTestCase() { m_pg.reset(); }

    void publicKeyValidation()
    {
        QVERIFY(DeviceRegistry::isValidPublicKey(newPublicKey()));
        QVERIFY(!DeviceRegistry::isValidPublicKey(newPublicKey().left(31)));
        QVERIFY(!DeviceRegistry::isValidPublicKey(newPublicKey() + 'x'));
        QVERIFY(!DeviceRegistry::isValidPublicKey(QByteArray(32, '\0')));   // small-order point
        QVERIFY(!DeviceRegistry::isValidPublicKey(QByteArray(32, '\xff'))); // not canonical
    }

    void registerIsIdempotentForTheSameKey()
    {
        const QUuid id = QUuid::createUuid();
        const QByteArray key = newPublicKey();
        const DeviceRegistry::Result first
            = registry().registerDevice(id, key, QStringLiteral(" PC-PATRIMONIO-03 "), m_clerk.id);
        QCOMPARE(first.status, Status::Registered);
        QCOMPARE(first.device.id, id);
        QCOMPARE(first.device.publicKey, key);
        QCOMPARE(first.device.name, QStringLiteral("PC-PATRIMONIO-03"));
        QCOMPARE(first.device.registeredBy, m_clerk.id);
        QCOMPARE(first.device.registeredAt, m_clock.now());
        QVERIFY(!first.device.revoked);

        m_clock.advanceMinutes(10);
        const DeviceRegistry::Result again = registry().registerDevice(id,
                                                                       key,
                                                                       QStringLiteral("otro"),
                                                                       m_admin.id);
        QCOMPARE(registry()
                     .registerDevice(QUuid::createUuid(), newPublicKey(), QString(), m_admin.id)
                     .device.name,
                 QString()); // no name: empty, not NULL
        QCOMPARE(again.status, Status::AlreadyRegistered);
        QCOMPARE(again.device.registeredAt, first.device.registeredAt); // unchanged
        QCOMPARE(again.device.name, QStringLiteral("PC-PATRIMONIO-03"));

        const auto found = registry().find(id);
        QVERIFY(found);
        QCOMPARE(found->publicKey, key);
        QVERIFY(!registry().find(QUuid::createUuid()));
    }

    void otherKeyForTheSameIdIsRefused()
    {
        const QUuid id = QUuid::createUuid();
        const QByteArray key = newPublicKey();
        QCOMPARE(registry().registerDevice(id, key, {}, m_clerk.id).status, Status::Registered);
        QCOMPARE(registry().registerDevice(id, newPublicKey(), {}, m_clerk.id).status,
                 Status::KeyMismatch);
        QCOMPARE(registry().find(id)->publicKey, key);
    }

    void invalidInputIsRefused()
    {
        QCOMPARE(registry().registerDevice(QUuid(), newPublicKey(), {}, m_clerk.id).status,
                 Status::Invalid);
        QCOMPARE(registry()
                     .registerDevice(QUuid::createUuid(), QByteArray(32, '\0'), {}, m_clerk.id)
                     .status,
                 Status::Invalid);
        QCOMPARE(registry().revoke(QUuid(), m_admin.id, {}).status, Status::Invalid);
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM devices")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void revokeTakesTheTokensAlong()
    {
        const QUuid id = QUuid::createUuid();
        const QUuid other = QUuid::createUuid();
        QCOMPARE(registry().registerDevice(id, newPublicKey(), {}, m_clerk.id).status,
                 Status::Registered);
        QCOMPARE(registry().registerDevice(other, newPublicKey(), {}, m_clerk.id).status,
                 Status::Registered);
        TokenService tokens(m_db->db(), m_clock, {15, 30});
        const auto onDevice = tokens.issue(m_clerk, id);
        const auto onOther = tokens.issue(m_clerk, other);
        QVERIFY(onDevice.ok() && onOther.ok());

        m_clock.advanceMinutes(1);
        const DeviceRegistry::Result r = registry().revoke(id,
                                                           m_admin.id,
                                                           QStringLiteral("equipo dado de baja"));
        QCOMPARE(r.status, Status::Revoked);
        QCOMPARE(r.tokensRevoked, 2);
        QVERIFY(r.device.revoked);
        QSqlQuery q(m_db->db());
        q.prepare(QStringLiteral(
            "SELECT revoked_at, revoked_by, revoke_reason FROM devices WHERE device_id = ?::uuid"));
        q.addBindValue(id.toString(QUuid::WithoutBraces));
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toDateTime().toUTC(), m_clock.now());
        QCOMPARE(q.value(1).toLongLong(), m_admin.id);
        QCOMPARE(q.value(2).toString(), QStringLiteral("equipo dado de baja"));

        QCOMPARE(tokens.authenticate(onDevice.tokens.accessToken).status,
                 TokenService::Status::DeviceRevoked);
        QCOMPARE(tokens.authenticate(onOther.tokens.accessToken).status, TokenService::Status::Ok);

        // Revoking again changes nothing; a revoked id cannot come back.
        const DeviceRegistry::Result again = registry().revoke(id,
                                                               m_admin.id,
                                                               QStringLiteral("otra vez"));
        QCOMPARE(again.status, Status::AlreadyRevoked);
        QCOMPARE(again.tokensRevoked, 0);
        QCOMPARE(registry().registerDevice(id, registry().find(id)->publicKey, {}, m_clerk.id).status,
                 Status::Revoked);
        QCOMPARE(registry().revoke(QUuid::createUuid(), m_admin.id, {}).status, Status::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestDeviceRegistry)
#include "tst_deviceregistry.moc"
