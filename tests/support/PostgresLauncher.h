#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace tambo::test {

// A throw-away PostgreSQL 15 cluster for integration tests (GUIDE §2.8): initdb in a fresh
// temporary folder, pg_ctl start on a free loopback port (127.0.0.1 only, Unix socket inside the
// folder, fsync off unless durableRequested()), a superuser with a random password
// (scram-sha-256 over TCP, trust on the socket), and pg_ctl stop plus removal of everything in
// the destructor.
//
// Running as root: initdb and postgres refuse to run as root, so the server programs run as the
// unprivileged `postgres` system user that Debian's postgresql package creates, through
// `setpriv --reuid postgres --regid postgres --init-groups` (util-linux; no PAM session, no
// extra fork, so pg_ctl's exit code and signals reach us unchanged). The temporary folder is then
// made under /tmp (reachable by that user whatever TMPDIR says) and handed to it with chown.
// As any other user the programs simply run as that user.
//
// Binaries: $TAMBO_PG_BINDIR, else /usr/lib/postgresql/15/bin, else `pg_config --bindir`.
// When they are missing, isValid() is false and error() says what to install; tests then FAIL
// unless TAMBO_SKIP_POSTGRES=1 (see TAMBO_REQUIRE_POSTGRES below).
//
// One cluster per test class (initTestCase/cleanupTestCase); createDatabase() gives each test
// function a fresh database cheaply.
class PostgresLauncher
{
public:
    PostgresLauncher(); // starts the cluster and creates database "tambo"
    ~PostgresLauncher();
    PostgresLauncher(const PostgresLauncher &) = delete;
    PostgresLauncher &operator=(const PostgresLauncher &) = delete;

    bool isValid() const { return m_running && m_error.isEmpty(); }
    QString error() const { return m_error; }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString user() const { return QStringLiteral("tambo_test"); }
    QString password() const { return m_password; }
    QString databaseName() const { return QStringLiteral("tambo"); }
    QString binDir() const { return m_binDir; }
    QString socketDir() const; // Unix socket folder (postgres-owned when run as root)
    QString logText() const;   // the server log so far, for failure messages

    // CREATE DATABASE name (plain identifier: letters, digits, underscore); false + *error.
    bool createDatabase(const QString &name, QString *error = nullptr);
    // A QPSQL connection (TCP + password) to database (default: databaseName()), opened;
    // check isOpen()/lastError(). Remove it with QSqlDatabase::removeDatabase(connectionName).
    QSqlDatabase open(const QString &connectionName, const QString &database = {}) const;

    // True when TAMBO_SKIP_POSTGRES=1: a missing PostgreSQL then skips instead of failing.
    static bool skipRequested();
    // True when TAMBO_PG_DURABLE=1: the cluster keeps fsync, synchronous_commit and
    // full_page_writes on, as a production server does (benchmarks of push latency); otherwise
    // they are off, tests need no durability.
    static bool durableRequested();
    // Where the PostgreSQL binaries are, or empty (and *error) when they cannot be found.
    static QString findBinDir(QString *error = nullptr);

private:
    bool start();
    bool runTool(const QString &tool, const QStringList &args, int timeoutMs, QString *output);
    void stop();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    QString m_dataDir;
    QString m_password;
    QString m_error;
    int m_port = 0;
    bool m_asPostgresUser = false;
    bool m_running = false;
};

} // namespace tambo::test

// In initTestCase(): fails the test class with the launcher's message, or skips it when
// TAMBO_SKIP_POSTGRES=1.
#define TAMBO_REQUIRE_POSTGRES(launcher) \
    do { \
        if (!(launcher).isValid()) { \
            if (tambo::test::PostgresLauncher::skipRequested()) \
                QSKIP(qPrintable(QStringLiteral("TAMBO_SKIP_POSTGRES=1: ") + (launcher).error())); \
            QFAIL(qPrintable((launcher).error())); \
        } \
    } while (false)
