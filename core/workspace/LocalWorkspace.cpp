#include "workspace/LocalWorkspace.h"

#include "store/KeyFileKeyProvider.h"
#include "store/KeychainKeyProvider.h"

#include <QDir>
#include <QFileInfo>

namespace tambo::core {

QString LocalWorkspace::demoKeyFilePath(const QString &demoStorePath)
{
    return demoStorePath + QStringLiteral(".key");
}

LocalWorkspace::Result LocalWorkspace::open(const QString &configuredStorePath, Clock *clock)
{
    Result result;
    result.demo = configuredStorePath.isEmpty();
    result.storePath = result.demo ? Workspace::defaultDemoStorePath() : configuredStorePath;

    std::unique_ptr<KeyProvider> keys;
    const QString keyFile = demoKeyFilePath(result.storePath);
    if (result.demo && QFileInfo::exists(keyFile)) {
        // A demo store made without a keychain keeps using its key file.
        keys = std::make_unique<KeyFileKeyProvider>(keyFile);
    } else if (KeychainKeyProvider::isAvailable()) {
        keys = std::make_unique<KeychainKeyProvider>();
    } else if (result.demo && !QFileInfo::exists(result.storePath)) {
        keys = std::make_unique<KeyFileKeyProvider>(keyFile);
    } else {
        result.error = result.demo
            ? tr("The demo store %1 exists but the system keychain that holds its key does not "
                 "answer. Start the keychain (GNOME Keyring / KWallet) and try again.")
                  .arg(QDir::toNativeSeparators(result.storePath))
            : tr("The system keychain does not answer, and the key of the store %1 is kept "
                 "there. Start the keychain (GNOME Keyring / KWallet, or the Windows Credential "
                 "Manager) and try again.")
                  .arg(QDir::toNativeSeparators(result.storePath));
        return result;
    }
    if (dynamic_cast<KeyFileKeyProvider *>(keys.get())) {
        result.warning = tr("There is no system keychain: the key of the demo store is in the "
                            "file %1. Use this store for demonstrations only.")
                             .arg(QDir::toNativeSeparators(keyFile));
    }
    result.keyDescription = keys->description();

    Workspace::Options options;
    options.storePath = result.storePath;
    options.keys = keys.get();
    options.clock = clock;
    options.createIfMissing = result.demo;
    auto opened = Workspace::open(options);
    if (!opened.ok()) {
        result.error = opened.error;
        return result;
    }
    if (result.demo) {
        QString error;
        if (!opened.workspace->seedDemo(&error)) {
            result.error = tr("The demo data could not be written: %1").arg(error);
            return result;
        }
    }
    result.workspace = std::move(opened.workspace);
    return result;
}

} // namespace tambo::core
