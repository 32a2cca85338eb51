#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace tambo::core {

// The JSON messages of sync protocol v1 (docs/sync-protocol.md §7), shared by the desktop and
// tambo-server. Each fromJson() validates the shape completely and returns nullopt with *error
// (English, for logs and the 400 answer's detail) on anything malformed; unknown fields are
// ignored (within v1 messages only gain fields).

// One row change captured by the outbox triggers.
struct SyncOp
{
    enum class Kind { Insert, Update, Delete };
    Kind kind = Kind::Insert;
    QString table;
    QString id;
    QJsonObject data;    // the whole row after the change (insert/update); empty for delete
    QStringList changed; // update: the columns this change touched

    QJsonObject toJson() const;
    static std::optional<SyncOp> fromJson(const QJsonValue &value, QString *error);
    static QString kindName(Kind kind);
};

// A synced table as its module declares it (core::SyncedTable), as the server needs it to apply
// the conflict rules and to find a row's scope when it has no sede column of its own.
struct SyncTableRule
{
    QString table;
    bool appendOnly = false;
    QStringList legalColumns;
    QString scopeParentTable;  // the row's scope is that of the parent row …
    QString scopeParentColumn; // … whose id is in this column

    QJsonObject toJson() const;
    static std::optional<SyncTableRule> fromJson(const QJsonValue &value, QString *error);
};

// One outbox entry: applied by the server exactly once, as a whole.
struct OutboxEntry
{
    qint64 seq = 0;
    int schemaVersion = 0;
    QHash<QString, qint64> baseVersions; // rowKey → server version the change was made on
    QList<SyncOp> ops;
    // An entry the desktop refuses to send (SyncValueCheck: bad text, a row over the cap) goes
    // up as "refused" with no ops: the server records the refusal and the device's seq moves on,
    // so the queue never stops on it (docs/sync-protocol.md §7.6).
    struct Refusal
    {
        QString reason;  // stable code, [a-z_]{1,64}
        QString message; // Spanish, ≤ 2000 characters
    };
    std::optional<Refusal> refused;

    QJsonObject toJson() const;
    static std::optional<OutboxEntry> fromJson(const QJsonValue &value, QString *error);
};

struct PushRequest
{
    QUuid deviceId;
    int schemaVersion = 0;
    QList<SyncTableRule> tables;
    QList<OutboxEntry> entries; // ascending, consecutive seqs

    QJsonObject toJson() const;
    static std::optional<PushRequest> fromJson(const QJsonObject &object, QString *error);
};

// A conflict the server recorded while applying an entry (it kept its own value).
struct SyncConflict
{
    enum class Kind { Field, EditDelete };
    Kind kind = Kind::Field;
    QString table;
    QString id;
    QString field;          // Field only
    QJsonValue serverValue; // Field: the value the server kept; EditDelete: the server row or null
    QJsonValue clientValue; // Field: this device's value; EditDelete: this device's row or null

    QJsonObject toJson() const;
    static std::optional<SyncConflict> fromJson(const QJsonValue &value, QString *error);
    static QString kindName(Kind kind);
};

struct PushAck
{
    enum class Status { Applied, Duplicate, Rejected, Conflict };
    qint64 seq = 0;
    Status status = Status::Applied;
    QString reason;                     // Rejected: stable code
    QString message;                    // Rejected: Spanish text for the user
    QHash<QString, qint64> rowVersions; // rowKey → server version after the entry
    QList<SyncConflict> conflicts;

    QJsonObject toJson() const;
    static std::optional<PushAck> fromJson(const QJsonValue &value, QString *error);
    static QString statusName(Status status);
};

struct PushResponse
{
    QList<PushAck> acks;
    qint64 expectedSeq = 0; // the next seq the server expects from this device

    QJsonObject toJson() const;
    static std::optional<PushResponse> fromJson(const QJsonObject &object, QString *error);
};

struct PullRequest
{
    QUuid deviceId;
    int schemaVersion = 0;
    QString sede; // empty: every sede the user may see (admin_otic: all)
    QString area; // empty: every area
    qint64 cursor = 0; // the rows asked for: versions above it
    // The cursor this PC has committed for the scope (its pages up to there are applied), sent
    // as "applied_cursor": the only cursor the server keeps for the device, so it never purges
    // a tombstone the PC has not applied. cursor may be ahead of it (a page asked ahead while
    // the previous one is applied). -1: not sent (older clients).
    qint64 appliedCursor = -1;
    int pageSize = 0;
    // Whether the answer counts the rows after the page (costs the server a scan of them): the
    // client asks on the first page of a run and counts down itself after that.
    bool countRemaining = true;

    // Key of the scope for cursors: "sede=<id>;area=<id>" ("*" for empty parts).
    QString scopeKey() const;
    QJsonObject toJson() const;
    static std::optional<PullRequest> fromJson(const QJsonObject &object, QString *error);
};

// A row (or a tombstone: deleted, no data) as the server holds it.
struct PulledRow
{
    QString table;
    QString id;
    qint64 version = 0;
    bool deleted = false;
    QJsonObject data;

    QJsonObject toJson() const;
    static std::optional<PulledRow> fromJson(const QJsonValue &value, QString *error);
};

struct PullResponse
{
    QList<PulledRow> rows; // ascending versions
    qint64 nextCursor = 0;
    bool more = false;
    qint64 remaining = 0; // rows of the scope after this page (progress); -1: not counted
    QString checksum;     // SyncProtocol::pageChecksum(rows)

    QJsonObject toJson() const;
    static std::optional<PullResponse> fromJson(const QJsonObject &object, QString *error);
};

} // namespace tambo::core
