// PgSchema: tambo-server's numbered PostgreSQL migrations, on a real PostgreSQL.
#include "PgSchema.h"

#include "FakeClock.h"
#include "PostgresLauncher.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

#include <atomic>
#include <memory>
#include <thread>

using tambo::core::MigrationStep;
using tambo::server::PgSchema;
using tambo::test::FakeClock;
using tambo::test::PostgresLauncher;

class TestPgSchema : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresLauncher> m_pg;
    FakeClock m_clock;
    int m_dbCounter = 0;
    QString m_connection;

    // A fresh, empty database for each test function, opened as m_connection.
    QSqlDatabase freshDatabase()
    {
        const QString name = QStringLiteral("schema_%1").arg(++m_dbCounter);
        QString error;
        if (!m_pg->createDatabase(name, &error))
            qFatal("%s", qPrintable(error));
        m_connection = QStringLiteral("schema-test-%1").arg(m_dbCounter);
        return m_pg->open(m_connection, name);
    }

    static QStringList tables(QSqlDatabase db)
    {
        QStringList names;
        QSqlQuery q(db);
        q.exec(QStringLiteral(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"));
        while (q.next())
            names << q.value(0).toString();
        return names;
    }

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<PostgresLauncher>();
        TAMBO_REQUIRE_POSTGRES(*m_pg);
    }
    void cleanup()
    {
        if (!m_connection.isEmpty()) {
            QSqlDatabase::database(m_connection, false).close();
            QSqlDatabase::removeDatabase(m_connection);
            m_connection.clear();
        }
    }
    void cleanupTestCase() { m_pg.reset(); }

    void stepsAreNumberedFromOne()
    {
        const QList<MigrationStep> steps = PgSchema::steps();
        QCOMPARE(PgSchema::latestVersion(), 12);
        for (qsizetype i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps.at(i).version, int(i) + 1);
            QVERIFY(steps.at(i).apply);
            QVERIFY(!steps.at(i).description.isEmpty());
        }
    }

    void migratesFromEmptyThenIsIdempotent()
    {
        QSqlDatabase db = freshDatabase();
        QVERIFY(db.isOpen());
        QCOMPARE(PgSchema::currentVersion(db), 0);
        QVERIFY(PgSchema::checkUpToDate(db).contains(QLatin1String("--migrate")));

        const PgSchema::Report first = PgSchema::migrate(db, m_clock);
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(first.from, 0);
        QCOMPARE(first.to, PgSchema::latestVersion());
        QCOMPARE(tables(db),
                 (QStringList{QStringLiteral("audit_anchor_refusals"),
                              QStringLiteral("audit_anchors"),
                              QStringLiteral("devices"),
                              QStringLiteral("login_failures"),
                              QStringLiteral("login_throttle"),
                              QStringLiteral("schema_versions"),
                              QStringLiteral("sync_conflicts"),
                              QStringLiteral("sync_devices"),
                              QStringLiteral("sync_entry_digests"),
                              QStringLiteral("sync_pull_cursors"),
                              QStringLiteral("sync_rejections"),
                              QStringLiteral("sync_rows"),
                              QStringLiteral("sync_scope_exits"),
                              QStringLiteral("tokens"),
                              QStringLiteral("users")}));
        QCOMPARE(PgSchema::currentVersion(db), PgSchema::latestVersion());
        QVERIFY(PgSchema::checkUpToDate(db).isEmpty());

        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT module, version, applied_at FROM schema_versions")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("server"));
        QCOMPARE(q.value(1).toInt(), PgSchema::latestVersion());
        QCOMPARE(q.value(2).toDateTime().toUTC(), m_clock.now());
        QVERIFY(!q.next());

        m_clock.advanceMinutes(5);
        const PgSchema::Report again = PgSchema::migrate(db, m_clock);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.from, PgSchema::latestVersion());
        QCOMPARE(again.to, PgSchema::latestVersion());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), max(applied_at) FROM schema_versions")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(1).toDateTime().toUTC(), m_clock.now().addSecs(-300)); // untouched
    }

    void schemaHasTheDocumentedColumns()
    {
        QSqlDatabase db = freshDatabase();
        QVERIFY(PgSchema::migrate(db, m_clock).ok());
        const auto columns = [&](const QString &table) {
            QStringList names;
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT column_name FROM information_schema.columns"
                                     " WHERE table_name = ? ORDER BY ordinal_position"));
            q.addBindValue(table);
            q.exec();
            while (q.next())
                names << q.value(0).toString();
            return names;
        };
        QCOMPARE(columns(QStringLiteral("users")),
                 (QStringList{QStringLiteral("id"),
                              QStringLiteral("username"),
                              QStringLiteral("full_name"),
                              QStringLiteral("role_id"),
                              QStringLiteral("sede_id"),
                              QStringLiteral("password_hash"),
                              QStringLiteral("disabled"),
                              QStringLiteral("created_at"),
                              QStringLiteral("updated_at"),
                              QStringLiteral("bundle_key_salt"),
                              QStringLiteral("bundle_key_ops"),
                              QStringLiteral("bundle_key_mem"),
                              QStringLiteral("bundle_public_key"),
                              QStringLiteral("bundle_key_for")}));
        QCOMPARE(columns(QStringLiteral("devices")),
                 (QStringList{QStringLiteral("device_id"),
                              QStringLiteral("public_key"),
                              QStringLiteral("name"),
                              QStringLiteral("registered_by"),
                              QStringLiteral("registered_at"),
                              QStringLiteral("revoked_at"),
                              QStringLiteral("revoked_by"),
                              QStringLiteral("revoke_reason")}));
        QCOMPARE(columns(QStringLiteral("tokens")),
                 (QStringList{QStringLiteral("token_hash"),
                              QStringLiteral("kind"),
                              QStringLiteral("user_id"),
                              QStringLiteral("device_id"),
                              QStringLiteral("family_id"),
                              QStringLiteral("issued_at"),
                              QStringLiteral("expires_at"),
                              QStringLiteral("used_at"),
                              QStringLiteral("revoked_at"),
                              QStringLiteral("family_started_at"),
                              QStringLiteral("successor_hash"),
                              QStringLiteral("reissue")}));
        QCOMPARE(columns(QStringLiteral("login_throttle")),
                 (QStringList{QStringLiteral("scope"),
                              QStringLiteral("key"),
                              QStringLiteral("failures"),
                              QStringLiteral("window_started_at"),
                              QStringLiteral("locked_until")}));
        QCOMPARE(columns(QStringLiteral("login_failures")),
                 (QStringList{QStringLiteral("id"),
                              QStringLiteral("username"),
                              QStringLiteral("source"),
                              QStringLiteral("reason"),
                              QStringLiteral("created_at")}));
    }

    void sessionStartsAreFilledInForExistingTokens()
    {
        // A server upgraded with sessions open: every family's start is its first token's issue
        // time, so the maximum session lifetime counts from the real login.
        QSqlDatabase db = freshDatabase();
        const PgSchema::Report before = PgSchema::migrate(db, m_clock, PgSchema::steps().mid(0, 6));
        QVERIFY2(before.ok(), qPrintable(before.error));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO users (username, role_id, password_hash, created_at, updated_at)"
            " VALUES ('ana', 'admin_otic', '$argon2id$x', now(), now())")));
        const QString insert = QStringLiteral(
            "INSERT INTO tokens (token_hash, kind, user_id, family_id, issued_at, expires_at)"
            " SELECT repeat('%1', 64), 'refresh', id, '%2'::uuid, '%3'::timestamptz,"
            " '2026-12-31T00:00:00Z'::timestamptz FROM users");
        const QString familyA = QStringLiteral("0b6b3c1e-6a47-4f5e-9d38-2f4c1b9a7e10");
        const QString familyB = QStringLiteral("1b6b3c1e-6a47-4f5e-9d38-2f4c1b9a7e10");
        QVERIFY(q.exec(
            insert.arg(QStringLiteral("a"), familyA, QStringLiteral("2026-03-01T08:00:00Z"))));
        QVERIFY(q.exec(
            insert.arg(QStringLiteral("b"), familyA, QStringLiteral("2026-03-02T08:00:00Z"))));
        QVERIFY(q.exec(
            insert.arg(QStringLiteral("c"), familyB, QStringLiteral("2026-03-05T08:00:00Z"))));

        const PgSchema::Report after = PgSchema::migrate(db, m_clock);
        QVERIFY2(after.ok(), qPrintable(after.error));
        QCOMPARE(after.from, 6);
        QVERIFY(q.exec(QStringLiteral("SELECT family_id::text, count(DISTINCT family_started_at),"
                                      " min(family_started_at) FROM tokens"
                                      " GROUP BY family_id ORDER BY family_id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), familyA);
        QCOMPARE(q.value(1).toInt(), 1);
        QCOMPARE(q.value(2).toDateTime().toUTC(),
                 QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
        QVERIFY(q.next());
        QCOMPARE(q.value(2).toDateTime().toUTC(),
                 QDateTime(QDate(2026, 3, 5), QTime(8, 0), Qt::UTC));
    }

    void constraintsGuardTheData()
    {
        QSqlDatabase db = freshDatabase();
        QVERIFY(PgSchema::migrate(db, m_clock).ok());
        QSqlQuery q(db);
        // Only Argon2id verifiers, only lower-case usernames.
        QVERIFY(!q.exec(
            QStringLiteral("INSERT INTO users (username, role_id, password_hash, created_at,"
                           " updated_at) VALUES ('ana', 'admin_otic', 'plain', now(), now())")));
        QVERIFY(!q.exec(QStringLiteral(
            "INSERT INTO users (username, role_id, password_hash, created_at,"
            " updated_at) VALUES ('Ana', 'admin_otic', '$argon2id$x', now(), now())")));
        QVERIFY2(q.exec(QStringLiteral(
                     "INSERT INTO users (username, role_id, password_hash, created_at,"
                     " updated_at) VALUES ('ana', 'admin_otic', '$argon2id$x', now(), now())")),
                 qPrintable(q.lastError().text()));
        // A user's bundle key is whole or absent, its public key 32 bytes.
        QVERIFY(!q.exec(QStringLiteral("UPDATE users SET bundle_public_key = '\\x00'::bytea")));
        QVERIFY(!q.exec(QStringLiteral(
            "UPDATE users SET bundle_public_key = decode(repeat('00', 32), 'hex')")));
        QVERIFY2(q.exec(QStringLiteral(
                     "UPDATE users SET bundle_public_key = decode(repeat('00', 32), 'hex'),"
                     " bundle_key_salt = decode(repeat('01', 16), 'hex'), bundle_key_ops = 2,"
                     " bundle_key_mem = 67108864, bundle_key_for = sha256('x')")),
                 qPrintable(q.lastError().text()));
        // Ed25519 keys are 32 bytes.
        QVERIFY(!q.exec(QStringLiteral(
            "INSERT INTO devices (device_id, public_key, registered_by, registered_at)"
            " SELECT gen_random_uuid(), '\\x00'::bytea, id, now() FROM users")));
        // Tokens: 64 hex characters, a known kind, expiry after issue.
        QVERIFY(!q.exec(QStringLiteral(
            "INSERT INTO tokens (token_hash, kind, user_id, family_id, issued_at, expires_at,"
            " family_started_at)"
            " SELECT repeat('a', 64), 'cookie', id, gen_random_uuid(), now(),"
            " now() + interval '1 minute', now() FROM users")));
        QVERIFY(!q.exec(QStringLiteral(
            "INSERT INTO tokens (token_hash, kind, user_id, family_id, issued_at, expires_at,"
            " family_started_at)"
            " SELECT repeat('a', 64), 'access', id, gen_random_uuid(), now(),"
            " now() - interval '1 minute', now() FROM users")));
        QVERIFY2(
            q.exec(QStringLiteral(
                "INSERT INTO tokens (token_hash, kind, user_id, family_id, issued_at, expires_at,"
                " family_started_at)"
                " SELECT repeat('a', 64), 'access', id, gen_random_uuid(), now(),"
                " now() + interval '1 minute', now() FROM users")),
            qPrintable(q.lastError().text()));
    }

    void failingStepLeavesThePreviousVersion()
    {
        QSqlDatabase db = freshDatabase();
        const QList<MigrationStep> steps = {
            MigrationStep::sql(1,
                               QStringLiteral("one"),
                               {QStringLiteral("CREATE TABLE one (x int)")}),
            MigrationStep::sql(2,
                               QStringLiteral("two, broken"),
                               {QStringLiteral("CREATE TABLE two (x int)"),
                                QStringLiteral("INSERT INTO no_such_table VALUES (1)")}),
        };
        const PgSchema::Report report = PgSchema::migrate(db, m_clock, steps);
        QVERIFY(!report.ok());
        QVERIFY2(report.error.contains(QLatin1String("step 2 (two, broken)"))
                     && report.error.contains(QLatin1String("no_such_table")),
                 qPrintable(report.error));
        QCOMPARE(report.from, 0);
        QCOMPARE(report.to, 1);
        QCOMPARE(PgSchema::currentVersion(db), 1);
        QCOMPARE(tables(db),
                 (QStringList{QStringLiteral("one"), QStringLiteral("schema_versions")}));
    }

    void badlyNumberedStepsAreRefused()
    {
        QSqlDatabase db = freshDatabase();
        const QList<MigrationStep> steps = {
            MigrationStep::sql(2,
                               QStringLiteral("two"),
                               {QStringLiteral("CREATE TABLE two (x int)")})};
        const PgSchema::Report report = PgSchema::migrate(db, m_clock, steps);
        QVERIFY(!report.ok());
        QVERIFY(report.error.contains(QLatin1String("numbered")));
        QCOMPARE(PgSchema::currentVersion(db), 0);
        QVERIFY(!tables(db).contains(QStringLiteral("two")));
    }

    void newerDatabaseIsNeverTouched()
    {
        QSqlDatabase db = freshDatabase();
        QVERIFY(PgSchema::migrate(db, m_clock).ok());
        QSqlQuery q(db);
        QVERIFY(q.exec(
            QStringLiteral("UPDATE schema_versions SET version = 99 WHERE module = 'server'")));
        const PgSchema::Report report = PgSchema::migrate(db, m_clock);
        QVERIFY(!report.ok());
        QVERIFY2(report.error.contains(QLatin1String("version 99, newer")),
                 qPrintable(report.error));
        QVERIFY(PgSchema::checkUpToDate(db).contains(QLatin1String("update tambo-server")));
        QCOMPARE(PgSchema::currentVersion(db), 99);
    }

    void concurrentMigrationsApplyEachStepOnce()
    {
        // Two servers started together on one empty database: the advisory lock serialises them.
        const QString name = QStringLiteral("schema_race");
        QString error;
        QVERIFY2(m_pg->createDatabase(name, &error), qPrintable(error));
        std::atomic<int> ok{0};
        std::atomic<int> applied{0};
        QStringList errors;
        std::mutex errorsMutex;
        auto worker = [&](int n) {
            const QString connection = QStringLiteral("race-%1").arg(n);
            {
                QSqlDatabase db = m_pg->open(connection, name);
                const PgSchema::Report r = PgSchema::migrate(db, m_clock);
                if (r.ok()) {
                    ++ok;
                    applied += r.to - r.from;
                } else {
                    std::lock_guard lock(errorsMutex);
                    errors << r.error;
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(connection);
        };
        std::thread a(worker, 1);
        std::thread b(worker, 2);
        a.join();
        b.join();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(ok.load(), 2);
        QCOMPARE(applied.load(), PgSchema::latestVersion()); // one of them did everything, the other nothing
        {
            QSqlDatabase check = m_pg->open(QStringLiteral("race-check"), name);
            QCOMPARE(PgSchema::currentVersion(check), PgSchema::latestVersion());
            check.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("race-check"));
    }
};

QTEST_GUILESS_MAIN(TestPgSchema)
#include "tst_pgschema.moc"
