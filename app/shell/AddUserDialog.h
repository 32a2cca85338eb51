#pragma once

#include "auth/NewUser.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace tambo::shell {

// Asks for a new account: username, full name, role, sede and an initial password (twice).
// Checks the form only; UserService checks again and has the last word.
class AddUserDialog : public QDialog
{
    Q_OBJECT

public:
    struct Choice
    {
        QString id;
        QString title;
    };

    explicit AddUserDialog(const QList<Choice> &roles,
                           const QList<Choice> &sedes,
                           QWidget *parent = nullptr);

    core::NewUser newUser() const;
    void setNewUser(const core::NewUser &user, const QString &confirmation);
    QString errorText() const;
    // Shown when the service refused the user (the dialog stays open to fix it).
    void showError(const QString &text);

public slots:
    void accept() override;

private:
    QString validate() const;

    QLineEdit *m_username = nullptr;
    QLineEdit *m_fullName = nullptr;
    QComboBox *m_role = nullptr;
    QComboBox *m_sede = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace tambo::shell
