#include "store/KeychainJob.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace tambo::core {

bool runKeychainJob(QKeychain::Job *job, int timeoutMs)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    bool finished = false;
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->start();
    if (!finished) {
        timer.start(timeoutMs);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    if (!finished) {
        QObject::disconnect(job, nullptr, &loop, nullptr);
        job->setAutoDelete(true);
        return false;
    }
    return true;
}

} // namespace tambo::core
