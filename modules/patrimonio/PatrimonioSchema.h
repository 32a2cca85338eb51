#pragma once

#include "migrations/MigrationStep.h"

#include <QList>
#include <QString>

namespace tambo::patrimonio {

// The patrimonio module's schema, module id "patrimonio". Table names carry the module's prefix
// so that modules never collide in the one local store.
//   1. patrimonio_catalogo (SBN catálogo: 8-digit code → denominación),
//      patrimonio_assets (the register; valor in integer céntimos; dates ISO 8601, UTC),
//      patrimonio_asset_history (append-only: triggers refuse UPDATE and DELETE)
//   2. patrimonio_campaigns (inventory campaigns), patrimonio_campaign_scans (append-only scan
//      events), patrimonio_campaign_results (frozen outcomes of a closed campaign)
//   3. movements (append-only events for the sync): patrimonio_movements (the proposal),
//      patrimonio_movement_items (its assets, with where they were), patrimonio_movement_decisions
//      (approval with its acta number, or rejection with its reason; one per movement)
// Steps only add (GUIDE §5); a later change is a new step.
class PatrimonioSchema
{
public:
    static QString moduleId() { return QStringLiteral("patrimonio"); }
    static QList<core::MigrationStep> steps();

    static QString catalogoTable() { return QStringLiteral("patrimonio_catalogo"); }
    static QString assetsTable() { return QStringLiteral("patrimonio_assets"); }
    static QString historyTable() { return QStringLiteral("patrimonio_asset_history"); }
    static QString campaignsTable() { return QStringLiteral("patrimonio_campaigns"); }
    static QString campaignScansTable() { return QStringLiteral("patrimonio_campaign_scans"); }
    static QString campaignResultsTable() { return QStringLiteral("patrimonio_campaign_results"); }
    static QString movementsTable() { return QStringLiteral("patrimonio_movements"); }
    static QString movementItemsTable() { return QStringLiteral("patrimonio_movement_items"); }
    static QString movementDecisionsTable()
    {
        return QStringLiteral("patrimonio_movement_decisions");
    }
};

} // namespace tambo::patrimonio
