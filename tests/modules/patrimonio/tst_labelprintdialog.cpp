#include "LabelPrintDialog.h"
#include "LabelProfileCatalog.h"
#include "LabelTestTools.h"
#include "PatrimonioFixture.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPrinter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::LabelTestTools;
using tambo::test::PatrimonioFixture;

class TestLabelPrintDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsBatchAndPreview();
    void unknownCodesAreListedAndSkipped();
    void chooseProfileAndSavePdfFromTheKeyboard();
    void printGoesThroughThePrinter();
    void cancelledChoicesWriteNothing();

private:
    std::unique_ptr<LabelPrintDialog> makeDialog(const QStringList &codes);

    std::unique_ptr<PatrimonioFixture> m_fixture;
    std::unique_ptr<LabelService> m_service;
    LabelProfileCatalog m_catalog;
    core::Session m_session;
    QTemporaryDir m_dir;
};

void TestLabelPrintDialog::init()
{
    m_fixture = std::make_unique<PatrimonioFixture>();
    QVERIFY2(m_fixture->setupError().isEmpty(), qPrintable(m_fixture->setupError()));
    QVERIFY2(m_fixture->addCpus(4), qPrintable(m_fixture->lastError()));
    m_service = std::make_unique<LabelService>(m_fixture->assets());
    m_session = PatrimonioFixture::inventariador();
}

void TestLabelPrintDialog::cleanup()
{
    m_service.reset();
    m_fixture.reset();
}

std::unique_ptr<LabelPrintDialog> TestLabelPrintDialog::makeDialog(const QStringList &codes)
{
    auto dialog = std::make_unique<LabelPrintDialog>(*m_service, m_session, m_catalog, codes);
    dialog->show();
    QApplication::setActiveWindow(dialog.get());
    if (!QTest::qWaitForWindowActive(dialog.get()))
        return {};
    return dialog;
}

void TestLabelPrintDialog::showsBatchAndPreview()
{
    auto dialog = makeDialog({QStringLiteral("740899500001"), QStringLiteral("740899500002")});
    QVERIFY(dialog);
    QCOMPARE(dialog->batch().labels.size(), 2);
    QCOMPARE(dialog->currentProfile().id, m_catalog.profiles().first().id);
    QVERIFY(!dialog->pagePreview()->pixmap().isNull());
    QVERIFY(!dialog->labelPreview()->pixmap().isNull());
    // The label preview is the first label, and it reads back.
    const QImage label = dialog->labelPreview()->pixmap().toImage();
    const auto found = core::BarcodeDecoder::decode(label);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().text, QStringLiteral("740899500001"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("labelSummary"))
                ->text()
                .contains(QLatin1String("2")));
    QVERIFY(dialog->startSpin()->isEnabled()); // a sheet
    QVERIFY(dialog->selectProfile(QStringLiteral("rollo-50x25")));
    QVERIFY(!dialog->startSpin()->isEnabled()); // a roll has no positions
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("labelProblems"))->isVisible());
}

void TestLabelPrintDialog::unknownCodesAreListedAndSkipped()
{
    auto dialog = makeDialog({QStringLiteral("740899500001"), QStringLiteral("740899508888")});
    QVERIFY(dialog);
    auto *problems = dialog->findChild<QLabel *>(QStringLiteral("labelProblems"));
    QVERIFY(problems->isVisible());
    QVERIFY(problems->text().contains(QLatin1String("740899508888")));
    QCOMPARE(dialog->batch().labels.size(), 1);
    QVERIFY(dialog->pdfButton()->isEnabled());

    auto none = makeDialog({QStringLiteral("740899508888")});
    QVERIFY(none);
    QVERIFY(!none->pdfButton()->isEnabled());
    QVERIFY(!none->printButton()->isEnabled());
}

void TestLabelPrintDialog::chooseProfileAndSavePdfFromTheKeyboard()
{
    auto dialog = makeDialog({QStringLiteral("740899500003"), QStringLiteral("740899500004")});
    QVERIFY(dialog);
    const QString pdf = m_dir.filePath(QStringLiteral("teclado.pdf"));
    QString suggested;
    dialog->setSaveFileChooser([&](QWidget *, const QString &s) {
        suggested = s;
        return pdf;
    });
    QSignalSpy printed(dialog.get(), &LabelPrintDialog::labelsPrinted);
    // The profile combo has the focus; pick the 50 × 25 QR roll by keyboard.
    QCOMPARE(QApplication::focusWidget(), dialog->profileCombo());
    const int target = dialog->profileCombo()->findData(QStringLiteral("rollo-50x25-qr"));
    QVERIFY(target > 0);
    for (int i = dialog->profileCombo()->currentIndex(); i < target; ++i)
        QTest::keyClick(dialog->profileCombo(), Qt::Key_Down);
    QCOMPARE(dialog->currentProfile().id, QStringLiteral("rollo-50x25-qr"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier); // Save as PDF
    QVERIFY2(printed.size() == 1, qPrintable(dialog->status()));
    QVERIFY(suggested.endsWith(QLatin1String(".pdf")));
    QVERIFY2(dialog->status().contains(QLatin1String("teclado.pdf")), qPrintable(dialog->status()));
    QString error;
    const QList<QImage> pages = LabelTestTools::rasterize(pdf, 300, &error);
    QCOMPARE(pages.size(), 2); // a roll: one label a page
    QCOMPARE(LabelTestTools::decodeAt(pages.at(1), QRectF(0, 0, 50, 25), 300),
             QStringList{QStringLiteral("740899500004")});
}

void TestLabelPrintDialog::printGoesThroughThePrinter()
{
    auto dialog = makeDialog({QStringLiteral("740899500002")});
    QVERIFY(dialog);
    QVERIFY(dialog->selectProfile(QStringLiteral("a4-3x8")));
    dialog->startSpin()->setValue(3); // third position of a used sheet
    const QString pdf = m_dir.filePath(QStringLiteral("impresora.pdf"));
    QPageLayout seen;
    bool fullPage = false;
    dialog->setPrinterChooser([&](QPrinter &printer, QWidget *) {
        seen = printer.pageLayout();
        fullPage = printer.fullPage();
        // Stands in for a real printer: the same QPrinter, to a PDF file.
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(pdf);
        return true;
    });
    QTest::keyClick(dialog.get(), Qt::Key_Return); // Print is the default button
    QVERIFY2(QFile::exists(pdf), qPrintable(dialog->status()));
    QVERIFY(fullPage);
    QCOMPARE(seen.pageSize().id(), QPageSize::A4);
    QString error;
    const QList<QImage> pages = LabelTestTools::rasterize(pdf, 300, &error);
    QCOMPARE(pages.size(), 1);
    const LabelProfile profile = dialog->currentProfile();
    QCOMPARE(LabelTestTools::decodeAt(pages.first(), profile.labelRect(2), 300),
             QStringList{QStringLiteral("740899500002")});
    QVERIFY(LabelTestTools::decodeAt(pages.first(), profile.labelRect(0), 300).isEmpty());
}

void TestLabelPrintDialog::cancelledChoicesWriteNothing()
{
    auto dialog = makeDialog({QStringLiteral("740899500002")});
    QVERIFY(dialog);
    dialog->setSaveFileChooser([](QWidget *, const QString &) { return QString(); });
    dialog->setPrinterChooser([](QPrinter &, QWidget *) { return false; });
    QSignalSpy printed(dialog.get(), &LabelPrintDialog::labelsPrinted);
    QTemporaryDir empty;
    QVERIFY(QDir::setCurrent(empty.path()));
    QVERIFY(!dialog->savePdf());
    QVERIFY(!dialog->print());
    QCOMPARE(printed.size(), 0);
    QVERIFY(QDir(empty.path()).entryList(QDir::Files).isEmpty());
    QCOMPARE(dialog->status(), QStringLiteral("Nothing printed."));
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    QVERIFY(!dialog->isVisible());
}

QTEST_MAIN(TestLabelPrintDialog)
#include "tst_labelprintdialog.moc"
