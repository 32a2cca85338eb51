#include "FakeClock.h"
#include "TempStore.h"

#include "migrations/CoreSchema.h"
#include "migrations/MigrationRunner.h"

#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

#include <memory>

using tambo::core::CoreSchema;
using tambo::core::MigrationRunner;

class TestCoreSchema : public QObject
{
    Q_OBJECT

    QSqlDatabase db() { return m_temp->store().database(); }

    bool exec(const QString &sql) { return QSqlQuery(db()).exec(sql); }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    MigrationRunner::Report migrate(int upTo = -1)
    {
        MigrationRunner runner(db(), m_clock);
        const auto steps = CoreSchema::steps();
        runner.addModule(CoreSchema::moduleId(), upTo < 0 ? steps : steps.mid(0, upTo));
        return runner.migrate();
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<tambo::test::TempStore>();
        QVERIFY(db().isOpen());
    }

    void cleanup() { m_temp.reset(); }

    void stepsAreNumberedAndDescribed()
    {
        const auto steps = CoreSchema::steps();
        QVERIFY(steps.size() >= 2);
        for (int i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps.at(i).version, i + 1);
            QVERIFY(!steps.at(i).description.isEmpty());
            QVERIFY(bool(steps.at(i).apply));
        }
        QCOMPARE(CoreSchema::moduleId(), QStringLiteral("core"));
    }

    void fromEmpty()
    {
        QVERIFY(CoreSchema::deviceId(db()).isEmpty());
        const auto report = migrate();
        QVERIFY2(report.ok(), qPrintable(report.error));
        for (const char *table : {"sedes",
                                  "areas",
                                  "device",
                                  "settings",
                                  "roles",
                                  "role_permissions",
                                  "users",
                                  "audit_log",
                                  "audit_head",
                                  "schema_versions"}) {
            QVERIFY2(scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                           "'table' AND name = '%1'")
                                .arg(QLatin1String(table)))
                             .toInt()
                         == 1,
                     table);
        }
        const QString device = CoreSchema::deviceId(db());
        QVERIFY(!QUuid::fromString(device).isNull());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM device")).toInt(), 1);
    }

    void fromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("start");
        for (int k = 0; k < int(CoreSchema::steps().size()); ++k)
            QTest::addRow("from version %d", k) << k;
    }

    void fromEveryEarlierVersion()
    {
        QFETCH(int, start);
        QString device;
        if (start > 0) {
            const auto first = migrate(start);
            QVERIFY2(first.ok(), qPrintable(first.error));
            device = CoreSchema::deviceId(db());
            QVERIFY(!device.isEmpty());
            QVERIFY(exec(QStringLiteral(
                "INSERT INTO sedes (id, name, link) VALUES ('palacio', 'Palacio', 'fibra')")));
        }
        if (start > 1) {
            QVERIFY(exec(QStringLiteral("INSERT INTO roles (id, title) VALUES ('r', 'R')")));
            QVERIFY(exec(QStringLiteral(
                "INSERT INTO users (username, full_name, role_id, sede_id, password_hash,"
                " created_at, updated_at) VALUES ('ana', 'Ana', 'r', 'palacio', 'h', 't', 't')")));
        }

        const auto report = migrate();
        QVERIFY2(report.ok(), qPrintable(report.error));
        MigrationRunner runner(db(), m_clock);
        QCOMPARE(runner.version(CoreSchema::moduleId()), int(CoreSchema::steps().size()));

        if (start > 0) {
            QCOMPARE(CoreSchema::deviceId(db()), device); // made once, on first run
            QCOMPARE(scalar(QStringLiteral("SELECT name FROM sedes WHERE id = 'palacio'")).toString(),
                     QStringLiteral("Palacio"));
        }
        if (start > 1)
            QCOMPARE(scalar(QStringLiteral("SELECT full_name FROM users WHERE username = 'ANA'"))
                         .toString(),
                     QStringLiteral("Ana"));
        // Every table of the latest schema is usable.
        QVERIFY(exec(QStringLiteral("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, 'x')")));
        QVERIFY(exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('k', 'v')")));
    }

    void secondRunKeepsTheDevice()
    {
        QVERIFY(migrate().ok());
        const QString device = CoreSchema::deviceId(db());
        const auto again = migrate();
        QVERIFY(again.ok());
        QVERIFY(again.changes.isEmpty());
        QCOMPARE(CoreSchema::deviceId(db()), device);
    }

    void constraints_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("link fibra")
            << QStringLiteral("INSERT INTO sedes VALUES ('a', 'A', 'fibra')") << true;
        QTest::addRow("link radioenlace")
            << QStringLiteral("INSERT INTO sedes VALUES ('a', 'A', 'radioenlace')") << true;
        QTest::addRow("link ninguno")
            << QStringLiteral("INSERT INTO sedes VALUES ('a', 'A', 'ninguno')") << true;
        QTest::addRow("link unknown")
            << QStringLiteral("INSERT INTO sedes VALUES ('a', 'A', 'wifi')") << false;
        QTest::addRow("area of a missing sede")
            << QStringLiteral("INSERT INTO areas VALUES ('x', 'nope', 'X')") << false;
        QTest::addRow("strict types")
            << QStringLiteral("INSERT INTO users (username, full_name, role_id, password_hash,"
                              " failed_attempts, created_at, updated_at)"
                              " VALUES ('u', 'U', 'admin', 'h', 'many', 't', 't')")
            << false;
        QTest::addRow("username unique whatever the case")
            << QStringLiteral("INSERT INTO users (username, full_name, role_id, password_hash,"
                              " created_at, updated_at) VALUES ('ADMIN', 'Other', 'admin', 'h',"
                              " 't', 't')")
            << false;
        QTest::addRow("user with an unknown role")
            << QStringLiteral("INSERT INTO users (username, full_name, role_id, password_hash,"
                              " created_at, updated_at) VALUES ('u2', 'U', 'nope', 'h', 't', 't')")
            << false;
        QTest::addRow("user with an unknown sede")
            << QStringLiteral("INSERT INTO users (username, full_name, role_id, sede_id,"
                              " password_hash, created_at, updated_at)"
                              " VALUES ('u3', 'U', 'admin', 'nope', 'h', 't', 't')")
            << false;
        QTest::addRow("a second device row")
            << QStringLiteral("INSERT INTO device (id) VALUES ('other')") << false;
    }

    void constraints()
    {
        QFETCH(QString, sql);
        QFETCH(bool, accepted);
        QVERIFY(migrate().ok());
        QVERIFY(exec(QStringLiteral("INSERT INTO roles VALUES ('admin', 'Admin')")));
        QVERIFY(exec(QStringLiteral(
            "INSERT INTO users (username, full_name, role_id, password_hash, created_at,"
            " updated_at) VALUES ('admin', 'Admin', 'admin', 'h', 't', 't')")));
        QCOMPARE(exec(sql), accepted);
    }

    void auditLogRefusesUpdateAndDelete()
    {
        QVERIFY(migrate().ok());
        QVERIFY(exec(QStringLiteral("INSERT INTO audit_log VALUES (1, 't', 'a', 'd', 'e', 'i', "
                                    "'x', NULL, NULL, 'p', 'h')")));
        QVERIFY(!exec(QStringLiteral("UPDATE audit_log SET actor = 'b'")));
        QVERIFY(!exec(QStringLiteral("DELETE FROM audit_log")));
        QCOMPARE(scalar(QStringLiteral("SELECT actor FROM audit_log")).toString(),
                 QStringLiteral("a"));
    }

private:
    std::unique_ptr<tambo::test::TempStore> m_temp;
    tambo::test::FakeClock m_clock;
};

QTEST_GUILESS_MAIN(TestCoreSchema)
#include "tst_coreschema.moc"
