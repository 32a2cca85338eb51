// ServerApp: the tambo-server program as operators run it: command line, health, metrics, logs,
// two stateless instances on one database, and graceful shutdown on SIGTERM/SIGINT.
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "TestClient.h"
#include "PgSchema.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>
#include <memory>

using tambo::test::ServerFixture;
using tambo::test::ServerProcess;
using tambo::test::TestClient;

class TestServerApp : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    int m_logs = 0;

    QString cfg() const { return m_fx.configPath(); }
    QString nextLog() { return m_fx.dir() + QStringLiteral("/server-%1.log").arg(++m_logs); }
    TestClient clientOf(const ServerProcess &s) const
    {
        return TestClient(s.port(), m_fx.certificate().certificatePath());
    }

    static quint64 metricValue(const std::string &text, const QString &series)
    {
        for (const QString &line : QString::fromStdString(text).split(QLatin1Char('\n'))) {
            if (line.startsWith(series + QLatin1Char(' ')))
                return line.mid(series.size() + 1).toULongLong();
        }
        return 0;
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
        m_a = std::make_unique<ServerProcess>(nextLog());
        QVERIFY2(m_a->start(cfg(), &error), qPrintable(error));
        m_b = std::make_unique<ServerProcess>(nextLog());
        QVERIFY2(m_b->start(cfg(), &error), qPrintable(error));
        QVERIFY(m_a->port() != m_b->port());
    }
    void cleanupTestCase()
    {
        for (ServerProcess *s : {m_a.get(), m_b.get()}) {
            if (s && s->isRunning()) {
                s->signal(SIGTERM);
                QVERIFY(s->waitForExit(15000));
            }
            if (s)
                QVERIFY2(!s->hasSanitizerReport(), qPrintable(s->logText()));
        }
    }

    void migrateReportsAndIsIdempotent()
    {
        QVERIFY2(m_fx.migrateOutput().contains(
                     QStringLiteral("server schema migrated from version 0 to %1").arg(tambo::server::PgSchema::latestVersion())),
                 qPrintable(m_fx.migrateOutput()));
        const ServerProcess::Run again = ServerProcess::run(
            {QStringLiteral("--config"), cfg(), QStringLiteral("--migrate")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("server schema already at version %1").arg(tambo::server::PgSchema::latestVersion())),
                 qPrintable(again.out));
    }

    void commandLineErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        const QString bad = m_fx.dir() + QStringLiteral("/bad.ini");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[server]\nport = 99999\n");
        f.close();
        QTest::addRow("missing config file") << QStringList{"--config", m_fx.dir() + "/nope.ini"}
                                             << QByteArray() << 2 << "cannot read config file";
        QTest::addRow("bad config file")
            << QStringList{"--config", bad} << QByteArray() << 2 << "bad.ini:2: [server] port";
        QTest::addRow("unknown option") << QStringList{"--config", cfg(), "--frobnicate"}
                                        << QByteArray() << 2 << "Unknown option";
        QTest::addRow("two commands")
            << QStringList{"--config", cfg(), "--migrate", "--check-config"} << QByteArray() << 2
            << "only one of";
        QTest::addRow("create-user without role")
            << QStringList{"--config", cfg(), "--create-user", "x"} << QByteArray() << 2
            << "needs --role";
        QTest::addRow("duplicate user")
            << QStringList{"--config", cfg(), "--create-user", "ana", "--role", "admin_otic"}
            << QByteArray("otra-clave-2026\n") << 2 << "already exists";
        QTest::addRow("weak password")
            << QStringList{"--config", cfg(), "--create-user", "pepe", "--role", "mesa_partes"}
            << QByteArray("corta\n") << 2 << "at least 8";
        QTest::addRow("unknown role")
            << QStringList{"--config", cfg(), "--create-user", "pepe", "--role", "alcalde"}
            << QByteArray("larga-clave-1\n") << 2 << "unknown role";
    }

    void commandLineErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        const ServerProcess::Run r = ServerProcess::run(args, input);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void checkConfigAndVersion()
    {
        const ServerProcess::Run check = ServerProcess::run(
            {QStringLiteral("--config"), cfg(), QStringLiteral("--check-config")});
        QCOMPARE(check.exitCode, 0);
        QVERIFY(check.out.contains(QLatin1String("configuration is valid")));
        const ServerProcess::Run version = ServerProcess::run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(QLatin1String("tambo-server " TAMBO_VERSION)));
    }

    void unmigratedDatabaseIsRefused()
    {
        QString error;
        QVERIFY2(m_fx.pg().createDatabase(QStringLiteral("empty"), &error), qPrintable(error));
        const QString config = ServerProcess::writeConfig(m_fx.dir(),
                                                          QStringLiteral("empty.ini"),
                                                          m_fx.pg(),
                                                          QStringLiteral("empty"),
                                                          &m_fx.certificate());
        ServerProcess server(nextLog());
        QVERIFY(!server.start(config, &error));
        QVERIFY(server.waitForExit(10000));
        QCOMPARE(server.exitCode(), 1);
        const QList<QJsonObject> lines = server.logLines(QStringLiteral("database schema"));
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.first()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QLatin1String("--migrate")));
        QVERIFY2(!server.hasSanitizerReport(), qPrintable(server.logText()));

        const ServerProcess::Run create = ServerProcess::run({QStringLiteral("--config"),
                                                              config,
                                                              QStringLiteral("--create-user"),
                                                              QStringLiteral("x1"),
                                                              QStringLiteral("--role"),
                                                              QStringLiteral("admin_otic")},
                                                             "larga-clave-1\n");
        QCOMPARE(create.exitCode, 1);
        QVERIFY(create.err.contains(QLatin1String("--migrate")));
    }

    void healthSaysTheDatabaseIsReachable()
    {
        TestClient c = clientOf(*m_a);
        const TestClient::Reply r = c.get(QStringLiteral("/v1/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(r.json.value(QStringLiteral("version")).toString(), QStringLiteral(TAMBO_VERSION));
        QCOMPARE(r.json.value(QStringLiteral("api")).toString(), QStringLiteral("v1"));
        const QJsonObject db = r.json.value(QStringLiteral("db")).toObject();
        QCOMPARE(db.value(QStringLiteral("reachable")).toBool(), true);
        QCOMPARE(db.value(QStringLiteral("schema_version")).toInt(), tambo::server::PgSchema::latestVersion());
    }

    void metricsCountTheRequests()
    {
        TestClient c = clientOf(*m_b);
        const auto scrape = [&] { return c.get(QStringLiteral("/metrics")).body; };
        const QString health = QStringLiteral(
            R"(tambo_http_requests_total{route="/v1/health",status="200"})");
        const QString denied = QStringLiteral(
            R"(tambo_http_requests_total{route="/v1/auth/login",status="401"})");
        const QString unmatched = QStringLiteral(
            R"(tambo_http_requests_total{route="unmatched",status="404"})");
        const std::string before = scrape();
        const quint64 healthBefore = metricValue(before, health);
        const quint64 deniedBefore = metricValue(before, denied);

        for (int i = 0; i < 3; ++i)
            QCOMPARE(c.get(QStringLiteral("/v1/health")).status, 200);
        QCOMPARE(c.post(QStringLiteral("/v1/auth/login"),
                        {{QStringLiteral("username"), QStringLiteral("ana")},
                         {QStringLiteral("password"), QStringLiteral("x")}})
                     .status,
                 401);
        QCOMPARE(c.get(QStringLiteral("/v1/nada")).status, 404);

        // Each request is counted once its answer is written; scrape until all are in.
        std::string text;
        QTRY_VERIFY((text = scrape(),
                     metricValue(text, health) == healthBefore + 3
                         && metricValue(text, denied) == deniedBefore + 1
                         && metricValue(text, unmatched) >= 1));
        QVERIFY(metricValue(text,
                            QStringLiteral(
                                R"(tambo_http_request_duration_seconds_count{route="/v1/health"})"))
                >= 3);
        QVERIFY(QString::fromStdString(text).contains(QStringLiteral(
            R"(tambo_http_request_duration_seconds_bucket{route="/v1/health",le="+Inf"})")));
        QVERIFY(QString::fromStdString(text).contains(QStringLiteral("tambo_db_errors_total 0\n")));
    }

    void logsAreOneJsonObjectPerLine()
    {
        TestClient c = clientOf(*m_a);
        QCOMPARE(c.get(QStringLiteral("/v1/health")).status, 200);
        QTRY_VERIFY(!m_a->logLines(QStringLiteral("request")).isEmpty());
        const QStringList lines = m_a->logText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 3);
        for (const QString &line : lines) {
            const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
            QVERIFY2(doc.isObject(), qPrintable(line));
            QVERIFY(line.startsWith(QLatin1String("{\"time\":\"")));
            for (const char *key : {"time", "level", "msg"})
                QVERIFY2(doc.object().contains(QLatin1String(key)), qPrintable(line));
        }
        const QJsonObject listening = m_a->logLines(QStringLiteral("listening")).first();
        QCOMPARE(listening.value(QStringLiteral("port")).toInt(), m_a->port());
        QCOMPARE(listening.value(QStringLiteral("tls")).toBool(), true);
        QCOMPARE(listening.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1"));
        const QJsonObject request = m_a->logLines(QStringLiteral("request")).last();
        QCOMPARE(request.value(QStringLiteral("route")).toString(), QStringLiteral("/v1/health"));
        QCOMPARE(request.value(QStringLiteral("status")).toInt(), 200);
        QVERIFY(request.value(QStringLiteral("ms")).isDouble());
    }

    void twoInstancesServeTheSameClients()
    {
        TestClient a = clientOf(*m_a);
        TestClient b = clientOf(*m_b);
        const TestClient::Reply login = a.post(QStringLiteral("/v1/auth/login"),
                                               {{QStringLiteral("username"), QStringLiteral("ana")},
                                                {QStringLiteral("password"),
                                                 QStringLiteral("ana-clave-2026")}});
        QCOMPARE(login.status, 200);
        const QString access = login.json.value(QStringLiteral("access_token")).toString();

        // A token issued by A is accepted by B…
        const TestClient::Reply onB = b.get(QStringLiteral("/v1/auth/session"), access);
        QCOMPARE(onB.status, 200);
        QCOMPARE(onB.json.value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("username"))
                     .toString(),
                 QStringLiteral("ana"));
        // …B rotates the refresh token and A accepts the result…
        const TestClient::Reply refreshed = b.post(QStringLiteral("/v1/auth/refresh"),
                                                   {{QStringLiteral("refresh_token"),
                                                     login.json.value(
                                                         QStringLiteral("refresh_token"))}});
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(a.get(QStringLiteral("/v1/auth/session"),
                       refreshed.json.value(QStringLiteral("access_token")).toString())
                     .status,
                 200);
        // …and a device registered through A is known to B.
        const QString device = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString key = QString::fromLatin1(
            QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
                .toBase64()); // RFC 8032 test 1
        const QJsonObject body{{QStringLiteral("device_id"), device},
                               {QStringLiteral("public_key"), key}};
        QCOMPARE(a.post(QStringLiteral("/v1/devices/register"), body, access).status, 201);
        const TestClient::Reply again = b.post(QStringLiteral("/v1/devices/register"), body, access);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("already_registered"));
        const TestClient::Reply revoked = b.post(QStringLiteral("/v1/devices/revoke"),
                                                 {{QStringLiteral("device_id"), device}},
                                                 access);
        QCOMPARE(revoked.status, 200);
        QCOMPARE(a.post(QStringLiteral("/v1/devices/register"), body, access).status, 403);
    }

    void healthTellsWhenTheDatabaseIsGone()
    {
        QString error;
        QVERIFY2(m_fx.pg().createDatabase(QStringLiteral("doomed"), &error), qPrintable(error));
        const QString config = ServerProcess::writeConfig(m_fx.dir(),
                                                          QStringLiteral("doomed.ini"),
                                                          m_fx.pg(),
                                                          QStringLiteral("doomed"),
                                                          &m_fx.certificate(),
                                                          1);
        QCOMPARE(ServerProcess::run(
                     {QStringLiteral("--config"), config, QStringLiteral("--migrate")})
                     .exitCode,
                 0);
        ServerProcess server(nextLog());
        QVERIFY2(server.start(config, &error), qPrintable(error));
        TestClient c = clientOf(server);
        QCOMPARE(c.get(QStringLiteral("/v1/health")).status, 200);

        // Dropping the database cuts the server's connection and every reconnect fails.
        QVERIFY2(m_fx.exec(QStringLiteral("DROP DATABASE doomed WITH (FORCE)"), &error),
                 qPrintable(error));
        const TestClient::Reply down = c.get(QStringLiteral("/v1/health"));
        QCOMPARE(down.status, 503);
        QCOMPARE(down.json.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        QCOMPARE(down.json.value(QStringLiteral("db"))
                     .toObject()
                     .value(QStringLiteral("reachable"))
                     .toBool(),
                 false);
        QVERIFY(!down.body.empty());
        QVERIFY(!QString::fromStdString(down.body).contains(
            QLatin1String("doomed"))); // no internals to clients

        const TestClient::Reply login = c.post(QStringLiteral("/v1/auth/login"),
                                               {{QStringLiteral("username"), QStringLiteral("ana")},
                                                {QStringLiteral("password"),
                                                 QStringLiteral("ana-clave-2026")}});
        QCOMPARE(login.status, 503);
        QCOMPARE(login.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("database_unavailable"));
        QCOMPARE(login.header("Retry-After"), QStringLiteral("30"));
        QTRY_VERIFY(metricValue(c.get(QStringLiteral("/metrics")).body,
                                QStringLiteral("tambo_db_errors_total"))
                    >= 2);
        QVERIFY(!server.logLines(QStringLiteral("health: database unreachable")).isEmpty());

        server.signal(SIGTERM);
        QVERIFY(server.waitForExit(15000));
        QCOMPARE(server.exitCode(), 0);
        QVERIFY2(!server.hasSanitizerReport(), qPrintable(server.logText()));
    }

    void plainHttpOnlyOnLoopbackAndLoudly()
    {
        const QString config = ServerProcess::writeConfig(m_fx.dir(),
                                                          QStringLiteral("plain.ini"),
                                                          m_fx.pg(),
                                                          m_fx.pg().databaseName(),
                                                          nullptr);
        ServerProcess server(nextLog());
        QString error;
        QVERIFY2(server.start(config, &error), qPrintable(error));
        const QList<QJsonObject> warnings = server.logLines(QStringLiteral(
            "TLS IS OFF: plain HTTP, tokens and passwords travel unencrypted. Allowed only on a "
            "loopback address, for tests. Never in production."));
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.first().value(QStringLiteral("level")).toString(),
                 QStringLiteral("warning"));
        TestClient c(server.port());
        QCOMPARE(c.get(QStringLiteral("/v1/health")).status, 200);
        server.signal(SIGINT);
        QVERIFY(server.waitForExit(15000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        QCOMPARE(server.logLines(QStringLiteral("shutting down"))
                     .first()
                     .value(QStringLiteral("signal"))
                     .toString(),
                 QStringLiteral("SIGINT"));
        QVERIFY2(!server.hasSanitizerReport(), qPrintable(server.logText()));

        // The same file on a public address is refused before anything starts.
        QFile f(config);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll().replace("address = 127.0.0.1", "address = 0.0.0.0");
        f.close();
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        const ServerProcess::Run refused = ServerProcess::run({QStringLiteral("--config"), config});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(
                     QLatin1String("tls=false is only allowed on a loopback address")),
                 qPrintable(refused.err));
    }

    void sigtermStopsGracefullyWithExitZero()
    {
        // With a client connected (keep-alive) and requests served, SIGTERM ends the process
        // cleanly and quickly.
        TestClient c = clientOf(*m_a);
        QCOMPARE(c.get(QStringLiteral("/v1/health")).status, 200);
        QElapsedTimer timer;
        timer.start();
        m_a->signal(SIGTERM);
        QVERIFY(m_a->waitForExit(10000));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_a->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_a->exitCode(), 0);
        const QList<QJsonObject> shutting = m_a->logLines(QStringLiteral("shutting down"));
        QCOMPARE(shutting.size(), 1);
        QCOMPARE(shutting.first().value(QStringLiteral("signal")).toString(),
                 QStringLiteral("SIGTERM"));
        const QList<QJsonObject> stopped = m_a->logLines(QStringLiteral("stopped"));
        QCOMPARE(stopped.size(), 1);
        QVERIFY(stopped.first().value(QStringLiteral("requests")).toInteger() >= 1);

        // B is unaffected: instances share nothing but the database.
        QCOMPARE(clientOf(*m_b).get(QStringLiteral("/v1/health")).status, 200);
        m_b->signal(SIGTERM);
        QVERIFY(m_b->waitForExit(10000));
        QCOMPARE(m_b->exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerApp)
#include "tst_serverapp.moc"
