#include "PgDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace tambo::server {

PgDatabase::PgDatabase(ServerConfig::Database settings, QString namePrefix)
    : m_settings(std::move(settings))
    , m_prefix(std::move(namePrefix))
{}

PgDatabase::~PgDatabase()
{
    releaseThreadConnection();
}

bool PgDatabase::driverAvailable()
{
    return QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"));
}

QString PgDatabase::threadConnectionName() const
{
    return QStringLiteral("%1-%2-%3")
        .arg(m_prefix)
        .arg(quintptr(this), 0, 16)
        .arg(quintptr(QThread::currentThreadId()), 0, 16);
}

QSqlDatabase PgDatabase::connection(QString *error)
{
    const QString name = threadConnectionName();
    bool reconnect = false;
    {
        std::lock_guard lock(m_mutex);
        reconnect = m_reconnect.remove(name);
    }
    QSqlDatabase db;
    if (QSqlDatabase::contains(name)) {
        db = QSqlDatabase::database(name, false);
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_settings.host);
        db.setPort(m_settings.port);
        db.setDatabaseName(m_settings.name);
        db.setUserName(m_settings.user);
        db.setPassword(m_settings.password);
        db.setConnectOptions(QStringLiteral("connect_timeout=%1;application_name=tambo-server")
                                 .arg(m_settings.connectTimeoutSeconds));
    }
    if (reconnect && db.isOpen())
        db.close();
    if (!db.isOpen() && !db.open()) {
        if (error) {
            *error = QStringLiteral("cannot connect to PostgreSQL %1@%2:%3/%4: %5")
                         .arg(m_settings.user, m_settings.host)
                         .arg(m_settings.port)
                         .arg(m_settings.name, db.lastError().text());
        }
    }
    return db;
}

void PgDatabase::scheduleReconnect()
{
    std::lock_guard lock(m_mutex);
    m_reconnect.insert(threadConnectionName());
}

void PgDatabase::releaseThreadConnection()
{
    const QString name = threadConnectionName();
    {
        std::lock_guard lock(m_mutex);
        m_reconnect.remove(name);
    }
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool PgDatabase::ping(QString *error)
{
    QSqlDatabase db = connection(error);
    if (!db.isOpen()) {
        scheduleReconnect();
        return false;
    }
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT 1")) || !query.next()) {
        if (error)
            *error = QStringLiteral("PostgreSQL does not answer: %1").arg(query.lastError().text());
        scheduleReconnect();
        return false;
    }
    return true;
}

} // namespace tambo::server
