#include "SyncReviewModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using tambo::core::LocalSyncStore;
using tambo::shell::SyncReviewModel;

class TestSyncReviewModel : public QObject
{
    Q_OBJECT

private slots:
    void listsRejectionsThenConflicts()
    {
        SyncReviewModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(SyncReviewModel::ColumnCount));
        model.setItems({{7,
                         "patrimonio_assets",
                         "a2",
                         "insert",
                         "out_of_scope",
                         "No puede registrar datos de la sede «norte»."}},
                       {{1, 9, "field", "patrimonio_assets", "a3", "estado", "\"R\"", "\"M\"", {}},
                        {2, 10, "edit_delete", "patrimonio_assets", "a4", {}, "null", "{}", {}}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rejectedCount(), 1);
        QCOMPARE(model.conflictCount(), 2);
        const auto text = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(text(0, SyncReviewModel::Kind), QStringLiteral("Rejected"));
        QCOMPARE(text(0, SyncReviewModel::Row), QStringLiteral("a2"));
        QVERIFY(text(0, SyncReviewModel::Detail).contains(QStringLiteral("norte")));
        QCOMPARE(text(1, SyncReviewModel::Kind), QStringLiteral("Conflict"));
        QCOMPARE(text(1, SyncReviewModel::Detail),
                 QStringLiteral("estado: the server kept \"R\"; this PC had \"M\""));
        QCOMPARE(text(2, SyncReviewModel::Kind), QStringLiteral("Edit against delete"));
        QCOMPARE(model.headerData(SyncReviewModel::Detail, Qt::Horizontal).toString(),
                 QStringLiteral("Detail"));
        model.setItems({}, {});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestSyncReviewModel)
#include "tst_syncreviewmodel.moc"
