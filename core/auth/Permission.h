#pragma once

#include <QString>
#include <QStringList>

namespace tambo::core {

// A permission a module (or core) declares: an id "module.action", a translated title, and the
// roles that hold it by default (ids from Roles.h).
struct PermissionDef
{
    QString id;
    QString title;
    QStringList defaultRoles;
};

// Core's own permissions.
namespace Permissions {
inline constexpr auto UsersManage = "core.users.manage";
inline constexpr auto AuditView = "core.audit.view";
inline constexpr auto SettingsManage = "core.settings.manage";
inline constexpr auto Home = "core.home";
inline constexpr auto SyncBundles = "core.sync.bundles"; // export/import USB sync bundles
inline constexpr auto SyncResolve = "core.sync.resolve"; // resolve sync conflicts, rejections
} // namespace Permissions

} // namespace tambo::core
