#include "PullCursors.h"

#include "util/Clock.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tambo::server {

PullCursors::PullCursors(QSqlDatabase db, const core::Clock &clock)
    : m_db(std::move(db))
    , m_clock(clock)
{}

bool PullCursors::record(const QUuid &device,
                         const QString &scope,
                         qint64 appliedCursor,
                         qint64 nextCursor,
                         QString *error)
{
    // A new row confirms nothing yet (0): nothing was served to the device before this answer.
    const QVariant applied = appliedCursor >= 0 ? QVariant(appliedCursor)
                                                : QVariant(QMetaType::fromType<qlonglong>());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO sync_pull_cursors AS c (device_id, scope, cursor, served_cursor, updated_at)"
        " VALUES (?::uuid, ?, 0, ?, ?) ON CONFLICT (device_id, scope) DO UPDATE SET"
        " cursor = CASE WHEN ?::bigint IS NULL THEN c.cursor"
        "          ELSE LEAST(?::bigint, c.served_cursor) END,"
        " served_cursor = GREATEST(c.served_cursor, excluded.served_cursor),"
        " updated_at = excluded.updated_at"));
    q.addBindValue(device.toString(QUuid::WithoutBraces));
    q.addBindValue(scope);
    q.addBindValue(std::max<qint64>(0, nextCursor));
    q.addBindValue(m_clock.now().toUTC());
    q.addBindValue(applied);
    q.addBindValue(applied);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

std::optional<PullCursors::Cursor> PullCursors::cursor(const QUuid &device,
                                                       const QString &scope,
                                                       QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT cursor, served_cursor FROM sync_pull_cursors"
                             " WHERE device_id = ?::uuid AND scope = ?"));
    q.addBindValue(device.toString(QUuid::WithoutBraces));
    q.addBindValue(scope);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Cursor{q.value(0).toLongLong(), q.value(1).toLongLong()};
}

std::optional<qint64> PullCursors::purgeFloor(QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral(
            "SELECT min(floor) FROM ("
            " SELECT c.cursor AS floor FROM sync_pull_cursors c"
            "  JOIN devices d ON d.device_id = c.device_id WHERE d.revoked_at IS NULL"
            " UNION ALL"
            " SELECT 0 FROM sync_devices s JOIN devices d ON d.device_id = s.device_id"
            "  WHERE d.revoked_at IS NULL AND NOT EXISTS"
            "  (SELECT 1 FROM sync_pull_cursors c WHERE c.device_id = s.device_id)"
            ") AS floors"))
        || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return std::nullopt;
    }
    return q.value(0).isNull() ? -1 : q.value(0).toLongLong();
}

} // namespace tambo::server
