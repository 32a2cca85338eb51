#include "LockScreen.h"

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tambo::shell {

LockScreen::LockScreen(LoginDialog::Authenticator authenticate, QWidget *parent)
    : QWidget(parent)
    , m_authenticate(std::move(authenticate))
{
    setObjectName(QStringLiteral("lockScreen"));
    setAutoFillBackground(true);

    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("lockCard"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setStyleSheet(
        QStringLiteral("#lockCard { background: palette(base); border: 1px solid palette(mid);"
                       " border-radius: 8px; }"));
    card->setMaximumWidth(440);

    auto *icon = new QLabel(card);
    icon->setPixmap(QIcon(QStringLiteral(":/tambo/icons/lock.svg")).pixmap(48, 48));
    icon->setAlignment(Qt::AlignHCenter);

    auto *title = new QLabel(tr("Session locked"), card);
    title->setObjectName(QStringLiteral("lockTitle"));
    title->setAlignment(Qt::AlignHCenter);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_who = new QLabel(card);
    m_who->setObjectName(QStringLiteral("lockWho"));
    m_who->setAlignment(Qt::AlignHCenter);
    m_who->setWordWrap(true);

    m_password = new QLineEdit(card);
    m_password->setObjectName(QStringLiteral("lockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password"));
    m_password->setAccessibleName(tr("Password"));

    m_error = new QLabel(card);
    m_error->setObjectName(QStringLiteral("lockError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #8a1c12;"));
    m_error->hide();

    m_unlock = new QPushButton(tr("&Unlock"), card);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setDefault(true);
    auto *logout = new QPushButton(tr("Log &out"), card);
    logout->setObjectName(QStringLiteral("lockLogoutButton"));

    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::tryUnlock);
    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::tryUnlock);
    connect(logout, &QPushButton::clicked, this, &LockScreen::logoutRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(logout);
    buttons->addStretch();
    buttons->addWidget(m_unlock);

    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(28, 24, 28, 20);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(icon);
    cardLayout->addWidget(title);
    cardLayout->addWidget(m_who);
    cardLayout->addWidget(m_password);
    cardLayout->addWidget(m_error);
    cardLayout->addLayout(buttons);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(card, 1);
    row->addStretch();
    outer->addLayout(row);
    outer->addStretch(3);

    setTabOrder(m_password, m_unlock);
    setTabOrder(m_unlock, logout);
}

void LockScreen::setUser(const QString &username, const QString &fullName)
{
    m_username = username;
    m_who->setText(tr("The session of %1 (%2) was locked. Type your password to go on.")
                       .arg(fullName.isEmpty() ? username : fullName, username));
}

void LockScreen::setPassword(const QString &password)
{
    m_password->setText(password);
}

QString LockScreen::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void LockScreen::reset()
{
    m_password->clear();
    m_error->hide();
    m_password->setFocus();
}

bool LockScreen::tryUnlock()
{
    if (m_password->text().isEmpty()) {
        m_error->setText(tr("Please type your password."));
        m_error->show();
        m_password->setFocus();
        return false;
    }
    m_unlock->setEnabled(false);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const core::LoginResult result = m_authenticate ? m_authenticate(m_username, m_password->text())
                                                    : core::LoginResult{};
    QApplication::restoreOverrideCursor();
    m_unlock->setEnabled(true);
    m_password->clear();
    if (result.ok()) {
        m_error->hide();
        emit unlocked();
        return true;
    }
    m_error->setText(result.message.isEmpty()
                         ? tr("The password could not be checked. Log out and in again.")
                         : result.message);
    m_error->show();
    m_password->setFocus();
    return false;
}

} // namespace tambo::shell
