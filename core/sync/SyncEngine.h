#pragma once

#include "module/SyncedTable.h"
#include "sync/SyncStatus.h"
#include "sync/SyncWorker.h"

#include <QList>
#include <QObject>
#include <QThread>
#include <QUuid>

namespace tambo::core {

class Clock;
class SecretStore;
class Store;

// The background sync of one store (GUIDE §5): a SyncWorker on its own thread with its own
// connection, retried on a timer with backoff and jitter. The shell talks only to this object:
// status()/statusChanged for the indicator, syncNow() for the "sync now" action, enroll() to
// connect the PC to the server. With a SecretStore (the OS keychain in the app) the server's
// refresh token is kept there, under refreshTokenName(), and read back at start, so a restarted
// PC syncs without asking for the password again. Main thread.
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

    // Before start(): where the refresh token is kept (not owned; must outlive the engine).
    void setSecretStore(SecretStore *secrets) { m_secrets = secrets; }
    static QString refreshTokenName(const QUuid &deviceId);

    void start();
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }
    SyncStatus status() const { return m_status; }

public slots:
    void syncNow();
    void setCredentials(const QString &accessToken, const QString &refreshToken);
    // Logs this PC in to the server as this user (registering the device the first time);
    // enrollFinished tells the outcome. The password is not kept.
    void enroll(const QString &username, const QString &password);

signals:
    void enrollFinished(bool ok, const QString &message);
    // The keychain could not keep the refresh token (the PC still syncs until it restarts).
    void secretStoreFailed(const QString &message);
    void statusChanged(const tambo::core::SyncStatus &status);
    void runFinished(bool ok, const QString &message);

private:
    QThread m_thread;
    SyncWorker *m_worker = nullptr; // lives in m_thread
    SyncStatus m_status;
    SecretStore *m_secrets = nullptr;
    QUuid m_deviceId;
};

} // namespace tambo::core
