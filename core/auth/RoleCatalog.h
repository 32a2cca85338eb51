#pragma once

#include "auth/Permission.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace tambo::core {

// The roles every installation has (Roles.h), their translated titles, core's own permissions
// and who holds what: core's grants plus each module's PermissionDef::defaultRoles.
//
// Core grants: core.home to every role; core.users.manage and core.settings.manage to the OTIC
// administrator; core.audit.view to the OTIC administrator and the PGD committee (read only);
// core.sync.bundles to every role that writes data; core.sync.resolve to the OTIC administrator.
class RoleCatalog
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::RoleCatalog)

public:
    struct Role
    {
        QString id;
        QString title; // translated
    };

    static QList<Role> roles();
    static bool isKnown(const QString &roleId);
    // Translated title; the id itself for a role this program does not know.
    static QString title(const QString &roleId);

    static QList<PermissionDef> corePermissions();

    // role id → permission ids, from core's and the given modules' declarations. A declaration
    // naming an unknown role is an error (*error, translated; the result is then empty).
    static QHash<QString, QSet<QString>> grants(const QList<PermissionDef> &modulePermissions,
                                                QString *error = nullptr);

    // Writes roles (with their current translated titles) and makes role_permissions exactly
    // grants(modulePermissions), in one transaction. Idempotent.
    static bool syncToDatabase(QSqlDatabase db,
                               const QList<PermissionDef> &modulePermissions,
                               QString *error = nullptr);
};

} // namespace tambo::core
