#include "FakeClock.h"
#include "TestModulePlugin.h"
#include "TestModuleUiPlugin.h"

#include "auth/Roles.h"
#include "auth/Session.h"
#include "module/Module.h"
#include "module/ModuleContext.h"
#include "module/ModuleManager.h"
#include "module/ServiceRegistry.h"
#include "shell/ModuleUi.h"

#include <QAction>
#include <QLabel>
#include <QTest>

Q_IMPORT_PLUGIN(TestModulePlugin)
Q_IMPORT_PLUGIN(TestModule2Plugin)
Q_IMPORT_PLUGIN(TestModuleUiPlugin)

using namespace tambo;
using namespace tambo::core;

// What the shell does with a page descriptor: find the module, ask its ModuleUi for the widget.
class TestModuleUi : public QObject
{
    Q_OBJECT

private slots:
    void shellCreatesPagesThroughModuleUi();
    void actionsCarryTheirPermission();
};

namespace {

Session adminSession()
{
    Session session;
    session.userId = 1;
    session.username = QStringLiteral("admin");
    session.fullName = QStringLiteral("Ana");
    session.roleId = QString::fromLatin1(Roles::AdminOtic);
    session.permissions = {QString::fromLatin1(testmodule::TestModulePlugin::ViewPermission)};
    return session;
}

} // namespace

void TestModuleUi::shellCreatesPagesThroughModuleUi()
{
    ServiceRegistry services;
    test::FakeClock clock;
    ModuleContext context(services, clock);
    ModuleManager manager;
    manager.addStaticPlugins();
    QVERIFY(manager.initializeAll(context));
    QVERIFY2(manager.errors().isEmpty(), qPrintable(manager.errors().join(u'\n')));

    const Session session = adminSession();
    const QList<PageDescriptor> pages = manager.pagesFor(session);
    QCOMPARE(pages.size(), 2);
    QCOMPARE(pages.at(0).id, QStringLiteral("testmoduleui.hello")); // order 10 before 900
    QCOMPARE(pages.at(1).id, QStringLiteral("testmodule.overview"));

    QWidget window;
    const shell::PageContext pageContext{session, context};
    auto *ui = dynamic_cast<QObject *>(manager.module(pages.at(0).moduleId));
    QVERIFY(ui);
    ModuleUi *moduleUi = qobject_cast<ModuleUi *>(ui);
    QVERIFY(moduleUi);
    QWidget *page = moduleUi->createPage(pages.at(0).id, pageContext, &window);
    auto *label = qobject_cast<QLabel *>(page);
    QVERIFY(label);
    QCOMPARE(label->parent(), &window);
    QCOMPARE(label->text(), QStringLiteral("Hola, Ana!")); // testmodule's service + testmodule2's
    QCOMPARE(moduleUi->createPage(QStringLiteral("testmoduleui.unknown"), pageContext, &window),
             nullptr);

    // A core-only module has no widget half: the shell must check.
    auto *coreOnly = dynamic_cast<QObject *>(manager.module(pages.at(1).moduleId));
    QVERIFY(coreOnly);
    QCOMPARE(qobject_cast<ModuleUi *>(coreOnly), nullptr);
}

void TestModuleUi::actionsCarryTheirPermission()
{
    ServiceRegistry services;
    test::FakeClock clock;
    ModuleContext context(services, clock);
    ModuleManager manager;
    manager.addStaticPlugins();
    QVERIFY(manager.initializeAll(context));
    auto *moduleUi = qobject_cast<ModuleUi *>(
        dynamic_cast<QObject *>(manager.module(QStringLiteral("testmoduleui"))));
    QVERIFY(moduleUi);

    QObject owner;
    const Session session = adminSession();
    const QList<QAction *> actions = moduleUi->actions({session, context}, &owner);
    QCOMPARE(actions.size(), 1);
    QCOMPARE(actions.at(0)->parent(), &owner);
    const QAction *action = actions.at(0);
    const QString permission = action->property(shell::RequiredPermissionProperty).toString();
    QCOMPARE(permission, QStringLiteral("testmodule.view"));
    QVERIFY(session.can(permission));
}

QTEST_MAIN(TestModuleUi)
#include "tst_moduleui.moc"
