#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace tambo::shell {

// Watches the whole application's keyboard, mouse and touch input (an event filter on qApp)
// and reports it, at most once every throttleMs, through activity(). The main window connects
// it to core::IdleLock::activity(), so the session locks after the configured idle time.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QObject *parent = nullptr);
    ~IdleWatcher() override;

    void setThrottleMs(int ms) { m_throttleMs = ms; }
    static bool isUserInput(int eventType);

signals:
    void activity();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QElapsedTimer m_sinceLast;
    int m_throttleMs = 250;
};

} // namespace tambo::shell
