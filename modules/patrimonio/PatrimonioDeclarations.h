#pragma once

#include "module/ModuleDeclarations.h"

namespace tambo::patrimonio {

// What the patrimonio module declares for the desktop and for tambo-server alike: its
// permissions (with the roles that hold them) and its synced tables (with who may write them).
// Widgets-free (library tambo_patrimonio_declarations): tambo-server links it into its rule
// catalogue; PatrimonioPlugin::permissions() and syncedTables() return the same lists.
core::ModuleDeclarations moduleDeclarations();

} // namespace tambo::patrimonio
