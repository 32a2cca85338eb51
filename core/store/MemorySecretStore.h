#pragma once

#include "store/SecretStore.h"

#include <QHash>
#include <QMutex>

namespace tambo::core {

// SecretStore in memory, for unit tests (the keychain is the one fake the rules allow there).
// failNext() makes the next write fail, to test what the caller does then. Thread-safe.
class MemorySecretStore final : public SecretStore
{
public:
    Result read(const QString &name) override;
    bool write(const QString &name, const QByteArray &value, QString *error = nullptr) override;
    bool remove(const QString &name, QString *error = nullptr) override;

    void failNext(const QString &error);
    int writes() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_values;
    QString m_failNext;
    int m_writes = 0;
};

} // namespace tambo::core
