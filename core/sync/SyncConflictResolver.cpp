#include "sync/SyncConflictResolver.h"

#include "util/Uuid7.h"

#include "audit/AuditLog.h"
#include "auth/Permission.h"
#include "migrations/Transaction.h"
#include "sync/LocalSyncStore.h"
#include "sync/OutboxTriggers.h"
#include "sync/SyncSchema.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace tambo::core {

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue parseValue(const QString &text)
{
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson(
        (QStringLiteral("[") + text + QStringLiteral("]")).toUtf8());
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().at(0)
                                                   : QJsonValue(QJsonValue::Undefined);
}

bool isNothing(const QString &jsonText)
{
    const QJsonValue v = parseValue(jsonText);
    return v.isUndefined() || v.isNull();
}

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + identifier + QLatin1Char('"');
}

} // namespace

SyncConflictResolver::SyncConflictResolver(LocalSyncStore &store,
                                           AuditLog &audit,
                                           const Clock &clock,
                                           QString deviceId)
    : m_store(store)
    , m_db(store.database())
    , m_audit(audit)
    , m_clock(clock)
    , m_deviceId(std::move(deviceId))
{}

QString SyncConflictResolver::choiceName(Choice choice)
{
    switch (choice) {
    case Choice::KeepMine:
        return QStringLiteral("mine");
    case Choice::KeepTheirs:
        return QStringLiteral("theirs");
    case Choice::Discard:
        return QStringLiteral("discard");
    case Choice::Retry:
        return QStringLiteral("retry");
    }
    return {};
}

SyncConflictResolver::Result SyncConflictResolver::keepMine(const Session &session,
                                                            qint64 conflictId)
{
    return resolveConflict(session, conflictId, Choice::KeepMine);
}

SyncConflictResolver::Result SyncConflictResolver::keepTheirs(const Session &session,
                                                              qint64 conflictId)
{
    return resolveConflict(session, conflictId, Choice::KeepTheirs);
}

SyncConflictResolver::Result SyncConflictResolver::discard(const Session &session,
                                                           qint64 rejectedSeq)
{
    return resolveRejected(session, rejectedSeq, Choice::Discard);
}

SyncConflictResolver::Result SyncConflictResolver::retry(const Session &session, qint64 rejectedSeq)
{
    return resolveRejected(session, rejectedSeq, Choice::Retry);
}

bool SyncConflictResolver::refused(const Session &session, Result *result) const
{
    if (session.isValid() && session.can(QString::fromLatin1(Permissions::SyncResolve)))
        return false;
    result->message = tr("Your role may not resolve sync conflicts or rejected changes. Ask the "
                         "OTIC office.");
    return true;
}

bool SyncConflictResolver::writeMine(const QString &table,
                                     const QString &rowId,
                                     const QString &kind,
                                     const QString &field,
                                     const QString &serverValue,
                                     const QString &clientValue,
                                     QString *error)
{
    const QList<OutboxTriggers::Column> columns = OutboxTriggers::columns(m_db, table, error);
    QString pk;
    QStringList names;
    for (const OutboxTriggers::Column &c : columns) {
        names << c.name;
        if (c.primaryKey)
            pk = c.name;
    }
    if (pk.isEmpty()) {
        *error = tr("The table %1 is not on this PC.").arg(table);
        return false;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(max(seq), 0) FROM sync_outbox")) || !q.next()) {
        *error = q.lastError().text();
        return false;
    }
    const qint64 lastSeq = q.value(0).toLongLong();
    q.finish();

    QString op;
    QStringList changed;
    if (kind == QLatin1String("field")) {
        if (!names.contains(field)) {
            *error = tr("The field %1 is not in the table %2 on this PC.").arg(field, table);
            return false;
        }
        op = QStringLiteral("update");
        changed = QStringList{field};
        q.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE CAST(%3 AS TEXT) = ?")
                      .arg(quoted(table), quoted(field), quoted(pk)));
        q.addBindValue(LocalSyncStore::sqlValue(parseValue(clientValue)));
        q.addBindValue(rowId);
    } else if (isNothing(clientValue)) {
        // This PC deleted the row, another PC edited it: delete it again, on the current base.
        op = QStringLiteral("delete");
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE CAST(%2 AS TEXT) = ?")
                      .arg(quoted(table), quoted(pk)));
        q.addBindValue(rowId);
    } else {
        // This PC edited the row, another PC deleted it: write it back as this PC had it.
        Q_UNUSED(serverValue);
        op = QStringLiteral("insert");
        const QJsonObject mine = parseValue(clientValue).toObject();
        QStringList cols;
        QStringList marks;
        QVariantList values;
        for (const QString &c : std::as_const(names)) {
            if (c != pk && !mine.contains(c))
                continue;
            cols << quoted(c);
            marks << QStringLiteral("?");
            values << (c == pk ? QVariant(rowId) : LocalSyncStore::sqlValue(mine.value(c)));
        }
        q.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT DO NOTHING")
                      .arg(quoted(table),
                           cols.join(QStringLiteral(", ")),
                           marks.join(QStringLiteral(", "))));
        for (const QVariant &v : std::as_const(values))
            q.addBindValue(v);
    }
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    q.finish();

    // Did the triggers queue the change? Not when the row already held this PC's side (the
    // server's has not been pulled yet): then the entry is queued for the row as it is.
    q.prepare(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE seq > ? AND table_name = ? "
                             "AND row_id = ?"));
    q.addBindValue(lastSeq);
    q.addBindValue(table);
    q.addBindValue(rowId);
    if (!q.exec() || !q.next()) {
        *error = q.lastError().text();
        return false;
    }
    if (q.value(0).toInt() > 0)
        return true;
    q.finish();
    QString queueError;
    if (!OutboxTriggers::queueRow(m_db, table, rowId, op, changed, &queueError)) {
        *error = tr("The record %1 of %2 is not on this PC any more; synchronize first and try "
                    "again (%3).")
                     .arg(rowId, table, queueError);
        return false;
    }
    return true;
}

bool SyncConflictResolver::recordResolution(qint64 seq,
                                            const QString &kind,
                                            const QString &table,
                                            const QString &rowId,
                                            const QString &field,
                                            Choice choice,
                                            const QString &username,
                                            const QString &at,
                                            QString *error)
{
    const QVariant null(QMetaType::fromType<QString>());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO %1 (id, device_id, seq, kind, table_name, row_id, "
                             "field, choice, username, resolved_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(QString::fromLatin1(SyncSchema::ResolutionsTable)));
    q.addBindValue(makeUuid7(m_clock.now()));
    q.addBindValue(m_deviceId);
    q.addBindValue(seq);
    q.addBindValue(kind);
    q.addBindValue(table);
    q.addBindValue(rowId);
    q.addBindValue(field.isEmpty() ? null : QVariant(field));
    q.addBindValue(choiceName(choice));
    q.addBindValue(username);
    q.addBindValue(at);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

SyncConflictResolver::Result SyncConflictResolver::resolveConflict(const Session &session,
                                                                   qint64 conflictId,
                                                                   Choice choice)
{
    Result result;
    if (refused(session, &result))
        return result;
    const std::optional<LocalSyncStore::Conflict> c = m_store.conflict(conflictId);
    if (!c) {
        result.message = tr("There is no conflict number %1 on this PC.").arg(conflictId);
        return result;
    }
    const QString what = c->field.isEmpty()
                             ? tr("record %1 of %2").arg(c->rowId, c->table)
                             : tr("field %1 of record %2 of %3").arg(c->field, c->rowId, c->table);
    if (c->resolvedAt.isValid()) {
        result.ok = true;
        result.alreadyResolved = true;
        result.message = tr("The conflict on the %1 was resolved already.").arg(what);
        return result;
    }
    const auto failed = [&](const QString &error) {
        result.message = tr("The conflict on the %1 could not be resolved: %2").arg(what, error);
        return result;
    };

    Transaction tx(m_db);
    if (!tx.isActive())
        return failed(tx.error());
    QString error;
    if (choice == Choice::KeepMine
        && !writeMine(c->table, c->rowId, c->kind, c->field, c->serverValue, c->clientValue, &error))
        return failed(error);
    const QString at = iso(m_clock.now());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE sync_conflicts SET resolved_at = ?, resolution = ?, "
                             "resolved_by = ? WHERE id = ? AND resolved_at IS NULL"));
    q.addBindValue(at);
    q.addBindValue(choiceName(choice));
    q.addBindValue(session.username);
    q.addBindValue(conflictId);
    if (!q.exec())
        return failed(q.lastError().text());
    if (!recordResolution(
            c->seq, c->kind, c->table, c->rowId, c->field, choice, session.username, at, &error))
        return failed(error);
    QJsonObject before{{QStringLiteral("kind"), c->kind},
                       {QStringLiteral("server_value"), c->serverValue},
                       {QStringLiteral("client_value"), c->clientValue}};
    QJsonObject after{{QStringLiteral("choice"), choiceName(choice)},
                      {QStringLiteral("table"), c->table},
                      {QStringLiteral("row_id"), c->rowId},
                      {QStringLiteral("seq"), double(c->seq)}};
    if (!c->field.isEmpty())
        after.insert(QStringLiteral("field"), c->field);
    if (!m_audit.append({session.username,
                         QStringLiteral("sync_conflict"),
                         c->field.isEmpty()
                             ? c->table + QLatin1Char('/') + c->rowId
                             : c->table + QLatin1Char('/') + c->rowId + QLatin1Char('#') + c->field,
                         QStringLiteral("resolve"),
                         before,
                         after},
                        &error))
        return failed(error);
    if (!tx.commit())
        return failed(tx.error());
    result.ok = true;
    result.message = choice == Choice::KeepMine
                         ? tr("Kept this PC's side of the %1; it goes to the server with the "
                              "next synchronization.")
                               .arg(what)
                         : tr("Kept the server's side of the %1.").arg(what);
    return result;
}

SyncConflictResolver::Result SyncConflictResolver::resolveRejected(const Session &session,
                                                                   qint64 seq,
                                                                   Choice choice)
{
    Result result;
    if (refused(session, &result))
        return result;
    const std::optional<LocalSyncStore::Rejected> r = m_store.rejectedEntry(seq);
    if (!r) {
        result.message = tr("There is no rejected change number %1 on this PC.").arg(seq);
        return result;
    }
    const QString what = tr("change %1 to record %2 of %3")
                             .arg(QString::number(seq), r->rowId, r->table);
    if (r->resolvedAt.isValid()) {
        result.ok = true;
        result.alreadyResolved = true;
        result.message = tr("The rejected %1 was resolved already.").arg(what);
        return result;
    }
    const auto failed = [&](const QString &error) {
        result.message = tr("The rejected %1 could not be resolved: %2").arg(what, error);
        return result;
    };

    Transaction tx(m_db);
    if (!tx.isActive())
        return failed(tx.error());
    const QString at = iso(m_clock.now());
    QSqlQuery q(m_db);
    if (choice == Choice::Retry) {
        // The same change again, as a new entry on the row's current server version.
        q.prepare(QStringLiteral("INSERT INTO sync_outbox (table_name, row_id, op, data, changed, "
                                 "base_version) SELECT table_name, row_id, op, data, changed, "
                                 "COALESCE((SELECT version FROM sync_row_versions v WHERE "
                                 "v.table_name = o.table_name AND v.row_id = o.row_id), 0) "
                                 "FROM sync_outbox o WHERE seq = ?"));
        q.addBindValue(seq);
        if (!q.exec())
            return failed(q.lastError().text());
    }
    q.prepare(QStringLiteral("UPDATE sync_outbox SET resolved_at = ?, resolution = ?, "
                             "resolved_by = ? WHERE seq = ? AND resolved_at IS NULL"));
    q.addBindValue(at);
    q.addBindValue(choiceName(choice));
    q.addBindValue(session.username);
    q.addBindValue(seq);
    if (!q.exec())
        return failed(q.lastError().text());
    QString error;
    if (!recordResolution(seq,
                          QStringLiteral("rejected"),
                          r->table,
                          r->rowId,
                          {},
                          choice,
                          session.username,
                          at,
                          &error))
        return failed(error);
    if (!m_audit.append({session.username,
                         QStringLiteral("sync_rejection"),
                         r->table + QLatin1Char('/') + r->rowId,
                         QStringLiteral("resolve"),
                         {{QStringLiteral("op"), r->op},
                          {QStringLiteral("reason"), r->reason},
                          {QStringLiteral("message"), r->message}},
                         {{QStringLiteral("choice"), choiceName(choice)},
                          {QStringLiteral("seq"), double(seq)}}},
                        &error))
        return failed(error);
    if (!tx.commit())
        return failed(tx.error());
    result.ok = true;
    result.message = choice == Choice::Retry
                         ? tr("The %1 is queued again; it goes to the server with the next "
                              "synchronization.")
                               .arg(what)
                         : tr("The rejected %1 was discarded.").arg(what);
    return result;
}

} // namespace tambo::core
