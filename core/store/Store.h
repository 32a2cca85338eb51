#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace tambo::core {

// The local encrypted store: one SQLCipher 4 file opened through Tambo's own QtSql driver
// (SqlCipherDriver, registered as "TAMBOCIPHER"). WAL, foreign keys on, busy timeout 5 s, a page
// cache of up to 64 MiB per connection.
// Every thread gets its own connection from database(); the object itself may be shared.
//
// A thread's connection is removed when that thread finishes (QThread::finished, or the end of
// a non-Qt thread); close() removes the rest. A query text holds one statement (see
// SqlCipherDriver): run SQL scripts one statement at a time.
class Store
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::Store)

public:
    enum class OpenMode { CreateIfMissing, MustExist };

    struct OpenResult
    {
        std::unique_ptr<Store> store;
        QString error; // translated, clear, for the user
        bool ok() const { return store != nullptr; }
    };

    // key: 32 raw bytes. An empty key opens a plain (unencrypted) SQLite file: benchmarks only.
    // CreateIfMissing creates the parent folder and the file; MustExist refuses a missing file.
    static OpenResult open(const QString &path,
                           const QByteArray &key,
                           OpenMode mode = OpenMode::CreateIfMissing);

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // The connection of the calling thread, opened on first use with the same settings as the
    // first one (and opened anew if it was closed). When it cannot be opened the returned
    // database is not open and its lastError() says why; after close() it is invalid.
    QSqlDatabase database() const;
    QString path() const;
    // Closes and removes every connection this store opened (all threads must be done).
    void close();

    // Unique for the life of the process; prefix of this store's connection names.
    QString id() const;
    // SQLCipher's version as PRAGMA cipher_version answers it (e.g. "4.14.0 community").
    QString cipherVersion() const;
    // false for a plain SQLite file opened with an empty key (benchmarks only).
    bool isEncrypted() const;

    static QString driverName();  // "TAMBOCIPHER"
    static void registerDriver(); // idempotent; open() calls it

private:
    Store(const QString &path, const QByteArray &key);
    QSqlDatabase openConnection() const;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace tambo::core
