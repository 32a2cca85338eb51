#pragma once

#include "module/SyncedTable.h"
#include "sync/RetryPolicy.h"
#include "sync/SyncStatus.h"

#include <QList>
#include <QObject>
#include <QUrl>
#include <QUuid>

#include <memory>

class QTimer;

namespace tambo::core {

class Clock;
class LocalSyncStore;
class Store;
class SyncHttpClient;

// The sync engine's half that lives on its worker thread (SyncEngine owns the thread). It
// opens its own connection to the store there, runs SyncSession (push, then pull) when its
// timer fires or when asked, and reports a SyncStatus after every change. Between runs it
// re-counts the outbox every few seconds so "N pending" follows local writes; those writes
// never wait for it (the triggers only append to the outbox, and no transaction of the worker
// spans a network call).
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl serverUrl; // empty: no server configured (local only: counts, Offline)
        QString caCertificate;
        QUuid deviceId;
        QString deviceName; // shown to OTIC in the server's device list
        QString sede;
        QString area;
        QString accessToken;
        QString refreshToken;
        RetryPolicy::Options retry;
        RetryPolicy::Random random;
        int countIntervalMs = 3000;
        int pageSize = 500;
        int pushBatch = 100;
    };

    SyncWorker(Store &store, QList<SyncedTable> tables, const Clock &clock, Options options);
    ~SyncWorker() override;

public slots:
    void start(); // on the worker thread: open the connection, first run
    void stop();  // on the worker thread: timers off, connection objects gone
    void runNow();
    void setCredentials(const QString &accessToken, const QString &refreshToken);
    void refreshCounts();
    // Connects this PC to the server as this user (ServerEnrollment) and syncs right after.
    void enroll(const QString &username, const QString &password);

signals:
    void statusChanged(const tambo::core::SyncStatus &status);
    void runFinished(bool ok, const QString &message);
    void enrollFinished(bool ok, const QString &message);
    // The refresh token changed (login, refresh, or dropped: empty): keep it in the keychain.
    void refreshTokenChanged(const QString &refreshToken);

private:
    void publish(SyncStatus status);
    void schedule(int delayMs);
    void makeClient();
    SyncStatus::State stateFor(const SyncStatus &status) const;

    Store &m_store;
    QList<SyncedTable> m_tables;
    const Clock &m_clock;
    Options m_options;
    RetryPolicy m_retry;
    std::unique_ptr<LocalSyncStore> m_local;
    std::unique_ptr<SyncHttpClient> m_client;
    QTimer *m_runTimer = nullptr;
    QTimer *m_countTimer = nullptr;
    SyncStatus m_status;
    bool m_running = false;
    bool m_connected = false; // the last run reached the server and finished
    bool m_runAgain = false;
};

} // namespace tambo::core
