#include "MainWindow.h"

#include "AboutDialog.h"
#include "AuditPage.h"
#include "BundleDialog.h"
#include "HomePage.h"
#include "IdleWatcher.h"
#include "LockScreen.h"
#include "ModuleUi.h"
#include "NavigationModel.h"
#include "ShellStatusBar.h"
#include "SyncConflictsPage.h"
#include "UsersPage.h"

#include "audit/AuditLog.h"
#include "auth/AuthService.h"
#include "auth/IdleLock.h"
#include "auth/Permission.h"
#include "auth/RoleCatalog.h"
#include "migrations/CoreSchema.h"
#include "module/Module.h"
#include "module/ModuleContext.h"
#include "module/ModuleManager.h"
#include "settings/AppSettings.h"
#include "store/Store.h"
#include "sync/LocalSyncStore.h"
#include "sync/SyncConflictResolver.h"
#include "util/Clock.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDataStream>
#include <QDialog>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace tambo::shell {

namespace {
constexpr quint32 LayoutMagic = 0x54414d42; // "TAMB"
constexpr quint16 LayoutVersion = 1;

QObject *moduleObject(Module *module)
{
    // The plugin object derives from QObject and tambo::Module; a cross cast finds the QObject.
    return dynamic_cast<QObject *>(module);
}

ModuleUi *moduleUi(Module *module)
{
    QObject *object = moduleObject(module);
    return object ? qobject_cast<ModuleUi *>(object) : nullptr;
}
} // namespace

MainWindow::MainWindow(const ShellServices &services,
                       const core::Session &session,
                       core::AppSettings &settings,
                       const Options &options,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_session(session)
    , m_settings(settings)
    , m_options(options)
{
    Q_ASSERT(services.isComplete());
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/tambo/icons/tambo.svg")));

    if (m_services.moduleContext) {
        m_context = m_services.moduleContext;
    } else {
        core::Store *store = m_services.store;
        m_ownContext = std::make_unique<core::ModuleContext>(*m_services.services,
                                                             *m_services.clock,
                                                             [store] { return store->database(); });
        m_context = m_ownContext.get();
    }

    m_idleLock = new core::IdleLock(this);
    m_idleLock->setTimeoutMinutes(m_settings.idleLockMinutes());
    m_idleWatcher = new IdleWatcher(this);
    connect(m_idleWatcher, &IdleWatcher::activity, m_idleLock, &core::IdleLock::activity);
    connect(m_idleLock, &core::IdleLock::locked, this, &MainWindow::onLocked);
    connect(m_idleLock, &core::IdleLock::unlocked, this, &MainWindow::onUnlocked);

    buildUi();
    buildMenus();
    addModuleMenus();
    restoreLayout();

    if (m_navModel->rowCount() > 0)
        showPage(m_navModel->page(0).id);
    m_nav->setFocus();
}

MainWindow::~MainWindow()
{
    // Pages may hold references to the module context: delete them while it still exists.
    destroyPages();
}

QList<core::PageDescriptor> MainWindow::builtinPages()
{
    core::PageDescriptor home;
    home.id = QString::fromLatin1(HomePageId);
    home.title = tr("Home");
    home.iconName = QStringLiteral(":/tambo/icons/home.svg");
    home.requiredPermission = QString::fromLatin1(core::Permissions::Home);
    home.order = 0;
    home.moduleId = QStringLiteral("shell");

    core::PageDescriptor users;
    users.id = QString::fromLatin1(UsersPageId);
    users.title = tr("Users");
    users.iconName = QStringLiteral(":/tambo/icons/users.svg");
    users.requiredPermission = QString::fromLatin1(core::Permissions::UsersManage);
    users.order = 9000;
    users.moduleId = QStringLiteral("shell");

    core::PageDescriptor audit;
    audit.id = QString::fromLatin1(AuditPageId);
    audit.title = tr("Audit");
    audit.iconName = QStringLiteral(":/tambo/icons/audit.svg");
    audit.requiredPermission = QString::fromLatin1(core::Permissions::AuditView);
    audit.order = 9100;
    audit.moduleId = QStringLiteral("shell");

    core::PageDescriptor conflicts;
    conflicts.id = QString::fromLatin1(SyncConflictsPageId);
    conflicts.title = tr("Sync conflicts");
    conflicts.iconName = QStringLiteral(":/tambo/icons/sync-conflict.svg");
    conflicts.requiredPermission = QString::fromLatin1(core::Permissions::SyncResolve);
    conflicts.order = 9200;
    conflicts.moduleId = QStringLiteral("shell");

    return {home, users, audit, conflicts};
}

void MainWindow::buildUi()
{
    QList<core::PageDescriptor> pages;
    for (const core::PageDescriptor &page : builtinPages()) {
        if (m_session.can(page.requiredPermission))
            pages.append(page);
    }
    pages += m_services.modules->pagesFor(m_session);
    m_navModel = new NavigationModel(this);
    m_navModel->setPages(pages);

    // Left panel: the municipality's name over the navigation list.
    auto *navPanel = new QWidget(this);
    navPanel->setObjectName(QStringLiteral("navPanel"));
    navPanel->setAttribute(Qt::WA_StyledBackground);
    navPanel->setStyleSheet(QStringLiteral(
        "#navPanel { background: #f2f4f7; border-right: 1px solid #d9dee6; }"
        "#navBrandTitle { font-weight: 600; color: #1d4e89; }"
        "#navBrandSub { color: #5b6573; }"
        "QListView#navigation { background: transparent; border: none; outline: 0; }"
        "QListView#navigation::item { padding: 7px 10px; margin: 1px 8px; border-radius: 5px;"
        " color: #1f2933; }"
        "QListView#navigation::item:hover { background: #e3e8ef; }"
        "QListView#navigation::item:selected { background: #1d4e89; color: white; }"));
    auto *logo = new QLabel(navPanel);
    logo->setPixmap(QIcon(QStringLiteral(":/tambo/icons/tambo.svg")).pixmap(36, 36));
    auto *brandTitle = new QLabel(QStringLiteral("Tambo"), navPanel);
    brandTitle->setObjectName(QStringLiteral("navBrandTitle"));
    QFont brandFont = brandTitle->font();
    brandFont.setPointSizeF(brandFont.pointSizeF() * 1.35);
    brandTitle->setFont(brandFont);
    auto *brandSub = new QLabel(tr("Municipalidad Provincial de Tacna"), navPanel);
    brandSub->setObjectName(QStringLiteral("navBrandSub"));
    brandSub->setWordWrap(true);
    auto *brandText = new QVBoxLayout;
    brandText->setSpacing(0);
    brandText->addWidget(brandTitle);
    brandText->addWidget(brandSub);
    auto *brand = new QHBoxLayout;
    brand->setContentsMargins(14, 14, 12, 10);
    brand->setSpacing(10);
    brand->addWidget(logo, 0, Qt::AlignTop);
    brand->addLayout(brandText, 1);

    m_nav = new QListView(navPanel);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setAccessibleName(tr("Pages"));
    m_nav->setModel(m_navModel);
    m_nav->setIconSize(QSize(20, 20));
    m_nav->setUniformItemSizes(true);
    m_nav->setSelectionMode(QAbstractItemView::SingleSelection);
    m_nav->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_nav->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showPage(m_navModel->page(current.row()).id);
            });

    auto *version = new QLabel(tr("Version %1").arg(QStringLiteral(TAMBO_VERSION)), navPanel);
    version->setObjectName(QStringLiteral("navBrandSub"));
    version->setContentsMargins(16, 0, 12, 0);

    auto *navLayout = new QVBoxLayout(navPanel);
    navLayout->setContentsMargins(0, 0, 0, 10);
    navLayout->setSpacing(4);
    navLayout->addLayout(brand);
    navLayout->addWidget(m_nav, 1);
    navLayout->addWidget(version);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    m_splitter->addWidget(navPanel);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({240, 1000});
    navPanel->setMinimumWidth(180);
    m_content = m_splitter;

    m_lockScreen
        = new LockScreen([auth = m_services.auth](const QString &u,
                                                  const QString &p) { return auth->login(u, p); },
                         this);
    m_lockScreen->setUser(m_session.username, m_session.fullName);
    connect(m_lockScreen, &LockScreen::unlocked, m_idleLock, &core::IdleLock::unlock);
    connect(m_lockScreen, &LockScreen::logoutRequested, this, &MainWindow::logout);

    m_root = new QStackedWidget(this);
    m_root->setObjectName(QStringLiteral("root"));
    m_root->addWidget(m_content);
    m_root->addWidget(m_lockScreen);
    setCentralWidget(m_root);

    m_statusBar = new ShellStatusBar(this);
    setStatusBar(m_statusBar);
    m_statusBar->setUser(m_session.fullName.isEmpty() ? m_session.username : m_session.fullName,
                         core::RoleCatalog::title(m_session.roleId));
    m_statusBar->setSede(sedeName(currentSedeId()));
    m_statusBar->setStore(m_services.store->path(), m_services.store->isEncrypted());
}

void MainWindow::addFileAction(QAction *action)
{
    if (!m_fileMenu || !action)
        return;
    m_fileMenu->insertAction(m_fileExtrasEnd, action);
    m_lockedDisabled << action;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setObjectName(QStringLiteral("actionSettings"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    if (m_session.can(QString::fromLatin1(core::Permissions::SyncBundles))) {
        QAction *bundles = file->addAction(tr("&USB sync bundles…"), this, [this] {
            BundleDialog::openFor(m_services, m_session, this);
        });
        bundles->setObjectName(QStringLiteral("actionBundles"));
        bundles->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
        m_lockedDisabled << bundles;
    }
    m_fileMenu = file;
    m_fileExtrasEnd = file->addSeparator();
    QAction *lock = file->addAction(QIcon(QStringLiteral(":/tambo/icons/lock.svg")),
                                    tr("&Lock session"),
                                    this,
                                    &MainWindow::lockSession);
    lock->setObjectName(QStringLiteral("actionLock"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *logoutAction = file->addAction(tr("Log &out"), this, &MainWindow::logout);
    logoutAction->setObjectName(QStringLiteral("actionLogout"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("E&xit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    m_lockedDisabled << settings << lock;

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->setObjectName(QStringLiteral("menuGo"));
    for (int row = 0; row < m_navModel->rowCount(); ++row) {
        const core::PageDescriptor page = m_navModel->page(row);
        QAction *action
            = go->addAction(m_navModel->index(row).data(Qt::DecorationRole).value<QIcon>(),
                            page.title);
        action->setObjectName(QStringLiteral("actionGo_") + page.id);
        if (row < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
        const QString id = page.id;
        connect(action, &QAction::triggered, this, [this, id] {
            if (showPage(id) && m_pages->currentWidget())
                m_pages->currentWidget()->setFocus(Qt::ShortcutFocusReason);
        });
        m_goActions << action;
        m_lockedDisabled << action;
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Tambo"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::addModuleMenus()
{
    const PageContext context{m_session, *m_context};
    QAction *before = menuBar()->actions().isEmpty() ? nullptr : menuBar()->actions().last();
    for (Module *module : m_services.modules->modules()) {
        ModuleUi *ui = moduleUi(module);
        if (!ui)
            continue;
        QList<QAction *> shown;
        for (QAction *action : ui->actions(context, this)) {
            const QString permission = action->property(RequiredPermissionProperty).toString();
            if (permission.isEmpty() || m_session.can(permission))
                shown << action;
            else
                action->deleteLater();
        }
        if (shown.isEmpty())
            continue;
        auto *menu = new QMenu(module->title(), this);
        menu->addActions(shown);
        menuBar()->insertMenu(before, menu);
        m_lockedDisabled << menu->menuAction();
    }
}

QStringList MainWindow::pageIds() const
{
    QStringList ids;
    for (const core::PageDescriptor &page : m_navModel->pages())
        ids << page.id;
    return ids;
}

bool MainWindow::isLocked() const
{
    return m_idleLock->isLocked();
}

QString MainWindow::currentSedeId() const
{
    const QString configured = m_settings.sedeId();
    return configured.isEmpty() ? m_session.sedeId : configured;
}

QString MainWindow::sedeName(const QString &sedeId) const
{
    if (sedeId.isEmpty())
        return {};
    for (const SettingsDialog::SedeOption &sede : m_options.sedes) {
        if (sede.id == sedeId)
            return sede.name;
    }
    return sedeId;
}

QWidget *MainWindow::unavailablePage(const QString &title, const QString &reason)
{
    auto *page = new QWidget;
    auto *label = new QLabel(QStringLiteral("<h3>%1</h3><p>%2</p>")
                                 .arg(title.toHtmlEscaped(), reason.toHtmlEscaped()),
                             page);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(label);
    return page;
}

QWidget *MainWindow::createPage(const core::PageDescriptor &page)
{
    if (page.id == QLatin1String(HomePageId)) {
        HomePage::Info info;
        info.fullName = m_session.fullName;
        info.username = m_session.username;
        info.roleTitle = core::RoleCatalog::title(m_session.roleId);
        info.sede = sedeName(currentSedeId());
        info.storePath = m_services.store->path();
        info.demoStore = m_options.demoStore;
        for (const core::ModuleManager::Spec &spec : m_services.modules->specs()) {
            if (spec.state == core::ModuleManager::State::Disabled || !spec.module)
                continue;
            info.modules << tr("%1 (version %2)").arg(spec.module->title(), spec.version);
        }
        if (m_session.can(QString::fromLatin1(core::Permissions::UsersManage)))
            info.moduleProblems = m_services.modules->errors();
        info.today = m_services.clock->now().toLocalTime().date();
        for (int row = 0; row < m_navModel->rowCount(); ++row) {
            const core::PageDescriptor other = m_navModel->page(row);
            if (other.id == page.id)
                continue;
            HomePage::Tile tile;
            tile.pageId = other.id;
            tile.title = other.title;
            tile.icon = m_navModel->index(row).data(Qt::DecorationRole).value<QIcon>();
            tile.shortcut = NavigationModel::shortcutText(row);
            if (other.id == QLatin1String(UsersPageId))
                tile.description = tr("Accounts, roles and locks");
            else if (other.id == QLatin1String(AuditPageId))
                tile.description = tr("Who changed what, and the integrity check");
            else if (other.id == QLatin1String(SyncConflictsPageId))
                tile.description = tr("Choose which value stays when two PCs disagree");
            else if (Module *module = m_services.modules->module(other.moduleId))
                tile.description = tr("Module %1").arg(module->title());
            info.tiles << tile;
        }
        auto *home = new HomePage(info);
        connect(home, &HomePage::pageRequested, this, [this](const QString &id) {
            if (showPage(id) && m_pages->currentWidget())
                m_pages->currentWidget()->setFocus(Qt::OtherFocusReason);
        });
        return home;
    }
    if (page.id == QLatin1String(UsersPageId)) {
        auto *users = new UsersPage(*m_services.users, m_session, *m_services.clock);
        QList<AddUserDialog::Choice> sedes;
        for (const SettingsDialog::SedeOption &sede : m_options.sedes)
            sedes.append({sede.id, sede.name});
        users->setSedes(sedes);
        return users;
    }
    if (page.id == QLatin1String(AuditPageId))
        return new AuditPage(*m_services.audit, m_session);
    if (page.id == QLatin1String(SyncConflictsPageId)) {
        if (!m_syncStore) {
            QSqlDatabase db = m_services.store->database();
            m_syncStore
                = std::make_unique<core::LocalSyncStore>(db,
                                                         m_services.modules->allSyncedTables(),
                                                         *m_services.clock);
            m_syncResolver = std::make_unique<core::SyncConflictResolver>(*m_syncStore,
                                                                          *m_services.audit,
                                                                          *m_services.clock,
                                                                          core::CoreSchema::deviceId(
                                                                              db));
        }
        auto *conflicts = new SyncConflictsPage(*m_syncStore, *m_syncResolver, m_session);
        connect(conflicts, &SyncConflictsPage::resolved, this, &MainWindow::syncResolutionQueued);
        return conflicts;
    }

    Module *module = m_services.modules->module(page.moduleId);
    ModuleUi *ui = module ? moduleUi(module) : nullptr;
    if (!ui) {
        return unavailablePage(page.title,
                               tr("The module that offers this page has no user interface in "
                                  "this build."));
    }
    const PageContext context{m_session, *m_context};
    QWidget *widget = ui->createPage(page.id, context, m_pages);
    if (!widget) {
        return unavailablePage(page.title,
                               tr("The module %1 could not open this page.").arg(module->title()));
    }
    return widget;
}

bool MainWindow::showPage(const QString &pageId)
{
    if (isLocked())
        return false;
    const int row = m_navModel->rowOf(pageId);
    if (row < 0)
        return false;

    QWidget *widget = m_created.value(pageId);
    if (!widget) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        widget = createPage(m_navModel->page(row));
        QApplication::restoreOverrideCursor();
        widget->setObjectName(widget->objectName().isEmpty() ? pageId : widget->objectName());
        widget->setProperty("tamboPageId", pageId);
        m_pages->addWidget(widget);
        m_created.insert(pageId, widget);
    }
    const bool changed = m_pages->currentWidget() != widget || m_currentPageId != pageId;
    m_pages->setCurrentWidget(widget);
    m_currentPageId = pageId;

    const QModelIndex index = m_navModel->index(row);
    if (m_nav->currentIndex() != index)
        m_nav->setCurrentIndex(index);
    updateTitle();
    if (changed)
        emit pageShown(pageId);
    return true;
}

void MainWindow::destroyPages()
{
    for (const QPointer<QWidget> &page : std::as_const(m_created)) {
        if (page) {
            if (m_pages)
                m_pages->removeWidget(page);
            delete page.data();
        }
    }
    m_created.clear();
}

void MainWindow::updateTitle()
{
    const int row = m_navModel->rowOf(m_currentPageId);
    const QString page = row >= 0 ? m_navModel->page(row).title : QString();
    setWindowTitle(page.isEmpty() ? QStringLiteral("Tambo") : tr("%1 — Tambo").arg(page));
}

void MainWindow::lockSession()
{
    m_idleLock->lockNow();
}

void MainWindow::onLocked()
{
    // Nothing of the session stays visible: the lock screen replaces the content, open dialogs
    // are closed and the pages are destroyed.
    for (QAction *action : std::as_const(m_lockedDisabled))
        action->setEnabled(false);
    m_lockScreen->setUser(m_session.username, m_session.fullName);
    m_root->setCurrentWidget(m_lockScreen);
    setWindowTitle(tr("Session locked — Tambo"));

    // A dialog run with exec() (by a page, or by this window) has its own event loop on the
    // stack, and the idle timer may fire inside it. Rejecting it ends that loop, but only once
    // control returns there: the pages are destroyed after every such loop has unwound.
    int modalLoops = 0;
    const QWidgetList topLevels = QApplication::topLevelWidgets();
    for (QWidget *widget : topLevels) {
        auto *dialog = qobject_cast<QDialog *>(widget);
        if (dialog && dialog->isVisible()) {
            if (dialog->isModal())
                ++modalLoops;
            dialog->reject();
        }
    }
    m_lockLoopLevel = QThread::currentThread()->loopLevel() - modalLoops;
    destroyPagesWhenSafe();
    m_lockScreen->reset();
}

void MainWindow::destroyPagesWhenSafe()
{
    if (!isLocked())
        return;
    if (QThread::currentThread()->loopLevel() > m_lockLoopLevel) {
        QTimer::singleShot(20, this, &MainWindow::destroyPagesWhenSafe);
        return;
    }
    destroyPages();
}

void MainWindow::onUnlocked()
{
    for (QAction *action : std::as_const(m_lockedDisabled))
        action->setEnabled(true);
    m_root->setCurrentWidget(m_content);
    const QString page = m_currentPageId;
    m_currentPageId.clear();
    if (!showPage(page) && m_navModel->rowCount() > 0)
        showPage(m_navModel->page(0).id);
    m_nav->setFocus();
}

void MainWindow::logout()
{
    m_loggingOut = true;
    emit logoutRequested();
    close();
}

void MainWindow::refreshSyncConflicts()
{
    if (auto *page = qobject_cast<SyncConflictsPage *>(
            pageWidget(QString::fromLatin1(SyncConflictsPageId))))
        page->reload();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    dialog.setSedes(m_options.sedes);
    dialog.setPolicyEditable(m_session.can(QString::fromLatin1(core::Permissions::SettingsManage)));
    dialog.load(m_settings);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!dialog.save(m_settings)) {
        QMessageBox::warning(this,
                             tr("Settings"),
                             tr("The settings could not be saved.\n\n%1").arg(dialog.errorText()));
        return;
    }
    m_idleLock->setTimeoutMinutes(m_settings.idleLockMinutes());
    m_statusBar->setSede(sedeName(currentSedeId()));
    if (dialog.languageChanged()) {
        QMessageBox::information(this,
                                 tr("Settings"),
                                 tr("Tambo will use the new language the next time it starts."));
    }
}

void MainWindow::showAbout()
{
    AboutDialog dialog(m_services.store->cipherVersion(), this);
    dialog.exec();
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_settings.windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        const QSize size(std::min(1280, available.width() - 40),
                         std::min(800, available.height() - 40));
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
    }
    QByteArray blob = m_settings.windowState();
    QDataStream in(&blob, QIODevice::ReadOnly);
    quint32 magic = 0;
    quint16 version = 0;
    QByteArray windowState, splitterState;
    in >> magic >> version >> windowState >> splitterState;
    if (in.status() == QDataStream::Ok && magic == LayoutMagic && version == LayoutVersion) {
        restoreState(windowState);
        m_splitter->restoreState(splitterState);
    }
}

void MainWindow::saveLayout()
{
    m_settings.setWindowGeometry(saveGeometry());
    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    out << LayoutMagic << LayoutVersion << saveState() << m_splitter->saveState();
    m_settings.setWindowState(blob);
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
    if (!m_loggingOut)
        emit quitRequested();
}

} // namespace tambo::shell
