#pragma once

#include "Campaign.h"
#include "CampaignTally.h"

#include "audit/DatabaseProvider.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace tambo::core {
class AuditLog;
class Clock;
struct Session;
} // namespace tambo::core

namespace tambo::patrimonio {

// Inventory campaigns (patrimonio_campaigns), their scan events (patrimonio_campaign_scans,
// append-only) and the results frozen at close (patrimonio_campaign_results). All SQL of the
// campaigns lives here; pages and models call this class.
//
// Permissions (PatrimonioPermissions.h), checked on every call that takes a Session:
//  - list campaigns, progress and results: patrimonio.view;
//  - record scans: patrimonio.inventory.scan (inventariador, jefe de patrimonio);
//  - create, start and close campaigns: patrimonio.inventory.manage (jefe de patrimonio).
// Every write runs in one transaction with its audit row (entities "patrimonio.campaign" and
// "patrimonio.campaign_scan"): all or nothing.
//
// State: preparing → in progress (start) → closed (close). Scans are taken while in progress
// only. Closing computes the outcomes (CampaignTally) from the register and every scan held by
// this PC at that moment and freezes them: scans that reach this PC later (a team that syncs
// after the close) stay in the scans table but do not change the frozen results.
class CampaignRepository
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::CampaignRepository)

public:
    CampaignRepository(core::DatabaseProvider db, const core::Clock &clock, core::AuditLog &audit);

    // Today's date (local time) by the injected Clock: the default year of a new campaign.
    QDate today() const;

    // --- campaigns ---
    QList<Campaign> list(const core::Session &session, QString *error = nullptr) const;
    // No permission check (for services and pages that exist only for patrimonio.view).
    std::optional<Campaign> find(const QString &id, QString *error = nullptr) const;
    // Validates and inserts in state "preparing"; fills id, created*, and a cut-off of 31
    // December of the year when none is set.
    bool create(const core::Session &session, Campaign *campaign, QString *error = nullptr);
    bool start(const core::Session &session, const QString &campaignId, QString *error = nullptr);
    // Freezes the outcomes and closes. *results (optional) receives the frozen rows.
    bool close(const core::Session &session,
               const QString &campaignId,
               QList<CampaignResult> *results = nullptr,
               QString *error = nullptr);

    // --- scans ---
    // Records one scan of `codigo` (normalised as CodigoPatrimonial does; well-formed codes
    // only, registered or not) by a team standing in `place`, which must be in the campaign's
    // scope. *out receives the event as stored.
    bool recordScan(const core::Session &session,
                    const QString &campaignId,
                    const InventoryPlace &place,
                    const QString &codigo,
                    std::optional<Estado> estado,
                    CampaignScan *out = nullptr,
                    QString *error = nullptr);
    // Scan events made elsewhere (another PC, replayed by the sync): inserted by id, an id
    // already stored is skipped, so replaying twice changes nothing. All or none.
    bool insertScans(const QList<CampaignScan> &scans,
                     int *inserted = nullptr,
                     QString *error = nullptr);
    // Oldest first (time, then id).
    QList<CampaignScan> scans(const QString &campaignId, QString *error = nullptr) const;

    // --- outcomes ---
    // The register as campaigns need it (every asset, one query).
    QList<CampaignAsset> registerAssets(QString *error = nullptr) const;
    // The campaign with the register and its scans, ready for progress and outcomes.
    bool loadTally(const core::Session &session,
                   const QString &campaignId,
                   CampaignTally *out,
                   QString *error = nullptr) const;
    // The results frozen when the campaign closed, ordered by código (empty before).
    QList<CampaignResult> frozenResults(const core::Session &session,
                                        const QString &campaignId,
                                        QString *error = nullptr) const;

private:
    bool setState(const core::Session &session,
                  const QString &campaignId,
                  CampaignState from,
                  CampaignState to,
                  const QString &action,
                  QString *error);
    bool insertScanRows(const QList<CampaignScan> &scans, int *inserted, QString *error);
    bool checkPlace(const Campaign &campaign, const InventoryPlace &place, QString *error) const;
    QString nowText() const;

    core::DatabaseProvider m_db;
    const core::Clock &m_clock;
    core::AuditLog &m_audit;
};

} // namespace tambo::patrimonio
