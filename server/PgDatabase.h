#pragma once

#include "ServerConfig.h"

#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <mutex>

namespace tambo::server {

// PostgreSQL connections through Qt's QPSQL driver, one per thread (a QSqlDatabase may only be
// used by the thread that opened it). Request threads call connection(); a thread that is about
// to end calls releaseThreadConnection() (WorkerPool does it for the HTTP workers).
//
// After a failure that may have broken the connection (server restart, network cut), callers
// call scheduleReconnect(): the thread's next connection() closes and reopens it, so one bad
// moment of PostgreSQL costs one failed request, not a dead worker.
class PgDatabase
{
public:
    explicit PgDatabase(ServerConfig::Database settings,
                        QString namePrefix = QStringLiteral("tambo-server"));
    ~PgDatabase(); // releases the calling thread's connection
    PgDatabase(const PgDatabase &) = delete;
    PgDatabase &operator=(const PgDatabase &) = delete;

    // This thread's connection, opened on demand. When it cannot be opened the result is not
    // open and *error says why (host, port, database and PostgreSQL's message; never the
    // password).
    QSqlDatabase connection(QString *error = nullptr);
    void scheduleReconnect();
    void releaseThreadConnection();
    // SELECT 1 on this thread's connection; schedules a reconnect when it fails.
    bool ping(QString *error = nullptr);

    const ServerConfig::Database &settings() const { return m_settings; }
    // True when Qt's QPSQL plugin can be loaded (libqt6sql6-psql).
    static bool driverAvailable();

private:
    QString threadConnectionName() const;

    ServerConfig::Database m_settings;
    QString m_prefix;
    std::mutex m_mutex;
    QSet<QString> m_reconnect; // connection names to close before their next use
};

} // namespace tambo::server
