#pragma once

#include <QList>
#include <QMetaType>
#include <QSqlDriver>
#include <QSqlError>

struct sqlite3;
struct sqlite3_stmt;

namespace tambo::core {

class SqlCipherResult;

// Tambo's QtSql driver over SQLCipher 4's C API, written against the public QSqlDriver and
// QSqlResult API only (no Qt private headers, no QSqlCachedResult). Store registers it as
// "TAMBOCIPHER"; SQLCipher is linked statically with hidden symbols, so Qt's QSQLITE plugin and
// the system libsqlite3 are never involved.
//
// open(databaseName, user, password, host, port, options):
//  - password: the store key as 64 hexadecimal characters (32 bytes). It is applied with
//    sqlite3_key_v2() in SQLCipher's raw-key form x'<hex>' (no passphrase, no PRAGMA key built
//    from strings). An empty password opens a plain SQLite file (benchmarks only).
//  - right after keying, sqlite_master is read: a wrong key, a plain SQLite file opened with a
//    key, or a file that is not a database fail there with a clear error and nothing written.
//  - options, separated by ';': TAMBO_BUSY_TIMEOUT=<ms> (default 5000), TAMBO_CACHE_SIZE_KIB=<KiB>
//    (page cache of the connection; SQLite's default is 2 MiB), TAMBO_OPEN_READONLY,
//    TAMBO_MUST_EXIST (do not create the file), TAMBO_FOREIGN_KEYS (PRAGMA foreign_keys=ON).
//    Unknown options are an error.
//  - SQLCipher's own settings stay at the SQLCipher 4 defaults (4 KiB pages, AES-256-CBC,
//    HMAC-SHA512, cipher_memory_security off), so the sqlcipher shell or DB Browser for SQLite
//    open a store with nothing but its raw key.
//  - threading: SQLCipher is built with SQLITE_THREADSAFE=1 and the connection is opened without
//    SQLITE_OPEN_NOMUTEX/FULLMUTEX, i.e. in SQLite's default serialized mode. Like every QtSql
//    connection, one connection belongs to one thread (Store hands out one per thread).
//
// Placeholders: the driver answers NamedPlaceholders = false, so QSqlResult rewrites ":name"
// placeholders to "?" and binds by position; both styles work through QSqlQuery.
// One statement per exec: a query text holding a second statement is refused with an error
// (run scripts one statement at a time); trailing whitespace and comments are fine.
// Transactions start with BEGIN IMMEDIATE (BEGIN DEFERRED on read-only connections), so a writer
// waits for the busy timeout instead of failing when it upgrades a read lock.
class SqlCipherDriver final : public QSqlDriver
{
    Q_OBJECT

public:
    explicit SqlCipherDriver(QObject *parent = nullptr);
    ~SqlCipherDriver() override;

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString &databaseName,
              const QString &user,
              const QString &password,
              const QString &host,
              int port,
              const QString &options) override;
    void close() override;
    QSqlResult *createResult() const override;

    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;

    QStringList tables(QSql::TableType type) const override;
    QSqlRecord record(const QString &tableName) const override;
    QSqlIndex primaryIndex(const QString &tableName) const override;
    QString formatValue(const QSqlField &field, bool trimStrings = false) const override;
    QString escapeIdentifier(const QString &identifier, IdentifierType type) const override;

    // Interrupts the statement running on this connection (sqlite3_interrupt); thread-safe.
    bool cancelQuery() override;

    // true when the connection was opened with a key.
    bool isEncrypted() const { return m_encrypted; }

    // The Qt type a column of the given declared SQL type maps to (SQLite's affinity rules:
    // INT -> qlonglong, CHAR/CLOB/TEXT -> QString, BLOB -> QByteArray, REAL/FLOA/DOUB -> double,
    // BOOL -> bool, anything else -> QString). An empty declared type gives an invalid QMetaType.
    static QMetaType metaTypeForDeclaredType(const QString &declaredType);

    static QString name() { return QStringLiteral("TAMBOCIPHER"); }

private:
    friend class SqlCipherResult;

    bool failOpen(const QString &text, int code, sqlite3 *handle);
    bool execTransactionStatement(const char *sql, const QString &what);
    // Runs sql (one statement, optionally binding text to ?1) and calls onRow for each row.
    template<typename OnRow>
    bool forEachRow(const char *sql, const QString &parameter, OnRow onRow) const;
    // driverText (translated) + sqlite3_errmsg as databaseText + the extended result code.
    static QSqlError makeError(sqlite3 *db,
                               const QString &driverText,
                               QSqlError::ErrorType type,
                               int code);
    void registerResult(SqlCipherResult *result) const;
    void unregisterResult(SqlCipherResult *result) const;

    sqlite3 *m_db = nullptr;
    bool m_readOnly = false;
    bool m_encrypted = false;
    mutable QList<SqlCipherResult *> m_results; // live results, finalised on close()
};

} // namespace tambo::core
