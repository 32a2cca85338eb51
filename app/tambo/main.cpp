// tambo — the desktop application of the Municipalidad Provincial de Tacna.
//
// Thin on purpose: everything lives in tambo_core and tambo_shell (tested there).
//
// Environment variables for automation (see docs/screenshots/README.md):
//   TAMBO_DEMO_AUTOLOGIN=1   log in as the demo administrator without the dialog. Honoured only
//                            when the store is the local demo store (no store configured).
//   TAMBO_SCREENSHOT=<file>  with TAMBO_DEMO_AUTOLOGIN=1: save a PNG of the main window once it
//                            is shown, then quit. Used for docs/screenshots/main-window.png.
//   TAMBO_SCREENSHOT_PAGE=<page id>  the page shown in the screenshot (default: the first).

#include "LanguageLoader.h"
#include "MainWindow.h"
#include "ServerLoginDialog.h"
#include "Shell.h"
#include "ShellStatusBar.h"
#include "SyncIndicator.h"
#include "SyncReviewDialog.h"
#include "SyncReviewModel.h"

#include "auth/Permission.h"
#include "demo/DemoData.h"
#include "module/ModuleManager.h"
#include "settings/AppSettings.h"
#include "store/KeychainSecretStore.h"
#include "store/Store.h"
#include "sync/LocalSyncStore.h"
#include "sync/SyncEngine.h"
#include "workspace/LocalWorkspace.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QScreen>
#include <QSysInfo>
#include <QTimer>

using namespace tambo;

namespace {

// File → Connect to the sync server: the user's server account for this PC's background sync.
void showServerLogin(core::SyncEngine &sync,
                     const QString &serverUrl,
                     const QString &username,
                     QWidget *parent)
{
    auto *dialog = new shell::ServerLoginDialog(serverUrl, username, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog,
                     &shell::ServerLoginDialog::connectRequested,
                     &sync,
                     &core::SyncEngine::enroll);
    QObject::connect(&sync,
                     &core::SyncEngine::enrollFinished,
                     dialog,
                     &shell::ServerLoginDialog::showResult);
    dialog->open();
}

void takeScreenshot(shell::MainWindow *window, const QString &path, const QString &pageId)
{
    if (QScreen *screen = window->screen())
        window->setGeometry(screen->availableGeometry());
    if (!pageId.isEmpty())
        window->showPage(pageId);
    QTimer::singleShot(1500, window, [window, path] {
        QDir().mkpath(QFileInfo(path).absolutePath());
        const bool saved = window->grab().save(path, "PNG");
        if (!saved)
            qWarning("tambo: could not write the screenshot %s", qPrintable(path));
        QCoreApplication::exit(saved ? 0 : 1);
    });
}

void showSyncReview(core::SyncEngine &sync,
                    core::Workspace &workspace,
                    shell::MainWindow *parent)
{
    auto *model = new shell::SyncReviewModel;
    auto *dialog = new shell::SyncReviewDialog(model, parent);
    model->setParent(dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // An OTIC administrator goes on to the page that resolves them.
    if (parent->session().can(QString::fromLatin1(core::Permissions::SyncResolve))) {
        dialog->setResolveAvailable(true);
        QObject::connect(dialog, &shell::SyncReviewDialog::resolveRequested, parent, [parent] {
            parent->showPage(QString::fromLatin1(shell::MainWindow::SyncConflictsPageId));
        });
    }
    const auto reload = [model, &workspace] {
        const core::LocalSyncStore local(workspace.store().database(),
                                         workspace.modules().allSyncedTables(),
                                         workspace.clock());
        model->setItems(local.rejectedEntries(), local.unresolvedConflicts());
    };
    reload();
    QObject::connect(&sync, &core::SyncEngine::runFinished, dialog, reload);
    QObject::connect(dialog,
                     &shell::SyncReviewDialog::syncNowRequested,
                     &sync,
                     &core::SyncEngine::syncNow);
    dialog->show();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QString::fromLatin1(core::AppSettings::Organization));
    QApplication::setOrganizationDomain(QStringLiteral("munitacna.gob.pe"));
    QApplication::setApplicationName(QString::fromLatin1(core::AppSettings::Application));
    QApplication::setApplicationVersion(QStringLiteral(TAMBO_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/tambo/icons/tambo.svg")));
    QApplication::setDesktopFileName(QStringLiteral("pe.gob.munitacna.Tambo"));

    core::AppSettings settings;
    shell::LanguageLoader language;
    language.load(settings.language());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Back-office of the Municipalidad Provincial de Tacna"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    // The configured store, or the local demo store (created and filled on first start).
    core::LocalWorkspace::Result opened = core::LocalWorkspace::open(settings.storePath());
    if (!opened.ok()) {
        QMessageBox::critical(nullptr,
                              QCoreApplication::translate("main", "Tambo"),
                              QCoreApplication::translate(
                                  "main",
                                  "Tambo cannot open its local store %1.\n\n%2\n\nPlease call the "
                                  "OTIC office.")
                                  .arg(QDir::toNativeSeparators(opened.storePath), opened.error));
        return 1;
    }

    shell::Shell::Options options;
    options.window.demoStore = opened.demo;
    // TODO(lead): take the sedes from a core query over the store's sedes table; until there is
    // one, the municipality's sede list shipped with the demo data is offered.
    for (const core::DemoData::Sede &sede : core::DemoData::sedes())
        options.window.sedes.append({sede.id, sede.name});
    options.storeDescription = QCoreApplication::translate("main", "Encrypted store: %1")
                                   .arg(QFileInfo(opened.storePath).fileName());
    if (opened.demo) {
        options.loginHint = QCoreApplication::translate(
                                "main",
                                "Demo data: log in as \"admin\" (or mesa, gerencia, inventariador, "
                                "jefe.patrimonio, soporte, comite) with the password \"%1\".")
                                .arg(core::DemoData::demoPassword());
    }
    if (!opened.warning.isEmpty())
        options.loginHint = options.loginHint.isEmpty()
                                ? opened.warning
                                : opened.warning + QStringLiteral("\n\n") + options.loginHint;

    const QString screenshot = qEnvironmentVariable("TAMBO_SCREENSHOT");
    const bool autoLogin = opened.demo
                           && qEnvironmentVariable("TAMBO_DEMO_AUTOLOGIN") == QLatin1String("1");
    if (autoLogin) {
        options.autoLoginUser = QStringLiteral("admin");
        options.autoLoginPassword = core::DemoData::demoPassword();
    }

    // Background sync (docs/sync-protocol.md): its own thread and connection. Without a server
    // URL in the settings, or before this PC has a server session (File → Connect to the sync
    // server; the refresh token then waits in the OS keychain), it keeps counting the changes
    // waiting in the outbox and shows them as pending/offline.
    core::Workspace &workspace = *opened.workspace;
    core::SyncEngine::Options syncOptions;
    syncOptions.serverUrl = QUrl(settings.serverUrl());
    syncOptions.caCertificate = qEnvironmentVariable("TAMBO_SYNC_CA_CERTIFICATE");
    syncOptions.deviceId = QUuid::fromString(workspace.deviceId());
    syncOptions.deviceName = QSysInfo::machineHostName();
    syncOptions.sede = settings.sedeId();
    core::SyncEngine sync(workspace.store(),
                          workspace.modules().allSyncedTables(),
                          workspace.clock(),
                          syncOptions);
    core::KeychainSecretStore secrets;
    if (!syncOptions.serverUrl.isEmpty())
        sync.setSecretStore(&secrets); // no keychain round trip on PCs without a server
    QObject::connect(&sync, &core::SyncEngine::secretStoreFailed, [](const QString &message) {
        qWarning("tambo: the sync session cannot be kept in the keychain: %s", qPrintable(message));
    });
    sync.start();
    const QString serverUrl = syncOptions.serverUrl.toString();

    shell::Shell shell(shell::ShellServices::fromWorkspace(*opened.workspace), settings, options);
    QObject::connect(&shell,
                     &shell::Shell::mainWindowShown,
                     &sync,
                     [&sync, &workspace, serverUrl](shell::MainWindow *window) {
                         shell::SyncIndicator *indicator = window->shellStatusBar()->syncIndicator();
                         indicator->showStatus(sync.status());
                         QObject::connect(&sync,
                                          &core::SyncEngine::statusChanged,
                                          indicator,
                                          &shell::SyncIndicator::showStatus);
                         // A click shows what the server refused or found in conflict.
                         QObject::connect(indicator,
                                          &shell::SyncIndicator::activated,
                                          window,
                                          [&sync, &workspace, window] {
                                              showSyncReview(sync, workspace, window);
                                          });
                         // Resolutions on the "Sync conflicts" page go up right away, and
                         // the page lists what each sync run brings.
                         QObject::connect(window,
                                          &shell::MainWindow::syncResolutionQueued,
                                          &sync,
                                          &core::SyncEngine::syncNow);
                         QObject::connect(&sync,
                                          &core::SyncEngine::runFinished,
                                          window,
                                          &shell::MainWindow::refreshSyncConflicts);
                         // "Sync now" from the keyboard as well.
                         auto *syncNow = new QAction(QCoreApplication::translate("main", "Sync now"),
                                                     window);
                         syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
                         syncNow->setShortcutContext(Qt::ApplicationShortcut);
                         QObject::connect(syncNow,
                                          &QAction::triggered,
                                          &sync,
                                          &core::SyncEngine::syncNow);
                         window->addFileAction(syncNow);
                         auto *connectAction = new QAction(
                             QCoreApplication::translate("main", "Connect to the sync &server…"),
                             window);
                         connectAction->setObjectName(QStringLiteral("actionSyncServerLogin"));
                         QObject::connect(connectAction,
                                          &QAction::triggered,
                                          window,
                                          [&sync, serverUrl, window] {
                                              showServerLogin(sync,
                                                              serverUrl,
                                                              window->session().username,
                                                              window);
                                          });
                         window->addFileAction(connectAction);
                     });
    if (autoLogin && !screenshot.isEmpty()) {
        const QString page = qEnvironmentVariable("TAMBO_SCREENSHOT_PAGE");
        QObject::connect(&shell,
                         &shell::Shell::mainWindowShown,
                         &shell,
                         [screenshot, page](shell::MainWindow *window) {
                             takeScreenshot(window, screenshot, page);
                         });
    }
    if (!shell.start())
        return 0;
    return app.exec();
}
