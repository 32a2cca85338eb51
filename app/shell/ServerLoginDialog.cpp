#include "ServerLoginDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace tambo::shell {

ServerLoginDialog::ServerLoginDialog(const QString &serverUrl,
                                     const QString &username,
                                     QWidget *parent)
    : QDialog(parent)
    , m_username(new QLineEdit(username, this))
    , m_password(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_hasServer(!serverUrl.trimmed().isEmpty())
{
    setObjectName(QStringLiteral("serverLoginDialog"));
    setWindowTitle(tr("Connect to the sync server"));

    auto *intro = new QLabel(tr("This PC sends its changes to the municipality's server and "
                                "receives those of its sede in the background. Enter your account "
                                "on the server; the password is not stored."),
                             this);
    intro->setWordWrap(true);

    auto *server = new QLabel(m_hasServer ? serverUrl : tr("(none configured)"), this);
    server->setObjectName(QStringLiteral("serverUrlLabel"));
    server->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_username->setObjectName(QStringLiteral("serverUsername"));
    m_username->setMaxLength(64);
    m_password->setObjectName(QStringLiteral("serverPassword"));
    m_password->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("Server:"), server);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);

    m_message->setObjectName(QStringLiteral("serverLoginMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_busy->setObjectName(QStringLiteral("serverLoginBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_connect = buttons->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("serverConnect"));
    m_connect->setDefault(true);
    m_close = buttons->addButton(tr("&Close"), QDialogButtonBox::RejectRole);
    connect(m_connect, &QPushButton::clicked, this, &ServerLoginDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_busy);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    if (!m_hasServer) {
        m_connect->setEnabled(false);
        m_username->setEnabled(false);
        m_password->setEnabled(false);
        showMessage(tr("No sync server is configured on this PC: enter its address in File → "
                       "Settings first."),
                    true);
    }
    (username.isEmpty() ? m_username : m_password)->setFocus(Qt::OtherFocusReason);
}

QString ServerLoginDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool ServerLoginDialog::isBusy() const
{
    return !m_busy->isHidden();
}

void ServerLoginDialog::submit()
{
    if (!m_hasServer || isBusy())
        return;
    const QString username = m_username->text().trimmed();
    if (username.isEmpty()) {
        showMessage(tr("Enter your username on the server."), true);
        m_username->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (m_password->text().isEmpty()) {
        showMessage(tr("Enter your password."), true);
        m_password->setFocus(Qt::OtherFocusReason);
        return;
    }
    const QString password = m_password->text();
    m_password->clear();
    setBusy(true);
    showMessage(tr("Connecting to the server…"), false);
    emit connectRequested(username, password);
}

void ServerLoginDialog::showResult(bool ok, const QString &message)
{
    setBusy(false);
    showMessage(message, !ok);
    if (ok) {
        m_connect->setEnabled(false);
        m_close->setDefault(true);
        m_close->setFocus(Qt::OtherFocusReason);
    } else {
        m_password->setFocus(Qt::OtherFocusReason);
    }
}

void ServerLoginDialog::setBusy(bool busy)
{
    // While the answer is awaited the fields are read-only, not disabled: the keyboard focus
    // stays where the user typed (a disabled field would drop it out of the dialog).
    m_busy->setVisible(busy);
    fitHeight();
    m_connect->setEnabled(!busy && m_hasServer);
    m_username->setReadOnly(busy);
    m_password->setReadOnly(busy);
}

void ServerLoginDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #8a1c12;")
                                   : QStringLiteral("color: #1d5e20;"));
    m_message->show();
    fitHeight();
}

void ServerLoginDialog::fitHeight()
{
    // Wrapped labels need height for the dialog's width, which the layout's minimum size does
    // not tell: grow to it when a message or the busy bar appears, so nothing is squeezed.
    layout()->activate();
    const int w = width();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(w)
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(w, needed);
}

} // namespace tambo::shell
