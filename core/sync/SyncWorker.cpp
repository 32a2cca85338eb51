#include "sync/SyncWorker.h"

#include "store/Store.h"
#include "sync/BundleState.h"
#include "sync/LocalSyncStore.h"
#include "sync/ServerEnrollment.h"
#include "sync/SyncHttpClient.h"
#include "sync/SyncSession.h"
#include "util/Clock.h"

#include <QTimer>

namespace tambo::core {

SyncWorker::SyncWorker(Store &store, QList<SyncedTable> tables, const Clock &clock, Options options)
    : m_store(store)
    , m_tables(std::move(tables))
    , m_clock(clock)
    , m_options(std::move(options))
    , m_retry(m_options.retry, m_options.random)
{}

SyncWorker::~SyncWorker() = default;

void SyncWorker::start()
{
    m_local = std::make_unique<LocalSyncStore>(m_store.database(), m_tables, m_clock);
    makeClient();
    m_runTimer = new QTimer(this);
    m_runTimer->setSingleShot(true);
    connect(m_runTimer, &QTimer::timeout, this, &SyncWorker::runNow);
    m_countTimer = new QTimer(this);
    m_countTimer->setInterval(m_options.countIntervalMs);
    connect(m_countTimer, &QTimer::timeout, this, &SyncWorker::refreshCounts);
    m_countTimer->start();
    m_status.syncedAt = m_local->lastSynced();
    if (!m_client)
        m_status.message = tr("No sync server is configured on this PC.");
    if (const auto stop = m_local->syncStop()) {
        // Stopped before this start (seq_reused): said at once, not after the first run.
        m_status.stopped = true;
        m_status.message = stop->message;
    }
    emit statusChanged(m_status);
    refreshCounts();
    if (m_client)
        schedule(0);
}

void SyncWorker::makeClient()
{
    if (!m_options.serverUrl.isValid() || m_options.serverUrl.isEmpty())
        return;
    m_client = std::make_unique<SyncHttpClient>(
        SyncHttpClient::Options{m_options.serverUrl, m_options.caCertificate, 30000});
    m_client->setTokens(m_options.accessToken, m_options.refreshToken);
    // A restarted PC refreshes its kept session, which the server wants signed by the device.
    if (!m_options.deviceId.isNull()) {
        const BundleKeyPair key = BundleState(m_store.database()).deviceKey();
        if (key.isValid())
            m_client->setDeviceKey(m_options.deviceId, key.secretKey);
    }
    m_client->setTokensChangedCallback([this](const QString &, const QString &refreshToken) {
        m_options.refreshToken = refreshToken;
        emit refreshTokenChanged(refreshToken);
    });
}

void SyncWorker::enroll(const QString &username, const QString &password)
{
    if (!m_local)
        return;
    if (!m_client) {
        emit enrollFinished(false,
                            tr("No sync server is configured on this PC: enter its address in "
                               "File → Settings first."));
        return;
    }
    if (m_running) {
        emit enrollFinished(false, tr("A sync is running; try again in a moment."));
        return;
    }
    QString error;
    BundleState state(m_store.database());
    const BundleKeyPair key = state.deviceKey(&error);
    if (!key.isValid()) {
        emit enrollFinished(false, tr("The device key of this PC could not be read: %1").arg(error));
        return;
    }
    m_running = true;
    ServerEnrollment enrollment(*m_client, m_options.deviceId, key, m_options.deviceName);
    const ServerEnrollment::Result result = enrollment.enroll(username, password);
    m_running = false;
    // Kept for USB bundles: this user can then sign them on this PC (ADR 0015).
    if (result.ok && result.bundleKey)
        state.setUserKey(username, *result.bundleKey, &error);
    emit enrollFinished(result.ok, result.message);
    if (result.ok) {
        m_retry.reset(); // a fresh start for the backoff
        schedule(0);
    }
}

void SyncWorker::stop()
{
    if (m_runTimer)
        m_runTimer->stop();
    if (m_countTimer)
        m_countTimer->stop();
    m_client.reset();
    m_local.reset();
}

void SyncWorker::setCredentials(const QString &accessToken, const QString &refreshToken)
{
    m_options.accessToken = accessToken;
    m_options.refreshToken = refreshToken;
    if (m_client)
        m_client->setTokens(accessToken, refreshToken);
}

void SyncWorker::schedule(int delayMs)
{
    if (m_runTimer)
        m_runTimer->start(delayMs);
}

SyncStatus::State SyncWorker::stateFor(const SyncStatus &s) const
{
    // What matters most to the user first: a stopped sync (OTIC must act), refused changes,
    // then changes still waiting (with the reason in the message when there is no connection),
    // then the last good sync.
    if (s.stopped)
        return SyncStatus::State::Stopped;
    if (s.rejected > 0)
        return SyncStatus::State::Rejected;
    if (s.pending > 0)
        return SyncStatus::State::Pending;
    return m_connected && s.syncedAt.isValid() ? SyncStatus::State::Synced
                                               : SyncStatus::State::Offline;
}

void SyncWorker::refreshCounts()
{
    if (!m_local || m_running)
        return;
    SyncStatus s = m_status;
    s.pending = std::max(0, m_local->pendingCount());
    s.rejected = std::max(0, m_local->rejectedCount());
    s.conflicts = std::max(0, m_local->conflictCount());
    s.state = stateFor(s);
    publish(s);
}

void SyncWorker::publish(SyncStatus status)
{
    if (status == m_status)
        return;
    m_status = status;
    emit statusChanged(m_status);
}

void SyncWorker::runNow()
{
    if (m_running) {
        m_runAgain = true; // "sync now" during a run: one more run right after it
        return;
    }
    if (!m_local)
        return;
    if (const auto stop = m_local->syncStop()) {
        // Stopped (seq_reused) until OTIC enrols this PC again: nothing is sent or asked, no
        // run is scheduled; the counts still follow local writes.
        m_connected = false;
        SyncStatus s = m_status;
        s.stopped = true;
        s.message = stop->message;
        publish(s);
        refreshCounts();
        return;
    }
    if (!m_client) {
        refreshCounts();
        return;
    }
    if (!m_client->hasSession()) {
        m_connected = false;
        SyncStatus s = m_status;
        s.message = tr("This PC has no session with the sync server yet: its changes are kept "
                       "here until it has one.");
        publish(s);
        refreshCounts();
        return;
    }
    m_running = true;
    m_runTimer->stop();
    SyncStatus s = m_status;
    s.state = SyncStatus::State::Syncing;
    s.percent = 0;
    publish(s);

    SyncSession::Options options;
    options.deviceId = m_options.deviceId;
    options.sede = m_options.sede;
    options.area = m_options.area;
    options.pageSize = m_options.pageSize;
    options.pushBatch = m_options.pushBatch;
    SyncSession session(*m_local, *m_client, options);
    const SyncSession::Result result = session.run([this](int percent) {
        SyncStatus p = m_status;
        p.state = SyncStatus::State::Syncing;
        p.percent = percent;
        publish(p);
    });
    // The run is over: close the connection rather than leave it idle until the server's
    // keep-alive ends (an idle connection holds one of the server's workers; 871 PCs polling
    // every 30 s would keep dozens of them waiting).
    m_client->closeIdleConnections();
    m_running = false;
    if (result.anchor == SyncSession::AnchorOutcome::Refused) {
        // A tamper signal on the server (or a store restored from a backup): OTIC sees it there.
        qWarning("tambo sync: the server refused this PC's audit anchor: %s",
                 qPrintable(result.anchorMessage));
    }

    s = m_status;
    s.pending = std::max(0, m_local->pendingCount());
    s.rejected = std::max(0, m_local->rejectedCount());
    s.conflicts = std::max(0, m_local->conflictCount());
    s.percent = 0;
    s.clientTooOld = result.outcome == SyncSession::Outcome::ClientTooOld;
    s.stopped = result.outcome == SyncSession::Outcome::SeqReused;
    s.message = result.message;
    if (!m_client->hasSession())
        s.message = tr("The session with the sync server ended (expired or revoked). Connect "
                       "again with File → Connect to the sync server; this PC's changes are "
                       "kept.");
    m_connected = result.ok();
    if (result.ok()) {
        s.syncedAt = m_clock.now();
        m_local->setLastSynced(s.syncedAt);
    }
    s.state = stateFor(s);
    publish(s);
    emit runFinished(result.ok(), result.message);
    const int delay = m_retry.nextDelayMs(!result.ok());
    schedule(m_runAgain && result.ok() ? 0 : delay);
    m_runAgain = false;
}

} // namespace tambo::core
