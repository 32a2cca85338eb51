#pragma once

#include "module/SyncedTable.h"
#include "sync/SyncMessages.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <map>
#include <optional>

namespace tambo::core {

class Clock;

// The client side of the sync bookkeeping in the local store (SyncSchema's tables): reads the
// outbox the triggers filled, records the server's acknowledgements, and applies pulled pages.
// Works on one connection (the calling thread's): the sync worker makes its own.
//
// Applying a page is one transaction: sync_flags.applying = 1 (the outbox triggers stay quiet),
// every row upserted or deleted in its own savepoint, the scope's cursor moved, applying = 0,
// commit. A cut anywhere leaves the previous cursor and none of the page, so the next pull
// starts again from there. Rows with a pending local change are not overwritten (the local
// change goes up with its base version and the server merges); only the declared synced tables
// are ever written, whatever the server sends.
class LocalSyncStore
{
public:
    LocalSyncStore(QSqlDatabase db, QList<SyncedTable> tables, const Clock &clock);

    QList<SyncTableRule> tableRules() const;

    // A JSON value as SQLite takes it: integers stay integers (STRICT INTEGER columns), other
    // arrays and objects as their compact JSON text.
    static QVariant sqlValue(const QJsonValue &value);

    // Pending entries in seq order (at most limit), each with its op and base version. An
    // entry whose stored row sync must not carry (SyncValueCheck on the stored bytes: a control
    // character, text that is not valid UTF-8, a row over SyncProtocol::MaxRowBytes) comes as
    // a "refused" entry without its ops: its seq still goes up, the server records the refusal
    // and acknowledges it as rejected with that reason, and the queue moves on (the row stays
    // on this PC, shown as a rejected change).
    QList<OutboxEntry> pendingEntries(int limit, QString *error = nullptr) const;
    int pendingCount() const;
    int rejectedCount() const; // not resolved (discarded or retried) yet
    int conflictCount() const; // unresolved

    struct Rejected
    {
        qint64 seq = 0;
        QString table;
        QString rowId;
        QString op;
        QString reason;
        QString message;
        QString data;       // the row as sent (JSON text; empty for a delete)
        QString changed;    // JSON array of the columns an update changed
        QString resolution; // "discard" / "retry" once resolved
        QString resolvedBy;
        QDateTime resolvedAt;
    };
    QList<Rejected> rejectedEntries() const; // not resolved yet, in seq order
    // One rejected entry, resolved or not (std::nullopt when there is none with that seq).
    std::optional<Rejected> rejectedEntry(qint64 seq) const;

    struct Conflict
    {
        qint64 id = 0;
        qint64 seq = 0;
        QString kind; // "field" or "edit_delete"
        QString table;
        QString rowId;
        QString field;
        QString serverValue; // JSON text
        QString clientValue; // JSON text
        QDateTime recordedAt;
        QString resolution; // "mine" / "theirs" once resolved
        QString resolvedBy;
        QDateTime resolvedAt;
    };
    QList<Conflict> unresolvedConflicts() const;
    // One conflict, resolved or not (std::nullopt when there is none with that id).
    std::optional<Conflict> conflict(qint64 id) const;

    // Records the server's answer to a push, in one transaction: applied, duplicate and
    // conflict entries leave the outbox (conflicts are kept in sync_conflicts), rejected ones
    // stay marked with the reason, row versions move forward.
    bool recordAcks(const PushResponse &response, QString *error);

    qint64 cursor(const QString &scopeKey) const;
    // The server version this PC last saw of a row (0: never synced).
    qint64 rowVersion(const QString &table, const QString &rowId) const;
    const QList<SyncedTable> &tables() const { return m_tables; }
    QSqlDatabase database() const { return m_db; }

    struct ApplyResult
    {
        bool ok = false;
        int applied = 0;
        int keptLocal = 0;         // rows with a pending local change that stayed on top
        int failed = 0;            // rows the store refused (sync_apply_errors)
        bool verifyFailed = false; // verify said no: nothing of the page was kept
        QString error;
    };
    // Called after each row is applied, inside the transaction (tests: a client killed
    // mid-apply).
    using RowHook = std::function<void(int rowIndex)>;
    // Called after the last row, just before the commit: false (with the reason) rolls the
    // whole page back (the sync session checks the page's checksum on another thread while
    // the rows are written).
    using Verify = std::function<bool(QString *why)>;
    ApplyResult applyPage(const QString &scopeKey,
                          const PullResponse &page,
                          const RowHook &hook = {},
                          const Verify &verify = {});

    QDateTime lastSynced() const;
    bool setLastSynced(const QDateTime &at, QString *error = nullptr);

    // Sync stopped for this store until OTIC acts (kept in sync_state, so a restart does not
    // resume it): the server found this device's seq already used with other content (409
    // seq_reused: the store was restored from a backup or copied). Nothing is sent or pulled
    // while it is set; every local row and pending entry is kept. DeviceReenrollment clears it.
    struct SyncStop
    {
        QString code; // "seq_reused"
        QString message;
        qint64 seq = 0;
        QDateTime at; // invalid: now, by the store's clock
    };
    std::optional<SyncStop> syncStop() const;
    bool setSyncStop(const SyncStop &stop, QString *error = nullptr);

private:
    // The statements of one page's apply, each prepared once, and the rows with a pending
    // local change.
    struct PageStatements
    {
        QSqlDatabase db;
        std::map<QString, QSqlQuery> prepared; // by SQL text (node-based: references stay valid)
        std::map<QString, QString> sqlByShape; // table + which columns a row carries → SQL
        QSet<QString> pending;                 // table + '\x1f' + row id
        QSqlQuery &get(const QString &sql, QString *error);
    };
    bool applyRow(const PulledRow &row,
                  PageStatements &statements,
                  ApplyResult *result,
                  QString *error);
    const QList<QString> &columnsOf(const QString &table, QString *pk) const;

    QSqlDatabase m_db;
    QList<SyncedTable> m_tables;
    const Clock &m_clock;
    mutable QHash<QString, QList<QString>> m_columns;
    mutable QHash<QString, QString> m_pk;
};

} // namespace tambo::core
