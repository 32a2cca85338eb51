#include "LoginDialog.h"

#include "auth/AuthService.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tambo::shell {

LoginDialog::LoginDialog(Authenticator authenticate, QWidget *parent)
    : QDialog(parent)
    , m_authenticate(std::move(authenticate))
{
    build();
}

LoginDialog::LoginDialog(core::AuthService &auth, QWidget *parent)
    : LoginDialog([&auth](const QString &u, const QString &p) { return auth.login(u, p); }, parent)
{}

void LoginDialog::build()
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Tambo — Log in"));
    setWindowIcon(QIcon(QStringLiteral(":/tambo/icons/tambo.svg")));

    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/tambo/icons/tambo.svg")).pixmap(56, 56));

    auto *title = new QLabel(this);
    title->setTextFormat(Qt::RichText);
    title->setText(QStringLiteral("<div style='font-size:15pt; font-weight:600'>Tambo</div>"
                                  "<div>%1</div>")
                       .arg(tr("Municipalidad Provincial de Tacna").toHtmlEscaped()));

    m_context = new QLabel(this);
    m_context->setObjectName(QStringLiteral("loginContext"));
    m_context->setWordWrap(true);
    m_context->setStyleSheet(QStringLiteral("color: #5b6573;"));
    m_context->hide();

    auto *header = new QHBoxLayout;
    header->setSpacing(14);
    header->addWidget(logo, 0, Qt::AlignTop);
    auto *headerText = new QVBoxLayout;
    headerText->addWidget(title);
    headerText->addWidget(m_context);
    header->addLayout(headerText, 1);

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setMaxLength(64);
    m_username->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(256);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("loginHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setStyleSheet(QStringLiteral(
        "QLabel { background: #eef4fb; border: 1px solid #c5d7ee; border-radius: 4px;"
        " padding: 6px; color: #1d3b5e; }"));
    m_hint->hide();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; border: 1px solid #f5c2bd; border-radius: 4px;"
        " padding: 6px; color: #8a1c12; }"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_login = buttons->addButton(tr("&Log in"), QDialogButtonBox::AcceptRole);
    m_login->setObjectName(QStringLiteral("loginButton"));
    m_login->setDefault(true);
    QPushButton *quit = buttons->addButton(tr("E&xit"), QDialogButtonBox::RejectRole);
    quit->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 22, 24, 16);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);

    setTabOrder(m_username, m_password);
    setTabOrder(m_password, m_login);
    m_username->setFocus();
}

void LoginDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    if (!username.isEmpty())
        m_password->setFocus();
}

void LoginDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

QString LoginDialog::username() const
{
    return m_username->text().trimmed();
}

void LoginDialog::setContextText(const QString &text)
{
    m_context->setText(text);
    m_context->setVisible(!text.isEmpty());
}

void LoginDialog::setHint(const QString &hint)
{
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

QString LoginDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void LoginDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

bool LoginDialog::submit()
{
    if (username().isEmpty()) {
        showError(tr("Please type your username."));
        m_username->setFocus();
        return false;
    }
    if (m_password->text().isEmpty()) {
        showError(tr("Please type your password."));
        m_password->setFocus();
        return false;
    }

    m_login->setEnabled(false);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_result = m_authenticate ? m_authenticate(username(), m_password->text())
                              : core::LoginResult{};
    QApplication::restoreOverrideCursor();
    m_login->setEnabled(true);

    if (m_result.ok()) {
        m_error->hide();
        m_password->clear();
        accept();
        return true;
    }

    QString message = m_result.message;
    if (message.isEmpty()) {
        switch (m_result.status) {
        case core::LoginResult::Status::Locked:
            message = tr("This account is locked. Try again after %1.")
                          .arg(
                              m_result.lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm")));
            break;
        case core::LoginResult::Status::BadCredentials:
            message = tr("Wrong username or password.");
            break;
        default:
            message = tr("Cannot log in right now. Please ask the OTIC office for help.");
        }
    }
    showError(message);
    m_password->clear();
    m_password->setFocus();
    return false;
}

} // namespace tambo::shell
