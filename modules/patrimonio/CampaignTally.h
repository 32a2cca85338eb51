#pragma once

#include "Campaign.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace tambo::patrimonio {

// The outcomes and the progress of one campaign, computed from the register and the scans
// (no SQL, no widgets). CampaignRepository fills it; the inventory page keeps one and adds each
// new scan, so the progress is live without reading the store again.
//
// Rules (GUIDE §6, issue 4):
//  - a bien is expected when its registered place is in the campaign's scope;
//  - the first scan of a código (earliest time, then id) decides where it was found; later
//    scans of the same código are repeats: counted once, and flagged;
//  - encontrado: expected, found in its registered place (sede, área and ambiente);
//    otro lugar: expected, found in another place (recorded in CampaignResult::found);
//    faltante: expected and not scanned;
//    sobrante: scanned and not in the register, or registered outside the scope;
//  - estado cambiado (a flag on top of the outcome): the latest scan that noted an estado
//    differs from the register's.
// Scans are events merged from many PCs in any order: add() ignores an id it has seen, and the
// result does not depend on the order the scans arrive in.
class CampaignTally
{
public:
    enum class Added { First, Repeated, Duplicate };

    struct AddResult
    {
        Added added = Added::First;
        int timesScanned = 0; // scan events of this código, this one included
        CampaignResult result;
    };

    // Progress of one ambiente.
    struct PlaceProgress
    {
        InventoryPlace place;
        int expected = 0;    // bienes registered here (in scope)
        int found = 0;       // of those, scanned anywhere
        int scannedHere = 0; // códigos whose deciding scan was here (any outcome)
    };

    void reset(const Campaign &campaign, const QList<CampaignAsset> &registerAssets);
    AddResult add(const CampaignScan &scan);
    void addAll(const QList<CampaignScan> &scans);

    const Campaign &campaign() const { return m_campaign; }
    std::optional<CampaignAsset> asset(const QString &codigo) const;
    bool isExpected(const QString &codigo) const;
    int timesScanned(const QString &codigo) const;
    int scanCount() const { return m_scanIds.size(); }

    CampaignResult resultFor(const QString &codigo) const;
    // Every expected bien and every scanned código, ordered by código.
    QList<CampaignResult> results() const;
    CampaignTotals totals() const;
    // Every ambiente with expected bienes or scans, ordered by sede, área and ambiente.
    QList<PlaceProgress> places() const;
    std::optional<InventoryPlace> placeForCode(const QString &ambienteCode) const;

private:
    struct Entry
    {
        CampaignAsset asset;
        bool expected = false;
    };
    struct CodeState
    {
        int scans = 0;
        QString firstId;
        QDateTime firstAt;
        InventoryPlace firstPlace;
        QString estadoId;
        QDateTime estadoAt;
        std::optional<Estado> estado;
    };
    PlaceProgress &placeFor(const InventoryPlace &place);

    Campaign m_campaign;
    QHash<QString, Entry> m_assets;    // código → register entry
    QHash<QString, CodeState> m_codes; // scanned códigos
    QSet<QString> m_scanIds;
    QHash<QString, PlaceProgress> m_places; // place key → progress
    int m_expected = 0;
    int m_foundExpected = 0;
};

} // namespace tambo::patrimonio
