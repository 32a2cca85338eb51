#include "UserFilterProxyModel.h"
#include "UserTableModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QtTest>

using tambo::core::UserInfo;
using tambo::shell::UserFilterProxyModel;
using tambo::shell::UserTableModel;

namespace {
UserInfo user(qint64 id, const QString &username, const QString &fullName, const QString &role)
{
    UserInfo u;
    u.id = id;
    u.username = username;
    u.fullName = fullName;
    u.roleId = role;
    u.roleTitle = role;
    return u;
}

QStringList column(const QAbstractItemModel &model, int col)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, col).data().toString();
    return out;
}
} // namespace

class TestUserFilterProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void collatedSort();
    void filterIgnoresCaseAndAccents_data();
    void filterIgnoresCaseAndAccents();
    void folded();

private:
    UserTableModel m_model;
};

void TestUserFilterProxyModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Peru));
    m_model.setUsers({
        user(1, "zavala", "Óscar Zavala", "Soporte"),
        user(2, "nunez", "Ñique Torres", "Gerencia"),
        user(3, "perez", "Juan Pérez", "Mesa de partes"),
        user(4, "user10", "Usuario 10", "Patrimonio"),
        user(5, "user9", "Usuario 9", "Patrimonio"),
        user(6, "alvarez", "Ángela Álvarez", "Comité PGD"),
        user(7, "nora", "Nora Nina", "Mesa de partes"),
    });
}

void TestUserFilterProxyModel::collatedSort()
{
    UserFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&m_model);
    proxy.sort(UserTableModel::FullName, Qt::AscendingOrder);
    // Accented capitals sort with their letter, Ñ after N, numbers naturally.
    QCOMPARE(column(proxy, UserTableModel::FullName),
             QStringList({"Ángela Álvarez",
                          "Juan Pérez",
                          "Nora Nina",
                          "Ñique Torres",
                          "Óscar Zavala",
                          "Usuario 9",
                          "Usuario 10"}));
    proxy.sort(UserTableModel::Username, Qt::DescendingOrder);
    QCOMPARE(column(proxy, UserTableModel::Username).first(), QStringLiteral("zavala"));
}

void TestUserFilterProxyModel::filterIgnoresCaseAndAccents_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("usernames");
    QTest::newRow("empty") << ""
                           << QStringList(
                                  {"alvarez", "nora", "nunez", "perez", "user9", "user10", "zavala"});
    QTest::newRow("no accent finds accent") << "perez" << QStringList({"perez"});
    QTest::newRow("accent finds accent") << "PÉREZ" << QStringList({"perez"});
    QTest::newRow("role") << "mesa de" << QStringList({"nora", "perez"});
    QTest::newRow("tilde n") << "ñique" << QStringList({"nunez"});
    QTest::newRow("nothing") << "xyz" << QStringList();
}

void TestUserFilterProxyModel::filterIgnoresCaseAndAccents()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, usernames);
    UserFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&m_model);
    proxy.sort(UserTableModel::Username);
    proxy.setFilterText(filter);
    QCOMPARE(column(proxy, UserTableModel::Username), usernames);
}

void TestUserFilterProxyModel::folded()
{
    QCOMPARE(UserFilterProxyModel::folded(QStringLiteral("Ángela PÉREZ")),
             QStringLiteral("angela perez"));
    // ñ keeps its own letter after folding the tilde away would be wrong for sorting, but the
    // filter is deliberately lenient: "nunez" finds "Núñez".
    QCOMPARE(UserFilterProxyModel::folded(QStringLiteral("Núñez")), QStringLiteral("nunez"));
}

QTEST_MAIN(TestUserFilterProxyModel)
#include "tst_userfilterproxymodel.moc"
