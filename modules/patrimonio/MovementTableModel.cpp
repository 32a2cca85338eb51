#include "MovementTableModel.h"

#include "MovementRepository.h"

namespace tambo::patrimonio {

MovementTableModel::MovementTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MovementTableModel::setPlaceNames(const QHash<QString, QString> &sedes,
                                       const QHash<QString, QString> &areas)
{
    m_sedes = sedes;
    m_areas = areas;
    if (!m_movements.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void MovementTableModel::setMovements(const QList<Movement> &movements)
{
    beginResetModel();
    m_movements = movements;
    endResetModel();
}

int MovementTableModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_movements.size(); ++i) {
        if (m_movements.at(i).id == id)
            return i;
    }
    return -1;
}

int MovementTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_movements.size());
}

int MovementTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MovementTableModel::statusKey(MovementStatus status)
{
    switch (status) {
    case MovementStatus::Pendiente:
        return QStringLiteral("pendiente");
    case MovementStatus::Aprobado:
        return QStringLiteral("aprobado");
    case MovementStatus::Rechazado:
        return QStringLiteral("rechazado");
    }
    return {};
}

QString MovementTableModel::place(const QString &sede,
                                  const QString &area,
                                  const QString &ambiente) const
{
    QStringList parts;
    if (!sede.isEmpty())
        parts << m_sedes.value(sede, sede);
    if (!area.isEmpty())
        parts << m_areas.value(area, area);
    if (!ambiente.isEmpty())
        parts << ambiente;
    return parts.join(QLatin1String(" / "));
}

QVariant MovementTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Movement &m = m_movements.at(index.row());
    if (role == IdRole)
        return m.id;
    if (role == StatusKeyRole)
        return statusKey(m.status);
    if (role == SortRole) {
        if (index.column() == ProposedAt)
            return m.proposedAt;
        if (index.column() == Assets)
            return int(m.items.size());
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    switch (Column(index.column())) {
    case Status:
        if (m.status == MovementStatus::Rechazado && role == Qt::ToolTipRole)
            return m.decisionReason;
        return MovementRepository::statusTitle(m.status);
    case Kind:
        return MovementRepository::kindTitle(m.kind);
    case Assets: {
        const QStringList codes = m.codigos();
        if (role == Qt::ToolTipRole || codes.size() <= 2)
            return codes.join(QLatin1String(", "));
        return tr("%1 and %n more", nullptr, int(codes.size()) - 1).arg(codes.first());
    }
    case From: {
        if (m.items.isEmpty())
            return QString();
        const MovementItem &i = m.items.first();
        const QString where = place(i.sedeId, i.areaId, i.ambiente);
        return i.responsable.isEmpty() ? where : where + QStringLiteral(" — ") + i.responsable;
    }
    case To: {
        if (m.kind == MovementKind::Baja)
            return tr("Write-off: %1").arg(m.resolucion);
        const QString where = place(m.toSedeId, m.toAreaId, m.toAmbiente);
        if (m.toResponsable.isEmpty())
            return where;
        return where.isEmpty() ? m.toResponsable : where + QStringLiteral(" — ") + m.toResponsable;
    }
    case ProposedBy:
        return m.proposedBy;
    case ProposedAt:
        return m.proposedAt.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"));
    case Acta:
        return m.acta;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MovementTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Status:
        return tr("Status");
    case Kind:
        return tr("Movement");
    case Assets:
        return tr("Assets");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case ProposedBy:
        return tr("Proposed by");
    case ProposedAt:
        return tr("Proposed on");
    case Acta:
        return tr("Acta");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tambo::patrimonio
