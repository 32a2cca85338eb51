#include "Campaign.h"

#include <QJsonArray>

namespace tambo::patrimonio {

bool Campaign::inScope(const QString &sedeId, const QString &areaId) const
{
    if (coversEverything())
        return true;
    if (sedeIds.contains(sedeId))
        return true;
    return !areaId.isEmpty() && areaIds.contains(areaId);
}

QJsonObject Campaign::toJson() const
{
    QJsonArray members;
    for (const CampaignMember &m : comision)
        members.append(
            QJsonObject{{QStringLiteral("name"), m.name}, {QStringLiteral("role"), m.role}});
    return {
        {QStringLiteral("name"), name},
        {QStringLiteral("year"), year},
        {QStringLiteral("cutoff_date"), cutoff.toString(Qt::ISODate)},
        {QStringLiteral("comision"), members},
        {QStringLiteral("scope_sedes"), QJsonArray::fromStringList(sedeIds)},
        {QStringLiteral("scope_areas"), QJsonArray::fromStringList(areaIds)},
        {QStringLiteral("state"), Campaigns::stateKey(state)},
    };
}

QString Campaigns::stateKey(CampaignState state)
{
    switch (state) {
    case CampaignState::Preparing:
        return QStringLiteral("preparing");
    case CampaignState::InProgress:
        return QStringLiteral("in_progress");
    case CampaignState::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

std::optional<CampaignState> Campaigns::stateFromKey(const QString &key)
{
    for (const CampaignState s :
         {CampaignState::Preparing, CampaignState::InProgress, CampaignState::Closed}) {
        if (stateKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString Campaigns::stateTitle(CampaignState state)
{
    switch (state) {
    case CampaignState::Preparing:
        return tr("Preparing");
    case CampaignState::InProgress:
        return tr("In progress");
    case CampaignState::Closed:
        return tr("Closed");
    }
    return {};
}

QList<CampaignOutcome> Campaigns::allOutcomes()
{
    return {CampaignOutcome::Encontrado,
            CampaignOutcome::OtroLugar,
            CampaignOutcome::Faltante,
            CampaignOutcome::Sobrante};
}

QString Campaigns::outcomeKey(CampaignOutcome outcome)
{
    switch (outcome) {
    case CampaignOutcome::Encontrado:
        return QStringLiteral("encontrado");
    case CampaignOutcome::OtroLugar:
        return QStringLiteral("otro_lugar");
    case CampaignOutcome::Faltante:
        return QStringLiteral("faltante");
    case CampaignOutcome::Sobrante:
        return QStringLiteral("sobrante");
    }
    return {};
}

std::optional<CampaignOutcome> Campaigns::outcomeFromKey(const QString &key)
{
    for (const CampaignOutcome o : allOutcomes()) {
        if (outcomeKey(o) == key)
            return o;
    }
    return std::nullopt;
}

QString Campaigns::outcomeTitle(CampaignOutcome outcome)
{
    switch (outcome) {
    case CampaignOutcome::Encontrado:
        return tr("Found");
    case CampaignOutcome::OtroLugar:
        return tr("Found elsewhere");
    case CampaignOutcome::Faltante:
        return tr("Missing");
    case CampaignOutcome::Sobrante:
        return tr("Surplus");
    }
    return {};
}

} // namespace tambo::patrimonio
