#include "sync/LocalSyncStore.h"

#include "migrations/Transaction.h"
#include "sync/OutboxTriggers.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncValueCheck.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace tambo::core {

namespace {

bool fail(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString jsonText(const QJsonValue &v)
{
    if (v.isUndefined())
        return {};
    return QString::fromUtf8(
        QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
}

} // namespace

QVariant LocalSyncStore::sqlValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QVariant(QMetaType::fromType<QString>());
    case QJsonValue::Bool:
        return v.toBool() ? 1 : 0;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == std::floor(d) && std::abs(d) < 9007199254740992.0)
            return qint64(d);
        return d;
    }
    case QJsonValue::String:
        return v.toString();
    default:
        return jsonText(v);
    }
}

LocalSyncStore::LocalSyncStore(QSqlDatabase db, QList<SyncedTable> tables, const Clock &clock)
    : m_db(std::move(db))
    , m_tables(std::move(tables))
    , m_clock(clock)
{}

QList<SyncTableRule> LocalSyncStore::tableRules() const
{
    QList<SyncTableRule> rules;
    for (const SyncedTable &t : m_tables) {
        SyncTableRule r;
        r.table = t.table;
        r.appendOnly = t.kind == SyncedTable::Kind::AppendOnly;
        r.legalColumns = t.legalColumns;
        r.scopeParentTable = t.scopeParentTable;
        r.scopeParentColumn = t.scopeParentColumn;
        rules.append(r);
    }
    return rules;
}

QList<OutboxEntry> LocalSyncStore::pendingEntries(int limit, QString *error) const
{
    QList<OutboxEntry> entries;
    QSqlQuery q(m_db);
    // The row as stored bytes: decoded as text, invalid UTF-8 would turn into U+FFFD and the
    // server would get other data than the PC holds, without a word.
    q.prepare(QStringLiteral("SELECT seq, table_name, row_id, op, CAST(data AS BLOB), changed, "
                             "base_version FROM sync_outbox WHERE status = 'pending' "
                             "ORDER BY seq LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec()) {
        fail(error, q.lastError().text());
        return entries;
    }
    while (q.next()) {
        OutboxEntry entry;
        entry.seq = q.value(0).toLongLong();
        entry.schemaVersion = SyncProtocol::SchemaVersion;
        SyncOp op;
        op.table = q.value(1).toString();
        op.id = q.value(2).toString();
        const QString kind = q.value(3).toString();
        op.kind = kind == QLatin1String("insert")   ? SyncOp::Kind::Insert
                  : kind == QLatin1String("update") ? SyncOp::Kind::Update
                                                    : SyncOp::Kind::Delete;
        std::optional<SyncValueCheck::Problem> problem;
        if (op.kind != SyncOp::Kind::Delete) {
            const QByteArray stored = q.value(4).toByteArray();
            problem = SyncValueCheck::checkStoredRow(stored, op.table, op.id);
            if (!problem) {
                const QJsonDocument row = QJsonDocument::fromJson(stored);
                if (!row.isObject()) {
                    problem = SyncValueCheck::Problem{
                        QString::fromLatin1(SyncValueCheck::InvalidText),
                        QStringLiteral("El registro «%1» de «%2» no se pudo leer en este equipo. "
                                       "El cambio no se sincronizó.")
                            .arg(SyncValueCheck::cleaned(op.id, 64), op.table)};
                }
                op.data = row.object();
            }
        }
        const QJsonArray changed = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array();
        for (const QJsonValue &c : changed)
            op.changed.append(c.toString());
        entry.baseVersions.insert(SyncProtocol::rowKey(op.table, op.id), q.value(6).toLongLong());
        entry.ops.append(op);
        if (!problem)
            problem = SyncValueCheck::check(entry);
        if (problem) {
            // Its seq goes up without the row: refused here, recorded by the server, shown
            // here as a rejected change once acknowledged (recordAcks).
            entry.ops.clear();
            entry.refused = OutboxEntry::Refusal{problem->reason, problem->message};
        }
        entries.append(entry);
    }
    return entries;
}

static int countOf(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

int LocalSyncStore::pendingCount() const
{
    return countOf(m_db,
                   QStringLiteral("SELECT count(*) FROM sync_outbox WHERE status = 'pending'"));
}

int LocalSyncStore::rejectedCount() const
{
    return countOf(m_db,
                   QStringLiteral("SELECT count(*) FROM sync_outbox WHERE status = 'rejected' "
                                  "AND resolved_at IS NULL"));
}

int LocalSyncStore::conflictCount() const
{
    return countOf(m_db,
                   QStringLiteral("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL"));
}

namespace {

const QString RejectedColumns = QStringLiteral(
    "SELECT seq, table_name, row_id, op, reason, message, data, changed, resolution, "
    "resolved_by, resolved_at FROM sync_outbox WHERE status = 'rejected' ");
const QString ConflictColumns = QStringLiteral(
    "SELECT id, seq, kind, table_name, row_id, field, server_value, client_value, recorded_at, "
    "resolution, resolved_by, resolved_at FROM sync_conflicts ");

LocalSyncStore::Rejected rejectedFrom(const QSqlQuery &q)
{
    LocalSyncStore::Rejected r;
    r.seq = q.value(0).toLongLong();
    r.table = q.value(1).toString();
    r.rowId = q.value(2).toString();
    r.op = q.value(3).toString();
    r.reason = q.value(4).toString();
    r.message = q.value(5).toString();
    r.data = q.value(6).toString();
    r.changed = q.value(7).toString();
    r.resolution = q.value(8).toString();
    r.resolvedBy = q.value(9).toString();
    r.resolvedAt = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    return r;
}

LocalSyncStore::Conflict conflictFrom(const QSqlQuery &q)
{
    LocalSyncStore::Conflict c;
    c.id = q.value(0).toLongLong();
    c.seq = q.value(1).toLongLong();
    c.kind = q.value(2).toString();
    c.table = q.value(3).toString();
    c.rowId = q.value(4).toString();
    c.field = q.value(5).toString();
    c.serverValue = q.value(6).toString();
    c.clientValue = q.value(7).toString();
    c.recordedAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
    c.resolution = q.value(9).toString();
    c.resolvedBy = q.value(10).toString();
    c.resolvedAt = QDateTime::fromString(q.value(11).toString(), Qt::ISODateWithMs);
    return c;
}

} // namespace

QList<LocalSyncStore::Rejected> LocalSyncStore::rejectedEntries() const
{
    QList<Rejected> list;
    QSqlQuery q(m_db);
    if (!q.exec(RejectedColumns + QStringLiteral("AND resolved_at IS NULL ORDER BY seq")))
        return list;
    while (q.next())
        list.append(rejectedFrom(q));
    return list;
}

std::optional<LocalSyncStore::Rejected> LocalSyncStore::rejectedEntry(qint64 seq) const
{
    QSqlQuery q(m_db);
    q.prepare(RejectedColumns + QStringLiteral("AND seq = ?"));
    q.addBindValue(seq);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return rejectedFrom(q);
}

QList<LocalSyncStore::Conflict> LocalSyncStore::unresolvedConflicts() const
{
    QList<Conflict> list;
    QSqlQuery q(m_db);
    if (!q.exec(ConflictColumns + QStringLiteral("WHERE resolved_at IS NULL ORDER BY id")))
        return list;
    while (q.next())
        list.append(conflictFrom(q));
    return list;
}

std::optional<LocalSyncStore::Conflict> LocalSyncStore::conflict(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(ConflictColumns + QStringLiteral("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return conflictFrom(q);
}

qint64 LocalSyncStore::rowVersion(const QString &table, const QString &rowId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT version FROM sync_row_versions WHERE table_name = ? AND "
                             "row_id = ?"));
    q.addBindValue(table);
    q.addBindValue(rowId);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool LocalSyncStore::recordAcks(const PushResponse &response, QString *error)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(error, tx.error());
    QSqlQuery q(m_db);
    const QString now = iso(m_clock.now());
    for (const PushAck &ack : response.acks) {
        if (ack.status == PushAck::Status::Rejected) {
            q.prepare(QStringLiteral("UPDATE sync_outbox SET status = 'rejected', reason = ?, "
                                     "message = ? WHERE seq = ?"));
            q.addBindValue(ack.reason);
            q.addBindValue(ack.message);
            q.addBindValue(ack.seq);
        } else {
            q.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE seq = ?"));
            q.addBindValue(ack.seq);
        }
        if (!q.exec())
            return fail(error, q.lastError().text());
        // After an edit against a delete the server's state stands, but this PC has not seen it
        // yet: the row keeps the base it has until the pull brings the server's row. (A change
        // based on a version that includes a delete writes the row anew on the server, so a
        // change made before that pull must not claim to have seen the delete.)
        QSet<QString> notSeen;
        for (const SyncConflict &c : ack.conflicts) {
            if (c.kind == SyncConflict::Kind::EditDelete)
                notSeen.insert(SyncProtocol::rowKey(c.table, c.id));
        }
        for (auto it = ack.rowVersions.begin(); it != ack.rowVersions.end(); ++it) {
            const qsizetype slash = it.key().indexOf(QLatin1Char('/'));
            if (slash <= 0 || notSeen.contains(it.key()))
                continue;
            q.prepare(QStringLiteral(
                "INSERT INTO sync_row_versions (table_name, row_id, version) VALUES (?, ?, ?) "
                "ON CONFLICT (table_name, row_id) DO UPDATE SET version = "
                "max(version, excluded.version)"));
            q.addBindValue(it.key().left(slash));
            q.addBindValue(it.key().mid(slash + 1));
            q.addBindValue(it.value());
            if (!q.exec())
                return fail(error, q.lastError().text());
        }
        for (const SyncConflict &c : ack.conflicts) {
            // The server tells a conflict again when it answers a duplicate (the first answer
            // may have been lost, or have come by another way): recorded once.
            const QVariant field = c.kind == SyncConflict::Kind::Field
                                       ? QVariant(c.field)
                                       : QVariant(QMetaType::fromType<QString>());
            q.prepare(QStringLiteral("INSERT INTO sync_conflicts (seq, kind, table_name, row_id, "
                                     "field, server_value, client_value, recorded_at) "
                                     "SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 "
                                     "FROM sync_conflicts WHERE seq = ? AND kind = ? AND "
                                     "table_name = ? AND row_id = ? AND field IS ?)"));
            q.addBindValue(ack.seq);
            q.addBindValue(SyncConflict::kindName(c.kind));
            q.addBindValue(c.table);
            q.addBindValue(c.id);
            q.addBindValue(field);
            q.addBindValue(jsonText(c.serverValue));
            q.addBindValue(jsonText(c.clientValue));
            q.addBindValue(now);
            q.addBindValue(ack.seq);
            q.addBindValue(SyncConflict::kindName(c.kind));
            q.addBindValue(c.table);
            q.addBindValue(c.id);
            q.addBindValue(field);
            if (!q.exec())
                return fail(error, q.lastError().text());
        }
    }
    if (!tx.commit())
        return fail(error, tx.error());
    return true;
}

qint64 LocalSyncStore::cursor(const QString &scopeKey) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT cursor FROM sync_cursors WHERE scope = ?"));
    q.addBindValue(scopeKey);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

const QList<QString> &LocalSyncStore::columnsOf(const QString &table, QString *pk) const
{
    auto it = m_columns.find(table);
    if (it == m_columns.end()) {
        QList<QString> names;
        QString error;
        for (const OutboxTriggers::Column &c : OutboxTriggers::columns(m_db, table, &error)) {
            names.append(c.name);
            if (c.primaryKey)
                m_pk.insert(table, c.name);
        }
        it = m_columns.insert(table, names);
    }
    *pk = m_pk.value(table);
    return *it;
}

QSqlQuery &LocalSyncStore::PageStatements::get(const QString &sql, QString *error)
{
    auto it = prepared.find(sql);
    if (it == prepared.end()) {
        it = prepared.emplace(sql, QSqlQuery(db)).first;
        it->second.setForwardOnly(true);
        if (!it->second.prepare(sql) && error)
            *error = it->second.lastError().text();
    }
    return it->second;
}

bool LocalSyncStore::applyRow(const PulledRow &row,
                              PageStatements &statements,
                              ApplyResult *result,
                              QString *error)
{
    // The version is recorded whatever happens to the data: the next local change is based on it.
    QSqlQuery &version
        = statements.get(QStringLiteral(
                             "INSERT INTO sync_row_versions (table_name, row_id, version) "
                             "VALUES (?, ?, ?) ON CONFLICT (table_name, row_id) DO UPDATE SET "
                             "version = max(version, excluded.version)"),
                         error);
    version.addBindValue(row.table);
    version.addBindValue(row.id);
    version.addBindValue(row.version);
    if (!version.exec())
        return fail(error, version.lastError().text());

    if (statements.pending.contains(row.table + QLatin1Char('\x1f') + row.id)) {
        ++result->keptLocal; // the local change stays on top; the server merges it
        return true;
    }

    QString pk;
    const QList<QString> &columns = columnsOf(row.table, &pk);
    if (columns.isEmpty() || pk.isEmpty())
        return fail(error, QStringLiteral("table %1 is missing in this store").arg(row.table));
    const auto quoted = [](const QString &c) { return QLatin1Char('"') + c + QLatin1Char('"'); };

    // The statement depends on the table and on which columns the row carries: built once a
    // page for each such shape.
    QString shape = row.table + (row.deleted ? QStringLiteral(":d:") : QStringLiteral(":u:"));
    QVariantList values;
    if (row.deleted) {
        values << row.id;
    } else {
        for (const QString &c : columns) {
            const bool present = c == pk || row.data.contains(c);
            shape += present ? QLatin1Char('1') : QLatin1Char('0');
            if (present)
                values << (c == pk ? QVariant(row.id) : sqlValue(row.data.value(c)));
        }
    }
    QString &sql = statements.sqlByShape[shape];
    if (sql.isEmpty() && row.deleted) {
        sql = QStringLiteral("DELETE FROM \"%1\" WHERE %2 = ?").arg(row.table, quoted(pk));
    } else if (sql.isEmpty()) {
        QStringList names;
        QStringList marks;
        QStringList updates;
        for (const QString &c : columns) {
            if (c != pk && !row.data.contains(c))
                continue; // a column this server does not know yet keeps its default
            names << quoted(c);
            marks << QStringLiteral("?");
            if (c != pk)
                updates << QStringLiteral("%1 = excluded.%1").arg(quoted(c));
        }
        sql = QStringLiteral("INSERT INTO \"%1\" (%2) VALUES (%3) ON CONFLICT (%4) DO ")
                  .arg(row.table,
                       names.join(QStringLiteral(", ")),
                       marks.join(QStringLiteral(", ")),
                       quoted(pk));
        // Append-only facts never change: one that is here already stays as it is (and a
        // module's own "no update" trigger is never hit).
        bool appendOnly = false;
        for (const SyncedTable &t : std::as_const(m_tables))
            appendOnly |= t.table == row.table && t.kind == SyncedTable::Kind::AppendOnly;
        sql += updates.isEmpty() || appendOnly
                   ? QStringLiteral("NOTHING")
                   : QStringLiteral("UPDATE SET ") + updates.join(QStringLiteral(", "));
    }
    // Rows of one table carry the same columns: the statement (with the table's triggers
    // compiled in, the costly part) is prepared once a page.
    QSqlQuery &write = statements.get(sql, error);
    for (const QVariant &v : std::as_const(values))
        write.addBindValue(v);
    if (!write.exec())
        return fail(error, write.lastError().text());
    ++result->applied;
    return true;
}

LocalSyncStore::ApplyResult LocalSyncStore::applyPage(const QString &scopeKey,
                                                      const PullResponse &page,
                                                      const RowHook &hook,
                                                      const Verify &verify)
{
    ApplyResult result;
    QSet<QString> known;
    for (const SyncedTable &t : std::as_const(m_tables))
        known.insert(t.table);

    Transaction tx(m_db);
    if (!tx.isActive()) {
        result.error = tx.error();
        return result;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("UPDATE sync_flags SET applying = 1 WHERE id = 1"))) {
        result.error = q.lastError().text();
        return result;
    }
    // Rows with a pending local change, read once: applying a page adds no outbox entry (the
    // triggers are quiet), so the set stays right for the whole page.
    PageStatements statements{m_db, {}, {}, {}};
    if (!q.exec(QStringLiteral("SELECT table_name, row_id FROM sync_outbox WHERE status = "
                               "'pending'"))) {
        result.error = q.lastError().text();
        return result;
    }
    while (q.next())
        statements.pending.insert(q.value(0).toString() + QLatin1Char('\x1f')
                                  + q.value(1).toString());
    q.finish();
    QString prepareError;
    QSqlQuery &savepoint = statements.get(QStringLiteral("SAVEPOINT sync_row"), &prepareError);
    QSqlQuery &release = statements.get(QStringLiteral("RELEASE sync_row"), &prepareError);
    QSqlQuery &rollback = statements.get(QStringLiteral("ROLLBACK TO sync_row"), &prepareError);
    const QString now = iso(m_clock.now());
    for (qsizetype i = 0; i < page.rows.size(); ++i) {
        const PulledRow &row = page.rows.at(i);
        if (!known.contains(row.table))
            continue; // not a table this PC syncs (a module it does not have)
        if (!savepoint.exec()) {
            result.error = savepoint.lastError().text();
            return result;
        }
        QString rowError;
        if (applyRow(row, statements, &result, &rowError)) {
            release.exec();
        } else {
            // One bad row (a constraint this store enforces) must not block the scope: the
            // row is recorded for OTIC and the page goes on.
            rollback.exec();
            release.exec();
            ++result.failed;
            QSqlQuery e(m_db);
            e.prepare(QStringLiteral("INSERT INTO sync_apply_errors (table_name, row_id, version, "
                                     "error, recorded_at) VALUES (?, ?, ?, ?, ?)"));
            e.addBindValue(row.table);
            e.addBindValue(row.id);
            e.addBindValue(row.version);
            e.addBindValue(rowError);
            e.addBindValue(now);
            if (!e.exec()) {
                result.error = e.lastError().text();
                return result;
            }
        }
        if (hook)
            hook(int(i));
    }
    // Statements are finished before the transaction ends.
    statements.prepared.clear();
    q.prepare(QStringLiteral("INSERT INTO sync_cursors (scope, cursor) VALUES (?, ?) "
                             "ON CONFLICT (scope) DO UPDATE SET cursor = excluded.cursor"));
    q.addBindValue(scopeKey);
    q.addBindValue(page.nextCursor);
    if (!q.exec() || !q.exec(QStringLiteral("UPDATE sync_flags SET applying = 0 WHERE id = 1"))) {
        result.error = q.lastError().text();
        return result;
    }
    if (verify && !verify(&result.error)) {
        result.verifyFailed = true;
        return result; // the transaction rolls back
    }
    if (!tx.commit()) {
        result.error = tx.error();
        return result;
    }
    result.ok = true;
    return result;
}

QDateTime LocalSyncStore::lastSynced() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT value FROM sync_state WHERE key = 'last_synced_at'"))
        || !q.next())
        return {};
    return QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
}

std::optional<LocalSyncStore::SyncStop> LocalSyncStore::syncStop() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT value FROM sync_state WHERE key = 'sync.stopped'"))
        || !q.next())
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    SyncStop stop;
    stop.code = o.value(QStringLiteral("code")).toString();
    stop.message = o.value(QStringLiteral("message")).toString();
    stop.seq = qint64(o.value(QStringLiteral("seq")).toDouble());
    stop.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    return stop;
}

bool LocalSyncStore::setSyncStop(const SyncStop &stop, QString *error)
{
    const QJsonObject o{{QStringLiteral("code"), stop.code},
                        {QStringLiteral("message"), stop.message},
                        {QStringLiteral("seq"), double(stop.seq)},
                        {QStringLiteral("at"), iso(stop.at.isValid() ? stop.at : m_clock.now())}};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('sync.stopped', ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return fail(error, q.lastError().text());
    return true;
}

bool LocalSyncStore::setLastSynced(const QDateTime &at, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('last_synced_at', ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(iso(at));
    if (!q.exec())
        return fail(error, q.lastError().text());
    return true;
}

} // namespace tambo::core
