#include "TempStore.h"

#include "migrations/MigrationStep.h"

#include <QSqlQuery>
#include <QtTest>

using tambo::core::MigrationStep;

class TestMigrationStep : public QObject
{
    Q_OBJECT

    static bool tableExists(const QSqlDatabase &db, const QString &name)
    {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
        query.addBindValue(name);
        return query.exec() && query.next();
    }

private slots:
    void sqlKeepsNumberAndDescription()
    {
        const MigrationStep step = MigrationStep::sql(3, QStringLiteral("three"), {});
        QCOMPARE(step.version, 3);
        QCOMPARE(step.description, QStringLiteral("three"));
        QVERIFY(bool(step.apply));
    }

    void sqlRunsStatementsInOrder()
    {
        tambo::test::TempStore temp;
        QSqlDatabase db = temp.store().database();
        QVERIFY(db.isOpen());
        const MigrationStep step
            = MigrationStep::sql(1,
                                 QStringLiteral("t"),
                                 {QStringLiteral("CREATE TABLE t (n INTEGER NOT NULL) STRICT"),
                                  QStringLiteral("INSERT INTO t (n) VALUES (1)"),
                                  QStringLiteral("INSERT INTO t (n) SELECT MAX(n) + 1 FROM t")});
        QString error;
        QVERIFY2(step.apply(db, &error), qPrintable(error));
        QVERIFY(error.isEmpty());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT group_concat(n, ',') FROM t")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("1,2"));
    }

    void sqlStopsAtTheFirstFailureAndNamesIt()
    {
        tambo::test::TempStore temp;
        QSqlDatabase db = temp.store().database();
        const MigrationStep step
            = MigrationStep::sql(1,
                                 QStringLiteral("t"),
                                 {QStringLiteral("CREATE TABLE a (n INTEGER) STRICT"),
                                  QStringLiteral("INSERT INTO missing_table VALUES (1)"),
                                  QStringLiteral("CREATE TABLE b (n INTEGER) STRICT")});
        QString error;
        QVERIFY(!step.apply(db, &error));
        QVERIFY2(error.contains(QStringLiteral("missing_table")), qPrintable(error));
        QVERIFY(tableExists(db, QStringLiteral("a")));
        QVERIFY(!tableExists(db, QStringLiteral("b")));
    }
};

QTEST_GUILESS_MAIN(TestMigrationStep)
#include "tst_migrationstep.moc"
