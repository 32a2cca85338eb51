#pragma once

#include "auth/Permission.h"
#include "module/SyncedTable.h"

#include <QList>
#include <QString>

namespace tambo::core {

// What a module declares that both the desktop and tambo-server compile: its permissions (with
// the roles that hold them) and its synced tables (with who may write them). A module keeps
// these in its Widgets-free declarations library (tambo_add_module_declarations in
// cmake/TamboModules.cmake) as `tambo::<id>::moduleDeclarations()`; its plugin returns the same
// lists from Module::permissions() and Module::syncedTables(), and tambo-server links every
// module's function into its SyncCatalogue.
struct ModuleDeclarations
{
    QString moduleId;
    QList<PermissionDef> permissions;
    QList<SyncedTable> syncedTables;
};

} // namespace tambo::core
