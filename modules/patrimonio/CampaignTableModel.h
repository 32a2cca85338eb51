#pragma once

#include "Campaign.h"

#include <QAbstractTableModel>
#include <QHash>

namespace tambo::patrimonio {

// The inventory campaigns as a table ("Campañas de inventario"). No SQL: CampaignListPage fills
// it from CampaignRepository.
class CampaignTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Year, Cutoff, State, Scope, Comision, CreatedBy, ClosedAt, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole + 1, // QString: campaign id
        StateRole,                 // QString: "preparing", "in_progress", "closed"
        SortRole,                  // what the proxy sorts by (dates as ISO text, year as int)
    };

    explicit CampaignTableModel(QObject *parent = nullptr);

    void setCampaigns(const QList<Campaign> &campaigns);
    void setPlaceNames(const QHash<QString, QString> &sedeNames,
                       const QHash<QString, QString> &areaNames);

    Campaign campaignAt(int row) const;
    int rowOfId(const QString &id) const;
    QString scopeText(const Campaign &campaign) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Campaign> m_campaigns;
    QHash<QString, QString> m_sedeNames;
    QHash<QString, QString> m_areaNames;
};

} // namespace tambo::patrimonio
