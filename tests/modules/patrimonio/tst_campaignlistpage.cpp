#include "KeyFeeder.h"
#include "PatrimonioFixture.h"

#include "CampaignDialog.h"
#include "CampaignFilterProxyModel.h"
#include "CampaignListPage.h"
#include "CampaignRepository.h"
#include "CampaignTableModel.h"
#include "LabelPrintDialog.h"
#include "LabelProfileCatalog.h"
#include "LabelService.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::PatrimonioFixture;

class TestCampaignListPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void filterFromTheKeyboard();
    void actionsFollowTheState();
    void refusedCampaignKeepsTheDialogOpen();
    void closeCanBeCancelled();
    void writeDocumentsAgain();
    void labelsForTheCampaignScope();

private:
    Campaign make(const QString &name, int year, bool start);

    std::unique_ptr<PatrimonioFixture> m_f;
    std::unique_ptr<CampaignRepository> m_repo;
    core::Session m_jefe;
    std::unique_ptr<CampaignListPage> m_page;
    QTemporaryDir m_out;
};

Campaign TestCampaignListPage::make(const QString &name, int year, bool start)
{
    Campaign c;
    c.name = name;
    c.year = year;
    c.comision = {{QStringLiteral("QUISPE, Ana"), QStringLiteral("Presidenta")}};
    c.sedeIds = {QStringLiteral("palacio")};
    QString error;
    if (!m_repo->create(m_jefe, &c, &error) || (start && !m_repo->start(m_jefe, c.id, &error)))
        qFatal("%s", qPrintable(error));
    return c;
}

void TestCampaignListPage::init()
{
    m_f = std::make_unique<PatrimonioFixture>();
    QVERIFY2(m_f->setupError().isEmpty(), qPrintable(m_f->setupError()));
    QVERIFY2(m_f->addCpus(3), qPrintable(m_f->lastError()));
    m_repo = std::make_unique<CampaignRepository>(core::databaseProviderOf(m_f->temp().store()),
                                                  m_f->clock(),
                                                  m_f->audit());
    m_jefe = PatrimonioFixture::jefe();
    make(QStringLiteral("Inventario 2025"), 2025, true);
    make(QStringLiteral("Verificación de almacén"), 2026, false);
    m_page = std::make_unique<CampaignListPage>(*m_repo, m_f->assets(), m_jefe);
    m_page->setOutputDirectory(m_out.path());
    m_page->resize(1000, 400);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
}

void TestCampaignListPage::cleanup()
{
    m_page.reset();
    m_repo.reset();
    m_f.reset();
}

void TestCampaignListPage::filterFromTheKeyboard()
{
    QCOMPARE(m_page->proxy()->rowCount(), 2);
    QTest::keyClick(m_page.get(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), m_page->filterField());
    QTest::keyClicks(m_page->filterField(), QStringLiteral("verificacion"));
    QCOMPARE(m_page->proxy()->rowCount(), 1);
    QTest::keyClick(m_page->filterField(), Qt::Key_Return); // to the list
    QCOMPARE(QApplication::focusWidget(), m_page->view());
    QCOMPARE(m_page->view()->currentIndex().data().toString(),
             QStringLiteral("Verificación de almacén"));
    m_page->filterField()->clear();
    QTest::keyClick(m_page.get(), Qt::Key_T, Qt::AltModifier); // S&tate
    QCOMPARE(QApplication::focusWidget(), m_page->stateFilter());
    const int inProgress = m_page->stateFilter()->findData(QStringLiteral("in_progress"));
    for (int i = 0; i < inProgress; ++i)
        QTest::keyClick(m_page->stateFilter(), Qt::Key_Down);
    QCOMPARE(m_page->proxy()->rowCount(), 1);
    QCOMPARE(m_page->proxy()->index(0, 0).data().toString(), QStringLiteral("Inventario 2025"));
}

void TestCampaignListPage::actionsFollowTheState()
{
    QVERIFY(m_page->selectCampaign(
        m_page->model()->campaignAt(m_page->model()->rowOfId(m_repo->list(m_jefe).at(1).id)).id));
    for (int row = 0; row < m_page->proxy()->rowCount(); ++row) {
        m_page->view()->setCurrentIndex(m_page->proxy()->index(row, 0));
        const QString state
            = m_page->proxy()->index(row, 0).data(CampaignTableModel::StateRole).toString();
        QCOMPARE(m_page->startAction()->isEnabled(), state == QLatin1String("preparing"));
        QCOMPARE(m_page->closeAction()->isEnabled(), state == QLatin1String("in_progress"));
        QCOMPARE(m_page->exportAction()->isEnabled(), state == QLatin1String("closed"));
    }
}

void TestCampaignListPage::refusedCampaignKeepsTheDialogOpen()
{
    QString shownError;
    int rounds = 0;
    std::function<void()> fill = [&] {
        auto *dialog = qobject_cast<CampaignDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto guard = qScopeGuard([dialog] {
            if (dialog->isVisible())
                dialog->reject();
        });
        ++rounds;
        if (rounds == 1) {
            // No comisión: refused by the repository, the dialog stays with the reason.
            QTimer::singleShot(0, this, fill);
            QTest::keyClick(dialog->nameField(), Qt::Key_Return);
            guard.dismiss();
            return;
        }
        shownError = dialog->findChild<QLabel *>(QStringLiteral("campaignError"))->text();
        guard.dismiss();
        dialog->reject(); // Escape, in effect
    };
    QTimer::singleShot(0, this, fill);
    QTest::keyClick(m_page.get(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(rounds, 2);
    QVERIFY2(shownError.contains(QStringLiteral("comisión")), qPrintable(shownError));
    QCOMPARE(m_page->model()->rowCount(), 2);
}

void TestCampaignListPage::closeCanBeCancelled()
{
    const QString id = m_repo->list(m_jefe).at(0).year == 2026 ? m_repo->list(m_jefe).at(1).id
                                                               : m_repo->list(m_jefe).at(0).id;
    QVERIFY(m_page->selectCampaign(id));
    m_page->setConfirm([](const QString &) { return false; });
    QVERIFY(!m_page->closeCurrent());
    QCOMPARE(m_repo->find(id)->state, CampaignState::InProgress);
    m_page->setConfirm([](const QString &) { return true; });
    QVERIFY(m_page->closeCurrent());
    QCOMPARE(m_repo->find(id)->state, CampaignState::Closed);
    QVERIFY(QFile::exists(m_page->lastFiles().acta));
}

void TestCampaignListPage::writeDocumentsAgain()
{
    const QString id = m_repo->list(m_jefe).at(1).id; // Inventario 2025 (ordered by year desc)
    QCOMPARE(m_repo->find(id)->name, QStringLiteral("Inventario 2025"));
    QString error;
    QVERIFY(m_repo->close(m_jefe, id, nullptr, &error));
    m_page->reload();
    QVERIFY(m_page->selectCampaign(id));
    QVERIFY(m_page->exportAction()->isEnabled());
    QTest::keyClick(m_page->view(), Qt::Key_E, Qt::ControlModifier);
    const CampaignReport::Files files = m_page->lastFiles();
    QVERIFY(files.csv.startsWith(m_out.path()));
    QFile csv(files.csv);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(bytes.count("\r\n"), 1 + 3); // header and the three CPUs (faltantes)
    QVERIFY(bytes.contains("Missing"));
}

QTEST_MAIN(TestCampaignListPage)
#include "tst_campaignlistpage.moc"

void TestCampaignListPage::labelsForTheCampaignScope()
{
    QVERIFY(!m_page->labelsAction()->isVisible()); // no label service given yet
    LabelService labels(m_f->assets());
    m_page->setLabelPrinting(&labels,
                             std::make_shared<const LabelProfileCatalog>(
                                 LabelProfileCatalog::loadDefault()));
    QVERIFY(m_page->labelsAction()->isVisible());
    const Campaign campaign = m_repo->list(m_jefe).at(0);
    QVERIFY(m_page->selectCampaign(campaign.id));
    const QStringList expected{QStringLiteral("740899500001"),
                               QStringLiteral("740899500002"),
                               QStringLiteral("740899500003")};
    QCOMPARE(m_page->scopeCodigos(campaign.id), expected);

    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_P, Qt::ControlModifier);
    auto *dialog = m_page->findChild<LabelPrintDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->batch().ok());
    QStringList printed;
    for (const auto &label : dialog->batch().labels)
        printed << label.codigo;
    QCOMPARE(printed, expected);
    dialog->close();
}
