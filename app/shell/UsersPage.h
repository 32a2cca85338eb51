#pragma once

#include "AddUserDialog.h"
#include "auth/Session.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;

namespace tambo::core {
class Clock;
class UserService;
} // namespace tambo::core

namespace tambo::shell {

class UserFilterProxyModel;
class UserTableModel;

// Built-in page "Users" (core.users.manage): the local accounts, a filter, and actions to add,
// lock and unlock accounts. Everything goes through UserService, which checks the session again.
class UsersPage : public QWidget
{
    Q_OBJECT

public:
    UsersPage(core::UserService &users,
              const core::Session &session,
              const core::Clock &clock,
              QWidget *parent = nullptr);

    // Sedes for the new-user dialog and the Sede column.
    void setSedes(const QList<AddUserDialog::Choice> &sedes);

    UserTableModel *model() const { return m_model; }
    UserFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    // The last confirmation or error shown above the table.
    QString messageText() const;

    // The same paths the buttons take, without dialogs (tests, scripts).
    bool addUser(const core::NewUser &user);
    bool setLocked(const QString &username, bool locked);
    QString currentUsername() const;
    bool selectUser(const QString &username);

public slots:
    bool reload();
    void showAddUserDialog();
    void lockCurrent();
    void unlockCurrent();

private:
    void showMessage(const QString &text, bool error);
    void updateActions();
    void fitColumns();

    core::UserService &m_users;
    core::Session m_session;
    const core::Clock &m_clock;
    QList<AddUserDialog::Choice> m_sedes;
    UserTableModel *m_model = nullptr;
    UserFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_add = nullptr;
    QAction *m_lock = nullptr;
    QAction *m_unlock = nullptr;
    QAction *m_reload = nullptr;
};

} // namespace tambo::shell
