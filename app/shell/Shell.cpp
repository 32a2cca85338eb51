#include "Shell.h"

#include "LoginDialog.h"

#include "auth/AuthService.h"

#include <QApplication>
#include <QMessageBox>
#include <QTimer>

namespace tambo::shell {

Shell::Shell(const ShellServices &services,
             core::AppSettings &settings,
             const Options &options,
             QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_settings(settings)
    , m_options(options)
{
    // Between logout and the next login no window is open: the shell decides when to quit.
    QApplication::setQuitOnLastWindowClosed(false);
}

Shell::~Shell()
{
    delete m_window.data();
}

bool Shell::start()
{
    if (!m_options.autoLoginUser.isEmpty()) {
        const core::LoginResult result = m_services.auth->login(m_options.autoLoginUser,
                                                                m_options.autoLoginPassword);
        m_options.autoLoginPassword.clear(); // once only
        if (result.ok()) {
            openMainWindow(result.session);
            return true;
        }
        QMessageBox::warning(nullptr,
                             tr("Tambo"),
                             tr("Automatic login failed: %1").arg(result.message));
    }
    return login();
}

bool Shell::login()
{
    LoginDialog dialog(*m_services.auth);
    dialog.setContextText(m_options.storeDescription);
    dialog.setHint(m_options.loginHint);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    openMainWindow(dialog.session());
    return true;
}

void Shell::openMainWindow(const core::Session &session)
{
    auto *window = new MainWindow(m_services, session, m_settings, m_options.window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_window = window;
    connect(window, &MainWindow::logoutRequested, this, &Shell::onLogout, Qt::QueuedConnection);
    connect(window, &MainWindow::quitRequested, this, [this] {
        emit finished();
        QCoreApplication::quit();
    });
    window->show();
    emit mainWindowShown(window);
}

void Shell::onLogout()
{
    // The window closes itself (and is deleted) after emitting logoutRequested.
    QTimer::singleShot(0, this, [this] {
        if (!login()) {
            emit finished();
            QCoreApplication::quit();
        }
    });
}

} // namespace tambo::shell
