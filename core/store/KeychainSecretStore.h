#pragma once

#include "store/SecretStore.h"

#include <QCoreApplication>

namespace tambo::core {

// SecretStore over the OS keychain through QtKeychain (Secret Service on Linux, Credential
// Manager on Windows): service "Tambo", key = the secret's name. Jobs run to completion in a local
// event loop with a time limit, like KeychainKeyProvider; the plain-text fallback is never used.
class KeychainSecretStore final : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::KeychainSecretStore)

public:
    explicit KeychainSecretStore(const QString &service = QStringLiteral("Tambo"),
                                 int timeoutMs = 30000);

    Result read(const QString &name) override;
    bool write(const QString &name, const QByteArray &value, QString *error = nullptr) override;
    bool remove(const QString &name, QString *error = nullptr) override;

private:
    QString unavailable(const QString &detail) const;

    QString m_service;
    int m_timeoutMs;
};

} // namespace tambo::core
