#pragma once

namespace tambo::core {
class AuditLog;
class AuthService;
class Clock;
class ModuleContext;
class ModuleManager;
class ServiceRegistry;
class Store;
class UserService;
class Workspace;
} // namespace tambo::core

namespace tambo::shell {

// The core objects the shell works with. All of them outlive every shell window. Usually taken
// from an open core::Workspace; tests may wire their own.
struct ShellServices
{
    core::Store *store = nullptr;
    core::AuthService *auth = nullptr;
    core::UserService *users = nullptr;
    core::AuditLog *audit = nullptr;
    core::ModuleManager *modules = nullptr;
    core::ServiceRegistry *services = nullptr;
    core::Clock *clock = nullptr;
    // The context modules were initialised with; when null the main window makes an equivalent
    // one (same registry, clock and store).
    core::ModuleContext *moduleContext = nullptr;

    bool isComplete() const
    {
        return store && auth && users && audit && modules && services && clock;
    }

    static ShellServices fromWorkspace(core::Workspace &workspace);
};

} // namespace tambo::shell
