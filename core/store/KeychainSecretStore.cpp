#include "store/KeychainSecretStore.h"

#include "store/KeychainJob.h"

#include <qt6keychain/keychain.h>

namespace tambo::core {

KeychainSecretStore::KeychainSecretStore(const QString &service, int timeoutMs)
    : m_service(service)
    , m_timeoutMs(timeoutMs)
{}

QString KeychainSecretStore::unavailable(const QString &detail) const
{
    return tr("The system keychain could not be used: %1").arg(detail);
}

SecretStore::Result KeychainSecretStore::read(const QString &name)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(name);
    Result result;
    if (!runKeychainJob(job, m_timeoutMs)) {
        result.error = unavailable(tr("it did not answer within %1 seconds").arg(m_timeoutMs / 1000));
        return result;
    }
    if (job->error() == QKeychain::NoError) {
        result.value = job->binaryData();
        result.found = true;
    } else if (job->error() != QKeychain::EntryNotFound) {
        result.error = unavailable(job->errorString());
    }
    delete job;
    return result;
}

bool KeychainSecretStore::write(const QString &name, const QByteArray &value, QString *error)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(name);
    job->setBinaryData(value);
    if (!runKeychainJob(job, m_timeoutMs)) {
        if (error)
            *error = unavailable(tr("it did not answer within %1 seconds").arg(m_timeoutMs / 1000));
        return false;
    }
    const bool ok = job->error() == QKeychain::NoError;
    if (!ok && error)
        *error = unavailable(job->errorString());
    delete job;
    return ok;
}

bool KeychainSecretStore::remove(const QString &name, QString *error)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(name);
    if (!runKeychainJob(job, m_timeoutMs)) {
        if (error)
            *error = unavailable(tr("it did not answer within %1 seconds").arg(m_timeoutMs / 1000));
        return false;
    }
    const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
    if (!ok && error)
        *error = unavailable(job->errorString());
    delete job;
    return ok;
}

} // namespace tambo::core
