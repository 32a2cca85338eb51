#include "FakeClock.h"
#include "TempStore.h"

#include "migrations/MigrationRunner.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <memory>

using tambo::core::MigrationRunner;
using tambo::core::MigrationStep;

namespace {

// A small module with three steps: a table, a new column and a second table, then data.
QList<MigrationStep> shopSteps()
{
    return {
        MigrationStep::sql(1,
                           QStringLiteral("items"),
                           {QStringLiteral("CREATE TABLE item (id INTEGER PRIMARY KEY,"
                                           " name TEXT NOT NULL) STRICT")}),
        MigrationStep::sql(2,
                           QStringLiteral("prices and tags"),
                           {QStringLiteral("ALTER TABLE item ADD COLUMN price INTEGER NOT NULL"
                                           " DEFAULT 0"),
                            QStringLiteral("CREATE TABLE tag (name TEXT PRIMARY KEY) STRICT")}),
        MigrationStep::sql(3,
                           QStringLiteral("default tag"),
                           {QStringLiteral("CREATE INDEX item_by_name ON item (name)"),
                            QStringLiteral("INSERT INTO tag (name) VALUES ('default')")}),
    };
}

} // namespace

class TestMigrationRunner : public QObject
{
    Q_OBJECT

    QSqlDatabase db() { return m_temp->store().database(); }

    bool tableExists(const QString &name)
    {
        QSqlQuery query(db());
        query.prepare(
            QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
        query.addBindValue(name);
        return query.exec() && query.next();
    }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    MigrationRunner::Report migrateShop(const QList<MigrationStep> &steps)
    {
        MigrationRunner runner(db(), m_clock);
        runner.addModule(QStringLiteral("shop"), steps);
        return runner.migrate();
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<tambo::test::TempStore>();
        QVERIFY(db().isOpen());
    }

    void cleanup() { m_temp.reset(); }

    void fromEmpty()
    {
        MigrationRunner runner(db(), m_clock);
        runner.addModule(QStringLiteral("shop"), shopSteps());
        QCOMPARE(runner.version(QStringLiteral("shop")), 0);
        QCOMPARE(runner.latest(QStringLiteral("shop")), 3);
        QCOMPARE(runner.latest(QStringLiteral("unknown")), 0);

        const MigrationRunner::Report report = runner.migrate();
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(runner.version(QStringLiteral("shop")), 3);
        QCOMPARE(report.changes.size(), 1);
        QCOMPARE(report.changes.first().module, QStringLiteral("shop"));
        QCOMPARE(report.changes.first().from, 0);
        QCOMPARE(report.changes.first().to, 3);
        QVERIFY(tableExists(QStringLiteral("item")));
        QVERIFY(tableExists(QStringLiteral("tag")));
        QCOMPARE(scalar(
                     QStringLiteral("SELECT applied_at FROM schema_versions WHERE module = 'shop'"))
                     .toString(),
                 m_clock.now().toString(Qt::ISODateWithMs));
    }

    void fromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("start");
        for (int k = 0; k <= int(shopSteps().size()); ++k)
            QTest::addRow("from version %d", k) << k;
    }

    void fromEveryEarlierVersion()
    {
        QFETCH(int, start);
        if (start > 0) {
            const auto first = migrateShop(shopSteps().mid(0, start));
            QVERIFY2(first.ok(), qPrintable(first.error));
            QVERIFY(QSqlQuery(db()).exec(
                QStringLiteral("INSERT INTO item (id, name) VALUES (7, 'kept across upgrades')")));
        }

        MigrationRunner runner(db(), m_clock);
        runner.addModule(QStringLiteral("shop"), shopSteps());
        QCOMPARE(runner.version(QStringLiteral("shop")), start);
        const auto report = runner.migrate();
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(runner.version(QStringLiteral("shop")), 3);
        if (start == 3) {
            QVERIFY(report.changes.isEmpty());
        } else {
            QCOMPARE(report.changes.size(), 1);
            QCOMPARE(report.changes.first().from, start);
            QCOMPARE(report.changes.first().to, 3);
        }

        // The final schema is the same whatever the starting version, and data survived.
        QVERIFY(QSqlQuery(db()).exec(
            QStringLiteral("INSERT INTO item (id, name, price) VALUES (8, 'new', 5)")));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM tag WHERE name = 'default'")).toInt(),
                 1);
        QCOMPARE(scalar(QStringLiteral(
                            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'item_by_name'"))
                     .toInt(),
                 1);
        QCOMPARE(scalar(QStringLiteral("SELECT name FROM item WHERE id = 7")).toString(),
                 start > 0 ? QStringLiteral("kept across upgrades") : QString());
        if (start > 0)
            QCOMPARE(scalar(QStringLiteral("SELECT price FROM item WHERE id = 7")).toInt(), 0);
    }

    void aFailingStepRollsBackAndIsNamed()
    {
        QList<MigrationStep> steps = shopSteps().mid(0, 1);
        steps.append(
            MigrationStep::sql(2,
                               QStringLiteral("broken step"),
                               {QStringLiteral("CREATE TABLE half_done (n INTEGER) STRICT"),
                                QStringLiteral("INSERT INTO half_done (n) VALUES (1)"),
                                QStringLiteral("INSERT INTO no_such_table (n) VALUES (1)")}));
        steps.append(MigrationStep::sql(3,
                                        QStringLiteral("never reached"),
                                        {QStringLiteral("CREATE TABLE after_broken (n INTEGER)")}));

        MigrationRunner runner(db(), m_clock);
        runner.addModule(QStringLiteral("shop"), steps);
        const auto report = runner.migrate();
        QVERIFY(!report.ok());
        QCOMPARE(report.failedModule, QStringLiteral("shop"));
        QCOMPARE(report.failedStep, 2);
        QCOMPARE(report.failedDescription, QStringLiteral("broken step"));
        QVERIFY2(report.stepError.contains(QStringLiteral("no_such_table")),
                 qPrintable(report.stepError));
        QVERIFY2(report.error.startsWith(
                     QStringLiteral("Migration of module shop failed at step 2 (broken step): ")),
                 qPrintable(report.error));
        QVERIFY(report.error.contains(QStringLiteral("no_such_table")));
        // Step 1 stays applied, step 2 left nothing behind, step 3 never ran.
        QCOMPARE(runner.version(QStringLiteral("shop")), 1);
        QVERIFY(tableExists(QStringLiteral("item")));
        QVERIFY(!tableExists(QStringLiteral("half_done")));
        QVERIFY(!tableExists(QStringLiteral("after_broken")));
        QCOMPARE(report.changes.size(), 1);
        QCOMPARE(report.changes.first().to, 1);

        // Once fixed, the run continues from version 1.
        const auto fixed = migrateShop(shopSteps());
        QVERIFY2(fixed.ok(), qPrintable(fixed.error));
        QCOMPARE(fixed.changes.first().from, 1);
    }

    void aStepReturningFalseRollsBack()
    {
        MigrationStep step;
        step.version = 1;
        step.description = QStringLiteral("custom");
        step.apply = [](QSqlDatabase &db, QString *error) {
            QSqlQuery(db).exec(QStringLiteral("CREATE TABLE partial (n INTEGER)"));
            *error = QStringLiteral("refused by the step");
            return false;
        };
        const auto report = migrateShop({step});
        QVERIFY(!report.ok());
        QCOMPARE(report.failedStep, 1);
        QVERIFY(report.error.endsWith(QStringLiteral("refused by the step")));
        QVERIFY(!tableExists(QStringLiteral("partial")));
        MigrationRunner runner(db(), m_clock);
        QCOMPARE(runner.version(QStringLiteral("shop")), 0);
    }

    void secondRunChangesNothing()
    {
        const auto first = migrateShop(shopSteps());
        QVERIFY(first.ok());
        const QString appliedAt
            = scalar(QStringLiteral("SELECT applied_at FROM schema_versions WHERE module = 'shop'"))
                  .toString();
        const int changes = scalar(QStringLiteral("SELECT total_changes()")).toInt();

        m_clock.advanceMinutes(10);
        const auto second = migrateShop(shopSteps());
        QVERIFY2(second.ok(), qPrintable(second.error));
        QVERIFY(second.changes.isEmpty());
        QCOMPARE(scalar(QStringLiteral("SELECT total_changes()")).toInt(), changes);
        QCOMPARE(scalar(
                     QStringLiteral("SELECT applied_at FROM schema_versions WHERE module = 'shop'"))
                     .toString(),
                 appliedAt);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM tag")).toInt(), 1);
    }

    void badNumbering_data()
    {
        QTest::addColumn<QList<int>>("versions");
        QTest::addColumn<QString>("expected");
        QTest::addRow("gap") << QList<int>{1, 3} << QStringLiteral("step 3 is in position 2");
        QTest::addRow("starts at 2") << QList<int>{2} << QStringLiteral("step 2 is in position 1");
        QTest::addRow("duplicate") << QList<int>{1, 1} << QStringLiteral("step 1 is in position 2");
        QTest::addRow("unsorted") << QList<int>{2, 1} << QStringLiteral("step 2 is in position 1");
        QTest::addRow("zero") << QList<int>{0} << QStringLiteral("step 0 is in position 1");
    }

    void badNumbering()
    {
        QFETCH(QList<int>, versions);
        QFETCH(QString, expected);
        QList<MigrationStep> steps;
        for (int v : versions)
            steps.append(
                MigrationStep::sql(v,
                                   QStringLiteral("t%1").arg(v),
                                   {QStringLiteral("CREATE TABLE t%1 (n INTEGER)").arg(v)}));
        MigrationRunner runner(db(), m_clock);
        runner.addModule(QStringLiteral("shop"), steps);
        const auto report = runner.migrate();
        QVERIFY(!report.ok());
        QVERIFY2(report.error.contains(QStringLiteral("module shop")), qPrintable(report.error));
        QVERIFY2(report.error.contains(expected), qPrintable(report.error));
        QVERIFY(!tableExists(QStringLiteral("t1")));
        QVERIFY(!tableExists(QStringLiteral("schema_versions")));
    }

    void stepWithoutApplyIsRefused()
    {
        MigrationStep empty;
        empty.version = 1;
        empty.description = QStringLiteral("nothing");
        const auto report = migrateShop({empty});
        QVERIFY(!report.ok());
        QVERIFY(report.error.contains(QStringLiteral("nothing to apply")));
    }

    void sameModuleTwiceIsRefused()
    {
        MigrationRunner runner(db(), m_clock);
        runner.addModule(QStringLiteral("shop"), shopSteps());
        runner.addModule(QStringLiteral("shop"), shopSteps());
        const auto report = runner.migrate();
        QVERIFY(!report.ok());
        QVERIFY(report.error.contains(QStringLiteral("twice")));
        QVERIFY(!tableExists(QStringLiteral("item")));
    }

    void aNewerStoreIsNotTouched()
    {
        QVERIFY(migrateShop(shopSteps()).ok());
        QVERIFY(QSqlQuery(db()).exec(
            QStringLiteral("UPDATE schema_versions SET version = 9 WHERE module = 'shop'")));

        MigrationRunner runner(db(), m_clock);
        runner.addModule(QStringLiteral("other"),
                         {MigrationStep::sql(1,
                                             QStringLiteral("o"),
                                             {QStringLiteral(
                                                 "CREATE TABLE other_t (n INTEGER)")})});
        runner.addModule(QStringLiteral("shop"), shopSteps());
        const auto report = runner.migrate();
        QVERIFY(!report.ok());
        QVERIFY2(report.error.contains(QStringLiteral("version 9 of module shop")),
                 qPrintable(report.error));
        QVERIFY(report.error.contains(QStringLiteral("up to version 3")));
        QVERIFY(report.changes.isEmpty());
        // Validation comes before any write: the other module was not migrated either.
        QVERIFY(!tableExists(QStringLiteral("other_t")));
        QCOMPARE(runner.version(QStringLiteral("other")), 0);
        QCOMPARE(runner.version(QStringLiteral("shop")), 9);
    }

    void modulesHaveTheirOwnVersions()
    {
        MigrationRunner runner(db(), m_clock);
        runner.addModule(QStringLiteral("shop"), shopSteps());
        runner.addModule(QStringLiteral("notes"),
                         {MigrationStep::sql(1,
                                             QStringLiteral("notes"),
                                             {QStringLiteral(
                                                 "CREATE TABLE note (t TEXT) STRICT")})});
        QCOMPARE(runner.modules(), (QStringList{QStringLiteral("shop"), QStringLiteral("notes")}));
        const auto report = runner.migrate();
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(report.changes.size(), 2);
        QCOMPARE(report.changes.at(0).module, QStringLiteral("shop"));
        QCOMPARE(report.changes.at(1).module, QStringLiteral("notes"));
        QCOMPARE(runner.version(QStringLiteral("shop")), 3);
        QCOMPARE(runner.version(QStringLiteral("notes")), 1);
    }

    void aClosedDatabaseIsReported()
    {
        MigrationRunner runner(QSqlDatabase(), m_clock);
        runner.addModule(QStringLiteral("shop"), shopSteps());
        const auto report = runner.migrate();
        QVERIFY(!report.ok());
        QVERIFY(report.error.contains(QStringLiteral("not open")));
    }

private:
    std::unique_ptr<tambo::test::TempStore> m_temp;
    tambo::test::FakeClock m_clock;
};

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"
