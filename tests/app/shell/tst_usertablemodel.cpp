#include "UserTableModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using tambo::core::UserInfo;
using tambo::shell::UserTableModel;

namespace {
UserInfo user(qint64 id, const QString &username, const QString &fullName)
{
    UserInfo u;
    u.id = id;
    u.username = username;
    u.fullName = fullName;
    u.roleId = QStringLiteral("mesa_partes");
    u.roleTitle = QStringLiteral("Mesa de partes");
    return u;
}
} // namespace

class TestUserTableModel : public QObject
{
    Q_OBJECT

private slots:
    void modelTester();
    void columnsAndHeaders();
    void status();
    void typedAccessors();
    void sedeNames();
};

void TestUserTableModel::modelTester()
{
    UserTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUsers({user(1, "admin", "Administrador OTIC"), user(2, "mesa", "Rosa Quispe")});
    model.setUsers({});
    model.setUsers({user(3, "jperez", "Juan Pérez")});
    model.setSedeNames({{QStringLiteral("S01"), QStringLiteral("Palacio")}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(UserTableModel::ColumnCount));
}

void TestUserTableModel::columnsAndHeaders()
{
    UserTableModel model;
    model.setUsers({user(1, "admin", "Administrador OTIC")});
    QCOMPARE(model.headerData(UserTableModel::Username, Qt::Horizontal).toString(),
             QStringLiteral("Username"));
    QCOMPARE(model.headerData(UserTableModel::Status, Qt::Horizontal).toString(),
             QStringLiteral("Status"));
    QCOMPARE(model.index(0, UserTableModel::Username).data().toString(), QStringLiteral("admin"));
    QCOMPARE(model.index(0, UserTableModel::FullName).data().toString(),
             QStringLiteral("Administrador OTIC"));
    QCOMPARE(model.index(0, UserTableModel::Role).data().toString(),
             QStringLiteral("Mesa de partes"));
    QCOMPARE(model.index(0, UserTableModel::Sede).data().toString(), QStringLiteral("(all)"));
    QCOMPARE(model.index(0, UserTableModel::Status).data().toString(), QStringLiteral("Active"));
    QCOMPARE(model.index(0, 0).data(UserTableModel::UserIdRole).toLongLong(), 1);
}

void TestUserTableModel::status()
{
    const QDateTime now(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    UserInfo disabled = user(1, "a", "A");
    disabled.disabled = true;
    UserInfo lockedOut = user(2, "b", "B");
    lockedOut.lockedUntil = now.addSecs(15 * 60);
    lockedOut.failedAttempts = 5;
    UserInfo lockPassed = user(3, "c", "C");
    lockPassed.lockedUntil = now.addSecs(-60);

    UserTableModel model;
    model.setNow(now);
    model.setUsers({disabled, lockedOut, lockPassed});
    QCOMPARE(model.index(0, UserTableModel::Status).data().toString(),
             QStringLiteral("Locked by an administrator"));
    QVERIFY(model.index(1, UserTableModel::Status)
                .data()
                .toString()
                .startsWith(QStringLiteral("Locked until ")));
    QCOMPARE(model.index(1, UserTableModel::Status).data(Qt::ToolTipRole).toString(),
             QStringLiteral("5 failed login attempt(s)"));
    QCOMPARE(model.index(2, UserTableModel::Status).data().toString(), QStringLiteral("Active"));
    QVERIFY(model.index(0, 0).data(UserTableModel::LockedRole).toBool());
    QVERIFY(model.index(1, 0).data(UserTableModel::LockedRole).toBool());
    QVERIFY(!model.index(2, 0).data(UserTableModel::LockedRole).toBool());
    QVERIFY(!model.index(0, UserTableModel::Status).data(Qt::DecorationRole).isNull());
}

void TestUserTableModel::typedAccessors()
{
    UserTableModel model;
    model.setUsers({user(1, "admin", "A"), user(2, "Mesa", "B")});
    QCOMPARE(model.userAt(1).username, QStringLiteral("Mesa"));
    QCOMPARE(model.userAt(7).id, 0);
    QCOMPARE(model.userFromIndex(model.index(0, 3)).username, QStringLiteral("admin"));
    QCOMPARE(model.userFromIndex(QModelIndex()).id, 0);
    QCOMPARE(model.rowOf(QStringLiteral("mesa")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("nadie")), -1);
}

void TestUserTableModel::sedeNames()
{
    UserInfo u = user(1, "a", "A");
    u.sedeId = QStringLiteral("S01");
    UserTableModel model;
    model.setUsers({u});
    QCOMPARE(model.index(0, UserTableModel::Sede).data().toString(), QStringLiteral("S01"));
    model.setSedeNames({{QStringLiteral("S01"), QStringLiteral("Palacio Municipal")}});
    QCOMPARE(model.index(0, UserTableModel::Sede).data().toString(),
             QStringLiteral("Palacio Municipal"));
}

QTEST_MAIN(TestUserTableModel)
#include "tst_usertablemodel.moc"
