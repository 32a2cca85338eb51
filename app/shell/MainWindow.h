#pragma once

#include "SettingsDialog.h"
#include "ShellServices.h"
#include "auth/Session.h"
#include "module/PageDescriptor.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QListView;
class QMenu;
class QSplitter;
class QStackedWidget;

namespace tambo::core {
class AppSettings;
class IdleLock;
class LocalSyncStore;
class ModuleContext;
class SyncConflictResolver;
} // namespace tambo::core

namespace tambo::shell {

class IdleWatcher;
class LockScreen;
class NavigationModel;
class ShellStatusBar;

// The main window: a navigation list on the left (the pages this session may use, Ctrl+1…9),
// the current page on the right (pages are created when first shown), the menus File and Help,
// and the status bar. While the session is locked (idle time or Ctrl+L) a lock screen replaces
// everything and the pages are destroyed.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Ids of the shell's own pages.
    static constexpr auto HomePageId = "shell.home";
    static constexpr auto UsersPageId = "shell.users";
    static constexpr auto AuditPageId = "shell.audit";
    static constexpr auto SyncConflictsPageId = "shell.syncConflicts";

    struct Options
    {
        QList<SettingsDialog::SedeOption> sedes; // for settings and names; from core
        bool demoStore = false;
    };

    MainWindow(const ShellServices &services,
               const core::Session &session,
               core::AppSettings &settings,
               const Options &options,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // The shell's built-in pages (home, users, audit, sync conflicts) with their permissions.
    static QList<core::PageDescriptor> builtinPages();

    const core::Session &session() const { return m_session; }
    NavigationModel *navigationModel() const { return m_navModel; }
    QListView *navigationView() const { return m_nav; }
    QStackedWidget *pageStack() const { return m_pages; }
    QString currentPageId() const { return m_currentPageId; }
    // The page widget if it was created (and not destroyed by a lock since).
    QWidget *pageWidget(const QString &pageId) const { return m_created.value(pageId); }
    QStringList pageIds() const;
    core::IdleLock *idleLock() const { return m_idleLock; }
    // Adds an action of the app (e.g. the sync server connection) to the File menu, before Lock;
    // it is disabled while the session is locked, like the menu's own actions.
    void addFileAction(QAction *action);
    LockScreen *lockScreen() const { return m_lockScreen; }
    bool isLocked() const;
    ShellStatusBar *shellStatusBar() const { return m_statusBar; }

public slots:
    bool showPage(const QString &pageId);
    void lockSession();
    void logout();
    void showSettings();
    void showAbout();
    // A sync run finished: the "Sync conflicts" page (if open) lists what it brought.
    void refreshSyncConflicts();

signals:
    // The user chose "Log out" (menu or lock screen): the shell shows the login again.
    void logoutRequested();
    // The window closed for good (Exit or the close button).
    void quitRequested();
    void pageShown(const QString &pageId);
    // A conflict or rejected change was resolved on the "Sync conflicts" page: its changes wait
    // in the outbox (the app starts a sync).
    void syncResolutionQueued();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void addModuleMenus();
    void restoreLayout();
    void saveLayout();
    QWidget *createPage(const core::PageDescriptor &page);
    QWidget *unavailablePage(const QString &title, const QString &reason);
    void destroyPages();
    void destroyPagesWhenSafe();
    void onLocked();
    void onUnlocked();
    void updateTitle();
    QString sedeName(const QString &sedeId) const;
    QString currentSedeId() const;

    ShellServices m_services;
    core::Session m_session;
    core::AppSettings &m_settings;
    Options m_options;
    std::unique_ptr<core::ModuleContext> m_ownContext;
    // Behind the "Sync conflicts" page, made when it is first shown.
    std::unique_ptr<core::LocalSyncStore> m_syncStore;
    std::unique_ptr<core::SyncConflictResolver> m_syncResolver;
    core::ModuleContext *m_context = nullptr;

    NavigationModel *m_navModel = nullptr;
    QListView *m_nav = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_root = nullptr; // content | lock screen
    QWidget *m_content = nullptr;
    QStackedWidget *m_pages = nullptr;
    QHash<QString, QPointer<QWidget>> m_created;
    QString m_currentPageId;
    LockScreen *m_lockScreen = nullptr;
    ShellStatusBar *m_statusBar = nullptr;
    core::IdleLock *m_idleLock = nullptr;
    IdleWatcher *m_idleWatcher = nullptr;
    QList<QAction *> m_lockedDisabled; // actions off while locked
    QMenu *m_fileMenu = nullptr;
    QAction *m_fileExtrasEnd = nullptr; // separator before Lock: addFileAction inserts above it
    QList<QAction *> m_goActions;
    bool m_loggingOut = false;
    int m_lockLoopLevel = 0;
};

} // namespace tambo::shell
