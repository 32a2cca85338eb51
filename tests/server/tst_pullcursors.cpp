// PullCursors: the cursor a device confirmed applying (never one it only asked from, never
// above what was served to it) and the floor below which tombstones may be purged.
#include "PullCursors.h"

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
using tambo::server::PullCursors;
using tambo::server::UserAccounts;
using tambo::test::FakeClock;
using tambo::test::MigratedDatabase;
using tambo::test::PostgresLauncher;

namespace {

const QString Scope = QStringLiteral("sede=*;area=*");

QByteArray newPublicKey()
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    return QByteArray(reinterpret_cast<const char *>(pk), sizeof pk);
}

} // namespace

class TestPullCursors : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresLauncher> m_pg;
    std::unique_ptr<MigratedDatabase> m_db;
    FakeClock m_clock;
    qint64 m_userId = 0;
    int m_counter = 0;

    PullCursors cursors() { return PullCursors(m_db->db(), m_clock); }

    QUuid newDevice()
    {
        const QUuid id = QUuid::createUuid();
        const auto r = DeviceRegistry(m_db->db(), m_clock)
                           .registerDevice(id, newPublicKey(), QStringLiteral("PC"), m_userId);
        if (r.status != DeviceRegistry::Status::Registered)
            qWarning("register failed: %s", qPrintable(r.error));
        return id;
    }

    PullCursors::Cursor cursorOf(const QUuid &device)
    {
        QString error;
        const auto c = cursors().cursor(device, Scope, &error);
        if (!c)
            qWarning("no cursor: %s", qPrintable(error));
        return c.value_or(PullCursors::Cursor{-1, -1});
    }

    qint64 floor()
    {
        QString error;
        const auto f = cursors().purgeFloor(&error);
        if (!f)
            qWarning("floor: %s", qPrintable(error));
        return f.value_or(-2);
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
        m_db = std::make_unique<MigratedDatabase>(*m_pg,
                                                  QStringLiteral("cursors_%1").arg(++m_counter));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        const UserAccounts::Result admin
            = UserAccounts(m_db->db(), m_clock, PasswordHasher(1, 8192))
                  .create({QStringLiteral("ana"),
                           {},
                           QStringLiteral("admin_otic"),
                           {},
                           QStringLiteral("ana-clave-1")});
        QVERIFY2(admin.ok(), qPrintable(admin.error));
        m_userId = admin.user.id;
    }
    void cleanup() { m_db.reset(); }
    void cleanupTestCase() { m_pg.reset(); }

    void aPageAskedAheadMovesOnlyTheServedCursor()
    {
        const QUuid pc = newDevice();
        // First page: nothing applied yet, pages up to 100 served.
        QVERIFY(cursors().record(pc, Scope, 0, 100));
        QCOMPARE(cursorOf(pc).confirmed, 0);
        QCOMPARE(cursorOf(pc).served, 100);
        // The next page asked ahead (from 100) while page 1 is applied: still 0 confirmed.
        QVERIFY(cursors().record(pc, Scope, 0, 200));
        QCOMPARE(cursorOf(pc).confirmed, 0);
        QCOMPARE(cursorOf(pc).served, 200);
        // Page 1 committed: the next request confirms 100.
        QVERIFY(cursors().record(pc, Scope, 100, 300));
        QCOMPARE(cursorOf(pc).confirmed, 100);
        QCOMPARE(cursorOf(pc).served, 300);
        // An empty last page keeps what was served.
        QVERIFY(cursors().record(pc, Scope, 300, 300));
        QCOMPARE(cursorOf(pc).confirmed, 300);
        QCOMPARE(cursorOf(pc).served, 300);
    }

    void aDeviceCannotConfirmWhatWasNeverServed()
    {
        const QUuid pc = newDevice();
        // Its first request claims 5000: nothing was served to it before, so 0.
        QVERIFY(cursors().record(pc, Scope, 5000, 5000));
        QCOMPARE(cursorOf(pc).confirmed, 0);
        QVERIFY(cursors().record(pc, Scope, 9000, 9000));
        QCOMPARE(cursorOf(pc).confirmed, 5000); // at most what the first answer served
    }

    void aRestoredPcConfirmsLess()
    {
        const QUuid pc = newDevice();
        QVERIFY(cursors().record(pc, Scope, 0, 400));
        QVERIFY(cursors().record(pc, Scope, 400, 400));
        QCOMPARE(cursorOf(pc).confirmed, 400);
        QVERIFY(cursors().record(pc, Scope, 150, 400)); // its store came back from a backup
        QCOMPARE(cursorOf(pc).confirmed, 150);
        QCOMPARE(cursorOf(pc).served, 400);
    }

    void anOlderClientConfirmsNothing()
    {
        const QUuid pc = newDevice();
        QVERIFY(cursors().record(pc, Scope, -1, 100));
        QCOMPARE(cursorOf(pc).confirmed, 0);
        QVERIFY(cursors().record(pc, Scope, -1, 200));
        QCOMPARE(cursorOf(pc).confirmed, 0);
        // Once updated it confirms again.
        QVERIFY(cursors().record(pc, Scope, 200, 200));
        QCOMPARE(cursorOf(pc).confirmed, 200);
        QVERIFY(cursors().record(pc, Scope, -1, 200));
        QCOMPARE(cursorOf(pc).confirmed, 200);
    }

    void theFloorIsTheLowestConfirmedCursorOfActiveDevices()
    {
        QCOMPARE(floor(), -1); // no device: nothing holds back, and nothing is confirmed
        const QUuid a = newDevice();
        const QUuid b = newDevice();
        QVERIFY(cursors().record(a, Scope, 0, 500));
        QVERIFY(cursors().record(a, Scope, 500, 500));
        QVERIFY(cursors().record(b, Scope, 0, 500));
        QCOMPARE(floor(), 0); // b has not confirmed anything yet
        QVERIFY(cursors().record(b, Scope, 300, 500));
        QCOMPARE(floor(), 300);
        // Another scope of a device counts as well.
        QVERIFY(cursors().record(a, QStringLiteral("sede=norte;area=*"), 0, 50));
        QCOMPARE(floor(), 0);
        QVERIFY(cursors().record(a, QStringLiteral("sede=norte;area=*"), 50, 50));
        QCOMPARE(floor(), 50);
        // A revoked device holds nothing back.
        QVERIFY(m_db->exec(QStringLiteral("UPDATE devices SET revoked_at = now(), revoked_by = %1 "
                                          "WHERE device_id = '%2'")
                               .arg(m_userId)
                               .arg(a.toString(QUuid::WithoutBraces))));
        QCOMPARE(floor(), 300);
    }

    void aDeviceThatPushedButNeverConfirmedAPullCountsAsZero()
    {
        const QUuid a = newDevice();
        QVERIFY(cursors().record(a, Scope, 0, 500));
        QVERIFY(cursors().record(a, Scope, 500, 500));
        QCOMPARE(floor(), 500);
        const QUuid pusher = newDevice();
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO sync_devices (device_id, last_seq, "
                                          "updated_at) VALUES ('%1', 3, now())")
                               .arg(pusher.toString(QUuid::WithoutBraces))));
        QCOMPARE(floor(), 0); // its rows may have been deleted by others since
        QVERIFY(cursors().record(pusher, Scope, 0, 500));
        QVERIFY(cursors().record(pusher, Scope, 500, 500));
        QCOMPARE(floor(), 500);
    }
};

QTEST_GUILESS_MAIN(TestPullCursors)
#include "tst_pullcursors.moc"
