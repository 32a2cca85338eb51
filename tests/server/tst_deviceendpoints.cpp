// DeviceEndpoints through a real tambo-server process: /v1/devices/register and /revoke.
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "TestClient.h"
#include "TestDeviceKeys.h"

#include <QtTest>

#include <sodium.h>

#include <memory>

using tambo::test::ServerFixture;
using tambo::test::ServerProcess;
using tambo::test::TestClient;

namespace {

QString newPublicKeyBase64()
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(pk), sizeof pk).toBase64());
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestDeviceEndpoints : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_server;
    QString m_adminToken;
    QString m_clerkToken;

    TestClient client()
    {
        return TestClient(m_server->port(), m_fx.certificate().certificatePath());
    }

    QJsonObject login(const QString &user, const QString &password, const QString &device = {})
    {
        QJsonObject body{{QStringLiteral("username"), user}, {QStringLiteral("password"), password}};
        if (!device.isEmpty())
            tambo::test::TestDeviceKeys::bindLogin(&body, device, user);
        return client().post(QStringLiteral("/v1/auth/login"), body).json;
    }

    TestClient::Reply registerDevice(const QString &token,
                                     const QString &id,
                                     const QString &key,
                                     const QString &name = QStringLiteral("PC-PATRIMONIO-03"))
    {
        return client().post(QStringLiteral("/v1/devices/register"),
                             {{QStringLiteral("device_id"), id},
                              {QStringLiteral("public_key"), key},
                              {QStringLiteral("name"), name}},
                             token);
    }

    TestClient::Reply revoke(const QString &token, const QString &id)
    {
        return client().post(QStringLiteral("/v1/devices/revoke"),
                             {{QStringLiteral("device_id"), id},
                              {QStringLiteral("reason"), QStringLiteral("equipo robado")}},
                             token);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        TAMBO_SETUP_SERVER_FIXTURE(m_fx);
        QString error;
        QVERIFY2(m_fx.createUser(QStringLiteral("ana"),
                                 QStringLiteral("admin_otic"),
                                 QStringLiteral("central"),
                                 QStringLiteral("ana-clave-2026"),
                                 &error),
                 qPrintable(error));
        QVERIFY2(m_fx.createUser(QStringLiteral("luis"),
                                 QStringLiteral("mesa_partes"),
                                 QStringLiteral("ciudad-nueva"),
                                 QStringLiteral("luis-clave-2026"),
                                 &error),
                 qPrintable(error));
        m_server = std::make_unique<ServerProcess>(m_fx.dir() + QStringLiteral("/server.log"));
        QVERIFY2(m_server->start(m_fx.configPath(), &error), qPrintable(error));
        m_adminToken = login(QStringLiteral("ana"), QStringLiteral("ana-clave-2026"))
                           .value(QStringLiteral("access_token"))
                           .toString();
        m_clerkToken = login(QStringLiteral("luis"), QStringLiteral("luis-clave-2026"))
                           .value(QStringLiteral("access_token"))
                           .toString();
        QVERIFY(!m_adminToken.isEmpty() && !m_clerkToken.isEmpty());
    }
    void cleanupTestCase()
    {
        if (m_server && m_server->isRunning()) {
            m_server->signal(SIGTERM);
            QVERIFY(m_server->waitForExit(15000));
            QCOMPARE(m_server->exitCode(), 0);
        }
        if (m_server)
            QVERIFY2(!m_server->hasSanitizerReport(), qPrintable(m_server->logText()));
    }

    void registerNeedsAToken()
    {
        const TestClient::Reply none = registerDevice(QString(), uuid(), newPublicKeyBase64());
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("missing_token"));
        const TestClient::Reply bad = registerDevice(QStringLiteral("tambo_at_forged"),
                                                     uuid(),
                                                     newPublicKeyBase64());
        QCOMPARE(bad.status, 401);
        QCOMPARE(bad.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_token"));
    }

    void registerStoresTheKeyOnce()
    {
        const QString id = uuid();
        const QString key = newPublicKeyBase64();
        const TestClient::Reply first = registerDevice(m_clerkToken, id, key);
        QVERIFY2(first.status == 201, first.body.c_str());
        QCOMPARE(first.json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("registered"));
        QCOMPARE(first.json.value(QStringLiteral("device_id")).toString(), id);
        QVERIFY(QDateTime::fromString(first.json.value(QStringLiteral("registered_at")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());

        const TestClient::Reply again = registerDevice(m_clerkToken, id, key);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("already_registered"));
        QCOMPARE(again.json.value(QStringLiteral("registered_at")),
                 first.json.value(QStringLiteral("registered_at")));

        const TestClient::Reply otherKey = registerDevice(m_clerkToken, id, newPublicKeyBase64());
        QCOMPARE(otherKey.status, 409);
        QCOMPARE(otherKey.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_key_mismatch"));

        // Upper-case UUIDs name the same device.
        QCOMPARE(registerDevice(m_adminToken, id.toUpper(), key).status, 200);
    }

    void registerValidatesItsInput_data()
    {
        QTest::addColumn<QString>("deviceId");
        QTest::addColumn<QString>("publicKey");
        QTest::addColumn<QString>("error");
        const QString key = newPublicKeyBase64();
        QTest::addRow("no UUID") << "PC-01" << key << "invalid_uuid";
        QTest::addRow("UUID with braces") << "{" + uuid() + "}" << key << "invalid_uuid";
        QTest::addRow("nil UUID") << "00000000-0000-0000-0000-000000000000" << key
                                  << "invalid_uuid";
        QTest::addRow("no key") << uuid() << ""
                                << "missing_field";
        QTest::addRow("not base64") << uuid() << "¡no es base64!"
                                    << "invalid_public_key";
        QTest::addRow("31 bytes") << uuid() << QString::fromLatin1(QByteArray(31, 'k').toBase64())
                                  << "invalid_public_key";
        QTest::addRow("all zeros") << uuid() << QString::fromLatin1(QByteArray(32, '\0').toBase64())
                                   << "invalid_public_key";
    }

    void registerValidatesItsInput()
    {
        QFETCH(QString, deviceId);
        QFETCH(QString, publicKey);
        QFETCH(QString, error);
        const TestClient::Reply r = registerDevice(m_clerkToken, deviceId, publicKey);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json.value(QStringLiteral("error")).toString(), error);
        QVERIFY(!r.json.value(QStringLiteral("message")).toString().isEmpty());
    }

    void onlyTheAdministratorRevokes()
    {
        const QString id = uuid();
        QCOMPARE(registerDevice(m_clerkToken, id, tambo::test::TestDeviceKeys::publicKeyBase64(id))
                     .status,
                 201);
        const TestClient::Reply denied = revoke(m_clerkToken, id);
        QCOMPARE(denied.status, 403);
        QCOMPARE(denied.json.value(QStringLiteral("error")).toString(), QStringLiteral("forbidden"));
        QCOMPARE(denied.json.value(QStringLiteral("message")).toString(),
                 QStringLiteral("Solo el administrador de la OTIC puede revocar equipos."));
        QCOMPARE(revoke(QString(), id).status, 401);
        // Still usable: the refusal changed nothing.
        const QJsonObject bound = login(QStringLiteral("luis"),
                                        QStringLiteral("luis-clave-2026"),
                                        id);
        QCOMPARE(bound.value(QStringLiteral("device_id")).toString(), id);
    }

    void revokedDeviceLosesItsTokens()
    {
        const QString id = uuid();
        const QString key = tambo::test::TestDeviceKeys::publicKeyBase64(id);
        QCOMPARE(registerDevice(m_clerkToken, id, key).status, 201);
        const QJsonObject onDevice = login(QStringLiteral("luis"),
                                           QStringLiteral("luis-clave-2026"),
                                           id);
        const QString deviceToken = onDevice.value(QStringLiteral("access_token")).toString();
        QCOMPARE(onDevice.value(QStringLiteral("device_id")).toString(), id);
        TestClient c = client();
        const TestClient::Reply session = c.get(QStringLiteral("/v1/auth/session"), deviceToken);
        QCOMPARE(session.status, 200);
        QCOMPARE(session.json.value(QStringLiteral("device_id")).toString(), id);

        const TestClient::Reply revoked = revoke(m_adminToken, id);
        QVERIFY2(revoked.status == 200, revoked.body.c_str());
        QCOMPARE(revoked.json.value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QCOMPARE(revoked.json.value(QStringLiteral("tokens_revoked")).toInt(), 2);

        const TestClient::Reply after = c.get(QStringLiteral("/v1/auth/session"), deviceToken);
        QCOMPARE(after.status, 403);
        QCOMPARE(after.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_revoked"));
        const TestClient::Reply refreshed = c.post(QStringLiteral("/v1/auth/refresh"),
                                                   {{QStringLiteral("refresh_token"),
                                                     onDevice.value(
                                                         QStringLiteral("refresh_token"))}});
        QCOMPARE(refreshed.status, 403);
        QJsonObject reloginBody{{QStringLiteral("username"), QStringLiteral("luis")},
                                {QStringLiteral("password"), QStringLiteral("luis-clave-2026")}};
        tambo::test::TestDeviceKeys::bindLogin(&reloginBody, id, QStringLiteral("luis"));
        const TestClient::Reply relogin = c.post(QStringLiteral("/v1/auth/login"), reloginBody);
        QCOMPARE(relogin.status, 403);
        QCOMPARE(relogin.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_revoked"));
        const TestClient::Reply reregister = registerDevice(m_clerkToken, id, key);
        QCOMPARE(reregister.status, 403);
        QCOMPARE(reregister.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_revoked"));

        // The user's tokens that are not bound to that PC still work.
        QCOMPARE(c.get(QStringLiteral("/v1/auth/session"), m_clerkToken).status, 200);

        const TestClient::Reply twice = revoke(m_adminToken, id);
        QCOMPARE(twice.status, 200);
        QCOMPARE(twice.json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("already_revoked"));
        const TestClient::Reply unknown = revoke(m_adminToken, uuid());
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_not_found"));
    }
};

QTEST_GUILESS_MAIN(TestDeviceEndpoints)
#include "tst_deviceendpoints.moc"
