#pragma once

#include "store/KeyProvider.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

namespace tambo::core {

// Keys kept in memory only, for unit tests: one stable key per store id for the life of the
// object, 32 random bytes from QRandomGenerator::system() when first asked with createIfMissing.
class MemoryKeyProvider final : public KeyProvider
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::MemoryKeyProvider)

public:
    MemoryKeyProvider() = default;
    ~MemoryKeyProvider() override;

    Result key(const QString &storeId, bool createIfMissing) override;
    QString description() const override;

    // Puts a known key (32 bytes) for storeId; false when the size is wrong.
    bool setKey(const QString &storeId, const QByteArray &key);

private:
    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_keys;
};

} // namespace tambo::core
