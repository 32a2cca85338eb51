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
    };
}

} // namespace tambo::patrimonio
