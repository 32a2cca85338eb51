#include "CampaignTableModel.h"

#include <QLocale>

namespace tambo::patrimonio {

CampaignTableModel::CampaignTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CampaignTableModel::setCampaigns(const QList<Campaign> &campaigns)
{
    beginResetModel();
    m_campaigns = campaigns;
    endResetModel();
}

void CampaignTableModel::setPlaceNames(const QHash<QString, QString> &sedeNames,
                                       const QHash<QString, QString> &areaNames)
{
    m_sedeNames = sedeNames;
    m_areaNames = areaNames;
    if (rowCount() > 0)
        emit dataChanged(index(0, Scope), index(rowCount() - 1, Scope), {Qt::DisplayRole});
}

Campaign CampaignTableModel::campaignAt(int row) const
{
    return row >= 0 && row < m_campaigns.size() ? m_campaigns.at(row) : Campaign();
}

int CampaignTableModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_campaigns.size(); ++i) {
        if (m_campaigns.at(i).id == id)
            return i;
    }
    return -1;
}

QString CampaignTableModel::scopeText(const Campaign &c) const
{
    if (c.coversEverything())
        return tr("Every sede");
    QStringList parts;
    for (const QString &s : c.sedeIds)
        parts << m_sedeNames.value(s, s);
    for (const QString &a : c.areaIds)
        parts << m_areaNames.value(a, a);
    return parts.join(QStringLiteral("; "));
}

int CampaignTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_campaigns.size());
}

int CampaignTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Campaign &c = m_campaigns.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return c.name;
        case Year:
            return c.year;
        case Cutoff:
            return c.cutoff.toString(QStringLiteral("dd/MM/yyyy"));
        case State:
            return Campaigns::stateTitle(c.state);
        case Scope:
            return scopeText(c);
        case Comision: {
            QStringList names;
            for (const CampaignMember &m : c.comision)
                names << m.name;
            return names.join(QStringLiteral("; "));
        }
        case CreatedBy:
            return c.createdBy;
        case ClosedAt:
            return c.closedAt.isValid()
                       ? c.closedAt.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"))
                       : QString();
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case Year:
            return c.year;
        case Cutoff:
            return c.cutoff.toString(Qt::ISODate);
        case State:
            return int(c.state);
        case ClosedAt:
            return c.closedAt.toUTC().toString(Qt::ISODateWithMs);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == Scope || index.column() == Comision)
            return data(index, Qt::DisplayRole);
        return {};
    case IdRole:
        return c.id;
    case StateRole:
        return Campaigns::stateKey(c.state);
    default:
        return {};
    }
}

QVariant CampaignTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Campaign");
    case Year:
        return tr("Year");
    case Cutoff:
        return tr("Cut-off date");
    case State:
        return tr("State");
    case Scope:
        return tr("Scope");
    case Comision:
        return tr("Comisión");
    case CreatedBy:
        return tr("Created by");
    case ClosedAt:
        return tr("Closed on");
    default:
        return {};
    }
}

} // namespace tambo::patrimonio
