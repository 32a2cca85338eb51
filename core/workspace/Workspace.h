#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace tambo::core {

class AuditLog;
class AuthService;
class Clock;
class KeyProvider;
class ModuleManager;
class ServiceRegistry;
class Store;
class UserService;

// Everything one open store needs, wired once: the store, its migrations (core + every module),
// the audit log, auth and user services, the module host and its service registry. Both apps
// (tambo, tambo-admin) and the tests open one of these; nothing else wires services by hand.
class Workspace
{
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

    static OpenResult open(const Options &options);
    ~Workspace();

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
