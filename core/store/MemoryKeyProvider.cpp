#include "store/MemoryKeyProvider.h"

#include "store/SecureWipe.h"

#include <QMutexLocker>

namespace tambo::core {

MemoryKeyProvider::~MemoryKeyProvider()
{
    for (QByteArray &key : m_keys)
        secureWipe(key);
}

KeyProvider::Result MemoryKeyProvider::key(const QString &storeId, bool createIfMissing)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_keys.constFind(storeId);
    if (it != m_keys.constEnd())
        return {*it, QString()};
    if (!createIfMissing)
        return {QByteArray(), tr("No key is known for the store “%1”.").arg(storeId)};
    const QByteArray key = KeyProvider::randomKey();
    m_keys.insert(storeId, key);
    return {key, QString()};
}

bool MemoryKeyProvider::setKey(const QString &storeId, const QByteArray &key)
{
    if (key.size() != 32)
        return false;
    QMutexLocker lock(&m_mutex);
    m_keys.insert(storeId, key);
    return true;
}

QString MemoryKeyProvider::description() const
{
    return tr("keys in memory (tests only)");
}

} // namespace tambo::core
