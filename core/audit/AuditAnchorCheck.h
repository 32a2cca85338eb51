#pragma once

#include "audit/DatabaseProvider.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace tambo::core {

// Checks a PC's audit log (AuditLog) against anchors kept outside it: (seq, hash) pairs the
// device signed and tambo-server recorded (docs/sync-protocol.md §7.7). Whoever holds the store
// key can rewrite audit rows and recompute the chain and audit_head, so AuditLog::verify() still
// passes; the server's anchors were recorded before and cannot be rewritten from the PC.
//
// A row whose stored hash is not the anchored one was rewritten. Anchors are heads of the chain
// at the time of each sync run, not every row: the rewrite started after the last anchor that
// still matches, at or before the first that does not (both are reported; when they are next to
// each other the row is named exactly). A row the server anchored but the log no longer has was
// deleted. Run AuditLog::verify() first: this check reads the stored hashes only.
class AuditAnchorCheck
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::AuditAnchorCheck)

public:
    struct Anchor
    {
        qint64 seq = 0;
        QString hash;
    };

    enum class Problem { None, Rewritten, Deleted, Error };

    struct Report
    {
        Problem problem = Problem::None;
        qint64 firstBadSeq = 0;  // the first row proven wrong (Rewritten) or missing (Deleted)
        qint64 lastGoodSeq = 0;  // the last anchored row that still matches (0: none)
        int anchorsChecked = 0;  // anchors compared before the first problem (or all)
        qint64 anchoredUpTo = 0; // the highest anchored seq (when ok)
        QString message;         // translated
        bool ok() const { return problem == Problem::None; }
    };

    explicit AuditAnchorCheck(DatabaseProvider db);

    Report check(QList<Anchor> anchors) const;

private:
    DatabaseProvider m_db;
};

} // namespace tambo::core
