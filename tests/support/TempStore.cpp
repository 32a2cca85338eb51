#include "TempStore.h"

#include "store/MemoryKeyProvider.h"

#include <QtGlobal>

namespace tambo::test {

TempStore::TempStore()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("temporary folder: %1").arg(m_dir.errorString());
        return;
    }
    m_path = m_dir.filePath(QStringLiteral("store.tambo"));
    core::MemoryKeyProvider keys;
    const core::KeyProvider::Result key = keys.key(m_path, true);
    if (!key.ok()) {
        m_error = key.error;
        return;
    }
    m_key = key.key;
    core::Store::OpenResult opened = core::Store::open(m_path, m_key);
    if (!opened.ok()) {
        m_error = opened.error;
        return;
    }
    m_store = std::move(opened.store);
}

TempStore::~TempStore()
{
    if (m_store)
        m_store->close();
}

core::Store &TempStore::store()
{
    if (!m_store)
        qFatal("TempStore: the store could not be opened: %s", qPrintable(m_error));
    return *m_store;
}

QString TempStore::path() const
{
    return m_path;
}

QByteArray TempStore::key() const
{
    return m_key;
}

QString TempStore::dirPath() const
{
    return m_dir.path();
}

} // namespace tambo::test
