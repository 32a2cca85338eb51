#include "ImportProblemModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace tambo::patrimonio;

class TestImportProblemModel : public QObject
{
    Q_OBJECT

private slots:
    void sortsRowsAsNumbers();
};

void TestImportProblemModel::sortsRowsAsNumbers()
{
    ImportProblemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ImportProblemModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    using R = ImportProblem::Reason;
    model.setProblems(
        {{100, QStringLiteral("1"), QStringLiteral("codigo"), R::BadCode, QStringLiteral("a")},
         {9, QStringLiteral("2"), QStringLiteral("valor"), R::BadNumber, QStringLiteral("b")},
         {10, QStringLiteral("3"), QString(), R::MissingField, QStringLiteral("c")}});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(ImportProblemModel::ColumnCount));
    QVERIFY(!model.index(1, ImportProblemModel::Field).data().toString().isEmpty());
    QCOMPARE(model.index(1, ImportProblemModel::Message).data().toString(), QStringLiteral("b"));
    QCOMPARE(model.index(0, 0).data(ImportProblemModel::ReasonRole).toInt(), int(R::BadCode));
    proxy.sort(ImportProblemModel::Row, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toInt(), 9);
    QCOMPARE(proxy.index(1, 0).data().toInt(), 10);
    QCOMPARE(proxy.index(2, 0).data().toInt(), 100);
    model.setProblems({});
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestImportProblemModel)
#include "tst_importproblemmodel.moc"
