#pragma once

#include <QSqlDatabase>

#include <functional>

namespace tambo::core {

class Clock;
class ServiceRegistry;

// What a module receives in initialize() and extensionsInitialized(): the service registry, the
// clock, and access to the local store. It is created by the application (or a test) and
// outlives every module; modules may keep references to services() and clock() until
// aboutToShutdown().
class ModuleContext
{
public:
    // Returns the calling thread's connection to the local store (Store::database()).
    using DatabaseProvider = std::function<QSqlDatabase()>;

    ModuleContext(ServiceRegistry &services, Clock &clock, DatabaseProvider database = {});
    ModuleContext(const ModuleContext &) = delete;
    ModuleContext &operator=(const ModuleContext &) = delete;

    ServiceRegistry &services() const { return m_services; }
    Clock &clock() const { return m_clock; }

    // False when running without a store (some tools and tests).
    bool hasDatabase() const { return static_cast<bool>(m_database); }
    // The calling thread's connection, or an invalid QSqlDatabase without a store.
    QSqlDatabase database() const;

private:
    ServiceRegistry &m_services;
    Clock &m_clock;
    DatabaseProvider m_database;
};

} // namespace tambo::core
