#pragma once

#include "LoginDialog.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tambo::shell {

// What the main window shows instead of its content while the session is locked (idle time or
// Ctrl+L): who is logged in and a password field. The password is checked again through the
// Authenticator (AuthService::login, so failures count towards the lockout).
class LockScreen : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(LoginDialog::Authenticator authenticate, QWidget *parent = nullptr);

    void setUser(const QString &username, const QString &fullName);
    void setPassword(const QString &password);
    QString errorText() const;
    // Clears the field and the error and takes the focus: call when the lock starts.
    void reset();

public slots:
    bool tryUnlock();

signals:
    void unlocked();
    void logoutRequested();

private:
    LoginDialog::Authenticator m_authenticate;
    QString m_username;
    QLabel *m_who = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_unlock = nullptr;
};

} // namespace tambo::shell
