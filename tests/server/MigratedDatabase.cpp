#include "MigratedDatabase.h"

#include "PgSchema.h"
#include "PostgresLauncher.h"

#include "util/SystemClock.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tambo::test {

MigratedDatabase::MigratedDatabase(PostgresLauncher &pg, const QString &name)
    : m_name(name)
    , m_connection(QStringLiteral("migrated-") + name)
{
    if (!pg.createDatabase(name, &m_error))
        return;
    QSqlDatabase db = pg.open(m_connection, name);
    if (!db.isOpen()) {
        m_error = db.lastError().text();
        return;
    }
    const server::PgSchema::Report report
        = server::PgSchema::migrate(db, *core::SystemClock::instance());
    if (!report.ok())
        m_error = report.error;
}

MigratedDatabase::~MigratedDatabase()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QSqlDatabase MigratedDatabase::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool MigratedDatabase::exec(const QString &sql) const
{
    QSqlQuery q(db());
    if (q.exec(sql))
        return true;
    qWarning("MigratedDatabase: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return false;
}

} // namespace tambo::test
