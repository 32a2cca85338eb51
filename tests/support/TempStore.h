#pragma once

#include "store/Store.h"

#include <QTemporaryDir>

#include <memory>

namespace tambo::test {

// An encrypted store in a fresh temporary folder, keyed by a MemoryKeyProvider; the folder and
// everything in it go away with the object. Tests check isValid() (or error()) first.
class TempStore
{
public:
    TempStore();
    ~TempStore();
    TempStore(const TempStore &) = delete;
    TempStore &operator=(const TempStore &) = delete;

    core::Store &store();    // aborts the test program when the store could not be opened
    QString path() const;    // the store file
    QByteArray key() const;  // its 32-byte key
    QString dirPath() const; // the temporary folder

    bool isValid() const { return m_store != nullptr; }
    QString error() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QByteArray m_key;
    QString m_path;
    std::unique_ptr<core::Store> m_store;
    QString m_error;
};

} // namespace tambo::test
