#include "sync/OutboxTriggers.h"

#include "migrations/Transaction.h"
#include "sync/SyncProtocol.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace tambo::core {

namespace {

bool fail(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

bool isPlainIdentifier(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,62}$"));
    return re.match(name).hasMatch();
}

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + identifier + QLatin1Char('"');
}

QString literal(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

// sqlite's json_object() takes at most SQLITE_MAX_FUNCTION_ARG (1000 here, 127 by default)
// arguments; wider tables are built from chunks merged with json_patch().
QString rowJson(const QList<OutboxTriggers::Column> &columns, const QString &alias)
{
    QStringList chunks;
    QStringList args;
    for (const OutboxTriggers::Column &c : columns) {
        args << literal(c.name) << alias + QLatin1Char('.') + quoted(c.name);
        if (args.size() >= 120) {
            chunks << QStringLiteral("json_object(%1)").arg(args.join(QStringLiteral(", ")));
            args.clear();
        }
    }
    if (!args.isEmpty() || chunks.isEmpty())
        chunks << QStringLiteral("json_object(%1)").arg(args.join(QStringLiteral(", ")));
    QString json = chunks.takeFirst();
    for (const QString &chunk : std::as_const(chunks))
        json = QStringLiteral("json_patch(%1, %2)").arg(json, chunk);
    return json;
}

} // namespace

QString OutboxTriggers::triggerName(const QString &table, const QString &what)
{
    return QStringLiteral("sync_%1_%2").arg(table, what);
}

QList<OutboxTriggers::Column> OutboxTriggers::columns(const QSqlDatabase &db,
                                                      const QString &table,
                                                      QString *error)
{
    QList<Column> result;
    if (!isPlainIdentifier(table)) {
        fail(error, QStringLiteral("invalid table name %1").arg(table));
        return result;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name, upper(type), pk FROM pragma_table_info(%1)")
                    .arg(literal(table)))) {
        fail(error, q.lastError().text());
        return result;
    }
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt() > 0});
    if (result.isEmpty())
        fail(error, QStringLiteral("table %1 does not exist").arg(table));
    return result;
}

QStringList OutboxTriggers::triggerSql(const SyncedTable &table,
                                       const QList<Column> &columns,
                                       QString *error)
{
    if (!SyncProtocol::isValidTableName(table.table)) {
        fail(error, QStringLiteral("%1: a synced table needs a lower-case name").arg(table.table));
        return {};
    }
    QString pk;
    int pkCount = 0;
    for (const Column &c : columns) {
        if (!isPlainIdentifier(c.name)) {
            fail(error,
                 QStringLiteral("%1: column name %2 cannot be synced").arg(table.table, c.name));
            return {};
        }
        if (c.type.contains(QLatin1String("BLOB"))) {
            fail(error,
                 QStringLiteral("%1: BLOB column %2 cannot be synced as JSON")
                     .arg(table.table, c.name));
            return {};
        }
        if (c.primaryKey) {
            pk = c.name;
            ++pkCount;
        }
    }
    if (pkCount != 1) {
        fail(error,
             QStringLiteral("%1: a synced table needs a single-column primary key").arg(table.table));
        return {};
    }

    const QString t = table.table;
    const QString quiet = QStringLiteral("(SELECT applying FROM sync_flags WHERE id = 1) = 0");
    const auto base = [&](const QString &alias) {
        return QStringLiteral("COALESCE((SELECT version FROM sync_row_versions WHERE table_name "
                              "= %1 AND row_id = CAST(%2.%3 AS TEXT)), 0)")
            .arg(literal(t), alias, quoted(pk));
    };
    const QString rowId = [&](const QString &alias) {
        return QStringLiteral("CAST(%1.%2 AS TEXT)").arg(alias, quoted(pk));
    }(QStringLiteral("NEW"));

    QStringList sql;
    sql << QStringLiteral("CREATE TRIGGER %1 AFTER INSERT ON %2 FOR EACH ROW WHEN %3 BEGIN "
                          "INSERT INTO sync_outbox (table_name, row_id, op, data, base_version) "
                          "VALUES (%4, %5, 'insert', %6, %7); END")
               .arg(quoted(triggerName(t, QStringLiteral("insert"))),
                    quoted(t),
                    quiet,
                    literal(t),
                    rowId,
                    rowJson(columns, QStringLiteral("NEW")),
                    base(QStringLiteral("NEW")));
    sql << QStringLiteral("CREATE TRIGGER %1 BEFORE UPDATE OF %2 ON %3 FOR EACH ROW "
                          "WHEN OLD.%2 IS NOT NEW.%2 BEGIN "
                          "SELECT RAISE(ABORT, 'a synced row keeps its id'); END")
               .arg(quoted(triggerName(t, QStringLiteral("keep_id"))), quoted(pk), quoted(t));
    if (table.kind == SyncedTable::Kind::AppendOnly)
        return sql;

    QStringList anyChange;
    QStringList changedNames;
    for (const Column &c : columns) {
        anyChange << QStringLiteral("OLD.%1 IS NOT NEW.%1").arg(quoted(c.name));
        changedNames << QStringLiteral("CASE WHEN OLD.%1 IS NOT NEW.%1 THEN %2 END")
                            .arg(quoted(c.name), literal(c.name));
    }
    // json_array() has the same argument limit as json_object(): chunks, then concatenated.
    QStringList arrays;
    for (qsizetype i = 0; i < changedNames.size(); i += 120) {
        arrays << QStringLiteral("SELECT value FROM json_each(json_array(%1))")
                      .arg(changedNames.mid(i, 120).join(QStringLiteral(", ")));
    }
    const QString changed = QStringLiteral("(SELECT json_group_array(value) FROM (%1) "
                                           "WHERE value IS NOT NULL)")
                                .arg(arrays.join(QStringLiteral(" UNION ALL ")));
    sql << QStringLiteral("CREATE TRIGGER %1 AFTER UPDATE ON %2 FOR EACH ROW WHEN %3 AND (%4) "
                          "BEGIN INSERT INTO sync_outbox "
                          "(table_name, row_id, op, data, changed, base_version) "
                          "VALUES (%5, %6, 'update', %7, %8, %9); END")
               .arg(quoted(triggerName(t, QStringLiteral("update"))),
                    quoted(t),
                    quiet,
                    anyChange.join(QStringLiteral(" OR ")),
                    literal(t),
                    rowId,
                    rowJson(columns, QStringLiteral("NEW")),
                    changed,
                    base(QStringLiteral("NEW")));
    sql << QStringLiteral("CREATE TRIGGER %1 AFTER DELETE ON %2 FOR EACH ROW WHEN %3 BEGIN "
                          "INSERT INTO sync_outbox (table_name, row_id, op, base_version) "
                          "VALUES (%4, CAST(OLD.%5 AS TEXT), 'delete', %6); END")
               .arg(quoted(triggerName(t, QStringLiteral("delete"))),
                    quoted(t),
                    quiet,
                    literal(t),
                    quoted(pk),
                    base(QStringLiteral("OLD")));
    return sql;
}

bool OutboxTriggers::queueRow(QSqlDatabase db,
                              const QString &table,
                              const QString &rowId,
                              const QString &op,
                              const QStringList &changed,
                              QString *error)
{
    if (!SyncProtocol::isValidTableName(table))
        return fail(error, QStringLiteral("invalid table name %1").arg(table));
    const QList<Column> cols = columns(db, table, error);
    if (cols.isEmpty())
        return false;
    QString pk;
    for (const Column &c : cols) {
        if (c.primaryKey)
            pk = c.name;
    }
    if (pk.isEmpty())
        return fail(error, QStringLiteral("%1 has no primary key").arg(table));
    const QString base = QStringLiteral("COALESCE((SELECT version FROM sync_row_versions WHERE "
                                        "table_name = ? AND row_id = ?), 0)");
    QSqlQuery q(db);
    if (op == QLatin1String("delete")) {
        q.prepare(QStringLiteral("INSERT INTO sync_outbox (table_name, row_id, op, base_version) "
                                 "VALUES (?, ?, 'delete', %1)")
                      .arg(base));
        for (int i = 0; i < 2; ++i) {
            q.addBindValue(table);
            q.addBindValue(rowId);
        }
    } else if (op == QLatin1String("insert") || op == QLatin1String("update")) {
        QStringList names;
        for (const QString &c : changed)
            names << literal(c);
        q.prepare(
            QStringLiteral("INSERT INTO sync_outbox (table_name, row_id, op, data, changed, "
                           "base_version) SELECT ?, ?, %1, %2, %3, %4 FROM %5 AS r "
                           "WHERE CAST(r.%6 AS TEXT) = ?")
                .arg(literal(op),
                     rowJson(cols, QStringLiteral("r")),
                     op == QLatin1String("update")
                         ? QStringLiteral("json_array(%1)").arg(names.join(QStringLiteral(", ")))
                         : QStringLiteral("NULL"),
                     base,
                     quoted(table),
                     quoted(pk)));
        for (int i = 0; i < 2; ++i) {
            q.addBindValue(table);
            q.addBindValue(rowId);
        }
        q.addBindValue(rowId);
    } else {
        return fail(error, QStringLiteral("unknown op %1").arg(op));
    }
    if (!q.exec())
        return fail(error, q.lastError().text());
    if (q.numRowsAffected() != 1)
        return fail(error, QStringLiteral("row %1 of %2 does not exist").arg(rowId, table));
    return true;
}

bool OutboxTriggers::install(QSqlDatabase db, const QList<SyncedTable> &tables, QString *error)
{
    QStringList statements;
    for (const SyncedTable &table : tables) {
        QString columnError;
        const QList<Column> cols = columns(db, table.table, &columnError);
        if (cols.isEmpty())
            return fail(error, columnError);
        const QStringList sql = triggerSql(table, cols, error);
        if (sql.isEmpty())
            return false;
        statements << sql;
    }

    Transaction tx(db);
    if (!tx.isActive())
        return fail(error, tx.error());
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                               "AND name LIKE 'sync\\_%' ESCAPE '\\'")))
        return fail(error, q.lastError().text());
    QStringList old;
    while (q.next())
        old << q.value(0).toString();
    q.finish();
    for (const QString &name : std::as_const(old)) {
        if (!q.exec(QStringLiteral("DROP TRIGGER %1").arg(quoted(name))))
            return fail(error, q.lastError().text());
    }
    for (const QString &sql : std::as_const(statements)) {
        if (!q.exec(sql))
            return fail(error, QStringLiteral("%1: %2").arg(q.lastError().text(), sql.left(200)));
    }
    if (!tx.commit())
        return fail(error, tx.error());
    return true;
}

} // namespace tambo::core
