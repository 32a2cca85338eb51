#include "AssetTableModel.h"

#include "Asset.h"

#include <QBrush>
#include <QColor>

namespace tambo::patrimonio {

AssetTableModel::AssetTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AssetTableModel::setSnapshot(const AssetSnapshot &snapshot)
{
    beginResetModel();
    ++m_generation;
    ++m_resetGeneration;
    m_snapshot = snapshot;
    endResetModel();
}

void AssetTableModel::upsert(const Asset &asset)
{
    AssetSnapshot::Row row;
    row.codigo = m_snapshot.intern(asset.codigo);
    row.denominacion = m_snapshot.intern(asset.denominacion);
    row.marca = m_snapshot.intern(asset.marca);
    row.modelo = m_snapshot.intern(asset.modelo);
    row.serie = m_snapshot.intern(asset.serie);
    row.responsable = m_snapshot.intern(asset.responsable);
    row.sedeId = m_snapshot.intern(asset.sedeId);
    row.areaId = m_snapshot.intern(asset.areaId);
    row.ambiente = m_snapshot.intern(asset.ambiente);
    row.estado = asset.estado;
    row.situacion = asset.situacion;
    row.valorCentimos = asset.valorCentimos;
    const int existing = m_snapshot.rowOfCodigo(asset.codigo);
    ++m_generation;
    if (existing >= 0) {
        m_snapshot.upsert(row);
        emit dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
        return;
    }
    const int last = m_snapshot.size();
    beginInsertRows({}, last, last);
    m_snapshot.upsert(row);
    endInsertRows();
}

void AssetTableModel::setPlaceNames(const QHash<QString, QString> &sedeNames,
                                    const QHash<QString, QString> &areaNames)
{
    m_sedeNames = sedeNames;
    m_areaNames = areaNames;
    if (rowCount() > 0) {
        emit dataChanged(index(0, Sede), index(rowCount() - 1, Area), {Qt::DisplayRole});
    }
}

Asset AssetTableModel::assetAt(int row) const
{
    Asset a;
    if (row < 0 || row >= m_snapshot.size())
        return a;
    const AssetSnapshot::Row &r = m_snapshot.row(row);
    a.codigo = m_snapshot.text(r.codigo);
    a.denominacion = m_snapshot.text(r.denominacion);
    a.marca = m_snapshot.text(r.marca);
    a.modelo = m_snapshot.text(r.modelo);
    a.serie = m_snapshot.text(r.serie);
    a.responsable = m_snapshot.text(r.responsable);
    a.sedeId = m_snapshot.text(r.sedeId);
    a.areaId = m_snapshot.text(r.areaId);
    a.ambiente = m_snapshot.text(r.ambiente);
    a.estado = r.estado;
    a.situacion = r.situacion;
    a.valorCentimos = r.valorCentimos;
    return a;
}

QString AssetTableModel::codigoAt(int row) const
{
    if (row < 0 || row >= m_snapshot.size())
        return {};
    return m_snapshot.text(m_snapshot.row(row).codigo);
}

int AssetTableModel::poolIdAt(int row, int column) const
{
    if (row < 0 || row >= m_snapshot.size())
        return -1;
    const AssetSnapshot::Row &r = m_snapshot.row(row);
    switch (column) {
    case Codigo:
        return r.codigo;
    case Denominacion:
        return r.denominacion;
    case Marca:
        return r.marca;
    case Modelo:
        return r.modelo;
    case Serie:
        return r.serie;
    case Sede:
        return r.sedeId;
    case Area:
        return r.areaId;
    case Ambiente:
        return r.ambiente;
    case Responsable:
        return r.responsable;
    default:
        return -1;
    }
}

int AssetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_snapshot.size();
}

int AssetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AssetTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AssetSnapshot::Row &r = m_snapshot.row(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case EstadoColumn:
            return Estados::title(r.estado);
        case SituacionColumn:
            return Estados::situacionTitle(r.situacion);
        case Sede:
            return sedeName(m_snapshot.text(r.sedeId));
        case Area:
            return areaName(m_snapshot.text(r.areaId));
        case Valor:
            return formatSoles(r.valorCentimos);
        default:
            return m_snapshot.text(poolIdAt(index.row(), column));
        }
    case Qt::ToolTipRole:
        if (column == EstadoColumn)
            return QStringLiteral("%1 (%2)").arg(Estados::title(r.estado), Estados::code(r.estado));
        if (column == Denominacion)
            return m_snapshot.text(r.denominacion);
        return {};
    case Qt::TextAlignmentRole:
        if (column == Valor)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (Estados::isEndOfLife(r.estado) || r.estado == Estado::Malo)
            return QBrush(QColor(0x9c, 0x1c, 0x1c)); // dark red: still readable, AA contrast
        return {};
    case CodigoRole:
        return m_snapshot.text(r.codigo);
    case PoolIdRole:
        return poolIdAt(index.row(), column);
    case EstadoRole:
        return Estados::code(r.estado);
    case ValorRole:
        return r.valorCentimos;
    case SedeIdRole:
        return m_snapshot.text(r.sedeId);
    case AreaIdRole:
        return m_snapshot.text(r.areaId);
    default:
        return {};
    }
}

QVariant AssetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Codigo:
        return tr("Code");
    case Denominacion:
        return tr("Denomination");
    case Marca:
        return tr("Brand");
    case Modelo:
        return tr("Model");
    case Serie:
        return tr("Serial number");
    case EstadoColumn:
        return tr("Condition");
    case SituacionColumn:
        return tr("Use");
    case Sede:
        return tr("Sede");
    case Area:
        return tr("Area");
    case Ambiente:
        return tr("Room");
    case Responsable:
        return tr("Custodian");
    case Valor:
        return tr("Value");
    default:
        return {};
    }
}

} // namespace tambo::patrimonio
