#pragma once

#include "auth/LoginResult.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tambo::core {
class AuthService;
}

namespace tambo::shell {

// Asks for username and password and checks them through an Authenticator (normally
// AuthService::login). Enter submits; errors are the translated LoginResult::message (a locked
// account says until when). Tests drive it without exec(): setUsername(), setPassword(),
// submit(), then lastResult() / errorText().
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    using Authenticator
        = std::function<core::LoginResult(const QString &username, const QString &password)>;

    explicit LoginDialog(Authenticator authenticate, QWidget *parent = nullptr);
    explicit LoginDialog(core::AuthService &auth, QWidget *parent = nullptr);

    void setUsername(const QString &username);
    void setPassword(const QString &password);
    QString username() const;

    // A short line under the title, e.g. the store and sede ("Almacén: demo.tambo").
    void setContextText(const QString &text);
    // A hint for the demo store (demo users); hidden when empty.
    void setHint(const QString &hint);

    const core::LoginResult &lastResult() const { return m_result; }
    core::Session session() const { return m_result.session; }
    QString errorText() const;

public slots:
    // Checks the credentials; accepts the dialog when they are right, else shows why.
    // Returns true when logged in.
    bool submit();

private:
    void build();
    void showError(const QString &text);

    Authenticator m_authenticate;
    core::LoginResult m_result;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_context = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_login = nullptr;
};

} // namespace tambo::shell
