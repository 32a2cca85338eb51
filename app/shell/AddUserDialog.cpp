#include "AddUserDialog.h"

#include "auth/UserService.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tambo::shell {

AddUserDialog::AddUserDialog(const QList<Choice> &roles, const QList<Choice> &sedes, QWidget *parent)
    : QDialog(parent)
    , m_username(new QLineEdit(this))
    , m_fullName(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_sede(new QComboBox(this))
    , m_password(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("addUserDialog"));
    setWindowTitle(tr("New user"));

    m_username->setObjectName(QStringLiteral("newUsername"));
    m_username->setMaxLength(32);
    m_username->setPlaceholderText(tr("e.g. jperez"));
    m_fullName->setObjectName(QStringLiteral("newFullName"));
    m_role->setObjectName(QStringLiteral("newRole"));
    for (const Choice &role : roles)
        m_role->addItem(role.title, role.id);
    m_sede->setObjectName(QStringLiteral("newSede"));
    m_sede->addItem(tr("(all sedes)"), QString());
    for (const Choice &sede : sedes)
        m_sede->addItem(sede.title, sede.id);
    m_password->setObjectName(QStringLiteral("newPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(
        tr("at least %n character(s)", nullptr, core::UserService::MinPasswordLength));
    m_confirm->setObjectName(QStringLiteral("newPasswordConfirm"));
    m_confirm->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Full name:"), m_fullName);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("S&ede:"), m_sede);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Confirm password:"), m_confirm);

    m_error->setObjectName(QStringLiteral("addUserError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #8a1c12;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("C&reate user"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Cancel"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &AddUserDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

core::NewUser AddUserDialog::newUser() const
{
    core::NewUser user;
    user.username = m_username->text().trimmed().toLower();
    user.fullName = m_fullName->text().simplified();
    user.roleId = m_role->currentData().toString();
    user.sedeId = m_sede->currentData().toString();
    user.password = m_password->text();
    return user;
}

void AddUserDialog::setNewUser(const core::NewUser &user, const QString &confirmation)
{
    m_username->setText(user.username);
    m_fullName->setText(user.fullName);
    m_role->setCurrentIndex(std::max(0, m_role->findData(user.roleId)));
    m_sede->setCurrentIndex(std::max(0, m_sede->findData(user.sedeId)));
    m_password->setText(user.password);
    m_confirm->setText(confirmation);
}

QString AddUserDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void AddUserDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString AddUserDialog::validate() const
{
    const core::NewUser user = newUser();
    if (QString problem = core::UserService::checkUsername(user.username); !problem.isEmpty())
        return problem;
    if (user.fullName.isEmpty())
        return tr("Please give the user's full name.");
    if (user.roleId.isEmpty())
        return tr("Please choose a role.");
    if (QString problem = core::UserService::checkPassword(user.password); !problem.isEmpty())
        return problem;
    if (user.password != m_confirm->text())
        return tr("The two passwords are not the same.");
    return {};
}

void AddUserDialog::accept()
{
    const QString problem = validate();
    showError(problem);
    if (problem.isEmpty())
        QDialog::accept();
}

} // namespace tambo::shell
