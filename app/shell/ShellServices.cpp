#include "ShellServices.h"

#include "workspace/Workspace.h"

namespace tambo::shell {

ShellServices ShellServices::fromWorkspace(core::Workspace &workspace)
{
    ShellServices s;
    s.store = &workspace.store();
    s.auth = &workspace.auth();
    s.users = &workspace.users();
    s.audit = &workspace.audit();
    s.modules = &workspace.modules();
    s.services = &workspace.services();
    s.clock = &workspace.clock();
    s.moduleContext = &workspace.moduleContext();
    return s;
}

} // namespace tambo::shell
