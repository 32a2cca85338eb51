#include "audit/AuditLog.h"

#include "auth/Permission.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tambo::core {

namespace {

QString jsonText(const QJsonObject &object)
{
    if (object.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QVariant nullable(const QString &text)
{
    return text.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QString textOrNull(const QVariant &value)
{
    return value.isNull() ? QString() : value.toString();
}

// A row from a query selecting seq, at, actor, device, entity, entity_id, action, before_json,
// after_json, prev_hash in this order.
AuditLog::Row rowFrom(const QSqlQuery &query)
{
    AuditLog::Row row;
    row.seq = query.value(0).toLongLong();
    row.at = query.value(1).toString();
    row.actor = query.value(2).toString();
    row.device = query.value(3).toString();
    row.entity = query.value(4).toString();
    row.entityId = query.value(5).toString();
    row.action = query.value(6).toString();
    row.beforeJson = textOrNull(query.value(7));
    row.afterJson = textOrNull(query.value(8));
    row.prevHash = query.value(9).toString();
    return row;
}

} // namespace

AuditLog::AuditLog(DatabaseProvider db, const Clock &clock, QString deviceId)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_deviceId(std::move(deviceId))
{}

AuditLog::AuditLog(const Store &store, const Clock &clock, QString deviceId)
    : AuditLog(databaseProviderOf(store), clock, std::move(deviceId))
{}

QByteArray AuditLog::canonical(const Row &row)
{
    QByteArray out("tambo-audit-v1\n");
    // Only before_json and after_json may be NULL; every other column is NOT NULL text.
    auto field = [&out](const QString &value, bool nullable = false) {
        if (nullable && value.isNull()) {
            out += "N,";
            return;
        }
        const QByteArray bytes = value.toUtf8();
        out += QByteArray::number(bytes.size());
        out += ':';
        out += bytes;
        out += ',';
    };
    field(QString::number(row.seq));
    field(row.at);
    field(row.actor);
    field(row.device);
    field(row.entity);
    field(row.entityId);
    field(row.action);
    field(row.beforeJson, true);
    field(row.afterJson, true);
    field(row.prevHash);
    return out;
}

QString AuditLog::hashOf(const Row &row)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical(row), QCryptographicHash::Sha256).toHex());
}

bool AuditLog::append(const AuditEntry &e, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (e.actor.isEmpty() || e.entity.isEmpty() || e.action.isEmpty())
        return fail(tr("An audit entry needs an actor, an entity and an action."));
    if (m_deviceId.isEmpty())
        return fail(tr("The audit log has no device id."));

    QSqlDatabase db = m_db();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SAVEPOINT tambo_audit_append")))
        return fail(tr("Cannot write to the audit log: %1").arg(query.lastError().text()));

    auto abort = [&](const QString &message) {
        QSqlQuery undo(db);
        undo.exec(QStringLiteral("ROLLBACK TO tambo_audit_append"));
        undo.exec(QStringLiteral("RELEASE tambo_audit_append"));
        return fail(message);
    };

    Row row;
    row.prevHash = zeroHash();
    if (!query.exec(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1")))
        return abort(tr("Cannot read the audit log: %1").arg(query.lastError().text()));
    if (query.next()) {
        row.seq = query.value(0).toLongLong();
        row.prevHash = query.value(1).toString();
    }
    query.finish();
    row.seq += 1;
    row.at = m_clock.now().toUTC().toString(Qt::ISODateWithMs);
    row.actor = e.actor;
    row.device = m_deviceId;
    row.entity = e.entity;
    row.entityId = e.entityId.isNull() ? QStringLiteral("") : e.entityId; // NOT NULL column
    row.action = e.action;
    row.beforeJson = jsonText(e.before);
    row.afterJson = jsonText(e.after);
    const QString hash = hashOf(row);

    query.prepare(QStringLiteral(
        "INSERT INTO audit_log (seq, at, actor, device, entity, entity_id, action, before_json,"
        " after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(row.seq);
    query.addBindValue(row.at);
    query.addBindValue(row.actor);
    query.addBindValue(row.device);
    query.addBindValue(row.entity);
    query.addBindValue(row.entityId);
    query.addBindValue(row.action);
    query.addBindValue(nullable(row.beforeJson));
    query.addBindValue(nullable(row.afterJson));
    query.addBindValue(row.prevHash);
    query.addBindValue(hash);
    if (!query.exec()) {
        return abort(tr("Cannot write audit row %1 (run an audit verification): %2")
                         .arg(QString::number(row.seq), query.lastError().text()));
    }

    query.prepare(
        QStringLiteral("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)"
                       " ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash"));
    query.addBindValue(row.seq);
    query.addBindValue(hash);
    if (!query.exec())
        return abort(tr("Cannot write to the audit log: %1").arg(query.lastError().text()));

    if (!query.exec(QStringLiteral("RELEASE tambo_audit_append")))
        return abort(tr("Cannot write to the audit log: %1").arg(query.lastError().text()));
    return true;
}

AuditLog::VerifyReport AuditLog::verify() const
{
    VerifyReport report;
    QSqlDatabase db = m_db();
    // One read snapshot for rows and head. A savepoint opens a deferred (read) transaction, or
    // nests in the caller's transaction when there is one; it is released on every return.
    QSqlQuery(db).exec(QStringLiteral("SAVEPOINT tambo_audit_verify"));
    const auto release = qScopeGuard(
        [&db] { QSqlQuery(db).exec(QStringLiteral("RELEASE tambo_audit_verify")); });

    auto failed =
        [&report](Problem problem, qint64 seq, const QString &message, qint64 related = 0) {
            report.problem = problem;
            report.firstBadSeq = seq;
            report.relatedSeq = related;
            report.message = message;
            return report;
        };

    // Which row's stored hash is this? (only asked once something is already wrong)
    auto rowWithHash = [&db](const QString &hash, qint64 exceptSeq) -> qint64 {
        QSqlQuery find(db);
        find.prepare(QStringLiteral("SELECT seq FROM audit_log WHERE hash = ? AND seq <> ?"
                                    " ORDER BY seq LIMIT 1"));
        find.addBindValue(hash);
        find.addBindValue(exceptSeq);
        if (find.exec() && find.next())
            return find.value(0).toLongLong();
        return 0;
    };

    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT seq, at, actor, device, entity, entity_id, action, before_json, after_json,"
            " prev_hash, hash FROM audit_log ORDER BY seq"))) {
        return failed(Problem::Error,
                      0,
                      tr("Cannot read the audit log: %1").arg(query.lastError().text()));
    }

    qint64 expectedSeq = 1;
    QString expectedPrev = zeroHash();
    QString lastHash;
    while (query.next()) {
        const Row row = rowFrom(query);
        const QString stored = query.value(10).toString();
        const QString seqText = QString::number(row.seq);

        if (row.seq != expectedSeq) {
            return failed(Problem::Deleted,
                          row.seq,
                          tr("Audit row(s) before %1 were deleted (rows %2 to %3 are missing).")
                              .arg(seqText,
                                   QString::number(expectedSeq),
                                   QString::number(row.seq - 1)));
        }
        if (row.prevHash != expectedPrev) {
            if (row.prevHash == zeroHash()) {
                return failed(Problem::Reordered,
                              row.seq,
                              tr("Audit row %1 is out of order: it belongs at the beginning.")
                                  .arg(seqText));
            }
            if (const qint64 after = rowWithHash(row.prevHash, row.seq); after > 0) {
                return failed(Problem::Reordered,
                              row.seq,
                              tr("Audit row %1 is out of order: it belongs after row %2.")
                                  .arg(seqText, QString::number(after)),
                              after);
            }
            if (hashOf(row) == stored) {
                return failed(Problem::Broken,
                              row.seq,
                              tr("Audit row %1 does not follow row %2: row %2 was replaced or "
                                 "rows between them were deleted.")
                                  .arg(seqText, QString::number(row.seq - 1)),
                              row.seq - 1);
            }
            return failed(Problem::Edited, row.seq, tr("Audit row %1 was edited.").arg(seqText));
        }
        if (hashOf(row) != stored)
            return failed(Problem::Edited, row.seq, tr("Audit row %1 was edited.").arg(seqText));

        expectedPrev = stored;
        lastHash = stored;
        ++expectedSeq;
        ++report.rowsChecked;
    }
    if (query.lastError().isValid()) {
        return failed(Problem::Error,
                      expectedSeq,
                      tr("Cannot read the audit log: %1").arg(query.lastError().text()));
    }
    query.finish();

    const qint64 lastSeq = expectedSeq - 1;
    QSqlQuery head(db);
    if (!head.exec(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1"))) {
        return failed(Problem::Error,
                      0,
                      tr("Cannot read the audit log: %1").arg(head.lastError().text()));
    }
    const bool hasHead = head.next();
    const qint64 headSeq = hasHead ? head.value(0).toLongLong() : 0;
    const QString headHash = hasHead ? head.value(1).toString() : QString();

    if (!hasHead && lastSeq > 0) {
        return failed(Problem::Truncated,
                      1,
                      tr("The head of the audit log is missing: the log was tampered with."));
    }
    if (headSeq > lastSeq) {
        if (lastSeq == 0) {
            return failed(Problem::Truncated,
                          1,
                          tr("Every audit row was deleted (the log had %1 rows).")
                              .arg(QString::number(headSeq)));
        }
        return failed(Problem::Truncated,
                      lastSeq + 1,
                      tr("Audit row(s) after %1 were deleted (rows %2 to %3 are missing).")
                          .arg(QString::number(lastSeq),
                               QString::number(lastSeq + 1),
                               QString::number(headSeq)));
    }
    if (headSeq < lastSeq) {
        return failed(Problem::Inserted,
                      headSeq + 1,
                      tr("Audit row %1 was added outside the audit log.")
                          .arg(QString::number(headSeq + 1)));
    }
    if (hasHead && headHash != lastHash) {
        return failed(Problem::Broken,
                      lastSeq,
                      tr("Audit row %1 does not match the head of the log: it was replaced or "
                         "rows after it were deleted.")
                          .arg(QString::number(lastSeq)));
    }

    report.message = tr("The audit log is intact (%1 rows checked).")
                         .arg(QString::number(report.rowsChecked));
    return report;
}

QList<AuditLog::Row> AuditLog::recent(const Session &session, int limit, QString *error) const
{
    if (!session.can(QString::fromLatin1(Permissions::AuditView))) {
        if (error)
            *error = tr("Permission denied: reading the audit log needs the audit permission.");
        return {};
    }
    QSqlQuery query(m_db());
    query.prepare(QStringLiteral(
        "SELECT seq, at, actor, device, entity, entity_id, action, before_json, after_json,"
        " prev_hash FROM audit_log ORDER BY seq DESC LIMIT ?"));
    query.addBindValue(qMax(0, limit));
    if (!query.exec()) {
        if (error)
            *error = tr("Cannot read the audit log: %1").arg(query.lastError().text());
        return {};
    }
    QList<Row> rows;
    while (query.next()) {
        rows.append(rowFrom(query));
    }
    return rows;
}

} // namespace tambo::core
