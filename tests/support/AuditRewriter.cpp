#include "AuditRewriter.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tambo::test {

bool AuditRewriter::rewrite(qint64 seq, const QString &afterJson, QString *error)
{
    auto fail = [&](const QSqlQuery &q) {
        if (error)
            *error = q.lastError().text();
        return false;
    };
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_update"))
        || !q.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_delete")))
        return fail(q);
    q.prepare(QStringLiteral("UPDATE audit_log SET after_json = ? WHERE seq = ?"));
    q.addBindValue(afterJson);
    q.addBindValue(seq);
    if (!q.exec())
        return fail(q);
    if (q.numRowsAffected() != 1) {
        if (error)
            *error = QStringLiteral("no audit row %1").arg(seq);
        return false;
    }
    // Every hash from that row on, as AuditLog::append would have written them.
    QString prev = core::AuditLog::zeroHash();
    if (seq > 1) {
        q.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"));
        q.addBindValue(seq - 1);
        if (!q.exec() || !q.next())
            return fail(q);
        prev = q.value(0).toString();
    }
    QSqlQuery rows(m_db);
    rows.prepare(QStringLiteral("SELECT seq, at, actor, device, entity, entity_id, action, "
                                "before_json, after_json FROM audit_log WHERE seq >= ? ORDER BY "
                                "seq"));
    rows.addBindValue(seq);
    if (!rows.exec())
        return fail(rows);
    QList<core::AuditLog::Row> chain;
    while (rows.next()) {
        core::AuditLog::Row row;
        row.seq = rows.value(0).toLongLong();
        row.at = rows.value(1).toString();
        row.actor = rows.value(2).toString();
        row.device = rows.value(3).toString();
        row.entity = rows.value(4).toString();
        row.entityId = rows.value(5).toString();
        row.action = rows.value(6).toString();
        row.beforeJson = rows.value(7).isNull() ? QString() : rows.value(7).toString();
        row.afterJson = rows.value(8).isNull() ? QString() : rows.value(8).toString();
        chain.append(row);
    }
    rows.finish();
    for (core::AuditLog::Row &row : chain) {
        row.prevHash = prev;
        const QString hash = core::AuditLog::hashOf(row);
        q.prepare(QStringLiteral("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?"));
        q.addBindValue(row.prevHash);
        q.addBindValue(hash);
        q.addBindValue(row.seq);
        if (!q.exec())
            return fail(q);
        prev = hash;
    }
    q.prepare(QStringLiteral("UPDATE audit_head SET hash = ? WHERE id = 1"));
    q.addBindValue(prev);
    if (!q.exec())
        return fail(q);
    return true;
}

} // namespace tambo::test
