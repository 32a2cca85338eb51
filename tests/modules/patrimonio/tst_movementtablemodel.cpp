#include "PatrimonioFixture.h"

#include "MovementRepository.h"
#include "MovementTableModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::PatrimonioFixture;

class TestMovementTableModel : public QObject
{
    Q_OBJECT

private slots:
    void showsMovementsAndFiltersPending();
};

void TestMovementTableModel::showsMovementsAndFiltersPending()
{
    PatrimonioFixture fixture;
    QVERIFY2(fixture.setupError().isEmpty(), qPrintable(fixture.setupError()));
    QVERIFY(fixture.addCpus(4));
    MovementRepository repo(core::databaseProviderOf(fixture.temp().store()),
                            fixture.clock(),
                            fixture.audit());
    QString error;
    QStringList ids;
    for (int i = 1; i <= 3; ++i) {
        Movement m;
        m.kind = MovementKind::Asignacion;
        m.toResponsable = QStringLiteral("FLORES, Ana");
        QVERIFY2(repo.propose(PatrimonioFixture::inventariador(),
                              &m,
                              {QStringLiteral("74089950000%1").arg(i)},
                              &error),
                 qPrintable(error));
        ids << m.id;
        fixture.clock().advanceMinutes(5);
    }
    QVERIFY(repo.approve(PatrimonioFixture::jefe(), ids.at(0), nullptr, &error));
    QVERIFY(repo.reject(PatrimonioFixture::jefe(), ids.at(1), QStringLiteral("No"), &error));

    MovementTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlaceNames({{QStringLiteral("palacio"), QStringLiteral("Palacio Municipal")}}, {});
    model.setMovements(repo.list(PatrimonioFixture::jefe()));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(MovementTableModel::ColumnCount));
    // Newest first.
    QCOMPARE(model.index(0, 0).data(MovementTableModel::IdRole).toString(), ids.at(2));
    QCOMPARE(model.index(0, MovementTableModel::Status).data().toString(),
             MovementRepository::statusTitle(MovementStatus::Pendiente));
    const int approvedRow = model.rowOfId(ids.at(0));
    QVERIFY(model.index(approvedRow, MovementTableModel::Acta)
                .data()
                .toString()
                .startsWith(QStringLiteral("AS-")));
    QVERIFY(model.index(approvedRow, MovementTableModel::From)
                .data()
                .toString()
                .contains(QStringLiteral("Palacio Municipal")));
    QCOMPARE(model.index(model.rowOfId(ids.at(1)), MovementTableModel::Status)
                 .data(Qt::ToolTipRole)
                 .toString(),
             QStringLiteral("No"));

    proxy.setFilterRole(MovementTableModel::StatusKeyRole);
    proxy.setFilterKeyColumn(MovementTableModel::Status);
    proxy.setFilterFixedString(QStringLiteral("pendiente"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterFixedString(QString());
    proxy.setSortRole(MovementTableModel::SortRole);
    proxy.sort(MovementTableModel::ProposedAt, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data(MovementTableModel::IdRole).toString(), ids.at(0));
    model.setMovements({});
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestMovementTableModel)
#include "tst_movementtablemodel.moc"
