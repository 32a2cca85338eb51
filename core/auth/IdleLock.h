#pragma once

#include <QObject>
#include <QTimer>

namespace tambo::core {

// Locks the session after a time without user activity. The shell feeds activity() from an
// event filter (keys, mouse) and shows its lock screen on locked(); after the user types their
// password again (AuthService::login) it calls unlock(). A timeout of 0 turns the lock off.
class IdleLock : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool locked READ isLocked NOTIFY lockedChanged)

public:
    explicit IdleLock(QObject *parent = nullptr);

    void setTimeoutMinutes(int minutes); // 0 = off
    void setTimeoutMs(int ms);           // for tests; 0 = off
    int timeoutMs() const { return m_timeoutMs; }
    bool isEnabled() const { return m_timeoutMs > 0; }
    bool isLocked() const { return m_locked; }

public slots:
    // The user did something: the idle time starts again (ignored while locked).
    void activity();
    // Locks now (e.g. from a "lock" button); emits locked() once.
    void lockNow();
    void unlock();

signals:
    void locked();
    void unlocked();
    void lockedChanged(bool locked);

private:
    void restart();

    QTimer m_timer;
    int m_timeoutMs = 0;
    bool m_locked = false;
};

} // namespace tambo::core
