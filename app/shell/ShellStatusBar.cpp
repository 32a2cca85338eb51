#include "ShellStatusBar.h"

#include "SyncIndicator.h"

#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QLabel>

namespace tambo::shell {

namespace {
QLabel *makeField(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setContentsMargins(6, 0, 6, 0);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}
} // namespace

ShellStatusBar::ShellStatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_user(makeField(QStringLiteral("statusUser"), this))
    , m_sede(makeField(QStringLiteral("statusSede"), this))
    , m_store(makeField(QStringLiteral("statusStore"), this))
    , m_sync(new SyncIndicator(this))
{
    setSizeGripEnabled(true);
    addWidget(m_user);
    addWidget(separator(this));
    addWidget(m_sede);
    addWidget(separator(this));
    addWidget(m_store, 1);
    addPermanentWidget(m_sync);
    setSede({});
}

void ShellStatusBar::setUser(const QString &fullName, const QString &roleTitle)
{
    m_user->setText(roleTitle.isEmpty() ? fullName : tr("%1 (%2)").arg(fullName, roleTitle));
    m_user->setToolTip(tr("Logged-in user"));
}

void ShellStatusBar::setSede(const QString &sedeName)
{
    m_sede->setText(sedeName.isEmpty() ? tr("Sede: not configured") : tr("Sede: %1").arg(sedeName));
    m_sede->setToolTip(tr("The sede this PC works for (File > Settings)"));
}

void ShellStatusBar::setStore(const QString &storePath, bool encrypted)
{
    const QString file = QFileInfo(storePath).fileName();
    m_store->setText(encrypted ? tr("Encrypted store: %1").arg(file)
                               : tr("Unencrypted store: %1").arg(file));
    m_store->setToolTip(QDir::toNativeSeparators(storePath));
}

QString ShellStatusBar::userText() const
{
    return m_user->text();
}

QString ShellStatusBar::sedeText() const
{
    return m_sede->text();
}

QString ShellStatusBar::storeText() const
{
    return m_store->text();
}

} // namespace tambo::shell
