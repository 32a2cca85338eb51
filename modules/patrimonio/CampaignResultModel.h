#pragma once

#include "Campaign.h"

#include <QAbstractTableModel>
#include <QHash>

namespace tambo::patrimonio {

// The outcome of every código of a campaign (live from CampaignTally, or frozen at close). A
// QSortFilterProxyModel with filterRole OutcomeRole picks one list (faltantes, sobrantes…).
class CampaignResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Codigo,
        Denominacion,
        Outcome,
        EstadoColumn,
        Registered,
        Found,
        Scans,
        Valor,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        OutcomeRole = Qt::UserRole
                      + 1,  // QString: "encontrado", "otro_lugar", "faltante", "sobrante"
        EstadoCambiadoRole, // bool
        SortRole,           // numbers as numbers
    };

    explicit CampaignResultModel(QObject *parent = nullptr);

    void setResults(const QList<CampaignResult> &results);
    void setPlaceNames(const QHash<QString, QString> &sedeNames,
                       const QHash<QString, QString> &areaNames);
    CampaignResult resultAt(int row) const;
    int rowOfCodigo(const QString &codigo) const;
    QString placeText(const InventoryPlace &place) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<CampaignResult> m_results;
    QHash<QString, QString> m_sedeNames;
    QHash<QString, QString> m_areaNames;
};

} // namespace tambo::patrimonio
