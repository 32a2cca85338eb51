#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <optional>

namespace tambo::core {
class Clock;
}

namespace tambo::server {

// The pull cursors tambo-server keeps per device and scope (sync_pull_cursors), which decide
// when tombstones may be purged (docs/sync-protocol.md §7.2):
// - "cursor" is what the device CONFIRMED it applied: the applied_cursor of its pull requests,
//   never above "served_cursor", the highest next_cursor this server has answered it for the
//   scope (a device cannot confirm pages it was never sent). A page asked ahead (the desktop
//   fetches page N+1 while it applies page N) moves served_cursor only.
// - A request without applied_cursor (an older client) confirms nothing: the cursor stays where
//   it was, and a device's first row starts at 0. Its tombstones are then kept until it is
//   updated or revoked; losing a delete would be worse.
// - Tombstones (and scope withdrawals) at or below purgeFloor() may go: every active device's
//   confirmed cursors are past them. An active device that has pushed (it holds synced rows)
//   but never confirmed a pull counts as 0.
class PullCursors
{
public:
    PullCursors(QSqlDatabase db, const core::Clock &clock);

    // After a page of scope was answered to device: served = max(served, nextCursor); the
    // confirmed cursor becomes min(appliedCursor, served before this answer) when
    // appliedCursor ≥ 0 (it may go down: a PC restored from a backup confirms less).
    bool record(const QUuid &device,
                const QString &scope,
                qint64 appliedCursor,
                qint64 nextCursor,
                QString *error = nullptr);

    struct Cursor
    {
        qint64 confirmed = 0;
        qint64 served = 0;
    };
    // The device's cursors for scope (std::nullopt: none recorded, or *error set).
    std::optional<Cursor> cursor(const QUuid &device, const QString &scope, QString *error = nullptr);

    // The highest version every active device has confirmed (-1: no device holds anything back
    // because there is none; std::nullopt and *error on a database error).
    std::optional<qint64> purgeFloor(QString *error = nullptr);

private:
    QSqlDatabase m_db;
    const core::Clock &m_clock;
};

} // namespace tambo::server
