#include "audit/AuditAnchorCheck.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace tambo::core {

AuditAnchorCheck::AuditAnchorCheck(DatabaseProvider db)
    : m_db(std::move(db))
{}

AuditAnchorCheck::Report AuditAnchorCheck::check(QList<Anchor> anchors) const
{
    Report report;
    std::sort(anchors.begin(), anchors.end(), [](const Anchor &a, const Anchor &b) {
        return a.seq < b.seq;
    });
    QSqlDatabase db = m_db();
    QSqlQuery last(db);
    if (!last.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM audit_log")) || !last.next()) {
        report.problem = Problem::Error;
        report.message = tr("Cannot read the audit log: %1").arg(last.lastError().text());
        return report;
    }
    const qint64 lastSeq = last.value(0).toLongLong();
    QSqlQuery row(db);
    row.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"));
    for (const Anchor &anchor : std::as_const(anchors)) {
        const QString seq = QString::number(anchor.seq);
        if (anchor.seq > lastSeq) {
            report.problem = Problem::Deleted;
            report.firstBadSeq = lastSeq + 1;
            report.message
                = tr("The server holds an anchor of audit row %1, but this PC's log ends "
                     "at row %2: rows from %3 on were deleted.")
                      .arg(seq, QString::number(lastSeq), QString::number(lastSeq + 1));
            return report;
        }
        row.addBindValue(anchor.seq);
        if (!row.exec()) {
            report.problem = Problem::Error;
            report.message = tr("Cannot read the audit log: %1").arg(row.lastError().text());
            return report;
        }
        const bool found = row.next();
        const QString stored = found ? row.value(0).toString() : QString();
        row.finish();
        if (!found) {
            report.problem = Problem::Deleted;
            report.firstBadSeq = anchor.seq;
            report.message = tr("Audit row %1, anchored on the server, was deleted.").arg(seq);
            return report;
        }
        if (stored != anchor.hash) {
            report.problem = Problem::Rewritten;
            report.firstBadSeq = anchor.seq;
            const qint64 earliest = report.lastGoodSeq + 1;
            report.message
                = earliest == anchor.seq
                      ? tr("Audit row %1 was rewritten: it does not match the anchor this PC "
                           "signed and the server recorded (the chain was recomputed after it).")
                            .arg(seq)
                      : tr("Audit row %1 does not match the anchor this PC signed and the server "
                           "recorded: the chain was rewritten from a row between %2 and %1 on.")
                            .arg(seq, QString::number(earliest));
            return report;
        }
        report.lastGoodSeq = anchor.seq;
        report.anchoredUpTo = anchor.seq;
        ++report.anchorsChecked;
    }
    report.message = tr("%n anchor(s) match the audit log.", nullptr, report.anchorsChecked);
    return report;
}

} // namespace tambo::core
