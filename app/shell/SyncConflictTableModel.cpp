#include "SyncConflictTableModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace tambo::shell {

namespace {

bool isEditDelete(const core::LocalSyncStore::Conflict &c)
{
    return c.kind == QLatin1String("edit_delete");
}

QJsonValue parsed(const QString &json)
{
    if (json.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson(
        (QStringLiteral("[") + json + QStringLiteral("]")).toUtf8());
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().at(0)
                                                   : QJsonValue(QJsonValue::Undefined);
}

QString scalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == qint64(d) ? QString::number(qint64(d)) : QString::number(d);
    }
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    default:
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    }
}

// What a rejected update changed ("observaciones: Pantalla rayada"); the whole row otherwise.
QString changedPart(const core::LocalSyncStore::Rejected &r)
{
    const QJsonValue data = parsed(r.data);
    const QJsonValue changed = parsed(r.changed);
    if (r.op != QLatin1String("update") || !data.isObject() || !changed.isArray()
        || changed.toArray().isEmpty())
        return {};
    QStringList parts;
    const QJsonObject row = data.toObject();
    for (const QJsonValue &column : changed.toArray())
        parts << QStringLiteral("%1: %2").arg(column.toString(),
                                              scalarText(row.value(column.toString())));
    return parts.join(QStringLiteral("; "));
}

} // namespace

SyncConflictTableModel::SyncConflictTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SyncConflictTableModel::setItems(const QList<core::LocalSyncStore::Conflict> &conflicts,
                                      const QList<core::LocalSyncStore::Rejected> &rejected)
{
    beginResetModel();
    m_conflicts = conflicts;
    m_rejected = rejected;
    endResetModel();
}

SyncConflictTableModel::Item SyncConflictTableModel::itemAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    if (row < m_conflicts.size())
        return {true, m_conflicts.at(row).id};
    return {false, m_rejected.at(row - m_conflicts.size()).seq};
}

int SyncConflictTableModel::rowOf(const Item &item) const
{
    for (int row = 0; row < rowCount(); ++row) {
        const Item other = itemAt(row);
        if (other.conflict == item.conflict && other.id == item.id)
            return row;
    }
    return -1;
}

const core::LocalSyncStore::Conflict *SyncConflictTableModel::conflictAt(int row) const
{
    return row >= 0 && row < m_conflicts.size() ? &m_conflicts.at(row) : nullptr;
}

const core::LocalSyncStore::Rejected *SyncConflictTableModel::rejectedAt(int row) const
{
    const int r = row - int(m_conflicts.size());
    return r >= 0 && r < m_rejected.size() ? &m_rejected.at(r) : nullptr;
}

QString SyncConflictTableModel::displayValue(const QString &json)
{
    const QJsonValue v = parsed(json);
    if (v.isUndefined() || v.isNull())
        return tr("(empty)");
    if (v.isObject()) {
        QStringList parts;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            parts << QStringLiteral("%1: %2").arg(it.key(), scalarText(it.value()));
        return parts.join(QStringLiteral("; "));
    }
    return scalarText(v);
}

int SyncConflictTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conflicts.size() + m_rejected.size());
}

int SyncConflictTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SyncConflictTableModel::text(int row, int column) const
{
    if (const core::LocalSyncStore::Conflict *c = conflictAt(row)) {
        const bool editDelete = isEditDelete(*c);
        const auto side = [&](const QString &json) {
            if (editDelete && parsed(json).isNull())
                return tr("(deleted)");
            return editDelete ? tr("(changed record)") : displayValue(json);
        };
        switch (column) {
        case Kind:
            return editDelete ? tr("Edit against delete") : tr("Field conflict");
        case Table:
            return c->table;
        case Record:
            return c->rowId;
        case Field:
            return editDelete ? tr("(whole record)") : c->field;
        case ServerValue:
            return side(c->serverValue);
        case LocalValue:
            return side(c->clientValue);
        case Recorded:
            return QLocale().toString(c->recordedAt.toLocalTime(), QLocale::ShortFormat);
        default:
            return {};
        }
    }
    if (const core::LocalSyncStore::Rejected *r = rejectedAt(row)) {
        switch (column) {
        case Kind:
            return tr("Rejected change");
        case Table:
            return r->table;
        case Record:
            return r->rowId;
        case Field:
            return r->op == QLatin1String("insert")   ? tr("(new record)")
                   : r->op == QLatin1String("delete") ? tr("(deletion)")
                                                      : tr("(change)");
        case ServerValue:
            return r->message.isEmpty() ? r->reason : r->message;
        case LocalValue: {
            if (r->op == QLatin1String("delete"))
                return tr("(deleted)");
            const QString changed = changedPart(*r);
            return changed.isEmpty() ? displayValue(r->data) : changed;
        }
        default:
            return {};
        }
    }
    return {};
}

QVariant SyncConflictTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return text(index.row(), index.column());
    if (role == SortRole) {
        if (index.column() == Recorded) {
            const core::LocalSyncStore::Conflict *c = conflictAt(index.row());
            return c ? c->recordedAt : QDateTime();
        }
        return text(index.row(), index.column()).toLower();
    }
    return {};
}

QVariant SyncConflictTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind:
        return tr("Kind");
    case Table:
        return tr("Table");
    case Record:
        return tr("Record");
    case Field:
        return tr("Field");
    case ServerValue:
        return tr("Server");
    case LocalValue:
        return tr("This PC");
    case Recorded:
        return tr("Recorded");
    default:
        return {};
    }
}

QString SyncConflictTableModel::details(int row) const
{
    QStringList lines;
    if (const core::LocalSyncStore::Conflict *c = conflictAt(row)) {
        if (isEditDelete(*c)) {
            lines << tr("Edit against delete: the record was changed on one PC and deleted on "
                        "another. The server kept its side for now.");
        } else {
            lines << tr("Field conflict: the field %1 was changed on this PC and on another one. "
                        "The server kept its value for now.")
                         .arg(c->field);
        }
        lines << QString() << tr("Table: %1").arg(c->table) << tr("Record: %1").arg(c->rowId);
        if (!isEditDelete(*c))
            lines << tr("Field: %1").arg(c->field);
        const auto side = [&](const QString &json) {
            return isEditDelete(*c) && parsed(json).isNull() ? tr("(deleted)") : displayValue(json);
        };
        lines << QString() << tr("Server's value: %1").arg(side(c->serverValue))
              << tr("This PC's value: %1").arg(side(c->clientValue)) << QString()
              << tr("Recorded: %1 (change %2 of this PC)")
                     .arg(QLocale().toString(c->recordedAt.toLocalTime(), QLocale::LongFormat))
                     .arg(c->seq)
              << QString()
              << tr("Keep mine (Ctrl+M) sends this PC's value to the server, over the other "
                    "one. Keep theirs (Ctrl+T) leaves the server's value.");
        return lines.join(QLatin1Char('\n'));
    }
    if (const core::LocalSyncStore::Rejected *r = rejectedAt(row)) {
        lines << tr("The server rejected this change of this PC.") << QString()
              << tr("Table: %1").arg(r->table) << tr("Record: %1").arg(r->rowId)
              << tr("Operation: %1").arg(text(row, Field)) << QString()
              << tr("Server message: %1").arg(r->message.isEmpty() ? r->reason : r->message)
              << tr("Reason code: %1").arg(r->reason);
        if (const QString changed = changedPart(*r); !changed.isEmpty())
            lines << tr("Change sent: %1").arg(changed);
        if (r->op != QLatin1String("delete"))
            lines << tr("Record sent: %1").arg(displayValue(r->data));
        lines << QString()
              << tr("Discard (Delete) acknowledges it: it leaves this list and is not sent "
                    "again. Retry (Ctrl+R) sends it again, for example once the server's data "
                    "allows it.");
        return lines.join(QLatin1Char('\n'));
    }
    return {};
}

} // namespace tambo::shell
