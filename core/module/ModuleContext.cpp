#include "module/ModuleContext.h"

#include <utility>

namespace tambo::core {

ModuleContext::ModuleContext(ServiceRegistry &services, Clock &clock, DatabaseProvider database)
    : m_services(services)
    , m_clock(clock)
    , m_database(std::move(database))
{}

QSqlDatabase ModuleContext::database() const
{
    return m_database ? m_database() : QSqlDatabase();
}

} // namespace tambo::core
