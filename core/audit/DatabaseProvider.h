#pragma once

#include <QSqlDatabase>

#include <functional>

namespace tambo::core {

class Store;

// Gives the calling thread's connection to the store (Store::database()). Core services hold a
// provider rather than a connection so that one service object can be used from any thread.
using DatabaseProvider = std::function<QSqlDatabase()>;

// The provider of a store; the store must outlive whoever holds it.
DatabaseProvider databaseProviderOf(const Store &store);

} // namespace tambo::core
