#include "CampaignResultModel.h"

#include "Asset.h"

#include <QBrush>
#include <QColor>

namespace tambo::patrimonio {

CampaignResultModel::CampaignResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CampaignResultModel::setResults(const QList<CampaignResult> &results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

void CampaignResultModel::setPlaceNames(const QHash<QString, QString> &sedeNames,
                                        const QHash<QString, QString> &areaNames)
{
    m_sedeNames = sedeNames;
    m_areaNames = areaNames;
    if (rowCount() > 0)
        emit dataChanged(index(0, Registered), index(rowCount() - 1, Found), {Qt::DisplayRole});
}

CampaignResult CampaignResultModel::resultAt(int row) const
{
    return row >= 0 && row < m_results.size() ? m_results.at(row) : CampaignResult();
}

int CampaignResultModel::rowOfCodigo(const QString &codigo) const
{
    for (int i = 0; i < m_results.size(); ++i) {
        if (m_results.at(i).codigo == codigo)
            return i;
    }
    return -1;
}

QString CampaignResultModel::placeText(const InventoryPlace &place) const
{
    if (place.sedeId.isEmpty())
        return {};
    QStringList parts{m_sedeNames.value(place.sedeId, place.sedeId)};
    if (!place.areaId.isEmpty())
        parts << m_areaNames.value(place.areaId, place.areaId);
    parts << place.ambiente;
    return parts.join(QStringLiteral(" · "));
}

int CampaignResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int CampaignResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CampaignResult &r = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Codigo:
            return r.codigo;
        case Denominacion:
            return r.inRegister ? r.denominacion : tr("(not in the register)");
        case Outcome:
            return Campaigns::outcomeTitle(r.outcome);
        case EstadoColumn:
            if (r.estadoCambiado && r.estadoRegistrado && r.estadoObservado)
                return tr("%1 → %2").arg(Estados::title(*r.estadoRegistrado),
                                         Estados::title(*r.estadoObservado));
            return r.estadoRegistrado ? Estados::title(*r.estadoRegistrado) : QString();
        case Registered:
            return placeText(r.registered);
        case Found:
            return placeText(r.found);
        case Scans:
            return r.scans;
        case Valor:
            return r.inRegister ? formatSoles(r.valorCentimos) : QString();
        default:
            return {};
        }
    case SortRole:
        if (index.column() == Scans)
            return r.scans;
        if (index.column() == Valor)
            return r.valorCentimos;
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (index.column() == Scans || index.column() == Valor)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Outcome
            && (r.outcome == CampaignOutcome::Faltante || r.outcome == CampaignOutcome::Sobrante))
            return QBrush(QColor(0x9c, 0x1c, 0x1c));
        if (index.column() == EstadoColumn && r.estadoCambiado)
            return QBrush(QColor(0x8a, 0x4b, 0x00));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Scans && r.scans > 1)
            return tr("Scanned %n time(s); counted once.", nullptr, r.scans);
        return {};
    case OutcomeRole:
        return Campaigns::outcomeKey(r.outcome);
    case EstadoCambiadoRole:
        return r.estadoCambiado;
    default:
        return {};
    }
}

QVariant CampaignResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Codigo:
        return tr("Code");
    case Denominacion:
        return tr("Denomination");
    case Outcome:
        return tr("Outcome");
    case EstadoColumn:
        return tr("Condition");
    case Registered:
        return tr("Registered place");
    case Found:
        return tr("Found in");
    case Scans:
        return tr("Scans");
    case Valor:
        return tr("Value");
    default:
        return {};
    }
}

} // namespace tambo::patrimonio
