#include "BundleCommand.h"

#include "BundleProcessor.h"
#include "BundleServerKey.h"
#include "PgDatabase.h"
#include "PgSchema.h"
#include "ServerConfig.h"
#include "UserAccounts.h"

#include "util/Clock.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

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
    err << QStringLiteral("tambo-server bundle: ") << text << Qt::endl;
}

} // namespace

BundleCommand::BundleCommand(QStringList arguments,
                             const core::Clock &clock,
                             const core::SyncCatalogue &catalogue)
    : m_arguments(std::move(arguments))
    , m_clock(clock)
    , m_catalogue(catalogue)
{}

namespace {

// Index of the "bundle" word: the first argument that is neither an option nor an option's
// value ("tambo-server bundle import …" and "tambo-server --config C bundle import …"); -1.
qsizetype bundleIndex(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--config") || a == QLatin1String("--key-file")
            || a == QLatin1String("--out")) {
            ++i; // its value
            continue;
        }
        if (a.startsWith(QLatin1Char('-')))
            continue;
        return a == QLatin1String("bundle") ? i : -1;
    }
    return -1;
}

} // namespace

bool BundleCommand::matches(const QStringList &arguments)
{
    return bundleIndex(arguments) > 0;
}

int BundleCommand::exec()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "tambo-server bundle: sync bundles (USB) for sedes without a link.\n\n"
        "  bundle key       print this server's bundle id and public key (creates the key file)\n"
        "  bundle import    apply a PC bundle and write the reply bundle into --out\n"
        "  bundle user-key  print the line for `tambo-admin bundle trust-user` of one user\n"
        "                   (with --password-stdin: make the user's bundle key from the password\n"
        "                   the user types, when it is missing or was made for an old password)\n\n"
        "Exit codes: 0 done, 1 failure, 2 usage, 3 bundle refused (nothing changed) or user\n"
        "without a current bundle key / wrong password (user-key)."));
    parser.addHelpOption();
    const QCommandLineOption configOpt(QStringLiteral("config"),
                                       QStringLiteral("Configuration file (INI or .json)."),
                                       QStringLiteral("file"),
                                       QStringLiteral("/etc/tambo/server.ini"));
    const QCommandLineOption keyOpt(QStringLiteral("key-file"),
                                    QStringLiteral("Bundle key file (default: bundle-key.json "
                                                   "next to the configuration file)."),
                                    QStringLiteral("file"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    QStringLiteral("Folder for the reply bundle (import)."),
                                    QStringLiteral("dir"));
    const QCommandLineOption passwordOpt(QStringLiteral("password-stdin"),
                                         QStringLiteral("user-key: read the user's password from "
                                                        "standard input and make the key if "
                                                        "needed."));
    parser.addOptions({configOpt, keyOpt, outOpt, passwordOpt});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("key | import | user-key"));
    QStringList args = m_arguments;
    args.removeAt(bundleIndex(args)); // "bundle"
    if (!parser.parse(args)) {
        complain(parser.errorText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        say(parser.helpText());
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    if (command != QLatin1String("key") && command != QLatin1String("import")
        && command != QLatin1String("user-key")) {
        complain(QStringLiteral("give a command: key, import or user-key (see --help)"));
        return Usage;
    }
    if (command == QLatin1String("import") && (positional.size() != 2 || !parser.isSet(outOpt))) {
        complain(QStringLiteral("import needs --out DIR and one bundle file"));
        return Usage;
    }
    if (command == QLatin1String("key") && positional.size() != 1) {
        complain(QStringLiteral("key takes no arguments"));
        return Usage;
    }
    if (command == QLatin1String("user-key") && positional.size() != 2) {
        complain(QStringLiteral("user-key needs one username"));
        return Usage;
    }
    QString error;
    if (command == QLatin1String("user-key"))
        return userKey(parser.value(configOpt), positional.at(1), parser.isSet(passwordOpt));
    const QString keyPath = parser.isSet(keyOpt)
                                ? parser.value(keyOpt)
                                : BundleServerKey::defaultPath(parser.value(configOpt));
    const std::optional<BundleServerKey> key = BundleServerKey::loadOrCreate(keyPath, &error);
    if (!key) {
        complain(error);
        return Failure;
    }
    if (command == QLatin1String("key")) {
        say(key->publicLine());
        return Ok;
    }

    QFile in(positional.at(1));
    if (!in.open(QIODevice::ReadOnly)) {
        complain(QStringLiteral("cannot read %1: %2").arg(in.fileName(), in.errorString()));
        return Failure;
    }
    const QByteArray file = in.readAll();
    const QString outDir = parser.value(outOpt);
    if (!QDir(outDir).exists()) {
        complain(QStringLiteral("the folder %1 does not exist").arg(outDir));
        return Failure;
    }
    const std::optional<ServerConfig> config = ServerConfig::load(parser.value(configOpt), &error);
    if (!config) {
        complain(QStringLiteral("bad configuration:\n%1").arg(error));
        return Usage;
    }
    PgDatabase pg(config->database);
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
    const BundleProcessor::Result r
        = BundleProcessor(db,
                          m_clock,
                          *key,
                          m_catalogue,
                          LoginThrottle::Limits{config->auth.loginMaxFailures,
                                                config->auth.loginAddressMaxFailures,
                                                config->auth.loginLockMinutes})
              .process(file);
    switch (r.status) {
    case BundleProcessor::Status::Ok:
        break;
    case BundleProcessor::Status::Refused:
    case BundleProcessor::Status::Forbidden:
        complain(QStringLiteral("refused, nothing changed: %1").arg(r.message));
        return Refused;
    case BundleProcessor::Status::Failed:
        complain(r.message);
        return Failure;
    }
    const QString path = QDir(outDir).filePath(
        QStringLiteral("tambo-server-%1-%2.tambo-bundle")
            .arg(r.deviceId.toString(QUuid::WithoutBraces).left(8),
                 m_clock.now().toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(r.reply) != r.reply.size() || !out.commit()) {
        complain(QStringLiteral("the changes were applied but the reply cannot be written to "
                                "%1 (%2); import the same bundle again to make it")
                     .arg(path, out.errorString()));
        return Failure;
    }
    say(r.message);
    say(QStringLiteral("reply bundle: %1").arg(path));
    return Ok;
}

int BundleCommand::userKey(const QString &configPath, const QString &username, bool readPassword)
{
    QString error;
    QString password;
    if (readPassword) {
        QTextStream in(stdin);
        password = in.readLine();
        while (password.endsWith(QLatin1Char('\r')))
            password.chop(1);
        if (password.isEmpty()) {
            complain(QStringLiteral("--password-stdin: no password on standard input"));
            return Usage;
        }
    }
    const std::optional<ServerConfig> config = ServerConfig::load(configPath, &error);
    if (!config) {
        complain(QStringLiteral("bad configuration:\n%1").arg(error));
        return Usage;
    }
    PgDatabase pg(config->database);
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
    UserAccounts accounts(db, m_clock);
    const QString name = UserAccounts::normalizedUsername(username);
    std::optional<core::UserBundleKey::Params> params;
    if (readPassword) {
        // The same check and key-making as an online login (the user types the password).
        const UserAccounts::Result r = accounts.verifyLogin(name, password);
        switch (r.status) {
        case UserAccounts::Status::Ok:
            params = r.bundleKey;
            break;
        case UserAccounts::Status::BadCredentials:
            complain(QStringLiteral("unknown user or wrong password"));
            return Refused;
        case UserAccounts::Status::Disabled:
            complain(QStringLiteral("user %1 is disabled").arg(name));
            return Refused;
        default:
            complain(r.error);
            return Failure;
        }
    } else {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id FROM users WHERE username = ?"));
        q.addBindValue(name);
        if (!q.exec()) {
            complain(q.lastError().text());
            return Failure;
        }
        if (!q.next()) {
            complain(QStringLiteral("user %1 does not exist").arg(name));
            return Refused;
        }
        const std::optional<UserAccounts::BundleKey> key
            = accounts.bundleKey(q.value(0).toLongLong(), &error);
        if (!error.isEmpty()) {
            complain(error);
            return Failure;
        }
        if (!key || !key->current) {
            complain(QStringLiteral("user %1 has no current bundle key: it is made when the user "
                                    "logs in online, or with --password-stdin while the user "
                                    "types the password")
                         .arg(name));
            return Refused;
        }
        params = key->params;
    }
    say(params->toLine(name));
    return Ok;
}

} // namespace tambo::server
