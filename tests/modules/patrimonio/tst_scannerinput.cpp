#include "KeyFeeder.h"

#include "ScannerInput.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace tambo::patrimonio;
using tambo::test::KeyFeeder;

class TestScannerInput : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void burstIsSwallowedAndEmitted();
    void humanTypingPassesThrough_data();
    void humanTypingPassesThrough();
    void shortBurstIsNotAScan();
    void heldKeysAreReplayedByTheTimer();
    void pauseInsideBurstBreaksIt();
    void scanInTheMiddleOfTyping();
    void prefixAndSuffix();
    void releasesOfTheBurstAreSwallowed();
    void shortcutsFlushAndPass();
    void receiverFilterLimitsTheScope();
    void injectedTimeSource();
    void uninstalledDoesNothing();
    void destroyedWhileHoldingDropsTheKeys();

private:
    std::unique_ptr<QLineEdit> m_edit;
    std::unique_ptr<ScannerInput> m_scanner;
};

namespace {

// Counts key events that reach a widget.
class KeyCounter : public QObject
{
public:
    int presses = 0;
    int releases = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress)
            ++presses;
        else if (event->type() == QEvent::KeyRelease)
            ++releases;
        return false;
    }
};

} // namespace

void TestScannerInput::init()
{
    m_edit = std::make_unique<QLineEdit>();
    m_edit->show();
    m_scanner = std::make_unique<ScannerInput>();
    m_scanner->install();
}

void TestScannerInput::cleanup()
{
    m_scanner.reset();
    m_edit.reset();
}

void TestScannerInput::burstIsSwallowedAndEmitted()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returned(m_edit.get(), &QLineEdit::returnPressed);
    KeyFeeder keys;
    keys.type(m_edit.get(), QStringLiteral("740899500006\r"), 4);
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned.first().first().toString(), QStringLiteral("740899500006"));
    QCOMPARE(m_edit->text(), QString()); // nothing reached the field
    QCOMPARE(returned.size(), 0);
    QVERIFY(!m_scanner->isHolding());
}

void TestScannerInput::humanTypingPassesThrough_data()
{
    QTest::addColumn<int>("gapMs");
    QTest::newRow("fast typist 60 ms") << 60;
    QTest::newRow("usual 150 ms") << 150;
    QTest::newRow("slow 600 ms") << 600;
    QTest::newRow("just over the limit 31 ms") << 31;
}

void TestScannerInput::humanTypingPassesThrough()
{
    QFETCH(int, gapMs);
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returned(m_edit.get(), &QLineEdit::returnPressed);
    KeyFeeder keys;
    keys.type(m_edit.get(), QStringLiteral("740899500006"), gapMs);
    keys.type(m_edit.get(), QStringLiteral("\r"), gapMs);
    QCOMPARE(scanned.size(), 0);
    QCOMPARE(m_edit->text(), QStringLiteral("740899500006"));
    QCOMPARE(returned.size(), 1); // Enter arrived after the digits, in order
    QVERIFY(!m_scanner->isHolding());
}

void TestScannerInput::shortBurstIsNotAScan()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returned(m_edit.get(), &QLineEdit::returnPressed);
    KeyFeeder keys;
    keys.type(m_edit.get(), QStringLiteral("1234567\r"), 3); // 7 characters: below minLength 8
    QCOMPARE(scanned.size(), 0);
    QCOMPARE(m_edit->text(), QStringLiteral("1234567"));
    QCOMPARE(returned.size(), 1);
}

void TestScannerInput::heldKeysAreReplayedByTheTimer()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    KeyFeeder keys;
    keys.type(m_edit.get(), QStringLiteral("74"), 5);
    QVERIFY(m_scanner->isHolding()); // may still become a burst
    QCOMPARE(m_edit->text(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(m_edit->text(), QStringLiteral("74"), 1000);
    QVERIFY(!m_scanner->isHolding());
    QCOMPARE(scanned.size(), 0);
}

void TestScannerInput::pauseInsideBurstBreaksIt()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returned(m_edit.get(), &QLineEdit::returnPressed);
    KeyFeeder keys;
    keys.type(m_edit.get(), QStringLiteral("7408995"), 4);
    keys.pause(100);
    keys.type(m_edit.get(), QStringLiteral("00006\r"), 4);
    QCOMPARE(scanned.size(), 0);
    QCOMPARE(m_edit->text(), QStringLiteral("740899500006"));
    QCOMPARE(returned.size(), 1);
}

void TestScannerInput::scanInTheMiddleOfTyping()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    KeyFeeder keys;
    keys.type(m_edit.get(), QStringLiteral("abc"), 180);
    keys.pause(400);
    keys.type(m_edit.get(), QStringLiteral("746483900001\r"), 6);
    keys.pause(300);
    keys.type(m_edit.get(), QStringLiteral("d"), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_edit->text(), QStringLiteral("abcd"), 1000);
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned.first().first().toString(), QStringLiteral("746483900001"));
}

void TestScannerInput::prefixAndSuffix()
{
    ScannerInput::Config config;
    config.prefix = QStringLiteral("*");
    config.suffix = QStringLiteral("\t");
    m_scanner->setConfig(config);
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    KeyFeeder keys;
    keys.type(m_edit.get(), QStringLiteral("*740899500006\t"), 5);
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned.first().first().toString(), QStringLiteral("740899500006"));
    QCOMPARE(m_edit->text(), QString());

    // Without the prefix it is typing, replayed at once (no wait for the timer).
    keys.pause(500);
    keys.type(m_edit.get(), QStringLiteral("740899500007"), 5);
    QCOMPARE(m_edit->text(), QStringLiteral("740899500007"));
    QCOMPARE(scanned.size(), 1);

    // With the prefix but Enter instead of Tab: not the configured suffix.
    m_edit->clear();
    keys.pause(500);
    keys.type(m_edit.get(), QStringLiteral("*740899500008\r"), 5);
    QTRY_COMPARE_WITH_TIMEOUT(m_edit->text(), QStringLiteral("*740899500008"), 1000);
    QCOMPARE(scanned.size(), 1);
}

void TestScannerInput::releasesOfTheBurstAreSwallowed()
{
    KeyCounter counter;
    m_edit->installEventFilter(&counter);
    KeyFeeder keys;
    keys.type(m_edit.get(), QStringLiteral("740899500006\r"), 4);
    QCOMPARE(counter.presses, 0);
    QCOMPARE(counter.releases, 0);
    keys.pause(500);
    keys.type(m_edit.get(), QStringLiteral("1"), 200);
    QTRY_COMPARE_WITH_TIMEOUT(counter.presses, 1, 1000);
    QCOMPARE(counter.releases, 1);
}

void TestScannerInput::shortcutsFlushAndPass()
{
    KeyFeeder keys;
    keys.type(m_edit.get(), QStringLiteral("ab"), 5);
    QVERIFY(m_scanner->isHolding());
    keys.press(m_edit.get(), Qt::Key_A, Qt::ControlModifier); // select all
    QVERIFY(!m_scanner->isHolding());
    QCOMPARE(m_edit->text(), QStringLiteral("ab"));
    QCOMPARE(m_edit->selectedText(), QStringLiteral("ab"));
}

void TestScannerInput::receiverFilterLimitsTheScope()
{
    QLineEdit other;
    other.show();
    m_scanner->setReceiverFilter([this](QObject *receiver) { return receiver == m_edit.get(); });
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    KeyFeeder keys;
    keys.type(&other, QStringLiteral("740899500006\r"), 4);
    QCOMPARE(scanned.size(), 0);
    QCOMPARE(other.text(), QStringLiteral("740899500006"));
    keys.type(m_edit.get(), QStringLiteral("740899500006\r"), 4);
    QCOMPARE(scanned.size(), 1);
}

void TestScannerInput::injectedTimeSource()
{
    // Events without timestamps (as QTest sends them) timed by an injected clock.
    quint64 fake = 0;
    m_scanner->setTimeSource([&fake](const QKeyEvent &) { return fake += 100; });
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QTest::keyClicks(m_edit.get(), QStringLiteral("740899500006"));
    QTest::keyClick(m_edit.get(), Qt::Key_Return);
    QCOMPARE(scanned.size(), 0);
    QCOMPARE(m_edit->text(), QStringLiteral("740899500006"));
    m_edit->clear();
    m_scanner->setTimeSource([&fake](const QKeyEvent &) { return fake += 2; });
    QTest::keyClicks(m_edit.get(), QStringLiteral("740899500006"));
    QTest::keyClick(m_edit.get(), Qt::Key_Return);
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(m_edit->text(), QString());
}

void TestScannerInput::uninstalledDoesNothing()
{
    m_scanner->uninstall();
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    KeyFeeder keys;
    keys.type(m_edit.get(), QStringLiteral("740899500006\r"), 4);
    QCOMPARE(scanned.size(), 0);
    QCOMPARE(m_edit->text(), QStringLiteral("740899500006"));
}

void TestScannerInput::destroyedWhileHoldingDropsTheKeys()
{
    KeyFeeder keys;
    keys.type(m_edit.get(), QStringLiteral("74"), 5);
    QVERIFY(m_scanner->isHolding());
    m_scanner.reset(); // e.g. the page closes on logout: nothing is replayed into it
    QTest::qWait(100);
    QCOMPARE(m_edit->text(), QString());
    keys.pause(500);
    keys.type(m_edit.get(), QStringLiteral("9"), 5); // and the filter is gone
    QCOMPARE(m_edit->text(), QStringLiteral("9"));
}

QTEST_MAIN(TestScannerInput)
#include "tst_scannerinput.moc"
