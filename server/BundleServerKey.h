#pragma once

#include "sync/BundleKeyPair.h"

#include <QString>
#include <QUuid>

#include <optional>

namespace tambo::server {

// tambo-server's bundle identity (docs/deployment.md "Sync bundles"): a server id and an
// Ed25519 key pair that signs server → PC bundles and (as X25519) opens PC → server bundles.
// Kept in a JSON file next to the configuration (mode 0600), created on first use; every
// instance that imports bundles uses a copy of the same file.
struct BundleServerKey
{
    QUuid serverId;
    core::BundleKeyPair keys;

    // Default location: "bundle-key.json" in the configuration file's folder.
    static QString defaultPath(const QString &configPath);
    // Reads the file, or creates it (new id and key) when it does not exist.
    static std::optional<BundleServerKey> loadOrCreate(const QString &path, QString *error);
    // The line an administrator gives `tambo-admin bundle trust`: "<server id> <public key hex>".
    QString publicLine() const;
};

} // namespace tambo::server
