#pragma once

#include <QByteArray>
#include <QString>

namespace tambo::core {

// Hands out the 256-bit key of a store. Implementations: KeychainKeyProvider (the OS keychain,
// the default for the apps), KeyFileKeyProvider (32 random bytes in a file; tambo-admin scripts
// only) and MemoryKeyProvider (unit tests). A key is never logged.
class KeyProvider
{
public:
    struct Result
    {
        QByteArray key; // 32 raw bytes when ok
        QString error;  // translated, for the user, when not ok
        bool ok() const { return error.isEmpty() && key.size() == 32; }
    };

    virtual ~KeyProvider() = default;

    // The key of the store named storeId (a stable id, e.g. the store's file name).
    // With createIfMissing, 32 random bytes are made and kept when there is none yet.
    virtual Result key(const QString &storeId, bool createIfMissing) = 0;

    // Short description for messages ("llavero del sistema", "archivo de clave …").
    virtual QString description() const = 0;

    // 32 random bytes (256 bits) from the system's cryptographically secure generator
    // (QRandomGenerator::system()): what every provider stores as a new key.
    static QByteArray randomKey();
    static constexpr int KeySize = 32;
};

} // namespace tambo::core
