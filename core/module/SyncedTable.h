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
};

} // namespace tambo::core
