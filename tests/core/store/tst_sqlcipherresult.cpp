#include "TempStore.h"

#include "store/SqlCipherResult.h"
#include "store/Store.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <limits>
#include <memory>

using tambo::test::TempStore;

// SqlCipherResult is reached through QSqlQuery, as every caller does.
class TestSqlCipherResult : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void bindAndReadBack_data();
    void bindAndReadBack();
    void positionalPlaceholders();
    void namedPlaceholders();
    void reexecutePrepared();
    void execBatch();
    void nullsHaveTheColumnType();
    void emptyTextAndBlobAreNotNull();
    void lastInsertId();
    void numRowsAffected();
    void insertReturning();
    void randomAccess();
    void forwardOnly();
    void emptyResult();
    void recordNamesAndTypes();
    void precisionPolicy();
    void oneStatementPerQuery_data();
    void oneStatementPerQuery();
    void errorTexts_data();
    void errorTexts();
    void parameterCountMismatch();
    void placeholdersWithoutValues();
    void queryAfterCloseFails();

private:
    QSqlDatabase db() { return m_temp->store().database(); }
    std::unique_ptr<TempStore> m_temp;
};

void TestSqlCipherResult::init()
{
    m_temp = std::make_unique<TempStore>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->error()));
}

void TestSqlCipherResult::cleanup()
{
    m_temp.reset();
}

void TestSqlCipherResult::bindAndReadBack_data()
{
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QVariant>("bound");
    QTest::addColumn<QVariant>("expected");
    QTest::addColumn<QString>("storageClass"); // SQL typeof()

    const QByteArray withZeros("\0a\0\0b\xff\0", 7);
    const QDateTime when(QDate(2026, 3, 2), QTime(9, 30, 15, 123), Qt::UTC);

    QTest::newRow("int") << "INTEGER" << QVariant(42) << QVariant(qlonglong(42)) << "integer";
    QTest::newRow("negative") << "INTEGER" << QVariant(-7) << QVariant(qlonglong(-7)) << "integer";
    QTest::newRow("int64 max") << "INTEGER" << QVariant(std::numeric_limits<qlonglong>::max())
                               << QVariant(std::numeric_limits<qlonglong>::max()) << "integer";
    QTest::newRow("int64 min") << "INTEGER" << QVariant(std::numeric_limits<qlonglong>::min())
                               << QVariant(std::numeric_limits<qlonglong>::min()) << "integer";
    QTest::newRow("uint") << "INTEGER" << QVariant(4000000000u) << QVariant(qlonglong(4000000000))
                          << "integer";
    QTest::newRow("uint64 above int64")
        << "TEXT" << QVariant(std::numeric_limits<qulonglong>::max())
        << QVariant(QStringLiteral("18446744073709551615")) << "text";
    QTest::newRow("bool true") << "BOOLEAN" << QVariant(true) << QVariant(qlonglong(1))
                               << "integer";
    QTest::newRow("bool false") << "BOOLEAN" << QVariant(false) << QVariant(qlonglong(0))
                                << "integer";
    QTest::newRow("double") << "REAL" << QVariant(3.25) << QVariant(3.25) << "real";
    QTest::newRow("float") << "REAL" << QVariant(0.5f) << QVariant(0.5) << "real";
    QTest::newRow("text") << "TEXT" << QVariant(QStringLiteral("Pérez ñandú 日本 🙂"))
                          << QVariant(QStringLiteral("Pérez ñandú 日本 🙂")) << "text";
    QTest::newRow("text with quote") << "TEXT" << QVariant(QStringLiteral("O'Higgins; DROP"))
                                     << QVariant(QStringLiteral("O'Higgins; DROP")) << "text";
    QTest::newRow("empty text") << "TEXT" << QVariant(QStringLiteral(""))
                                << QVariant(QStringLiteral("")) << "text";
    QTest::newRow("blob with zeros")
        << "BLOB" << QVariant(withZeros) << QVariant(withZeros) << "blob";
    QTest::newRow("empty blob") << "BLOB" << QVariant(QByteArray("", 0))
                                << QVariant(QByteArray("", 0)) << "blob";
    QTest::newRow("datetime utc") << "TEXT" << QVariant(when)
                                  << QVariant(QStringLiteral("2026-03-02T09:30:15.123Z")) << "text";
    QTest::newRow("date") << "TEXT" << QVariant(QDate(2026, 12, 31))
                          << QVariant(QStringLiteral("2026-12-31")) << "text";
    QTest::newRow("time") << "TEXT" << QVariant(QTime(23, 59, 58, 7))
                          << QVariant(QStringLiteral("23:59:58.007")) << "text";
    QTest::newRow("null variant") << "INTEGER" << QVariant()
                                  << QVariant(QMetaType::fromType<qlonglong>()) << "null";
    QTest::newRow("typed null int") << "INTEGER" << QVariant(QMetaType::fromType<int>())
                                    << QVariant(QMetaType::fromType<qlonglong>()) << "null";
    QTest::newRow("null string") << "TEXT" << QVariant(QString())
                                 << QVariant(QMetaType::fromType<QString>()) << "null";
    QTest::newRow("null bytearray") << "BLOB" << QVariant(QByteArray())
                                    << QVariant(QMetaType::fromType<QByteArray>()) << "null";
    QTest::newRow("null real") << "REAL" << QVariant(QMetaType::fromType<double>())
                               << QVariant(QMetaType::fromType<double>()) << "null";
    QTest::newRow("invalid datetime")
        << "TEXT" << QVariant(QDateTime()) << QVariant(QMetaType::fromType<QString>()) << "null";
}

void TestSqlCipherResult::bindAndReadBack()
{
    QFETCH(QString, declared);
    QFETCH(QVariant, bound);
    QFETCH(QVariant, expected);
    QFETCH(QString, storageClass);

    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE t(v %1)").arg(declared)));
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO t(v) VALUES(?)")));
    query.addBindValue(bound);
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    QCOMPARE(query.numRowsAffected(), 1);

    QVERIFY(query.exec(QStringLiteral("SELECT v, typeof(v) FROM t")));
    QVERIFY(query.next());
    QCOMPARE(query.value(1).toString(), storageClass);
    const QVariant value = query.value(0);
    QCOMPARE(value.metaType(), expected.metaType());
    QCOMPARE(value.isNull(), expected.isNull());
    QCOMPARE(query.isNull(0), expected.isNull());
    if (!expected.isNull())
        QCOMPARE(value, expected);
    QVERIFY(!query.next());
}

void TestSqlCipherResult::positionalPlaceholders()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE p(a INTEGER, b TEXT, c TEXT)")));
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO p(a, b, c) VALUES(?, ?, '?')")));
    query.addBindValue(1);
    query.addBindValue(QStringLiteral("uno"));
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    query.bindValue(0, 2);
    query.bindValue(1, QStringLiteral("dos"));
    QVERIFY(query.exec());
    QVERIFY(query.exec(QStringLiteral("SELECT a, b, c FROM p ORDER BY a")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QCOMPARE(query.value(1).toString(), QStringLiteral("uno"));
    QCOMPARE(query.value(2).toString(), QStringLiteral("?")); // quoted, not a placeholder
    QVERIFY(query.next());
    QCOMPARE(query.value(1).toString(), QStringLiteral("dos"));
}

void TestSqlCipherResult::namedPlaceholders()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE n(a INTEGER, b TEXT, c INTEGER, d TEXT)")));
    // :a twice, bound once; ':x' and 10:30 inside quotes are text.
    QVERIFY(query.prepare(
        QStringLiteral("INSERT INTO n(a, b, c, d) VALUES(:a, :b, :a, 'at 10:30 :x')")));
    query.bindValue(QStringLiteral(":b"), QStringLiteral("bee"));
    query.bindValue(QStringLiteral(":a"), 7);
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    QVERIFY(query.prepare(QStringLiteral("SELECT a, b, c, d FROM n WHERE b = :b AND a = :a")));
    query.bindValue(QStringLiteral(":a"), 7);
    query.bindValue(QStringLiteral(":b"), QStringLiteral("bee"));
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 7);
    QCOMPARE(query.value(1).toString(), QStringLiteral("bee"));
    QCOMPARE(query.value(2).toInt(), 7);
    QCOMPARE(query.value(3).toString(), QStringLiteral("at 10:30 :x"));
    QVERIFY(!query.next());
}

void TestSqlCipherResult::reexecutePrepared()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE r(k INTEGER PRIMARY KEY, v TEXT)")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO r VALUES(1, 'uno')")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO r VALUES(2, 'dos')")));
    QSqlQuery select(db());
    QVERIFY(select.prepare(QStringLiteral("SELECT v FROM r WHERE k = ?")));
    for (int k : {1, 2, 3, 1}) {
        select.addBindValue(k);
        QVERIFY(select.exec());
        QCOMPARE(select.at(), int(QSql::BeforeFirstRow));
        if (k == 3) {
            QVERIFY(!select.next());
            continue;
        }
        QVERIFY(select.next());
        QCOMPARE(select.value(0).toString(), k == 1 ? QStringLiteral("uno") : QStringLiteral("dos"));
    }
}

void TestSqlCipherResult::execBatch()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE b(a INTEGER, b TEXT)")));
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO b VALUES(?, ?)")));
    query.addBindValue(QVariantList{1, 2, 3});
    query.addBindValue(QVariantList{QStringLiteral("x"), QString(), QStringLiteral("z")});
    QVERIFY2(query.execBatch(), qPrintable(query.lastError().text()));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*), count(b) FROM b")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 3);
    QCOMPARE(query.value(1).toInt(), 2);
}

void TestSqlCipherResult::nullsHaveTheColumnType()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE z(i INTEGER, t TEXT, v VARCHAR(20), b BLOB, r "
                                      "REAL, d DOUBLE, f BOOLEAN, n NUMERIC)")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO z DEFAULT VALUES")));
    QVERIFY(query.exec(QStringLiteral("SELECT i, t, v, b, r, d, f, n, NULL AS e FROM z")));
    QVERIFY(query.next());
    const QMetaType expected[] = {QMetaType::fromType<qlonglong>(),
                                  QMetaType::fromType<QString>(),
                                  QMetaType::fromType<QString>(),
                                  QMetaType::fromType<QByteArray>(),
                                  QMetaType::fromType<double>(),
                                  QMetaType::fromType<double>(),
                                  QMetaType::fromType<bool>(),
                                  QMetaType::fromType<QString>(),
                                  QMetaType()};
    for (int c = 0; c < 9; ++c) {
        QVERIFY(query.isNull(c));
        QVERIFY(query.value(c).isNull());
        QCOMPARE(query.value(c).metaType(), expected[c]);
        QCOMPARE(query.record().field(c).metaType(), expected[c]);
    }
}

void TestSqlCipherResult::emptyTextAndBlobAreNotNull()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("SELECT '', x'', NULL")));
    QVERIFY(query.next());
    QVERIFY(!query.isNull(0));
    QVERIFY(!query.value(0).toString().isNull());
    QVERIFY(query.value(0).toString().isEmpty());
    QVERIFY(!query.isNull(1));
    QVERIFY(!query.value(1).toByteArray().isNull());
    QVERIFY(query.value(1).toByteArray().isEmpty());
    QVERIFY(query.isNull(2));
}

void TestSqlCipherResult::lastInsertId()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE a(id INTEGER PRIMARY KEY, v TEXT)")));
    QVERIFY(!query.lastInsertId().isValid()); // DDL inserts nothing
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE b(id INTEGER PRIMARY KEY, v TEXT)")));
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE w(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")));

    QVERIFY(query.prepare(QStringLiteral("INSERT INTO a(v) VALUES(?)")));
    query.addBindValue(QStringLiteral("uno"));
    QVERIFY(query.exec());
    QCOMPARE(query.lastInsertId(), QVariant(qlonglong(1)));
    query.addBindValue(QStringLiteral("dos"));
    QVERIFY(query.exec());
    QCOMPARE(query.lastInsertId(), QVariant(qlonglong(2)));

    // Another table whose new rowid equals the previous one is still an insert.
    QVERIFY(query.exec(QStringLiteral("INSERT INTO b(id, v) VALUES(2, 'b')")));
    QCOMPARE(query.lastInsertId(), QVariant(qlonglong(2)));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO a(id, v) VALUES(42, 'x')")));
    QCOMPARE(query.lastInsertId(), QVariant(qlonglong(42)));

    // Statements that insert no rowid have none.
    QVERIFY(query.exec(QStringLiteral("UPDATE a SET v = 'otro' WHERE id = 1")));
    QVERIFY(!query.lastInsertId().isValid());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO w VALUES('k', 'v')")));
    QVERIFY(!query.lastInsertId().isValid());
    // ...and they do not disturb SQL's own last_insert_rowid().
    QVERIFY(query.exec(QStringLiteral("SELECT last_insert_rowid()")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), 42);

    // The usual parent/child pattern sees the parent's rowid.
    QVERIFY(query.exec(QStringLiteral("INSERT INTO a(v) VALUES('padre')")));
    const QVariant parent = query.lastInsertId();
    QCOMPARE(parent, QVariant(qlonglong(43)));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO b(v) VALUES(last_insert_rowid())")));
    QCOMPARE(query.lastInsertId(), QVariant(qlonglong(3)));
    QVERIFY(query.exec(QStringLiteral("SELECT v FROM b WHERE id = 3")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), 43);

    // An upsert that updates inserts nothing.
    QVERIFY(query.exec(
        QStringLiteral("CREATE TABLE u(id INTEGER PRIMARY KEY, k TEXT UNIQUE, n INTEGER)")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO u(k, n) VALUES('x', 1)")));
    QCOMPARE(query.lastInsertId(), QVariant(qlonglong(1)));
    QVERIFY(query.exec(QStringLiteral(
        "INSERT INTO u(k, n) VALUES('x', 1) ON CONFLICT(k) DO UPDATE SET n = n + 1")));
    QCOMPARE(query.numRowsAffected(), 1);
    QVERIFY(!query.lastInsertId().isValid());
}

void TestSqlCipherResult::numRowsAffected()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE c(v INTEGER)")));
    QCOMPARE(query.numRowsAffected(), 0);
    QVERIFY(query.exec(QStringLiteral("INSERT INTO c VALUES(1), (2), (3), (4)")));
    QCOMPARE(query.numRowsAffected(), 4);
    QVERIFY(query.exec(QStringLiteral("UPDATE c SET v = v + 10 WHERE v > 1")));
    QCOMPARE(query.numRowsAffected(), 3);
    QVERIFY(query.exec(QStringLiteral("UPDATE c SET v = 0 WHERE v > 100")));
    QCOMPARE(query.numRowsAffected(), 0);
    QVERIFY(query.exec(QStringLiteral("CREATE INDEX c_v ON c(v)")));
    QCOMPARE(query.numRowsAffected(), 0); // not the 0 rows of the UPDATE before, nor 3
    QVERIFY(query.exec(QStringLiteral("SELECT * FROM c")));
    QCOMPARE(query.numRowsAffected(), -1);
    QCOMPARE(query.size(), -1);
    QVERIFY(query.exec(QStringLiteral("DELETE FROM c WHERE v >= 13"))); // 1, 12, 13, 14 left
    QCOMPARE(query.numRowsAffected(), 2);
}

void TestSqlCipherResult::insertReturning()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE rt(id INTEGER PRIMARY KEY, v TEXT)")));
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO rt(v) VALUES(?) RETURNING id, v")));
    query.addBindValue(QStringLiteral("devuelto"));
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    QVERIFY(query.isSelect());
    QCOMPARE(query.lastInsertId(), QVariant(qlonglong(1)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), 1);
    QCOMPARE(query.value(1).toString(), QStringLiteral("devuelto"));
}

void TestSqlCipherResult::randomAccess()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE s(v INTEGER)")));
    QVERIFY(
        query.exec(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c "
                                  "WHERE x < 9) INSERT INTO s SELECT x FROM c")));
    QVERIFY(query.exec(QStringLiteral("SELECT v FROM s ORDER BY v")));
    QVERIFY(!query.isForwardOnly());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QVERIFY(query.seek(5));
    QCOMPARE(query.value(0).toInt(), 5);
    QVERIFY(query.previous());
    QCOMPARE(query.value(0).toInt(), 4);
    QVERIFY(query.first());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(query.last());
    QCOMPARE(query.at(), 9);
    QCOMPARE(query.value(0).toInt(), 9);
    QVERIFY(query.seek(3));
    QCOMPARE(query.value(0).toInt(), 3);
    QVERIFY(query.seek(2, true));
    QCOMPARE(query.value(0).toInt(), 5);
    QVERIFY(!query.seek(10));
    QCOMPARE(query.at(), int(QSql::AfterLastRow));
    QVERIFY(query.seek(7));
    QCOMPARE(query.value(0).toInt(), 7);
    QCOMPARE(query.size(), -1);
}

void TestSqlCipherResult::forwardOnly()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE f(v INTEGER)")));
    QVERIFY(
        query.exec(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c "
                                  "WHERE x < 99) INSERT INTO f SELECT x FROM c")));
    query.setForwardOnly(true);
    QVERIFY(query.exec(QStringLiteral("SELECT v FROM f ORDER BY v")));
    int expected = 0;
    while (query.next())
        QCOMPARE(query.value(0).toInt(), expected++);
    QCOMPARE(expected, 100);
    QCOMPARE(query.at(), int(QSql::AfterLastRow));

    QVERIFY(query.exec(QStringLiteral("SELECT v FROM f ORDER BY v")));
    QVERIFY(query.next());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QVERIFY(query.seek(10));
    QCOMPARE(query.value(0).toInt(), 10);
    QVERIFY(query.last());
    QCOMPARE(query.at(), 99);
    QCOMPARE(query.value(0).toInt(), 99);
}

void TestSqlCipherResult::emptyResult()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE e(v INTEGER)")));
    for (bool forwardOnly : {false, true}) {
        query.setForwardOnly(forwardOnly);
        QVERIFY(query.exec(QStringLiteral("SELECT v FROM e")));
        QVERIFY(query.isActive());
        QVERIFY(query.isSelect());
        QVERIFY(!query.next());
        QVERIFY(!query.last());
        QVERIFY(!query.first());
        QCOMPARE(query.record().count(), 1);
        QCOMPARE(query.record().fieldName(0), QStringLiteral("v"));
    }
}

void TestSqlCipherResult::recordNamesAndTypes()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral(
        "CREATE TABLE bien(id INTEGER PRIMARY KEY, codigo TEXT NOT NULL, valor REAL, foto BLOB)")));
    QVERIFY(
        query.exec(QStringLiteral("INSERT INTO bien VALUES(1, '740899500006', 1250.5, x'00ff')")));
    QVERIFY(query.exec(QStringLiteral("SELECT id, codigo AS cod, valor, foto, 1 + 1 AS dos, 'x' || "
                                      "codigo AS etiqueta FROM bien")));
    const QSqlRecord record = query.record();
    QCOMPARE(record.count(), 6);
    const QStringList names{"id", "cod", "valor", "foto", "dos", "etiqueta"};
    const QMetaType types[] = {QMetaType::fromType<qlonglong>(),
                               QMetaType::fromType<QString>(),
                               QMetaType::fromType<double>(),
                               QMetaType::fromType<QByteArray>(),
                               QMetaType::fromType<qlonglong>(), // from the first row's value
                               QMetaType::fromType<QString>()};
    for (int i = 0; i < record.count(); ++i) {
        QCOMPARE(record.fieldName(i), names.at(i));
        QCOMPARE(record.field(i).metaType(), types[i]);
    }
    QCOMPARE(record.field(0).tableName(), QStringLiteral("bien"));
    QCOMPARE(record.field(4).tableName(), QString());
    QVERIFY(query.next());
    QCOMPARE(query.record().value(QStringLiteral("cod")).toString(), QStringLiteral("740899500006"));
    QCOMPARE(query.value(3).toByteArray(), QByteArray("\x00\xff", 2));
}

void TestSqlCipherResult::precisionPolicy()
{
    QSqlQuery query(db());
    query.setNumericalPrecisionPolicy(QSql::LowPrecisionInt32);
    QVERIFY(query.exec(QStringLiteral("SELECT 3.7, 5")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).metaType(), QMetaType::fromType<int>());
    QCOMPARE(query.value(0).toInt(), 3);
    QCOMPARE(query.value(1).metaType(), QMetaType::fromType<qlonglong>());
    query.setNumericalPrecisionPolicy(QSql::LowPrecisionDouble);
    QVERIFY(query.exec(QStringLiteral("SELECT 3.7")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toDouble(), 3.7);
}

void TestSqlCipherResult::oneStatementPerQuery_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("one") << "SELECT 1" << true;
    QTest::newRow("semicolon") << "SELECT 1;" << true;
    QTest::newRow("trailing space") << "SELECT 1;  \n\t " << true;
    QTest::newRow("trailing comment") << "SELECT 1; -- listo" << true;
    QTest::newRow("trailing block comment") << "SELECT 1; /* listo */" << true;
    QTest::newRow("two statements") << "SELECT 1; SELECT 2" << false;
    QTest::newRow("create then insert") << "CREATE TABLE m(x); INSERT INTO m VALUES(1)" << false;
}

void TestSqlCipherResult::oneStatementPerQuery()
{
    QFETCH(QString, sql);
    QFETCH(bool, accepted);
    QSqlQuery query(db());
    QCOMPARE(query.exec(sql), accepted);
    if (!accepted) {
        QCOMPARE(query.lastError().type(), QSqlError::StatementError);
        QVERIFY2(query.lastError().text().contains(u"more than one SQL statement"),
                 qPrintable(query.lastError().text()));
        QVERIFY(!db().tables().contains(QStringLiteral("m"))); // nothing ran
    }
    // Through prepare() too.
    QCOMPARE(query.prepare(sql), accepted);
}

void TestSqlCipherResult::errorTexts_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("driverText");
    QTest::addColumn<QString>("databaseText");
    QTest::addColumn<QString>("nativeCode");
    QTest::newRow("syntax") << "SELEC 1"
                            << "The statement could not be prepared."
                            << "syntax error"
                            << "1";
    QTest::newRow("missing table") << "SELECT * FROM nada"
                                   << "The statement could not be prepared."
                                   << "no such table: nada"
                                   << "1";
    QTest::newRow("unique") << "INSERT INTO padre(id, codigo) VALUES(2, 'A')"
                            << "The query could not be executed."
                            << "UNIQUE constraint failed: padre.codigo"
                            << "2067";
    QTest::newRow("not null") << "INSERT INTO padre(id, codigo) VALUES(3, NULL)"
                              << "The query could not be executed."
                              << "NOT NULL constraint failed: padre.codigo"
                              << "1299";
    // Foreign keys are on: a child without its parent is refused.
    QTest::newRow("foreign key") << "INSERT INTO hijo(padre) VALUES(99)"
                                 << "The query could not be executed."
                                 << "FOREIGN KEY constraint failed"
                                 << "787";
}

void TestSqlCipherResult::errorTexts()
{
    QFETCH(QString, sql);
    QFETCH(QString, driverText);
    QFETCH(QString, databaseText);
    QFETCH(QString, nativeCode);
    QSqlQuery query(db());
    QVERIFY(query.exec(
        QStringLiteral("CREATE TABLE padre(id INTEGER PRIMARY KEY, codigo TEXT NOT NULL UNIQUE)")));
    QVERIFY(query.exec(QStringLiteral(
        "CREATE TABLE hijo(id INTEGER PRIMARY KEY, padre INTEGER REFERENCES padre(id))")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO padre VALUES(1, 'A')")));
    QVERIFY(!query.exec(sql));
    const QSqlError error = query.lastError();
    QVERIFY(error.isValid());
    QCOMPARE(error.type(), QSqlError::StatementError);
    QCOMPARE(error.driverText(), driverText);
    QVERIFY2(error.databaseText().contains(databaseText), qPrintable(error.databaseText()));
    QCOMPARE(error.nativeErrorCode(), nativeCode);
    // The failed statement left nothing behind and the connection still works.
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM padre")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestSqlCipherResult::parameterCountMismatch()
{
    QSqlQuery query(db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE pc(a, b)")));
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO pc VALUES(?, ?)")));
    query.addBindValue(1);
    QVERIFY(!query.exec());
    QVERIFY2(query.lastError().text().contains(u"Parameter count mismatch"),
             qPrintable(query.lastError().text()));
}

void TestSqlCipherResult::placeholdersWithoutValues()
{
    QSqlQuery query(db());
    QVERIFY(!query.exec(QStringLiteral("SELECT ?")));
    QVERIFY2(query.lastError().text().contains(u"no bound values"),
             qPrintable(query.lastError().text()));
}

void TestSqlCipherResult::queryAfterCloseFails()
{
    QSqlDatabase database = db();
    QSqlQuery query(database);
    QVERIFY(query.exec(QStringLiteral("SELECT 1 UNION ALL SELECT 2")));
    QVERIFY(query.next());
    database.close(); // finalises the statement of the live query
    QVERIFY(!query.isActive());
    QVERIFY(!query.next());
    QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::exec: database not open");
    QVERIFY(!query.exec(QStringLiteral("SELECT 1")));
}

QTEST_GUILESS_MAIN(TestSqlCipherResult)
#include "tst_sqlcipherresult.moc"
