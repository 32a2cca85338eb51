#include "sync/SyncCatalogue.h"

#include "auth/Permission.h"
#include "auth/RoleCatalog.h"
#include "sync/SyncSchema.h"

#include <algorithm>

namespace tambo::core {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

std::optional<SyncCatalogue> SyncCatalogue::build(const QList<ModuleDeclarations> &modules,
                                                  QString *error)
{
    SyncCatalogue c;
    QList<PermissionDef> modulePermissions;
    QList<SyncedTable> tables = SyncSchema::syncedTables();
    for (const ModuleDeclarations &m : modules) {
        modulePermissions += m.permissions;
        tables += m.syncedTables;
    }
    QString grantError;
    c.m_grants = RoleCatalog::grants(modulePermissions, &grantError);
    if (!grantError.isEmpty()) {
        fail(error, grantError);
        return std::nullopt;
    }
    for (const PermissionDef &p : RoleCatalog::corePermissions() + modulePermissions)
        c.m_permissions.insert(p.id);

    const QString resolve = QString::fromLatin1(Permissions::SyncResolve);
    for (SyncedTable t : std::as_const(tables)) {
        const auto bad = [&](const QString &why) {
            fail(error, QStringLiteral("synced table «%1»: %2").arg(t.table, why));
            return std::nullopt;
        };
        if (t.table.isEmpty())
            return bad(QStringLiteral("no name"));
        if (c.m_tables.contains(t.table))
            return bad(QStringLiteral("declared twice"));
        if (t.scopeParentTable.isEmpty() != t.scopeParentColumn.isEmpty())
            return bad(QStringLiteral("a scope parent needs both its table and its column"));
        const bool appendOnly = t.kind == SyncedTable::Kind::AppendOnly;
        if (appendOnly
            && !(t.writers.update.isEmpty() && t.writers.remove.isEmpty()
                 && t.writers.move.isEmpty() && t.guardedColumns.isEmpty())) {
            return bad(
                QStringLiteral("an append-only table has no update, delete or move writers"));
        }
        QStringList named = t.writers.insert + t.writers.update + t.writers.remove + t.writers.move;
        for (const QStringList &g : std::as_const(t.guardedColumns))
            named += g;
        for (const QString &permission : std::as_const(named)) {
            if (!c.m_permissions.contains(permission))
                return bad(QStringLiteral("permission «%1» is not declared").arg(permission));
        }
        if (!appendOnly) {
            // "Keep mine" of the conflict resolver (see the class comment).
            if (!t.writers.insert.contains(resolve))
                t.writers.insert << resolve;
            if (!t.writers.update.contains(resolve))
                t.writers.update << resolve;
        }
        c.m_tables.insert(t.table, t);
    }
    // Scope parents: synced tables, no loops; the depth bounds every recursion over them.
    for (const SyncedTable &t : std::as_const(c.m_tables)) {
        QSet<QString> seen{t.table};
        int depth = 0;
        for (const SyncedTable *cur = &t; !cur->scopeParentTable.isEmpty();) {
            const auto parent = c.m_tables.constFind(cur->scopeParentTable);
            if (parent == c.m_tables.constEnd()) {
                fail(error,
                     QStringLiteral("synced table «%1»: its scope parent «%2» is not a synced "
                                    "table")
                         .arg(cur->table, cur->scopeParentTable));
                return std::nullopt;
            }
            if (seen.contains(parent->table)) {
                fail(error,
                     QStringLiteral("synced table «%1»: its scope parents form a loop").arg(t.table));
                return std::nullopt;
            }
            seen.insert(parent->table);
            ++depth;
            cur = &*parent;
        }
        c.m_scopeDepth = std::max(c.m_scopeDepth, depth);
        if (!t.scopeParentTable.isEmpty())
            c.m_children[t.scopeParentTable] << t.table;
    }
    for (QStringList &children : c.m_children)
        children.sort();
    return c;
}

const SyncedTable *SyncCatalogue::table(const QString &name) const
{
    const auto it = m_tables.constFind(name);
    return it == m_tables.constEnd() ? nullptr : &*it;
}

QStringList SyncCatalogue::tableNames() const
{
    QStringList names = m_tables.keys();
    names.sort();
    return names;
}

QList<const SyncedTable *> SyncCatalogue::scopeChildren(const QString &table) const
{
    QList<const SyncedTable *> result;
    for (const QString &child : m_children.value(table))
        result << this->table(child);
    return result;
}

QStringList SyncCatalogue::roles() const
{
    QStringList roles = m_grants.keys();
    roles.sort();
    return roles;
}

QSet<QString> SyncCatalogue::permissionsOf(const QString &role) const
{
    return m_grants.value(role);
}

bool SyncCatalogue::isDeclaredPermission(const QString &permission) const
{
    return m_permissions.contains(permission);
}

QStringList SyncCatalogue::writersOf(const SyncedTable &table, Operation operation)
{
    switch (operation) {
    case Operation::Insert:
        return table.writers.insert;
    case Operation::Update:
        return table.kind == SyncedTable::Kind::AppendOnly ? QStringList() : table.writers.update;
    case Operation::Delete:
        return table.kind == SyncedTable::Kind::AppendOnly ? QStringList() : table.writers.remove;
    case Operation::ScopeMove:
        return table.kind == SyncedTable::Kind::AppendOnly || table.scopeColumns.isEmpty()
                   ? QStringList()
                   : table.writers.move;
    }
    return {};
}

bool SyncCatalogue::holdsAny(const QSet<QString> &held, const QStringList &anyOf)
{
    return std::any_of(anyOf.begin(), anyOf.end(), [&held](const QString &p) {
        return held.contains(p);
    });
}

bool SyncCatalogue::allows(const QString &role, const QString &table, Operation operation) const
{
    const SyncedTable *t = this->table(table);
    return t && holdsAny(permissionsOf(role), writersOf(*t, operation));
}

QString SyncCatalogue::operationName(Operation operation)
{
    switch (operation) {
    case Operation::Insert:
        return QStringLiteral("insert");
    case Operation::Update:
        return QStringLiteral("update");
    case Operation::Delete:
        return QStringLiteral("delete");
    case Operation::ScopeMove:
        return QStringLiteral("scope_move");
    }
    return {};
}

} // namespace tambo::core
