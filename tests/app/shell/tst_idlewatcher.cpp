#include "IdleWatcher.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

using tambo::shell::IdleWatcher;

class TestIdleWatcher : public QObject
{
    Q_OBJECT

private slots:
    void reportsInput();
    void throttles();
    void ignoresOtherEvents();
};

void TestIdleWatcher::reportsInput()
{
    IdleWatcher watcher;
    watcher.setThrottleMs(0);
    QSignalSpy spy(&watcher, &IdleWatcher::activity);
    QLineEdit edit;
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    QTest::keyClick(&edit, Qt::Key_A);
    QVERIFY(spy.count() >= 1);
    const int afterKey = spy.count();
    QTest::mouseClick(&edit, Qt::LeftButton);
    QVERIFY(spy.count() > afterKey);
}

void TestIdleWatcher::throttles()
{
    IdleWatcher watcher;
    watcher.setThrottleMs(60000);
    QSignalSpy spy(&watcher, &IdleWatcher::activity);
    QLineEdit edit;
    edit.show();
    QTest::keyClicks(&edit, QStringLiteral("muchas teclas"));
    QCOMPARE(spy.count(), 1);
}

void TestIdleWatcher::ignoresOtherEvents()
{
    QVERIFY(IdleWatcher::isUserInput(QEvent::KeyPress));
    QVERIFY(IdleWatcher::isUserInput(QEvent::MouseMove));
    QVERIFY(!IdleWatcher::isUserInput(QEvent::Paint));
    QVERIFY(!IdleWatcher::isUserInput(QEvent::Timer));
    IdleWatcher watcher;
    QSignalSpy spy(&watcher, &IdleWatcher::activity);
    QWidget widget;
    widget.show();
    widget.update();
    QTest::qWait(20);
    QCOMPARE(spy.count(), 0);
}

QTEST_MAIN(TestIdleWatcher)
#include "tst_idlewatcher.moc"
