#pragma once

#include "audit/AuditLog.h"

#include <QSqlDatabase>
#include <QString>

namespace tambo::test {

// What an intruder with the store key can do to a PC's audit log (core::AuditLog): drop the
// append-only triggers, change a row, and recompute every hash from that row on (prev_hash,
// hash) and audit_head, so AuditLog::verify() finds nothing wrong. Only a copy kept outside the
// store (the server's audit anchors) can tell.
class AuditRewriter
{
public:
    explicit AuditRewriter(QSqlDatabase db)
        : m_db(std::move(db))
    {}

    // Sets row seq's after_json to afterJson and recomputes the chain; false and *error on
    // failure.
    bool rewrite(qint64 seq, const QString &afterJson, QString *error = nullptr);

private:
    QSqlDatabase m_db;
};

} // namespace tambo::test
