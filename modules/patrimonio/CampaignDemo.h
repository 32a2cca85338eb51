#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace tambo::patrimonio {

class CampaignRepository;

// The demo's inventory campaign, for `./tambo.sh run` (issue 4 item 8): "Inventario 2026", in
// progress over the Palacio Municipal, with its comisión and scans in a few ambientes of the
// OTIC and Logística y Patrimonio: most bienes found where the register puts them, one found
// in another room, one with a changed estado, one scanned twice, one code that is not in the
// register and one bien registered in another sede (both sobrantes).
//
// Run after PatrimonioDemo::seed (it needs the demo register). Deterministic (fixed seed, scan
// times from `today` at 09:00 local time, two devices "demo-equipo-1" and "demo-equipo-2") and
// idempotent: when a campaign of that name exists nothing is written. The campaign is created
// and started through CampaignRepository (audited); its scans go in as events replayed from
// the teams' PCs (CampaignRepository::insertScans), as the sync would bring them.
class CampaignDemo
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::CampaignDemo)

public:
    static QString campaignName() { return QStringLiteral("Inventario 2026"); }

    static bool seed(CampaignRepository &campaigns, const QDate &today, QString *error = nullptr);
};

} // namespace tambo::patrimonio
