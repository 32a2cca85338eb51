#include "auth/IdleLock.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

using tambo::core::IdleLock;

class TestIdleLock : public QObject
{
    Q_OBJECT

private slots:
    void offByDefault()
    {
        IdleLock lock;
        QVERIFY(!lock.isEnabled());
        QVERIFY(!lock.isLocked());
        QSignalSpy spy(&lock, &IdleLock::locked);
        lock.activity();
        QVERIFY(!spy.wait(150));
        QVERIFY(!lock.isLocked());
    }

    void minutesAreMilliseconds_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<int>("ms");
        QTest::addRow("off") << 0 << 0;
        QTest::addRow("five") << 5 << 300000;
        QTest::addRow("negative means off") << -3 << 0;
        QTest::addRow("a day") << 1440 << 86400000;
    }

    void minutesAreMilliseconds()
    {
        QFETCH(int, minutes);
        QFETCH(int, ms);
        IdleLock lock;
        lock.setTimeoutMinutes(minutes);
        QCOMPARE(lock.timeoutMs(), ms);
        QCOMPARE(lock.isEnabled(), ms > 0);
    }

    void locksAfterTheTimeout()
    {
        IdleLock lock;
        QSignalSpy spy(&lock, &IdleLock::locked);
        QSignalSpy changed(&lock, &IdleLock::lockedChanged);
        lock.setTimeoutMs(50);
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.count(), 1);
        QVERIFY(lock.isLocked());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toBool(), true);
        // Once locked it stays locked (and quiet) whatever happens.
        lock.activity();
        QTest::qWait(120);
        QCOMPARE(spy.count(), 1);
        QVERIFY(lock.isLocked());
    }

    void activityPostponesTheLock()
    {
        IdleLock lock;
        QSignalSpy spy(&lock, &IdleLock::locked);
        lock.setTimeoutMs(600);
        QElapsedTimer elapsed;
        elapsed.start();
        while (elapsed.elapsed() < 1500) {
            QTest::qWait(50);
            lock.activity();
        }
        QCOMPARE(spy.count(), 0); // 1.5 s busy with a 0.6 s timeout: never locked
        QVERIFY(spy.wait(2000));  // then idle: locked
        QVERIFY(lock.isLocked());
    }

    void unlockStartsCountingAgain()
    {
        IdleLock lock;
        QSignalSpy lockedSpy(&lock, &IdleLock::locked);
        QSignalSpy unlockedSpy(&lock, &IdleLock::unlocked);
        lock.setTimeoutMs(50);
        QVERIFY(lockedSpy.wait(2000));
        lock.unlock();
        QVERIFY(!lock.isLocked());
        QCOMPARE(unlockedSpy.count(), 1);
        QVERIFY(lockedSpy.wait(2000));
        QCOMPARE(lockedSpy.count(), 2);
    }

    void turningItOffStopsTheTimer()
    {
        IdleLock lock;
        QSignalSpy spy(&lock, &IdleLock::locked);
        lock.setTimeoutMs(100);
        lock.setTimeoutMinutes(0);
        QVERIFY(!spy.wait(300));
        QVERIFY(!lock.isLocked());
    }

    void lockNowAndUnlockWhenNotLocked()
    {
        IdleLock lock;
        QSignalSpy spy(&lock, &IdleLock::locked);
        QSignalSpy unlockedSpy(&lock, &IdleLock::unlocked);
        lock.unlock(); // nothing to unlock: no signal
        QCOMPARE(unlockedSpy.count(), 0);
        lock.lockNow();
        lock.lockNow();
        QCOMPARE(spy.count(), 1);
        QVERIFY(lock.isLocked());
        QVERIFY(lock.property("locked").toBool());
    }
};

QTEST_GUILESS_MAIN(TestIdleLock)
#include "tst_idlelock.moc"
