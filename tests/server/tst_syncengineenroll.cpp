// SyncEngine's server session with real parts (a real tambo-server, real PostgreSQL, a real
// SQLCipher store; only the keychain is in memory): connecting the PC with a user's password,
// keeping the refresh token in the secret store, syncing after a restart without the password
// (the token rotates and the new one is kept), and a session the server ended (OTIC revoked
// it): the token is dropped, the user is told, the changes stay.
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "SyncTestPc.h"

#include "store/MemorySecretStore.h"
#include "sync/BundleKeyPair.h"
#include "sync/BundleState.h"
#include "sync/SyncEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>

using tambo::core::BundleState;
using tambo::core::MemorySecretStore;
using tambo::core::SyncEngine;
using tambo::core::SyncStatus;
using tambo::test::ServerFixture;
using tambo::test::ServerProcess;
using tambo::test::SyncTestPc;

class TestSyncEngineEnroll : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;

    SyncEngine::Options options(const SyncTestPc &pc) const
    {
        SyncEngine::Options o;
        o.serverUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port()));
        o.caCertificate = m_fx.certificate().certificatePath();
        o.deviceId = pc.deviceId();
        o.deviceName = QStringLiteral("PC de prueba");
        o.countIntervalMs = 100;
        o.retry.pollIntervalMs = 600000; // runs only at start, after enrolment and on syncNow()
        return o;
    }

    static QString insertItem(SyncTestPc &pc, const QString &name)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        return pc.exec(QStringLiteral("INSERT INTO t_items (id, sede_id, name, estado) "
                                      "VALUES (?, 'central', ?, 'B')"),
                       {id, name})
                   ? id
                   : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tambo::core::BundleKeyPair::initSodium());
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

    void connectKeepAndResumeTheSession()
    {
        SyncTestPc pc(m_dir.path(), QStringLiteral("pc-enroll"));
        QString error;
        QVERIFY2(pc.open(&error), qPrintable(error));
        QVERIFY(!insertItem(pc, QStringLiteral("impresora")).isEmpty());
        MemorySecretStore secrets;
        const QString tokenName = SyncEngine::refreshTokenName(pc.deviceId());
        QByteArray firstToken;
        {
            SyncEngine engine(pc.store(), SyncTestPc::tables(), pc.clock(), options(pc));
            engine.setSecretStore(&secrets);
            QSignalSpy enrolled(&engine, &SyncEngine::enrollFinished);
            QSignalSpy finished(&engine, &SyncEngine::runFinished);
            engine.start();
            // No session yet: nothing is sent, the change waits and the user is told why.
            QTRY_COMPARE_WITH_TIMEOUT(engine.status().pending, 1, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(engine.status().message.contains(QStringLiteral("no session")),
                                     10000);
            QCOMPARE(finished.size(), 0);

            engine.enroll(QStringLiteral("inv.central"), QStringLiteral("mala-clave"));
            QTRY_COMPARE_WITH_TIMEOUT(enrolled.size(), 1, 30000);
            QCOMPARE(enrolled.at(0).at(0).toBool(), false);
            QCOMPARE(enrolled.at(0).at(1).toString(),
                     QStringLiteral("Usuario o contraseña incorrectos."));
            QVERIFY(!secrets.read(tokenName).found);

            QVERIFY(!BundleState(pc.db()).userKey(QStringLiteral("inv.central")));

            engine.enroll(QStringLiteral("inv.central"), QStringLiteral("central-clave-2026"));
            QTRY_COMPARE_WITH_TIMEOUT(enrolled.size(), 2, 30000);
            QVERIFY2(enrolled.at(1).at(0).toBool(), qPrintable(enrolled.at(1).at(1).toString()));
            // This PC can now sign USB bundles for the user (ADR 0015); not after the wrong one.
            QVERIFY(BundleState(pc.db()).userKey(QStringLiteral("inv.central")));
            // The enrolment syncs at once: the waiting change reaches the server.
            QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 30000);
            QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
            QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncStatus::State::Synced, 10000);
            QCOMPARE(pc.local().pendingCount(), 0);
            QTRY_VERIFY_WITH_TIMEOUT(secrets.read(tokenName).found, 5000);
            firstToken = secrets.read(tokenName).value;
            QVERIFY(firstToken.startsWith("tambo_rt_"));
            engine.stop();
        }

        // Tambo restarts: no password, only the kept refresh token. The first call refreshes
        // (the token rotates and the new one is kept) and the new change is sent.
        QVERIFY(!insertItem(pc, QStringLiteral("escáner")).isEmpty());
        {
            SyncEngine engine(pc.store(), SyncTestPc::tables(), pc.clock(), options(pc));
            engine.setSecretStore(&secrets);
            QSignalSpy finished(&engine, &SyncEngine::runFinished);
            engine.start();
            QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 30000);
            QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
            QCOMPARE(pc.local().pendingCount(), 0);
            QTRY_VERIFY_WITH_TIMEOUT(secrets.read(tokenName).value != firstToken, 5000);
            QVERIFY(secrets.read(tokenName).value.startsWith("tambo_rt_"));
            engine.stop();
        }

        // OTIC ends the PC's session on the server (every token of its family revoked). The PC
        // drops its token, says so, and keeps its change for a new connection.
        QVERIFY(m_fx.exec(QStringLiteral("UPDATE tokens SET revoked_at = now() "
                                         "WHERE revoked_at IS NULL")));
        QVERIFY(!insertItem(pc, QStringLiteral("proyector")).isEmpty());
        {
            SyncEngine engine(pc.store(), SyncTestPc::tables(), pc.clock(), options(pc));
            engine.setSecretStore(&secrets);
            QSignalSpy finished(&engine, &SyncEngine::runFinished);
            engine.start();
            QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 30000);
            QCOMPARE(finished.at(0).at(0).toBool(), false);
            QTRY_VERIFY_WITH_TIMEOUT(!secrets.read(tokenName).found, 5000);
            QTRY_VERIFY_WITH_TIMEOUT(engine.status().message.contains(QStringLiteral("ended")),
                                     10000);
            QCOMPARE(pc.local().pendingCount(), 1);
            engine.stop();
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncEngineEnroll)
#include "tst_syncengineenroll.moc"
