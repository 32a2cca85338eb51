#include "KeyFeeder.h"
#include "PatrimonioFixture.h"

#include "AssetDetailView.h"
#include "AssetFilterProxyModel.h"
#include "AssetImporter.h"
#include "AssetRegisterPage.h"
#include "AssetTableModel.h"
#include "ImageScanAction.h"
#include "LabelPrintDialog.h"
#include "LabelProfileCatalog.h"
#include "LabelService.h"
#include "PatrimonioDemo.h"
#include "ScanBanner.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::KeyFeeder;
using tambo::test::PatrimonioFixture;

class TestAssetRegisterPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void listsTheWholeRegister();
    void searchAsYouType();
    void filtersBySedeAreaEstadoAndCustodian();
    void selectingShowsDetailsAndHistory();
    void keyboardOnly();
    void scanOpensTheAssetEvenWhenFiltered();
    void unknownScanIsSaidPlainly();
    void reloadSeesNewAssets();
    void printLabelsForTheSelection();
    void actionsShareOneRow();

private:
    std::unique_ptr<PatrimonioFixture> m_fixture;
    core::Session m_session;
    std::unique_ptr<AssetRegisterPage> m_page;
    int m_beeps = 0;
};

void TestAssetRegisterPage::initTestCase()
{
    m_fixture = std::make_unique<PatrimonioFixture>();
    QVERIFY2(m_fixture->setupError().isEmpty(), qPrintable(m_fixture->setupError()));
    QString error;
    QVERIFY2(PatrimonioDemo::seed(m_fixture->assets(),
                                  m_fixture->catalogo(),
                                  m_fixture->clock().now().date(),
                                  &error),
             qPrintable(error));
    m_session = PatrimonioFixture::comite(); // read only is enough to browse
}

void TestAssetRegisterPage::cleanupTestCase()
{
    m_fixture.reset();
}

void TestAssetRegisterPage::init()
{
    m_page = std::make_unique<AssetRegisterPage>(m_fixture->assets(),
                                                 m_session,
                                                 nullptr,
                                                 ScannerInput::Config{});
    m_beeps = 0;
    m_page->setBeep([this] { ++m_beeps; });
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestAssetRegisterPage::cleanup()
{
    m_page.reset();
}

void TestAssetRegisterPage::listsTheWholeRegister()
{
    const int total = PatrimonioDemo::counts().total();
    QCOMPARE(m_page->model()->rowCount(), total);
    QCOMPARE(m_page->proxy()->rowCount(), total);
    QVERIFY(m_page->lastError().isEmpty());
    auto *count = m_page->findChild<QLabel *>(QStringLiteral("assetCount"));
    QVERIFY(count);
    QVERIFY2(count->text().contains(QString::number(total)), qPrintable(count->text()));
    // Sorted by code; sede shown by name.
    QCOMPARE(m_page->view()->model()->index(0, AssetTableModel::Codigo).data().toString(),
             QStringLiteral("460000000000").left(0)
                 + m_page->proxy()->index(0, 0).data().toString());
    const QString sede = m_page->proxy()->index(0, AssetTableModel::Sede).data().toString();
    QVERIFY(!sede.isEmpty() && !sede.contains(u'-'));
}

void TestAssetRegisterPage::searchAsYouType()
{
    // QTest's fast typing looks like a burst: the keys reach the field when the burst fails.
    QTest::keyClicks(m_page->searchField(), QStringLiteral("portatil"));
    QTRY_COMPARE(m_page->proxy()->rowCount(), 43);
    m_page->searchField()->setText(QStringLiteral("impresora LASER kyocera"));
    QVERIFY(m_page->proxy()->rowCount() > 0);
    for (int row = 0; row < m_page->proxy()->rowCount(); ++row) {
        QCOMPARE(m_page->proxy()->index(row, AssetTableModel::Denominacion).data().toString(),
                 QStringLiteral("IMPRESORA LASER"));
        QCOMPARE(m_page->proxy()->index(row, AssetTableModel::Marca).data().toString(),
                 QStringLiteral("KYOCERA"));
    }
    m_page->searchField()->setText(QStringLiteral("740899500828"));
    QCOMPARE(m_page->proxy()->rowCount(), 1);
    m_page->searchField()->clear();
    QCOMPARE(m_page->proxy()->rowCount(), PatrimonioDemo::counts().total());
}

void TestAssetRegisterPage::filtersBySedeAreaEstadoAndCustodian()
{
    auto *sede = m_page->findChild<QComboBox *>(QStringLiteral("sedeFilter"));
    auto *area = m_page->findChild<QComboBox *>(QStringLiteral("areaFilter"));
    auto *estado = m_page->findChild<QComboBox *>(QStringLiteral("estadoFilter"));
    auto *responsable = m_page->findChild<QComboBox *>(QStringLiteral("responsableFilter"));
    QVERIFY(sede && area && estado && responsable);

    sede->setCurrentIndex(sede->findData(QStringLiteral("camal")));
    const int camal = m_page->proxy()->rowCount();
    QVERIFY(camal > 0 && camal < PatrimonioDemo::counts().total());
    for (int row = 0; row < camal; ++row)
        QCOMPARE(m_page->proxy()->index(row, 0).data(AssetTableModel::SedeIdRole).toString(),
                 QStringLiteral("camal"));
    QCOMPARE(area->count(), 2); // "all" and the camal's one area

    sede->setCurrentIndex(sede->findData(QStringLiteral("palacio")));
    QVERIFY(area->count() > 5);
    area->setCurrentIndex(area->findData(QStringLiteral("palacio-otic")));
    const int otic = m_page->proxy()->rowCount();
    QVERIFY(otic >= 18); // the servers at least
    estado->setCurrentIndex(estado->findData(QStringLiteral("MXY")));
    for (int row = 0; row < m_page->proxy()->rowCount(); ++row) {
        QVERIFY(QStringLiteral("MXY").contains(
            m_page->proxy()->index(row, 0).data(AssetTableModel::EstadoRole).toChar()));
    }
    estado->setCurrentIndex(0);
    QCOMPARE(m_page->proxy()->rowCount(), otic);

    const QString someone = m_page->proxy()->index(0, AssetTableModel::Responsable).data().toString();
    responsable->setEditText(someone);
    QVERIFY(m_page->proxy()->rowCount() >= 1);
    QVERIFY(m_page->proxy()->rowCount() < otic);
    for (int row = 0; row < m_page->proxy()->rowCount(); ++row)
        QCOMPARE(m_page->proxy()->index(row, AssetTableModel::Responsable).data().toString(),
                 someone);
    responsable->setEditText(QString());
    QCOMPARE(m_page->proxy()->rowCount(), otic);
}

void TestAssetRegisterPage::selectingShowsDetailsAndHistory()
{
    QCOMPARE(m_page->detail()->shownCodigo(), QString());
    const QModelIndex second = m_page->proxy()->index(1, 0);
    m_page->view()->setCurrentIndex(second);
    const QString code = second.data(AssetTableModel::CodigoRole).toString();
    QCOMPARE(m_page->detail()->shownCodigo(), code);
    QCOMPARE(m_page->detail()->fieldText(QStringLiteral("codigo")), code);
    QVERIFY(m_page->detail()->historyCount() >= 1);
    QVERIFY(!m_page->detail()->fieldText(QStringLiteral("sede_id")).isEmpty());
}

void TestAssetRegisterPage::keyboardOnly()
{
    QApplication::setActiveWindow(m_page.get());
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    m_page->view()->setFocus();
    QTest::keyClick(m_page.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_page->searchField()->hasFocus());
    QTest::keyClicks(m_page->searchField(), QStringLiteral("servidor"));
    QTRY_COMPARE(m_page->proxy()->rowCount(), 18);
    QTest::keyClick(m_page->searchField(), Qt::Key_Return); // to the list, first row
    QTRY_VERIFY(m_page->view()->hasFocus());
    const QString first = m_page->detail()->shownCodigo();
    QVERIFY(first.startsWith(QLatin1String("74088200")));
    QTest::keyClick(m_page->view(), Qt::Key_Down);
    QVERIFY(m_page->detail()->shownCodigo() != first);
    QVERIFY(m_page->detail()->shownCodigo().startsWith(QLatin1String("74088200")));
    m_page->searchField()->setFocus();
    QTest::keyClick(m_page->searchField(), Qt::Key_Escape);
    QCOMPARE(m_page->searchField()->text(), QString());
}

void TestAssetRegisterPage::scanOpensTheAssetEvenWhenFiltered()
{
    m_page->searchField()->setText(QStringLiteral("silla"));
    QVERIFY(m_page->proxy()->rowCount() > 0);
    KeyFeeder keys;
    keys.type(m_page->view(), QStringLiteral("740899500010\r"), 5); // a CPU, hidden by "silla"
    QCOMPARE(m_page->detail()->shownCodigo(), QStringLiteral("740899500010"));
    QCOMPARE(m_page->searchField()->text(), QString());
    QCOMPARE(m_page->view()->currentIndex().data(AssetTableModel::CodigoRole).toString(),
             QStringLiteral("740899500010"));
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Found);
    QCOMPARE(m_beeps, 0);

    keys.pause(1000);
    keys.type(m_page->searchField(), QStringLiteral("740899500010\r"), 5);
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Repeated);
    QCOMPARE(m_beeps, 1);
    QCOMPARE(m_page->searchField()->text(), QString()); // the scan never reached the field
}

void TestAssetRegisterPage::unknownScanIsSaidPlainly()
{
    KeyFeeder keys;
    keys.type(m_page->view(), QStringLiteral("999999990001\r"), 5);
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Problem);
    QVERIFY2(m_page->banner()->text().contains(QLatin1String("not in the register")),
             qPrintable(m_page->banner()->text()));
    QCOMPARE(m_beeps, 1);
}

void TestAssetRegisterPage::reloadSeesNewAssets()
{
    const int before = m_page->model()->rowCount();
    Asset a = PatrimonioFixture::cpu(QStringLiteral("740899509999"));
    QString error;
    QVERIFY2(m_fixture->assets().insert(PatrimonioFixture::jefe(), &a, &error), qPrintable(error));
    QVERIFY(m_page->reload());
    QCOMPARE(m_page->model()->rowCount(), before + 1);
    QVERIFY(m_page->showAsset(QStringLiteral("740899509999")));
    QCOMPARE(m_page->detail()->shownCodigo(), QStringLiteral("740899509999"));
}

void TestAssetRegisterPage::printLabelsForTheSelection()
{
    // Without label printing set up, there is no button and Ctrl+P does nothing.
    QVERIFY(!m_page->printLabelsButton()->isVisible());
    QVERIFY(!m_page->printLabels());

    const LabelService labels(m_fixture->assets());
    m_page->setLabelPrinting(&labels, std::make_shared<const LabelProfileCatalog>());
    QVERIFY(m_page->printLabelsButton()->isVisible());
    QApplication::setActiveWindow(m_page.get());
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    m_page->searchField()->setFocus();
    QTest::keyClicks(m_page->searchField(), QStringLiteral("servidor"));
    QTRY_COMPARE(m_page->proxy()->rowCount(), 18);
    QTest::keyClick(m_page->searchField(), Qt::Key_Return); // to the list, first row current
    QTableView *view = m_page->view();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    const QStringList selected = m_page->selectedCodigos();
    QCOMPARE(selected.size(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(selected.at(row),
                 m_page->proxy()->index(row, 0).data(AssetTableModel::CodigoRole).toString());
    QTest::keyClick(view, Qt::Key_P, Qt::ControlModifier);
    auto *dialog = m_page->findChild<LabelPrintDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->batch().labels.size(), 3);
    QCOMPARE(dialog->batch().labels.first().codigo, selected.first());
    QVERIFY(dialog->batch().ok());
    dialog->close(); // deletes itself
    QTRY_VERIFY(!m_page->findChild<LabelPrintDialog *>());

    // Ctrl+A selects everything shown.
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_page->selectedCodigos().size(), m_page->proxy()->rowCount());
    // Nothing selected: a hint, no dialog.
    view->clearSelection();
    QVERIFY(!m_page->printLabels());
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Info);
    m_page->setLabelPrinting(nullptr, nullptr);
}

void TestAssetRegisterPage::actionsShareOneRow()
{
    // Import, register from an image and print labels sit on one row under the filters, above
    // the list (the import button used to get a row of its own above the filters).
    AssetImporter importer(core::databaseProviderOf(m_fixture->temp().store()),
                           m_fixture->clock(),
                           m_fixture->audit());
    const LabelService labels(m_fixture->assets());
    m_page->setImporter(&importer);
    m_page->setLabelPrinting(&labels, std::make_shared<const LabelProfileCatalog>());
    auto *import = m_page->findChild<QToolButton *>(QStringLiteral("importAssetsButton"));
    auto *image = m_page->findChild<QToolButton *>(QStringLiteral("registerFromImageButton"));
    QVERIFY(import);
    QVERIFY(image);
    QPushButton *print = m_page->printLabelsButton();
    QTRY_VERIFY(import->isVisible() && image->isVisible() && print->isVisible());
    const auto top = [this](const QWidget *w) { return w->mapTo(m_page.get(), QPoint(0, 0)); };
    // One row: the vertical centres agree (a push button and a tool button differ by a pixel
    // or two in height).
    const auto sameRow = [this](const QWidget *a, const QWidget *b) {
        const int ya = a->mapTo(m_page.get(), QPoint(0, a->height() / 2)).y();
        const int yb = b->mapTo(m_page.get(), QPoint(0, b->height() / 2)).y();
        return qAbs(ya - yb) <= 2;
    };
    QVERIFY(sameRow(import, image));
    QVERIFY(sameRow(image, print));
    QVERIFY(top(import).x() < top(image).x());
    QVERIFY(top(image).x() < top(print).x());
    QVERIFY(top(m_page->searchField()).y() < top(import).y());
    QVERIFY(top(import).y() + import->height() <= top(m_page->view()).y());
    m_page->setLabelPrinting(nullptr, nullptr);
    m_page->setImporter(nullptr);
}

QTEST_MAIN(TestAssetRegisterPage)
#include "tst_assetregisterpage.moc"
