#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace tambo::core {

// A module's declaration of a table the sync engine carries. The desktop compiles it into its
// outbox triggers and local sync store; tambo-server compiles the very same declarations into
// its rule catalogue (SyncCatalogue) and checks every pushed change against it: what a request
// says about a table is never trusted (docs/adr/0013-server-rule-catalogue.md).
struct SyncedTable
{
    enum class Kind { Mutable, AppendOnly };
    QString table;
    Kind kind = Kind::Mutable;
    // e.g. {"sede_id", "area_id"}: the row's scope, read from these columns by the server. The
    // first one (the sede) is required on every row of such a table.
    QStringList scopeColumns;
    QStringList legalColumns; // the same field changed on both sides becomes a visible conflict
    // A table without scope columns of its own may take its scope (sede, area) from a parent
    // row: the row whose id is in scopeParentColumn, in table scopeParentTable. Without either,
    // the table is shared by every sede.
    QString scopeParentTable;
    QString scopeParentColumn;

    // Who may write rows of this table through sync: for each operation, the permission ids
    // (core's or a module's, PermissionDef) any one of which allows it. Empty: nobody may.
    struct Writers
    {
        QStringList insert;
        QStringList update;
        QStringList remove;
        QStringList move; // change a row's scope columns (another sede or area)
    };
    Writers writers;
    // Columns whose change needs one of the given permissions besides Writers::update (custody,
    // value: fields only an approver may change).
    QHash<QString, QStringList> guardedColumns;
    // Columns that name the acting user (registered_by, decided_by, actor…): a new row must name
    // the user the server authenticated in each, and they never change afterwards.
    QStringList actorColumns;
    // Actor columns filled later (started_by, closed_by): empty on a new row or naming its
    // author; set once, by the acting user, and never changed afterwards.
    QStringList laterActorColumns;
};

} // namespace tambo::core
