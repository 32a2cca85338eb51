#include "store/Store.h"

#include "store/SecureWipe.h"
#include "store/SqlCipherDriver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>
#include <mutex>

namespace tambo::core {

namespace {

constexpr int BusyTimeoutMs = 5000;
// Decrypted pages live only in SQLite's page cache (the OS cache holds ciphertext), so a cache
// that holds the working set is what keeps SQLCipher close to plain SQLite (docs/performance.md).
// It grows only as pages are read.
constexpr int CacheSizeKib = 64 * 1024;

std::atomic<quint64> s_storeCounter{0};
std::atomic<quint64> s_connectionCounter{0};

// The connections the current thread opened, store id -> connection name. They are removed when
// the thread finishes (QThread::finished runs in the finishing thread; the thread_local
// destructor covers threads Qt did not start) unless Store::close() removed them first.
struct ThreadConnections
{
    QHash<QString, QString> byStore;
    bool watchingThread = false;

    void removeAll()
    {
        const QHash<QString, QString> connections = std::exchange(byStore, {});
        for (const QString &name : connections) {
            if (QSqlDatabase::contains(name))
                QSqlDatabase::removeDatabase(name);
        }
    }

    ~ThreadConnections() { removeAll(); }
};

ThreadConnections &threadConnections()
{
    thread_local ThreadConnections connections;
    if (!connections.watchingThread) {
        connections.watchingThread = true;
        if (QThread *thread = QThread::currentThread()) {
            QObject::connect(
                thread,
                &QThread::finished,
                thread,
                [] { threadConnections().removeAll(); },
                Qt::DirectConnection);
        }
    }
    return connections;
}

} // namespace

struct Store::Private
{
    QString path;
    QByteArray hexKey; // 64 hex digits, or empty for a plain file
    QString id;
    QString cipherVersion;
    bool encrypted = false;
    bool mustExist = false;

    mutable QMutex mutex;
    QSet<QString> connections; // every connection name this store opened, on any thread
    bool closed = false;
};

Store::Store(const QString &path, const QByteArray &key)
    : d(std::make_unique<Private>())
{
    d->path = path;
    d->hexKey = key.toHex();
    d->encrypted = !key.isEmpty();
    d->id = QStringLiteral("tambo.store.%1").arg(++s_storeCounter);
}

Store::~Store()
{
    close();
}

QString Store::driverName()
{
    return SqlCipherDriver::name();
}

void Store::registerDriver()
{
    static std::once_flag once;
    std::call_once(once, [] {
        QSqlDatabase::registerSqlDriver(driverName(), new QSqlDriverCreator<SqlCipherDriver>);
    });
}

QString Store::path() const
{
    return d->path;
}

QString Store::id() const
{
    return d->id;
}

QString Store::cipherVersion() const
{
    return d->cipherVersion;
}

bool Store::isEncrypted() const
{
    return d->encrypted;
}

Store::OpenResult Store::open(const QString &path, const QByteArray &key, OpenMode mode)
{
    registerDriver();
    OpenResult result;
    if (!key.isEmpty() && key.size() != 32) {
        result.error = tr("The store key must be 32 bytes long; this one has %1 bytes.")
                           .arg(key.size());
        return result;
    }
    if (path.isEmpty()) {
        result.error = tr("No store file was given.");
        return result;
    }
    const QFileInfo info(path);
    const QString absolutePath = info.absoluteFilePath();
    if (info.isDir()) {
        result.error = tr("%1 is a folder, not a store file.").arg(absolutePath);
        return result;
    }
    if (mode == OpenMode::MustExist && !info.exists()) {
        result.error = tr("The store file %1 does not exist.").arg(absolutePath);
        return result;
    }
    if (mode == OpenMode::CreateIfMissing) {
        const QString folder = info.absolutePath();
        if (!QDir().mkpath(folder)) {
            result.error = tr("The folder %1 for the store could not be created.").arg(folder);
            return result;
        }
        // A new store is readable by its owner only (0600; SQLite gives its -wal and -shm
        // files the same permissions). The content is encrypted, but other accounts on the
        // PC have no business copying it. An empty file is a new database to SQLite.
        QFile file(absolutePath);
        if (!info.exists()
            && !file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            && !QFileInfo::exists(absolutePath)) {
            result.error = tr("The store file %1 could not be created: %2")
                               .arg(absolutePath, file.errorString());
            return result;
        }
    }

    std::unique_ptr<Store> store(new Store(absolutePath, key));
    store->d->mustExist = mode == OpenMode::MustExist;
    {
        QSqlDatabase db = store->database();
        if (!db.isOpen()) {
            result.error = db.lastError().driverText();
            db = QSqlDatabase();
            store->close();
            return result;
        }
        QSqlQuery query(db);
        // WAL is a property of the file: set once here, every later connection uses it.
        if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next()
            || query.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
            result.error = tr("The store %1 could not switch to write-ahead logging: %2")
                               .arg(absolutePath, query.lastError().text());
        } else if (!query.exec(QStringLiteral("PRAGMA cipher_version")) || !query.next()) {
            result.error = tr("The store %1 did not report its SQLCipher version: %2")
                               .arg(absolutePath, query.lastError().text());
        } else {
            store->d->cipherVersion = query.value(0).toString();
            if (!key.isEmpty() && !store->d->cipherVersion.startsWith(u"4.")) {
                result.error = tr("The store needs SQLCipher 4, but this build has %1.")
                                   .arg(store->d->cipherVersion);
            }
        }
        query.finish();
    }
    if (!result.error.isEmpty()) {
        store->close();
        return result;
    }
    result.store = std::move(store);
    return result;
}

QSqlDatabase Store::database() const
{
    {
        QMutexLocker lock(&d->mutex);
        if (d->closed)
            return QSqlDatabase();
    }
    ThreadConnections &local = threadConnections();
    const QString existing = local.byStore.value(d->id);
    if (!existing.isEmpty()) {
        if (QSqlDatabase::contains(existing)) {
            QSqlDatabase db = QSqlDatabase::database(existing, false);
            if (db.isOpen())
                return db;
        }
        // Closed by someone, or its opening failed: make a new one (it may succeed now).
        local.byStore.remove(d->id);
        {
            QMutexLocker lock(&d->mutex);
            d->connections.remove(existing);
        }
        QSqlDatabase::removeDatabase(existing);
    }
    return openConnection();
}

QSqlDatabase Store::openConnection() const
{
    const QString name = QStringLiteral("%1.connection.%2").arg(d->id).arg(++s_connectionCounter);
    QString hexKey;
    {
        QMutexLocker lock(&d->mutex);
        if (d->closed)
            return QSqlDatabase();
        d->connections.insert(name);
        hexKey = QString::fromLatin1(d->hexKey);
    }
    threadConnections().byStore.insert(d->id, name);

    QSqlDatabase db = QSqlDatabase::addDatabase(driverName(), name);
    db.setDatabaseName(d->path);
    QString options = QStringLiteral(
                          "TAMBO_BUSY_TIMEOUT=%1;TAMBO_CACHE_SIZE_KIB=%2;TAMBO_FOREIGN_KEYS")
                          .arg(BusyTimeoutMs)
                          .arg(CacheSizeKib);
    if (d->mustExist)
        options += QStringLiteral(";TAMBO_MUST_EXIST");
    db.setConnectOptions(options);
    // open(user, password) hands the key to the driver without keeping it in QSqlDatabase. On
    // failure the database stays closed and lastError() tells why.
    db.open(QString(), hexKey);
    hexKey.fill(u'0');
    return db;
}

void Store::close()
{
    QSet<QString> names;
    {
        QMutexLocker lock(&d->mutex);
        if (d->closed)
            return;
        d->closed = true;
        names = std::exchange(d->connections, {});
        secureWipe(d->hexKey);
    }
    threadConnections().byStore.remove(d->id);
    for (const QString &name : std::as_const(names)) {
        if (QSqlDatabase::contains(name))
            QSqlDatabase::removeDatabase(name);
    }
}

} // namespace tambo::core
