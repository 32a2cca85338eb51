#include "audit/DatabaseProvider.h"

#include "store/Store.h"

namespace tambo::core {

DatabaseProvider databaseProviderOf(const Store &store)
{
    return [&store] { return store.database(); };
}

} // namespace tambo::core
