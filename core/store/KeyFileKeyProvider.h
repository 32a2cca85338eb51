#pragma once

#include "store/KeyProvider.h"

#include <QCoreApplication>

namespace tambo::core {

// The key of a store kept in a file of exactly 32 random bytes, for tambo-admin scripts
// (--key-file). One file holds one key: the store id is not used. A new file is created with
// owner-only permissions (0600) and never overwritten. Anyone who can read the file can open the
// store: keep it beside the backups, not beside the store.
class KeyFileKeyProvider final : public KeyProvider
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::KeyFileKeyProvider)

public:
    explicit KeyFileKeyProvider(const QString &filePath);

    Result key(const QString &storeId, bool createIfMissing) override;
    QString description() const override;
    QString filePath() const { return m_filePath; }

private:
    Result readKey() const;
    Result createKey() const;

    QString m_filePath;
};

} // namespace tambo::core
