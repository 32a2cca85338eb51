#include "CampaignTally.h"

#include <algorithm>

namespace tambo::patrimonio {

namespace {

bool earlier(const QDateTime &at,
             const QString &id,
             const QDateTime &otherAt,
             const QString &otherId)
{
    if (at != otherAt)
        return at < otherAt;
    return id < otherId;
}

} // namespace

void CampaignTally::reset(const Campaign &campaign, const QList<CampaignAsset> &registerAssets)
{
    m_campaign = campaign;
    m_assets.clear();
    m_codes.clear();
    m_scanIds.clear();
    m_places.clear();
    m_expected = 0;
    m_foundExpected = 0;
    m_assets.reserve(registerAssets.size());
    for (const CampaignAsset &a : registerAssets) {
        Entry e;
        e.asset = a;
        e.expected = campaign.inScope(a.place.sedeId, a.place.areaId);
        if (e.expected) {
            ++m_expected;
            ++placeFor(a.place).expected;
        }
        m_assets.insert(a.codigo, e);
    }
}

CampaignTally::PlaceProgress &CampaignTally::placeFor(const InventoryPlace &place)
{
    const QString key = place.key();
    auto it = m_places.find(key);
    if (it == m_places.end()) {
        PlaceProgress p;
        p.place = place;
        p.place.ambiente = InventoryPlace::normalizedAmbiente(place.ambiente);
        it = m_places.insert(key, p);
    }
    return it.value();
}

CampaignTally::AddResult CampaignTally::add(const CampaignScan &scan)
{
    AddResult r;
    if (m_scanIds.contains(scan.id)) {
        r.added = Added::Duplicate;
        r.timesScanned = timesScanned(scan.codigo);
        r.result = resultFor(scan.codigo);
        return r;
    }
    m_scanIds.insert(scan.id);
    CodeState &st = m_codes[scan.codigo];
    const bool hadPlace = st.scans > 0;
    const QString oldKey = hadPlace ? st.firstPlace.key() : QString();
    ++st.scans;
    if (!hadPlace || earlier(scan.at, scan.id, st.firstAt, st.firstId)) {
        st.firstId = scan.id;
        st.firstAt = scan.at;
        st.firstPlace = scan.place;
    }
    if (scan.estado
        && (st.estadoId.isEmpty() || earlier(st.estadoAt, st.estadoId, scan.at, scan.id))) {
        st.estado = scan.estado;
        st.estadoAt = scan.at;
        st.estadoId = scan.id;
    }
    if (!hadPlace) {
        const auto it = m_assets.constFind(scan.codigo);
        if (it != m_assets.constEnd() && it->expected) {
            ++m_foundExpected;
            ++placeFor(it->asset.place).found;
        }
    }
    const QString newKey = st.firstPlace.key();
    if (oldKey != newKey) {
        if (hadPlace)
            --m_places[oldKey].scannedHere;
        ++placeFor(st.firstPlace).scannedHere;
    }
    r.added = st.scans > 1 ? Added::Repeated : Added::First;
    r.timesScanned = st.scans;
    r.result = resultFor(scan.codigo);
    return r;
}

void CampaignTally::addAll(const QList<CampaignScan> &scans)
{
    for (const CampaignScan &s : scans)
        add(s);
}

std::optional<CampaignAsset> CampaignTally::asset(const QString &codigo) const
{
    const auto it = m_assets.constFind(codigo);
    if (it == m_assets.constEnd())
        return std::nullopt;
    return it->asset;
}

bool CampaignTally::isExpected(const QString &codigo) const
{
    const auto it = m_assets.constFind(codigo);
    return it != m_assets.constEnd() && it->expected;
}

int CampaignTally::timesScanned(const QString &codigo) const
{
    const auto it = m_codes.constFind(codigo);
    return it == m_codes.constEnd() ? 0 : it->scans;
}

CampaignResult CampaignTally::resultFor(const QString &codigo) const
{
    CampaignResult r;
    r.codigo = codigo;
    const auto a = m_assets.constFind(codigo);
    const bool inRegister = a != m_assets.constEnd();
    const bool expected = inRegister && a->expected;
    if (inRegister) {
        r.inRegister = true;
        r.assetId = a->asset.assetId;
        r.denominacion = a->asset.denominacion;
        r.cuentaContable = a->asset.cuentaContable;
        r.valorCentimos = a->asset.valorCentimos;
        r.registered = a->asset.place;
        r.estadoRegistrado = a->asset.estado;
    }
    const auto st = m_codes.constFind(codigo);
    if (st == m_codes.constEnd() || st->scans == 0) {
        r.outcome = CampaignOutcome::Faltante;
        return r;
    }
    r.scans = st->scans;
    r.found = st->firstPlace;
    r.estadoObservado = st->estado;
    if (!expected)
        r.outcome = CampaignOutcome::Sobrante;
    else if (r.found == r.registered)
        r.outcome = CampaignOutcome::Encontrado;
    else
        r.outcome = CampaignOutcome::OtroLugar;
    r.estadoCambiado = inRegister && st->estado && *st->estado != a->asset.estado;
    return r;
}

QList<CampaignResult> CampaignTally::results() const
{
    QStringList codes;
    codes.reserve(m_expected + m_codes.size());
    for (auto it = m_assets.constBegin(); it != m_assets.constEnd(); ++it) {
        if (it->expected)
            codes.append(it.key());
    }
    for (auto it = m_codes.constBegin(); it != m_codes.constEnd(); ++it) {
        if (!isExpected(it.key()))
            codes.append(it.key());
    }
    std::sort(codes.begin(), codes.end());
    QList<CampaignResult> results;
    results.reserve(codes.size());
    for (const QString &c : std::as_const(codes))
        results.append(resultFor(c));
    return results;
}

CampaignTotals CampaignTally::totals() const
{
    CampaignTotals t;
    t.expected = m_expected;
    t.scans = m_scanIds.size();
    for (auto it = m_assets.constBegin(); it != m_assets.constEnd(); ++it) {
        if (it->expected && !m_codes.contains(it.key())) {
            ++t.faltantes;
            t.valorFaltantes += it->asset.valorCentimos;
        }
    }
    for (auto it = m_codes.constBegin(); it != m_codes.constEnd(); ++it) {
        const CampaignResult r = resultFor(it.key());
        if (it->scans > 1)
            ++t.repeated;
        if (r.estadoCambiado)
            ++t.estadoCambiado;
        switch (r.outcome) {
        case CampaignOutcome::Encontrado:
            ++t.encontrados;
            break;
        case CampaignOutcome::OtroLugar:
            ++t.otroLugar;
            break;
        case CampaignOutcome::Sobrante:
            ++t.sobrantes;
            t.valorSobrantes += r.valorCentimos;
            break;
        case CampaignOutcome::Faltante:
            break;
        }
    }
    return t;
}

QList<CampaignTally::PlaceProgress> CampaignTally::places() const
{
    QList<PlaceProgress> list = m_places.values();
    std::sort(list.begin(), list.end(), [](const PlaceProgress &a, const PlaceProgress &b) {
        return a.place.key() < b.place.key();
    });
    return list;
}

std::optional<InventoryPlace> CampaignTally::placeForCode(const QString &ambienteCode) const
{
    const QString code = InventoryPlace::normalizedCode(ambienteCode);
    for (const PlaceProgress &p : m_places) {
        if (p.place.code() == code)
            return p.place;
    }
    return std::nullopt;
}

} // namespace tambo::patrimonio
