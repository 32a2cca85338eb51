#include "store/KeyProvider.h"
#include "store/SqlCipherDriver.h"
#include "store/Store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using tambo::core::KeyProvider;
using tambo::core::SqlCipherDriver;
using tambo::core::Store;

// The driver used directly through QSqlDatabase, without Store.
class TestSqlCipherDriver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void features_data();
    void features();
    void openWithKeyAndReopen();
    void openOptions_data();
    void openOptions();
    void mustExistDoesNotCreate();
    void readOnlyRefusesWrites();
    void openErrorIsAConnectionError();
    void tablesViewsAndSystemTables();
    void recordOfTable();
    void primaryIndex();
    void escapeIdentifier_data();
    void escapeIdentifier();
    void formatValue_data();
    void formatValue();
    void transactions();
    void nestedBeginFails();
    void busyWriterGetsBusyAfterTimeout();
    void cancelQueryInterrupts();
    void closeWithLiveQueryClosesCleanly();
    void metaTypeForDeclaredType_data();
    void metaTypeForDeclaredType();

private:
    QSqlDatabase addDatabase(const QString &name = QStringLiteral("driver-test"));
    QString m_hexKey;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestSqlCipherDriver::initTestCase()
{
    Store::registerDriver();
}

void TestSqlCipherDriver::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("driver.tambo"));
    m_hexKey = QString::fromLatin1(KeyProvider::randomKey().toHex());
}

void TestSqlCipherDriver::cleanup()
{
    for (const QString &name : QSqlDatabase::connectionNames())
        QSqlDatabase::removeDatabase(name);
    m_dir.reset();
}

QSqlDatabase TestSqlCipherDriver::addDatabase(const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(Store::driverName(), name);
    db.setDatabaseName(m_path);
    return db;
}

void TestSqlCipherDriver::features_data()
{
    QTest::addColumn<int>("feature");
    QTest::addColumn<bool>("expected");
    QTest::newRow("Transactions") << int(QSqlDriver::Transactions) << true;
    QTest::newRow("QuerySize") << int(QSqlDriver::QuerySize) << false;
    QTest::newRow("BLOB") << int(QSqlDriver::BLOB) << true;
    QTest::newRow("Unicode") << int(QSqlDriver::Unicode) << true;
    QTest::newRow("PreparedQueries") << int(QSqlDriver::PreparedQueries) << true;
    QTest::newRow("NamedPlaceholders") << int(QSqlDriver::NamedPlaceholders) << false;
    QTest::newRow("PositionalPlaceholders") << int(QSqlDriver::PositionalPlaceholders) << true;
    QTest::newRow("LastInsertId") << int(QSqlDriver::LastInsertId) << true;
    QTest::newRow("BatchOperations") << int(QSqlDriver::BatchOperations) << false;
    QTest::newRow("SimpleLocking") << int(QSqlDriver::SimpleLocking) << true;
    QTest::newRow("LowPrecisionNumbers") << int(QSqlDriver::LowPrecisionNumbers) << true;
    QTest::newRow("EventNotifications") << int(QSqlDriver::EventNotifications) << false;
    QTest::newRow("FinishQuery") << int(QSqlDriver::FinishQuery) << true;
    QTest::newRow("MultipleResultSets") << int(QSqlDriver::MultipleResultSets) << false;
    QTest::newRow("CancelQuery") << int(QSqlDriver::CancelQuery) << true;
}

void TestSqlCipherDriver::features()
{
    QFETCH(int, feature);
    QFETCH(bool, expected);
    SqlCipherDriver driver;
    QCOMPARE(driver.hasFeature(QSqlDriver::DriverFeature(feature)), expected);
}

void TestSqlCipherDriver::openWithKeyAndReopen()
{
    {
        QSqlDatabase db = addDatabase();
        QVERIFY2(db.open(QString(), m_hexKey), qPrintable(db.lastError().text()));
        QVERIFY(db.password().isEmpty()); // the key was not kept in QSqlDatabase
        QVERIFY(static_cast<SqlCipherDriver *>(db.driver())->isEncrypted());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE t(v TEXT)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES('hola')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("driver-test"));
    {
        QSqlDatabase db = addDatabase(QStringLiteral("again"));
        QVERIFY2(db.open(QString(), m_hexKey.toUpper()), qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT v FROM t")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("hola"));
    }
}

void TestSqlCipherDriver::openOptions_data()
{
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("password"); // "KEY" = a valid key
    QTest::addColumn<bool>("opens");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("defaults") << ""
                              << "KEY" << true << "";
    QTest::newRow("busy timeout") << "TAMBO_BUSY_TIMEOUT=250"
                                  << "KEY" << true << "";
    QTest::newRow("several, spaces") << " TAMBO_BUSY_TIMEOUT=1 ; TAMBO_FOREIGN_KEYS ;"
                                     << "KEY" << true << "";
    QTest::newRow("plain file") << ""
                                << "" << true << "";
    QTest::newRow("cache size") << "TAMBO_CACHE_SIZE_KIB=4096"
                                << "KEY" << true << "";
    QTest::newRow("bad cache size") << "TAMBO_CACHE_SIZE_KIB=-5"
                                    << "KEY" << false << "is not a positive number of KiB";
    QTest::newRow("bad timeout") << "TAMBO_BUSY_TIMEOUT=soon"
                                 << "KEY" << false << "is not a number of milliseconds";
    QTest::newRow("unknown option") << "QSQLITE_BUSY_TIMEOUT=10"
                                    << "KEY" << false << "Unknown connect option";
    QTest::newRow("short key") << ""
                               << "abcdef" << false << "64 hexadecimal characters";
    QTest::newRow("passphrase") << ""
                                << "correct horse battery staple correct horse battery staple 1234"
                                << false << "64 hexadecimal characters";
    QTest::newRow("not hex") << "" << QString(64, u'g') << false << "64 hexadecimal characters";
}

void TestSqlCipherDriver::openOptions()
{
    QFETCH(QString, options);
    QFETCH(QString, password);
    QFETCH(bool, opens);
    QFETCH(QString, errorPart);
    QSqlDatabase db = addDatabase();
    db.setConnectOptions(options);
    const bool opened = db.open(QString(), password == u"KEY" ? m_hexKey : password);
    QCOMPARE(opened, opens);
    if (!opens) {
        QVERIFY2(db.lastError().text().contains(errorPart), qPrintable(db.lastError().text()));
        QCOMPARE(db.lastError().type(), QSqlError::ConnectionError);
        QVERIFY(!QFileInfo::exists(m_path)); // refused before touching the file
        return;
    }
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("PRAGMA busy_timeout")));
    QVERIFY(query.next());
    const int expectedTimeout = options.contains(u"=250")  ? 250
                                : options.contains(u"=1 ") ? 1
                                                           : 5000;
    QCOMPARE(query.value(0).toInt(), expectedTimeout);
    QVERIFY(query.exec(QStringLiteral("PRAGMA cache_size")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), options.contains(u"CACHE_SIZE_KIB=4096") ? -4096 : -2000);
    if (options.contains(u"TAMBO_FOREIGN_KEYS")) {
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }
}

void TestSqlCipherDriver::mustExistDoesNotCreate()
{
    QSqlDatabase db = addDatabase();
    db.setConnectOptions(QStringLiteral("TAMBO_MUST_EXIST"));
    QVERIFY(!db.open(QString(), m_hexKey));
    QVERIFY2(db.lastError().text().contains(u"does not exist"), qPrintable(db.lastError().text()));
    QVERIFY(!QFileInfo::exists(m_path));
}

void TestSqlCipherDriver::readOnlyRefusesWrites()
{
    {
        QSqlDatabase db = addDatabase(QStringLiteral("writer"));
        QVERIFY(db.open(QString(), m_hexKey));
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE t(v)")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    QSqlDatabase db = addDatabase();
    db.setConnectOptions(QStringLiteral("TAMBO_OPEN_READONLY"));
    QVERIFY2(db.open(QString(), m_hexKey), qPrintable(db.lastError().text()));
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM t")));
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO t VALUES(1)")));
    QVERIFY2(query.lastError().databaseText().contains(u"readonly"),
             qPrintable(query.lastError().databaseText()));
    QVERIFY(db.transaction()); // a read transaction (BEGIN DEFERRED) is allowed
    QVERIFY(db.rollback());
}

void TestSqlCipherDriver::openErrorIsAConnectionError()
{
    {
        QSqlDatabase db = addDatabase(QStringLiteral("writer"));
        QVERIFY(db.open(QString(), m_hexKey));
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE t(v)")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    QSqlDatabase db = addDatabase();
    QVERIFY(!db.open(QString(), QString::fromLatin1(KeyProvider::randomKey().toHex())));
    QVERIFY(!db.isOpen());
    QVERIFY(db.isOpenError());
    const QSqlError error = db.lastError();
    QCOMPARE(error.type(), QSqlError::ConnectionError);
    QVERIFY2(error.driverText().contains(u"the key is wrong or the file is not a Tambo store"),
             qPrintable(error.driverText()));
    QCOMPARE(error.databaseText(), QStringLiteral("file is not a database"));
    QCOMPARE(error.nativeErrorCode(), QStringLiteral("26")); // SQLITE_NOTADB
}

void TestSqlCipherDriver::tablesViewsAndSystemTables()
{
    QSqlDatabase db = addDatabase();
    QVERIFY(db.open(QString(), m_hexKey));
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE bien(id INTEGER PRIMARY KEY, codigo TEXT)")));
    QVERIFY(query.exec(QStringLiteral("CREATE VIEW bien_v AS SELECT codigo FROM bien")));
    QVERIFY(query.exec(QStringLiteral("CREATE VIRTUAL TABLE buscar USING fts5(texto)")));
    QVERIFY(query.exec(QStringLiteral("CREATE TEMP TABLE temporal(x)")));

    QCOMPARE(db.tables(QSql::Tables), (QStringList{"bien", "buscar"}));
    QCOMPARE(db.tables(QSql::Views), QStringList{"bien_v"});
    const QStringList system = db.tables(QSql::SystemTables);
    QVERIFY2(system.contains(u"sqlite_schema"), qPrintable(system.join(u',')));
    QVERIFY2(system.contains(u"buscar_data"), qPrintable(system.join(u','))); // FTS5 shadow table
    QVERIFY(!system.contains(u"bien"));
    const QStringList all = db.tables(QSql::AllTables);
    QCOMPARE(all.size(), 3 + system.size());
    QVERIFY(!all.contains(u"temporal")); // main schema only
}

void TestSqlCipherDriver::recordOfTable()
{
    QSqlDatabase db = addDatabase();
    QVERIFY(db.open(QString(), m_hexKey));
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral(
        "CREATE TABLE \"bien \"\"x\"\"\"(id INTEGER PRIMARY KEY, codigo VARCHAR(12) NOT NULL, "
        "valor REAL DEFAULT 0, foto BLOB, activo BOOLEAN DEFAULT 1)")));
    const QString table = QStringLiteral("bien \"x\"");
    for (const QString &name :
         {table, db.driver()->escapeIdentifier(table, QSqlDriver::TableName)}) {
        const QSqlRecord record = db.record(name);
        QCOMPARE(record.count(), 5);
        QCOMPARE(record.fieldName(0), QStringLiteral("id"));
        QCOMPARE(record.field(0).metaType(), QMetaType::fromType<qlonglong>());
        QVERIFY(record.field(0).isAutoValue());
        QCOMPARE(record.field(1).metaType(), QMetaType::fromType<QString>());
        QCOMPARE(record.field(1).requiredStatus(), QSqlField::Required);
        QVERIFY(!record.field(1).isAutoValue());
        QCOMPARE(record.field(2).metaType(), QMetaType::fromType<double>());
        QCOMPARE(record.field(2).defaultValue().toString(), QStringLiteral("0"));
        QCOMPARE(record.field(2).requiredStatus(), QSqlField::Optional);
        QCOMPARE(record.field(3).metaType(), QMetaType::fromType<QByteArray>());
        QCOMPARE(record.field(4).metaType(), QMetaType::fromType<bool>());
        QCOMPARE(record.field(1).tableName(), table);
    }
    QVERIFY(db.record(QStringLiteral("no_existe")).isEmpty());
}

void TestSqlCipherDriver::primaryIndex()
{
    QSqlDatabase db = addDatabase();
    QVERIFY(db.open(QString(), m_hexKey));
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE asignacion(persona TEXT, bien TEXT, desde "
                                      "TEXT, PRIMARY KEY(bien, persona))")));
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE libre(x)")));
    const QSqlIndex index = db.primaryIndex(QStringLiteral("asignacion"));
    QCOMPARE(index.count(), 2);
    QCOMPARE(index.fieldName(0), QStringLiteral("bien"));
    QCOMPARE(index.fieldName(1), QStringLiteral("persona"));
    QCOMPARE(index.cursorName(), QStringLiteral("asignacion"));
    QVERIFY(db.primaryIndex(QStringLiteral("libre")).isEmpty());
    // The record of the composite key has no auto value.
    QVERIFY(!db.record(QStringLiteral("asignacion")).field(0).isAutoValue());
}

void TestSqlCipherDriver::escapeIdentifier_data()
{
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("plain") << "bien"
                           << "\"bien\"";
    QTest::newRow("space") << "mi tabla"
                           << "\"mi tabla\"";
    QTest::newRow("quote") << "a\"b"
                           << "\"a\"\"b\"";
    QTest::newRow("already escaped") << "\"bien\""
                                     << "\"bien\"";
    QTest::newRow("dot stays in the name") << "main.bien"
                                           << "\"main.bien\"";
    QTest::newRow("empty") << ""
                           << "";
}

void TestSqlCipherDriver::escapeIdentifier()
{
    QFETCH(QString, identifier);
    QFETCH(QString, escaped);
    SqlCipherDriver driver;
    QCOMPARE(driver.escapeIdentifier(identifier, QSqlDriver::TableName), escaped);
    QCOMPARE(driver.escapeIdentifier(identifier, QSqlDriver::FieldName), escaped);
    if (!identifier.isEmpty())
        QVERIFY(driver.isIdentifierEscaped(escaped, QSqlDriver::TableName));
}

void TestSqlCipherDriver::formatValue_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("sql");
    QTest::newRow("null") << QVariant(QMetaType::fromType<int>()) << "NULL";
    QTest::newRow("int") << QVariant(12) << "12";
    QTest::newRow("text with quote") << QVariant(QStringLiteral("O'Higgins")) << "'O''Higgins'";
    QTest::newRow("blob") << QVariant(QByteArray("\x00\x01\xff", 3)) << "X'0001ff'";
    QTest::newRow("bool") << QVariant(true) << "1";
    QTest::newRow("datetime") << QVariant(QDateTime(QDate(2026, 3, 2), QTime(9, 0, 0, 5), Qt::UTC))
                              << "'2026-03-02T09:00:00.005Z'";
}

void TestSqlCipherDriver::formatValue()
{
    QFETCH(QVariant, value);
    QFETCH(QString, sql);
    SqlCipherDriver driver;
    QSqlField field(QStringLiteral("f"), value.metaType());
    field.setValue(value);
    QCOMPARE(driver.formatValue(field), sql);
    // What formatValue() produces reads back as the same value.
    QSqlDatabase db = addDatabase();
    QVERIFY(db.open(QString(), m_hexKey));
    QSqlQuery query(db);
    QVERIFY2(query.exec(QStringLiteral("SELECT ") + sql), qPrintable(query.lastError().text()));
    QVERIFY(query.next());
    if (value.isNull())
        QVERIFY(query.isNull(0));
    else if (value.typeId() == QMetaType::QByteArray)
        QCOMPARE(query.value(0).toByteArray(), value.toByteArray());
}

void TestSqlCipherDriver::transactions()
{
    QSqlDatabase db = addDatabase();
    QVERIFY(db.open(QString(), m_hexKey));
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE t(v INTEGER)")));
    QVERIFY(db.transaction());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES(1)")));
    QVERIFY(db.rollback());
    QVERIFY(db.transaction());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES(2)")));
    QVERIFY(db.commit());
    QVERIFY(query.exec(QStringLiteral("SELECT group_concat(v) FROM t")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("2"));
    query.finish();
    // Commit without a transaction is an error with a clear text.
    QVERIFY(!db.commit());
    QCOMPARE(db.lastError().type(), QSqlError::TransactionError);
    QCOMPARE(db.lastError().driverText(), QStringLiteral("The transaction could not be committed."));
    QVERIFY2(db.lastError().databaseText().contains(u"no transaction is active"),
             qPrintable(db.lastError().databaseText()));
}

void TestSqlCipherDriver::nestedBeginFails()
{
    QSqlDatabase db = addDatabase();
    QVERIFY(db.open(QString(), m_hexKey));
    QVERIFY(db.transaction());
    QVERIFY(!db.transaction());
    QCOMPARE(db.lastError().driverText(), QStringLiteral("The transaction could not be started."));
    QVERIFY(db.rollback());
}

void TestSqlCipherDriver::busyWriterGetsBusyAfterTimeout()
{
    QSqlDatabase first = addDatabase(QStringLiteral("first"));
    QVERIFY(first.open(QString(), m_hexKey));
    QSqlQuery query(first);
    QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
    query.finish();
    QVERIFY(first.transaction()); // BEGIN IMMEDIATE: holds the write lock

    QSqlDatabase second = addDatabase(QStringLiteral("second"));
    second.setConnectOptions(QStringLiteral("TAMBO_BUSY_TIMEOUT=200"));
    QVERIFY(second.open(QString(), m_hexKey));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!second.transaction());
    QVERIFY(timer.elapsed() >= 150);                                     // it waited for the lock
    QCOMPARE(second.lastError().nativeErrorCode(), QStringLiteral("5")); // SQLITE_BUSY
    QVERIFY2(second.lastError().databaseText().contains(u"locked"),
             qPrintable(second.lastError().databaseText()));
    QVERIFY(first.commit());
    QVERIFY(second.transaction());
    QVERIFY(second.commit());
}

void TestSqlCipherDriver::cancelQueryInterrupts()
{
    QMutex driverMutex; // the driver is only used while its thread has not let it go
    QSqlDriver *driver = nullptr;
    std::atomic<bool> done{false};
    QString error;
    bool ok = true;
    const QString path = m_path;
    const QString key = m_hexKey;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(Store::driverName(), QStringLiteral("slow"));
            db.setDatabaseName(path);
            if (db.open(QString(), key)) {
                {
                    QMutexLocker lock(&driverMutex);
                    driver = db.driver();
                }
                QSqlQuery query(db);
                // Billions of rows: only an interrupt ends it in reasonable time.
                ok = query.exec(
                    QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT "
                                   "x + 1 FROM c LIMIT 2000000000) SELECT count(*) FROM c"));
                error = query.lastError().databaseText();
            }
            QMutexLocker lock(&driverMutex);
            driver = nullptr;
        }
        QSqlDatabase::removeDatabase(QStringLiteral("slow"));
        done = true;
    }));
    thread->start();
    QElapsedTimer timer;
    timer.start();
    while (!done && timer.elapsed() < 60000) {
        {
            QMutexLocker lock(&driverMutex);
            if (driver)
                driver->cancelQuery(); // sqlite3_interrupt: safe from another thread
        }
        QThread::msleep(20);
    }
    QVERIFY(thread->wait(60000));
    QVERIFY(!ok);
    QVERIFY2(error.contains(u"interrupted"), qPrintable(error));
}

void TestSqlCipherDriver::closeWithLiveQueryClosesCleanly()
{
    QSqlDatabase db = addDatabase();
    QVERIFY(db.open(QString(), m_hexKey));
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE t(v)")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES(1), (2), (3)")));
    QVERIFY(QFileInfo::exists(m_path + QStringLiteral("-wal")));
    QSqlQuery reading(db);
    reading.setForwardOnly(true);
    QVERIFY(reading.exec(QStringLiteral("SELECT v FROM t")));
    QVERIFY(reading.next()); // a statement in the middle of its rows
    db.close();
    QVERIFY(!reading.isActive());
    // sqlite3_close() succeeded (no zombie handle): the last connection removed the WAL file.
    QVERIFY(!QFileInfo::exists(m_path + QStringLiteral("-wal")));
}

void TestSqlCipherDriver::metaTypeForDeclaredType_data()
{
    QTest::addColumn<QString>("declared");
    QTest::addColumn<int>("typeId");
    QTest::newRow("INTEGER") << "INTEGER" << int(QMetaType::LongLong);
    QTest::newRow("bigint") << "bigint" << int(QMetaType::LongLong);
    QTest::newRow("VARCHAR(12)") << "VARCHAR(12)" << int(QMetaType::QString);
    QTest::newRow("TEXT") << "TEXT" << int(QMetaType::QString);
    QTest::newRow("CLOB") << "CLOB" << int(QMetaType::QString);
    QTest::newRow("BLOB") << "BLOB" << int(QMetaType::QByteArray);
    QTest::newRow("REAL") << "REAL" << int(QMetaType::Double);
    QTest::newRow("DOUBLE PRECISION") << "DOUBLE PRECISION" << int(QMetaType::Double);
    QTest::newRow("FLOAT") << "FLOAT" << int(QMetaType::Double);
    QTest::newRow("BOOLEAN") << "BOOLEAN" << int(QMetaType::Bool);
    QTest::newRow("DATETIME") << "DATETIME" << int(QMetaType::QString);
    QTest::newRow("NUMERIC") << "NUMERIC" << int(QMetaType::QString);
    QTest::newRow("none") << "" << int(QMetaType::UnknownType);
}

void TestSqlCipherDriver::metaTypeForDeclaredType()
{
    QFETCH(QString, declared);
    QFETCH(int, typeId);
    QCOMPARE(SqlCipherDriver::metaTypeForDeclaredType(declared).id(), typeId);
}

QTEST_GUILESS_MAIN(TestSqlCipherDriver)
#include "tst_sqlcipherdriver.moc"
