#pragma once

#include "CampaignTally.h"

#include <QAbstractItemModel>
#include <QHash>

namespace tambo::patrimonio {

// Live progress of a campaign as a tree: one row per área (its name; "sede · área" as the
// tooltip), its ambientes below.
// Each row: bienes expected there, how many of them were found (anywhere), how many are still
// pending, how many códigos were scanned there (any outcome) and the percentage found.
// setTally() after each scan: when the places are the same the rows only change their numbers
// (dataChanged, the view keeps its expansion and selection); a new place resets the model.
class InventoryProgressModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Place, Expected, Found, Pending, ScannedHere, Percent, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        PercentRole = Qt::UserRole + 1, // int 0..100 (100 when nothing is expected)
        AmbienteCodeRole,               // QString "AMB-…" (ambiente rows only)
        PlaceKeyRole,                   // QString: InventoryPlace::key() or "sede|area"
    };

    explicit InventoryProgressModel(QObject *parent = nullptr);

    void setPlaceNames(const QHash<QString, QString> &sedeNames,
                       const QHash<QString, QString> &areaNames);
    void setTally(const CampaignTally &tally);
    void clear();

    // The ambiente of an index (invalid place for área rows).
    InventoryPlace placeAt(const QModelIndex &index) const;
    QModelIndex indexOfPlace(const InventoryPlace &place) const;
    int areaCount() const { return int(m_areas.size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Counts
    {
        int expected = 0;
        int found = 0;
        int scannedHere = 0;
    };
    struct AreaNode
    {
        QString sedeId;
        QString areaId;
        Counts counts;
        QList<CampaignTally::PlaceProgress> ambientes;
    };
    static QList<AreaNode> build(const CampaignTally &tally);
    static bool sameShape(const QList<AreaNode> &a, const QList<AreaNode> &b);
    QVariant counted(const Counts &c, int column, int role) const;

    QList<AreaNode> m_areas;
    QHash<QString, QString> m_sedeNames;
    QHash<QString, QString> m_areaNames;
};

} // namespace tambo::patrimonio
