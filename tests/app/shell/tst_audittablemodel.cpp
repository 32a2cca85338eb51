#include "AuditTableModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using tambo::core::AuditLog;
using tambo::shell::AuditTableModel;

namespace {
AuditLog::Row row(qint64 seq, const QString &action)
{
    AuditLog::Row r;
    r.seq = seq;
    r.at = QStringLiteral("2026-03-02T14:05:00.000Z");
    r.actor = QStringLiteral("admin");
    r.device = QStringLiteral("0f3c2a1b-aaaa-bbbb-cccc-000000000000");
    r.entity = QStringLiteral("user");
    r.entityId = QStringLiteral("mesa");
    r.action = action;
    r.afterJson = QStringLiteral("{\"disabled\":true}");
    return r;
}
} // namespace

class TestAuditTableModel : public QObject
{
    Q_OBJECT

private slots:
    void modelTester();
    void display();
    void badRow();
};

void TestAuditTableModel::modelTester()
{
    AuditTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({row(2, "lock"), row(1, "create")});
    model.setBadSeq(1);
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(AuditTableModel::ColumnCount));
}

void TestAuditTableModel::display()
{
    AuditTableModel model;
    model.setRows({row(2, "lock"), row(1, "login.failed"), row(3, "module.custom")});
    QCOMPARE(model.index(0, AuditTableModel::Seq).data().toLongLong(), 2);
    QCOMPARE(model.index(0, AuditTableModel::Actor).data().toString(), QStringLiteral("admin"));
    QCOMPARE(model.index(0, AuditTableModel::Action).data().toString(),
             QStringLiteral("account locked"));
    QCOMPARE(model.index(1, AuditTableModel::Action).data().toString(),
             QStringLiteral("failed login"));
    QCOMPARE(model.index(2, AuditTableModel::Action).data().toString(),
             QStringLiteral("module.custom")); // unknown actions show as they are
    QCOMPARE(model.index(0, AuditTableModel::Entity).data().toString(), QStringLiteral("user mesa"));
    QCOMPARE(model.index(0, AuditTableModel::Device).data().toString(), QStringLiteral("0f3c2a1b"));
    QVERIFY(model.index(0, AuditTableModel::At).data().toString().contains(QStringLiteral("2026")));
    QVERIFY(model.index(0, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("{\"disabled\":true}")));
    QCOMPARE(model.rowOfSeq(3), 2);
    QCOMPARE(model.rowAt(1).action, QStringLiteral("login.failed"));
}

void TestAuditTableModel::badRow()
{
    AuditTableModel model;
    model.setRows({row(2, "lock"), row(1, "create")});
    QVERIFY(model.index(1, 0).data(Qt::BackgroundRole).isNull());
    model.setBadSeq(1);
    QVERIFY(!model.index(1, 0).data(Qt::BackgroundRole).isNull());
    QVERIFY(model.index(0, 0).data(Qt::BackgroundRole).isNull());
}

QTEST_MAIN(TestAuditTableModel)
#include "tst_audittablemodel.moc"
