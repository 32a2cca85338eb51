// ServerConfig: good and bad INI/JSON configuration files.
#include "ServerConfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using tambo::server::ServerConfig;

class TestServerConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(text);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        write(QStringLiteral("server.crt"), "not parsed here");
        write(QStringLiteral("server.key"), "not parsed here");
        write(QStringLiteral("db.password"), "s3cr3t, with comma\nignored second line\n");
    }

    void fullIniFile()
    {
        const QString path = write(QStringLiteral("full.ini"),
                                   R"(# tambo-server
; both comment styles
[server]
address = 0.0.0.0
port = 9443
workers = 8
tls = yes
certificate = server.crt
private_key = )" + m_dir.filePath(QStringLiteral("server.key")).toUtf8()
                                       + R"(
keep_alive_seconds = 3
max_body_bytes = 1048576
trusted_proxy = 10.20.0.5, ::ffff:10.20.0.6

[database]
host = db.munitacna.local
port = 5433
name = tambo_prod
user = tambo_app
password_file = db.password
connect_timeout = 7

[auth]
access_token_minutes = 10
refresh_token_days = 14
session_max_days = 21
login_max_failures = 3
login_address_max_failures = 20
login_lock_minutes = 30
password_hash_slots = 4
password_hash_wait_ms = 500

[LOG]
Level = Debug
)");
        QString error;
        const auto c = ServerConfig::load(path, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->server.address, QStringLiteral("0.0.0.0"));
        QCOMPARE(c->server.port, 9443);
        QCOMPARE(c->server.workers, 8);
        QVERIFY(c->server.tls);
        QCOMPARE(c->server.certificate,
                 m_dir.filePath(QStringLiteral("server.crt"))); // relative to the file
        QCOMPARE(c->server.privateKey, m_dir.filePath(QStringLiteral("server.key")));
        QCOMPARE(c->server.keepAliveSeconds, 3);
        QCOMPARE(c->server.maxBodyBytes, qint64(1048576));
        QCOMPARE(c->database.host, QStringLiteral("db.munitacna.local"));
        QCOMPARE(c->database.port, 5433);
        QCOMPARE(c->database.name, QStringLiteral("tambo_prod"));
        QCOMPARE(c->database.user, QStringLiteral("tambo_app"));
        QCOMPARE(c->database.password, QStringLiteral("s3cr3t, with comma")); // first line only
        QCOMPARE(c->database.connectTimeoutSeconds, 7);
        QCOMPARE(c->auth.accessTokenMinutes, 10);
        QCOMPARE(c->auth.refreshTokenDays, 14);
        QCOMPARE(c->auth.sessionMaxDays, 21);
        QCOMPARE(c->auth.loginMaxFailures, 3);
        QCOMPARE(c->auth.loginAddressMaxFailures, 20);
        QCOMPARE(c->auth.loginLockMinutes, 30);
        QCOMPARE(c->auth.passwordHashSlots, 4);
        QCOMPARE(c->auth.passwordHashWaitMs, 500);
        QCOMPARE(c->server.trustedProxies,
                 (QStringList{QStringLiteral("10.20.0.5"), QStringLiteral("::ffff:10.20.0.6")}));
        QCOMPARE(c->logLevel, ServerConfig::LogLevel::Debug);
        QCOMPARE(c->sourcePath, path);
    }

    void defaultsWithTlsOffOnLoopback()
    {
        const QString path
            = write(QStringLiteral("minimal.ini"),
                    "[server]\ntls = false\n[database]\npassword = \"  spaced  \"\n");
        QString error;
        const auto c = ServerConfig::load(path, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->server.address, QStringLiteral("127.0.0.1"));
        QCOMPARE(c->server.port, 8443);
        QCOMPARE(c->server.workers, 4);
        QVERIFY(!c->server.tls);
        QCOMPARE(c->server.keepAliveSeconds, 2);
        QCOMPARE(c->database.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(c->database.port, 5432);
        QCOMPARE(c->database.name, QStringLiteral("tambo"));
        QCOMPARE(c->database.user, QStringLiteral("tambo"));
        QCOMPARE(c->database.password, QStringLiteral("  spaced  ")); // quotes keep spaces
        QCOMPARE(c->auth.accessTokenMinutes, 15);
        QCOMPARE(c->auth.refreshTokenDays, 30);
        // Issue 10's defaults: sessions end 30 days after login; the desktop's 5 failures in
        // 15 minutes; two Argon2id checks at once, two seconds' wait; no proxy trusted.
        QCOMPARE(c->auth.sessionMaxDays, 30);
        QCOMPARE(c->auth.loginMaxFailures, 5);
        QCOMPARE(c->auth.loginAddressMaxFailures, 5);
        QCOMPARE(c->auth.loginLockMinutes, 15);
        QCOMPARE(c->auth.passwordHashSlots, 2);
        QCOMPARE(c->auth.passwordHashWaitMs, 2000);
        QVERIFY(c->server.trustedProxies.isEmpty());
        QCOMPARE(c->logLevel, ServerConfig::LogLevel::Info);
    }

    void jsonFile()
    {
        const QString path = write(QStringLiteral("server.json"), R"({
  "server": {"address": "::1", "port": 0, "workers": 2, "tls": true,
             "certificate": "server.crt", "private_key": "server.key"},
  "database": {"host": "127.0.0.1", "port": 6543, "name": "t", "user": "u", "password": "p"},
  "auth": {"access_token_minutes": 5},
  "log": {"level": "warning"}
})");
        QString error;
        const auto c = ServerConfig::load(path, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->server.address, QStringLiteral("::1"));
        QCOMPARE(c->server.port, 0);
        QCOMPARE(c->server.workers, 2);
        QCOMPARE(c->server.certificate, m_dir.filePath(QStringLiteral("server.crt")));
        QCOMPARE(c->database.port, 6543);
        QCOMPARE(c->database.password, QStringLiteral("p"));
        QCOMPARE(c->auth.accessTokenMinutes, 5);
        QCOMPARE(c->auth.refreshTokenDays, 30);
        QCOMPARE(c->logLevel, ServerConfig::LogLevel::Warning);
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("expected"); // every one must appear in the error

        const QByteArray tlsOff = "[server]\ntls = false\n";
        QTest::addRow("malformed section") << "a.ini" << QByteArray("[server\nport = 1\n")
                                           << QStringList{"a.ini:1", "malformed section"};
        QTest::addRow("no equals sign") << "b.ini" << QByteArray("[server]\n\nport 8443\n")
                                        << QStringList{"b.ini:3", "expected 'key = value'"};
        QTest::addRow("outside a section") << "c.ini" << QByteArray("port = 1\n")
                                           << QStringList{"c.ini:1", "outside any [section]"};
        QTest::addRow("unknown section") << "d.ini" << QByteArray(tlsOff + "[sync]\nmode = fast\n")
                                         << QStringList{"d.ini:4", "unknown section [sync]"};
        QTest::addRow("unknown key (typo)")
            << "e.ini" << QByteArray(tlsOff + "prot = 8443\n")
            << QStringList{"e.ini:3", "[server] prot", "unknown key"};
        QTest::addRow("given twice") << "f.ini" << QByteArray(tlsOff + "port = 1\nport = 2\n")
                                     << QStringList{"f.ini:4", "given twice (first on line 3)"};
        QTest::addRow("port not a number")
            << "g.ini" << QByteArray(tlsOff + "port = https\n")
            << QStringList{"g.ini:3",
                           "[server] port",
                           "'https' is not a whole number from 0 to 65535"};
        QTest::addRow("port too big") << "h.ini" << QByteArray(tlsOff + "port = 70000\n")
                                      << QStringList{"h.ini:3", "from 0 to 65535"};
        QTest::addRow("no workers") << "i.ini" << QByteArray(tlsOff + "workers = 0\n")
                                    << QStringList{"[server] workers", "from 1 to 256"};
        QTest::addRow("tls not a boolean")
            << "j.ini" << QByteArray("[server]\ntls = maybe\n")
            << QStringList{"j.ini:2", "'maybe' is not true or false"};
        QTest::addRow("tls without certificate")
            << "k.ini" << QByteArray("[server]\nport = 1\n")
            << QStringList{"certificate is required", "private_key is required"};
        QTest::addRow("certificate missing on disk")
            << "l.ini" << QByteArray("[server]\ncertificate = nope.crt\nprivate_key = server.key\n")
            << QStringList{"nope.crt does not exist or cannot be read"};
        QTest::addRow("plain HTTP on a public address")
            << "m.ini" << QByteArray("[server]\naddress = 0.0.0.0\ntls = off\n")
            << QStringList{"m.ini:3", "tls=false is only allowed on a loopback address", "0.0.0.0"};
        QTest::addRow("address not an IP")
            << "n.ini" << QByteArray(tlsOff + "address = tambo.local\n")
            << QStringList{"'tambo.local' is not an IP address"};
        QTest::addRow("password twice")
            << "o.ini"
            << QByteArray(tlsOff + "[database]\npassword = a\npassword_file = db.password\n")
            << QStringList{"o.ini:5", "either password or password_file"};
        QTest::addRow("password file missing")
            << "p.ini" << QByteArray(tlsOff + "[database]\npassword_file = missing.txt\n")
            << QStringList{"missing.txt"};
        QTest::addRow("empty database name")
            << "q.ini" << QByteArray(tlsOff + "[database]\nname =\n")
            << QStringList{"[database] name", "must not be empty"};
        QTest::addRow("bad log level")
            << "r.ini" << QByteArray(tlsOff + "[log]\nlevel = loud\n")
            << QStringList{"'loud' is not one of debug, info, warning, error"};
        QTest::addRow("several problems at once")
            << "s.ini" << QByteArray(tlsOff + "port = x\nworkers = y\n")
            << QStringList{"s.ini:3", "s.ini:4"};
        QTest::addRow("trusted proxy not an IP")
            << "y.ini" << QByteArray(tlsOff + "trusted_proxy = 10.0.0.1, proxy.local\n")
            << QStringList{"y.ini:3", "[server] trusted_proxy", "'proxy.local' is not an IP"};
        QTest::addRow("no hash slots")
            << "z.ini" << QByteArray(tlsOff + "[auth]\npassword_hash_slots = 0\n")
            << QStringList{"[auth] password_hash_slots", "from 1 to 64"};
        QTest::addRow("no failures allowed")
            << "za.ini" << QByteArray(tlsOff + "[auth]\nlogin_max_failures = 0\n")
            << QStringList{"[auth] login_max_failures", "from 1 to 100"};
        QTest::addRow("session longer than a year")
            << "zb.ini" << QByteArray(tlsOff + "[auth]\nsession_max_days = 400\n")
            << QStringList{"[auth] session_max_days", "from 1 to 365"};
        QTest::addRow("json syntax") << "t.json" << QByteArray("{\"server\": {\"port\": 1,}}")
                                     << QStringList{"t.json", "not valid JSON at offset"};
        QTest::addRow("json top level")
            << "u.json" << QByteArray("[1, 2]") << QStringList{"top level must be an object"};
        QTest::addRow("json section not object") << "v.json" << QByteArray("{\"server\": 5}")
                                                 << QStringList{"\"server\" must be an object"};
        QTest::addRow("json array value")
            << "w.json" << QByteArray("{\"server\": {\"tls\": false, \"port\": [1]}}")
            << QStringList{"[server] port: must be a string, number or boolean"};
        QTest::addRow("json unknown key")
            << "x.json"
            << QByteArray("{\"server\": {\"tls\": false}, \"database\": {\"pasword\": \"x\"}}")
            << QStringList{"[database] pasword", "unknown key"};
    }

    void badFiles()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, text);
        QFETCH(QStringList, expected);
        const QString path = write(name, text);
        QString error;
        const auto c = ServerConfig::load(path, &error);
        QVERIFY(!c);
        for (const QString &part : expected)
            QVERIFY2(error.contains(part),
                     qPrintable(QStringLiteral("'%1' not in: %2").arg(part, error)));
    }

    void missingFile()
    {
        QString error;
        QVERIFY(!ServerConfig::load(m_dir.filePath(QStringLiteral("absent.ini")), &error));
        QVERIFY2(error.contains(QLatin1String("cannot read config file"))
                     && error.contains(QLatin1String("absent.ini")),
                 qPrintable(error));
    }

    void loopbackAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("loopback");
        QTest::addRow("127.0.0.1") << "127.0.0.1" << true;
        QTest::addRow("127.1.2.3") << "127.1.2.3" << true;
        QTest::addRow("::1") << "::1" << true;
        QTest::addRow("localhost") << "localhost" << true;
        QTest::addRow("0.0.0.0") << "0.0.0.0" << false;
        QTest::addRow("LAN") << "192.168.1.10" << false;
        QTest::addRow("::") << "::" << false;
        QTest::addRow("garbage") << "x" << false;
    }

    void loopbackAddresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, loopback);
        QCOMPARE(ServerConfig::isLoopbackAddress(address), loopback);
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
