#include "InventoryProgressModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace tambo::patrimonio {

namespace {

constexpr quintptr AreaLevel = 0; // internalId of área rows; ambiente rows hold área row + 1

} // namespace

InventoryProgressModel::InventoryProgressModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void InventoryProgressModel::setPlaceNames(const QHash<QString, QString> &sedeNames,
                                           const QHash<QString, QString> &areaNames)
{
    beginResetModel();
    m_sedeNames = sedeNames;
    m_areaNames = areaNames;
    endResetModel();
}

QList<InventoryProgressModel::AreaNode> InventoryProgressModel::build(const CampaignTally &tally)
{
    QList<AreaNode> areas;
    for (const CampaignTally::PlaceProgress &p : tally.places()) {
        if (areas.isEmpty() || areas.last().sedeId != p.place.sedeId
            || areas.last().areaId != p.place.areaId) {
            AreaNode n;
            n.sedeId = p.place.sedeId;
            n.areaId = p.place.areaId;
            areas.append(n);
        }
        AreaNode &n = areas.last();
        n.ambientes.append(p);
        n.counts.expected += p.expected;
        n.counts.found += p.found;
        n.counts.scannedHere += p.scannedHere;
    }
    return areas;
}

bool InventoryProgressModel::sameShape(const QList<AreaNode> &a, const QList<AreaNode> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a.at(i).ambientes.size() != b.at(i).ambientes.size())
            return false;
        for (int j = 0; j < a.at(i).ambientes.size(); ++j) {
            if (!(a.at(i).ambientes.at(j).place == b.at(i).ambientes.at(j).place))
                return false;
        }
    }
    return true;
}

void InventoryProgressModel::setTally(const CampaignTally &tally)
{
    QList<AreaNode> areas = build(tally);
    if (!sameShape(areas, m_areas)) {
        beginResetModel();
        m_areas = std::move(areas);
        endResetModel();
        return;
    }
    m_areas = std::move(areas);
    if (m_areas.isEmpty())
        return;
    emit dataChanged(index(0, 0), index(int(m_areas.size()) - 1, ColumnCount - 1));
    for (int i = 0; i < m_areas.size(); ++i) {
        const QModelIndex parent = index(i, 0);
        const int n = int(m_areas.at(i).ambientes.size());
        if (n > 0)
            emit dataChanged(index(0, 0, parent), index(n - 1, ColumnCount - 1, parent));
    }
}

void InventoryProgressModel::clear()
{
    beginResetModel();
    m_areas.clear();
    endResetModel();
}

InventoryPlace InventoryProgressModel::placeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == AreaLevel)
        return {};
    const AreaNode &area = m_areas.at(int(index.internalId() - 1));
    return area.ambientes.at(index.row()).place;
}

QModelIndex InventoryProgressModel::indexOfPlace(const InventoryPlace &place) const
{
    for (int i = 0; i < m_areas.size(); ++i) {
        const AreaNode &a = m_areas.at(i);
        for (int j = 0; j < a.ambientes.size(); ++j) {
            if (a.ambientes.at(j).place == place)
                return index(j, 0, index(i, 0));
        }
    }
    return {};
}

QModelIndex InventoryProgressModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_areas.size() ? createIndex(row, column, AreaLevel) : QModelIndex();
    if (parent.internalId() != AreaLevel || parent.row() >= m_areas.size())
        return {};
    if (row >= m_areas.at(parent.row()).ambientes.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex InventoryProgressModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == AreaLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, AreaLevel);
}

int InventoryProgressModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_areas.size());
    if (parent.column() != 0 || parent.internalId() != AreaLevel)
        return 0;
    return int(m_areas.at(parent.row()).ambientes.size());
}

int InventoryProgressModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant InventoryProgressModel::counted(const Counts &c, int column, int role) const
{
    const int percent = c.expected > 0 ? (100 * c.found) / c.expected : 100;
    if (role == PercentRole)
        return percent;
    if (role == Qt::TextAlignmentRole && column != Place)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && column == Pending && c.expected - c.found > 0)
        return QBrush(QColor(0x9c, 0x1c, 0x1c));
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Expected:
        return c.expected;
    case Found:
        return c.found;
    case Pending:
        return c.expected - c.found;
    case ScannedHere:
        return c.scannedHere;
    case Percent:
        return c.expected > 0 ? QStringLiteral("%1 %").arg(percent) : QStringLiteral("—");
    default:
        return {};
    }
}

QVariant InventoryProgressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == AreaLevel) {
        const AreaNode &a = m_areas.at(index.row());
        if (index.column() == Place) {
            // The área's name (rows are ordered by sede); the sede too in the tooltip.
            const QString sede = m_sedeNames.value(a.sedeId, a.sedeId);
            if (role == Qt::DisplayRole)
                return a.areaId.isEmpty() ? sede : m_areaNames.value(a.areaId, a.areaId);
            if (role == Qt::ToolTipRole)
                return a.areaId.isEmpty()
                           ? sede
                           : QStringLiteral("%1 · %2").arg(sede,
                                                           m_areaNames.value(a.areaId, a.areaId));
            if (role == PlaceKeyRole)
                return a.sedeId + u'|' + a.areaId;
            if (role == PercentRole)
                return counted(a.counts, index.column(), role);
            return {};
        }
        return counted(a.counts, index.column(), role);
    }
    const AreaNode &area = m_areas.at(int(index.internalId() - 1));
    const CampaignTally::PlaceProgress &p = area.ambientes.at(index.row());
    if (index.column() == Place) {
        switch (role) {
        case Qt::DisplayRole:
            return p.place.ambiente;
        case Qt::ToolTipRole:
        case AmbienteCodeRole:
            return p.place.code();
        case PlaceKeyRole:
            return p.place.key();
        case PercentRole:
            break;
        default:
            return {};
        }
    }
    return counted({p.expected, p.found, p.scannedHere}, index.column(), role);
}

QVariant InventoryProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Place:
        return tr("Place");
    case Expected:
        return tr("Expected");
    case Found:
        return tr("Found");
    case Pending:
        return tr("Pending");
    case ScannedHere:
        return tr("Scanned here");
    case Percent:
        return tr("Progress");
    default:
        return {};
    }
}

} // namespace tambo::patrimonio
