#include "LoginDialog.h"
#include "MainWindow.h"
#include "Shell.h"
#include "ShellTestEnv.h"

#include <QApplication>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace tambo;
using tambo::shell::LoginDialog;
using tambo::shell::Shell;
using tambo::test::ShellTestEnv;

namespace {
// Answers the next modal dialogs as a user would: message boxes are acknowledged, the login
// dialog gets `password` for `user` (or is cancelled when user is empty).
class ModalDriver : public QObject
{
public:
    ModalDriver(QString user, QString password)
        : m_user(std::move(user))
        , m_password(std::move(password))
    {
        connect(&m_timer, &QTimer::timeout, this, &ModalDriver::poke);
        m_timer.start(50);
    }
    int messageBoxes = 0;
    int logins = 0;

private:
    void poke()
    {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            ++messageBoxes;
            box->accept();
        } else if (auto *login = qobject_cast<LoginDialog *>(modal)) {
            ++logins;
            if (m_user.isEmpty()) {
                login->reject();
            } else {
                login->setUsername(m_user);
                login->setPassword(m_password);
                login->submit();
            }
        }
    }
    QTimer m_timer;
    QString m_user;
    QString m_password;
};
} // namespace

class TestShell : public QObject
{
    Q_OBJECT

private slots:
    void autoLogin();
    void failedAutoLoginFallsBackToDialog();
    void cancelledLogin();
    void logoutShowsLoginAgain();
};

void TestShell::autoLogin()
{
    ShellTestEnv env;
    QVERIFY2(env.open(), qPrintable(env.error()));
    Shell::Options options;
    options.autoLoginUser = ShellTestEnv::adminUser();
    options.autoLoginPassword = ShellTestEnv::password();
    Shell shell(env.services(), env.settings(), options);
    QSignalSpy shown(&shell, &Shell::mainWindowShown);
    QVERIFY(shell.start());
    QCOMPARE(shown.count(), 1);
    QVERIFY(shell.mainWindow());
    QVERIFY(shell.mainWindow()->isVisible());
    QCOMPARE(shell.mainWindow()->session().username, QStringLiteral("admin"));
    QVERIFY(!QApplication::quitOnLastWindowClosed());
}

void TestShell::failedAutoLoginFallsBackToDialog()
{
    ShellTestEnv env;
    QVERIFY2(env.open(), qPrintable(env.error()));
    Shell::Options options;
    options.autoLoginUser = ShellTestEnv::adminUser();
    options.autoLoginPassword = QStringLiteral("equivocada");
    Shell shell(env.services(), env.settings(), options);
    ModalDriver driver(QStringLiteral("mesa"), ShellTestEnv::password());
    QVERIFY(shell.start());
    QCOMPARE(driver.messageBoxes, 1); // "Automatic login failed: …"
    QCOMPARE(driver.logins, 1);
    QCOMPARE(shell.mainWindow()->session().username, QStringLiteral("mesa"));
}

void TestShell::cancelledLogin()
{
    ShellTestEnv env;
    QVERIFY2(env.open(), qPrintable(env.error()));
    Shell shell(env.services(), env.settings(), {});
    ModalDriver driver{QString(), QString()};
    QVERIFY(!shell.start());
    QVERIFY(!shell.mainWindow());
}

void TestShell::logoutShowsLoginAgain()
{
    ShellTestEnv env;
    QVERIFY2(env.open(), qPrintable(env.error()));
    Shell::Options options;
    options.autoLoginUser = ShellTestEnv::adminUser();
    options.autoLoginPassword = ShellTestEnv::password();
    Shell shell(env.services(), env.settings(), options);
    QVERIFY(shell.start());
    QPointer<shell::MainWindow> first = shell.mainWindow();

    // Log out; the next login is somebody else.
    ModalDriver driver(QStringLiteral("comite"), ShellTestEnv::password());
    QSignalSpy shown(&shell, &Shell::mainWindowShown);
    first->logout();
    QTRY_COMPARE(shown.count(), 1);
    QTRY_VERIFY(first.isNull()); // the old window is gone
    QCOMPARE(shell.mainWindow()->session().username, QStringLiteral("comite"));
    QCOMPARE(driver.logins, 1);
}

QTEST_MAIN(TestShell)
#include "tst_shell.moc"
