#include "PostgresLauncher.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <pwd.h>
#include <unistd.h>

namespace tambo::test {

namespace {

constexpr auto PostgresUser = "postgres"; // Debian's postgresql package creates it
constexpr int MaxStartAttempts = 5;

bool hasServerTools(const QString &dir)
{
    for (const char *tool : {"initdb", "pg_ctl", "postgres"}) {
        const QFileInfo info(QDir(dir).filePath(QLatin1String(tool)));
        if (!info.isFile() || !info.isExecutable())
            return false;
    }
    return true;
}

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const int port = probe.serverPort();
    probe.close();
    return port;
}

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(raw.toHex());
}

} // namespace

bool PostgresLauncher::skipRequested()
{
    return qEnvironmentVariable("TAMBO_SKIP_POSTGRES") == QLatin1String("1");
}

bool PostgresLauncher::durableRequested()
{
    return qEnvironmentVariable("TAMBO_PG_DURABLE") == QLatin1String("1");
}

QString PostgresLauncher::findBinDir(QString *error)
{
    QStringList tried;
    const QString fromEnv = qEnvironmentVariable("TAMBO_PG_BINDIR");
    if (!fromEnv.isEmpty()) {
        if (hasServerTools(fromEnv))
            return fromEnv;
        tried << fromEnv + QStringLiteral(" (TAMBO_PG_BINDIR)");
    }
    const QString debian = QStringLiteral("/usr/lib/postgresql/15/bin");
    if (hasServerTools(debian))
        return debian;
    tried << debian;

    const QString pgConfig = QStandardPaths::findExecutable(QStringLiteral("pg_config"));
    if (!pgConfig.isEmpty()) {
        QProcess proc;
        proc.start(pgConfig, {QStringLiteral("--bindir")});
        if (proc.waitForFinished(10000) && proc.exitCode() == 0) {
            const QString dir = QString::fromLocal8Bit(proc.readAllStandardOutput()).trimmed();
            if (hasServerTools(dir))
                return dir;
            tried << dir + QStringLiteral(" (pg_config --bindir)");
        }
    } else {
        tried << QStringLiteral("pg_config (not on PATH)");
    }
    if (error) {
        *error = QStringLiteral(
                     "PostgreSQL 15 server programs (initdb, pg_ctl, postgres) not found; looked "
                     "in: %1. Install them with `apt-get install postgresql` (./tambo.sh deps "
                     "does), or set TAMBO_PG_BINDIR. To skip PostgreSQL tests on purpose set "
                     "TAMBO_SKIP_POSTGRES=1.")
                     .arg(tried.join(QStringLiteral(", ")));
    }
    return {};
}

PostgresLauncher::PostgresLauncher()
{
    // start() sets m_running as soon as the server runs, so the destructor stops it even when a
    // later step (creating the database) fails.
    if (!start() && m_error.isEmpty())
        m_error = QStringLiteral("PostgreSQL test cluster did not start (no details)");
}

PostgresLauncher::~PostgresLauncher()
{
    stop();
}

QString PostgresLauncher::socketDir() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("sock")) : QString();
}

QString PostgresLauncher::logText() const
{
    if (!m_dir)
        return {};
    QFile log(m_dir->filePath(QStringLiteral("postgres.log")));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(log.readAll());
}

bool PostgresLauncher::runTool(const QString &tool,
                               const QStringList &args,
                               int timeoutMs,
                               QString *output)
{
    QString program = QDir(m_binDir).filePath(tool);
    QStringList arguments = args;
    if (m_asPostgresUser) {
        arguments.prepend(program);
        arguments.prepend(QStringLiteral("--init-groups"));
        arguments.prepend(QStringLiteral("--regid=%1").arg(QLatin1String(PostgresUser)));
        arguments.prepend(QStringLiteral("--reuid=%1").arg(QLatin1String(PostgresUser)));
        program = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        if (key.startsWith(QLatin1String("PG"))) // PGHOST, PGPORT… must not leak in
            env.remove(key);
    }
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));

    QProcess proc;
    proc.setProcessEnvironment(env);
    proc.setWorkingDirectory(m_dir->path()); // readable by the postgres user
    proc.setProcessChannelMode(QProcess::MergedChannels);
    proc.setStandardInputFile(QProcess::nullDevice());
    proc.start(program, arguments);
    if (!proc.waitForStarted(10000)) {
        if (output)
            *output = QStringLiteral("cannot start %1: %2").arg(program, proc.errorString());
        return false;
    }
    const bool finished = proc.waitForFinished(timeoutMs);
    if (!finished) {
        proc.kill();
        proc.waitForFinished(5000);
    }
    if (output) {
        *output = QString::fromLocal8Bit(proc.readAll()).trimmed();
        if (!finished)
            output->prepend(QStringLiteral("%1 timed out after %2 ms. ").arg(tool).arg(timeoutMs));
    }
    return finished && proc.exitStatus() == QProcess::NormalExit && proc.exitCode() == 0;
}

bool PostgresLauncher::start()
{
    m_binDir = findBinDir(&m_error);
    if (m_binDir.isEmpty())
        return false;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        m_error = QStringLiteral("Qt's PostgreSQL driver (QPSQL) is missing: apt-get install "
                                 "libqt6sql6-psql (./tambo.sh deps does).");
        return false;
    }

    uid_t pgUid = 0;
    gid_t pgGid = 0;
    m_asPostgresUser = (::geteuid() == 0);
    if (m_asPostgresUser) {
        const passwd *pw = ::getpwnam(PostgresUser);
        if (!pw) {
            m_error = QStringLiteral(
                "Running as root, but PostgreSQL refuses to run as root and there is no "
                "'postgres' system user to run it as. Install the postgresql package (it "
                "creates that user) or run the tests as a normal user.");
            return false;
        }
        pgUid = pw->pw_uid;
        pgGid = pw->pw_gid;
        if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty()) {
            m_error = QStringLiteral("Running as root needs setpriv (util-linux) to start "
                                     "PostgreSQL as the postgres user.");
            return false;
        }
    }

    // As root the folder must be reachable by the postgres user, whatever TMPDIR says.
    const QString base = m_asPostgresUser ? QStringLiteral("/tmp") : QDir::tempPath();
    m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/tambo-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder in %1: %2")
                      .arg(base, m_dir->errorString());
        return false;
    }
    const QString sockDir = socketDir();
    if (!QDir().mkpath(sockDir)) {
        m_error = QStringLiteral("cannot create %1").arg(sockDir);
        return false;
    }
    m_password = randomHex(16);
    const QString pwFile = m_dir->filePath(QStringLiteral("pwfile"));
    {
        QFile f(pwFile);
        if (!f.open(QIODevice::WriteOnly) || f.write(m_password.toLatin1() + '\n') < 0) {
            m_error = QStringLiteral("cannot write %1").arg(pwFile);
            return false;
        }
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    if (m_asPostgresUser) {
        for (const QString &path : {m_dir->path(), sockDir, pwFile}) {
            if (::chown(QFile::encodeName(path).constData(), pgUid, pgGid) != 0) {
                m_error = QStringLiteral("cannot hand %1 to the postgres user: %2")
                              .arg(path, QString::fromLocal8Bit(strerror(errno)));
                return false;
            }
        }
    }

    m_dataDir = m_dir->filePath(QStringLiteral("data"));
    QString out;
    const bool initialised = runTool(QStringLiteral("initdb"),
                                     {QStringLiteral("--pgdata=") + m_dataDir,
                                      QStringLiteral("--username=") + user(),
                                      QStringLiteral("--pwfile=") + pwFile,
                                      QStringLiteral("--auth-local=trust"),
                                      QStringLiteral("--auth-host=scram-sha-256"),
                                      QStringLiteral("--encoding=UTF8"),
                                      QStringLiteral("--locale=C.UTF-8"),
                                      QStringLiteral("--no-sync"),
                                      QStringLiteral("--no-instructions")},
                                     120000,
                                     &out);
    QFile::remove(pwFile);
    if (!initialised) {
        m_error = QStringLiteral("initdb failed: %1").arg(out);
        return false;
    }

    {
        // Appended to postgresql.conf (the file stays the postgres user's). Loopback only.
        QFile conf(QDir(m_dataDir).filePath(QStringLiteral("postgresql.conf")));
        if (!conf.open(QIODevice::Append | QIODevice::Text)) {
            m_error = QStringLiteral("cannot append to %1").arg(conf.fileName());
            return false;
        }
        // Tests need no durability; a benchmark measuring a server's latency does
        // (durableRequested(): every commit flushed to disk, as in production).
        const QString durability = durableRequested() ? QString()
                                                      : QStringLiteral("fsync = off\n"
                                                                       "synchronous_commit = off\n"
                                                                       "full_page_writes = off\n");
        const QString settings = QStringLiteral("\n# tambo::test::PostgresLauncher\n"
                                                "listen_addresses = '127.0.0.1'\n"
                                                "unix_socket_directories = '%1'\n"
                                                "%2"
                                                "shared_buffers = 32MB\n"
                                                "max_connections = 100\n"
                                                "timezone = 'UTC'\n"
                                                "log_timezone = 'UTC'\n")
                                     .arg(sockDir, durability);
        conf.write(settings.toUtf8());
    }

    const QString logFile = m_dir->filePath(QStringLiteral("postgres.log"));
    for (int attempt = 1; attempt <= MaxStartAttempts; ++attempt) {
        m_port = freeLoopbackPort();
        if (m_port == 0) {
            m_error = QStringLiteral("no free TCP port on 127.0.0.1");
            return false;
        }
        const bool started = runTool(QStringLiteral("pg_ctl"),
                                     {QStringLiteral("--pgdata=") + m_dataDir,
                                      QStringLiteral("--log=") + logFile,
                                      QStringLiteral("--wait"),
                                      QStringLiteral("--timeout=60"),
                                      QStringLiteral("--options=-p %1").arg(m_port),
                                      QStringLiteral("start")},
                                     90000,
                                     &out);
        if (started) {
            m_running = true;
            break;
        }
        const QString log = logText();
        // Another process took the port between the probe and the start: try another one.
        if (!log.contains(QLatin1String("could not bind"))
            && !log.contains(QLatin1String("Address already in use"))) {
            m_error = QStringLiteral("pg_ctl start failed: %1\n--- server log ---\n%2").arg(out, log);
            return false;
        }
    }
    if (!m_running) {
        m_error = QStringLiteral("pg_ctl start failed %1 times: no usable port")
                      .arg(MaxStartAttempts);
        return false;
    }

    QString dbError;
    if (!createDatabase(databaseName(), &dbError)) {
        m_error = dbError;
        return false;
    }
    return true;
}

void PostgresLauncher::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QString out;
    if (runTool(QStringLiteral("pg_ctl"),
                {QStringLiteral("--pgdata=") + m_dataDir,
                 QStringLiteral("--mode=fast"),
                 QStringLiteral("--wait"),
                 QStringLiteral("--timeout=30"),
                 QStringLiteral("stop")},
                45000,
                &out)) {
        return;
    }
    // pg_ctl could not stop it: SIGQUIT the postmaster named in its pid file and wait for it.
    QFile pidFile(QDir(m_dataDir).filePath(QStringLiteral("postmaster.pid")));
    if (!pidFile.open(QIODevice::ReadOnly))
        return;
    const pid_t pid = pid_t(pidFile.readLine().trimmed().toLongLong());
    if (pid <= 1)
        return;
    qWarning("PostgresLauncher: pg_ctl stop failed (%s); sending SIGQUIT to %d",
             qPrintable(out),
             int(pid));
    ::kill(pid, SIGQUIT);
    QDeadlineTimer deadline(10000);
    while (::kill(pid, 0) == 0 && !deadline.hasExpired())
        QThread::msleep(20);
}

bool PostgresLauncher::createDatabase(const QString &name, QString *error)
{
    static const QRegularExpression identifier(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!identifier.match(name).hasMatch()) {
        if (error)
            *error = QStringLiteral("not a plain database name: %1").arg(name);
        return false;
    }
    const QString connection = QStringLiteral("tambo-pg-launcher-")
                               + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = open(connection, QStringLiteral("postgres"));
        if (!db.isOpen()) {
            if (error)
                *error = QStringLiteral("cannot connect to the test cluster on port %1: %2")
                             .arg(m_port)
                             .arg(db.lastError().text());
        } else {
            QSqlQuery query(db);
            ok = query.exec(QStringLiteral("CREATE DATABASE %1").arg(name));
            if (!ok && error)
                *error = QStringLiteral("CREATE DATABASE %1 failed: %2")
                             .arg(name, query.lastError().text());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QSqlDatabase PostgresLauncher::open(const QString &connectionName, const QString &database) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(host());
    db.setPort(m_port);
    db.setUserName(user());
    db.setPassword(m_password);
    db.setDatabaseName(database.isEmpty() ? databaseName() : database);
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    db.open();
    return db;
}

} // namespace tambo::test
