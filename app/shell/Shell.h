#pragma once

#include "MainWindow.h"
#include "ShellServices.h"

#include <QObject>
#include <QPointer>

namespace tambo::core {
class AppSettings;
}

namespace tambo::shell {

class LoginDialog;

// Runs the desktop session: the login dialog, then the main window; "Log out" goes back to the
// login, "Exit" (or closing the login) quits the application. main() only builds one and calls
// start().
class Shell : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        MainWindow::Options window;
        QString storeDescription; // shown in the login dialog, e.g. "Almacén: demo.tambo"
        QString loginHint;        // demo store: which users exist
        // Automation (screenshots, demos): log in without the dialog. Only honoured by main()
        // for the demo store.
        QString autoLoginUser;
        QString autoLoginPassword;
    };

    Shell(const ShellServices &services,
          core::AppSettings &settings,
          const Options &options,
          QObject *parent = nullptr);
    ~Shell() override;

    // Shows the login (modal) and, once logged in, the main window. Returns false when the
    // user left at the login: the caller should then end without entering the event loop.
    bool start();

    MainWindow *mainWindow() const { return m_window; }

signals:
    void mainWindowShown(tambo::shell::MainWindow *window);
    void finished();

private:
    bool login();
    void openMainWindow(const core::Session &session);
    void onLogout();

    ShellServices m_services;
    core::AppSettings &m_settings;
    Options m_options;
    QPointer<MainWindow> m_window;
};

} // namespace tambo::shell
