#include "NavigationModel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QtTest>

using tambo::core::PageDescriptor;
using tambo::shell::NavigationModel;

namespace {
PageDescriptor page(const QString &id, const QString &title, int order)
{
    PageDescriptor p;
    p.id = id;
    p.title = title;
    p.order = order;
    p.requiredPermission = QStringLiteral("x.view");
    p.moduleId = id.section(QLatin1Char('.'), 0, 0);
    return p;
}
} // namespace

class TestNavigationModel : public QObject
{
    Q_OBJECT

private slots:
    void sortedByOrder();
    void roles();
    void shortcuts();
};

void TestNavigationModel::sortedByOrder()
{
    NavigationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPages({page("b.one", "B", 20), page("a.one", "A", 10), page("c.one", "C", 20)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.page(0).id, QStringLiteral("a.one"));
    QCOMPARE(model.page(1).id, QStringLiteral("b.one")); // stable for equal order
    QCOMPARE(model.page(2).id, QStringLiteral("c.one"));
    QCOMPARE(model.rowOf(QStringLiteral("c.one")), 2);
    QCOMPARE(model.rowOf(QStringLiteral("none")), -1);
    QCOMPARE(model.page(9).id, QString());
}

void TestNavigationModel::roles()
{
    NavigationModel model;
    PageDescriptor withIcon = page("home.main", "Inicio", 0);
    withIcon.iconName = QStringLiteral(":/tambo/icons/home.svg");
    model.setPages({withIcon, page("x.other", "Otra", 5)});
    const QModelIndex first = model.index(0);
    QCOMPARE(first.data().toString(), QStringLiteral("Inicio"));
    QCOMPARE(first.data(NavigationModel::PageIdRole).toString(), QStringLiteral("home.main"));
    QCOMPARE(first.data(NavigationModel::ModuleIdRole).toString(), QStringLiteral("home"));
    QCOMPARE(first.data(NavigationModel::PermissionRole).toString(), QStringLiteral("x.view"));
    QVERIFY(!first.data(Qt::DecorationRole).value<QIcon>().isNull());
    // A page without an icon gets the generic module icon.
    QVERIFY(!model.index(1).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Inicio")));
    QVERIFY(model.roleNames().values().contains("pageId"));
}

void TestNavigationModel::shortcuts()
{
    NavigationModel model;
    QList<PageDescriptor> pages;
    for (int i = 0; i < 11; ++i)
        pages << page(QStringLiteral("m.p%1").arg(i), QStringLiteral("P%1").arg(i), i);
    model.setPages(pages);
    QCOMPARE(model.index(0).data(NavigationModel::ShortcutRole).toString(),
             QKeySequence(Qt::CTRL | Qt::Key_1).toString(QKeySequence::NativeText));
    QCOMPARE(model.index(8).data(NavigationModel::ShortcutRole).toString(),
             QKeySequence(Qt::CTRL | Qt::Key_9).toString(QKeySequence::NativeText));
    QCOMPARE(model.index(9).data(NavigationModel::ShortcutRole).toString(), QString());
}

QTEST_MAIN(TestNavigationModel)
#include "tst_navigationmodel.moc"
