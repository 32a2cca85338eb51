// ServerEnrollment against a real tambo-server on a real PostgreSQL: the first connection of a
// PC registers its device with the PC's own key (BundleState::deviceKey, the key of its USB
// bundles) and binds the tokens to it; later connections only log in; a wrong password and a
// server that does not answer fail with a message and leave no tokens behind.
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "SyncTestPc.h"

#include "sync/BundleKeyPair.h"
#include "sync/BundleState.h"
#include "sync/ServerEnrollment.h"
#include "sync/SyncHttpClient.h"
#include "sync/UserBundleKey.h"

#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>

using tambo::core::BundleKeyPair;
using tambo::core::BundleState;
using tambo::core::ServerEnrollment;
using tambo::core::SyncHttpClient;
using tambo::test::ServerFixture;
using tambo::test::ServerProcess;
using tambo::test::SyncTestPc;

class TestServerEnrollment : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    int m_pcs = 0;

    std::unique_ptr<SyncHttpClient> client(int port) const
    {
        return std::make_unique<SyncHttpClient>(
            SyncHttpClient::Options{QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)),
                                    m_fx.certificate().certificatePath(),
                                    20000});
    }

    std::unique_ptr<SyncTestPc> newPc()
    {
        auto pc = std::make_unique<SyncTestPc>(m_dir.path(), QStringLiteral("pc%1").arg(++m_pcs));
        QString error;
        if (!pc->open(&error)) {
            qWarning("PC set-up failed: %s", qPrintable(error));
            return nullptr;
        }
        return pc;
    }

    QByteArray serverKeyOf(const QUuid &deviceId)
    {
        QSqlDatabase db = m_fx.pg().open(QStringLiteral("enrollment-check"));
        QByteArray key;
        {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT public_key FROM devices WHERE device_id = ?"));
            q.addBindValue(deviceId.toString(QUuid::WithoutBraces));
            if (q.exec() && q.next())
                key = q.value(0).toByteArray();
        }
        db.close();
        return key;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(BundleKeyPair::initSodium());
        QVERIFY(m_dir.isValid());
        TAMBO_SETUP_SERVER_FIXTURE(m_fx);
        QString error;
        QVERIFY2(m_fx.createUser("inv.central",
                                 "patrimonio_inventariador",
                                 QStringLiteral("central"),
                                 "central-clave-2026",
                                 &error),
                 qPrintable(error));
        m_server = std::make_unique<ServerProcess>(m_fx.dir() + QStringLiteral("/server.log"));
        QVERIFY2(m_server->start(m_fx.configPath(), &error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        if (m_server && m_server->isRunning()) {
            m_server->signal(SIGTERM);
            QVERIFY(m_server->waitForExit(15000));
        }
        if (m_server)
            QVERIFY2(!m_server->hasSanitizerReport(), qPrintable(m_server->logText()));
    }

    void firstConnectionRegistersTheDeviceWithItsBundleKey()
    {
        auto pc = newPc();
        QVERIFY(pc);
        const BundleKeyPair key = BundleState(pc->db()).deviceKey();
        QVERIFY(key.isValid());
        auto http = client(m_server->port());
        ServerEnrollment enrollment(*http, pc->deviceId(), key, QStringLiteral("PC-1"));

        const ServerEnrollment::Result r = enrollment.enroll(QStringLiteral("inv.central"),
                                                             QStringLiteral("central-clave-2026"));
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(r.registered);
        QCOMPARE(r.sede, QStringLiteral("central"));
        QCOMPARE(r.role, QStringLiteral("patrimonio_inventariador"));
        QVERIFY(!http->accessToken().isEmpty());
        QVERIFY(!http->refreshToken().isEmpty());
        QCOMPARE(serverKeyOf(pc->deviceId()), key.publicKey);
        // The login gave the data of the user's bundle key (ADR 0015): the password derives it.
        QVERIFY(r.bundleKey);
        QCOMPARE(tambo::core::UserBundleKey::derive(QStringLiteral("central-clave-2026"),
                                                    *r.bundleKey)
                     .params()
                     .check,
                 r.bundleKey->check);

        // The tokens are bound to this device: a sync with them is accepted (a token that is
        // not bound, or bound to another device, is refused with 403).
        QVERIFY(pc->exec(QStringLiteral("INSERT INTO t_items (id, sede_id, name, estado) "
                                        "VALUES (?, 'central', 'monitor', 'B')"),
                         {QUuid::createUuid().toString(QUuid::WithoutBraces)}));
        pc->connectWith(m_server->port(), m_fx.certificate().certificatePath(), http->accessToken());
        const auto synced = pc->sync();
        QVERIFY2(synced.ok(), qPrintable(synced.message));
        QCOMPARE(synced.pushed, 1);

        // A second connection of the same PC logs in only.
        auto again = client(m_server->port());
        ServerEnrollment second(*again, pc->deviceId(), key, QStringLiteral("PC-1"));
        const ServerEnrollment::Result r2 = second.enroll(QStringLiteral("INV.CENTRAL"),
                                                          QStringLiteral("central-clave-2026"));
        QVERIFY2(r2.ok, qPrintable(r2.message));
        QVERIFY(!r2.registered);
        QVERIFY(!again->accessToken().isEmpty());
    }

    void wrongPasswordLeavesNoSession()
    {
        auto pc = newPc();
        QVERIFY(pc);
        const BundleKeyPair key = BundleState(pc->db()).deviceKey();
        auto http = client(m_server->port());
        http->setTokens(QStringLiteral("tambo_at_old"), QStringLiteral("tambo_rt_old"));
        ServerEnrollment enrollment(*http, pc->deviceId(), key, QStringLiteral("PC-2"));
        const ServerEnrollment::Result r = enrollment.enroll(QStringLiteral("inv.central"),
                                                             QStringLiteral("no-es-la-clave"));
        QVERIFY(!r.ok);
        QCOMPARE(r.message, QStringLiteral("Usuario o contraseña incorrectos."));
        QVERIFY(!http->hasSession());
        QVERIFY(serverKeyOf(pc->deviceId()).isEmpty()); // nothing registered
    }

    void serverThatDoesNotAnswer()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const int port = closed.serverPort();
        closed.close(); // nothing listens there now
        auto pc = newPc();
        QVERIFY(pc);
        const BundleKeyPair key = BundleState(pc->db()).deviceKey();
        auto http = client(port);
        ServerEnrollment enrollment(*http, pc->deviceId(), key, QStringLiteral("PC-5"));
        const ServerEnrollment::Result r = enrollment.enroll(QStringLiteral("inv.central"),
                                                             QStringLiteral("central-clave-2026"));
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("does not answer")), qPrintable(r.message));
        QVERIFY(!http->hasSession());
    }
};

QTEST_GUILESS_MAIN(TestServerEnrollment)
#include "tst_serverenrollment.moc"
