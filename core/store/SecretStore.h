#pragma once

#include <QByteArray>
#include <QString>

namespace tambo::core {

// Small named secrets of this PC that must not sit in a plain file: today the sync server's
// refresh token (docs/sync-protocol.md §6). KeychainSecretStore keeps them in the OS keychain
// (the apps); MemorySecretStore in memory (unit tests). A secret is never logged.
class SecretStore
{
public:
    struct Result
    {
        QByteArray value;
        bool found = false;
        QString error; // translated, for the user; empty when the store answered
        bool ok() const { return error.isEmpty(); }
    };

    virtual ~SecretStore() = default;

    virtual Result read(const QString &name) = 0;
    virtual bool write(const QString &name, const QByteArray &value, QString *error = nullptr) = 0;
    // Removing a missing secret is not an error.
    virtual bool remove(const QString &name, QString *error = nullptr) = 0;
};

} // namespace tambo::core
