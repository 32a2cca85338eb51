#include "store/KeychainKeyProvider.h"

#include "store/KeychainJob.h"
#include "store/SecureWipe.h"

#include <qt6keychain/keychain.h>

namespace tambo::core {

KeychainKeyProvider::KeychainKeyProvider(const QString &service, int timeoutMs)
    : m_service(service)
    , m_timeoutMs(timeoutMs)
{}

QString KeychainKeyProvider::description() const
{
    return tr("the system keychain");
}

static QString unavailableText(QString detail)
{
    while (detail.endsWith(u'.'))
        detail.chop(1);
    return QCoreApplication::translate(
               "tambo::core::KeychainKeyProvider",
               "The system keychain could not be used: %1. On Linux a Secret Service (GNOME "
               "Keyring or KWallet) must be running and unlocked; tambo-admin can use --key-file "
               "instead.")
        .arg(detail);
}

static QString timeoutText(int timeoutMs)
{
    return unavailableText(QCoreApplication::translate("tambo::core::KeychainKeyProvider",
                                                       "it did not answer within %1 seconds")
                               .arg(timeoutMs / 1000));
}

KeyProvider::Result KeychainKeyProvider::key(const QString &storeId, bool createIfMissing)
{
    {
        auto *read = new QKeychain::ReadPasswordJob(m_service);
        read->setKey(storeId);
        if (!runKeychainJob(read, m_timeoutMs))
            return {QByteArray(), timeoutText(m_timeoutMs)};
        const QKeychain::Error error = read->error();
        QByteArray data = read->binaryData();
        const QString errorString = read->errorString();
        delete read;
        if (error == QKeychain::NoError) {
            if (data.size() != KeySize) {
                const qsizetype size = data.size();
                secureWipe(data);
                return {QByteArray(),
                        tr("The keychain entry for the store “%1” is not a Tambo key (it holds %n "
                           "byte(s), a key has 32).",
                           nullptr,
                           int(size))
                            .arg(storeId)};
            }
            return {data, QString()};
        }
        if (error != QKeychain::EntryNotFound)
            return {QByteArray(), unavailableText(errorString)};
        if (!createIfMissing)
            return {QByteArray(),
                    tr("The system keychain holds no key for the store “%1”.").arg(storeId)};
    }

    QByteArray key = randomKey();
    auto *write = new QKeychain::WritePasswordJob(m_service);
    write->setKey(storeId);
    write->setBinaryData(key);
    if (!runKeychainJob(write, m_timeoutMs)) {
        secureWipe(key);
        return {QByteArray(), timeoutText(m_timeoutMs)};
    }
    const QKeychain::Error error = write->error();
    const QString errorString = write->errorString();
    delete write;
    if (error != QKeychain::NoError) {
        secureWipe(key);
        return {QByteArray(),
                tr("The new key of the store “%1” could not be saved in the system keychain: %2")
                    .arg(storeId, errorString)};
    }
    // Read it back: proves it is stored, and if another process created a key at the same time
    // the one that won is the one every process uses.
    secureWipe(key);
    Result stored = this->key(storeId, false);
    if (!stored.ok())
        stored.error = tr("The new key of the store “%1” was not found in the system keychain "
                          "after saving it: %2")
                           .arg(storeId, stored.error);
    return stored;
}

bool KeychainKeyProvider::removeKey(const QString &storeId, QString *error)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(storeId);
    if (!runKeychainJob(job, m_timeoutMs)) {
        if (error)
            *error = timeoutText(m_timeoutMs);
        return false;
    }
    const QKeychain::Error result = job->error();
    const QString errorString = job->errorString();
    delete job;
    if (result == QKeychain::NoError || result == QKeychain::EntryNotFound)
        return true;
    if (error)
        *error = unavailableText(errorString);
    return false;
}

bool KeychainKeyProvider::isAvailable(const QString &service)
{
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setKey(QStringLiteral("tambo-keychain-probe"));
    if (!runKeychainJob(job, 10000))
        return false;
    const QKeychain::Error error = job->error();
    delete job;
    return error == QKeychain::NoError || error == QKeychain::EntryNotFound;
}

} // namespace tambo::core
