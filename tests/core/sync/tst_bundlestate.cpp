// BundleState: a PC's bundle bookkeeping in the encrypted store (sync_state), here the per-user
// parameters of bundle keys (ADR 0015) beside the device key, the server key and the counters.
#include "FakeClock.h"
#include "TempStore.h"

#include "migrations/MigrationRunner.h"
#include "sync/BundleState.h"
#include "sync/SyncSchema.h"

#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace tambo;
using core::BundleState;
using core::UserBundleKey;

class TestBundleState : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempStore> m_temp;
    test::FakeClock m_clock;

    QSqlDatabase db() { return m_temp->store().database(); }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempStore>();
        QVERIFY2(m_temp->isValid(), qPrintable(m_temp->error()));
        core::MigrationRunner runner(db(), m_clock);
        runner.addModule(core::SyncSchema::moduleId(), core::SyncSchema::steps());
        QVERIFY(runner.migrate().ok());
    }
    void cleanup() { m_temp.reset(); }

    void userKeysAreKeptPerUser()
    {
        BundleState state(db());
        QVERIFY(!state.userKey(QStringLiteral("ana")));
        UserBundleKey::Params ana = UserBundleKey::newParams(2, 64 * 1024 * 1024);
        ana.check = 17;
        UserBundleKey::Params luis = UserBundleKey::newParams(2, 64 * 1024 * 1024);
        luis.check = 3;
        QString error;
        QVERIFY2(state.setUserKey(QStringLiteral("ana"), ana, &error), qPrintable(error));
        QVERIFY(state.setUserKey(QStringLiteral("luis"), luis));
        // Usernames as the server compares them.
        QVERIFY(state.userKey(QStringLiteral(" Ana ")));
        QVERIFY(*state.userKey(QStringLiteral(" Ana ")) == ana);
        QVERIFY(*BundleState(db()).userKey(QStringLiteral("luis")) == luis);
        QVERIFY(!state.userKey(QStringLiteral("rosa")));
        // A new password on the server: the new parameters replace the old ones.
        UserBundleKey::Params renewed = UserBundleKey::newParams(2, 64 * 1024 * 1024);
        renewed.check = 99;
        QVERIFY(state.setUserKey(QStringLiteral("ana"), renewed));
        QVERIFY(*state.userKey(QStringLiteral("ana")) == renewed);
        // Invalid parameters are never stored.
        UserBundleKey::Params bad = renewed;
        bad.salt.chop(1);
        QVERIFY(!state.setUserKey(QStringLiteral("ana"), bad, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(*state.userKey(QStringLiteral("ana")) == renewed);
    }

    void damagedUserKeyReadsAsNone()
    {
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO sync_state (key, value) VALUES "
                                      "('bundle.user_key.ana', '{\"salt\": \"00\"}')")));
        QVERIFY(!BundleState(db()).userKey(QStringLiteral("ana")));
    }

    void deviceKeyIsMadeOnceAndKept()
    {
        BundleState state(db());
        const core::BundleKeyPair first = state.deviceKey();
        QVERIFY(first.isValid());
        QCOMPARE(BundleState(db()).deviceKey().secretKey, first.secretKey);
    }
};

QTEST_GUILESS_MAIN(TestBundleState)
#include "tst_bundlestate.moc"
