#pragma once

#include "Asset.h"
#include "AssetSnapshot.h"

#include <QAbstractTableModel>
#include <QHash>

namespace tambo::patrimonio {

// The register as a table (KeePassXC's EntryModel: a public column enum and typed accessors).
// Holds an AssetSnapshot: 100 000 assets load in one query and take a few tens of MB; all rows
// are in memory at once (search and filters must see every row, so fetchMore() would only
// delay them). No SQL here: AssetRegisterPage fills it from AssetRepository.
class AssetTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Codigo,
        Denominacion,
        Marca,
        Modelo,
        Serie,
        EstadoColumn,
        SituacionColumn,
        Sede,
        Area,
        Ambiente,
        Responsable,
        Valor,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        CodigoRole = Qt::UserRole + 1, // QString: the row's código patrimonial
        PoolIdRole, // int: the snapshot pool id of the column's text (-1 for Estado/Valor)
        EstadoRole, // QChar: N, B, R, M, X or Y
        ValorRole,  // qint64: céntimos
        SedeIdRole, // QString
        AreaIdRole, // QString
    };

    explicit AssetTableModel(QObject *parent = nullptr);

    void setSnapshot(const AssetSnapshot &snapshot);
    const AssetSnapshot &snapshot() const { return m_snapshot; }
    // Grows with every change of the rows (reset, upsert): caches built on the rows compare it.
    quint64 generation() const { return m_generation; }
    // Grows with setSnapshot() only: between two resets the string pool only grows.
    quint64 resetGeneration() const { return m_resetGeneration; }
    // Replaces the row of asset.codigo with the asset's current values, or appends it.
    void upsert(const Asset &asset);
    void setPlaceNames(const QHash<QString, QString> &sedeNames,
                       const QHash<QString, QString> &areaNames);

    // Typed accessors.
    Asset assetAt(int row) const; // the listed fields only (no id, dates or remarks)
    Asset assetFromIndex(const QModelIndex &index) const { return assetAt(index.row()); }
    QString codigoAt(int row) const;
    int rowOfCodigo(const QString &codigo) const { return m_snapshot.rowOfCodigo(codigo); }
    // The snapshot pool id a column of a row shows, or -1 for columns that are not text.
    int poolIdAt(int row, int column) const;
    QString sedeName(const QString &sedeId) const { return m_sedeNames.value(sedeId, sedeId); }
    QString areaName(const QString &areaId) const { return m_areaNames.value(areaId, areaId); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    AssetSnapshot m_snapshot;
    quint64 m_generation = 0;
    quint64 m_resetGeneration = 0;
    QHash<QString, QString> m_sedeNames;
    QHash<QString, QString> m_areaNames;
};

} // namespace tambo::patrimonio
