#include "IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace tambo::shell {

IdleWatcher::IdleWatcher(QObject *parent)
    : QObject(parent)
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

bool IdleWatcher::isUserInput(int eventType)
{
    switch (eventType) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::InputMethod:
        return true;
    default:
        return false;
    }
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (isUserInput(event->type())
        && (!m_sinceLast.isValid() || m_sinceLast.elapsed() >= m_throttleMs)) {
        m_sinceLast.start();
        emit activity();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tambo::shell
