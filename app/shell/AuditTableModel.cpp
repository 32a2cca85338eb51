#include "AuditTableModel.h"

#include <QColor>
#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

namespace tambo::shell {

AuditTableModel::AuditTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AuditTableModel::setRows(const QList<core::AuditLog::Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

core::AuditLog::Row AuditTableModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : core::AuditLog::Row{};
}

int AuditTableModel::rowOfSeq(qint64 seq) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).seq == seq)
            return row;
    }
    return -1;
}

void AuditTableModel::setBadSeq(qint64 seq)
{
    const int before = rowOfSeq(m_badSeq);
    m_badSeq = seq;
    const int after = rowOfSeq(seq);
    for (int row : {before, after}) {
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

QString AuditTableModel::actionText(const QString &action)
{
    static const QHash<QString, const char *> known = {
        {QStringLiteral("create"), QT_TR_NOOP("created")},
        {QStringLiteral("update"), QT_TR_NOOP("changed")},
        {QStringLiteral("delete"), QT_TR_NOOP("deleted")},
        {QStringLiteral("login"), QT_TR_NOOP("logged in")},
        {QStringLiteral("login.ok"), QT_TR_NOOP("logged in")},
        {QStringLiteral("login.failed"), QT_TR_NOOP("failed login")},
        {QStringLiteral("login.refused"), QT_TR_NOOP("login refused")},
        {QStringLiteral("account.locked"), QT_TR_NOOP("account locked (failed attempts)")},
        {QStringLiteral("lock"), QT_TR_NOOP("account locked")},
        {QStringLiteral("unlock"), QT_TR_NOOP("account unlocked")},
        {QStringLiteral("password.change"), QT_TR_NOOP("password changed")},
    };
    const auto it = known.constFind(action);
    return it == known.constEnd() ? action : tr(it.value());
}

QString AuditTableModel::entityText(const QString &entity)
{
    static const QHash<QString, const char *> known = {
        {QStringLiteral("user"), QT_TR_NOOP("user")},
        {QStringLiteral("sede"), QT_TR_NOOP("sede")},
        {QStringLiteral("area"), QT_TR_NOOP("area")},
        {QStringLiteral("role"), QT_TR_NOOP("role")},
        {QStringLiteral("settings"), QT_TR_NOOP("settings")},
    };
    const auto it = known.constFind(entity);
    return it == known.constEnd() ? entity : tr(it.value());
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::AuditLog::Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Seq:
            return row.seq;
        case At: {
            const QDateTime at = QDateTime::fromString(row.at, Qt::ISODateWithMs);
            return at.isValid()
                       ? QLocale().toString(at.toLocalTime(), QStringLiteral("dd/MM/yyyy HH:mm:ss"))
                       : row.at;
        }
        case Actor:
            return row.actor;
        case Action:
            return actionText(row.action);
        case Entity: {
            const QString entity = entityText(row.entity);
            return row.entityId.isEmpty()
                       ? entity
                       : tr("%1 %2", "entity and its id").arg(entity, row.entityId);
        }
        case Device:
            return row.device.left(8);
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << tr("Action: %1").arg(row.action);
        if (!row.beforeJson.isNull())
            lines << tr("Before: %1").arg(row.beforeJson);
        if (!row.afterJson.isNull())
            lines << tr("After: %1").arg(row.afterJson);
        lines << tr("Device: %1").arg(row.device);
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::ForegroundRole:
        if (m_badSeq != 0 && row.seq == m_badSeq)
            return QColor(0x8a, 0x1c, 0x12);
        break;
    case Qt::BackgroundRole:
        if (m_badSeq != 0 && row.seq == m_badSeq)
            return QColor(0xfd, 0xec, 0xea);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Seq)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Seq:
        return tr("No.");
    case At:
        return tr("Date and time");
    case Actor:
        return tr("User");
    case Action:
        return tr("Action");
    case Entity:
        return tr("Record");
    case Device:
        return tr("Device");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tambo::shell
