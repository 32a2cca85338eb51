#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

namespace tambo::core {

class AuditLog;
class AuthService;
class Clock;
class KeyProvider;
class ModuleContext;
class ModuleManager;
class ServiceRegistry;
class Store;
class UserService;

// Everything one open store needs, wired once: the store, its migrations (core + every module),
// the audit log, auth and user services, the module host and its service registry. Both apps
// (tambo, tambo-admin) and the tests open one of these; nothing else wires services by hand.
class Workspace
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::Workspace)

public:
    struct Options
    {
        QString storePath;
        KeyProvider *keys = nullptr;   // not owned
        Clock *clock = nullptr;        // not owned; SystemClock when null
        bool createIfMissing = true;
        bool migrate = true;           // run pending migrations on open
    };

    struct OpenResult
    {
        std::unique_ptr<Workspace> workspace;
        QString error; // translated, for the user
        bool ok() const { return workspace != nullptr; }
    };

    // Opens (or creates) the store with the key from options.keys, loads the module plugins
    // linked into the executable, runs every pending migration (core first, then each module in
    // dependency order), syncs roles and permissions, and initialises the modules. A module
    // that fails is disabled and listed in moduleErrors(); the store itself failing is an error.
    static OpenResult open(const Options &options);
    ~Workspace();

    // Fills a demo store: core's demo data (sedes, areas, one user per role), then each
    // module's. Idempotent.
    bool seedDemo(QString *error = nullptr);

    // Schema version per module id ("core" included), as the store holds them now.
    QMap<QString, int> schemaVersions() const;
    QStringList moduleErrors() const;
    ModuleContext &moduleContext() const;

    Store &store() const;
    AuditLog &audit() const;
    AuthService &auth() const;
    UserService &users() const;
    ModuleManager &modules() const;
    ServiceRegistry &services() const;
    Clock &clock() const;
    QString deviceId() const;

    // Where the demo store lives when no store is configured (first start).
    static QString defaultDemoStorePath();

private:
    Workspace();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace tambo::core
