#include "PatrimonioFixture.h"

#include "MovementProposalDialog.h"
#include "MovementRepository.h"
#include "MovementTableModel.h"
#include "MovementsPage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::PatrimonioFixture;

class TestMovementsPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void proposeFromTheKeyboard();
    void jefeApprovesFromTheKeyboard();
    void jefeRejectsWithAReason();
    void inventariadorSeesNoApproveButton();

private:
    QString propose(const QString &codigo);
    std::unique_ptr<PatrimonioFixture> m_fixture;
    std::unique_ptr<MovementRepository> m_movements;
    core::Session m_jefe = PatrimonioFixture::jefe();
    core::Session m_inventariador = PatrimonioFixture::inventariador();
};

void TestMovementsPage::init()
{
    m_fixture = std::make_unique<PatrimonioFixture>();
    QVERIFY2(m_fixture->setupError().isEmpty(), qPrintable(m_fixture->setupError()));
    QVERIFY(m_fixture->addCpus(3));
    m_movements = std::make_unique<MovementRepository>(core::databaseProviderOf(
                                                           m_fixture->temp().store()),
                                                       m_fixture->clock(),
                                                       m_fixture->audit());
}

void TestMovementsPage::cleanup()
{
    m_movements.reset();
    m_fixture.reset();
}

QString TestMovementsPage::propose(const QString &codigo)
{
    Movement m;
    m.kind = MovementKind::Asignacion;
    m.toResponsable = QStringLiteral("FLORES, Ana");
    QString error;
    if (!m_movements->propose(m_inventariador, &m, {codigo}, &error))
        qWarning() << error;
    m_fixture->clock().advanceMinutes(1);
    return m.id;
}

void TestMovementsPage::proposeFromTheKeyboard()
{
    MovementProposalDialog dialog(*m_movements,
                                  m_inventariador,
                                  m_fixture->assets().sedes(),
                                  m_fixture->assets().areas());
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(QApplication::focusWidget(), dialog.kindCombo()); // Asignación first
    QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);      // &Assets
    QCOMPARE(QApplication::focusWidget(), dialog.codigosField());
    QTest::keyClicks(dialog.codigosField(), QStringLiteral("740899500001"));
    QTest::keyClick(dialog.codigosField(), Qt::Key_Return);
    QTest::keyClicks(dialog.codigosField(), QStringLiteral("740899500002"));
    // Without a custodian the proposal is refused and the dialog stays open.
    QTest::keyClick(&dialog, Qt::Key_C, Qt::AltModifier); // &Custodian
    QCOMPARE(QApplication::focusWidget(), dialog.responsableField());
    QTest::keyClick(dialog.responsableField(), Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.errorLabel()->text().isEmpty());
    QTest::keyClicks(dialog.responsableField(), QStringLiteral("FLORES, Ana"));
    QTest::keyClick(dialog.responsableField(), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.movement().items.size(), 2);
    QCOMPARE(m_movements->list(m_jefe, true).size(), 1);
    // Nothing changed yet.
    QCOMPARE(m_fixture->assets().findByCode(QStringLiteral("740899500001"))->responsable,
             QStringLiteral("MAMANI QUISPE, Rosa"));
}

void TestMovementsPage::jefeApprovesFromTheKeyboard()
{
    const QString approvedLater = propose(QStringLiteral("740899500001"));
    propose(QStringLiteral("740899500002"));
    QString error;
    QVERIFY(m_movements->reject(m_jefe,
                                propose(QStringLiteral("740899500003")),
                                QStringLiteral("No"),
                                &error));

    MovementsPage page(*m_movements, m_fixture->assets(), m_jefe);
    QAbstractItemModelTester tester(page.proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("acta.pdf"));
    page.setActaPathChooser([pdf] { return pdf; });
    page.resize(1100, 600);
    page.show();
    QApplication::setActiveWindow(&page);
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QCOMPARE(page.proxy()->rowCount(), 3);

    QTest::keyClick(&page, Qt::Key_O, Qt::AltModifier); // &Only pending proposals
    QTRY_COMPARE(page.proxy()->rowCount(), 2);
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_End, Qt::ControlModifier); // oldest pending: last row
    QCOMPARE(page.view()->currentIndex().data(MovementTableModel::IdRole).toString(), approvedLater);
    QVERIFY(page.approveButton()->isEnabled());
    QTest::keyClick(&page, Qt::Key_A, Qt::AltModifier); // &Approve
    QTRY_COMPARE(m_movements->list(m_jefe, true).size(), 1);
    QCOMPARE(m_fixture->assets().findByCode(QStringLiteral("740899500001"))->responsable,
             QStringLiteral("FLORES, Ana"));
    QVERIFY(page.message()->text().contains(QStringLiteral("AS-")));

    // The acta of the approved one.
    QTest::keyClick(&page, Qt::Key_O, Qt::AltModifier); // show all again
    QTRY_COMPARE(page.proxy()->rowCount(), 3);
    const int row = page.model()->rowOfId(approvedLater);
    page.view()->setCurrentIndex(page.proxy()->mapFromSource(page.model()->index(row, 0)));
    QTest::keyClick(&page, Qt::Key_T, Qt::AltModifier); // Ac&ta PDF
    QTRY_VERIFY(QFile::exists(pdf));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");
}

void TestMovementsPage::jefeRejectsWithAReason()
{
    const QString id = propose(QStringLiteral("740899500002"));
    MovementsPage page(*m_movements, m_fixture->assets(), m_jefe);
    page.setReasonAsker([] { return QStringLiteral("El bien está en mantenimiento"); });
    page.show();
    page.view()->setCurrentIndex(page.proxy()->index(0, 0));
    QVERIFY(page.rejectSelected());
    const auto m = m_movements->find(m_jefe, id);
    QCOMPARE(m->status, MovementStatus::Rechazado);
    QCOMPARE(m->decisionReason, QStringLiteral("El bien está en mantenimiento"));
    QCOMPARE(m_fixture->assets().findByCode(QStringLiteral("740899500002"))->responsable,
             QStringLiteral("MAMANI QUISPE, Rosa"));
}

void TestMovementsPage::inventariadorSeesNoApproveButton()
{
    propose(QStringLiteral("740899500001"));
    MovementsPage page(*m_movements, m_fixture->assets(), m_inventariador);
    page.show();
    QVERIFY(!page.approveButton()->isVisible());
    page.view()->setCurrentIndex(page.proxy()->index(0, 0));
    // Even when called, the repository refuses.
    QVERIFY(!page.approveSelected());
    QVERIFY(page.message()->text().contains(QStringLiteral("patrimonio.approve")));
}

QTEST_MAIN(TestMovementsPage)
#include "tst_movementspage.moc"
