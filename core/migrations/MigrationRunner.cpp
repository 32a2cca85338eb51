#include "migrations/MigrationRunner.h"

#include "migrations/Transaction.h"
#include "util/Clock.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace tambo::core {

MigrationRunner::MigrationRunner(QSqlDatabase db, const Clock &clock)
    : m_db(std::move(db))
    , m_clock(clock)
{}

void MigrationRunner::addModule(const QString &moduleId, const QList<MigrationStep> &steps)
{
    m_modules.append({moduleId, steps});
}

QStringList MigrationRunner::modules() const
{
    QStringList ids;
    for (const Module &m : m_modules)
        ids.append(m.id);
    return ids;
}

int MigrationRunner::latest(const QString &moduleId) const
{
    for (const Module &m : m_modules) {
        if (m.id == moduleId)
            return int(m.steps.size());
    }
    return 0;
}

bool MigrationRunner::versionsTableExists() const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    query.addBindValue(versionsTable());
    return query.exec() && query.next();
}

int MigrationRunner::storedVersion(const QString &moduleId, QString *error) const
{
    if (!versionsTableExists())
        return 0;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT version FROM schema_versions WHERE module = ?"));
    query.addBindValue(moduleId);
    if (!query.exec()) {
        if (error)
            *error = tr("Cannot read the schema version of module %1: %2")
                         .arg(moduleId, query.lastError().text());
        return -1;
    }
    return query.next() ? query.value(0).toInt() : 0;
}

int MigrationRunner::version(const QString &moduleId) const
{
    return qMax(0, storedVersion(moduleId, nullptr));
}

QString MigrationRunner::validate() const
{
    if (!m_db.isOpen())
        return tr("Cannot migrate: the database is not open.");

    QSet<QString> seen;
    for (const Module &m : m_modules) {
        if (m.id.trimmed().isEmpty())
            return tr("A module without an id declares migration steps.");
        if (seen.contains(m.id))
            return tr("Module %1 declares its migration steps twice.").arg(m.id);
        seen.insert(m.id);

        for (qsizetype i = 0; i < m.steps.size(); ++i) {
            const MigrationStep &step = m.steps.at(i);
            const int expected = int(i) + 1;
            if (step.version != expected) {
                return tr("Migration steps of module %1 must be numbered 1, 2, 3… without gaps: "
                          "step %2 is in position %3.")
                    .arg(m.id, QString::number(step.version), QString::number(expected));
            }
            if (!step.apply)
                return tr("Migration step %2 of module %1 has nothing to apply.")
                    .arg(m.id, QString::number(step.version));
        }

        QString error;
        const int stored = storedVersion(m.id, &error);
        if (stored < 0)
            return error;
        if (stored > m.steps.size()) {
            return tr("The store has version %2 of module %1, but this program only knows up to "
                      "version %3. Update Tambo before opening this store.")
                .arg(m.id, QString::number(stored), QString::number(m.steps.size()));
        }
    }
    return {};
}

bool MigrationRunner::ensureVersionsTable(QString *error)
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_versions ("
                                   " module TEXT PRIMARY KEY NOT NULL,"
                                   " version INTEGER NOT NULL,"
                                   " applied_at TEXT NOT NULL"
                                   ") STRICT"))) {
        if (error)
            *error = tr("Cannot create the table of schema versions: %1")
                         .arg(query.lastError().text());
        return false;
    }
    return true;
}

MigrationRunner::Report MigrationRunner::migrate()
{
    Report report;
    report.error = validate();
    if (!report.ok())
        return report;

    for (const Module &m : m_modules) {
        const int from = version(m.id);
        const int to = int(m.steps.size());
        if (from == to)
            continue;

        if (!versionsTableExists() && !ensureVersionsTable(&report.error))
            return report;

        for (int v = from + 1; v <= to; ++v) {
            const MigrationStep &step = m.steps.at(v - 1);
            QString stepError;
            bool ok = false;
            {
                Transaction tx(m_db);
                if (!tx.isActive()) {
                    stepError = tx.error();
                } else if (!step.apply(m_db, &stepError)) {
                    if (stepError.isEmpty())
                        stepError = tr("the step reported a failure without details");
                } else {
                    QSqlQuery bump(m_db);
                    bump.prepare(QStringLiteral(
                        "INSERT INTO schema_versions (module, version, applied_at) VALUES (?, ?, ?)"
                        " ON CONFLICT (module) DO UPDATE SET version = excluded.version,"
                        " applied_at = excluded.applied_at"));
                    bump.addBindValue(m.id);
                    bump.addBindValue(v);
                    bump.addBindValue(m_clock.now().toUTC().toString(Qt::ISODateWithMs));
                    if (!bump.exec()) {
                        stepError = bump.lastError().text();
                    } else {
                        bump.finish();
                        ok = tx.commit();
                        if (!ok)
                            stepError = tx.error();
                    }
                }
            } // a transaction that was not committed rolls back here
            if (!ok) {
                report.failedModule = m.id;
                report.failedStep = v;
                report.failedDescription = step.description;
                report.stepError = stepError;
                report.error = tr("Migration of module %1 failed at step %2 (%3): %4")
                                   .arg(m.id, QString::number(v), step.description, stepError);
                if (v - 1 > from)
                    report.changes.append({m.id, from, v - 1});
                return report;
            }
        }
        report.changes.append({m.id, from, to});
    }
    return report;
}

} // namespace tambo::core
