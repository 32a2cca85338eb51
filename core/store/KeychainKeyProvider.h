#pragma once

#include "store/KeyProvider.h"

#include <QCoreApplication>

namespace tambo::core {

// The key of a store kept in the operating system's keychain through QtKeychain: the Secret
// Service (GNOME Keyring, KWallet) on Linux, the Credential Manager on Windows. Entry: service
// "Tambo", key = the store id, value = the 32 raw bytes (binary data). QtKeychain's jobs are
// asynchronous; here they run to completion in a local QEventLoop (a QCoreApplication must exist),
// with a time limit so a keychain that never answers gives an error instead of a hang.
// QtKeychain's insecure plain-text fallback is never used.
class KeychainKeyProvider final : public KeyProvider
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::KeychainKeyProvider)

public:
    explicit KeychainKeyProvider(const QString &service = QStringLiteral("Tambo"),
                                 int timeoutMs = 30000);

    Result key(const QString &storeId, bool createIfMissing) override;
    QString description() const override;

    // Removes the key of storeId (tests, tambo-admin). Removing a missing key is not an error.
    bool removeKey(const QString &storeId, QString *error = nullptr);

    QString service() const { return m_service; }

    // true when a keychain answers (a read of a probe entry succeeds or finds nothing).
    static bool isAvailable(const QString &service = QStringLiteral("Tambo"));

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace tambo::core
