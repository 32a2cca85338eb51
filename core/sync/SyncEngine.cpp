#include "sync/SyncEngine.h"

#include <QMetaObject>

namespace tambo::core {

SyncEngine::SyncEngine(
    Store &store, QList<SyncedTable> tables, const Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_worker(new SyncWorker(store, std::move(tables), clock, std::move(options)))
{
    qRegisterMetaType<tambo::core::SyncStatus>();
    m_thread.setObjectName(QStringLiteral("tambo-sync"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::statusChanged, this, [this](const SyncStatus &status) {
        m_status = status;
        emit statusChanged(status);
    });
    connect(m_worker, &SyncWorker::runFinished, this, &SyncEngine::runFinished);
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

} // namespace tambo::core
