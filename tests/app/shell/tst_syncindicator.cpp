#include "SyncIndicator.h"

#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

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

QTEST_MAIN(TestSyncIndicator)
#include "tst_syncindicator.moc"
