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
        core::MigrationStep::sql(
            2,
            QCoreApplication::translate("tambo::patrimonio::PatrimonioSchema",
                                        "inventory campaigns, their scans and results"),
            {
                // Mutable (sync): one row per campaign; comisión and scope as JSON arrays.
                QStringLiteral("CREATE TABLE patrimonio_campaigns ("
                               " id TEXT PRIMARY KEY NOT NULL,"
                               " name TEXT NOT NULL CHECK (name <> ''),"
                               " year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),"
                               " cutoff_date TEXT NOT NULL,"
                               " comision_json TEXT NOT NULL DEFAULT '[]',"
                               " scope_sedes_json TEXT NOT NULL DEFAULT '[]',"
                               " scope_areas_json TEXT NOT NULL DEFAULT '[]',"
                               " state TEXT NOT NULL DEFAULT 'preparing'"
                               "  CHECK (state IN ('preparing', 'in_progress', 'closed')),"
                               " created_by TEXT NOT NULL,"
                               " created_at TEXT NOT NULL,"
                               " started_by TEXT,"
                               " started_at TEXT,"
                               " closed_by TEXT,"
                               " closed_at TEXT,"
                               " updated_at TEXT NOT NULL"
                               ") STRICT"),
                // Append-only events: made on any PC, merged by id, never changed.
                QStringLiteral("CREATE TABLE patrimonio_campaign_scans ("
                               " id TEXT PRIMARY KEY NOT NULL,"
                               " campaign_id TEXT NOT NULL REFERENCES patrimonio_campaigns (id),"
                               " device TEXT NOT NULL,"
                               " actor TEXT NOT NULL,"
                               " at TEXT NOT NULL,"
                               " sede_id TEXT NOT NULL REFERENCES sedes (id),"
                               " area_id TEXT REFERENCES areas (id),"
                               " ambiente TEXT NOT NULL CHECK (ambiente <> ''),"
                               " codigo TEXT NOT NULL"
                               "  CHECK (length(codigo) = 12 AND codigo NOT GLOB '*[^0-9]*'),"
                               " estado TEXT CHECK (estado IS NULL OR estado IN ('N', 'B', 'R', "
                               "'M', 'X', 'Y'))"
                               ") STRICT"),
                QStringLiteral("CREATE INDEX patrimonio_campaign_scans_by_campaign"
                               " ON patrimonio_campaign_scans (campaign_id, codigo)"),
                QStringLiteral("CREATE TRIGGER patrimonio_campaign_scans_no_update"
                               " BEFORE UPDATE ON patrimonio_campaign_scans"
                               " BEGIN SELECT RAISE(ABORT, 'campaign scans are append-only'); END"),
                QStringLiteral("CREATE TRIGGER patrimonio_campaign_scans_no_delete"
                               " BEFORE DELETE ON patrimonio_campaign_scans"
                               " BEGIN SELECT RAISE(ABORT, 'campaign scans are append-only'); END"),
                // Frozen when the campaign closes: one row per código, written once.
                QStringLiteral(
                    "CREATE TABLE patrimonio_campaign_results ("
                    " id TEXT PRIMARY KEY NOT NULL,"
                    " campaign_id TEXT NOT NULL REFERENCES patrimonio_campaigns (id),"
                    " codigo TEXT NOT NULL,"
                    " outcome TEXT NOT NULL"
                    "  CHECK (outcome IN ('encontrado', 'otro_lugar', 'faltante', 'sobrante')),"
                    " estado_cambiado INTEGER NOT NULL DEFAULT 0 CHECK (estado_cambiado IN (0, 1)),"
                    " in_register INTEGER NOT NULL CHECK (in_register IN (0, 1)),"
                    " asset_id TEXT,"
                    " denominacion TEXT NOT NULL DEFAULT '',"
                    " cuenta_contable TEXT NOT NULL DEFAULT '',"
                    " valor INTEGER NOT NULL DEFAULT 0,"
                    " sede_id TEXT,"
                    " area_id TEXT,"
                    " reg_sede_id TEXT,"
                    " reg_area_id TEXT,"
                    " reg_ambiente TEXT,"
                    " found_sede_id TEXT,"
                    " found_area_id TEXT,"
                    " found_ambiente TEXT,"
                    " estado_registrado TEXT,"
                    " estado_observado TEXT,"
                    " scans INTEGER NOT NULL DEFAULT 0,"
                    " UNIQUE (campaign_id, codigo)"
                    ") STRICT"),
                QStringLiteral("CREATE TRIGGER patrimonio_campaign_results_no_update"
                               " BEFORE UPDATE ON patrimonio_campaign_results"
                               " BEGIN SELECT RAISE(ABORT, 'campaign results are frozen'); END"),
                QStringLiteral("CREATE TRIGGER patrimonio_campaign_results_no_delete"
                               " BEFORE DELETE ON patrimonio_campaign_results"
                               " BEGIN SELECT RAISE(ABORT, 'campaign results are frozen'); END"),
            }),
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
        core::MigrationStep::sql(
            4,
            QCoreApplication::translate("tambo::patrimonio::PatrimonioSchema",
                                        "history of an asset moved to another sede leaves this PC"),
            {
                // Nobody deletes history on this PC; only sync may withdraw it, when its asset
                // moved to a sede this PC does not see (docs/sync-protocol.md §7.2).
                QStringLiteral("DROP TRIGGER patrimonio_asset_history_no_delete"),
                QStringLiteral("CREATE TRIGGER patrimonio_asset_history_no_delete"
                               " BEFORE DELETE ON patrimonio_asset_history"
                               " WHEN (SELECT applying FROM sync_flags WHERE id = 1) IS NOT 1"
                               " BEGIN SELECT RAISE(ABORT, 'asset history is append-only'); END"),
            }),
    };
}

} // namespace tambo::patrimonio
