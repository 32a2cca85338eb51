// AuthEndpoints through a real tambo-server process over TLS: /v1/auth/login, /refresh, /session;
// sessions that cannot be forked (issue 10) and login throttling, with a second server configured
// with a trusted proxy (127.0.0.2) and a single Argon2id slot.
#include "FakeClock.h"
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "TestClient.h"
#include "TestDeviceKeys.h"
#include "TokenService.h"

#include "auth/PasswordHasher.h"
#include "sync/BundleKeyPair.h"
#include "sync/DeviceLoginProof.h"
#include "sync/SyncHttpClient.h"
#include "sync/UserBundleKey.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <memory>
#include <optional>
#include <thread>
#include <vector>

using tambo::test::ServerFixture;
using tambo::test::ServerProcess;
using tambo::test::TestClient;
using tambo::test::TestDeviceKeys;

class TestAuthEndpoints : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_server;
    // trusted_proxy = 127.0.0.2, password_hash_slots = 1, password_hash_wait_ms = 0
    std::unique_ptr<ServerProcess> m_guarded;

    TestClient client()
    {
        return TestClient(m_server->port(), m_fx.certificate().certificatePath());
    }
    TestClient guarded()
    {
        return TestClient(m_guarded->port(), m_fx.certificate().certificatePath());
    }
    // Connects to the guarded server from 127.0.0.2, its trusted reverse proxy.
    TestClient viaProxy()
    {
        TestClient c = guarded();
        c.bindTo(QStringLiteral("127.0.0.2"));
        return c;
    }
    static TestClient::Reply loginWith(TestClient &c,
                                       const QString &user,
                                       const QString &password,
                                       const QString &forwardedFor = {})
    {
        const QJsonObject body{{QStringLiteral("username"), user},
                               {QStringLiteral("password"), password}};
        if (forwardedFor.isEmpty())
            return c.post(QStringLiteral("/v1/auth/login"), body);
        return c.postWithHeaders(QStringLiteral("/v1/auth/login"),
                                 body,
                                 {{"X-Forwarded-For", forwardedFor.toStdString()}});
    }
    QVariant scalar(const QString &sql)
    {
        QVariant value;
        {
            QSqlDatabase db = m_fx.pg().open(QStringLiteral("check"), QStringLiteral("tambo"));
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
            else
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        return value;
    }
    QString familyOf(const QString &token)
    {
        return scalar(QStringLiteral("SELECT family_id::text FROM tokens WHERE token_hash = '%1'")
                          .arg(tambo::server::TokenService::hashToken(token)))
            .toString();
    }
    qint64 liveRefreshTokens(const QString &family)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM tokens WHERE family_id = '%1'"
                                     " AND kind = 'refresh' AND used_at IS NULL"
                                     " AND revoked_at IS NULL")
                          .arg(family))
            .toLongLong();
    }
    QString registerDevice()
    {
        const QString device = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString admin = login(QStringLiteral("ana"), QStringLiteral("ana-clave-2026"))
                                  .value(QStringLiteral("access_token"))
                                  .toString();
        const TestClient::Reply r = client().post(QStringLiteral("/v1/devices/register"),
                                                  {{QStringLiteral("device_id"), device},
                                                   {QStringLiteral("public_key"),
                                                    TestDeviceKeys::publicKeyBase64(device)}},
                                                  admin);
        return r.status == 201 ? device : QString();
    }

    QJsonObject login(const QString &user, const QString &password)
    {
        return client()
            .post(QStringLiteral("/v1/auth/login"),
                  {{QStringLiteral("username"), user}, {QStringLiteral("password"), password}})
            .json;
    }

private slots:
    void initTestCase()
    {
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

        const QString guardedConfig
            = ServerProcess::writeConfig(m_fx.dir(),
                                         QStringLiteral("guarded.ini"),
                                         m_fx.pg(),
                                         QStringLiteral("tambo"),
                                         &m_fx.certificate(),
                                         8,
                                         QStringLiteral("[server]\ntrusted_proxy = 127.0.0.2\n"
                                                        "[auth]\npassword_hash_slots = 1\n"
                                                        "password_hash_wait_ms = 0\n"));
        QVERIFY(!guardedConfig.isEmpty());
        m_guarded = std::make_unique<ServerProcess>(m_fx.dir() + QStringLiteral("/guarded.log"));
        QVERIFY2(m_guarded->start(guardedConfig, &error), qPrintable(error));
    }
    void init()
    {
        // Each test starts with no failed logins counted (the servers share the database).
        QVERIFY(m_fx.exec(QStringLiteral("DELETE FROM login_throttle")));
    }
    void cleanupTestCase()
    {
        for (ServerProcess *s : {m_server.get(), m_guarded.get()}) {
            if (s && s->isRunning()) {
                s->signal(SIGTERM);
                QVERIFY(s->waitForExit(15000));
                QCOMPARE(s->exitCode(), 0);
            }
            if (s)
                QVERIFY2(!s->hasSanitizerReport(), qPrintable(s->logText()));
        }
    }

    void loginGivesShortLivedTokenAndRefreshToken()
    {
        TestClient c = client();
        const TestClient::Reply r = c.post(QStringLiteral("/v1/auth/login"),
                                           {{QStringLiteral("username"), QStringLiteral("ana")},
                                            {QStringLiteral("password"),
                                             QStringLiteral("ana-clave-2026")}});
        QVERIFY2(r.status == 200, r.body.c_str());
        QCOMPARE(r.header("Content-Type"), QStringLiteral("application/json; charset=utf-8"));
        QCOMPARE(r.json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QVERIFY(r.json.value(QStringLiteral("access_token"))
                    .toString()
                    .startsWith(QLatin1String("tambo_at_")));
        QVERIFY(r.json.value(QStringLiteral("refresh_token"))
                    .toString()
                    .startsWith(QLatin1String("tambo_rt_")));
        QCOMPARE(r.json.value(QStringLiteral("expires_in")).toInt(), 15 * 60);
        QCOMPARE(r.json.value(QStringLiteral("refresh_expires_in")).toInt(), 30 * 24 * 3600);
        const QDateTime expires
            = QDateTime::fromString(r.json.value(QStringLiteral("access_expires_at")).toString(),
                                    Qt::ISODateWithMs);
        QVERIFY(expires.isValid());
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 15 * 60) < 120);
        const QJsonObject user = r.json.value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("ana"));
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("admin_otic"));
        QCOMPARE(user.value(QStringLiteral("sede")).toString(), QStringLiteral("central"));
        QVERIFY(r.json.value(QStringLiteral("device_id")).isNull());

        const TestClient::Reply session
            = c.get(QStringLiteral("/v1/auth/session"),
                    r.json.value(QStringLiteral("access_token")).toString());
        QCOMPARE(session.status, 200);
        QCOMPARE(session.json.value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("username"))
                     .toString(),
                 QStringLiteral("ana"));
        QCOMPARE(session.json.value(QStringLiteral("expires_at")).toString(),
                 r.json.value(QStringLiteral("access_expires_at")).toString());
    }

    // The login answer carries the parameters of the user's bundle key (ADR 0015): the key the
    // PC derives from the same password is the one whose public key the server keeps; it is made
    // once per password, and again after a password change.
    void loginGivesTheUsersBundleKey()
    {
        using tambo::core::UserBundleKey;
        QString error;
        QVERIFY2(m_fx.createUser(QStringLiteral("marta"),
                                 QStringLiteral("gerencia"),
                                 QStringLiteral("central"),
                                 QStringLiteral("marta-clave-2026"),
                                 &error),
                 qPrintable(error));
        const auto storedKey = [this] {
            return scalar(QStringLiteral("SELECT encode(bundle_public_key, 'hex') FROM users"
                                         " WHERE username = 'marta'"))
                .toString();
        };
        // --create-user made it already.
        const QString made = storedKey();
        QCOMPARE(made.size(), 64);
        const QJsonObject first = login(QStringLiteral("marta"), QStringLiteral("marta-clave-2026"));
        const auto params = UserBundleKey::Params::fromJson(
            first.value(QStringLiteral("bundle_key")).toObject());
        QVERIFY2(params, qPrintable(QJsonDocument(first).toJson()));
        QCOMPARE(params->salt.size(), 16);
        QCOMPARE(params->opsLimit, quint64(2)); // the server's Argon2id cost (INTERACTIVE)
        QCOMPARE(params->memLimit, quint64(64) * 1024 * 1024);
        const UserBundleKey key = UserBundleKey::derive(QStringLiteral("marta-clave-2026"),
                                                        *params,
                                                        &error);
        QVERIFY2(key.isValid(), qPrintable(error));
        QCOMPARE(QString::fromLatin1(key.publicKey().toHex()), made);
        QCOMPARE(key.params().check, params->check);
        QVERIFY(UserBundleKey::derive(QStringLiteral("otra-clave-2026"), *params).publicKey()
                != key.publicKey());
        // The salt is not the password hash's: nothing the server stores can sign.
        QVERIFY(!scalar(QStringLiteral("SELECT password_hash FROM users WHERE username = 'marta'"))
                     .toString()
                     .contains(QString::fromLatin1(params->salt.toBase64(
                         QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals))));
        // Stable across logins; never in a refused one.
        QCOMPARE(login(QStringLiteral("marta"), QStringLiteral("marta-clave-2026"))
                     .value(QStringLiteral("bundle_key"))
                     .toObject(),
                 params->toJson());
        QVERIFY(!login(QStringLiteral("marta"), QStringLiteral("mala-clave-2026"))
                     .contains(QStringLiteral("bundle_key")));
        QCOMPARE(storedKey(), made);

        // A new password (as a future password change would store it): the old key is stale and
        // the next login makes a new one from the new password.
        const QString newHash = tambo::core::PasswordHasher().hash(
            QStringLiteral("marta-nueva-2026"));
        QVERIFY(m_fx.exec(QStringLiteral("UPDATE users SET password_hash = '%1' WHERE username ="
                                         " 'marta'")
                              .arg(newHash)));
        const auto renewed = UserBundleKey::Params::fromJson(
            login(QStringLiteral("marta"), QStringLiteral("marta-nueva-2026"))
                .value(QStringLiteral("bundle_key"))
                .toObject());
        QVERIFY(renewed);
        QVERIFY(renewed->salt != params->salt);
        QCOMPARE(QString::fromLatin1(
                     UserBundleKey::derive(QStringLiteral("marta-nueva-2026"), *renewed)
                         .publicKey()
                         .toHex()),
                 storedKey());

        // An account from before bundle keys gets one at its next login.
        QVERIFY(m_fx.exec(QStringLiteral(
            "UPDATE users SET bundle_key_salt = NULL, bundle_key_ops = NULL, bundle_key_mem = NULL,"
            " bundle_public_key = NULL, bundle_key_for = NULL WHERE username = 'marta'")));
        const auto fresh = UserBundleKey::Params::fromJson(
            login(QStringLiteral("marta"), QStringLiteral("marta-nueva-2026"))
                .value(QStringLiteral("bundle_key"))
                .toObject());
        QVERIFY(fresh);
        QCOMPARE(QString::fromLatin1(
                     UserBundleKey::derive(QStringLiteral("marta-nueva-2026"), *fresh)
                         .publicKey()
                         .toHex()),
                 storedKey());
    }

    void usernameIsCaseInsensitive()
    {
        QVERIFY(login(QStringLiteral("  LUIS "), QStringLiteral("luis-clave-2026"))
                    .value(QStringLiteral("access_token"))
                    .toString()
                    .startsWith(QLatin1String("tambo_at_")));
    }

    void wrongCredentialsAre401InSpanish()
    {
        TestClient c = client();
        const TestClient::Reply wrong = c.post(QStringLiteral("/v1/auth/login"),
                                               {{QStringLiteral("username"), QStringLiteral("ana")},
                                                {QStringLiteral("password"),
                                                 QStringLiteral("ana-clave-2025")}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_credentials"));
        QCOMPARE(wrong.json.value(QStringLiteral("message")).toString(),
                 QStringLiteral("Usuario o contraseña incorrectos."));
        QVERIFY(wrong.header("WWW-Authenticate").startsWith(QLatin1String("Bearer")));
        QVERIFY(!wrong.json.contains(QStringLiteral("access_token")));

        // An unknown user gets exactly the same answer: no way to probe for usernames.
        const TestClient::Reply unknown
            = c.post(QStringLiteral("/v1/auth/login"),
                     {{QStringLiteral("username"), QStringLiteral("nadie")},
                      {QStringLiteral("password"), QStringLiteral("ana-clave-2026")}});
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.body, wrong.body);
    }

    void malformedLoginRequests_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addRow("not JSON") << QByteArray("usuario=ana") << QByteArray("application/json")
                                  << 400 << "bad_json";
        QTest::addRow("JSON array")
            << QByteArray("[]") << QByteArray("application/json") << 400 << "bad_json";
        QTest::addRow("form post")
            << QByteArray("username=ana&password=x")
            << QByteArray("application/x-www-form-urlencoded") << 415 << "unsupported_media_type";
        QTest::addRow("no password") << QByteArray(R"({"username":"ana"})")
                                     << QByteArray("application/json") << 400 << "missing_field";
        QTest::addRow("password not text")
            << QByteArray(R"({"username":"ana","password":123})") << QByteArray("application/json")
            << 400 << "missing_field";
        QTest::addRow("device not a UUID")
            << QByteArray(R"({"username":"ana","password":"ana-clave-2026","device_id":"PC-01"})")
            << QByteArray("application/json") << 400 << "invalid_uuid";
        QTest::addRow("device without its signature")
            << QByteArray(R"({"username":"ana","password":"ana-clave-2026",)"
                          R"("device_id":"0b6b3c1e-6a47-4f5e-9d38-2f4c1b9a7e10"})")
            << QByteArray("application/json") << 400 << "device_proof_required";
        QTest::addRow("device signature not 64 bytes")
            << QByteArray(R"({"username":"ana","password":"ana-clave-2026",)"
                          R"("device_id":"0b6b3c1e-6a47-4f5e-9d38-2f4c1b9a7e10",)"
                          R"("device_proof":"AAAA","device_proof_time":"2026-12-02T10:00:00.000Z"})")
            << QByteArray("application/json") << 400 << "device_proof_required";
    }

    void malformedLoginRequests()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, error);
        const TestClient::Reply r = client().postRaw(QStringLiteral("/v1/auth/login"),
                                                     body.toStdString(),
                                                     contentType.toStdString());
        QCOMPARE(r.status, status);
        QCOMPARE(r.json.value(QStringLiteral("error")).toString(), error);
        QVERIFY(!r.json.value(QStringLiteral("message")).toString().isEmpty());
    }

    void sessionNeedsAValidBearerToken()
    {
        TestClient c = client();
        const TestClient::Reply none = c.get(QStringLiteral("/v1/auth/session"));
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("missing_token"));
        QCOMPARE(none.header("WWW-Authenticate"), QStringLiteral("Bearer realm=\"tambo\""));

        const TestClient::Reply garbage = c.get(QStringLiteral("/v1/auth/session"),
                                                QStringLiteral("tambo_at_nope"));
        QCOMPARE(garbage.status, 401);
        QCOMPARE(garbage.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_token"));
        QVERIFY(garbage.header("WWW-Authenticate").contains(QLatin1String("invalid_token")));

        const QJsonObject tokens = login(QStringLiteral("ana"), QStringLiteral("ana-clave-2026"));
        const TestClient::Reply withRefresh
            = c.get(QStringLiteral("/v1/auth/session"),
                    tokens.value(QStringLiteral("refresh_token")).toString());
        QCOMPARE(withRefresh.status, 401); // a refresh token is not a bearer token
    }

    void refreshRotatesThePair()
    {
        TestClient c = client();
        const QJsonObject first = login(QStringLiteral("luis"), QStringLiteral("luis-clave-2026"));
        const TestClient::Reply r = c.post(QStringLiteral("/v1/auth/refresh"),
                                           {{QStringLiteral("refresh_token"),
                                             first.value(QStringLiteral("refresh_token"))}});
        QVERIFY2(r.status == 200, r.body.c_str());
        const QString access = r.json.value(QStringLiteral("access_token")).toString();
        const QString refresh = r.json.value(QStringLiteral("refresh_token")).toString();
        QVERIFY(access.startsWith(QLatin1String("tambo_at_")));
        QVERIFY(access != first.value(QStringLiteral("access_token")).toString());
        QVERIFY(refresh != first.value(QStringLiteral("refresh_token")).toString());
        QCOMPARE(r.json.value(QStringLiteral("expires_in")).toInt(), 15 * 60);
        QCOMPARE(r.json.value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("username"))
                     .toString(),
                 QStringLiteral("luis"));
        QCOMPARE(c.get(QStringLiteral("/v1/auth/session"), access).status, 200);

        const TestClient::Reply again = c.post(QStringLiteral("/v1/auth/refresh"),
                                               {{QStringLiteral("refresh_token"), refresh}});
        QCOMPARE(again.status, 200);

        const TestClient::Reply bogus = c.post(QStringLiteral("/v1/auth/refresh"),
                                               {{QStringLiteral("refresh_token"),
                                                 QStringLiteral("tambo_rt_x")}});
        QCOMPARE(bogus.status, 401);
        QCOMPARE(bogus.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_refresh_token"));
        const TestClient::Reply accessAsRefresh = c.post(QStringLiteral("/v1/auth/refresh"),
                                                         {{QStringLiteral("refresh_token"),
                                                           access}});
        QCOMPARE(accessAsRefresh.status, 401);
        const TestClient::Reply missing = c.post(QStringLiteral("/v1/auth/refresh"), QJsonObject{});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("missing_field"));
    }

    void disabledAccountIsStoppedAtOnce()
    {
        QString error;
        QVERIFY2(m_fx.createUser(QStringLiteral("rosa"),
                                 QStringLiteral("gerencia"),
                                 {},
                                 QStringLiteral("rosa-clave-2026"),
                                 &error),
                 qPrintable(error));
        const QJsonObject tokens = login(QStringLiteral("rosa"), QStringLiteral("rosa-clave-2026"));
        const QString access = tokens.value(QStringLiteral("access_token")).toString();
        TestClient c = client();
        QCOMPARE(c.get(QStringLiteral("/v1/auth/session"), access).status, 200);

        QVERIFY2(m_fx.exec(QStringLiteral(
                               "UPDATE users SET disabled = TRUE WHERE username = 'rosa'"),
                           &error),
                 qPrintable(error));
        const TestClient::Reply session = c.get(QStringLiteral("/v1/auth/session"), access);
        QCOMPARE(session.status, 403);
        QCOMPARE(session.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("account_disabled"));
        const TestClient::Reply relogin
            = c.post(QStringLiteral("/v1/auth/login"),
                     {{QStringLiteral("username"), QStringLiteral("rosa")},
                      {QStringLiteral("password"), QStringLiteral("rosa-clave-2026")}});
        QCOMPARE(relogin.status, 403);
        QCOMPARE(relogin.json.value(QStringLiteral("message")).toString(),
                 QStringLiteral("La cuenta está deshabilitada. Comuníquese con la OTIC."));
        const TestClient::Reply refreshed = c.post(QStringLiteral("/v1/auth/refresh"),
                                                   {{QStringLiteral("refresh_token"),
                                                     tokens.value(
                                                         QStringLiteral("refresh_token"))}});
        QCOMPARE(refreshed.status, 403);
    }

    void loginOnAnUnregisteredDeviceIs404()
    {
        QJsonObject body{{QStringLiteral("username"), QStringLiteral("ana")},
                         {QStringLiteral("password"), QStringLiteral("ana-clave-2026")}};
        TestDeviceKeys::bindLogin(&body,
                                  QUuid::createUuid().toString(QUuid::WithoutBraces),
                                  QStringLiteral("ana"));
        const TestClient::Reply r = client().post(QStringLiteral("/v1/auth/login"), body);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_not_registered"));
    }

    void deviceLoginIsSignedWithTheDeviceKey()
    {
        // A login bound to a device must be signed with the key the device registered: a
        // password and a device id are not enough to act as that PC.
        const QString device = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString admin = login(QStringLiteral("ana"), QStringLiteral("ana-clave-2026"))
                                  .value(QStringLiteral("access_token"))
                                  .toString();
        QCOMPARE(client()
                     .post(QStringLiteral("/v1/devices/register"),
                           {{QStringLiteral("device_id"), device},
                            {QStringLiteral("public_key"), TestDeviceKeys::publicKeyBase64(device)}},
                           admin)
                     .status,
                 201);
        const auto attempt = [&](const QByteArray &secretKey,
                                 const QString &signedUser,
                                 const QDateTime &at) {
            QJsonObject body{{QStringLiteral("username"), QStringLiteral("ana")},
                             {QStringLiteral("password"), QStringLiteral("ana-clave-2026")},
                             {QStringLiteral("device_id"), device}};
            tambo::core::DeviceLoginProof::sign(secretKey, QUuid::fromString(device), signedUser, at)
                .addTo(&body);
            return client().post(QStringLiteral("/v1/auth/login"), body);
        };
        const QByteArray right = TestDeviceKeys::forDevice(device).secretKey;
        const QDateTime now = QDateTime::currentDateTimeUtc();

        const TestClient::Reply ok = attempt(right, QStringLiteral("ana"), now);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json.value(QStringLiteral("device_id")).toString(), device);

        const TestClient::Reply otherKey = attempt(tambo::core::BundleKeyPair::generate().secretKey,
                                                   QStringLiteral("ana"),
                                                   now);
        QCOMPARE(otherKey.status, 401);
        QCOMPARE(otherKey.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_proof_invalid"));
        QVERIFY(!otherKey.json.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(!otherKey.json.contains(QStringLiteral("access_token")));

        // Signed for another user: not this login's signature.
        const TestClient::Reply otherUser = attempt(right, QStringLiteral("beto"), now);
        QCOMPARE(otherUser.status, 401);
        QCOMPARE(otherUser.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_proof_invalid"));

        // Signed an hour ago: stale, and the answer gives the server's time.
        const TestClient::Reply stale = attempt(right, QStringLiteral("ana"), now.addSecs(-3600));
        QCOMPARE(stale.status, 401);
        QCOMPARE(stale.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_proof_stale"));
        const QDateTime serverTime
            = QDateTime::fromString(stale.json.value(QStringLiteral("server_time")).toString(),
                                    Qt::ISODateWithMs);
        QVERIFY(serverTime.isValid());
        QVERIFY(qAbs(serverTime.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        // The desktop's client on a PC whose clock is an hour behind signs again with the
        // server's time and gets in.
        tambo::test::FakeClock late(now.addSecs(-3600));
        tambo::core::SyncHttpClient::Options options;
        options.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port()));
        options.caCertificate = m_fx.certificate().certificatePath();
        options.clock = &late;
        tambo::core::SyncHttpClient pc(options);
        const auto in = pc.login(QStringLiteral("ana"),
                                 QStringLiteral("ana-clave-2026"),
                                 QUuid::fromString(device),
                                 right);
        QVERIFY2(in.ok(), qPrintable(in.errorCode()));
        QCOMPARE(in.json.value(QStringLiteral("device_id")).toString(), device);
        // Without the key it cannot.
        tambo::core::SyncHttpClient keyless(options);
        const auto refused = keyless.login(QStringLiteral("ana"),
                                           QStringLiteral("ana-clave-2026"),
                                           QUuid::fromString(device));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorCode(), QStringLiteral("device_proof_required"));
    }

    void refreshRetryWithinGraceGetsTheSamePair()
    {
        // The attack: a refresh token presented again within its grace window yielded a NEW
        // valid pair each time, so a stolen token forked the session undetected.
        TestClient c = client();
        const QJsonObject first = login(QStringLiteral("luis"), QStringLiteral("luis-clave-2026"));
        const QString stolen = first.value(QStringLiteral("refresh_token")).toString();
        const QString family = familyOf(stolen);
        QVERIFY(!family.isEmpty());
        const TestClient::Reply owner = c.post(QStringLiteral("/v1/auth/refresh"),
                                               {{QStringLiteral("refresh_token"), stolen}});
        QCOMPARE(owner.status, 200);
        const TestClient::Reply thief = c.post(QStringLiteral("/v1/auth/refresh"),
                                               {{QStringLiteral("refresh_token"), stolen}});
        QCOMPARE(thief.status, 200);
        for (const char *field :
             {"access_token", "refresh_token", "access_expires_at", "refresh_expires_at"}) {
            QCOMPARE(thief.json.value(QLatin1String(field)).toString(),
                     owner.json.value(QLatin1String(field)).toString());
        }
        // One session: two pairs in the family, exactly one refresh token that can be spent.
        QCOMPARE(liveRefreshTokens(family), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM tokens WHERE family_id = '%1'")
                            .arg(family))
                     .toLongLong(),
                 4);
        // Whoever rotates next leaves the other with a spent token; when it comes back, the
        // session ends for both and the theft shows.
        const TestClient::Reply next = c.post(QStringLiteral("/v1/auth/refresh"),
                                              {{QStringLiteral("refresh_token"),
                                                owner.json.value(
                                                    QStringLiteral("refresh_token"))}});
        QCOMPARE(next.status, 200);
        const TestClient::Reply again = c.post(QStringLiteral("/v1/auth/refresh"),
                                               {{QStringLiteral("refresh_token"), stolen}});
        QCOMPARE(again.status, 401);
        QCOMPARE(again.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("refresh_token_reused"));
        QCOMPARE(c.get(QStringLiteral("/v1/auth/session"),
                       next.json.value(QStringLiteral("access_token")).toString())
                     .status,
                 401);
        QCOMPARE(liveRefreshTokens(family), 0);
        QTRY_VERIFY(!m_server->logLines(QStringLiteral("refresh refused")).isEmpty());
        const QJsonObject alarm = m_server->logLines(QStringLiteral("refresh refused")).constLast();
        QCOMPARE(alarm.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("refresh_token_reused"));
        QCOMPARE(alarm.value(QStringLiteral("user")).toString(), QStringLiteral("luis"));
    }

    void refreshAfterTheSessionsMaximumLifetimeIs401()
    {
        const QJsonObject tokens = login(QStringLiteral("luis"), QStringLiteral("luis-clave-2026"));
        QVERIFY(tokens.value(QStringLiteral("refresh_expires_in")).toInt() <= 30 * 24 * 3600);
        const QString token = tokens.value(QStringLiteral("refresh_token")).toString();
        // The server runs on the real clock: the session is made to have begun 31 days ago.
        QVERIFY(m_fx.exec(QStringLiteral("UPDATE tokens SET family_started_at = now() - "
                                         "interval '31 days' WHERE family_id = '%1'")
                              .arg(familyOf(token))));
        const TestClient::Reply r = client().post(QStringLiteral("/v1/auth/refresh"),
                                                  {{QStringLiteral("refresh_token"), token}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("session_expired"));
        QCOMPARE(r.json.value(QStringLiteral("message")).toString(),
                 QStringLiteral("La sesión llegó a su duración máxima (30 días desde que se "
                                "inició). Inicie sesión de nuevo."));
        QVERIFY(r.header("WWW-Authenticate").startsWith(QLatin1String("Bearer")));
        QVERIFY(!r.json.contains(QStringLiteral("access_token")));
    }

    void deviceBoundRefreshIsSignedByTheDevice()
    {
        // A refresh token copied off a PC (its keychain) must not be enough to act as the PC.
        const QString device = registerDevice();
        QVERIFY(!device.isEmpty());
        QJsonObject body{{QStringLiteral("username"), QStringLiteral("ana")},
                         {QStringLiteral("password"), QStringLiteral("ana-clave-2026")}};
        TestDeviceKeys::bindLogin(&body, device, QStringLiteral("ana"));
        const TestClient::Reply in = client().post(QStringLiteral("/v1/auth/login"), body);
        QCOMPARE(in.status, 200);
        const QString token = in.json.value(QStringLiteral("refresh_token")).toString();
        const QByteArray right = TestDeviceKeys::forDevice(device).secretKey;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto refresh = [&](const std::optional<tambo::core::DeviceLoginProof> &proof) {
            QJsonObject b{{QStringLiteral("refresh_token"), token}};
            if (proof)
                proof->addTo(&b);
            return client().post(QStringLiteral("/v1/auth/refresh"), b);
        };
        const auto signedBy = [&](const QByteArray &key, const QDateTime &at) {
            return tambo::core::DeviceLoginProof::signRefresh(key,
                                                              QUuid::fromString(device),
                                                              token,
                                                              at);
        };

        const TestClient::Reply unsigned_ = refresh(std::nullopt);
        QCOMPARE(unsigned_.status, 400);
        QCOMPARE(unsigned_.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_proof_required"));
        const TestClient::Reply otherKey = refresh(
            signedBy(tambo::core::BundleKeyPair::generate().secretKey, now));
        QCOMPARE(otherKey.status, 401);
        QCOMPARE(otherKey.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_proof_invalid"));
        QVERIFY(!otherKey.json.contains(QStringLiteral("access_token")));
        const TestClient::Reply stale = refresh(signedBy(right, now.addSecs(-3600)));
        QCOMPARE(stale.status, 401);
        QCOMPARE(stale.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("device_proof_stale"));
        QVERIFY(QDateTime::fromString(stale.json.value(QStringLiteral("server_time")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
        // None of those spent the token; the device's own signature does.
        QCOMPARE(liveRefreshTokens(familyOf(token)), 1);
        const TestClient::Reply ok = refresh(signedBy(right, now));
        QVERIFY2(ok.status == 200, ok.body.c_str());
        QCOMPARE(ok.json.value(QStringLiteral("device_id")).toString(), device);

        // The desktop's client signs its refreshes; on a PC an hour behind it signs again with
        // the server's time.
        tambo::test::FakeClock late(now.addSecs(-3600));
        tambo::core::SyncHttpClient::Options options;
        options.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port()));
        options.caCertificate = m_fx.certificate().certificatePath();
        options.clock = &late;
        const QString kept = ok.json.value(QStringLiteral("refresh_token")).toString();
        tambo::core::SyncHttpClient pc(options);
        pc.setTokens({}, kept); // a restarted PC keeps only its refresh token
        pc.setDeviceKey(QUuid::fromString(device), right);
        const auto registered = pc.post(QStringLiteral("/v1/devices/register"),
                                        {{QStringLiteral("device_id"), device},
                                         {QStringLiteral("public_key"),
                                          TestDeviceKeys::publicKeyBase64(device)}});
        QCOMPARE(registered.status, 200); // already registered, with a fresh access token
        QVERIFY(!pc.accessToken().isEmpty());
        QVERIFY(pc.refreshToken() != kept);
        // Without the key the server refuses, and the client keeps its session for later.
        tambo::core::SyncHttpClient keyless(options);
        keyless.setTokens({}, pc.refreshToken());
        const auto refused = keyless.post(QStringLiteral("/v1/devices/register"), {});
        QCOMPARE(refused.status, 401);
        QCOMPARE(keyless.refreshToken(), pc.refreshToken());
    }

    void sixthWrongPasswordIs429WithRetryAfter()
    {
        // The attack: 300 wrong passwords in 24 s. Five wrong passwords for one account, from
        // five addresses (through the proxy), lock the account for 15 minutes, as on the desktop.
        TestClient proxy = viaProxy();
        for (int i = 1; i <= 5; ++i) {
            const TestClient::Reply r = loginWith(proxy,
                                                  QStringLiteral("luis"),
                                                  QStringLiteral("adivina-%1").arg(i),
                                                  QStringLiteral("203.0.113.%1").arg(i));
            QCOMPARE(r.status, 401);
            QCOMPARE(r.json.value(QStringLiteral("error")).toString(),
                     QStringLiteral("invalid_credentials"));
        }
        const TestClient::Reply sixth = loginWith(proxy,
                                                  QStringLiteral("LUIS"),
                                                  QStringLiteral("adivina-6"),
                                                  QStringLiteral("203.0.113.6"));
        QCOMPARE(sixth.status, 429);
        QCOMPARE(sixth.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("too_many_attempts"));
        bool isNumber = false;
        const int retryAfter = sixth.header("Retry-After").toInt(&isNumber);
        QVERIFY(isNumber);
        QVERIFY2(retryAfter > 15 * 60 - 120 && retryAfter <= 15 * 60,
                 qPrintable(sixth.header("Retry-After")));
        QCOMPARE(sixth.json.value(QStringLiteral("retry_after")).toInt(), retryAfter);
        QCOMPARE(sixth.json.value(QStringLiteral("message")).toString(),
                 QStringLiteral("Demasiados intentos fallidos de inicio de sesión. Por "
                                "seguridad, espere 15 minutos antes de volver a intentarlo."));
        QVERIFY(!sixth.json.contains(QStringLiteral("access_token")));
        // While locked even the right password waits (and costs no Argon2id work), from any
        // address, on any instance.
        QCOMPARE(loginWith(proxy,
                           QStringLiteral("luis"),
                           QStringLiteral("luis-clave-2026"),
                           QStringLiteral("198.51.100.7"))
                     .status,
                 429);
        QCOMPARE(client()
                     .post(QStringLiteral("/v1/auth/login"),
                           {{QStringLiteral("username"), QStringLiteral("luis")},
                            {QStringLiteral("password"), QStringLiteral("luis-clave-2026")}})
                     .status,
                 429);
        // Other accounts are not touched.
        QCOMPARE(loginWith(proxy,
                           QStringLiteral("ana"),
                           QStringLiteral("ana-clave-2026"),
                           QStringLiteral("198.51.100.7"))
                     .status,
                 200);

        // Audited and logged with user, source and reason; never the password.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM login_failures WHERE username = "
                                       "'luis' AND reason = 'bad_credentials'"))
                     .toLongLong(),
                 5);
        QCOMPARE(scalar(QStringLiteral("SELECT string_agg(source, ',' ORDER BY id) FROM "
                                       "login_failures WHERE username = 'luis'"))
                     .toString(),
                 QStringLiteral("203.0.113.1,203.0.113.2,203.0.113.3,203.0.113.4,203.0.113.5"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM login_failures WHERE "
                                       "username || source || reason LIKE '%adivina%'"))
                     .toLongLong(),
                 0);
        QTRY_VERIFY(m_guarded->logLines(QStringLiteral("login failed")).size() >= 7);
        bool sawLock = false;
        for (const QJsonObject &line : m_guarded->logLines(QStringLiteral("login failed"))) {
            QCOMPARE(line.value(QStringLiteral("user")).toString(), QStringLiteral("luis"));
            QVERIFY(line.value(QStringLiteral("source"))
                        .toString()
                        .startsWith(QLatin1String("203.0.113."))
                    || line.value(QStringLiteral("source")).toString()
                           == QLatin1String("198.51.100.7"));
            sawLock = sawLock
                      || line.value(QStringLiteral("reason")).toString()
                             == QLatin1String("account_locked");
        }
        QVERIFY(sawLock);
        QVERIFY(!m_guarded->logText().contains(QLatin1String("adivina")));
        QVERIFY(!m_guarded->logText().contains(QLatin1String("luis-clave-2026")));

        // The lock lasts 15 minutes, then the right password gets in and the count starts again
        // (the servers run on the real clock: the lock is moved into the past).
        QVERIFY(m_fx.exec(
            QStringLiteral("UPDATE login_throttle SET locked_until = now() - interval '1 second',"
                           " window_started_at = now() - interval '16 minutes'")));
        QCOMPARE(loginWith(proxy,
                           QStringLiteral("luis"),
                           QStringLiteral("luis-clave-2026"),
                           QStringLiteral("203.0.113.6"))
                     .status,
                 200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM login_throttle WHERE scope = "
                                       "'account' AND key = 'luis'"))
                     .toLongLong(),
                 0);
    }

    void aRightPasswordResetsTheAccountsCount()
    {
        TestClient proxy = viaProxy();
        for (int i = 1; i <= 4; ++i) {
            QCOMPARE(loginWith(proxy,
                               QStringLiteral("luis"),
                               QStringLiteral("mal"),
                               QStringLiteral("203.0.113.%1").arg(10 + i))
                         .status,
                     401);
        }
        QCOMPARE(loginWith(proxy,
                           QStringLiteral("luis"),
                           QStringLiteral("luis-clave-2026"),
                           QStringLiteral("203.0.113.20"))
                     .status,
                 200);
        for (int i = 1; i <= 4; ++i) {
            QCOMPARE(loginWith(proxy,
                               QStringLiteral("luis"),
                               QStringLiteral("mal"),
                               QStringLiteral("203.0.113.%1").arg(20 + i))
                         .status,
                     401);
        }
        QCOMPARE(loginWith(proxy,
                           QStringLiteral("luis"),
                           QStringLiteral("luis-clave-2026"),
                           QStringLiteral("203.0.113.30"))
                     .status,
                 200);
    }

    void oneAddressIsLimitedAcrossUsernames()
    {
        // Spraying one password over many usernames from one address: five failures lock the
        // address, whatever the usernames (unknown ones count the same).
        TestClient direct = guarded();
        for (int i = 1; i <= 5; ++i) {
            QCOMPARE(loginWith(direct, QStringLiteral("nadie-%1").arg(i), QStringLiteral("clave123"))
                         .status,
                     401);
        }
        const TestClient::Reply locked = loginWith(direct,
                                                   QStringLiteral("ana"),
                                                   QStringLiteral("ana-clave-2026"));
        QCOMPARE(locked.status, 429);
        QVERIFY(locked.header("Retry-After").toInt() > 0);
        // The accounts themselves are not locked: from another address ana gets in.
        TestClient proxy = viaProxy();
        QCOMPARE(loginWith(proxy,
                           QStringLiteral("ana"),
                           QStringLiteral("ana-clave-2026"),
                           QStringLiteral("198.51.100.30"))
                     .status,
                 200);
    }

    void forwardedForIsIgnoredFromOtherPeers()
    {
        // 127.0.0.1 is not the trusted proxy: its X-Forwarded-For is whatever the client wrote,
        // so rotating it does not escape the per-address count.
        TestClient direct = guarded();
        for (int i = 1; i <= 5; ++i) {
            QCOMPARE(loginWith(direct,
                               QStringLiteral("xff-%1").arg(i),
                               QStringLiteral("clave123"),
                               QStringLiteral("203.0.113.%1").arg(100 + i))
                         .status,
                     401);
        }
        QCOMPARE(loginWith(direct,
                           QStringLiteral("ana"),
                           QStringLiteral("ana-clave-2026"),
                           QStringLiteral("198.51.100.99"))
                     .status,
                 429);
        QCOMPARE(scalar(QStringLiteral("SELECT string_agg(DISTINCT source, ',') FROM "
                                       "login_failures WHERE username LIKE 'xff-%'"))
                     .toString(),
                 QStringLiteral("127.0.0.1"));
    }

    void forwardedForIsHonouredFromTheProxy()
    {
        TestClient proxy = viaProxy();
        for (int i = 1; i <= 5; ++i) {
            QCOMPARE(loginWith(proxy,
                               QStringLiteral("xffp-%1").arg(i),
                               QStringLiteral("clave123"),
                               QStringLiteral("203.0.113.50"))
                         .status,
                     401);
        }
        QCOMPARE(scalar(QStringLiteral("SELECT string_agg(DISTINCT source, ',') FROM "
                                       "login_failures WHERE username LIKE 'xffp-%'"))
                     .toString(),
                 QStringLiteral("203.0.113.50"));
        QCOMPARE(loginWith(proxy,
                           QStringLiteral("ana"),
                           QStringLiteral("ana-clave-2026"),
                           QStringLiteral("203.0.113.50"))
                     .status,
                 429);
        // The proxy appends the address it saw: whatever the client put to its left is ignored.
        QCOMPARE(loginWith(proxy,
                           QStringLiteral("ana"),
                           QStringLiteral("ana-clave-2026"),
                           QStringLiteral("198.51.100.1, 203.0.113.50"))
                     .status,
                 429);
        QCOMPARE(loginWith(proxy,
                           QStringLiteral("ana"),
                           QStringLiteral("ana-clave-2026"),
                           QStringLiteral("203.0.113.50, 198.51.100.1"))
                     .status,
                 200);
        // Other clients behind the same proxy, and the proxy's own address, are not locked.
        QCOMPARE(loginWith(proxy,
                           QStringLiteral("ana"),
                           QStringLiteral("ana-clave-2026"),
                           QStringLiteral("203.0.113.51"))
                     .status,
                 200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM login_throttle WHERE key = "
                                       "'127.0.0.2'"))
                     .toLongLong(),
                 0);
    }

    void aLoginFloodNeverExceedsTheHashBound()
    {
        // The attack: parallel logins took the server from 103 to 421 MiB in Argon2id hashes.
        // The guarded server runs one password check at a time and does not wait for a slot:
        // the others are answered 503 with Retry-After, and the server's own high-water mark
        // says no two checks ever ran at once.
        const int port = m_guarded->port();
        const QString cert = m_fx.certificate().certificatePath();
        int busy = 0;
        int ok = 0;
        for (int burst = 0; burst < 5 && busy == 0; ++burst) {
            std::vector<TestClient::Reply> replies(16);
            std::vector<std::thread> threads;
            for (size_t i = 0; i < replies.size(); ++i) {
                threads.emplace_back([&replies, i, port, cert] {
                    TestClient c(port, cert);
                    replies[i] = c.post(QStringLiteral("/v1/auth/login"),
                                        {{QStringLiteral("username"), QStringLiteral("ana")},
                                         {QStringLiteral("password"),
                                          QStringLiteral("ana-clave-2026")}});
                });
            }
            for (std::thread &t : threads)
                t.join();
            for (const TestClient::Reply &r : replies) {
                QVERIFY2(r.status == 200 || r.status == 503, r.body.c_str());
                if (r.status == 503) {
                    ++busy;
                    QCOMPARE(r.json.value(QStringLiteral("error")).toString(),
                             QStringLiteral("server_busy"));
                    QCOMPARE(r.header("Retry-After"), QStringLiteral("2"));
                } else {
                    ++ok;
                }
            }
        }
        QVERIFY(busy > 0);
        QVERIFY(ok > 0);
        const TestClient::Reply metrics = guarded().get(QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        const QString text = QString::fromStdString(metrics.body);
        QVERIFY2(text.contains(QLatin1String("\ntambo_password_hashes_in_flight_max 1\n")),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("\ntambo_password_hashes_in_flight 0\n")));
        QVERIFY(text.contains(QLatin1String("tambo_login_refusals_total{reason=\"server_busy\"}")));
        // Busy answers are not failed passwords: nothing was counted against ana.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM login_throttle WHERE scope = "
                                       "'account' AND key = 'ana'"))
                     .toLongLong(),
                 0);
    }

    void secretsNeverReachTheLog()
    {
        const QJsonObject tokens = login(QStringLiteral("ana"), QStringLiteral("ana-clave-2026"));
        QVERIFY(!tokens.value(QStringLiteral("access_token")).toString().isEmpty());
        // The request lines of this class are there, with the user but nothing secret.
        QTRY_VERIFY(!m_server->logLines(QStringLiteral("request")).isEmpty());
        const QString log = m_server->logText();
        QVERIFY(log.contains(QLatin1String("\"route\":\"/v1/auth/login\"")));
        QVERIFY(log.contains(QLatin1String("\"user\":\"ana\"")));
        for (const QString &secret : {QStringLiteral("ana-clave-2026"),
                                      QStringLiteral("luis-clave-2026"),
                                      QStringLiteral("rosa-clave-2026"),
                                      tokens.value(QStringLiteral("access_token")).toString(),
                                      tokens.value(QStringLiteral("refresh_token")).toString(),
                                      QStringLiteral("tambo_at_"),
                                      QStringLiteral("tambo_rt_"),
                                      m_fx.pg().password()}) {
            QVERIFY2(!log.contains(secret), qPrintable(secret));
        }
    }
};

QTEST_GUILESS_MAIN(TestAuthEndpoints)
#include "tst_authendpoints.moc"
