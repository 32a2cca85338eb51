#include "AdminCli.h"

#include "audit/AuditAnchorCheck.h"
#include "audit/AuditLog.h"
#include "auth/AuthService.h"
#include "auth/Roles.h"
#include "auth/Session.h"
#include "auth/UserService.h"
#include "demo/DemoData.h"
#include "module/AdminCommand.h"
#include "module/Module.h"
#include "module/ModuleManager.h"
#include "store/KeyFileKeyProvider.h"
#include "store/KeychainKeyProvider.h"
#include "store/Store.h"
#include "sync/AuditAnchor.h"
#include "sync/AuditAnchorState.h"
#include "sync/BundleService.h"
#include "sync/BundleState.h"
#include "sync/DeviceReenrollment.h"
#include "sync/LocalSyncStore.h"
#include "sync/SyncHttpClient.h"
#include "sync/SyncProtocol.h"
#include "util/Clock.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>

#include <cstdio>
#include <optional>
#include <utility>

namespace tambo::admin {

namespace {

QCommandLineOption storeOption()
{
    return {QStringLiteral("store"),
            AdminCli::tr("Path of the encrypted store."),
            QStringLiteral("PATH")};
}

QCommandLineOption keyFileOption()
{
    return {QStringLiteral("key-file"),
            AdminCli::tr("File with the 32-byte store key (default: the system keychain)."),
            QStringLiteral("FILE")};
}

// Removes a store file and its WAL/SHM companions (used when init fails half-way).
void removeStoreFiles(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

// SQLCipher's own answer, from a throw-away store with a throw-away key.
QString sqlcipherVersion()
{
    QTemporaryDir dir;
    auto opened = core::Store::open(dir.filePath(QStringLiteral("v.db")),
                                    core::KeyProvider::randomKey());
    return opened.ok() ? opened.store->cipherVersion() : AdminCli::tr("(not available)");
}

// What a failed call to the sync server says: the server's message, or the network's.
QString replyError(const core::SyncHttpClient::Reply &reply)
{
    if (reply.status == 0)
        return reply.networkError;
    return QStringLiteral("HTTP %1 %2")
        .arg(reply.status)
        .arg(reply.message().isEmpty() ? reply.errorCode() : reply.message());
}

QString randomPassword()
{
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString out;
    for (int i = 0; i < 16; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return out;
}

} // namespace

AdminCli::AdminCli()
    : m_ownOut(std::make_unique<QTextStream>(stdout))
    , m_ownErr(std::make_unique<QTextStream>(stderr))
    , m_ownIn(std::make_unique<QTextStream>(stdin))
    , m_out(*m_ownOut)
    , m_err(*m_ownErr)
    , m_in(*m_ownIn)
{}

AdminCli::AdminCli(QTextStream &out, QTextStream &err, QTextStream &in)
    : m_out(out)
    , m_err(err)
    , m_in(in)
{}

AdminCli::~AdminCli() = default;

int AdminCli::usage(const QString &message)
{
    m_err << tr("tambo-admin: %1").arg(message) << '\n'
          << tr("Use 'tambo-admin --help' to see the commands.") << Qt::endl;
    return UsageError;
}

int AdminCli::run(const QStringList &args)
{
    const QString command = args.value(1);
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("init"))
        return cmdInit(rest, false);
    if (command == QLatin1String("demo"))
        return cmdInit(rest, true);
    if (command == QLatin1String("user"))
        return cmdUser(rest);
    if (command == QLatin1String("audit"))
        return cmdAudit(rest);
    if (command == QLatin1String("migrate"))
        return cmdMigrate(rest);
    if (command == QLatin1String("bundle"))
        return cmdBundle(rest);
    if (command == QLatin1String("sync"))
        return cmdSync(rest);
    if (command == QLatin1String("version") || command == QLatin1String("--version"))
        return cmdVersion();
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help")) {
        // Asked for: help on stdout. No command at all: a usage error, help on stderr.
        QTextStream &to = command.isEmpty() ? m_err : m_out;
        to << tr("Usage: tambo-admin COMMAND [options]\n"
                    "\n"
                    "Commands:\n"
                    "  init --store PATH [--key-file F]     create an empty store and its admin\n"
                    "  demo --store PATH [--key-file F]     create or fill a demo store\n"
                    "  user add --store S --username U --name N --role R [--sede ID]\n"
                    "                                       add a user; password read from stdin\n"
                    "  user list --store S                  list users\n"
                    "  user lock|unlock --store S --username U\n"
                    "  audit verify --store S [--server URL --user U [--ca F]]\n"
                    "                                       check the audit log's hash chain and\n"
                    "                                       the server's anchors of it (password\n"
                    "                                       from stdin)\n"
                    "  migrate --store S                    apply pending migrations\n"
                    "  bundle export --store S --user U --to DIR [--sede ID]\n"
                    "                                       write a sync bundle for the server,\n"
                    "                                       signed with U's server password\n"
                    "                                       (read from stdin)\n"
                    "  bundle import --store S FILE         apply the server's reply bundle\n"
                    "  bundle trust --store S --server-key 'ID HEX'\n"
                    "                                       pin the server's bundle key\n"
                    "  bundle trust-user --store S --user-key 'LINE'\n"
                    "                                       keep a user's bundle key data (the\n"
                    "                                       line of 'tambo-server bundle user-key')\n"
                    "  bundle device-key --store S          print this PC's device id and key\n"
                    "  sync reenroll --store S              make this store a new sync device\n"
                    "                                       (after seq_reused; Tambo closed)\n"
                    "  version                              print versions\n"
                    "\n"
                    "Without --key-file the key comes from the system keychain.\n"
                    "Exit codes: 0 success, 1 runtime error, 2 usage error,\n"
                    "            3 the audit chain does not verify,\n"
                    "            4 sync bundle refused (damaged, truncated, forged or for\n"
                    "              another PC; nothing was changed).\n");
        to << moduleCommandsHelp();
        to.flush();
        return command.isEmpty() ? UsageError : Ok;
    }
    if (const int code = cmdModule(rest); code >= 0)
        return code;
    return usage(tr("unknown command '%1'").arg(command));
}

std::unique_ptr<core::KeyProvider> AdminCli::keyProvider(const StoreArgs &a) const
{
    if (!a.keyFile.isEmpty())
        return std::make_unique<core::KeyFileKeyProvider>(a.keyFile);
    return std::make_unique<core::KeychainKeyProvider>();
}

std::unique_ptr<core::Workspace> AdminCli::openWorkspace(const StoreArgs &a, bool create,
                                                         int *exitCode)
{
    auto keys = keyProvider(a);
    core::Workspace::Options options;
    options.storePath = a.store;
    options.keys = keys.get();
    options.createIfMissing = create;
    auto result = core::Workspace::open(options);
    if (!result.ok()) {
        m_err << tr("tambo-admin: %1").arg(result.error) << Qt::endl;
        *exitCode = RuntimeError;
        return {};
    }
    // The key provider is only needed while opening.
    *exitCode = Ok;
    return std::move(result.workspace);
}

core::Session AdminCli::adminSession(const core::Workspace &ws) const
{
    // Whoever holds the store's key holds its data: tambo-admin acts as an OTIC administrator,
    // recorded in the audit log as "tambo-admin".
    core::Session s;
    s.userId = -1;
    s.username = QStringLiteral("tambo-admin");
    s.fullName = tr("tambo-admin (command line)");
    s.roleId = QLatin1String(core::Roles::AdminOtic);
    s.permissions = core::AuthService::permissionsOf(ws.store().database(), s.roleId);
    return s;
}

QString AdminCli::readSecretLine()
{
    QString line = m_in.readLine();
    while (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

int AdminCli::cmdInit(const QStringList &args, bool demo)
{
    QCommandLineParser p;
    p.addOption(storeOption());
    p.addOption(keyFileOption());
    QCommandLineOption adminPw(QStringLiteral("admin-password-stdin"),
                               tr("Read the admin password from stdin (otherwise one is made and "
                                  "printed once)."));
    if (!demo)
        p.addOption(adminPw);
    if (!p.parse(args))
        return usage(p.errorText());
    StoreArgs a{p.value(QStringLiteral("store")), p.value(QStringLiteral("key-file"))};
    if (a.store.isEmpty())
        return usage(tr("--store is required"));

    const bool existed = QFileInfo::exists(a.store);
    if (existed && !demo) {
        m_err << tr("tambo-admin: the store %1 already exists; init never overwrites a store.")
                     .arg(a.store)
              << Qt::endl;
        return RuntimeError;
    }
    QString password;
    if (!demo) {
        password = p.isSet(adminPw) ? readSecretLine() : randomPassword();
        if (password.size() < 8) {
            m_err << tr("tambo-admin: the admin password must have at least 8 characters.")
                  << Qt::endl;
            return UsageError;
        }
    }

    int code = Ok;
    auto ws = openWorkspace(a, true, &code);
    if (!ws) {
        if (!existed)
            removeStoreFiles(a.store);
        return code;
    }
    QString error;
    bool ok = false;
    if (demo) {
        ok = ws->seedDemo(&error);
    } else {
        ok = ws->users().ensureAdmin(QStringLiteral("admin"), tr("OTIC administrator"), password,
                                     &error);
    }
    const QString path = ws->store().path();
    ws.reset();
    if (!ok) {
        if (!existed)
            removeStoreFiles(path);
        m_err << tr("tambo-admin: %1").arg(error) << Qt::endl;
        return RuntimeError;
    }
    if (demo) {
        QStringList names;
        for (const auto &u : core::DemoData::users())
            names << u.username;
        m_out << tr("Demo store ready: %1").arg(path) << '\n'
              << tr("Demo users (password %1): %2")
                     .arg(core::DemoData::demoPassword(), names.join(QStringLiteral(", ")))
              << Qt::endl;
    } else {
        m_out << tr("Store created: %1").arg(path) << '\n';
        if (!p.isSet(adminPw))
            m_out << tr("User 'admin' created with password: %1 (shown only once)").arg(password)
                  << '\n';
        m_out.flush();
    }
    return Ok;
}

int AdminCli::cmdUser(const QStringList &args)
{
    const QString sub = args.value(1);
    QCommandLineParser p;
    p.addOption(storeOption());
    p.addOption(keyFileOption());
    QCommandLineOption username(QStringLiteral("username"), tr("User name."), QStringLiteral("U"));
    QCommandLineOption name(QStringLiteral("name"), tr("Full name."), QStringLiteral("NAME"));
    QCommandLineOption role(QStringLiteral("role"),
                            tr("Role id: %1.").arg(core::Roles::all().join(QStringLiteral(", "))),
                            QStringLiteral("ROLE"));
    QCommandLineOption sede(QStringLiteral("sede"), tr("Sede id."), QStringLiteral("ID"));
    p.addOptions({username, name, role, sede});
    if (!p.parse(args.mid(1)))
        return usage(p.errorText());
    StoreArgs a{p.value(QStringLiteral("store")), p.value(QStringLiteral("key-file"))};
    if (a.store.isEmpty())
        return usage(tr("--store is required"));
    const bool needsUser = sub == QLatin1String("add") || sub == QLatin1String("lock")
                           || sub == QLatin1String("unlock");
    if (sub != QLatin1String("list") && !needsUser)
        return usage(tr("user needs one of: add, list, lock, unlock"));
    if (needsUser && p.value(username).isEmpty())
        return usage(tr("--username is required"));
    if (sub == QLatin1String("add") && (p.value(name).isEmpty() || p.value(role).isEmpty()))
        return usage(tr("user add needs --name and --role"));

    QString password;
    if (sub == QLatin1String("add")) {
        password = readSecretLine();
        if (password.isEmpty())
            return usage(tr("user add reads the new password from stdin; none was given"));
    }

    int code = Ok;
    auto ws = openWorkspace(a, false, &code);
    if (!ws)
        return code;
    const core::Session session = adminSession(*ws);
    if (sub == QLatin1String("list")) {
        const auto list = ws->users().listUsers(session);
        if (!list.ok()) {
            m_err << tr("tambo-admin: %1").arg(list.error) << Qt::endl;
            return RuntimeError;
        }
        const auto &users = list.users;
        m_out << tr("user\trole\tsede\tstate\tname") << '\n';
        for (const auto &u : users) {
            m_out << u.username << '\t' << u.roleId << '\t' << u.sedeId << '\t'
                  << (u.disabled ? tr("disabled") : u.lockedUntil.isValid()
                                                        && u.lockedUntil > ws->clock().now()
                                                    ? tr("locked")
                                                    : tr("active"))
                  << '\t' << u.fullName << '\n';
        }
        m_out.flush();
        return Ok;
    }
    core::UserService::Result done;
    if (sub == QLatin1String("add")) {
        core::NewUser nu;
        nu.username = p.value(username);
        nu.fullName = p.value(name);
        nu.roleId = p.value(role);
        nu.sedeId = p.value(sede);
        nu.password = password;
        done = ws->users().addUser(session, nu);
    } else {
        done = ws->users().setLocked(session, p.value(username), sub == QLatin1String("lock"));
    }
    if (!done.ok()) {
        m_err << tr("tambo-admin: %1").arg(done.error) << Qt::endl;
        return RuntimeError;
    }
    m_out << (sub == QLatin1String("add")      ? tr("User %1 added.")
              : sub == QLatin1String("lock") ? tr("User %1 locked.")
                                             : tr("User %1 unlocked."))
                 .arg(p.value(username))
          << Qt::endl;
    return Ok;
}

int AdminCli::cmdAudit(const QStringList &args)
{
    if (args.value(1) != QLatin1String("verify"))
        return usage(tr("audit needs: verify"));
    QCommandLineParser p;
    p.addOption(storeOption());
    p.addOption(keyFileOption());
    p.addOption({QStringLiteral("server"),
                 tr("Sync server whose copy of this PC's audit anchors to compare with."),
                 QStringLiteral("URL")});
    p.addOption({QStringLiteral("user"),
                 tr("User to log in to the server as (password read from stdin)."),
                 QStringLiteral("U")});
    p.addOption({QStringLiteral("ca"),
                 tr("CA certificate (PEM) to trust for the server (default: the system's)."),
                 QStringLiteral("FILE")});
    if (!p.parse(args.mid(1)))
        return usage(p.errorText());
    StoreArgs a{p.value(QStringLiteral("store")), p.value(QStringLiteral("key-file"))};
    if (a.store.isEmpty())
        return usage(tr("--store is required"));
    const QString server = p.value(QStringLiteral("server"));
    if (!server.isEmpty() && p.value(QStringLiteral("user")).isEmpty())
        return usage(tr("audit verify --server needs --user (the password is read from stdin)"));
    QString password;
    if (!server.isEmpty()) {
        password = readSecretLine();
        if (password.isEmpty())
            return usage(tr("audit verify --server reads the user's password from stdin; none "
                            "was given"));
    }
    int code = Ok;
    auto ws = openWorkspace(a, false, &code);
    if (!ws)
        return code;
    const auto report = ws->audit().verify();
    if (!report.ok()) {
        m_err << tr("tambo-admin: %1").arg(report.message) << Qt::endl;
        return AuditBroken;
    }

    // The local chain holds together; now against anchors kept outside it. The server's copy
    // is the one that counts: the acknowledged anchor stored here is in the same database, and
    // whoever rewrote the chain with the store key could have rewritten it too.
    QList<core::AuditAnchorCheck::Anchor> anchors;
    QString source;
    if (!server.isEmpty()) {
        QString error;
        if (!fetchServerAnchors(*ws,
                                server,
                                p.value(QStringLiteral("ca")),
                                p.value(QStringLiteral("user")),
                                password,
                                &anchors,
                                &error)) {
            m_err << tr("tambo-admin: the server's audit anchors cannot be read: %1").arg(error)
                  << Qt::endl;
            return RuntimeError;
        }
        source = tr("the audit anchors the server %1 holds for this PC (%n anchor(s))",
                    nullptr,
                    int(anchors.size()))
                     .arg(server);
    } else {
        const core::AuditAnchorState::Acknowledged stored
            = core::AuditAnchorState(ws->store().database()).lastAcknowledged();
        if (!stored.isNull()) {
            anchors.append({stored.anchor.seq, stored.anchor.hash});
            source = tr("the last anchor the server acknowledged, as stored on this PC (row %1, "
                        "%2 on %3); it is kept in this same database, so whoever holds the store "
                        "key can change it too: use --server to compare with the server's copy")
                         .arg(QString::number(stored.anchor.seq),
                              stored.via == core::AuditAnchorState::Via::Bundle
                                  ? tr("by USB bundle")
                                  : tr("over the network"),
                              stored.at.toUTC().toString(Qt::ISODateWithMs));
        }
    }
    const auto verified = [&] {
        m_out << tr("Audit chain verified: %n row(s), no alteration found.",
                    nullptr,
                    int(report.rowsChecked))
              << Qt::endl;
    };
    if (source.isEmpty()) {
        verified();
        m_out << tr("No audit anchor to compare with: only the chain on this PC was checked "
                    "(use --server to compare with the server's copy).")
              << Qt::endl;
        return Ok;
    }
    const core::AuditAnchorCheck::Report anchored
        = core::AuditAnchorCheck(core::databaseProviderOf(ws->store())).check(anchors);
    if (!anchored.ok()) {
        // The chain holds together on its own (it was recomputed): only the copy kept outside
        // it shows the rewrite.
        m_err << tr("tambo-admin: %1").arg(anchored.message) << '\n'
              << tr("Compared with %1.").arg(source) << Qt::endl;
        return anchored.problem == core::AuditAnchorCheck::Problem::Error ? RuntimeError
                                                                          : AuditBroken;
    }
    verified();
    m_out << tr("Anchors: %1 Compared with %2.").arg(anchored.message, source) << Qt::endl;
    return Ok;
}

bool AdminCli::fetchServerAnchors(core::Workspace &ws,
                                  const QString &server,
                                  const QString &caCertificate,
                                  const QString &user,
                                  const QString &password,
                                  QList<core::AuditAnchorCheck::Anchor> *anchors,
                                  QString *error)
{
    const QUrl url(server);
    if (!url.isValid() || url.host().isEmpty()) {
        *error = tr("'%1' is not a server address (https://host:port).").arg(server);
        return false;
    }
    const QUuid device = QUuid::fromString(ws.deviceId());
    const core::BundleKeyPair key = core::BundleState(ws.store().database()).storedDeviceKey();
    if (!key.isValid()) {
        *error = tr("this PC has no device key: it never connected to a server.");
        return false;
    }
    core::SyncHttpClient client({url, caCertificate, 30000, &ws.clock()});
    // A login bound to this device (signed with its key): the server answers with this PC's
    // anchors only.
    const core::SyncHttpClient::Reply login = client.login(user, password, device, key.secretKey);
    if (!login.ok()) {
        *error = replyError(login);
        return false;
    }
    qint64 after = 0;
    for (;;) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("device_id"), device.toString(QUuid::WithoutBraces));
        query.addQueryItem(QStringLiteral("after_seq"), QString::number(after));
        const core::SyncHttpClient::Reply page = client.get(core::SyncProtocol::auditAnchorsPath(),
                                                            query);
        if (!page.ok()) {
            *error = replyError(page);
            return false;
        }
        const QJsonArray list = page.json.value(QStringLiteral("anchors")).toArray();
        for (const QJsonValue &value : list) {
            const QJsonObject o = value.toObject();
            const qint64 seq = qint64(o.value(QStringLiteral("seq")).toDouble());
            const QString hash = o.value(QStringLiteral("hash")).toString();
            if (seq <= after || !core::AuditAnchor::isHash(hash)) {
                *error = tr("the server's answer is not a list of anchors.");
                return false;
            }
            anchors->append({seq, hash});
            after = seq;
        }
        if (!page.json.value(QStringLiteral("more")).toBool() || list.isEmpty())
            return true;
    }
}

int AdminCli::cmdMigrate(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(storeOption());
    p.addOption(keyFileOption());
    if (!p.parse(args))
        return usage(p.errorText());
    StoreArgs a{p.value(QStringLiteral("store")), p.value(QStringLiteral("key-file"))};
    if (a.store.isEmpty())
        return usage(tr("--store is required"));
    int code = Ok;
    // Workspace::open migrates; its error names the failing module and step.
    auto ws = openWorkspace(a, false, &code);
    if (!ws)
        return code;
    const auto versions = ws->schemaVersions();
    for (auto it = versions.cbegin(); it != versions.cend(); ++it)
        m_out << tr("%1: version %2").arg(it.key()).arg(it.value()) << '\n';
    m_out.flush();
    return Ok;
}

namespace {

// The commands each module declares, read from the plugins' declarations without a store.
QList<QPair<QString, core::AdminCommand>> declaredModuleCommands()
{
    core::ModuleManager manager;
    manager.addStaticPlugins();
    manager.load();
    QList<QPair<QString, core::AdminCommand>> out;
    for (Module *module : manager.modules()) {
        for (const auto &command : module->adminCommands())
            out.append({module->id(), command});
    }
    return out;
}

} // namespace

QString AdminCli::moduleCommandsHelp() const
{
    QString text;
    const auto commands = declaredModuleCommands();
    if (commands.isEmpty())
        return text;
    text += QLatin1Char('\n') + tr("Module commands (all take --store PATH [--key-file F]):")
            + QLatin1Char('\n');
    for (const auto &[moduleId, command] : commands)
        text += QStringLiteral("  %1 %2 %3\n").arg(moduleId, command.name, command.synopsis);
    return text;
}

int AdminCli::cmdModule(const QStringList &args)
{
    const QString moduleId = args.value(0);
    const QString name = args.value(1);
    const auto declared = declaredModuleCommands();
    bool moduleKnown = false;
    const core::AdminCommand *command = nullptr;
    for (const auto &entry : declared) {
        if (entry.first != moduleId)
            continue;
        moduleKnown = true;
        if (entry.second.name == name)
            command = &entry.second;
    }
    if (!moduleKnown)
        return -1;
    if (!command) {
        QStringList names;
        for (const auto &entry : declared) {
            if (entry.first == moduleId)
                names << entry.second.name;
        }
        return usage(tr("%1 needs one of: %2").arg(moduleId, names.join(QStringLiteral(", "))));
    }
    QCommandLineParser p;
    p.addOption(storeOption());
    p.addOption(keyFileOption());
    p.addOptions(command->options);
    if (!p.parse(args.mid(1)))
        return usage(p.errorText());
    StoreArgs a{p.value(QStringLiteral("store")), p.value(QStringLiteral("key-file"))};
    if (a.store.isEmpty())
        return usage(tr("--store is required"));
    int code = Ok;
    auto ws = openWorkspace(a, false, &code);
    if (!ws)
        return code;
    // The run function of the workspace's own (initialised) module instance.
    Module *module = ws->modules().module(moduleId);
    if (!module) {
        m_err << tr("tambo-admin: the module %1 is not available in this store.").arg(moduleId)
              << Qt::endl;
        return RuntimeError;
    }
    for (const auto &live : module->adminCommands()) {
        if (live.name != name || !live.run)
            continue;
        const core::Session session = adminSession(*ws);
        core::AdminCommand::Context ctx{p, session, m_out, m_err};
        const int result = live.run(ctx);
        m_out.flush();
        m_err.flush();
        return result;
    }
    m_err << tr("tambo-admin: the module %1 has no command %2.").arg(moduleId, name) << Qt::endl;
    return RuntimeError;
}

int AdminCli::cmdVersion()
{
    m_out << "tambo-admin " << QStringLiteral(TAMBO_VERSION) << '\n'
          << "Qt " << qVersion() << '\n'
          << "SQLCipher " << sqlcipherVersion() << Qt::endl;
    return Ok;
}

} // namespace tambo::admin

namespace tambo::admin {

int AdminCli::cmdBundle(const QStringList &args)
{
    const QString sub = args.value(1);
    if (sub != QLatin1String("export") && sub != QLatin1String("import")
        && sub != QLatin1String("trust") && sub != QLatin1String("trust-user")
        && sub != QLatin1String("device-key"))
        return usage(tr("bundle needs one of: export, import, trust, trust-user, device-key"));
    QCommandLineParser p;
    p.addOption(storeOption());
    p.addOption(keyFileOption());
    p.addOption({QStringLiteral("to"), tr("Folder for the bundle (export)."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("user"), tr("User the bundle is made for (export)."),
                 QStringLiteral("U")});
    p.addOption({QStringLiteral("sede"), tr("Sede whose data to receive (export; default: all "
                                            "the user may see)."),
                 QStringLiteral("ID")});
    p.addOption({QStringLiteral("server-key"),
                 tr("The line printed by 'tambo-server bundle key' (trust)."),
                 QStringLiteral("'ID HEX'")});
    p.addOption({QStringLiteral("user-key"),
                 tr("The line printed by 'tambo-server bundle user-key' (trust-user)."),
                 QStringLiteral("'LINE'")});
    if (!p.parse(args.mid(1)))
        return usage(p.errorText());
    StoreArgs a{p.value(QStringLiteral("store")), p.value(QStringLiteral("key-file"))};
    if (a.store.isEmpty())
        return usage(tr("--store is required"));
    const QStringList positional = p.positionalArguments();
    if (sub == QLatin1String("export")
        && (!p.isSet(QStringLiteral("to")) || !p.isSet(QStringLiteral("user"))))
        return usage(tr("bundle export needs --to DIR and --user U"));
    if (sub == QLatin1String("import") && positional.size() != 1)
        return usage(tr("bundle import needs one bundle file"));
    std::optional<std::pair<QString, core::UserBundleKey::Params>> userKey;
    if (sub == QLatin1String("trust-user")) {
        userKey = core::UserBundleKey::Params::fromLine(p.value(QStringLiteral("user-key")));
        if (!userKey)
            return usage(tr("--user-key must be the line 'tambo-server bundle user-key' prints"));
    }
    // The user's server password signs the bundle (ADR 0015); read before the store is opened.
    QString password;
    if (sub == QLatin1String("export")) {
        password = readSecretLine();
        if (password.isEmpty())
            return usage(tr("bundle export reads the server password of the user from stdin; "
                            "none was given"));
    }
    core::BundleState::ServerKey serverKey;
    if (sub == QLatin1String("trust")) {
        const QStringList parts = p.value(QStringLiteral("server-key"))
                                      .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        serverKey.serverId = QUuid::fromString(parts.value(0));
        serverKey.publicKey = QByteArray::fromHex(parts.value(1).toLatin1());
        if (parts.size() != 2 || !serverKey.isValid())
            return usage(tr("--server-key must be the line 'tambo-server bundle key' prints"));
    }
    int code = Ok;
    auto ws = openWorkspace(a, false, &code);
    if (!ws)
        return code;
    core::LocalSyncStore local(ws->store().database(), ws->modules().allSyncedTables(),
                               ws->clock());
    core::BundleService service(local, ws->store().database(), ws->clock(),
                                QUuid::fromString(ws->deviceId()));
    service.setAudit(&ws->audit(), QStringLiteral("tambo-admin"));
    QString error;
    if (sub == QLatin1String("trust")) {
        if (!service.state().setServerKey(serverKey, &error)) {
            m_err << tr("tambo-admin: %1").arg(error) << Qt::endl;
            return RuntimeError;
        }
        m_out << tr("The server's bundle key is now trusted on this PC.") << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("trust-user")) {
        if (!service.state().setUserKey(userKey->first, userKey->second, &error)) {
            m_err << tr("tambo-admin: %1").arg(error) << Qt::endl;
            return RuntimeError;
        }
        m_out << tr("This PC can now sign bundles for %1 (with that user's server password).")
                     .arg(userKey->first)
              << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("device-key")) {
        const core::BundleKeyPair key = service.state().deviceKey(&error);
        if (!key.isValid()) {
            m_err << tr("tambo-admin: %1").arg(error) << Qt::endl;
            return RuntimeError;
        }
        m_out << ws->deviceId() << ' ' << QString::fromLatin1(key.publicKey.toHex()) << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("export")) {
        const core::BundleService::ExportResult r = service.exportTo(
            p.value(QStringLiteral("to")), p.value(QStringLiteral("user")), password,
            {core::BundleService::Scope{p.value(QStringLiteral("sede")), {}}});
        if (!r.ok) {
            m_err << tr("tambo-admin: %1").arg(r.message) << Qt::endl;
            return RuntimeError;
        }
        m_out << r.message << Qt::endl;
        return Ok;
    }
    const core::BundleService::ImportResult r = service.importFile(positional.first());
    switch (r.status) {
    case core::BundleService::ImportStatus::Applied:
    case core::BundleService::ImportStatus::AlreadyImported:
    case core::BundleService::ImportStatus::Older:
        m_out << r.message << Qt::endl;
        return Ok;
    case core::BundleService::ImportStatus::WrongPc:
    case core::BundleService::ImportStatus::Refused:
        m_err << tr("tambo-admin: %1").arg(r.message) << Qt::endl;
        return BundleRefused;
    case core::BundleService::ImportStatus::Failed:
        break;
    }
    m_err << tr("tambo-admin: %1").arg(r.message) << Qt::endl;
    return RuntimeError;
}

} // namespace tambo::admin

namespace tambo::admin {

int AdminCli::cmdSync(const QStringList &args)
{
    const QString sub = args.value(1);
    if (sub != QLatin1String("reenroll"))
        return usage(tr("sync needs: reenroll"));
    QCommandLineParser p;
    p.addOption(storeOption());
    p.addOption(keyFileOption());
    if (!p.parse(args.mid(1)))
        return usage(p.errorText());
    StoreArgs a{p.value(QStringLiteral("store")), p.value(QStringLiteral("key-file"))};
    if (a.store.isEmpty())
        return usage(tr("--store is required"));
    int code = Ok;
    auto ws = openWorkspace(a, false, &code);
    if (!ws)
        return code;
    const core::DeviceReenrollment::Result r
        = core::DeviceReenrollment::run(ws->store().database());
    if (!r.ok) {
        m_err << tr("tambo-admin: %1").arg(r.error) << Qt::endl;
        return RuntimeError;
    }
    const QString previous = r.previousId.toString(QUuid::WithoutBraces);
    const QString current = r.deviceId.toString(QUuid::WithoutBraces);
    QString auditError;
    ws->audit().append({QStringLiteral("tambo-admin"),
                        QStringLiteral("sync_device"),
                        current,
                        QStringLiteral("reenroll"),
                        {{QStringLiteral("device_id"), previous}},
                        {{QStringLiteral("device_id"), current},
                         {QStringLiteral("requeued"), r.requeued}}},
                       &auditError);
    m_out << tr("This store is now sync device %1 (it was %2).").arg(current, previous) << '\n'
          << tr("%n pending change(s) will be sent as the new device's.", nullptr, r.requeued)
          << '\n'
          << tr("Open Tambo and connect to the sync server again (File → Connect to the sync "
                "server…). For USB bundles, give OTIC this device key: %1 %2")
                 .arg(current, QString::fromLatin1(r.publicKey.toHex()))
          << Qt::endl;
    return Ok;
}

} // namespace tambo::admin
