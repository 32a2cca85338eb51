#include "ServerApp.h"

#include "ApiContext.h"
#include "AuditEndpoints.h"
#include "AuthEndpoints.h"
#include "DeviceEndpoints.h"
#include "HealthEndpoint.h"
#include "HttpServer.h"
#include "JsonLog.h"
#include "Metrics.h"
#include "PgDatabase.h"
#include "PgSchema.h"
#include "ShutdownSignals.h"
#include "SyncEndpoints.h"
#include "UserAccounts.h"

#include "util/SystemClock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QTextStream>

#include <csignal>
#include <mutex>

#include <termios.h>
#include <unistd.h>

namespace tambo::server {

namespace {

void say(const QString &text)
{
    QTextStream out(stdout);
    out << text << Qt::endl;
}

void complain(const QString &text)
{
    QTextStream err(stderr);
    err << QStringLiteral("tambo-server: ") << text << Qt::endl;
}

// One line of standard input, without echo when it is a terminal.
QString readPassword()
{
    const bool tty = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (tty) {
        QTextStream prompt(stderr);
        prompt << QStringLiteral("Contraseña del nuevo usuario: ") << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        QTextStream err(stderr);
        err << Qt::endl;
    }
    return line;
}

const char *signalName(int signo)
{
    switch (signo) {
    case SIGTERM:
        return "SIGTERM";
    case SIGINT:
        return "SIGINT";
    default:
        return "signal";
    }
}

} // namespace

ServerApp::ServerApp(QStringList arguments, const core::SyncCatalogue &catalogue)
    : ServerApp(std::move(arguments), catalogue, *core::SystemClock::instance())
{}

ServerApp::ServerApp(QStringList arguments,
                     const core::SyncCatalogue &catalogue,
                     const core::Clock &clock)
    : m_arguments(std::move(arguments))
    , m_catalogue(catalogue)
    , m_clock(clock)
{}

int ServerApp::exec()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "tambo-server: sync API of Tambo over PostgreSQL (Municipalidad Provincial de Tacna)"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOpt(QStringLiteral("config"),
                                       QStringLiteral("Configuration file (INI or .json)."),
                                       QStringLiteral("file"),
                                       QStringLiteral("/etc/tambo/server.ini"));
    const QCommandLineOption migrateOpt(QStringLiteral("migrate"),
                                        QStringLiteral(
                                            "Bring the PostgreSQL schema up to date and exit."));
    const QCommandLineOption checkOpt(QStringLiteral("check-config"),
                                      QStringLiteral("Validate the configuration file and exit."));
    const QCommandLineOption createOpt(QStringLiteral("create-user"),
                                       QStringLiteral("Create a user (password: first line of "
                                                      "standard input) and exit."),
                                       QStringLiteral("username"));
    const QCommandLineOption roleOpt(QStringLiteral("role"),
                                     QStringLiteral("Role of --create-user (e.g. admin_otic)."),
                                     QStringLiteral("role"));
    const QCommandLineOption nameOpt(QStringLiteral("full-name"),
                                     QStringLiteral("Full name of --create-user."),
                                     QStringLiteral("text"));
    const QCommandLineOption sedeOpt(QStringLiteral("sede"),
                                     QStringLiteral("Sede of --create-user."),
                                     QStringLiteral("id"));
    parser.addOptions({configOpt, migrateOpt, checkOpt, createOpt, roleOpt, nameOpt, sedeOpt});
    if (!parser.parse(m_arguments)) {
        complain(parser.errorText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        say(parser.helpText());
        return Ok;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        say(QStringLiteral("tambo-server " TAMBO_VERSION));
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        complain(QStringLiteral("unexpected arguments: %1")
                     .arg(parser.positionalArguments().join(QLatin1Char(' '))));
        return Usage;
    }
    const int commands = int(parser.isSet(migrateOpt)) + int(parser.isSet(checkOpt))
                         + int(parser.isSet(createOpt));
    if (commands > 1) {
        complain(QStringLiteral("give only one of --migrate, --check-config, --create-user"));
        return Usage;
    }
    if (parser.isSet(createOpt) && !parser.isSet(roleOpt)) {
        complain(
            QStringLiteral("--create-user needs --role (one of the roles in core/auth/Roles.h, "
                           "e.g. admin_otic)"));
        return Usage;
    }

    QString error;
    const std::optional<ServerConfig> config = ServerConfig::load(parser.value(configOpt), &error);
    if (!config) {
        complain(QStringLiteral("bad configuration:\n%1").arg(error));
        return Usage;
    }
    if (parser.isSet(checkOpt)) {
        say(QStringLiteral("%1: configuration is valid").arg(config->sourcePath));
        return Ok;
    }
    if (!PgDatabase::driverAvailable()) {
        complain(
            QStringLiteral("Qt's PostgreSQL driver (QPSQL) is missing: install libqt6sql6-psql"));
        return Failure;
    }
    if (parser.isSet(migrateOpt))
        return migrate(*config);
    if (parser.isSet(createOpt)) {
        return createUser(*config,
                          parser.value(createOpt),
                          parser.value(roleOpt),
                          parser.value(nameOpt),
                          parser.value(sedeOpt));
    }
    return serve(*config);
}

int ServerApp::migrate(const ServerConfig &config)
{
    PgDatabase pg(config.database);
    QString error;
    QSqlDatabase db = pg.connection(&error);
    if (!db.isOpen()) {
        complain(error);
        return Failure;
    }
    const PgSchema::Report report = PgSchema::migrate(db, m_clock);
    if (!report.ok()) {
        complain(report.error);
        return Failure;
    }
    if (report.from == report.to)
        say(QStringLiteral("server schema already at version %1").arg(report.to));
    else
        say(QStringLiteral("server schema migrated from version %1 to %2")
                .arg(report.from)
                .arg(report.to));
    return Ok;
}

int ServerApp::createUser(const ServerConfig &config,
                          const QString &username,
                          const QString &role,
                          const QString &fullName,
                          const QString &sede)
{
    PgDatabase pg(config.database);
    QString error;
    QSqlDatabase db = pg.connection(&error);
    if (!db.isOpen()) {
        complain(error);
        return Failure;
    }
    const QString schemaProblem = PgSchema::checkUpToDate(db);
    if (!schemaProblem.isEmpty()) {
        complain(schemaProblem);
        return Failure;
    }
    const QString password = readPassword();
    core::NewUser user{username, fullName, role, sede, password};
    const UserAccounts::Result r = UserAccounts(db, m_clock).create(user);
    switch (r.status) {
    case UserAccounts::Status::Ok:
        say(QStringLiteral("created user %1 (role %2%3)")
                .arg(r.user.username,
                     r.user.roleId,
                     r.user.sedeId.isEmpty() ? QString()
                                             : QStringLiteral(", sede ") + r.user.sedeId));
        return Ok;
    case UserAccounts::Status::Invalid:
    case UserAccounts::Status::Exists:
        complain(r.error);
        return Usage;
    default:
        complain(r.error);
        return Failure;
    }
}

int ServerApp::serve(const ServerConfig &config)
{
    // Before any thread starts, so that every thread inherits the blocked mask.
    std::signal(SIGPIPE, SIG_IGN);
    // The signal thread stops the server through `running`, under `guard`, so the server is
    // never stopped while it is being torn down.
    std::mutex guard;
    HttpServer *running = nullptr;
    bool stopping = false;
    JsonLog log(config.logLevel);
    ShutdownSignals shutdownSignals([&](int signo) {
        std::lock_guard lock(guard);
        log.info(QStringLiteral("shutting down"),
                 {{QStringLiteral("signal"), QLatin1String(signalName(signo))},
                  {QStringLiteral("again"), stopping}});
        stopping = true;
        if (running)
            running->stop();
    });
    if (!shutdownSignals.isValid()) {
        log.error(QStringLiteral("cannot watch SIGTERM/SIGINT"));
        return Failure;
    }

    log.info(QStringLiteral("starting"),
             {{QStringLiteral("version"), QStringLiteral(TAMBO_VERSION)},
              {QStringLiteral("config"), config.sourcePath},
              {QStringLiteral("pid"), qint64(::getpid())}});
    if (!config.server.tls) {
        log.warning(QStringLiteral(
                        "TLS IS OFF: plain HTTP, tokens and passwords travel unencrypted. "
                        "Allowed only on a loopback address, for tests. Never in production."),
                    {{QStringLiteral("tls"), false},
                     {QStringLiteral("address"), config.server.address}});
    }

    PgDatabase pg(config.database);
    {
        QString error;
        QSqlDatabase db = pg.connection(&error);
        if (!db.isOpen()) {
            log.error(QStringLiteral("database unreachable"), {{QStringLiteral("error"), error}});
            return Failure;
        }
        const QString schemaProblem = PgSchema::checkUpToDate(db);
        if (!schemaProblem.isEmpty()) {
            log.error(QStringLiteral("database schema"), {{QStringLiteral("error"), schemaProblem}});
            return Failure;
        }
    }
    pg.releaseThreadConnection(); // the main thread only waits from here on

    Metrics metrics;
    HashGate hashGate(config.auth.passwordHashSlots,
                      [&metrics](int inFlight) { metrics.setPasswordHashesInFlight(inFlight); });
    ApiContext ctx{pg,
                   m_clock,
                   log,
                   metrics,
                   TokenService::Lifetimes{config.auth.accessTokenMinutes,
                                           config.auth.refreshTokenDays,
                                           config.auth.sessionMaxDays},
                   core::PasswordHasher(),
                   m_catalogue,
                   hashGate,
                   config.auth.passwordHashWaitMs,
                   LoginThrottle::Limits{config.auth.loginMaxFailures,
                                         config.auth.loginAddressMaxFailures,
                                         config.auth.loginLockMinutes},
                   config.server.trustedProxies};

    HttpServer::Options options;
    options.address = config.server.address;
    options.port = config.server.port;
    options.workers = config.server.workers;
    options.tls = config.server.tls;
    options.certificate = config.server.certificate;
    options.privateKey = config.server.privateKey;
    options.keepAliveSeconds = config.server.keepAliveSeconds;
    options.maxBodyBytes = config.server.maxBodyBytes;
    // The routes call back into the endpoint objects: declared first, they outlive the server.
    HealthEndpoint health(ctx);
    AuthEndpoints auth(ctx);
    DeviceEndpoints devices(ctx);
    SyncEndpoints sync(ctx);
    AuditEndpoints audit(ctx);
    HttpServer http(options, log, metrics);
    http.setWorkerHooks({}, [&pg] { pg.releaseThreadConnection(); });
    health.install(http);
    auth.install(http);
    devices.install(http);
    sync.install(http);
    audit.install(http);

    QString error;
    if (!http.bind(&error)) {
        log.error(QStringLiteral("cannot listen"), {{QStringLiteral("error"), error}});
        return Failure;
    }
    log.info(QStringLiteral("listening"),
             {{QStringLiteral("address"), config.server.address},
              {QStringLiteral("port"), http.port()},
              {QStringLiteral("tls"), config.server.tls},
              {QStringLiteral("workers"), config.server.workers},
              {QStringLiteral("password_hash_slots"), hashGate.capacity()},
              {QStringLiteral("trusted_proxies"),
               QJsonArray::fromStringList(config.server.trustedProxies)}});
    {
        std::lock_guard lock(guard);
        running = &http;
        if (stopping) // a signal came before the server was ready: run() returns at once
            http.stop();
    }
    const bool stoppedOnRequest = http.run();
    {
        std::lock_guard lock(guard);
        running = nullptr;
    }
    if (!stoppedOnRequest) {
        log.error(QStringLiteral("the listening socket failed"));
        return Failure;
    }
    log.info(QStringLiteral("stopped"),
             {{QStringLiteral("requests"), qint64(metrics.totalRequests())}});
    return Ok;
}

} // namespace tambo::server
