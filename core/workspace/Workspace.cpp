#include "workspace/Workspace.h"

#include "audit/AuditLog.h"
#include "auth/AuthService.h"
#include "auth/RoleCatalog.h"
#include "auth/UserService.h"
#include "demo/DemoData.h"
#include "migrations/CoreSchema.h"
#include "migrations/MigrationRunner.h"
#include "module/Module.h"
#include "module/ModuleContext.h"
#include "module/ModuleManager.h"
#include "module/ServiceRegistry.h"
#include "store/KeyProvider.h"
#include "store/Store.h"
#include "sync/OutboxTriggers.h"
#include "sync/SyncSchema.h"
#include "util/SystemClock.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace tambo::core {

struct Workspace::Private
{
    Clock *clock = nullptr;
    std::unique_ptr<Store> store;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<UserService> users;
    std::unique_ptr<ServiceRegistry> services;
    std::unique_ptr<ModuleContext> context;
    std::unique_ptr<ModuleManager> modules;
    QString deviceId;
    QStringList migratedModules;
};

Workspace::Workspace()
    : d(std::make_unique<Private>())
{}

Workspace::~Workspace()
{
    if (d->modules)
        d->modules->shutdown();
    d->modules.reset(); // plugin objects go before the services and the store they use
    d->context.reset();
    d->services.reset();
    d->users.reset();
    d->auth.reset();
    d->audit.reset();
    if (d->store)
        d->store->close();
}

Workspace::OpenResult Workspace::open(const Options &options)
{
    OpenResult result;
    if (options.storePath.isEmpty()) {
        result.error = tr("No store path was given.");
        return result;
    }
    if (!options.keys) {
        result.error = tr("No key provider was given for the store %1.").arg(options.storePath);
        return result;
    }
    const QString path = QFileInfo(options.storePath).absoluteFilePath();
    const bool exists = QFileInfo::exists(path);
    if (!exists && !options.createIfMissing) {
        result.error = tr("The store %1 does not exist.").arg(QDir::toNativeSeparators(path));
        return result;
    }

    // The key is looked up by the store's absolute path: one key per store file.
    const KeyProvider::Result key = options.keys->key(path, !exists);
    if (!key.ok()) {
        result.error = key.error.isEmpty()
                           ? tr("There is no key for the store %1 in %2.")
                                 .arg(QDir::toNativeSeparators(path), options.keys->description())
                           : key.error;
        return result;
    }

    auto opened = Store::open(path, key.key,
                              options.createIfMissing ? Store::OpenMode::CreateIfMissing
                                                      : Store::OpenMode::MustExist);
    if (!opened.ok()) {
        result.error = opened.error;
        return result;
    }

    std::unique_ptr<Workspace> ws(new Workspace);
    Private &p = *ws->d;
    p.clock = options.clock ? options.clock : SystemClock::instance();
    p.store = std::move(opened.store);

    p.modules = std::make_unique<ModuleManager>();
    p.modules->addStaticPlugins();
    p.modules->load();

    QSqlDatabase db = p.store->database();
    MigrationRunner runner(db, *p.clock);
    runner.addModule(CoreSchema::moduleId(), CoreSchema::steps());
    const QList<ModuleMigrations> moduleSteps = p.modules->allMigrations();
    for (const ModuleMigrations &m : moduleSteps)
        runner.addModule(m.moduleId, m.steps);
    runner.addModule(SyncSchema::moduleId(), SyncSchema::steps());
    if (options.migrate) {
        const MigrationRunner::Report report = runner.migrate();
        if (!report.ok()) {
            result.error = report.error;
            return result;
        }
    } else if (const QString problem = runner.validate(); !problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    if (runner.version(CoreSchema::moduleId()) < runner.latest(CoreSchema::moduleId())) {
        result.error = tr("The store %1 needs migrating first (tambo-admin migrate).")
                           .arg(QDir::toNativeSeparators(path));
        return result;
    }
    p.migratedModules = runner.modules();

    // The sync engine's capture: triggers generated from the modules' synced tables, renewed at
    // every open so that added columns are captured too (docs/sync-protocol.md). The "applying"
    // flag that silences them is only ever set inside a transaction or around the demo seed;
    // if a crash left it set, clear it, or this PC's changes would not be captured.
    if (options.migrate) {
        QSqlQuery flag(db);
        if (!flag.exec(QStringLiteral("UPDATE sync_flags SET applying = 0 WHERE id = 1 AND "
                                      "applying <> 0"))) {
            result.error = tr("The changes of the store %1 cannot be prepared for "
                              "synchronization: %2")
                               .arg(QDir::toNativeSeparators(path), flag.lastError().text());
            return result;
        }
        QString triggerError;
        if (!OutboxTriggers::install(db, p.modules->allSyncedTables(), &triggerError)) {
            result.error = tr("The changes of the store %1 cannot be prepared for "
                              "synchronization: %2")
                               .arg(QDir::toNativeSeparators(path), triggerError);
            return result;
        }
    }

    p.deviceId = CoreSchema::deviceId(db);
    p.audit = std::make_unique<AuditLog>(*p.store, *p.clock, p.deviceId);
    p.auth = std::make_unique<AuthService>(*p.store, *p.clock, *p.audit);
    p.users = std::make_unique<UserService>(*p.store, *p.clock, *p.audit);

    QString error;
    if (options.migrate && !RoleCatalog::syncToDatabase(db, p.modules->allPermissions(), &error)) {
        result.error = error;
        return result;
    }

    p.services = std::make_unique<ServiceRegistry>();
    p.context = std::make_unique<ModuleContext>(*p.services, *p.clock,
                                                databaseProviderOf(*p.store));
    p.modules->initializeAll(*p.context);

    result.workspace = std::move(ws);
    return result;
}

bool Workspace::seedDemo(QString *error)
{
    // Demo rows are this PC's sample data, not changes for the server: they are written with
    // the outbox triggers quiet (the flag sync's own apply uses). open() clears a flag left set
    // by a crash in between.
    QSqlDatabase db = d->store->database();
    QSqlQuery quiet(db);
    if (!quiet.exec(QStringLiteral("UPDATE sync_flags SET applying = 1 WHERE id = 1"))) {
        if (error)
            *error = quiet.lastError().text();
        return false;
    }
    bool ok = DemoData::seedCore(db, *d->users, *d->audit, error);
    const QList<Module *> modules = d->modules->modules();
    for (Module *module : modules) {
        if (!ok)
            break;
        ok = module->seedDemo(*d->context, error);
    }
    if (!quiet.exec(QStringLiteral("UPDATE sync_flags SET applying = 0 WHERE id = 1"))) {
        if (error && ok)
            *error = quiet.lastError().text();
        return false;
    }
    return ok;
}

QMap<QString, int> Workspace::schemaVersions() const
{
    MigrationRunner runner(d->store->database(), *d->clock);
    QMap<QString, int> versions;
    for (const QString &module : std::as_const(d->migratedModules))
        versions.insert(module, runner.version(module));
    return versions;
}

QStringList Workspace::moduleErrors() const
{
    return d->modules->errors();
}

ModuleContext &Workspace::moduleContext() const
{
    return *d->context;
}

Store &Workspace::store() const
{
    return *d->store;
}

AuditLog &Workspace::audit() const
{
    return *d->audit;
}

AuthService &Workspace::auth() const
{
    return *d->auth;
}

UserService &Workspace::users() const
{
    return *d->users;
}

ModuleManager &Workspace::modules() const
{
    return *d->modules;
}

ServiceRegistry &Workspace::services() const
{
    return *d->services;
}

Clock &Workspace::clock() const
{
    return *d->clock;
}

QString Workspace::deviceId() const
{
    return d->deviceId;
}

QString Workspace::defaultDemoStorePath()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("demo/tambo-demo.db"));
}

} // namespace tambo::core
