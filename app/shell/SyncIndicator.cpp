#include "SyncIndicator.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>

#include <algorithm>

namespace tambo::shell {

namespace {
QString dotStyle(const char *color)
{
    return QStringLiteral("QLabel { background: %1; border-radius: 5px; }").arg(QLatin1String(color));
}
} // namespace

SyncIndicator::SyncIndicator(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("syncIndicator"));
    m_dot->setFixedSize(10, 10);
    m_label->setObjectName(QStringLiteral("syncIndicatorText"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    setCursor(Qt::PointingHandCursor);
    refresh();
}

QString SyncIndicator::text() const
{
    switch (m_state) {
    case State::Offline:
        return tr("Offline");
    case State::Pending:
        return tr("%n change(s) pending", nullptr, m_count);
    case State::Syncing:
        return tr("Syncing… %1%").arg(m_percent);
    case State::Synced:
        return tr("Synced at %1")
            .arg(QLocale().toString(m_syncedAt.toLocalTime().time(), QStringLiteral("HH:mm")));
    case State::Rejected:
        return tr("%n change(s) rejected", nullptr, m_count);
    case State::Stopped:
        return tr("Sync stopped");
    }
    return {};
}

QString SyncIndicator::toolTipText() const
{
    QString tip;
    switch (m_state) {
    case State::Offline:
        tip = tr("No connection to the server. Your work is kept in the encrypted local store "
                  "and will be sent when the connection returns.");
        break;
    case State::Pending:
        tip = tr("Changes saved on this PC that the server has not received yet.");
        break;
    case State::Syncing:
        tip = tr("Exchanging changes with the server.");
        break;
    case State::Synced:
        tip = tr("Everything was exchanged with the server on %1.")
            .arg(QLocale().toString(m_syncedAt.toLocalTime(), QLocale::ShortFormat));
        break;
    case State::Rejected:
        tip = tr("The server refused some changes. Click to review them.");
        break;
    case State::Stopped:
        tip = tr("This PC stopped syncing to protect the data. Its changes are kept here; call "
                 "OTIC.");
        break;
    }
    if (!m_detail.isEmpty())
        tip += QStringLiteral("\n\n") + m_detail;
    return tip;
}

void SyncIndicator::setOffline()
{
    m_state = State::Offline;
    refresh();
}

void SyncIndicator::setPending(int count)
{
    m_state = State::Pending;
    m_count = std::max(0, count);
    refresh();
}

void SyncIndicator::setSyncing(int percent)
{
    m_state = State::Syncing;
    m_percent = std::clamp(percent, 0, 100);
    refresh();
}

void SyncIndicator::setSynced(const QDateTime &at)
{
    m_state = State::Synced;
    m_syncedAt = at;
    refresh();
}

void SyncIndicator::setRejected(int count)
{
    m_state = State::Rejected;
    m_count = std::max(0, count);
    refresh();
}

void SyncIndicator::setStopped()
{
    m_state = State::Stopped;
    refresh();
}

void SyncIndicator::showStatus(const core::SyncStatus &status)
{
    m_detail = status.message;
    switch (status.state) {
    case core::SyncStatus::State::Offline:
        return setOffline();
    case core::SyncStatus::State::Pending:
        return setPending(status.pending);
    case core::SyncStatus::State::Syncing:
        return setSyncing(status.percent);
    case core::SyncStatus::State::Synced:
        return setSynced(status.syncedAt);
    case core::SyncStatus::State::Rejected:
        return setRejected(status.rejected);
    case core::SyncStatus::State::Stopped:
        return setStopped();
    }
}

void SyncIndicator::refresh()
{
    const char *color = "#8a8f98"; // grey: offline
    switch (m_state) {
    case State::Offline:
        break;
    case State::Pending:
        color = "#d98e04"; // amber
        break;
    case State::Syncing:
        color = "#1f6fb2"; // blue
        break;
    case State::Synced:
        color = "#2e8540"; // green
        break;
    case State::Rejected:
    case State::Stopped:
        color = "#c0392b"; // red
        break;
    }
    m_dot->setStyleSheet(dotStyle(color));
    m_label->setText(text());
    setToolTip(toolTipText());
    setAccessibleName(tr("Synchronization: %1").arg(text()));
}

void SyncIndicator::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit activated();
    QWidget::mouseReleaseEvent(event);
}

void SyncIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace tambo::shell
