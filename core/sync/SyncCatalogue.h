#pragma once

#include "module/ModuleDeclarations.h"
#include "module/SyncedTable.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace tambo::core {

// The rule catalogue of sync: every synced table (kind, scope columns, scope parent, conflict
// columns, who may insert, update, delete and move it, actor columns) and every role's
// permissions, compiled from core's own declarations (SyncSchema, RoleCatalog) and the modules'
// (ModuleDeclarations). tambo-server checks each pushed change against it and never against what
// the request says (docs/adr/0013-server-rule-catalogue.md); tests generate their cases from it.
//
// build() refuses declarations that would let data steer the server: a table declared twice, a
// scope parent that is not a synced table or that closes a loop, a permission nobody declared,
// a role nobody knows, update or delete writers on an append-only table.
//
// One core rule is added to the modules' writers: whoever may resolve sync conflicts
// (core.sync.resolve) may insert and update rows of every mutable table, since "keep mine"
// writes the resolving PC's value (a field again, or a deleted row anew).
class SyncCatalogue
{
public:
    enum class Operation { Insert, Update, Delete, ScopeMove };

    static std::optional<SyncCatalogue> build(const QList<ModuleDeclarations> &modules,
                                              QString *error);

    const SyncedTable *table(const QString &name) const;
    QStringList tableNames() const; // sorted
    // Tables whose rows take their scope from a row of `table`.
    QList<const SyncedTable *> scopeChildren(const QString &table) const;
    // Longest chain of scope parents (0: no table has one); bounds every walk along them.
    int scopeDepth() const { return m_scopeDepth; }

    QStringList roles() const; // sorted
    QSet<QString> permissionsOf(const QString &role) const;
    bool isDeclaredPermission(const QString &permission) const;

    // The permissions any one of which allows the operation on the table (empty: nobody).
    static QStringList writersOf(const SyncedTable &table, Operation operation);
    static bool holdsAny(const QSet<QString> &held, const QStringList &anyOf);
    bool allows(const QString &role, const QString &table, Operation operation) const;
    static QString operationName(Operation operation);

private:
    QHash<QString, SyncedTable> m_tables;
    QHash<QString, QStringList> m_children; // parent table → child tables
    QHash<QString, QSet<QString>> m_grants; // role → permissions
    QSet<QString> m_permissions;
    int m_scopeDepth = 0;
};

} // namespace tambo::core
