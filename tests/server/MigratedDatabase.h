#pragma once

#include <QSqlDatabase>
#include <QString>

namespace tambo::test {

class PostgresLauncher;

// A fresh database in the test cluster with tambo-server's schema (PgSchema) applied, opened on
// the calling thread; closed and its connection removed on destruction. One a test function
// keeps tests independent while the class shares one cluster.
class MigratedDatabase
{
public:
    MigratedDatabase(PostgresLauncher &pg, const QString &name);
    ~MigratedDatabase();
    MigratedDatabase(const MigratedDatabase &) = delete;
    MigratedDatabase &operator=(const MigratedDatabase &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    QSqlDatabase db() const;
    // Runs sql, true when it worked (for test set-up: disable a user, move a time…).
    bool exec(const QString &sql) const;

private:
    QString m_name;
    QString m_connection;
    QString m_error;
};

} // namespace tambo::test
