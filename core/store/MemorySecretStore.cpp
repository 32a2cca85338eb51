#include "store/MemorySecretStore.h"

#include <QMutexLocker>

namespace tambo::core {

SecretStore::Result MemorySecretStore::read(const QString &name)
{
    QMutexLocker lock(&m_mutex);
    Result result;
    const auto it = m_values.constFind(name);
    if (it != m_values.cend()) {
        result.value = *it;
        result.found = true;
    }
    return result;
}

bool MemorySecretStore::write(const QString &name, const QByteArray &value, QString *error)
{
    QMutexLocker lock(&m_mutex);
    if (!m_failNext.isEmpty()) {
        if (error)
            *error = m_failNext;
        m_failNext.clear();
        return false;
    }
    m_values.insert(name, value);
    ++m_writes;
    return true;
}

bool MemorySecretStore::remove(const QString &name, QString *)
{
    QMutexLocker lock(&m_mutex);
    m_values.remove(name);
    return true;
}

void MemorySecretStore::failNext(const QString &error)
{
    QMutexLocker lock(&m_mutex);
    m_failNext = error;
}

int MemorySecretStore::writes() const
{
    QMutexLocker lock(&m_mutex);
    return m_writes;
}

} // namespace tambo::core
