#include "TempStore.h"

#include "store/MemoryKeyProvider.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using tambo::core::KeyProvider;
using tambo::core::Store;
using tambo::test::TempStore;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(bytes) == bytes.size();
}

// Opens (creating) a store at path, makes table t(v TEXT) and inserts rows of text.
bool createStoreWithRows(const QString &path, const QByteArray &key, const QString &text, int rows)
{
    Store::OpenResult opened = Store::open(path, key);
    if (!opened.ok())
        return false;
    QSqlDatabase db = opened.store->database();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v TEXT)")))
        return false;
    if (!db.transaction())
        return false;
    query.prepare(QStringLiteral("INSERT INTO t(v) VALUES(?)"));
    for (int i = 0; i < rows; ++i) {
        query.addBindValue(text);
        if (!query.exec())
            return false;
    }
    return db.commit();
}

const QString WrongKeyText = QStringLiteral("the key is wrong or the file is not a Tambo store");

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void cipherVersionIs4();
    void knownStringNeverOnDisk_data();
    void knownStringNeverOnDisk();
    void headerIsNotPlainSqlite();
    void reopenWithSameKey();
    void wrongKeyIsClearAndLeavesFileUnchanged();
    void plainFileWithKeyIsRefused();
    void encryptedFileWithoutKeyIsRefused();
    void garbageFileIsRefused_data();
    void garbageFileIsRefused();
    void badKeySizeIsRefused();
    void mustExistRefusesMissingFile();
    void createsParentFolder();
    void newStoreIsOwnerOnly();
    void connectionSettings();
    void fts5MatchesWithoutDiacritics();
    void transactionRollbackDiscards();
    void oneConnectionPerThread();
    void readersAndWriterOnSeveralThreads();
    void closeRemovesConnections();
    void neverLoadsQSqliteOrSystemSqlite();
};

void TestStore::initTestCase()
{
    Store::registerDriver();
    Store::registerDriver(); // idempotent
    QVERIFY(QSqlDatabase::isDriverAvailable(Store::driverName()));
    QCOMPARE(Store::driverName(), QStringLiteral("TAMBOCIPHER"));
}

void TestStore::cipherVersionIs4()
{
    TempStore temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.error()));
    QVERIFY(temp.store().isEncrypted());
    QVERIFY2(temp.store().cipherVersion().startsWith(u"4."),
             qPrintable(temp.store().cipherVersion()));
    QSqlQuery query(temp.store().database());
    QVERIFY(query.exec(QStringLiteral("PRAGMA cipher_version")));
    QVERIFY(query.next());
    QVERIFY2(query.value(0).toString().startsWith(u"4."), qPrintable(query.value(0).toString()));
}

void TestStore::knownStringNeverOnDisk_data()
{
    QTest::addColumn<bool>("encrypted");
    // The plain row is the control: the same search finds the string when nothing is encrypted.
    QTest::newRow("sqlcipher") << true;
    QTest::newRow("plain sqlite (control)") << false;
}

void TestStore::knownStringNeverOnDisk()
{
    QFETCH(bool, encrypted);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("secret.tambo"));
    const QByteArray key = encrypted ? KeyProvider::randomKey() : QByteArray();
    const QString secret = QStringLiteral("EXPEDIENTE-740899500006-Pérez-Tacna");
    const QByteArray needle = secret.toUtf8();

    Store::OpenResult opened = Store::open(path, key);
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    QSqlDatabase db = opened.store->database();
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT, b BLOB)")));
    QVERIFY(db.transaction());
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO t(v, b) VALUES(?, ?)")));
    for (int i = 0; i < 200; ++i) {
        query.addBindValue(secret);
        query.addBindValue(needle);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }
    QVERIFY(db.commit());

    // Committed pages sit in the -wal file until a checkpoint.
    const QString wal = path + QStringLiteral("-wal");
    const QByteArray walBytes = readAll(wal);
    QVERIFY2(walBytes.size() > 4096, "the WAL should hold the committed pages");
    QCOMPARE(walBytes.contains(needle), !encrypted);
    QCOMPARE(readAll(path).contains(needle), false); // not checkpointed yet
    QCOMPARE(readAll(path + QStringLiteral("-shm")).contains(needle), false);

    QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0); // not busy
    query.finish();
    const QByteArray dbBytes = readAll(path);
    QVERIFY(dbBytes.size() >= 200 * needle.size());
    QCOMPARE(dbBytes.contains(needle), !encrypted);
    QCOMPARE(readAll(wal).contains(needle), false);

    // And after close (the last connection checkpoints and removes the WAL).
    query = QSqlQuery();
    db = QSqlDatabase();
    opened.store->close();
    QCOMPARE(readAll(path).contains(needle), !encrypted);
    QVERIFY(!QFileInfo::exists(wal));
}

void TestStore::headerIsNotPlainSqlite()
{
    QTemporaryDir dir;
    const QString cipherPath = dir.filePath(QStringLiteral("c.tambo"));
    const QString plainPath = dir.filePath(QStringLiteral("p.sqlite"));
    QVERIFY(createStoreWithRows(cipherPath, KeyProvider::randomKey(), QStringLiteral("x"), 1));
    QVERIFY(createStoreWithRows(plainPath, QByteArray(), QStringLiteral("x"), 1));
    const QByteArray magic("SQLite format 3\0", 16);
    QCOMPARE(readAll(plainPath).left(16), magic); // control
    const QByteArray header = readAll(cipherPath).left(16);
    QCOMPARE(header.size(), 16);
    QVERIFY(header != magic);
}

void TestStore::reopenWithSameKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reopen.tambo"));
    const QByteArray key = KeyProvider::randomKey();
    QVERIFY(createStoreWithRows(path, key, QStringLiteral("Tacna"), 3));

    Store::OpenResult again = Store::open(path, key, Store::OpenMode::MustExist);
    QVERIFY2(again.ok(), qPrintable(again.error));
    QSqlQuery query(again.store->database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*), min(v) FROM t")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), 3);
    QCOMPARE(query.value(1).toString(), QStringLiteral("Tacna"));
}

void TestStore::wrongKeyIsClearAndLeavesFileUnchanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locked.tambo"));
    QVERIFY(createStoreWithRows(path, KeyProvider::randomKey(), QStringLiteral("dato"), 50));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    const QByteArray before = readAll(path);
    const QDateTime modified = QFileInfo(path).lastModified();
    QVERIFY(before.size() > 0);

    for (Store::OpenMode mode : {Store::OpenMode::MustExist, Store::OpenMode::CreateIfMissing}) {
        Store::OpenResult opened = Store::open(path, KeyProvider::randomKey(), mode);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error.contains(WrongKeyText), qPrintable(opened.error));
    }
    QCOMPARE(QFileInfo(path).size(), qint64(before.size()));
    QCOMPARE(readAll(path), before);
    QCOMPARE(QFileInfo(path).lastModified(), modified);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-journal")));
}

void TestStore::plainFileWithKeyIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plain.sqlite"));
    // A plain SQLite file, made with the same driver and an empty key.
    QVERIFY(createStoreWithRows(path, QByteArray(), QStringLiteral("sin cifrar"), 5));
    const QByteArray before = readAll(path);
    QVERIFY(before.startsWith("SQLite format 3"));

    Store::OpenResult opened = Store::open(path, KeyProvider::randomKey());
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error.contains(WrongKeyText), qPrintable(opened.error));
    QCOMPARE(readAll(path), before);
}

void TestStore::encryptedFileWithoutKeyIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("enc.tambo"));
    QVERIFY(createStoreWithRows(path, KeyProvider::randomKey(), QStringLiteral("x"), 1));
    const QByteArray before = readAll(path);
    Store::OpenResult opened = Store::open(path, QByteArray());
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error.contains(WrongKeyText), qPrintable(opened.error));
    QCOMPARE(readAll(path), before);
}

void TestStore::garbageFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QByteArray random(8192, Qt::Uninitialized);
    QRandomGenerator generator(20260302);
    for (char &c : random)
        c = char(generator.bounded(256));
    QTest::newRow("random bytes") << random;
    QTest::newRow("text") << QByteArray("Municipalidad Provincial de Tacna\n").repeated(200);
    QByteArray fakeHeader("SQLite format 3\0", 16);
    fakeHeader += random;
    QTest::newRow("sqlite magic, garbage after") << fakeHeader;
}

void TestStore::garbageFileIsRefused()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage.tambo"));
    QVERIFY(writeAll(path, content));
    Store::OpenResult opened = Store::open(path, KeyProvider::randomKey());
    QVERIFY(!opened.ok());
    QVERIFY2(!opened.error.isEmpty(), "an error text is expected");
    QVERIFY2(opened.error.contains(WrongKeyText) || opened.error.contains(u"could not be read"),
             qPrintable(opened.error));
    QCOMPARE(readAll(path), content);
}

void TestStore::badKeySizeIsRefused()
{
    QTemporaryDir dir;
    Store::OpenResult opened = Store::open(dir.filePath(QStringLiteral("k.tambo")),
                                           QByteArray(16, 'k'));
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error.contains(u"32 bytes"), qPrintable(opened.error));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("k.tambo"))));
}

void TestStore::mustExistRefusesMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.tambo"));
    Store::OpenResult opened = Store::open(path,
                                           KeyProvider::randomKey(),
                                           Store::OpenMode::MustExist);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error.contains(u"does not exist"), qPrintable(opened.error));
    QVERIFY(!QFileInfo::exists(path));
}

void TestStore::createsParentFolder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a/b/c/store.tambo"));
    Store::OpenResult opened = Store::open(path, KeyProvider::randomKey());
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    QCOMPARE(opened.store->path(), QFileInfo(path).absoluteFilePath());
    QVERIFY(QFileInfo::exists(path));
}

void TestStore::newStoreIsOwnerOnly()
{
    // Whatever the umask, a new store and its write-ahead log are readable by the owner only.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.tambo"));
    Store::OpenResult opened = Store::open(path, KeyProvider::randomKey());
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    QSqlQuery query(opened.store->database());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE t (x INTEGER)")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                        | QFileDevice::WriteOther;
    for (const QString &file : {path, path + QStringLiteral("-wal")}) {
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
        const QFileDevice::Permissions p = QFile::permissions(file);
        QVERIFY2((p & ownerOnly) == ownerOnly && !(p & others), qPrintable(file));
    }
}

void TestStore::connectionSettings()
{
    TempStore temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.error()));
    auto check = [&](QSqlDatabase db, QString *problem) {
        QSqlQuery query(db);
        const std::pair<const char *, QString> expected[] = {
            {"PRAGMA journal_mode", QStringLiteral("wal")},
            {"PRAGMA foreign_keys", QStringLiteral("1")},
            {"PRAGMA busy_timeout", QStringLiteral("5000")},
            {"PRAGMA cache_size", QStringLiteral("-65536")},
        };
        for (const auto &[pragma, value] : expected) {
            if (!query.exec(QString::fromLatin1(pragma)) || !query.next()
                || query.value(0).toString() != value) {
                *problem = QStringLiteral("%1 answered %2")
                               .arg(QString::fromLatin1(pragma), query.value(0).toString());
                return;
            }
        }
    };
    QString problem;
    check(temp.store().database(), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // A connection made later, on another thread, has the same settings.
    std::unique_ptr<QThread> thread(
        QThread::create([&] { check(temp.store().database(), &problem); }));
    thread->start();
    QVERIFY(thread->wait(30000));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestStore::fts5MatchesWithoutDiacritics()
{
    TempStore temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.error()));
    QSqlQuery query(temp.store().database());
    QVERIFY2(query.exec(QStringLiteral("CREATE VIRTUAL TABLE personas USING fts5(nombre, "
                                       "tokenize = 'unicode61 remove_diacritics 2')")),
             qPrintable(query.lastError().text()));
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO personas(nombre) VALUES(?)")));
    for (const QString &name : {QStringLiteral("Juan Pérez Mamani"),
                                QStringLiteral("Rosa Quispe"),
                                QStringLiteral("Ñusta Ávila")}) {
        query.addBindValue(name);
        QVERIFY(query.exec());
    }
    QVERIFY(query.prepare(QStringLiteral("SELECT nombre FROM personas WHERE personas MATCH ?")));
    query.addBindValue(QStringLiteral("perez"));
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("Juan Pérez Mamani"));
    QVERIFY(!query.next());
    query.addBindValue(QStringLiteral("avila"));
    QVERIFY(query.exec());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("Ñusta Ávila"));
}

void TestStore::transactionRollbackDiscards()
{
    TempStore temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.error()));
    QSqlDatabase db = temp.store().database();
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE t(v INTEGER)")));
    QVERIFY(db.transaction());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES(1)")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES(2)")));
    QVERIFY(db.rollback());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM t")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), 0);
    query.finish();

    QVERIFY(db.transaction());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES(3)")));
    QVERIFY(db.commit());
    // Seen by another connection (another thread), so it really is on disk.
    qlonglong seen = -1;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        QSqlQuery q(temp.store().database());
        if (q.exec(QStringLiteral("SELECT sum(v) FROM t")) && q.next())
            seen = q.value(0).toLongLong();
    }));
    thread->start();
    QVERIFY(thread->wait(30000));
    QCOMPARE(seen, 3);
}

void TestStore::oneConnectionPerThread()
{
    TempStore temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.error()));
    const QString mainName = temp.store().database().connectionName();
    QCOMPARE(temp.store().database().connectionName(), mainName);
    QVERIFY(mainName.startsWith(temp.store().id()));

    QString threadName;
    QString threadNameAgain;
    bool threadOpen = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        QSqlDatabase db = temp.store().database();
        threadOpen = db.isOpen();
        threadName = db.connectionName();
        threadNameAgain = temp.store().database().connectionName();
    }));
    thread->start();
    QVERIFY(thread->wait(30000));
    QVERIFY(threadOpen);
    QVERIFY(!threadName.isEmpty());
    QVERIFY(threadName != mainName);
    QCOMPARE(threadNameAgain, threadName);
    // The thread finished: its connection is gone, the main thread's stays.
    QVERIFY(!QSqlDatabase::contains(threadName));
    QVERIFY(QSqlDatabase::contains(mainName));

    // A connection someone closed is opened anew.
    {
        QSqlDatabase db = temp.store().database();
        db.close();
    }
    QSqlDatabase reopened = temp.store().database();
    QVERIFY(reopened.isOpen());
    QVERIFY(reopened.connectionName() != mainName);
    QVERIFY(!QSqlDatabase::contains(mainName));
    QSqlQuery query(reopened);
    QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestStore::readersAndWriterOnSeveralThreads()
{
    TempStore temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.error()));
    Store &store = temp.store();
    {
        QSqlQuery query(store.database());
        QVERIFY(query.exec(QStringLiteral(
            "CREATE TABLE movimiento(id INTEGER PRIMARY KEY, codigo TEXT NOT NULL, n INTEGER)")));
    }

    constexpr int Transactions = 100;
    constexpr int RowsPerTransaction = 20;
    constexpr int Readers = 4;
    std::atomic<bool> writerDone{false};
    std::atomic<int> writeFailures{0};
    std::atomic<int> readFailures{0};
    std::atomic<int> nonMonotonic{0};
    std::atomic<int> reads{0};
    QString firstError;
    QMutex errorMutex;
    auto noteError = [&](const QString &text) {
        QMutexLocker lock(&errorMutex);
        if (firstError.isEmpty())
            firstError = text;
    };

    std::vector<std::unique_ptr<QThread>> threads;
    threads.emplace_back(QThread::create([&] {
        QSqlDatabase db = store.database();
        QSqlQuery insert(db);
        if (!insert.prepare(
                QStringLiteral("INSERT INTO movimiento(codigo, n) VALUES(:codigo, :n)"))) {
            ++writeFailures;
            noteError(insert.lastError().text());
        }
        for (int t = 0; t < Transactions && writeFailures == 0; ++t) {
            if (!db.transaction()) {
                ++writeFailures;
                noteError(db.lastError().text());
                break;
            }
            for (int r = 0; r < RowsPerTransaction; ++r) {
                insert.bindValue(QStringLiteral(":codigo"),
                                 QStringLiteral("74089950%1")
                                     .arg(t * 100 + r, 4, 10, QLatin1Char('0')));
                insert.bindValue(QStringLiteral(":n"), t * RowsPerTransaction + r);
                if (!insert.exec()) {
                    ++writeFailures;
                    noteError(insert.lastError().text());
                }
            }
            if (!db.commit()) {
                ++writeFailures;
                noteError(db.lastError().text());
            }
        }
        writerDone = true;
    }));
    for (int i = 0; i < Readers; ++i) {
        threads.emplace_back(QThread::create([&] {
            QSqlDatabase db = store.database();
            QSqlQuery query(db);
            query.setForwardOnly(true);
            qlonglong last = 0;
            bool finalRound = false;
            while (!finalRound) {
                finalRound = writerDone; // one more read after the writer is done
                if (!query.exec(
                        QStringLiteral("SELECT count(*), coalesce(max(n), -1) FROM movimiento"))
                    || !query.next()) {
                    ++readFailures;
                    noteError(query.lastError().text());
                    continue;
                }
                const qlonglong count = query.value(0).toLongLong();
                const qlonglong maxN = query.value(1).toLongLong();
                // Whole transactions only, never going back.
                if (count < last || count % RowsPerTransaction != 0 || maxN != count - 1)
                    ++nonMonotonic;
                last = count;
                query.finish();
                ++reads;
            }
        }));
    }
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        QVERIFY(thread->wait(120000));

    QVERIFY2(firstError.isEmpty(), qPrintable(firstError));
    QCOMPARE(writeFailures.load(), 0);
    QCOMPARE(readFailures.load(), 0);
    QCOMPARE(nonMonotonic.load(), 0);
    QVERIFY(reads.load() >= Readers);
    QSqlQuery query(store.database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*), count(DISTINCT codigo) FROM movimiento")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), qlonglong(Transactions * RowsPerTransaction));
    QCOMPARE(query.value(1).toLongLong(), qlonglong(Transactions * RowsPerTransaction));
    // Every finished thread removed its own connection.
    int connections = 0;
    for (const QString &name : QSqlDatabase::connectionNames())
        connections += name.startsWith(store.id() + u'.') ? 1 : 0;
    QCOMPARE(connections, 1);
}

void TestStore::closeRemovesConnections()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("close.tambo"));
    Store::OpenResult opened = Store::open(path, KeyProvider::randomKey());
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    const QString id = opened.store->id();
    QVERIFY(opened.store->database().isOpen());
    opened.store->close();
    for (const QString &name : QSqlDatabase::connectionNames())
        QVERIFY2(!name.startsWith(id + u'.'), qPrintable(name));
    QVERIFY(!opened.store->database().isOpen());
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal"))); // cleanly closed
    opened.store->close();                                      // twice is fine
}

void TestStore::neverLoadsQSqliteOrSystemSqlite()
{
#ifndef Q_OS_LINUX
    QSKIP("reads /proc/self/maps");
#else
    {
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.error()));
        QSqlQuery query(temp.store().database());
        QVERIFY(query.exec(QStringLiteral("SELECT sqlite_version()")));
        QVERIFY(query.next());
    }
    QFile maps(QStringLiteral("/proc/self/maps"));
    QVERIFY(maps.open(QIODevice::ReadOnly | QIODevice::Text));
    const QByteArray text = maps.readAll();
    QVERIFY(text.contains("libQt6Sql")); // the check reads what it thinks it reads
    QVERIFY2(!text.contains("qsqlite"), "Qt's QSQLITE plugin was loaded");
    QVERIFY2(!text.contains("libsqlite3"), "the system libsqlite3 was loaded");
    QVERIFY2(!text.contains("libsqlcipher"), "a shared libsqlcipher was loaded");
#endif
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
