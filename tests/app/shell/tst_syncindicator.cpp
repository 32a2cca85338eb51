#include "SyncIndicator.h"

#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

using tambo::core::SyncStatus;

using tambo::shell::SyncIndicator;

class TestSyncIndicator : public QObject
{
    Q_OBJECT

private slots:
    void startsOffline();
    void states_data();
    void states();
    void syncingIsClamped();
    void labelFollowsState();
    void clickActivates();
    void showsEngineStatus_data();
    void showsEngineStatus();
};

void TestSyncIndicator::startsOffline()
{
    SyncIndicator indicator;
    QCOMPARE(indicator.state(), SyncIndicator::State::Offline);
    QCOMPARE(indicator.text(), QStringLiteral("Offline"));
    QVERIFY(!indicator.toolTip().isEmpty());
}

void TestSyncIndicator::states_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("state");
    QTest::newRow("one pending") << 1 << 1 << "1 change(s) pending"
                                 << int(SyncIndicator::State::Pending);
    QTest::newRow("many pending") << 1 << 12 << "12 change(s) pending"
                                  << int(SyncIndicator::State::Pending);
    QTest::newRow("syncing") << 2 << 40 << "Syncing… 40%" << int(SyncIndicator::State::Syncing);
    QTest::newRow("rejected") << 3 << 2 << "2 change(s) rejected"
                              << int(SyncIndicator::State::Rejected);
    QTest::newRow("offline") << 0 << 0 << "Offline" << int(SyncIndicator::State::Offline);
}

void TestSyncIndicator::states()
{
    QFETCH(int, which);
    QFETCH(int, value);
    QFETCH(QString, text);
    QFETCH(int, state);
    SyncIndicator indicator;
    indicator.setSynced(QDateTime::currentDateTime()); // some earlier state
    switch (which) {
    case 0:
        indicator.setOffline();
        break;
    case 1:
        indicator.setPending(value);
        break;
    case 2:
        indicator.setSyncing(value);
        break;
    case 3:
        indicator.setRejected(value);
        break;
    }
    QCOMPARE(int(indicator.state()), state);
    QCOMPARE(indicator.text(), text);
}

void TestSyncIndicator::syncingIsClamped()
{
    SyncIndicator indicator;
    indicator.setSyncing(140);
    QCOMPARE(indicator.text(), QStringLiteral("Syncing… 100%"));
    indicator.setSyncing(-3);
    QCOMPARE(indicator.text(), QStringLiteral("Syncing… 0%"));
    indicator.setPending(-1);
    QCOMPARE(indicator.text(), QStringLiteral("0 change(s) pending"));
}

void TestSyncIndicator::labelFollowsState()
{
    SyncIndicator indicator;
    const QDateTime at(QDate(2026, 3, 2), QTime(14, 5), Qt::LocalTime);
    indicator.setSynced(at);
    QCOMPARE(indicator.state(), SyncIndicator::State::Synced);
    QCOMPARE(indicator.text(), QStringLiteral("Synced at 14:05"));
    auto *label = indicator.findChild<QLabel *>(QStringLiteral("syncIndicatorText"));
    QVERIFY(label);
    QCOMPARE(label->text(), indicator.text());
    QVERIFY(indicator.toolTip().contains(QStringLiteral("server")));
}

void TestSyncIndicator::clickActivates()
{
    SyncIndicator indicator;
    indicator.resize(120, 20);
    indicator.show();
    QSignalSpy spy(&indicator, &SyncIndicator::activated);
    QTest::mouseClick(&indicator, Qt::LeftButton, {}, QPoint(5, 5));
    QCOMPARE(spy.count(), 1);
}

void TestSyncIndicator::showsEngineStatus_data()
{
    QTest::addColumn<int>("engineState");
    QTest::addColumn<int>("pending");
    QTest::addColumn<int>("rejected");
    QTest::addColumn<int>("percent");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("state");
    QTest::newRow("offline with reason")
        << int(SyncStatus::State::Offline) << 3 << 0 << 0 << "Sin servidor" << "Offline"
        << int(SyncIndicator::State::Offline);
    QTest::newRow("pending") << int(SyncStatus::State::Pending) << 3 << 0 << 0 << ""
                             << "3 change(s) pending" << int(SyncIndicator::State::Pending);
    QTest::newRow("syncing") << int(SyncStatus::State::Syncing) << 3 << 0 << 55 << ""
                             << "Syncing… 55%" << int(SyncIndicator::State::Syncing);
    QTest::newRow("rejected") << int(SyncStatus::State::Rejected) << 0 << 2 << 0 << ""
                              << "2 change(s) rejected" << int(SyncIndicator::State::Rejected);
    // seq_reused: the server's message (what happened, what OTIC does) is in the tooltip.
    QTest::newRow("stopped") << int(SyncStatus::State::Stopped) << 4 << 0 << 0
                             << "Pida a la OTIC que lo registre de nuevo"
                             << "Sync stopped" << int(SyncIndicator::State::Stopped);
}

void TestSyncIndicator::showsEngineStatus()
{
    QFETCH(int, engineState);
    QFETCH(int, pending);
    QFETCH(int, rejected);
    QFETCH(int, percent);
    QFETCH(QString, message);
    QFETCH(QString, text);
    QFETCH(int, state);
    SyncStatus status;
    status.state = SyncStatus::State(engineState);
    status.pending = pending;
    status.rejected = rejected;
    status.percent = percent;
    status.message = message;
    SyncIndicator indicator;
    indicator.showStatus(status);
    QCOMPARE(int(indicator.state()), state);
    QCOMPARE(indicator.text(), text);
    QCOMPARE(indicator.findChild<QLabel *>(QStringLiteral("syncIndicatorText"))->text(), text);
    if (!message.isEmpty())
        QVERIFY(indicator.toolTip().endsWith(message));

    SyncStatus synced;
    synced.state = SyncStatus::State::Synced;
    synced.syncedAt = QDateTime(QDate(2026, 3, 2), QTime(14, 5));
    indicator.showStatus(synced);
    QCOMPARE(indicator.text(), QStringLiteral("Synced at 14:05"));
}

QTEST_MAIN(TestSyncIndicator)
#include "tst_syncindicator.moc"
