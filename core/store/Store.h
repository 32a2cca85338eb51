#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace tambo::core {

// The local encrypted store: one SQLCipher 4 file opened through Tambo's own QtSql driver
// (SqlCipherDriver, registered as "TAMBOCIPHER"). WAL, foreign keys on, busy timeout.
// Every thread gets its own connection from database(); the object itself may be shared.
class Store
{
public:
    enum class OpenMode { CreateIfMissing, MustExist };

    struct OpenResult
    {
        std::unique_ptr<Store> store;
        QString error; // translated, clear, for the user
        bool ok() const { return store != nullptr; }
    };

    // key: 32 raw bytes. An empty key opens a plain (unencrypted) SQLite file: benchmarks only.
    static OpenResult open(const QString &path, const QByteArray &key,
                           OpenMode mode = OpenMode::CreateIfMissing);

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // The connection of the calling thread, opened on first use.
    QSqlDatabase database() const;
    QString path() const;
    // Closes and removes every connection this store opened (all threads must be done).
    void close();

    static QString driverName(); // "TAMBOCIPHER"
    static void registerDriver(); // idempotent; open() calls it

private:
    Store(const QString &path, const QByteArray &key);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace tambo::core
