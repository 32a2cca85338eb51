#include "LanguageLoader.h"
#include "LockScreen.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "NavigationModel.h"
#include "ShellStatusBar.h"
#include "ShellTestEnv.h"
#include "SyncConflictsPage.h"
#include "UserTableModel.h"
#include "UsersPage.h"

#include "auth/AuthService.h"
#include "auth/IdleLock.h"

#include <QAction>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTimer>
#include <QtTest>

using namespace tambo;
using tambo::shell::MainWindow;
using tambo::test::ShellTestEnv;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void loginNavigateAndIdleLock();
    void wrongPasswordKeepsLock();
    void manualLockAndLogout();
    void lockWhileAPageDialogIsOpen();
    void pagesFollowRole();
    void fileMenuFollowsRole();
    void layoutRemembered();
    void statusBar();

private:
    core::Session login(const QString &username);
    QStringList navTitles(const MainWindow &window) const;

    shell::LanguageLoader m_language;
    std::unique_ptr<ShellTestEnv> m_env;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_language.load(QStringLiteral("es_PE")));
}

void TestMainWindow::init()
{
    m_env = std::make_unique<ShellTestEnv>();
    QVERIFY2(m_env->open(), qPrintable(m_env->error()));
}

void TestMainWindow::cleanup()
{
    m_env.reset();
}

core::Session TestMainWindow::login(const QString &username)
{
    shell::LoginDialog dialog(m_env->workspace().auth());
    dialog.setUsername(username);
    dialog.setPassword(ShellTestEnv::password());
    if (!dialog.submit())
        qWarning("login failed: %s", qPrintable(dialog.errorText()));
    return dialog.session();
}

QStringList TestMainWindow::navTitles(const MainWindow &window) const
{
    QStringList titles;
    const auto *model = window.navigationModel();
    for (int row = 0; row < model->rowCount(); ++row)
        titles << model->index(row).data().toString();
    return titles;
}

void TestMainWindow::loginNavigateAndIdleLock()
{
    const core::Session session = login(ShellTestEnv::adminUser());
    QVERIFY(session.isValid());

    MainWindow window(m_env->services(), session, m_env->settings(), {});
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // The admin sees the shell's pages, in Spanish.
    const QStringList titles = navTitles(window);
    QVERIFY2(titles.contains(QStringLiteral("Inicio")), qPrintable(titles.join(", ")));
    QVERIFY(titles.contains(QStringLiteral("Usuarios")));
    QVERIFY(titles.contains(QStringLiteral("Auditoría")));
    QVERIFY(titles.contains(QStringLiteral("Conflictos de sincronización")));
    QCOMPARE(window.currentPageId(), QString::fromLatin1(MainWindow::HomePageId));
    {
        // The sync conflicts page reads this store through core; nothing to resolve here.
        MainWindow other(m_env->services(), session, m_env->settings(), {});
        QVERIFY(other.showPage(QString::fromLatin1(MainWindow::SyncConflictsPageId)));
        auto *conflicts = qobject_cast<shell::SyncConflictsPage *>(
            other.pageWidget(QString::fromLatin1(MainWindow::SyncConflictsPageId)));
        QVERIFY(conflicts);
        QCOMPARE(conflicts->model()->rowCount(), 0);
        QVERIFY(!conflicts->keepMineAction()->isEnabled());
    }
    QVERIFY(window.pageWidget(QString::fromLatin1(MainWindow::HomePageId)));
    // Pages are created lazily.
    QVERIFY(!window.pageWidget(QString::fromLatin1(MainWindow::UsersPageId)));

    // Keyboard: arrow down in the navigation list opens the next page.
    QListView *nav = window.navigationView();
    nav->setFocus();
    QTRY_VERIFY(nav->hasFocus());
    const int usersRow = window.navigationModel()->rowOf(
        QString::fromLatin1(MainWindow::UsersPageId));
    for (int i = 0; i < usersRow; ++i)
        QTest::keyClick(nav, Qt::Key_Down);
    QCOMPARE(window.currentPageId(), QString::fromLatin1(MainWindow::UsersPageId));
    auto *users = qobject_cast<shell::UsersPage *>(
        window.pageWidget(QString::fromLatin1(MainWindow::UsersPageId)));
    QVERIFY(users);
    QCOMPARE(window.pageStack()->currentWidget(), users);
    QVERIFY(users->model()->rowOf(QStringLiteral("mesa")) >= 0);

    // Ctrl+<n> jumps to a page as well.
    const int auditRow = window.navigationModel()->rowOf(
        QString::fromLatin1(MainWindow::AuditPageId));
    QVERIFY(auditRow >= 0 && auditRow < 9);
    QTest::keyClick(&window, Qt::Key(Qt::Key_1 + auditRow), Qt::ControlModifier);
    QCOMPARE(window.currentPageId(), QString::fromLatin1(MainWindow::AuditPageId));
    QCOMPARE(nav->currentIndex().row(), auditRow);

    // No input for a short while: the session locks and nothing of it stays visible.
    QSignalSpy locked(window.idleLock(), &core::IdleLock::locked);
    window.idleLock()->setTimeoutMs(300);
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 5000);
    QCOMPARE(locked.count(), 1);
    QVERIFY(window.lockScreen()->isVisible());
    QVERIFY(!nav->isVisible());
    QVERIFY(!window.pageWidget(QString::fromLatin1(MainWindow::UsersPageId))); // destroyed
    QVERIFY(!window.showPage(QString::fromLatin1(MainWindow::HomePageId)));    // refused

    // Unlock with the password, from the keyboard.
    auto *password = window.lockScreen()->findChild<QLineEdit *>(QStringLiteral("lockPassword"));
    QVERIFY(password);
    QTRY_VERIFY(password->hasFocus());
    QTest::keyClicks(password, ShellTestEnv::password());
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(!window.isLocked());
    QVERIFY(nav->isVisible());
    QCOMPARE(window.currentPageId(), QString::fromLatin1(MainWindow::AuditPageId));
    QVERIFY(window.pageWidget(QString::fromLatin1(MainWindow::AuditPageId))); // made again
}

void TestMainWindow::wrongPasswordKeepsLock()
{
    MainWindow window(m_env->services(), login(QStringLiteral("mesa")), m_env->settings(), {});
    window.show();
    window.lockSession();
    QVERIFY(window.isLocked());
    window.lockScreen()->setPassword(QStringLiteral("equivocada"));
    QVERIFY(!window.lockScreen()->tryUnlock());
    QVERIFY(window.isLocked());
    QCOMPARE(window.lockScreen()->errorText(), QStringLiteral("Usuario o contraseña incorrectos."));
}

void TestMainWindow::manualLockAndLogout()
{
    MainWindow window(m_env->services(), login(ShellTestEnv::adminUser()), m_env->settings(), {});
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(window.isLocked());
    // Menu actions that show data are off while locked.
    auto *settingsAction = window.findChild<QAction *>(QStringLiteral("actionSettings"));
    QVERIFY(settingsAction);
    QVERIFY(!settingsAction->isEnabled());

    QSignalSpy logout(&window, &MainWindow::logoutRequested);
    QSignalSpy quit(&window, &MainWindow::quitRequested);
    auto *logoutButton = window.lockScreen()->findChild<QPushButton *>(
        QStringLiteral("lockLogoutButton"));
    QVERIFY(logoutButton);
    logoutButton->click();
    QCOMPARE(logout.count(), 1);
    QCOMPARE(quit.count(), 0);
    QVERIFY(!window.isVisible());
}

void TestMainWindow::lockWhileAPageDialogIsOpen()
{
    MainWindow window(m_env->services(), login(ShellTestEnv::adminUser()), m_env->settings(), {});
    window.show();
    QVERIFY(window.showPage(QString::fromLatin1(MainWindow::UsersPageId)));
    QPointer<shell::UsersPage> users = qobject_cast<shell::UsersPage *>(
        window.pageWidget(QString::fromLatin1(MainWindow::UsersPageId)));
    QVERIFY(users);

    // The idle lock fires while the page's "new user" dialog runs its own event loop.
    bool dialogWasOpen = false;
    QTimer::singleShot(200, &window, [&] {
        dialogWasOpen = QApplication::activeModalWidget() != nullptr;
        window.idleLock()->lockNow();
    });
    users->showAddUserDialog(); // returns once the lock has rejected the dialog
    QVERIFY(dialogWasOpen);
    QVERIFY(window.isLocked());
    QVERIFY(!QApplication::activeModalWidget());
    QTRY_VERIFY(users.isNull()); // destroyed once the dialog's loop has unwound

    window.lockScreen()->setPassword(ShellTestEnv::password());
    QVERIFY(window.lockScreen()->tryUnlock());
    QVERIFY(window.pageWidget(QString::fromLatin1(MainWindow::UsersPageId)));
}

void TestMainWindow::pagesFollowRole()
{
    // The PGD committee reads the audit log but manages no users.
    MainWindow comite(m_env->services(), login(QStringLiteral("comite")), m_env->settings(), {});
    QStringList titles = navTitles(comite);
    QVERIFY2(titles.contains(QStringLiteral("Inicio")), qPrintable(titles.join(", ")));
    QVERIFY(titles.contains(QStringLiteral("Auditoría")));
    QVERIFY(!titles.contains(QStringLiteral("Usuarios")));
    QVERIFY(!comite.showPage(QString::fromLatin1(MainWindow::UsersPageId)));
    // Only the OTIC administrator resolves sync conflicts.
    QVERIFY(!titles.contains(QStringLiteral("Conflictos de sincronización")));
    QVERIFY(!comite.showPage(QString::fromLatin1(MainWindow::SyncConflictsPageId)));

    MainWindow mesa(m_env->services(), login(QStringLiteral("mesa")), m_env->settings(), {});
    titles = navTitles(mesa);
    QVERIFY(titles.contains(QStringLiteral("Inicio")));
    QVERIFY(!titles.contains(QStringLiteral("Usuarios")));
    QVERIFY(!titles.contains(QStringLiteral("Auditoría")));
    QVERIFY(!titles.contains(QStringLiteral("Conflictos de sincronización")));
}

void TestMainWindow::fileMenuFollowsRole()
{
    // USB bundles carry data: the PGD committee only reads, so it has no such action.
    MainWindow comite(m_env->services(), login(QStringLiteral("comite")), m_env->settings(), {});
    QVERIFY(!comite.findChild<QAction *>(QStringLiteral("actionBundles")));
    MainWindow mesa(m_env->services(), login(QStringLiteral("mesa")), m_env->settings(), {});
    auto *bundles = mesa.findChild<QAction *>(QStringLiteral("actionBundles"));
    QVERIFY(bundles);

    // An action the app adds (the sync server connection) sits in File and follows the lock.
    auto *extra = new QAction(QStringLiteral("Conectar"), &mesa);
    mesa.addFileAction(extra);
    const QList<QAction *> fileActions = mesa.menuBar()->actions().at(0)->menu()->actions();
    QVERIFY(fileActions.indexOf(extra) > fileActions.indexOf(bundles));
    QVERIFY(fileActions.indexOf(extra) < fileActions.indexOf(
                mesa.findChild<QAction *>(QStringLiteral("actionLock"))));
    QVERIFY(extra->isEnabled());
    mesa.lockSession();
    QVERIFY(!extra->isEnabled());
    QVERIFY(!bundles->isEnabled());
}

void TestMainWindow::layoutRemembered()
{
    const core::Session session = login(ShellTestEnv::adminUser());
    {
        MainWindow window(m_env->services(), session, m_env->settings(), {});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 640);
        QTRY_COMPARE(window.size(), QSize(900, 640));
        window.close();
    }
    QVERIFY(!m_env->settings().windowGeometry().isEmpty());
    QVERIFY(!m_env->settings().windowState().isEmpty());
    MainWindow again(m_env->services(), session, m_env->settings(), {});
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QTRY_COMPARE(again.size(), QSize(900, 640));
}

void TestMainWindow::statusBar()
{
    MainWindow::Options options;
    options.sedes = {{QStringLiteral("S01"), QStringLiteral("Palacio Municipal")}};
    m_env->settings().setSedeId(QStringLiteral("S01"));
    MainWindow window(m_env->services(),
                      login(ShellTestEnv::adminUser()),
                      m_env->settings(),
                      options);
    QVERIFY(window.shellStatusBar()->sedeText().contains(QStringLiteral("Palacio Municipal")));
    QVERIFY2(window.shellStatusBar()->storeText().startsWith(QStringLiteral("Almacén cifrado")),
             qPrintable(window.shellStatusBar()->storeText()));
    QVERIFY(window.shellStatusBar()->storeText().contains(QStringLiteral("prueba.tambo")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
