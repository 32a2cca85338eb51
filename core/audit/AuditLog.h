#pragma once

#include "audit/AuditEntry.h"
#include "audit/DatabaseProvider.h"
#include "auth/Session.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace tambo::core {

class Clock;
class Store;

// The tamper-evident audit log (tables audit_log and audit_head, CoreSchema step 3).
//
// Each row holds seq (1, 2, 3… without gaps), at (UTC, ISO 8601 with ms, from the Clock),
// actor, device, entity, entity_id, action, before_json, after_json (compact JSON or NULL),
// prev_hash (the previous row's hash; 64 zeros for the first row) and
//     hash = lowercase hex SHA-256 of canonical(row)
// where canonical(row) is the UTF-8 bytes of "tambo-audit-v1\n" followed by, for each of seq,
// at, actor, device, entity, entity_id, action, before_json, after_json, prev_hash in this order,
// "<byte length>:<bytes>," (seq in decimal) or "N," for a NULL. The server recomputes the same.
//
// audit_head keeps the last seq and hash, updated with each row, so deleting the newest rows is
// found as well. Whoever holds the store key could rewrite the whole chain and the head; the
// anchors the server keeps (docs/sync-protocol.md §7.7, AuditAnchorCheck) are what detect that.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::AuditLog)

public:
    enum class Problem {
        None,
        Edited,    // a row's content does not match its hash
        Deleted,   // seq gap: rows before the named one are missing
        Reordered, // the row belongs after another row
        Broken,    // the chain is cut: a row replaced (hash recomputed) or rows removed
        Truncated, // the newest rows were deleted (audit_head is ahead)
        Inserted,  // rows after audit_head: written outside AuditLog
        Error,     // the log could not be read
    };

    struct VerifyReport
    {
        Problem problem = Problem::None;
        qint64 firstBadSeq = 0; // the first row found wrong (0 when ok)
        qint64 relatedSeq = 0;  // Reordered: the row it belongs after; Broken: the row before
        qint64 rowsChecked = 0;
        QString message; // translated; says ok or names the row and what is wrong
        bool ok() const { return problem == Problem::None; }
    };

    AuditLog(DatabaseProvider db, const Clock &clock, QString deviceId);
    AuditLog(const Store &store, const Clock &clock, QString deviceId);

    // Appends e inside the caller's transaction (a savepoint, so it also works alone): when the
    // caller rolls back, the audit row goes too. False and *error (translated) on failure.
    bool append(const AuditEntry &e, QString *error = nullptr);

    // Walks the whole log in seq order and checks every hash, the chain and audit_head.
    VerifyReport verify() const;

    QString deviceId() const { return m_deviceId; }

    static QString zeroHash() { return QString(64, QLatin1Char('0')); }

    struct Row
    {
        qint64 seq = 0;
        QString at, actor, device, entity, entityId, action;
        QString beforeJson, afterJson; // null QString = SQL NULL
        QString prevHash;
    };
    static QByteArray canonical(const Row &row);
    static QString hashOf(const Row &row);

    // The newest `limit` rows, newest first, for a session holding Permissions::AuditView;
    // otherwise nothing and *error says permission denied.
    QList<Row> recent(const Session &session, int limit, QString *error = nullptr) const;

private:
    DatabaseProvider m_db;
    const Clock &m_clock;
    QString m_deviceId;
};

} // namespace tambo::core
