#pragma once

#include "module/SyncedTable.h"
#include "sync/SyncStatus.h"
#include "sync/SyncWorker.h"

#include <QList>
#include <QObject>
#include <QThread>

namespace tambo::core {

class Clock;
class Store;

// The background sync of one store (GUIDE §5): a SyncWorker on its own thread with its own
// connection, retried on a timer with backoff and jitter. The shell talks only to this object:
// status()/statusChanged for the indicator, syncNow() for the "sync now" action. Main thread.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    using Options = SyncWorker::Options;

    SyncEngine(Store &store,
               QList<SyncedTable> tables,
               const Clock &clock,
               Options options,
               QObject *parent = nullptr);
    ~SyncEngine() override; // stops the thread

    void start();
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }
    SyncStatus status() const { return m_status; }

public slots:
    void syncNow();
    void setCredentials(const QString &accessToken, const QString &refreshToken);

signals:
    void statusChanged(const tambo::core::SyncStatus &status);
    void runFinished(bool ok, const QString &message);

private:
    QThread m_thread;
    SyncWorker *m_worker = nullptr; // lives in m_thread
    SyncStatus m_status;
};

} // namespace tambo::core
