#include "auth/IdleLock.h"

#include <limits>

namespace tambo::core {

IdleLock::IdleLock(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::lockNow);
}

void IdleLock::setTimeoutMinutes(int minutes)
{
    // QTimer takes an int of milliseconds: about 24 days at most, far more than anyone sets.
    constexpr int maxMinutes = std::numeric_limits<int>::max() / 60000;
    setTimeoutMs(qBound(0, minutes, maxMinutes) * 60000);
}

void IdleLock::setTimeoutMs(int ms)
{
    m_timeoutMs = qMax(0, ms);
    restart();
}

void IdleLock::activity()
{
    if (!m_locked && m_timeoutMs > 0)
        m_timer.start();
}

void IdleLock::lockNow()
{
    m_timer.stop();
    if (m_locked)
        return;
    m_locked = true;
    emit locked();
    emit lockedChanged(true);
}

void IdleLock::unlock()
{
    if (m_locked) {
        m_locked = false;
        emit unlocked();
        emit lockedChanged(false);
    }
    restart();
}

void IdleLock::restart()
{
    m_timer.stop();
    if (m_timeoutMs > 0 && !m_locked) {
        m_timer.setInterval(m_timeoutMs);
        m_timer.start();
    }
}

} // namespace tambo::core
