#include "SyncConflictTableModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using tambo::core::LocalSyncStore;
using tambo::shell::SyncConflictTableModel;

class TestSyncConflictTableModel : public QObject
{
    Q_OBJECT

private slots:
    void listsConflictsThenRejections()
    {
        SyncConflictTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(SyncConflictTableModel::ColumnCount));
        LocalSyncStore::Conflict field;
        field.id = 4;
        field.seq = 9;
        field.kind = "field";
        field.table = "patrimonio_assets";
        field.rowId = "a3";
        field.field = "estado";
        field.serverValue = "\"R\"";
        field.clientValue = "\"M\"";
        field.recordedAt = QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
        LocalSyncStore::Conflict editDelete = field;
        editDelete.id = 5;
        editDelete.kind = "edit_delete";
        editDelete.field.clear();
        editDelete.serverValue = "null";
        editDelete.clientValue = "{\"id\":\"a4\",\"qty\":3}";
        LocalSyncStore::Rejected rejected;
        rejected.seq = 7;
        rejected.table = "patrimonio_assets";
        rejected.rowId = "a2";
        rejected.op = "insert";
        rejected.reason = "out_of_scope";
        rejected.message = "No puede registrar datos de la sede «norte».";
        rejected.data = "{\"id\":\"a2\",\"sede_id\":\"norte\"}";
        LocalSyncStore::Rejected update = rejected;
        update.seq = 8;
        update.op = "update";
        update.data = "{\"id\":\"a2\",\"sede_id\":\"norte\",\"observaciones\":\"rayado\"}";
        update.changed = "[\"observaciones\"]";
        model.setItems({field, editDelete}, {rejected, update});

        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.conflictCount(), 2);
        QCOMPARE(model.rejectedCount(), 2);
        const auto text = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(text(0, SyncConflictTableModel::Field), QStringLiteral("estado"));
        QCOMPARE(text(0, SyncConflictTableModel::ServerValue), QStringLiteral("R"));
        QCOMPARE(text(0, SyncConflictTableModel::LocalValue), QStringLiteral("M"));
        QVERIFY(!text(0, SyncConflictTableModel::Recorded).isEmpty());
        QCOMPARE(text(1, SyncConflictTableModel::ServerValue), QStringLiteral("(deleted)"));
        QCOMPARE(text(2, SyncConflictTableModel::Record), QStringLiteral("a2"));
        QCOMPARE(text(2, SyncConflictTableModel::ServerValue), rejected.message);
        QCOMPARE(text(2, SyncConflictTableModel::LocalValue),
                 QStringLiteral("id: a2; sede_id: norte"));

        QVERIFY(model.itemAt(0).conflict);
        QCOMPARE(model.itemAt(1).id, qint64(5));
        QVERIFY(!model.itemAt(2).conflict);
        QCOMPARE(model.itemAt(2).id, qint64(7));
        QVERIFY(!model.itemAt(4).isValid());
        // A rejected update shows what it changed; the details add the whole row.
        QCOMPARE(text(3, SyncConflictTableModel::LocalValue),
                 QStringLiteral("observaciones: rayado"));
        QVERIFY(model.details(3).contains("observaciones: rayado"));
        QVERIFY(model.details(3).contains("sede_id: norte"));
        QCOMPARE(model.rowOf({false, 7}), 2);
        QCOMPARE(model.rowOf({true, 7}), -1);
        QVERIFY(model.conflictAt(1) && !model.rejectedAt(1));
        QVERIFY(model.rejectedAt(2) && !model.conflictAt(2));

        QVERIFY(model.details(0).contains("R"));
        QVERIFY(model.details(1).contains("qty: 3"));
        QVERIFY(model.details(2).contains("out_of_scope"));
        QVERIFY(model.details(9).isEmpty());
        // Sorting by date uses the date itself.
        QCOMPARE(model.index(0, SyncConflictTableModel::Recorded)
                     .data(SyncConflictTableModel::SortRole)
                     .toDateTime(),
                 field.recordedAt);
    }

    void displayValues()
    {
        QCOMPARE(SyncConflictTableModel::displayValue("\"Pérez\""), QStringLiteral("Pérez"));
        QCOMPARE(SyncConflictTableModel::displayValue("12"), QStringLiteral("12"));
        QCOMPARE(SyncConflictTableModel::displayValue("1.5"), QStringLiteral("1.5"));
        QCOMPARE(SyncConflictTableModel::displayValue("null"), QStringLiteral("(empty)"));
        QCOMPARE(SyncConflictTableModel::displayValue(""), QStringLiteral("(empty)"));
    }
};

QTEST_MAIN(TestSyncConflictTableModel)
#include "tst_syncconflicttablemodel.moc"
