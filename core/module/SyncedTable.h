#pragma once

#include <QString>
#include <QStringList>

namespace tambo::core {

// A module's declaration of a table the sync engine carries (the sync issue drives it).
struct SyncedTable
{
    enum class Kind { Mutable, AppendOnly };
    QString table;
    Kind kind = Kind::Mutable;
    QStringList scopeColumns;  // e.g. {"sede_id", "area_id"}
    QStringList legalColumns;  // the same field changed on both sides becomes a visible conflict
    // A table without scope columns of its own may take its scope (sede, area) from a parent
    // row: the row whose id is in scopeParentColumn, in table scopeParentTable. Without either,
    // the table is shared by every sede.
    QString scopeParentTable;
    QString scopeParentColumn;
};

} // namespace tambo::core
