#pragma once

#include "audit/AuditAnchorCheck.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace tambo::core {
class KeyProvider;
class Workspace;
struct Session;
} // namespace tambo::core

namespace tambo::admin {

// tambo-admin: init, demo, user add|list|lock|unlock, audit verify, migrate, bundle, sync
// reenroll, version.
// Exit codes (also in --help and the README):
//   0 success, 1 runtime error (store, key, data), 2 usage error, 3 audit chain does not verify,
//   4 sync bundle refused (damaged, truncated, forged or for another PC: nothing changed).
// Errors go to stderr; a failing command leaves nothing half-written.
class AdminCli
{
    Q_DECLARE_TR_FUNCTIONS(tambo::admin::AdminCli)

public:
    enum ExitCode { Ok = 0, RuntimeError = 1, UsageError = 2, AuditBroken = 3, BundleRefused = 4 };

    AdminCli();
    AdminCli(QTextStream &out, QTextStream &err, QTextStream &in);
    ~AdminCli();

    // args[0] is the program name, as QCoreApplication::arguments() gives it.
    int run(const QStringList &args);

private:
    struct StoreArgs
    {
        QString store;
        QString keyFile;
    };

    int cmdInit(const QStringList &args, bool demo);
    int cmdUser(const QStringList &args);
    int cmdAudit(const QStringList &args);
    // Logs in bound to this PC's device and reads every audit anchor the server holds for it.
    bool fetchServerAnchors(core::Workspace &ws,
                            const QString &server,
                            const QString &caCertificate,
                            const QString &user,
                            const QString &password,
                            QList<core::AuditAnchorCheck::Anchor> *anchors,
                            QString *error);
    int cmdMigrate(const QStringList &args);
    int cmdVersion();
    // `tambo-admin bundle export|import|trust|device-key`: sync bundles (USB) for sedes
    // without a link (core/sync/BundleService, docs/sync-protocol.md "Bundles").
    int cmdBundle(const QStringList &args);
    // `tambo-admin sync reenroll`: the store becomes a new sync device, its pending changes
    // re-queued under the new device's seqs (core/sync/DeviceReenrollment; after the server
    // answered seq_reused, docs/sync-protocol.md §7.7).
    int cmdSync(const QStringList &args);
    // `tambo-admin <module id> <command> …`: a command a module contributes (core/module/
    // AdminCommand.h). Returns -1 when no module has that id.
    int cmdModule(const QStringList &args);
    QString moduleCommandsHelp() const;
    int usage(const QString &message);
    std::unique_ptr<core::KeyProvider> keyProvider(const StoreArgs &a) const;
    std::unique_ptr<core::Workspace> openWorkspace(const StoreArgs &a, bool create, int *exitCode);
    core::Session adminSession(const core::Workspace &ws) const;
    QString readSecretLine();

    std::unique_ptr<QTextStream> m_ownOut, m_ownErr, m_ownIn;
    QTextStream &m_out;
    QTextStream &m_err;
    QTextStream &m_in;
};

} // namespace tambo::admin
