#pragma once

#include "Movement.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace tambo::patrimonio {

// Movements of assets, one per row (newest first as given). StatusKeyRole gives "pendiente",
// "aprobado" or "rechazado" for filtering; SortRole sorts dates and counts as values.
class MovementTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Status, Kind, Assets, From, To, ProposedBy, ProposedAt, Acta, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1, StatusKeyRole, SortRole };

    explicit MovementTableModel(QObject *parent = nullptr);

    void setPlaceNames(const QHash<QString, QString> &sedes, const QHash<QString, QString> &areas);
    void setMovements(const QList<Movement> &movements);
    const Movement &movementAt(int row) const { return m_movements.at(row); }
    int rowOfId(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString statusKey(MovementStatus status);

private:
    QString place(const QString &sede, const QString &area, const QString &ambiente) const;

    QList<Movement> m_movements;
    QHash<QString, QString> m_sedes;
    QHash<QString, QString> m_areas;
};

} // namespace tambo::patrimonio
