#pragma once

#include "module/ModuleDeclarations.h"

namespace tambo::synctest {

// The test module "synctest" of the sync tests, tambo-simulate and the sync benches: three
// tables (t_items scoped by sede and area, t_events append-only and scoped through its item,
// t_shared shared by every sede) and one permission, synctest.write, held by every role that
// writes data (not the read-only PGD committee). Linked into tambo-server-test (the real server
// with this module added, as the desktop tests add tests/testmodule) and into the test PCs.
core::ModuleDeclarations moduleDeclarations();

inline constexpr auto WritePermission = "synctest.write";

} // namespace tambo::synctest
