#include "sync/AuditAnchorState.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tambo::core {

namespace {
const QString kSeq = QStringLiteral("audit.anchor.seq");
const QString kHash = QStringLiteral("audit.anchor.hash");
const QString kAt = QStringLiteral("audit.anchor.at");
const QString kVia = QStringLiteral("audit.anchor.via");
const QString kRefused = QStringLiteral("audit.refused_anchor"); // "<seq> <hash>"
} // namespace

AuditAnchorState::AuditAnchorState(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<AuditAnchorState::Point> AuditAnchorState::head(QString *error) const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name "
                               "= 'audit_head'"))
        || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return std::nullopt;
    }
    if (q.value(0).toInt() == 0)
        return Point{};
    if (!q.exec(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1"))) {
        if (error)
            *error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return Point{};
    return Point{q.value(0).toLongLong(), q.value(1).toString()};
}

AuditAnchorState::Acknowledged AuditAnchorState::lastAcknowledged() const
{
    QSqlQuery q(m_db);
    if (!q.exec(
            QStringLiteral("SELECT key, value FROM sync_state WHERE key LIKE 'audit.anchor.%'")))
        return {};
    Acknowledged a;
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString();
        if (key == kSeq)
            a.anchor.seq = value.toLongLong();
        else if (key == kHash)
            a.anchor.hash = value;
        else if (key == kAt)
            a.at = QDateTime::fromString(value, Qt::ISODateWithMs);
        else if (key == kVia)
            a.via = value == QLatin1String("bundle") ? Via::Bundle : Via::Network;
    }
    if (a.anchor.hash.isEmpty())
        return {};
    return a;
}

bool AuditAnchorState::setAcknowledged(const Acknowledged &acknowledged, QString *error)
{
    const QList<QPair<QString, QString>>
        values{{kSeq, QString::number(acknowledged.anchor.seq)},
               {kHash, acknowledged.anchor.hash},
               {kAt, acknowledged.at.toUTC().toString(Qt::ISODateWithMs)},
               {kVia,
                acknowledged.via == Via::Bundle ? QStringLiteral("bundle")
                                                : QStringLiteral("network")}};
    // The four keys together or not at all (inside the caller's transaction, if any).
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SAVEPOINT tambo_audit_anchor"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    q.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    for (const auto &[key, value] : values) {
        q.addBindValue(key);
        q.addBindValue(value);
        if (!q.exec()) {
            if (error)
                *error = q.lastError().text();
            QSqlQuery undo(m_db);
            undo.exec(QStringLiteral("ROLLBACK TO tambo_audit_anchor"));
            undo.exec(QStringLiteral("RELEASE tambo_audit_anchor"));
            return false;
        }
    }
    if (!q.exec(QStringLiteral("RELEASE tambo_audit_anchor"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace tambo::core

namespace tambo::core {

AuditAnchorState::Point AuditAnchorState::lastRefused() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(kRefused);
    if (!q.exec() || !q.next())
        return {};
    const QStringList parts = q.value(0).toString().split(QLatin1Char(' '));
    if (parts.size() != 2)
        return {};
    return Point{parts.at(0).toLongLong(), parts.at(1)};
}

bool AuditAnchorState::setRefused(const Point &head, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(kRefused);
    q.addBindValue(QStringLiteral("%1 %2").arg(head.seq).arg(head.hash));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace tambo::core
