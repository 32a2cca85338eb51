#include "BundleCommand.h"

#include "BundleProcessor.h"
#include "BundleServerKey.h"
#include "PgDatabase.h"
#include "PgSchema.h"
#include "ServerConfig.h"

#include "util/Clock.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSaveFile>
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
        "  bundle key     print this server's bundle id and public key (creates the key file)\n"
        "  bundle import  apply a PC bundle and write the reply bundle into --out\n\n"
        "Exit codes: 0 done, 1 failure, 2 usage, 3 bundle refused (nothing changed)."));
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
    parser.addOptions({configOpt, keyOpt, outOpt});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("key | import"));
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
    if (command != QLatin1String("key") && command != QLatin1String("import")) {
        complain(QStringLiteral("give a command: key or import (see --help)"));
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
    const QString keyPath = parser.isSet(keyOpt)
                                ? parser.value(keyOpt)
                                : BundleServerKey::defaultPath(parser.value(configOpt));
    QString error;
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
    const BundleProcessor::Result r = BundleProcessor(db, m_clock, *key, m_catalogue).process(file);
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

} // namespace tambo::server
