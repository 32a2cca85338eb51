#include "store/KeyFileKeyProvider.h"

#include "store/SecureWipe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace tambo::core {

KeyFileKeyProvider::KeyFileKeyProvider(const QString &filePath)
    : m_filePath(QFileInfo(filePath).absoluteFilePath())
{}

QString KeyFileKeyProvider::description() const
{
    return tr("key file %1").arg(QDir::toNativeSeparators(m_filePath));
}

KeyProvider::Result KeyFileKeyProvider::key(const QString &storeId, bool createIfMissing)
{
    Q_UNUSED(storeId) // one file, one key
    if (!QFileInfo::exists(m_filePath)) {
        if (!createIfMissing)
            return {QByteArray(),
                    tr("The key file %1 does not exist.").arg(QDir::toNativeSeparators(m_filePath))};
        return createKey();
    }
    return readKey();
}

KeyProvider::Result KeyFileKeyProvider::readKey() const
{
    const QString shown = QDir::toNativeSeparators(m_filePath);
    QFile file(m_filePath);
    if (QFileInfo(m_filePath).isDir())
        return {QByteArray(), tr("The key file %1 is a folder.").arg(shown)};
    if (!file.open(QIODevice::ReadOnly))
        return {QByteArray(),
                tr("The key file %1 could not be read: %2").arg(shown, file.errorString())};
    // Read one byte more than a key to tell "too long" from "exactly 32".
    QByteArray key = file.read(KeySize + 1);
    if (file.error() != QFileDevice::NoError) {
        secureWipe(key);
        return {QByteArray(),
                tr("The key file %1 could not be read: %2").arg(shown, file.errorString())};
    }
    if (key.size() != KeySize || !file.atEnd()) {
        const qint64 size = file.size();
        secureWipe(key);
        return {QByteArray(),
                tr("The key file %1 is not a Tambo key file: it must hold exactly 32 bytes, it "
                   "holds %2.")
                    .arg(shown)
                    .arg(size)};
    }
    return {key, QString()};
}

KeyProvider::Result KeyFileKeyProvider::createKey() const
{
    const QString shown = QDir::toNativeSeparators(m_filePath);
    const QString folder = QFileInfo(m_filePath).absolutePath();
    if (!QDir().mkpath(folder))
        return {QByteArray(),
                tr("The folder %1 for the key file could not be created.").arg(folder)};

    QFile file(m_filePath);
    // NewOnly: never overwrite a key that appeared meanwhile; 0600 from the start, so the key is
    // never readable by others, not even for a moment.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (file.error() == QFileDevice::OpenError && QFileInfo::exists(m_filePath))
            return readKey(); // created by someone else in the meantime
        return {QByteArray(),
                tr("The key file %1 could not be created: %2").arg(shown, file.errorString())};
    }
    QByteArray key = randomKey();
    bool written = file.write(key) == key.size() && file.flush();
#ifdef Q_OS_UNIX
    written = written && ::fsync(file.handle()) == 0;
#endif
    if (!written) {
        const QString reason = file.errorString();
        file.close();
        file.remove(); // nothing half-written stays behind
        secureWipe(key);
        return {QByteArray(), tr("The key file %1 could not be written: %2").arg(shown, reason)};
    }
    file.close();
    return {key, QString()};
}

} // namespace tambo::core
