#include "FakeClock.h"
#include "TempStore.h"

#include "migrations/MigrationRunner.h"
#include "sync/OutboxTriggers.h"
#include "sync/SyncSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace tambo::core;
using tambo::test::FakeClock;
using tambo::test::TempStore;

namespace {

QList<SyncedTable> declared()
{
    return {{"assets", SyncedTable::Kind::Mutable, {"sede_id"}, {"estado"}, {}, {}},
            {"notes", SyncedTable::Kind::AppendOnly, {}, {}, "assets", "asset_id"}};
}

} // namespace

class TestOutboxTriggers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStore> m_temp;
    FakeClock m_clock;

    QSqlDatabase db() { return m_temp->store().database(); }
    bool exec(const QString &sql)
    {
        QSqlQuery q(db());
        if (!q.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return false;
        }
        return true;
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<TempStore>();
        QVERIFY2(m_temp->isValid(), qPrintable(m_temp->error()));
        MigrationRunner runner(db(), m_clock);
        runner.addModule(SyncSchema::moduleId(), SyncSchema::steps());
        runner.addModule("t",
                         {MigrationStep::sql(1,
                                             "tables",
                                             {"CREATE TABLE assets (id TEXT PRIMARY KEY NOT NULL,"
                                              " sede_id TEXT, estado TEXT NOT NULL, valor INTEGER"
                                              " NOT NULL DEFAULT 0, peso REAL) STRICT",
                                              "CREATE TABLE notes (id TEXT PRIMARY KEY NOT NULL,"
                                              " asset_id TEXT NOT NULL, text TEXT NOT NULL) STRICT",
                                              "CREATE TABLE local_only (id INTEGER PRIMARY KEY,"
                                              " x TEXT)"})});
        const auto report = runner.migrate();
        QVERIFY2(report.ok(), qPrintable(report.error + report.stepError));
        QString error;
        QVERIFY2(OutboxTriggers::install(db(), declared(), &error), qPrintable(error));
    }
    void cleanup() { m_temp.reset(); }

    void generatedSqlNamesEveryColumn()
    {
        QString error;
        const auto cols = OutboxTriggers::columns(db(), "assets", &error);
        QCOMPARE(cols.size(), 5);
        QVERIFY(cols.at(0).primaryKey);
        const QStringList sql = OutboxTriggers::triggerSql(declared().at(0), cols, &error);
        QCOMPARE(sql.size(), 4); // insert, keep_id, update, delete
        for (const QString &c : {"id", "sede_id", "estado", "valor", "peso"})
            QVERIFY2(sql.at(0).contains(QStringLiteral("'%1', NEW.\"%1\"").arg(c)),
                     qPrintable(sql.at(0)));
        QVERIFY(sql.at(2).contains("OLD.\"valor\" IS NOT NEW.\"valor\""));
        // Append-only tables get only the insert capture (and the id guard).
        const auto noteSql = OutboxTriggers::triggerSql(declared().at(1),
                                                        OutboxTriggers::columns(db(),
                                                                                "notes",
                                                                                &error),
                                                        &error);
        QCOMPARE(noteSql.size(), 2);
    }

    void refusesTablesItCannotCapture_data()
    {
        QTest::addColumn<QString>("create");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("no primary key") << "CREATE TABLE x (a TEXT)"
                                        << "primary key";
        QTest::newRow("composite key") << "CREATE TABLE x (a TEXT, b TEXT, PRIMARY KEY (a, b))"
                                       << "primary key";
        QTest::newRow("blob") << "CREATE TABLE x (id TEXT PRIMARY KEY, b BLOB)"
                              << "BLOB";
    }
    void refusesTablesItCannotCapture()
    {
        QFETCH(QString, create);
        QFETCH(QString, errorPart);
        QVERIFY(exec(create));
        QString error;
        const auto cols = OutboxTriggers::columns(db(), "x", &error);
        QVERIFY(OutboxTriggers::triggerSql({"x", SyncedTable::Kind::Mutable, {}, {}, {}, {}},
                                           cols,
                                           &error)
                    .isEmpty());
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        // install() refuses as a whole and leaves the existing triggers in place.
        QVERIFY(!OutboxTriggers::install(db(),
                                         {{"x", SyncedTable::Kind::Mutable, {}, {}, {}, {}}},
                                         &error));
        QCOMPARE(scalar("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                        "'sync_%'")
                     .toInt(),
                 6);
        QVERIFY(!OutboxTriggers::install(db(),
                                         {{"missing", SyncedTable::Kind::Mutable, {}, {}, {}, {}}},
                                         &error));
    }

    void insertUpdateDeleteAreCapturedWithTheirRow()
    {
        QVERIFY(exec("INSERT INTO assets (id, sede_id, estado, valor, peso) VALUES ('a1', "
                     "'central', 'B', 1500, 2.5)"));
        QVERIFY(exec("UPDATE assets SET estado = 'R', valor = 1400 WHERE id = 'a1'"));
        QVERIFY(exec("UPDATE assets SET estado = 'R' WHERE id = 'a1'")); // no change: no entry
        QVERIFY(exec("DELETE FROM assets WHERE id = 'a1'"));
        QVERIFY(exec("INSERT INTO local_only (x) VALUES ('not synced')"));
        QSqlQuery q(db());
        QVERIFY(q.exec("SELECT seq, table_name, row_id, op, data, changed, base_version, status "
                       "FROM sync_outbox ORDER BY seq"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(3).toString(), QStringLiteral("insert"));
        const QJsonObject inserted = QJsonDocument::fromJson(q.value(4).toByteArray()).object();
        QCOMPARE(inserted,
                 (QJsonObject{{"id", "a1"},
                              {"sede_id", "central"},
                              {"estado", "B"},
                              {"valor", 1500},
                              {"peso", 2.5}}));
        QCOMPARE(q.value(7).toString(), QStringLiteral("pending"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QCOMPARE(q.value(3).toString(), QStringLiteral("update"));
        QCOMPARE(QJsonDocument::fromJson(q.value(4).toByteArray()).object().value("valor").toInt(),
                 1400);
        QCOMPARE(QJsonDocument::fromJson(q.value(5).toByteArray()).array(),
                 (QJsonArray{"estado", "valor"}));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 3);
        QCOMPARE(q.value(3).toString(), QStringLiteral("delete"));
        QVERIFY(q.value(4).isNull());
        QVERIFY(!q.next());
    }

    void entryIsInTheSameTransactionAsTheChange()
    {
        QVERIFY(exec("BEGIN"));
        QVERIFY(exec("INSERT INTO assets (id, estado) VALUES ('r1', 'B')"));
        QCOMPARE(scalar("SELECT count(*) FROM sync_outbox").toInt(), 1);
        QVERIFY(exec("ROLLBACK"));
        QCOMPARE(scalar("SELECT count(*) FROM sync_outbox").toInt(), 0);
        // The rolled-back seq is not lost: seqs stay gap-free for the server.
        QVERIFY(exec("INSERT INTO assets (id, estado) VALUES ('r2', 'B')"));
        QCOMPARE(scalar("SELECT seq FROM sync_outbox").toInt(), 1);
    }

    void baseVersionComesFromTheKnownServerVersion()
    {
        QVERIFY(exec("INSERT INTO sync_row_versions VALUES ('assets', 'b1', 17)"));
        QVERIFY(exec("INSERT INTO assets (id, estado) VALUES ('b1', 'B')"));
        QVERIFY(exec("UPDATE assets SET estado = 'M' WHERE id = 'b1'"));
        QCOMPARE(scalar("SELECT group_concat(base_version) FROM sync_outbox").toString(),
                 QStringLiteral("17,17"));
    }

    void queueRowWritesWhatATriggerWould()
    {
        // The row as it is now, on its current base, with the given changed columns.
        QVERIFY(exec("INSERT INTO sync_row_versions VALUES ('assets', 'q1', 23)"));
        QVERIFY(exec("BEGIN"));
        QVERIFY(exec("UPDATE sync_flags SET applying = 1")); // a pulled row: not captured
        QVERIFY(exec("INSERT INTO assets (id, sede_id, estado, valor) VALUES ('q1', 'central', "
                     "'M', 900)"));
        QVERIFY(exec("UPDATE sync_flags SET applying = 0"));
        QVERIFY(exec("COMMIT"));
        QCOMPARE(scalar("SELECT count(*) FROM sync_outbox").toInt(), 0);
        QString error;
        QVERIFY2(OutboxTriggers::queueRow(db(), "assets", "q1", "update", {"estado"}, &error),
                 qPrintable(error));
        QVERIFY2(OutboxTriggers::queueRow(db(), "assets", "q1", "delete", {}, &error),
                 qPrintable(error));
        QSqlQuery q(db());
        QVERIFY(q.exec("SELECT op, data, changed, base_version FROM sync_outbox ORDER BY seq"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("update"));
        const QJsonObject row = QJsonDocument::fromJson(q.value(1).toByteArray()).object();
        QCOMPARE(row.value("estado").toString(), QStringLiteral("M"));
        QCOMPARE(row.value("valor").toInt(), 900);
        QCOMPARE(QJsonDocument::fromJson(q.value(2).toByteArray()).array(), (QJsonArray{"estado"}));
        QCOMPARE(q.value(3).toInt(), 23);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("delete"));
        QVERIFY(q.value(1).isNull());
        QCOMPARE(q.value(3).toInt(), 23);
        q.finish();

        // A row that is not here cannot be sent; odd names and ops are refused.
        QVERIFY(!OutboxTriggers::queueRow(db(), "assets", "nope", "update", {"estado"}, &error));
        QVERIFY(error.contains("nope"));
        QVERIFY(!OutboxTriggers::queueRow(db(), "assets", "q1", "upsert", {}, &error));
        QVERIFY(!OutboxTriggers::queueRow(db(), "Bad Table", "q1", "delete", {}, &error));
        QCOMPARE(scalar("SELECT count(*) FROM sync_outbox").toInt(), 2);
    }

    void applyingFlagSilencesTheTriggers()
    {
        QVERIFY(exec("BEGIN"));
        QVERIFY(exec("UPDATE sync_flags SET applying = 1"));
        QVERIFY(exec("INSERT INTO assets (id, estado) VALUES ('p1', 'B')"));
        QVERIFY(exec("UPDATE sync_flags SET applying = 0"));
        QVERIFY(exec("COMMIT"));
        QCOMPARE(scalar("SELECT count(*) FROM sync_outbox").toInt(), 0);
        QVERIFY(exec("UPDATE assets SET estado = 'R' WHERE id = 'p1'"));
        QCOMPARE(scalar("SELECT count(*) FROM sync_outbox").toInt(), 1);
    }

    void appendOnlyAndIdRules()
    {
        QVERIFY(exec("INSERT INTO assets (id, estado) VALUES ('k1', 'B')"));
        QVERIFY(!exec("UPDATE assets SET id = 'k2' WHERE id = 'k1'")); // a synced row keeps its id
        QVERIFY(exec("INSERT INTO notes VALUES ('n1', 'k1', 'alta')"));
        QVERIFY(exec("UPDATE notes SET text = 'otro' WHERE id = 'n1'"));
        QCOMPARE(scalar("SELECT count(*) FROM sync_outbox WHERE table_name = 'notes'").toInt(), 1);
    }

    void installIsIdempotent()
    {
        QString error;
        QVERIFY2(OutboxTriggers::install(db(), declared(), &error), qPrintable(error));
        QVERIFY2(OutboxTriggers::install(db(), declared(), &error), qPrintable(error));
        QCOMPARE(scalar("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                        "'sync_%'")
                     .toInt(),
                 6);
        // A new column (schema changes only add) is captured after the next install.
        QVERIFY(exec("ALTER TABLE assets ADD COLUMN color TEXT"));
        QVERIFY2(OutboxTriggers::install(db(), declared(), &error), qPrintable(error));
        QVERIFY(exec("INSERT INTO assets (id, estado, color) VALUES ('c1', 'B', 'negro')"));
        QVERIFY(scalar("SELECT data FROM sync_outbox").toString().contains("\"color\":\"negro\""));
    }
};

QTEST_GUILESS_MAIN(TestOutboxTriggers)
#include "tst_outboxtriggers.moc"
