#include "KeyFeeder.h"
#include "PatrimonioFixture.h"

#include "AssetDetailView.h"
#include "AssetRegisterPage.h"
#include "ImageScanAction.h"
#include "ScanBanner.h"
#include "ScanPage.h"

#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "barcode/BarcodeRenderer.h"

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::KeyFeeder;
using tambo::test::PatrimonioFixture;

class TestScanPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void scanOpensTheAssetAtOnce();
    void repeatedScanIsFlaggedToEyeAndEar();
    void unknownCodeIsSaidPlainly();
    void malformedCodeIsSaidPlainly();
    void typingByHandWorksTheSame();
    void scanIsTakenWhereverTheFocusIs();
    void startOverForgetsTheScans();
    void registerAndScanPagesShareTheSession();
    void readFromImageGoesThroughTheScanPath();
    void imageWithoutCodeIsSaidPlainly();

private:
    std::unique_ptr<PatrimonioFixture> m_fixture;
    core::Session m_session;
    std::unique_ptr<ScanPage> m_page;
    int m_beeps = 0;
};

void TestScanPage::init()
{
    m_fixture = std::make_unique<PatrimonioFixture>();
    QVERIFY2(m_fixture->setupError().isEmpty(), qPrintable(m_fixture->setupError()));
    QVERIFY2(m_fixture->addCpus(5), qPrintable(m_fixture->lastError()));
    m_session = PatrimonioFixture::inventariador();
    m_page = std::make_unique<ScanPage>(m_fixture->assets(),
                                        m_session,
                                        nullptr,
                                        ScannerInput::Config{});
    m_beeps = 0;
    m_page->setBeep([this] { ++m_beeps; });
    m_page->resize(900, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestScanPage::cleanup()
{
    m_page.reset();
    m_fixture.reset();
}

void TestScanPage::scanOpensTheAssetAtOnce()
{
    QSignalSpy opened(m_page.get(), &ScanPage::assetOpened);
    KeyFeeder keys;
    keys.type(m_page->scanField(), QStringLiteral("740899500003\r"), 4);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(m_page->detail()->shownCodigo(), QStringLiteral("740899500003"));
    QCOMPARE(m_page->detail()->fieldText(QStringLiteral("responsable")),
             QStringLiteral("MAMANI QUISPE, Rosa"));
    QCOMPARE(m_page->detail()->historyCount(), 1);    // the alta
    QCOMPARE(m_page->scanField()->text(), QString()); // clears itself
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Found);
    QVERIFY(m_page->banner()->isVisible());
    QVERIFY(m_page->banner()->text().contains(QLatin1String("740899500003")));
    QCOMPARE(m_page->recentScans()->topLevelItemCount(), 1);
    QCOMPARE(m_beeps, 0);
}

void TestScanPage::repeatedScanIsFlaggedToEyeAndEar()
{
    KeyFeeder keys;
    keys.type(m_page->scanField(), QStringLiteral("740899500001\r"), 4);
    keys.pause(2000);
    keys.type(m_page->scanField(), QStringLiteral("740899500002\r"), 4);
    QCOMPARE(m_beeps, 0);
    keys.pause(2000);
    keys.type(m_page->scanField(), QStringLiteral("740899500001\r"), 4);
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Repeated);
    QVERIFY2(m_page->banner()->text().contains(QLatin1String("Already scanned")),
             qPrintable(m_page->banner()->text()));
    QVERIFY(m_page->banner()->findChild<QLabel *>(QStringLiteral("scanBannerText"))->font().bold());
    QCOMPARE(m_beeps, 1);
    QCOMPARE(m_page->detail()->shownCodigo(), QStringLiteral("740899500001")); // still opens
    QCOMPARE(m_page->scanField()->text(), QString());
    keys.pause(2000);
    keys.type(m_page->scanField(), QStringLiteral("740899500001\r"), 4);
    QCOMPARE(m_beeps, 2);
    QVERIFY(m_page->banner()->text().contains(QLatin1String("3")));
    QCOMPARE(m_page->recentScans()->topLevelItemCount(), 4);
    // For the user guide: TAMBO_PATRIMONIO_SHOT=<file.png> saves the page as it is now.
    if (const QByteArray shot = qgetenv("TAMBO_PATRIMONIO_SHOT"); !shot.isEmpty()) {
        QTest::qWait(100); // let the layout settle
        m_page->grab().save(QString::fromLocal8Bit(shot));
    }
}

void TestScanPage::unknownCodeIsSaidPlainly()
{
    KeyFeeder keys;
    keys.type(m_page->scanField(), QStringLiteral("740899500099\r"), 4);
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Problem);
    QVERIFY2(m_page->banner()->text().contains(
                 QLatin1String("740899500099 is not in the register")),
             qPrintable(m_page->banner()->text()));
    QCOMPARE(m_page->detail()->shownCodigo(), QString());
    QCOMPARE(m_page->scanField()->text(), QString());
    QCOMPARE(m_beeps, 1);
}

void TestScanPage::malformedCodeIsSaidPlainly()
{
    KeyFeeder keys;
    keys.type(m_page->scanField(), QStringLiteral("74089500N781\r"), 4); // letters: still a burst
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Problem);
    QVERIFY2(m_page->banner()->text().contains(QLatin1String("only contain digits")),
             qPrintable(m_page->banner()->text()));
    QCOMPARE(m_beeps, 1);
    m_page->handleCode(QStringLiteral("74089950"));
    QVERIFY2(m_page->banner()->text().contains(QLatin1String("has 8 digit")),
             qPrintable(m_page->banner()->text()));
}

void TestScanPage::typingByHandWorksTheSame()
{
    KeyFeeder keys;
    keys.type(m_page->scanField(), QStringLiteral("740899500004"), 180);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->scanField()->text(), QStringLiteral("740899500004"), 1000);
    QCOMPARE(m_page->detail()->shownCodigo(), QString());
    keys.type(m_page->scanField(), QStringLiteral("\r"), 300);
    QCOMPARE(m_page->detail()->shownCodigo(), QStringLiteral("740899500004"));
    QCOMPARE(m_page->scanField()->text(), QString());
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Found);

    // The same code by hand again is a repeat, as with the scanner.
    keys.type(m_page->scanField(), QStringLiteral("740899500004\r"), 200);
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Repeated);
    QCOMPARE(m_beeps, 1);
}

void TestScanPage::scanIsTakenWhereverTheFocusIs()
{
    KeyFeeder keys;
    // Keys for the history list and for the start-over button: still the scan's.
    keys.type(m_page->detail()->historyView(), QStringLiteral("740899500005\r"), 4);
    QCOMPARE(m_page->detail()->shownCodigo(), QStringLiteral("740899500005"));
    keys.pause(1000);
    keys.type(m_page->recentScans(), QStringLiteral("740899500002\r"), 4);
    QCOMPARE(m_page->detail()->shownCodigo(), QStringLiteral("740899500002"));
    QCOMPARE(m_page->scanField()->text(), QString());

    // A hidden page takes no scans: the shell shows one page at a time.
    m_page->hide();
    QLineEdit elsewhere;
    elsewhere.show();
    keys.pause(1000);
    keys.type(&elsewhere, QStringLiteral("740899500003\r"), 4);
    QCOMPARE(elsewhere.text(), QStringLiteral("740899500003"));
    QCOMPARE(m_page->detail()->shownCodigo(), QStringLiteral("740899500002"));
}

void TestScanPage::startOverForgetsTheScans()
{
    m_page->handleCode(QStringLiteral("740899500001"));
    QCOMPARE(m_page->handleCode(QStringLiteral("740899500001")).outcome,
             ScanSession::Outcome::Repeated);
    auto *startOver = m_page->findChild<QPushButton *>(QStringLiteral("scanStartOver"));
    QVERIFY(startOver);
    startOver->click();
    QCOMPARE(m_page->recentScans()->topLevelItemCount(), 0);
    QCOMPARE(m_page->handleCode(QStringLiteral("740899500001")).outcome,
             ScanSession::Outcome::Found);
}

void TestScanPage::registerAndScanPagesShareTheSession()
{
    auto scans = std::make_shared<ScanSession>(m_fixture->assets());
    ScanPage scanPage(m_fixture->assets(), m_session, scans, ScannerInput::Config{});
    AssetRegisterPage registerPage(m_fixture->assets(), m_session, scans, ScannerInput::Config{});
    int beeps = 0;
    registerPage.setBeep([&beeps] { ++beeps; });
    QCOMPARE(scanPage.handleCode(QStringLiteral("740899500002")).outcome,
             ScanSession::Outcome::Found);
    QCOMPARE(registerPage.handleScan(QStringLiteral("740899500002")).outcome,
             ScanSession::Outcome::Repeated);
    QCOMPARE(registerPage.banner()->kind(), ScanBanner::Kind::Repeated);
    QCOMPARE(beeps, 1);
}

void TestScanPage::readFromImageGoesThroughTheScanPath()
{
    // A photo of a damaged label: the code cannot be typed from it, but its bars still read.
    QTemporaryDir dir;
    const QString photo = dir.filePath(QStringLiteral("etiqueta-rota.png"));
    {
        const QImage symbol = core::BarcodeRenderer::encode(core::BarcodeFormat::Code128,
                                                            QStringLiteral("740899500004"))
                                  .toImage(4, 30);
        QImage image(symbol.width() + 200, symbol.height() + 200, QImage::Format_RGB32);
        image.fill(QColor(210, 205, 190));
        QPainter p(&image);
        p.translate(image.width() / 2.0, image.height() / 2.0);
        p.rotate(-3);
        p.drawImage(-symbol.width() / 2, -symbol.height() / 2, symbol);
        p.fillRect(QRectF(-symbol.width() / 2.0, 10, symbol.width(), 30), Qt::white); // torn
        p.end();
        QVERIFY(image.save(photo));
    }
    int asked = 0;
    m_page->imageScanAction()->setFileChooser([&](QWidget *) {
        ++asked;
        return photo;
    });
    QSignalSpy opened(m_page.get(), &ScanPage::assetOpened);
    // Ctrl+O from the scan field, as a clerk does.
    QTest::keyClick(m_page->scanField(), Qt::Key_O, Qt::ControlModifier);
    QCOMPARE(asked, 1);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(m_page->detail()->shownCodigo(), QStringLiteral("740899500004"));
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Found);
    QCOMPARE(m_page->recentScans()->topLevelItemCount(), 1);
    QCOMPARE(m_beeps, 0);
    // The same label again is a repeated scan, like with the scanner.
    m_page->imageScanAction()->trigger();
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Repeated);
    QCOMPARE(m_beeps, 1);
    QCOMPARE(m_page->recentScans()->topLevelItemCount(), 2);
    // Cancelling the file dialog does nothing.
    m_page->imageScanAction()->setFileChooser([](QWidget *) { return QString(); });
    m_page->imageScanAction()->trigger();
    QCOMPARE(m_page->recentScans()->topLevelItemCount(), 2);
}

void TestScanPage::imageWithoutCodeIsSaidPlainly()
{
    QTemporaryDir dir;
    const QString photo = dir.filePath(QStringLiteral("pared.png"));
    QImage blank(800, 600, QImage::Format_RGB32);
    blank.fill(Qt::white);
    QVERIFY(blank.save(photo));
    m_page->imageScanAction()->setFileChooser([&](QWidget *) { return photo; });
    QSignalSpy opened(m_page.get(), &ScanPage::assetOpened);
    auto *button = m_page->findChild<QWidget *>(QStringLiteral("scanFromImageButton"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(opened.size(), 0);
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Problem);
    QVERIFY2(m_page->banner()->text().contains(QLatin1String("pared.png")),
             qPrintable(m_page->banner()->text()));
    QCOMPARE(m_beeps, 1);
    QCOMPARE(m_page->scanField()->text(), QString());
}

QTEST_MAIN(TestScanPage)
#include "tst_scanpage.moc"
