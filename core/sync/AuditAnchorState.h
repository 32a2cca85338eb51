#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tambo::core {

// A PC's audit anchoring bookkeeping in its encrypted store: the head of its audit chain
// (audit_head, written by AuditLog with every row) and the last anchor the server acknowledged,
// kept in sync_state (no schema change). The acknowledged anchor lives in the same database as
// the audit log, so whoever holds the store key can change it too: `tambo-admin audit verify`
// prefers the server's own copy (docs/sync-protocol.md §7.9).
class AuditAnchorState
{
public:
    explicit AuditAnchorState(QSqlDatabase db);

    struct Point
    {
        qint64 seq = 0; // 0: none
        QString hash;
        bool isNull() const { return seq <= 0; }
        friend bool operator==(const Point &, const Point &) = default;
    };

    // The audit chain's head; a null Point when the log is empty or this store has no audit log
    // (a store with the sync tables only); std::nullopt and *error when it cannot be read.
    std::optional<Point> head(QString *error = nullptr) const;

    enum class Via { Network, Bundle };
    struct Acknowledged
    {
        Point anchor;
        QDateTime at; // when the server recorded it (its clock)
        Via via = Via::Network;
        bool isNull() const { return anchor.isNull(); }
    };
    Acknowledged lastAcknowledged() const;
    bool setAcknowledged(const Acknowledged &acknowledged, QString *error = nullptr);

    // The last head the server refused (409 anchor_conflict), so the same refusal is not sent
    // again every run; a new head is sent as usual.
    Point lastRefused() const;
    bool setRefused(const Point &head, QString *error = nullptr);

private:
    QSqlDatabase m_db;
};

} // namespace tambo::core
