#include "FakeClock.h"
#include "IGreeter.h"
#include "TestModule2Plugin.h"
#include "TestModulePlugin.h"
#include "TestProbe.h"

#include "auth/Roles.h"
#include "auth/Session.h"
#include "module/Module.h"
#include "module/ModuleContext.h"
#include "module/ModuleManager.h"
#include "module/ServiceRegistry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPluginLoader>
#include <QPointer>
#include <QTest>

// The test plugins from tests/testmodule: two modules and a plugin of another kind.
Q_IMPORT_PLUGIN(TestModulePlugin)
Q_IMPORT_PLUGIN(TestModule2Plugin)
Q_IMPORT_PLUGIN(ForeignPlugin)

using namespace tambo;
using namespace tambo::core;
using tambo::testmodule::IGreeter;
using tambo::testmodule::TestProbe;
using State = ModuleManager::State;

namespace {

const QString TestModuleClass = QStringLiteral("tambo::testmodule::TestModulePlugin");
const QString TestModule2Class = QStringLiteral("tambo::testmodule::TestModule2Plugin");
const QString ForeignClass = QStringLiteral("tambo::testmodule::ForeignPlugin");

// A module made by the test, for the cases the real plugins cannot show.
class FakeModule : public QObject, public tambo::Module
{
    Q_OBJECT
    Q_INTERFACES(tambo::Module)

public:
    explicit FakeModule(const QString &id, QObject *parent = nullptr)
        : QObject(parent)
        , m_id(id)
    {}

    void setFailure(const QString &error) { m_failure = error; }
    void setPages(const QList<PageDescriptor> &pages) { m_pages = pages; }
    QObject *service() { return &m_service; }

    QString id() const override { return m_id; }
    QString title() const override { return m_id; }
    QList<PageDescriptor> pages() const override { return m_pages; }

    bool initialize(ModuleContext &ctx, QString *error) override
    {
        TestProbe::record(m_id + QLatin1String(".initialize"));
        ctx.services().addObject(&m_service);
        if (!m_failure.isEmpty()) {
            *error = m_failure;
            return false;
        }
        return true;
    }
    void extensionsInitialized(ModuleContext &) override
    {
        TestProbe::record(m_id + QLatin1String(".extensionsInitialized"));
    }
    void aboutToShutdown() override { TestProbe::record(m_id + QLatin1String(".aboutToShutdown")); }

private:
    QString m_id;
    QString m_failure;
    QList<PageDescriptor> m_pages;
    QObject m_service;
};

QJsonObject moduleMetaData(const QString &id, const QStringList &dependencies = {})
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("version"), QStringLiteral("1.0.0")},
            {QStringLiteral("requires"), QJsonArray::fromStringList(dependencies)}};
}

QJsonObject pluginMetaData(const QString &iid,
                           const QJsonObject &metaData,
                           const QString &className = QStringLiteral("SomePlugin"))
{
    return {{QStringLiteral("IID"), iid},
            {QStringLiteral("className"), className},
            {QStringLiteral("MetaData"), metaData}};
}

QStringList idsOf(const QList<Module *> &modules)
{
    QStringList ids;
    for (const Module *module : modules)
        ids.append(module->id());
    return ids;
}

QStringList idsOf(const QList<ModuleManager::Spec> &specs)
{
    QStringList ids;
    for (const ModuleManager::Spec &spec : specs)
        ids.append(spec.id);
    return ids;
}

ModuleManager::Spec specOf(const ModuleManager &manager, const QString &id)
{
    const QList<ModuleManager::Spec> specs = manager.specs();
    for (const ModuleManager::Spec &spec : specs) {
        if (spec.id == id)
            return spec;
    }
    return {};
}

// What RoleCatalog will do: a role holds the permissions that name it as a default role.
Session sessionFor(const QString &roleId, const QList<PermissionDef> &permissions)
{
    Session session;
    session.userId = 7;
    session.username = QStringLiteral("ana");
    session.fullName = QStringLiteral("Ana Pérez");
    session.roleId = roleId;
    for (const PermissionDef &permission : permissions) {
        if (permission.defaultRoles.contains(roleId))
            session.permissions.insert(permission.id);
    }
    return session;
}

bool anyContains(const QStringList &messages, const QStringList &parts)
{
    return std::any_of(messages.cbegin(), messages.cend(), [&parts](const QString &message) {
        return std::all_of(parts.cbegin(), parts.cend(), [&message](const QString &part) {
            return message.contains(part);
        });
    });
}

} // namespace

class TestModuleManager : public QObject
{
    Q_OBJECT

private slots:
    void init() { TestProbe::reset(); }

    void testPluginsAreLinkedStatically();
    void discoveryReadsMetadataBeforeCreatingAnything();
    void loadOrdersModulesByRequirements();
    void initializationRunsInTwoSteps();
    void declarationsAreAvailableBeforeInitialize();
    void pagesFor_data();
    void pagesFor();
    void pagesAreOrderedAndNeedAPermission();
    void duplicateIdIsReported();
    void missingRequirementIsReportedWithoutCreatingTheModule();
    void requirementCycleIsReported();
    void failingInitializeDisablesTheModuleAndItsDependents();
    void failingInitializeOfAnInjectedModule();
    void otherInterfaceVersionsAndOtherPluginsAreNotCreated();
    void invalidMetadataIsReported();
    void idMismatchIsReported();
    void objectThatIsNotAModuleIsReported();
    void pluginObjectsLiveAsLongAsTheManager();

    void cleanupTestCase();
};

void TestModuleManager::testPluginsAreLinkedStatically()
{
    QStringList classes;
    const QList<QStaticPlugin> plugins = QPluginLoader::staticPlugins();
    for (const QStaticPlugin &plugin : plugins)
        classes.append(plugin.metaData().value(QLatin1String("className")).toString());
    QVERIFY2(classes.contains(QLatin1String("TestModulePlugin")), qPrintable(classes.join(u',')));
    QVERIFY(classes.contains(QLatin1String("TestModule2Plugin")));
    QVERIFY(classes.contains(QLatin1String("ForeignPlugin")));
}

void TestModuleManager::discoveryReadsMetadataBeforeCreatingAnything()
{
    const int created1 = TestProbe::creations(TestModuleClass);
    const int created2 = TestProbe::creations(TestModule2Class);

    ModuleManager manager;
    manager.addStaticPlugins();

    // Everything below comes from the plugins' JSON: no plugin object exists yet.
    const QList<ModuleManager::Spec> specs = manager.specs();
    QStringList ids = idsOf(specs);
    ids.sort();
    QCOMPARE(ids, QStringList({"testmodule", "testmodule2"})); // ForeignPlugin skipped
    for (const ModuleManager::Spec &spec : specs) {
        QCOMPARE(spec.state, State::Discovered);
        QCOMPARE(spec.module, nullptr);
        QCOMPARE(spec.version, QStringLiteral("1.0.0"));
    }
    const ModuleManager::Spec spec2 = specOf(manager, QStringLiteral("testmodule2"));
    QCOMPARE(spec2.title, QStringLiteral("Test module 2"));
    QCOMPARE(spec2.className, QStringLiteral("TestModule2Plugin"));
    QCOMPARE(spec2.dependencies, QStringList{"testmodule"});
    QCOMPARE(TestProbe::creations(TestModuleClass), created1);
    QCOMPARE(TestProbe::creations(TestModule2Class), created2);
    QVERIFY(manager.modules().isEmpty());

    QVERIFY(manager.load());
    QVERIFY(manager.errors().isEmpty());
    QCOMPARE(TestProbe::creations(TestModuleClass), created1 + 1);
    QCOMPARE(TestProbe::creations(TestModule2Class), created2 + 1);
    QCOMPARE(TestProbe::creations(ForeignClass), 0);
    QCOMPARE(manager.state(QStringLiteral("testmodule")), State::Loaded);
    QVERIFY(manager.module(QStringLiteral("testmodule")));
    QCOMPARE(manager.module(QStringLiteral("testmodule"))->title(), QStringLiteral("Test module"));
    QCOMPARE(manager.module(QStringLiteral("nothere")), nullptr);
}

void TestModuleManager::loadOrdersModulesByRequirements()
{
    {
        ModuleManager manager;
        manager.addStaticPlugins();
        QVERIFY(manager.load());
        QCOMPARE(idsOf(manager.modules()), QStringList({"testmodule", "testmodule2"}));
    }
    {
        // Added in the worst order; ties are broken by id.
        FakeModule c(QStringLiteral("c")), b(QStringLiteral("b")), a(QStringLiteral("a"));
        FakeModule zeta(QStringLiteral("zeta"));
        ModuleManager manager;
        manager.addObject(&zeta, moduleMetaData(QStringLiteral("zeta")));
        manager.addObject(&c, moduleMetaData(QStringLiteral("c"), {"b", "a"}));
        manager.addObject(&b, moduleMetaData(QStringLiteral("b"), {"a"}));
        manager.addObject(&a); // no metadata: id from the object, no requirements
        QVERIFY(manager.load());
        QCOMPARE(idsOf(manager.modules()), QStringList({"a", "b", "c", "zeta"}));
        QCOMPARE(idsOf(manager.specs()), QStringList({"a", "b", "c", "zeta"}));
    }
}

void TestModuleManager::initializationRunsInTwoSteps()
{
    ServiceRegistry services;
    test::FakeClock clock;
    ModuleContext context(services, clock);
    ModuleManager manager;
    manager.addStaticPlugins();
    QVERIFY(manager.initializeAll(context));
    QVERIFY2(manager.errors().isEmpty(), qPrintable(manager.errors().join(u'\n')));

    const QStringList events = TestProbe::events();
    // initialize() in dependency order: testmodule2 already sees testmodule's IGreeter, before
    // its own extension is registered. extensionsInitialized() in reverse order: testmodule
    // then collects testmodule2's extension.
    QCOMPARE(events,
             QStringList({"testmodule.initialize",
                          "testmodule2.initialize:Hola, Tacna",
                          "testmodule2.extensionsInitialized",
                          "testmodule.extensionsInitialized:Hola, Tacna!"}));
    qsizetype lastInitialize = -1;
    qsizetype firstExtensions = events.size();
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events.at(i).contains(QLatin1String(".initialize")))
            lastInitialize = i;
        else if (events.at(i).contains(QLatin1String(".extensionsInitialized")))
            firstExtensions = std::min(firstExtensions, i);
    }
    QVERIFY(lastInitialize < firstExtensions);
    QCOMPARE(manager.state(QStringLiteral("testmodule")), State::Running);
    QCOMPARE(manager.state(QStringLiteral("testmodule2")), State::Running);

    // The service, found by interface, without including the module.
    const IGreeter *greeter = services.object<IGreeter>();
    QVERIFY(greeter);
    QCOMPARE(greeter->greet(QStringLiteral("Ana")), QStringLiteral("Hola, Ana!"));
    QCOMPARE(services.allObjects().size(), 2);

    // A second call does nothing.
    QTest::ignoreMessage(QtWarningMsg, "initializeAll: called twice; ignored");
    QVERIFY(!manager.initializeAll(context));
    QCOMPARE(TestProbe::events().size(), 4);

    manager.shutdown();
    QCOMPARE(TestProbe::events().mid(4),
             QStringList({"testmodule2.aboutToShutdown", "testmodule.aboutToShutdown"}));
    QCOMPARE(manager.state(QStringLiteral("testmodule")), State::Stopped);
    QVERIFY(services.allObjects().isEmpty());
    manager.shutdown(); // idempotent
    QCOMPARE(TestProbe::events().size(), 6);
}

void TestModuleManager::declarationsAreAvailableBeforeInitialize()
{
    ModuleManager manager;
    manager.addStaticPlugins();
    QVERIFY(manager.load()); // no initializeAll(): migrations must run before modules start

    const QList<PermissionDef> permissions = manager.allPermissions();
    QCOMPARE(permissions.size(), 2);
    QCOMPARE(permissions.at(0).id, QStringLiteral("testmodule.view"));
    QCOMPARE(permissions.at(0).defaultRoles, QStringList{QString::fromLatin1(Roles::AdminOtic)});
    QVERIFY(!permissions.at(0).title.isEmpty());
    QCOMPARE(permissions.at(1).id, QStringLiteral("testmodule2.use"));

    const QList<ModuleMigrations> migrations = manager.allMigrations();
    QCOMPARE(migrations.size(), 1); // testmodule2 has no schema
    QCOMPARE(migrations.at(0).moduleId, QStringLiteral("testmodule"));
    QCOMPARE(migrations.at(0).steps.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(migrations.at(0).steps.at(i).version, i + 1);
        QVERIFY(!migrations.at(0).steps.at(i).description.isEmpty());
        QVERIFY(migrations.at(0).steps.at(i).apply);
    }

    const QList<SyncedTable> tables = manager.allSyncedTables();
    QCOMPARE(tables.size(), 2); // core's sync_resolutions first, then the module's
    QCOMPARE(tables.at(0).table, QStringLiteral("sync_resolutions"));
    QCOMPARE(tables.at(0).kind, SyncedTable::Kind::AppendOnly);
    QCOMPARE(tables.at(1).table, QStringLiteral("testmodule_note"));
    QCOMPARE(tables.at(1).kind, SyncedTable::Kind::Mutable);
    QCOMPARE(tables.at(1).scopeColumns, QStringList{"sede_id"});
    QCOMPARE(tables.at(1).legalColumns, QStringList{"body"});
}

void TestModuleManager::pagesFor_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("loggedIn");
    QTest::addColumn<QStringList>("pages");

    QTest::newRow("administrador OTIC")
        << QString::fromLatin1(Roles::AdminOtic) << true << QStringList{"testmodule.overview"};
    QTest::newRow("mesa de partes")
        << QString::fromLatin1(Roles::MesaPartes) << true << QStringList{};
    QTest::newRow("comité PGD") << QString::fromLatin1(Roles::ComitePgd) << true << QStringList{};
    QTest::newRow("logged out, even with the permission")
        << QString::fromLatin1(Roles::AdminOtic) << false << QStringList{};
}

void TestModuleManager::pagesFor()
{
    QFETCH(QString, role);
    QFETCH(bool, loggedIn);
    QFETCH(QStringList, pages);

    ModuleManager manager;
    manager.addStaticPlugins();
    QVERIFY(manager.load());
    Session session = sessionFor(role, manager.allPermissions());
    if (!loggedIn)
        session.userId = 0;

    const QList<PageDescriptor> visible = manager.pagesFor(session);
    QStringList ids;
    for (const PageDescriptor &page : visible)
        ids.append(page.id);
    QCOMPARE(ids, pages);
    if (!visible.isEmpty()) {
        QCOMPARE(visible.at(0).moduleId, QStringLiteral("testmodule"));
        QCOMPARE(visible.at(0).title, QStringLiteral("Test overview"));
        QCOMPARE(visible.at(0).requiredPermission, QStringLiteral("testmodule.view"));
    }
}

void TestModuleManager::pagesAreOrderedAndNeedAPermission()
{
    FakeModule first(QStringLiteral("first"));
    PageDescriptor open;
    open.id = QStringLiteral("first.open");
    open.title = QStringLiteral("No permission");
    open.order = 1;
    PageDescriptor top;
    top.id = QStringLiteral("first.top");
    top.requiredPermission = QStringLiteral("testmodule.view");
    top.order = 5;
    first.setPages({open, top});

    ModuleManager manager;
    manager.addStaticPlugins();
    manager.addObject(&first);
    QVERIFY(manager.load()); // a page without permission is reported, the module still loads
    QVERIFY(anyContains(manager.errors(), {"first.open", "first", "permission"}));

    QStringList ids;
    const QList<PageDescriptor> pages = manager.pages();
    for (const PageDescriptor &page : pages)
        ids.append(page.id);
    QCOMPARE(ids, QStringList({"first.top", "testmodule.overview"})); // by order: 5, 900
    QCOMPARE(pages.at(0).moduleId, QStringLiteral("first"));

    Session everything = sessionFor(QString::fromLatin1(Roles::AdminOtic), {});
    everything.permissions = {QStringLiteral("testmodule.view"), QString()};
    QCOMPARE(manager.pagesFor(everything).size(), 2);
}

void TestModuleManager::duplicateIdIsReported()
{
    const int created1 = TestProbe::creations(TestModuleClass);
    const int created2 = TestProbe::creations(TestModule2Class);
    FakeModule impostor(QStringLiteral("testmodule"));

    ModuleManager manager;
    manager.addStaticPlugins();
    manager.addObject(&impostor);
    QVERIFY(!manager.load());

    QVERIFY2(anyContains(manager.errors(),
                         {"\"testmodule\"", "more than once", "TestModulePlugin", "FakeModule"}),
             qPrintable(manager.errors().join(u'\n')));
    QCOMPARE(manager.errors().size(), 2); // one for the duplicate, one for its dependent
    QCOMPARE(manager.module(QStringLiteral("testmodule")), nullptr);
    QCOMPARE(manager.state(QStringLiteral("testmodule")), State::Disabled);
    // Its dependents go too, and say why.
    QCOMPARE(manager.state(QStringLiteral("testmodule2")), State::Disabled);
    QVERIFY(specOf(manager, QStringLiteral("testmodule2"))
                .error.contains(QLatin1String("\"testmodule\"")));
    QVERIFY(manager.modules().isEmpty());
    // Decided from metadata alone: no plugin object was created.
    QCOMPARE(TestProbe::creations(TestModuleClass), created1);
    QCOMPARE(TestProbe::creations(TestModule2Class), created2);
}

void TestModuleManager::missingRequirementIsReportedWithoutCreatingTheModule()
{
    int factoryCalls = 0;
    ModuleManager manager;
    manager.addStaticPlugins();
    manager.addPlugin(pluginMetaData(QStringLiteral(TAMBO_MODULE_IID),
                                     moduleMetaData(QStringLiteral("orphan"),
                                                    {"testmodule", "nothere"}),
                                     QStringLiteral("OrphanPlugin")),
                      [&factoryCalls]() -> QObject * {
                          ++factoryCalls;
                          return new FakeModule(QStringLiteral("orphan"));
                      });
    QVERIFY(!manager.load());

    QCOMPARE(factoryCalls, 0);
    QCOMPARE(manager.state(QStringLiteral("orphan")), State::Disabled);
    const QString error = specOf(manager, QStringLiteral("orphan")).error;
    QVERIFY2(error.contains(QLatin1String("\"orphan\""))
                 && error.contains(QLatin1String("\"nothere\"")),
             qPrintable(error));
    QVERIFY(manager.errors().contains(error));
    // The rest still works.
    QCOMPARE(idsOf(manager.modules()), QStringList({"testmodule", "testmodule2"}));
}

void TestModuleManager::requirementCycleIsReported()
{
    FakeModule a(QStringLiteral("a")), b(QStringLiteral("b")), self(QStringLiteral("self"));
    FakeModule independent(QStringLiteral("independent"));
    ModuleManager manager;
    manager.addObject(&a, moduleMetaData(QStringLiteral("a"), {"b"}));
    manager.addObject(&b, moduleMetaData(QStringLiteral("b"), {"a"}));
    manager.addObject(&self, moduleMetaData(QStringLiteral("self"), {"self"}));
    manager.addObject(&independent);
    QVERIFY(!manager.load());
    QCOMPARE(idsOf(manager.modules()), QStringList{"independent"});
    for (const char *id : {"a", "b", "self"}) {
        QCOMPARE(manager.state(QString::fromLatin1(id)), State::Disabled);
        QVERIFY(specOf(manager, QString::fromLatin1(id)).error.contains(QLatin1String("cycle")));
    }
}

void TestModuleManager::failingInitializeDisablesTheModuleAndItsDependents()
{
    TestProbe::setFailInitialize({QStringLiteral("testmodule")});
    ServiceRegistry services;
    test::FakeClock clock;
    ModuleContext context(services, clock);
    ModuleManager manager;
    manager.addStaticPlugins();
    QVERIFY(manager.load());
    QVERIFY(!manager.initializeAll(context));

    QCOMPARE(manager.state(QStringLiteral("testmodule")), State::Disabled);
    const QString error = specOf(manager, QStringLiteral("testmodule")).error;
    QVERIFY2(error.contains(QLatin1String("\"testmodule\""))
                 && error.contains(QLatin1String("told to fail by the test")),
             qPrintable(error));
    QCOMPARE(manager.state(QStringLiteral("testmodule2")), State::Disabled);
    QVERIFY(specOf(manager, QStringLiteral("testmodule2"))
                .error.contains(QLatin1String("\"testmodule\"")));
    QCOMPARE(manager.errors().size(), 2);

    // Nothing of the failed module stays behind, and its dependent never ran.
    QCOMPARE(TestProbe::events(), QStringList{"testmodule.initialize"});
    QCOMPARE(services.object<IGreeter>(), nullptr);
    QVERIFY(manager.modules().isEmpty());
    QVERIFY(manager.allPermissions().isEmpty());
    Session admin = sessionFor(QString::fromLatin1(Roles::AdminOtic), {});
    admin.permissions.insert(QStringLiteral("testmodule.view"));
    QVERIFY(manager.pagesFor(admin).isEmpty());

    manager.shutdown(); // nothing was started: nothing to stop
    QCOMPARE(TestProbe::events().size(), 1);
}

void TestModuleManager::failingInitializeOfAnInjectedModule()
{
    FakeModule bad(QStringLiteral("bad")), good(QStringLiteral("good"));
    bad.setFailure(QStringLiteral("disk full"));
    ServiceRegistry services;
    test::FakeClock clock;
    ModuleContext context(services, clock);
    ModuleManager manager;
    manager.addObject(&bad);
    manager.addObject(&good);
    QVERIFY(!manager.initializeAll(context)); // loads first

    QVERIFY(anyContains(manager.errors(), {"\"bad\"", "disk full"}));
    QCOMPARE(idsOf(manager.modules()), QStringList{"good"});
    QVERIFY(!services.contains(bad.service()));
    QVERIFY(services.contains(good.service()));
    QCOMPARE(TestProbe::events(),
             QStringList({"bad.initialize", "good.initialize", "good.extensionsInitialized"}));
}

void TestModuleManager::otherInterfaceVersionsAndOtherPluginsAreNotCreated()
{
    int created = 0;
    auto factory = [&created]() -> QObject * {
        ++created;
        return nullptr;
    };
    ModuleManager manager;
    manager.addPlugin(pluginMetaData(QStringLiteral("pe.gob.munitacna.tambo.Module/0"),
                                     moduleMetaData(QStringLiteral("old"))),
                      factory);
    manager.addPlugin(
        pluginMetaData(QStringLiteral(
                           "org.qt-project.Qt.QPA.QPlatformIntegrationFactoryInterface.5.3"),
                       moduleMetaData(QStringLiteral("xcb"))),
        factory);
    QVERIFY(!manager.load());
    QCOMPARE(created, 0);
    QCOMPARE(idsOf(manager.specs()), QStringList{"old"}); // the Qt plugin is not ours at all
    QCOMPARE(manager.errors().size(), 1);
    QVERIFY(anyContains(manager.errors(), {"\"old\"", "Module/0", TAMBO_MODULE_IID}));
}

void TestModuleManager::invalidMetadataIsReported()
{
    int created = 0;
    auto factory = [&created]() -> QObject * {
        ++created;
        return nullptr;
    };
    QJsonObject badRequires = moduleMetaData(QStringLiteral("okid"));
    badRequires.insert(QStringLiteral("requires"), QStringLiteral("testmodule"));

    ModuleManager manager;
    manager.addPlugin(pluginMetaData(QStringLiteral(TAMBO_MODULE_IID),
                                     moduleMetaData(QStringLiteral("Bad Id")),
                                     QStringLiteral("BadIdPlugin")),
                      factory);
    manager.addPlugin(pluginMetaData(QStringLiteral(TAMBO_MODULE_IID),
                                     {},
                                     QStringLiteral("NoMetaDataPlugin")),
                      factory);
    manager.addPlugin(pluginMetaData(QStringLiteral(TAMBO_MODULE_IID), badRequires), factory);
    QVERIFY(!manager.load());
    QCOMPARE(created, 0);
    QVERIFY(anyContains(manager.errors(), {"BadIdPlugin", "id"}));
    QVERIFY(anyContains(manager.errors(), {"NoMetaDataPlugin", "id"}));
    QVERIFY(anyContains(manager.errors(), {"\"okid\"", "requires"}));
    QCOMPARE(manager.errors().size(), 3);
}

void TestModuleManager::idMismatchIsReported()
{
    FakeModule module(QStringLiteral("actual"));
    ModuleManager manager;
    manager.addObject(&module, moduleMetaData(QStringLiteral("declared")));
    QVERIFY(!manager.load());
    QVERIFY(anyContains(manager.errors(), {"\"declared\"", "\"actual\""}));
    QVERIFY(manager.modules().isEmpty());
}

void TestModuleManager::objectThatIsNotAModuleIsReported()
{
    QObject notAModule;
    ModuleManager manager;
    manager.addObject(&notAModule);
    QVERIFY(manager.load());
    QVERIFY(manager.specs().isEmpty());
    QVERIFY(anyContains(manager.errors(), {"QObject", "module interface"}));
}

void TestModuleManager::pluginObjectsLiveAsLongAsTheManager()
{
    FakeModule injected(QStringLiteral("injected"));
    QPointer<QObject> plugin;
    {
        ServiceRegistry services;
        test::FakeClock clock;
        ModuleContext context(services, clock);
        ModuleManager manager;
        manager.addStaticPlugins();
        manager.addObject(&injected);
        QVERIFY(manager.initializeAll(context));
        plugin = dynamic_cast<QObject *>(manager.module(QStringLiteral("testmodule")));
        QVERIFY(plugin);
        // ~ModuleManager runs before ~ServiceRegistry: shutdown, then delete.
    }
    QVERIFY(plugin.isNull());                            // the static plugin instance it created
    QCOMPARE(injected.id(), QStringLiteral("injected")); // not the injected one
    QVERIFY(TestProbe::events().contains(QStringLiteral("testmodule.aboutToShutdown")));
    QCOMPARE(TestProbe::events().last(), QStringLiteral("injected.aboutToShutdown"));

    // The next manager gets a fresh plugin object.
    const int created = TestProbe::creations(TestModuleClass);
    ModuleManager again;
    again.addStaticPlugins();
    QVERIFY(again.load());
    QCOMPARE(TestProbe::creations(TestModuleClass), created + 1);
}

void TestModuleManager::cleanupTestCase()
{
    QCOMPARE(TestProbe::creations(ForeignClass), 0);
}

QTEST_GUILESS_MAIN(TestModuleManager)
#include "tst_modulemanager.moc"
