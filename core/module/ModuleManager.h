#pragma once

#include "auth/Permission.h"
#include "migrations/MigrationStep.h"
#include "module/PageDescriptor.h"
#include "module/SyncedTable.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace tambo {
class Module;
}

namespace tambo::core {

class ModuleContext;
struct Session;

// One module's schema steps, as MigrationRunner wants them.
struct ModuleMigrations
{
    QString moduleId;
    QList<MigrationStep> steps;
};

// Finds the modules linked into the executable, orders them by their requirements and runs their
// life cycle (docs/adr/0002-modules-as-static-plugins.md):
//
//     ModuleManager modules;
//     modules.addStaticPlugins();        // metadata only: nothing is created yet
//     modules.load();                    // check, order, create the plugin objects
//     runner.run(modules.allMigrations()); roles.add(modules.allPermissions());
//     modules.initializeAll(context);    // initialize() on all, then extensionsInitialized()
//     … shell.show(modules.pagesFor(session)) …
//     modules.shutdown();                // aboutToShutdown(), reverse order
//
// A module with a problem (bad metadata, duplicate id, missing requirement, failing initialize)
// is disabled, the modules that require it are disabled too, and each gets a translated message
// in errors(). The others keep working. Main thread only.
class ModuleManager : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Discovered,  // metadata read, no object
        Loaded,      // object created, declarations available
        Initialized, // initialize() returned true
        Running,     // extensionsInitialized() done
        Stopped,     // aboutToShutdown() done
        Disabled     // see error
    };
    Q_ENUM(State)

    // What is known of a module. Everything but state, error and module comes from the
    // plugin's metadata, read before the plugin object exists.
    struct Spec
    {
        QString id;
        QString version;
        QString title; // untranslated metadata title; Module::title() is the translated one
        QStringList dependencies; // metadata "requires"
        QString className;
        State state = State::Discovered;
        QString error; // translated; set when Disabled
        Module *module = nullptr;
    };

    // Creates a plugin object; the manager owns (and deletes) what it returns.
    using Factory = std::function<QObject *()>;

    explicit ModuleManager(QObject *parent = nullptr);
    // Calls shutdown() and deletes the plugin objects the manager created.
    ~ModuleManager() override;

    // --- discovery, before load() ---
    // Every QPluginLoader::staticPlugins() entry whose IID is tambo::Module's; others (Qt's own
    // plugins) are skipped without being created.
    void addStaticPlugins();
    // A plugin given as its QStaticPlugin-style metadata {"IID", "className", "MetaData": {"id",
    // "version", "title", "requires"}} and a factory called only if the module is loaded.
    void addPlugin(const QJsonObject &pluginMetaData, Factory factory);
    // An existing object (tests). Not owned. metaData is the "MetaData" part; when empty the id
    // is taken from the object and it requires nothing.
    void addObject(QObject *object, const QJsonObject &metaData = {});

    // Checks metadata, ids and requirements, orders the modules (a module after those it
    // requires; ties by id) and creates their objects. False when any module was disabled.
    bool load();
    // initialize() on every loaded module in order, then extensionsInitialized() in reverse
    // order. Calls load() first if needed. False when a module failed to start (or was not
    // started because a module it requires failed); the others run.
    bool initializeAll(ModuleContext &context);
    // aboutToShutdown() on the initialised modules in reverse order. Idempotent.
    void shutdown();

    // --- results ---
    // The modules that are not disabled, in dependency order.
    QList<Module *> modules() const;
    Module *module(const QString &id) const;
    // Every module plugin found, disabled ones included, in dependency order (disabled last).
    QList<Spec> specs() const;
    State state(const QString &id) const; // Disabled for an unknown id
    QStringList errors() const;

    QList<PermissionDef> allPermissions() const;
    QList<ModuleMigrations> allMigrations() const; // in dependency order
    // core's own (SyncSchema::syncedTables), then the modules' in dependency order
    QList<SyncedTable> allSyncedTables() const;
    // Every page of the enabled modules with a required permission, by order then module order.
    QList<PageDescriptor> pages() const;
    // The pages the session may use: none for an invalid session.
    QList<PageDescriptor> pagesFor(const Session &session) const;

private:
    struct Entry
    {
        Spec spec;
        QString iid;
        Factory factory;
        QObject *object = nullptr;
        bool owned = false;
        bool metaDataOk = false;
    };

    void addEntry(const QJsonObject &pluginMetaData, Factory factory, QObject *object);
    void disable(Entry &entry, const QString &error);
    void disableDependents();
    Entry *find(const QString &id);
    const Entry *find(const QString &id) const;
    QList<const Entry *> enabledEntries() const;

    std::vector<Entry> m_entries; // dependency order once loaded
    QStringList m_errors;
    bool m_staticPluginsAdded = false;
    bool m_loaded = false;
    bool m_initialized = false;
};

} // namespace tambo::core
