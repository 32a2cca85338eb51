#include "SyncTestDeclarations.h"

#include "auth/Roles.h"

namespace tambo::synctest {

core::ModuleDeclarations moduleDeclarations()
{
    using Kind = core::SyncedTable::Kind;
    QStringList writers = core::Roles::all();
    writers.removeAll(QString::fromLatin1(core::Roles::ComitePgd));
    const QStringList write{QString::fromLatin1(WritePermission)};
    const core::SyncedTable::Writers all{write, write, write, write};
    return {QStringLiteral("synctest"),
            {{QString::fromLatin1(WritePermission),
              QStringLiteral("Write the test tables"),
              writers}},
            {
                {.table = QStringLiteral("t_items"),
                 .kind = Kind::Mutable,
                 .scopeColumns = {QStringLiteral("sede_id"), QStringLiteral("area_id")},
                 .legalColumns = {QStringLiteral("estado")},
                 .writers = all},
                {.table = QStringLiteral("t_events"),
                 .kind = Kind::AppendOnly,
                 .scopeParentTable = QStringLiteral("t_items"),
                 .scopeParentColumn = QStringLiteral("item_id"),
                 .writers = {.insert = write}},
                {.table = QStringLiteral("t_shared"), .kind = Kind::Mutable, .writers = all},
            }};
}

} // namespace tambo::synctest
