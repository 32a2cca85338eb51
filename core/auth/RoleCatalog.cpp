#include "auth/RoleCatalog.h"

#include "auth/Roles.h"
#include "migrations/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace tambo::core {

QList<RoleCatalog::Role> RoleCatalog::roles()
{
    return {
        {QString::fromLatin1(Roles::AdminOtic), tr("OTIC administrator")},
        {QString::fromLatin1(Roles::MesaPartes), tr("Front desk (mesa de partes)")},
        {QString::fromLatin1(Roles::Gerencia), tr("Department clerk (gerencia)")},
        {QString::fromLatin1(Roles::PatrimonioInventariador), tr("Asset inventory taker")},
        {QString::fromLatin1(Roles::PatrimonioJefe), tr("Head of assets (patrimonio)")},
        {QString::fromLatin1(Roles::SoporteTecnico), tr("IT support technician")},
        {QString::fromLatin1(Roles::ComitePgd), tr("PGD committee (read only)")},
    };
}

bool RoleCatalog::isKnown(const QString &roleId)
{
    return Roles::all().contains(roleId);
}

QString RoleCatalog::title(const QString &roleId)
{
    const QList<Role> all = roles();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&roleId](const Role &r) {
        return r.id == roleId;
    });
    return it != all.cend() ? it->title : roleId;
}

QList<PermissionDef> RoleCatalog::corePermissions()
{
    const QString admin = QString::fromLatin1(Roles::AdminOtic);
    QStringList writers = Roles::all(); // everyone who writes data; the PGD committee only reads
    writers.removeAll(QString::fromLatin1(Roles::ComitePgd));
    return {
        {QString::fromLatin1(Permissions::Home), tr("Open Tambo's home page"), Roles::all()},
        {QString::fromLatin1(Permissions::UsersManage), tr("Manage users and their roles"), {admin}},
        {QString::fromLatin1(Permissions::SettingsManage),
         tr("Change the settings of this PC"),
         {admin}},
        {QString::fromLatin1(Permissions::SyncBundles),
         tr("Carry this PC's changes to the server on a USB drive (sync bundles)"),
         writers},
        {QString::fromLatin1(Permissions::SyncResolve),
         tr("Resolve sync conflicts and changes the server rejected"),
         {admin}},
        {QString::fromLatin1(Permissions::AuditView),
         tr("Read and verify the audit log"),
         {admin, QString::fromLatin1(Roles::ComitePgd)}},
    };
}

QHash<QString, QSet<QString>> RoleCatalog::grants(const QList<PermissionDef> &modulePermissions,
                                                  QString *error)
{
    QHash<QString, QSet<QString>> result;
    for (const Role &role : roles())
        result.insert(role.id, {});

    const QList<PermissionDef> all = corePermissions() + modulePermissions;
    for (const PermissionDef &permission : all) {
        if (permission.id.isEmpty()) {
            if (error)
                *error = tr("A permission without an id was declared.");
            return {};
        }
        for (const QString &roleId : permission.defaultRoles) {
            if (!result.contains(roleId)) {
                if (error)
                    *error = tr("Permission %1 is granted to an unknown role %2.")
                                 .arg(permission.id, roleId);
                return {};
            }
            result[roleId].insert(permission.id);
        }
    }
    return result;
}

bool RoleCatalog::syncToDatabase(QSqlDatabase db,
                                 const QList<PermissionDef> &modulePermissions,
                                 QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };

    QString grantError;
    const QHash<QString, QSet<QString>> granted = grants(modulePermissions, &grantError);
    if (!grantError.isEmpty())
        return fail(grantError);

    Transaction tx(db);
    if (!tx.isActive())
        return fail(tx.error());

    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO roles (id, title) VALUES (?, ?)"
                                 " ON CONFLICT (id) DO UPDATE SET title = excluded.title"
                                 " WHERE title IS NOT excluded.title"));
    for (const Role &role : roles()) {
        query.addBindValue(role.id);
        query.addBindValue(role.title);
        if (!query.exec())
            return fail(tr("Cannot save the roles: %1").arg(query.lastError().text()));
    }

    // Only the differences are written, so a second run changes nothing.
    QHash<QString, QSet<QString>> stored;
    if (!query.exec(QStringLiteral("SELECT role_id, permission FROM role_permissions")))
        return fail(tr("Cannot read the permissions: %1").arg(query.lastError().text()));
    while (query.next())
        stored[query.value(0).toString()].insert(query.value(1).toString());
    query.finish();

    QSqlQuery remove(db);
    remove.prepare(
        QStringLiteral("DELETE FROM role_permissions WHERE role_id = ? AND permission = ?"));
    QSqlQuery add(db);
    add.prepare(QStringLiteral("INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)"));
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const QSet<QString> wanted = granted.value(it.key());
        for (const QString &permission : it.value()) {
            if (wanted.contains(permission))
                continue;
            remove.addBindValue(it.key());
            remove.addBindValue(permission);
            if (!remove.exec())
                return fail(tr("Cannot save the permissions: %1").arg(remove.lastError().text()));
        }
    }
    for (auto it = granted.cbegin(); it != granted.cend(); ++it) {
        const QSet<QString> have = stored.value(it.key());
        for (const QString &permission : it.value()) {
            if (have.contains(permission))
                continue;
            add.addBindValue(it.key());
            add.addBindValue(permission);
            if (!add.exec())
                return fail(tr("Cannot save the permissions: %1").arg(add.lastError().text()));
        }
    }

    if (!tx.commit())
        return fail(tx.error());
    return true;
}

} // namespace tambo::core
