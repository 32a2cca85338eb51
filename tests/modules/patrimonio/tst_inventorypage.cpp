#include "KeyFeeder.h"
#include "PatrimonioFixture.h"

#include "CampaignDialog.h"
#include "CampaignListPage.h"
#include "CampaignRepository.h"
#include "CampaignResultModel.h"
#include "CampaignTableModel.h"
#include "InventoryPage.h"
#include "InventoryProgressModel.h"
#include "ScanBanner.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::KeyFeeder;
using tambo::test::PatrimonioFixture;

// A small campaign run from the keyboard, end to end: the jefe creates and starts it on
// "Campañas de inventario", a team on "Toma de inventario" scans an ambiente label and bienes
// with a simulated USB scanner (key bursts), picks another room and an observed estado with the
// keyboard, and the jefe closes it, which writes the acta, the informe and the CSV.
class TestInventoryPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void smallCampaignFromTheKeyboard();
    void scanBeforeChoosingARoomIsRefused();
    void roomLabelOfAnotherCampaignIsSaidPlainly();
    void inventariadorCannotManage();
    void campaignStartedMeanwhileAppearsWhenShown();

private:
    void createAndStartWithKeyboard();
    // A burst as a USB scanner types it: 4 ms a key, Enter at the end.
    void scanBurst(const QString &code)
    {
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : m_page.get();
        m_keys.type(target, code + u'\r', 4);
        m_keys.pause(400);
    }
    // A person typing (120 ms a key) into whatever has the focus.
    void typeByHand(const QString &text)
    {
        m_keys.type(QApplication::focusWidget(), text, 120);
        m_keys.pause(400);
    }

    std::unique_ptr<PatrimonioFixture> m_f;
    std::unique_ptr<CampaignRepository> m_repo;
    core::Session m_jefe;
    std::unique_ptr<CampaignListPage> m_list;
    std::unique_ptr<InventoryPage> m_page;
    QTemporaryDir m_out;
    KeyFeeder m_keys;
    int m_beeps = 0;
};

void TestInventoryPage::init()
{
    m_f = std::make_unique<PatrimonioFixture>();
    QVERIFY2(m_f->setupError().isEmpty(), qPrintable(m_f->setupError()));
    QVERIFY2(m_f->addCpus(4), qPrintable(m_f->lastError())); // 0001–0004 in OTIC, OFICINA 204
    for (const char *code : {"740899500005", "740899500006"}) {
        Asset a = PatrimonioFixture::cpu(QString::fromLatin1(code));
        a.ambiente = QStringLiteral("OFICINA 205");
        QString error;
        QVERIFY2(m_f->assets().insert(PatrimonioFixture::jefe(), &a, &error), qPrintable(error));
    }
    Asset camal = PatrimonioFixture::cpu(QStringLiteral("740899500007"));
    camal.sedeId = QStringLiteral("camal");
    camal.areaId = QStringLiteral("camal-administracion");
    QString error;
    QVERIFY2(m_f->assets().insert(PatrimonioFixture::jefe(), &camal, &error), qPrintable(error));
    m_repo = std::make_unique<CampaignRepository>(core::databaseProviderOf(m_f->temp().store()),
                                                  m_f->clock(),
                                                  m_f->audit());
    m_jefe = PatrimonioFixture::jefe();
    m_list = std::make_unique<CampaignListPage>(*m_repo, m_f->assets(), m_jefe);
    m_list->setOutputDirectory(m_out.filePath(QStringLiteral("actas")));
    m_list->resize(1000, 500);
    m_list->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_list.get()));
    m_beeps = 0;
}

void TestInventoryPage::cleanup()
{
    m_page.reset();
    m_list.reset();
    m_repo.reset();
    m_f.reset();
}

void TestInventoryPage::createAndStartWithKeyboard()
{
    // The default year and cut-off come from the injected Clock, not the PC's date.
    m_f->clock().set(QDateTime(QDate(2030, 3, 4), QTime(9, 0), Qt::UTC));
    // Ctrl+N opens the dialog; everything in it is typed.
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [this, &dialogSeen] {
        auto *dialog = qobject_cast<CampaignDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        // Whatever fails below, the dialog must not stay open (exec() would never return).
        auto guard = qScopeGuard([dialog] {
            if (dialog->isVisible())
                dialog->reject();
        });
        dialogSeen = true;
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_COMPARE(QApplication::focusWidget(), dialog->nameField());
        QTest::keyClick(dialog->nameField(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(dialog->nameField(), QStringLiteral("Inventario de prueba"));
        QTest::keyClick(dialog->nameField(), Qt::Key_Tab); // year: kept
        QCOMPARE(QApplication::focusWidget(), dialog->yearField());
        QTest::keyClick(dialog->yearField(), Qt::Key_M, Qt::AltModifier); // Co&misión
        QCOMPARE(QApplication::focusWidget(), dialog->comisionField());
        QTest::keyClicks(dialog->comisionField(), QStringLiteral("QUISPE MAMANI, Ana; Presidenta"));
        QTest::keyClick(dialog->comisionField(), Qt::Key_Return);
        QTest::keyClicks(dialog->comisionField(), QStringLiteral("COPA LAURA, Luis; Miembro"));
        QTest::keyClick(dialog->comisionField(), Qt::Key_Tab); // scope
        QCOMPARE(QApplication::focusWidget(), dialog->scopeTree());
        dialog->scopeTree()->setCurrentItem(dialog->scopeTree()->topLevelItem(0)); // Palacio
        QTest::keyClick(dialog->scopeTree(), Qt::Key_Space);
        QCOMPARE(dialog->scopeTree()->topLevelItem(0)->checkState(0), Qt::Checked);
        QTest::keyClick(dialog->scopeTree(), Qt::Key_Return); // OK
    });
    QTest::keyClick(m_list.get(), Qt::Key_N, Qt::ControlModifier);
    QVERIFY(dialogSeen);
    QCOMPARE(m_list->model()->rowCount(), 1);
    const Campaign c = m_list->model()->campaignAt(0);
    QCOMPARE(c.name, QStringLiteral("Inventario de prueba"));
    QCOMPARE(c.comision.size(), 2);
    QCOMPARE(c.comision.at(1).role, QStringLiteral("Miembro"));
    QCOMPARE(c.sedeIds, QStringList{QStringLiteral("palacio")});
    QCOMPARE(c.cutoff, QDate(2030, 12, 31));
    QCOMPARE(c.year, 2030);
    QCOMPARE(m_list->currentId(), c.id);
    m_list->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_list.get()));
    QTest::keyClick(m_list->view(), Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_repo->find(c.id)->state, CampaignState::InProgress);
}

void TestInventoryPage::smallCampaignFromTheKeyboard()
{
    createAndStartWithKeyboard();
    const QString id = m_list->currentId();

    m_page = std::make_unique<InventoryPage>(*m_repo, m_f->assets(), m_jefe, ScannerInput::Config{});
    m_page->setBeep([this] { ++m_beeps; });
    QAbstractItemModelTester progressTester(m_page->progressModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester resultTester(m_page->resultProxy(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_page->campaignId(), id);             // the campaign in progress is chosen
    QCOMPARE(m_page->tally().totals().expected, 6); // the Camal's CPU is outside the scope
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));

    // The team scans the label of OFICINA 204 while the focus is on the progress tree.
    const InventoryPlace o204{QStringLiteral("palacio"),
                              QStringLiteral("palacio-otic"),
                              QStringLiteral("OFICINA 204")};
    m_page->progressView()->setFocus();
    scanBurst(o204.code());
    QCOMPARE(m_page->place(), o204);
    QVERIFY(m_page->placeLabel()->text().contains(QLatin1String("OFICINA 204")));

    scanBurst(QStringLiteral("740899500001"));
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Found);
    QCOMPARE(m_page->scanField()->text(), QString()); // clears itself
    QCOMPARE(m_beeps, 0);
    scanBurst(QStringLiteral("740899500002"));
    scanBurst(QStringLiteral("740899500001")); // again: flagged, counted once
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Repeated);
    QVERIFY(m_page->banner()->text().contains(QLatin1String("740899500001")));
    QCOMPARE(m_beeps, 1);
    QCOMPARE(m_page->tally().totals().encontrados, 2);
    QCOMPARE(m_page->tally().totals().repeated, 1);

    // An observed estado for the next scan, chosen with the keyboard (Alt+O, then arrows).
    QTest::keyClick(m_page.get(), Qt::Key_O, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), m_page->estadoBox());
    const int malo = m_page->estadoBox()->findData(QStringLiteral("M"));
    for (int i = 0; i < malo; ++i)
        QTest::keyClick(m_page->estadoBox(), Qt::Key_Down);
    QCOMPARE(m_page->estadoBox()->currentData().toString(), QStringLiteral("M"));
    scanBurst(QStringLiteral("740899500003"));
    QVERIFY(m_page->banner()->text().contains(QStringLiteral("Condition changed: Good → Poor")));
    QCOMPARE(m_page->estadoBox()->currentIndex(), 0); // for that scan only
    QVERIFY(m_page->tally().resultFor(QStringLiteral("740899500003")).estadoCambiado);

    // A label that is not in the register, and a bien of the Camal: both sobrantes, said plainly.
    scanBurst(QStringLiteral("740899509999"));
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Problem);
    QVERIFY(m_page->banner()->text().contains(QLatin1String("not in the register")));
    scanBurst(QStringLiteral("740899500007"));
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Problem);
    QVERIFY(m_page->banner()->text().contains(QLatin1String("outside")));
    QCOMPARE(m_beeps, 3);
    // Typing a malformed code by hand in the field: refused, not recorded.
    m_page->scanField()->setFocus();
    typeByHand(QStringLiteral("7408995\r"));
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Problem);
    QVERIFY(m_page->banner()->text().contains(QStringLiteral("not a código")));
    QCOMPARE(m_page->scanField()->text(), QString());
    QCOMPARE(m_beeps, 4);

    // The team moves to OFICINA 205, chosen from the keyboard: Alt+A (area), Alt+M (room).
    QTest::keyClick(m_page.get(), Qt::Key_A, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), m_page->areaBox());
    QTest::keyClick(m_page->areaBox(), Qt::Key_Home);
    const int otic = m_page->areaBox()->findData(QStringLiteral("palacio|palacio-otic"));
    QVERIFY(otic >= 0);
    for (int i = 0; i < otic; ++i)
        QTest::keyClick(m_page->areaBox(), Qt::Key_Down);
    QTest::keyClick(m_page.get(), Qt::Key_M, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), m_page->ambienteBox());
    m_page->ambienteBox()->lineEdit()->selectAll();
    typeByHand(QStringLiteral("oficina 205\r"));
    const InventoryPlace o205{QStringLiteral("palacio"),
                              QStringLiteral("palacio-otic"),
                              QStringLiteral("OFICINA 205")};
    QCOMPARE(m_page->place(), o205);
    QCOMPARE(QApplication::focusWidget(), m_page->scanField());
    scanBurst(QStringLiteral("740899500005"));
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Found);
    scanBurst(QStringLiteral("740899500004")); // registered in 204
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Info);
    QVERIFY(m_page->banner()->text().contains(QLatin1String("another place")));

    // Live progress and totals.
    const CampaignTotals t = m_page->tally().totals();
    QCOMPARE(t.encontrados, 4); // 0001, 0002, 0003, 0005
    QCOMPARE(t.otroLugar, 1);   // 0004
    QCOMPARE(t.faltantes, 1);   // 0006
    QCOMPARE(t.sobrantes, 2);
    QCOMPARE(t.scans, 8);
    InventoryProgressModel *progress = m_page->progressModel();
    const QModelIndex room204 = progress->indexOfPlace(o204);
    QVERIFY(room204.isValid());
    QCOMPARE(room204.siblingAtColumn(InventoryProgressModel::Expected).data().toInt(), 4);
    QCOMPARE(room204.siblingAtColumn(InventoryProgressModel::Found).data().toInt(), 4);
    QCOMPARE(room204.siblingAtColumn(InventoryProgressModel::ScannedHere).data().toInt(), 5);
    const QModelIndex room205 = progress->indexOfPlace(o205);
    QCOMPARE(room205.siblingAtColumn(InventoryProgressModel::Pending).data().toInt(), 1);
    QCOMPARE(room205.parent().siblingAtColumn(InventoryProgressModel::Percent).data().toString(),
             QStringLiteral("83 %")); // 5 of 6 in the OTIC
    QVERIFY(m_page->totalsLabel()->text().contains(QLatin1String("pending 1")));

    // The faltantes list, chosen with the keyboard (Alt+S).
    QTest::keyClick(m_page.get(), Qt::Key_S, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), m_page->outcomeFilter());
    const int faltantes = m_page->outcomeFilter()->findData(QStringLiteral("faltante"));
    QTest::keyClick(m_page->outcomeFilter(), Qt::Key_Home);
    for (int i = 0; i < faltantes; ++i)
        QTest::keyClick(m_page->outcomeFilter(), Qt::Key_Down);
    QCOMPARE(m_page->resultProxy()->rowCount(), 1);
    QCOMPARE(m_page->resultProxy()->index(0, CampaignResultModel::Codigo).data().toString(),
             QStringLiteral("740899500006"));

    // The jefe closes it (Ctrl+Shift+C): outcomes frozen, documents written.
    QString question;
    m_list->setConfirm([&question](const QString &q) {
        question = q;
        return true;
    });
    m_list->reload();
    QVERIFY(m_list->selectCampaign(id));
    m_list->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_list.get()));
    QTest::keyClick(m_list->view(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(question.contains(QLatin1String("4 found")), qPrintable(question));
    QCOMPARE(m_repo->find(id)->state, CampaignState::Closed);
    const CampaignReport::Files files = m_list->lastFiles();
    QVERIFY(QFile::exists(files.acta));
    QVERIFY(QFile::exists(files.informe));
    QVERIFY(QFile::exists(files.csv));
    QVERIFY(m_list->messageText().contains(QLatin1String("acta")));
    QFile csv(files.csv);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString csvText = QString::fromUtf8(csv.readAll());
    QVERIFY(csvText.contains(QLatin1String(
        "=\"740899500006\";UNIDAD CENTRAL DE PROCESO - CPU;1503.0203;3450.00;Missing")));
    QCOMPARE(m_repo->frozenResults(m_jefe, id).size(), 8);

    // The team's page says so plainly after a reload (F5).
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QTest::keyClick(m_page.get(), Qt::Key_F5);
    scanBurst(QStringLiteral("740899500006"));
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Problem);
    QVERIFY(m_page->banner()->text().contains(QLatin1String("closed")));
    QCOMPARE(m_repo->scans(id).size(), 8);
}

void TestInventoryPage::scanBeforeChoosingARoomIsRefused()
{
    Campaign c;
    c.name = QStringLiteral("Inventario 2026");
    c.year = 2026;
    c.comision = {{QStringLiteral("QUISPE, Ana"), QStringLiteral("Presidenta")}};
    QString error;
    QVERIFY(m_repo->create(m_jefe, &c, &error));
    QVERIFY(m_repo->start(m_jefe, c.id, &error));
    m_page = std::make_unique<InventoryPage>(*m_repo, m_f->assets(), m_jefe, ScannerInput::Config{});
    m_page->setBeep([this] { ++m_beeps; });
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->scanField()->setFocus();
    scanBurst(QStringLiteral("740899500001"));
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Problem);
    QVERIFY(m_page->banner()->text().contains(QLatin1String("room")));
    QCOMPARE(m_beeps, 1);
    QCOMPARE(m_repo->scans(c.id).size(), 0);
}

void TestInventoryPage::roomLabelOfAnotherCampaignIsSaidPlainly()
{
    Campaign c;
    c.name = QStringLiteral("Solo OTIC");
    c.year = 2026;
    c.comision = {{QStringLiteral("QUISPE, Ana"), QStringLiteral("Presidenta")}};
    c.areaIds = {QStringLiteral("palacio-otic")};
    QString error;
    QVERIFY(m_repo->create(m_jefe, &c, &error));
    QVERIFY(m_repo->start(m_jefe, c.id, &error));
    m_page = std::make_unique<InventoryPage>(*m_repo, m_f->assets(), m_jefe, ScannerInput::Config{});
    m_page->setBeep([this] { ++m_beeps; });
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_page->areaBox()->count(), 1); // only the OTIC is in scope
    const InventoryPlace camal{QStringLiteral("camal"),
                               QStringLiteral("camal-administracion"),
                               QStringLiteral("OFICINA 204")};
    scanBurst(camal.code());
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Problem);
    QVERIFY(m_page->banner()->text().contains(camal.code()));
    QVERIFY(!m_page->place().isValid());
}

void TestInventoryPage::inventariadorCannotManage()
{
    const core::Session inv = PatrimonioFixture::inventariador();
    CampaignListPage page(*m_repo, m_f->assets(), inv);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const auto *toolbar = page.findChild<QToolBar *>();
    QVERIFY(toolbar);
    QVERIFY(!toolbar->isVisible());
    QVERIFY(!page.actions().contains(page.newAction())); // no Ctrl+N either
    Campaign c;
    c.name = QStringLiteral("X");
    c.year = 2026;
    c.comision = {{QStringLiteral("QUISPE, Ana"), QString()}};
    QVERIFY(!page.createCampaign(c)); // the repository refuses as well
    QVERIFY(page.messageText().contains(QLatin1String("patrimonio.inventory.manage")));
}

void TestInventoryPage::campaignStartedMeanwhileAppearsWhenShown()
{
    m_page = std::make_unique<InventoryPage>(*m_repo, m_f->assets(), m_jefe, ScannerInput::Config{});
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_page->campaignBox()->count(), 0);
    QCOMPARE(m_page->banner()->kind(), ScanBanner::Kind::Info); // "no campaign is in progress"
    m_page->hide();
    Campaign c;
    c.name = QStringLiteral("Inventario 2026");
    c.year = 2026;
    c.comision = {{QStringLiteral("QUISPE, Ana"), QStringLiteral("Presidenta")}};
    QString error;
    QVERIFY(m_repo->create(m_jefe, &c, &error));
    QVERIFY(m_repo->start(m_jefe, c.id, &error));
    m_page->show(); // back to the page
    QCOMPARE(m_page->campaignBox()->count(), 1);
    QCOMPARE(m_page->campaignId(), c.id);
    QCOMPARE(m_page->tally().totals().expected, 7); // every sede: the Camal's CPU too
}

QTEST_MAIN(TestInventoryPage)
#include "tst_inventorypage.moc"
