#include "sync/SyncEngine.h"

#include "store/SecretStore.h"

#include <QMetaObject>

namespace tambo::core {

SyncEngine::SyncEngine(
    Store &store, QList<SyncedTable> tables, const Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_deviceId(options.deviceId)
{
    m_worker = new SyncWorker(store, std::move(tables), clock, std::move(options));
    qRegisterMetaType<tambo::core::SyncStatus>();
    m_thread.setObjectName(QStringLiteral("tambo-sync"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::statusChanged, this, [this](const SyncStatus &status) {
        m_status = status;
        emit statusChanged(status);
    });
    connect(m_worker, &SyncWorker::runFinished, this, &SyncEngine::runFinished);
    connect(m_worker, &SyncWorker::enrollFinished, this, &SyncEngine::enrollFinished);
    connect(m_worker, &SyncWorker::refreshTokenChanged, this, [this](const QString &token) {
        if (!m_secrets)
            return;
        QString error;
        const QString name = refreshTokenName(m_deviceId);
        const bool ok = token.isEmpty() ? m_secrets->remove(name, &error)
                                        : m_secrets->write(name, token.toUtf8(), &error);
        if (!ok)
            emit secretStoreFailed(error);
    });
}

QString SyncEngine::refreshTokenName(const QUuid &deviceId)
{
    return QStringLiteral("sync-refresh-token/") + deviceId.toString(QUuid::WithoutBraces);
}

SyncEngine::~SyncEngine()
{
    stop();
    if (!m_thread.isFinished() && !m_thread.isRunning())
        delete m_worker; // never started
}

void SyncEngine::start()
{
    if (m_thread.isRunning())
        return;
    if (m_secrets) {
        const SecretStore::Result stored = m_secrets->read(refreshTokenName(m_deviceId));
        if (!stored.ok())
            emit secretStoreFailed(stored.error);
        else if (stored.found)
            m_worker->setCredentials({}, QString::fromUtf8(stored.value)); // not started yet
    }
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &SyncWorker::start, Qt::QueuedConnection);
}

void SyncEngine::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_worker, &SyncWorker::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SyncEngine::syncNow()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::runNow, Qt::QueuedConnection);
}

void SyncEngine::setCredentials(const QString &accessToken, const QString &refreshToken)
{
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, accessToken, refreshToken] { w->setCredentials(accessToken, refreshToken); },
        Qt::QueuedConnection);
}

void SyncEngine::enroll(const QString &username, const QString &password)
{
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, username, password] { w->enroll(username, password); },
        Qt::QueuedConnection);
}

} // namespace tambo::core
