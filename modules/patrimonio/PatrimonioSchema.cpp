#include "PatrimonioSchema.h"

#include <QCoreApplication>

namespace tambo::patrimonio {

QList<core::MigrationStep> PatrimonioSchema::steps()
{
    return {
        core::MigrationStep::sql(
            1,
            QCoreApplication::translate("tambo::patrimonio::PatrimonioSchema",
                                        "catálogo, asset register and asset history"),
            {
                QStringLiteral("CREATE TABLE patrimonio_catalogo ("
                               " code TEXT PRIMARY KEY NOT NULL"
                               "  CHECK (length(code) = 8 AND code NOT GLOB '*[^0-9]*' AND code <> "
                               "'00000000'),"
                               " denominacion TEXT NOT NULL CHECK (denominacion <> ''),"
                               " updated_at TEXT NOT NULL"
                               ") STRICT"),
                QStringLiteral(
                    "CREATE TABLE patrimonio_assets ("
                    " id TEXT PRIMARY KEY NOT NULL,"
                    " codigo TEXT NOT NULL UNIQUE"
                    "  CHECK (length(codigo) = 12 AND codigo NOT GLOB '*[^0-9]*'),"
                    " denominacion TEXT NOT NULL CHECK (denominacion <> ''),"
                    " marca TEXT NOT NULL DEFAULT '',"
                    " modelo TEXT NOT NULL DEFAULT '',"
                    " serie TEXT NOT NULL DEFAULT '',"
                    " color TEXT NOT NULL DEFAULT '',"
                    " caracteristicas TEXT NOT NULL DEFAULT '',"
                    " estado TEXT NOT NULL CHECK (estado IN ('N', 'B', 'R', 'M', 'X', 'Y')),"
                    " situacion TEXT NOT NULL DEFAULT 'uso' CHECK (situacion IN ('uso', 'desuso')),"
                    " sede_id TEXT NOT NULL REFERENCES sedes (id),"
                    " area_id TEXT REFERENCES areas (id),"
                    " ambiente TEXT NOT NULL DEFAULT '',"
                    " responsable TEXT NOT NULL DEFAULT '',"
                    " fecha_adquisicion TEXT,"
                    " valor INTEGER NOT NULL DEFAULT 0 CHECK (valor >= 0),"
                    " cuenta_contable TEXT NOT NULL DEFAULT '',"
                    " observaciones TEXT NOT NULL DEFAULT '',"
                    " created_at TEXT NOT NULL,"
                    " updated_at TEXT NOT NULL"
                    ") STRICT"),
                QStringLiteral("CREATE INDEX patrimonio_assets_by_place"
                               " ON patrimonio_assets (sede_id, area_id)"),
                QStringLiteral("CREATE INDEX patrimonio_assets_by_responsable"
                               " ON patrimonio_assets (responsable)"),
                QStringLiteral("CREATE TABLE patrimonio_asset_history ("
                               " id TEXT PRIMARY KEY NOT NULL,"
                               " asset_id TEXT NOT NULL REFERENCES patrimonio_assets (id),"
                               " at TEXT NOT NULL,"
                               " kind TEXT NOT NULL CHECK (kind <> ''),"
                               " text TEXT NOT NULL,"
                               " actor TEXT NOT NULL,"
                               " device TEXT NOT NULL"
                               ") STRICT"),
                QStringLiteral("CREATE INDEX patrimonio_asset_history_by_asset"
                               " ON patrimonio_asset_history (asset_id, at)"),
                QStringLiteral("CREATE TRIGGER patrimonio_asset_history_no_update"
                               " BEFORE UPDATE ON patrimonio_asset_history"
                               " BEGIN SELECT RAISE(ABORT, 'asset history is append-only'); END"),
                QStringLiteral("CREATE TRIGGER patrimonio_asset_history_no_delete"
                               " BEFORE DELETE ON patrimonio_asset_history"
                               " BEGIN SELECT RAISE(ABORT, 'asset history is append-only'); END"),
            }),
        // Step 2 belongs to the inventory campaigns (another branch). This placeholder keeps
        // the numbering without gaps on the movements branch; the merge replaces it with the
        // campaigns' step 2, so no store outside development ever runs it.
        core::MigrationStep::sql(2,
                                 QCoreApplication::translate("tambo::patrimonio::PatrimonioSchema",
                                                             "reserved"),
                                 {QStringLiteral("SELECT 1")}),
        core::MigrationStep::sql(
            3,
            QCoreApplication::translate("tambo::patrimonio::PatrimonioSchema",
                                        "movements of assets: proposals, their assets and decisions"),
            {
                QStringLiteral(
                    "CREATE TABLE patrimonio_movements ("
                    " id TEXT PRIMARY KEY NOT NULL,"
                    " kind TEXT NOT NULL"
                    "  CHECK (kind IN ('asignacion', 'desplazamiento', 'devolucion', 'baja')),"
                    " sede_id TEXT NOT NULL REFERENCES sedes (id),"
                    " area_id TEXT REFERENCES areas (id),"
                    " to_sede_id TEXT REFERENCES sedes (id),"
                    " to_area_id TEXT REFERENCES areas (id),"
                    " to_ambiente TEXT NOT NULL DEFAULT '',"
                    " to_responsable TEXT NOT NULL DEFAULT '',"
                    " to_estado TEXT CHECK (to_estado IS NULL"
                    "  OR to_estado IN ('N', 'B', 'R', 'M', 'X', 'Y')),"
                    " resolucion TEXT NOT NULL DEFAULT '',"
                    " motivo TEXT NOT NULL DEFAULT '',"
                    " proposed_at TEXT NOT NULL,"
                    " proposed_by TEXT NOT NULL,"
                    " device TEXT NOT NULL,"
                    " CHECK (kind <> 'baja' OR resolucion <> '')"
                    ") STRICT"),
                QStringLiteral("CREATE INDEX patrimonio_movements_by_place"
                               " ON patrimonio_movements (sede_id, area_id)"),
                QStringLiteral(
                    "CREATE TABLE patrimonio_movement_items ("
                    " id TEXT PRIMARY KEY NOT NULL,"
                    " movement_id TEXT NOT NULL REFERENCES patrimonio_movements (id),"
                    " asset_id TEXT NOT NULL REFERENCES patrimonio_assets (id),"
                    " codigo TEXT NOT NULL,"
                    " sede_id TEXT NOT NULL REFERENCES sedes (id),"
                    " area_id TEXT REFERENCES areas (id),"
                    " ambiente TEXT NOT NULL DEFAULT '',"
                    " responsable TEXT NOT NULL DEFAULT '',"
                    " estado TEXT NOT NULL,"
                    " situacion TEXT NOT NULL,"
                    " UNIQUE (movement_id, asset_id)"
                    ") STRICT"),
                QStringLiteral("CREATE INDEX patrimonio_movement_items_by_asset"
                               " ON patrimonio_movement_items (asset_id)"),
                QStringLiteral(
                    "CREATE TABLE patrimonio_movement_decisions ("
                    " id TEXT PRIMARY KEY NOT NULL,"
                    " movement_id TEXT NOT NULL UNIQUE REFERENCES patrimonio_movements (id),"
                    " decision TEXT NOT NULL CHECK (decision IN ('aprobado', 'rechazado')),"
                    " reason TEXT NOT NULL DEFAULT '',"
                    " acta TEXT NOT NULL DEFAULT '',"
                    " decided_at TEXT NOT NULL,"
                    " decided_by TEXT NOT NULL,"
                    " device TEXT NOT NULL,"
                    " sede_id TEXT NOT NULL REFERENCES sedes (id),"
                    " area_id TEXT REFERENCES areas (id),"
                    " CHECK (decision <> 'rechazado' OR reason <> '')"
                    ") STRICT"),
                QStringLiteral("CREATE TRIGGER patrimonio_movements_no_update"
                               " BEFORE UPDATE ON patrimonio_movements"
                               " BEGIN SELECT RAISE(ABORT, 'movements are append-only'); END"),
                QStringLiteral("CREATE TRIGGER patrimonio_movements_no_delete"
                               " BEFORE DELETE ON patrimonio_movements"
                               " BEGIN SELECT RAISE(ABORT, 'movements are append-only'); END"),
                QStringLiteral("CREATE TRIGGER patrimonio_movement_items_no_update"
                               " BEFORE UPDATE ON patrimonio_movement_items"
                               " BEGIN SELECT RAISE(ABORT, 'movements are append-only'); END"),
                QStringLiteral("CREATE TRIGGER patrimonio_movement_items_no_delete"
                               " BEFORE DELETE ON patrimonio_movement_items"
                               " BEGIN SELECT RAISE(ABORT, 'movements are append-only'); END"),
                QStringLiteral("CREATE TRIGGER patrimonio_movement_decisions_no_update"
                               " BEFORE UPDATE ON patrimonio_movement_decisions"
                               " BEGIN SELECT RAISE(ABORT, 'movements are append-only'); END"),
                QStringLiteral("CREATE TRIGGER patrimonio_movement_decisions_no_delete"
                               " BEFORE DELETE ON patrimonio_movement_decisions"
                               " BEGIN SELECT RAISE(ABORT, 'movements are append-only'); END"),
            }),
    };
}

} // namespace tambo::patrimonio
