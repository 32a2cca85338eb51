#include "PatrimonioDeclarations.h"

#include "PatrimonioPermissions.h"
#include "PatrimonioSchema.h"

#include "auth/Roles.h"

#include <QCoreApplication>

namespace tambo::patrimonio {

namespace {

QString latin(const char *text)
{
    return QString::fromLatin1(text);
}

// The titles keep the plugin's translation context (translations/tambo_*.ts).
QList<core::PermissionDef> permissions()
{
    using namespace core::Roles;
    const QString inventariador = latin(PatrimonioInventariador);
    const QString jefe = latin(PatrimonioJefe);
    return {
        {latin(Permissions::View),
         QCoreApplication::translate("tambo::patrimonio::PatrimonioPlugin",
                                     "See the asset register and scan labels"),
         {inventariador, jefe, latin(AdminOtic), latin(SoporteTecnico), latin(ComitePgd)}},
        {latin(Permissions::Edit),
         QCoreApplication::translate("tambo::patrimonio::PatrimonioPlugin",
                                     "Register assets and edit their description"),
         {inventariador, jefe}},
        {latin(Permissions::Approve),
         QCoreApplication::translate("tambo::patrimonio::PatrimonioPlugin",
                                     "Approve changes of custody, value and end of life of assets"),
         {jefe}},
        {latin(Permissions::Annotate),
         QCoreApplication::translate("tambo::patrimonio::PatrimonioPlugin",
                                     "Add notes to an asset's history"),
         {inventariador, jefe, latin(SoporteTecnico)}},
        {latin(Permissions::Catalogo),
         QCoreApplication::translate("tambo::patrimonio::PatrimonioPlugin",
                                     "Import and edit the SBN catálogo"),
         {jefe}},
        {latin(Permissions::InventoryScan),
         QCoreApplication::translate("tambo::patrimonio::PatrimonioPlugin",
                                     "Scan assets in an inventory campaign"),
         {inventariador, jefe}},
        {latin(Permissions::InventoryManage),
         QCoreApplication::translate("tambo::patrimonio::PatrimonioPlugin",
                                     "Create, start and close inventory campaigns"),
         {jefe}},
    };
}

QList<core::SyncedTable> syncedTables()
{
    using Kind = core::SyncedTable::Kind;
    const QStringList place{QStringLiteral("sede_id"), QStringLiteral("area_id")};
    const QString edit = latin(Permissions::Edit);
    const QString approve = latin(Permissions::Approve);
    const QString manage = latin(Permissions::InventoryManage);
    // Who writes what mirrors the repositories' own checks (AssetRepository, CatalogoRepository,
    // CampaignRepository, MovementRepository): no repository deletes a row of these tables, so
    // nobody may delete one through sync either.
    return {
        // The SBN catálogo: shared by every sede, edited by the jefe de patrimonio.
        {.table = PatrimonioSchema::catalogoTable(),
         .kind = Kind::Mutable,
         .legalColumns = {QStringLiteral("denominacion")},
         .writers = {.insert = {latin(Permissions::Catalogo)},
                     .update = {latin(Permissions::Catalogo)}}},
        // The register. Custody, place and value change only with the jefe's approval (an
        // approved movement writes them), as AssetRepository::update demands.
        {.table = PatrimonioSchema::assetsTable(),
         .kind = Kind::Mutable,
         .scopeColumns = place,
         // Fields with legal weight: the same one changed on two PCs is a visible conflict.
         .legalColumns = {QStringLiteral("estado"),
                          QStringLiteral("situacion"),
                          QStringLiteral("sede_id"),
                          QStringLiteral("area_id"),
                          QStringLiteral("responsable"),
                          QStringLiteral("valor"),
                          QStringLiteral("cuenta_contable")},
         .writers = {.insert = {edit}, .update = {edit, approve}, .move = {approve}},
         .guardedColumns = {{QStringLiteral("ambiente"), {approve}},
                            {QStringLiteral("responsable"), {approve}},
                            {QStringLiteral("valor"), {approve}},
                            {QStringLiteral("cuenta_contable"), {approve}},
                            {QStringLiteral("fecha_adquisicion"), {approve}}}},
        // An asset's history, scoped through its asset (no sede column of its own); written
        // with every change of the asset and by notes.
        {.table = PatrimonioSchema::historyTable(),
         .kind = Kind::AppendOnly,
         .scopeParentTable = PatrimonioSchema::assetsTable(),
         .scopeParentColumn = QStringLiteral("asset_id"),
         .writers = {.insert = {edit, approve, latin(Permissions::Annotate)}},
         .actorColumns = {QStringLiteral("actor")}},
        // Inventory campaigns: the campaign row is edited by the jefe only (state, comisión);
        // scans are events from many PCs, merged by id, never in conflict; results are written
        // once at close.
        {.table = PatrimonioSchema::campaignsTable(),
         .kind = Kind::Mutable,
         .legalColumns = {QStringLiteral("state"),
                          QStringLiteral("cutoff_date"),
                          QStringLiteral("comision_json"),
                          QStringLiteral("scope_sedes_json"),
                          QStringLiteral("scope_areas_json")},
         .writers = {.insert = {manage}, .update = {manage}},
         .actorColumns = {QStringLiteral("created_by")},
         .laterActorColumns = {QStringLiteral("started_by"), QStringLiteral("closed_by")}},
        {.table = PatrimonioSchema::campaignScansTable(),
         .kind = Kind::AppendOnly,
         .scopeColumns = place,
         .writers = {.insert = {latin(Permissions::InventoryScan)}},
         .actorColumns = {QStringLiteral("actor")}},
        {.table = PatrimonioSchema::campaignResultsTable(),
         .kind = Kind::AppendOnly,
         .scopeColumns = place,
         .writers = {.insert = {manage}}},
        // Movements: proposal, its assets and the decision are separate append-only events,
        // scoped by the sede and area the assets were in.
        {.table = PatrimonioSchema::movementsTable(),
         .kind = Kind::AppendOnly,
         .scopeColumns = place,
         .writers = {.insert = {edit}},
         .actorColumns = {QStringLiteral("proposed_by")}},
        {.table = PatrimonioSchema::movementItemsTable(),
         .kind = Kind::AppendOnly,
         .scopeColumns = place,
         .writers = {.insert = {edit}}},
        {.table = PatrimonioSchema::movementDecisionsTable(),
         .kind = Kind::AppendOnly,
         .scopeColumns = place,
         .writers = {.insert = {approve}},
         .actorColumns = {QStringLiteral("decided_by")}},
    };
}

} // namespace

core::ModuleDeclarations moduleDeclarations()
{
    return {PatrimonioSchema::moduleId(), permissions(), syncedTables()};
}

} // namespace tambo::patrimonio
