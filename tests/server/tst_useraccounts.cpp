// UserAccounts: server accounts with Argon2id verifiers in PostgreSQL.
#include "UserAccounts.h"

#include "FakeClock.h"
#include "MigratedDatabase.h"
#include "PostgresLauncher.h"

#include <QSqlQuery>
#include <QtTest>

#include <memory>

using tambo::core::NewUser;
using tambo::core::PasswordHasher;
using tambo::server::UserAccounts;
using tambo::test::FakeClock;
using tambo::test::MigratedDatabase;
using tambo::test::PostgresLauncher;

class TestUserAccounts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresLauncher> m_pg;
    FakeClock m_clock;
    int m_counter = 0;
    const PasswordHasher m_fastHasher{1, 8192}; // Argon2id, test-sized cost

    QString nextName() { return QStringLiteral("users_%1").arg(++m_counter); }

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<PostgresLauncher>();
        TAMBO_REQUIRE_POSTGRES(*m_pg);
    }
    void cleanupTestCase() { m_pg.reset(); }

    void createStoresAnArgon2idVerifier()
    {
        MigratedDatabase m(*m_pg, nextName());
        QVERIFY2(m.isValid(), qPrintable(m.error()));
        UserAccounts accounts(m.db(), m_clock, m_fastHasher);
        const UserAccounts::Result r = accounts.create(NewUser{QStringLiteral("  Ana.Quispe "),
                                                               QStringLiteral("Ana Quispe Mamani"),
                                                               QStringLiteral("admin_otic"),
                                                               QStringLiteral("central"),
                                                               QStringLiteral("contraseña-2026")});
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.user.id > 0);
        QCOMPARE(r.user.username, QStringLiteral("ana.quispe")); // trimmed, lower case
        QCOMPARE(r.user.fullName, QStringLiteral("Ana Quispe Mamani"));
        QCOMPARE(r.user.roleId, QStringLiteral("admin_otic"));
        QCOMPARE(r.user.sedeId, QStringLiteral("central"));
        QVERIFY(!r.user.disabled);

        QSqlQuery q(m.db());
        QVERIFY(q.exec(QStringLiteral("SELECT password_hash, created_at FROM users")));
        QVERIFY(q.next());
        const QString verifier = q.value(0).toString();
        QVERIFY2(verifier.startsWith(QLatin1String("$argon2id$v=19$")), qPrintable(verifier));
        QVERIFY(!verifier.contains(QLatin1String("contraseña")));
        QCOMPARE(q.value(1).toDateTime().toUTC(), m_clock.now());

        const auto found = accounts.findById(r.user.id);
        QVERIFY(found);
        QCOMPARE(found->username, QStringLiteral("ana.quispe"));
        QVERIFY(!accounts.findById(r.user.id + 1000));
    }

    void createRefusesBadInput_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expected");
        QTest::addRow("username with accent") << "peña"
                                              << "admin_otic"
                                              << "larga-clave-1"
                                              << "username";
        QTest::addRow("username too short") << "a"
                                            << "admin_otic"
                                            << "larga-clave-1"
                                            << "username";
        QTest::addRow("unknown role") << "luis"
                                      << "alcalde"
                                      << "larga-clave-1"
                                      << "unknown role 'alcalde'";
        QTest::addRow("short password") << "luis"
                                        << "mesa_partes"
                                        << "corta"
                                        << "at least 8";
        QTest::addRow("blank password") << "luis"
                                        << "mesa_partes"
                                        << "         "
                                        << "only spaces";
    }

    void createRefusesBadInput()
    {
        QFETCH(QString, username);
        QFETCH(QString, role);
        QFETCH(QString, password);
        QFETCH(QString, expected);
        MigratedDatabase m(*m_pg, nextName());
        QVERIFY2(m.isValid(), qPrintable(m.error()));
        UserAccounts accounts(m.db(), m_clock, m_fastHasher);
        const UserAccounts::Result r = accounts.create(NewUser{username, {}, role, {}, password});
        QCOMPARE(r.status, UserAccounts::Status::Invalid);
        QVERIFY2(r.error.contains(expected, Qt::CaseInsensitive), qPrintable(r.error));
        QSqlQuery q(m.db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM users")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void createRefusesADuplicate()
    {
        MigratedDatabase m(*m_pg, nextName());
        QVERIFY2(m.isValid(), qPrintable(m.error()));
        UserAccounts accounts(m.db(), m_clock, m_fastHasher);
        const UserAccounts::Result first = accounts.create({QStringLiteral("luis"),
                                                            {},
                                                            QStringLiteral("mesa_partes"),
                                                            {},
                                                            QStringLiteral("clave-luis-1")});
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(first.user.fullName, QString()); // no name given: empty, not NULL
        QCOMPARE(first.user.sedeId, QString());
        const UserAccounts::Result again = accounts.create({QStringLiteral("LUIS"),
                                                            {},
                                                            QStringLiteral("mesa_partes"),
                                                            {},
                                                            QStringLiteral("otra-clave-2")});
        QCOMPARE(again.status, UserAccounts::Status::Exists);
        QVERIFY(again.error.contains(QLatin1String("already exists")));
        // The first password still works: nothing was overwritten.
        QVERIFY(accounts.verifyLogin(QStringLiteral("luis"), QStringLiteral("clave-luis-1")).ok());
    }

    void verifyLogin()
    {
        MigratedDatabase m(*m_pg, nextName());
        QVERIFY2(m.isValid(), qPrintable(m.error()));
        UserAccounts accounts(m.db(), m_clock, m_fastHasher);
        QVERIFY(accounts
                    .create({QStringLiteral("rosa"),
                             QStringLiteral("Rosa Flores"),
                             QStringLiteral("gerencia"),
                             QStringLiteral("ciudad-nueva"),
                             QStringLiteral("rosa-clave-9")})
                    .ok());

        const UserAccounts::Result ok = accounts.verifyLogin(QStringLiteral(" ROSA "),
                                                             QStringLiteral("rosa-clave-9"));
        QCOMPARE(ok.status, UserAccounts::Status::Ok);
        QCOMPARE(ok.user.username, QStringLiteral("rosa"));
        QCOMPARE(ok.user.sedeId, QStringLiteral("ciudad-nueva"));

        QCOMPARE(accounts.verifyLogin(QStringLiteral("rosa"), QStringLiteral("Rosa-clave-9")).status,
                 UserAccounts::Status::BadCredentials);
        QCOMPARE(accounts.verifyLogin(QStringLiteral("nadie"), QStringLiteral("rosa-clave-9")).status,
                 UserAccounts::Status::BadCredentials);
        QCOMPARE(accounts.verifyLogin(QStringLiteral("rosa"), QString()).status,
                 UserAccounts::Status::BadCredentials);

        QVERIFY(m.exec(QStringLiteral("UPDATE users SET disabled = TRUE WHERE username = 'rosa'")));
        // Disabled shows only to who knows the password.
        QCOMPARE(accounts.verifyLogin(QStringLiteral("rosa"), QStringLiteral("rosa-clave-9")).status,
                 UserAccounts::Status::Disabled);
        QCOMPARE(accounts.verifyLogin(QStringLiteral("rosa"), QStringLiteral("wrong-one")).status,
                 UserAccounts::Status::BadCredentials);
    }

    // Each user's bundle key (ADR 0015): made from the password whenever the server holds it,
    // with the hasher's cost and a salt of its own; only the public key is stored.
    void bundleKeysFollowThePassword()
    {
        using tambo::core::UserBundleKey;
        MigratedDatabase m(*m_pg, nextName());
        QVERIFY2(m.isValid(), qPrintable(m.error()));
        UserAccounts accounts(m.db(), m_clock, m_fastHasher);
        const UserAccounts::Result created = accounts.create({QStringLiteral("eva"),
                                                              QStringLiteral("Eva Mamani"),
                                                              QStringLiteral("gerencia"),
                                                              QStringLiteral("central"),
                                                              QStringLiteral("eva-clave-2026")});
        QVERIFY2(created.ok(), qPrintable(created.error));
        QVERIFY(created.bundleKey);
        QCOMPARE(created.bundleKey->opsLimit, quint64(m_fastHasher.opsLimit()));
        QCOMPARE(created.bundleKey->memLimit, quint64(m_fastHasher.memLimit()));
        QString error;
        const auto stored = accounts.bundleKey(created.user.id, &error);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY(stored->current);
        QVERIFY(stored->params == *created.bundleKey);
        const UserBundleKey derived = UserBundleKey::derive(QStringLiteral("eva-clave-2026"),
                                                            stored->params);
        QCOMPARE(derived.publicKey(), stored->publicKey);
        // A login gives the same key; a failed one none.
        const UserAccounts::Result login = accounts.verifyLogin(QStringLiteral("eva"),
                                                                QStringLiteral("eva-clave-2026"));
        QCOMPARE(login.status, UserAccounts::Status::Ok);
        QVERIFY(login.bundleKey && *login.bundleKey == stored->params);
        QVERIFY(!accounts.verifyLogin(QStringLiteral("eva"), QStringLiteral("x")).bundleKey);

        // A new password: the stored key is stale until the next login makes another.
        QVERIFY(m.exec(QStringLiteral("UPDATE users SET password_hash = '%1'")
                           .arg(m_fastHasher.hash(QStringLiteral("eva-nueva-2027")))));
        QVERIFY(!accounts.bundleKey(created.user.id)->current);
        const UserAccounts::Result renewed = accounts.verifyLogin(QStringLiteral("eva"),
                                                                  QStringLiteral("eva-nueva-2027"));
        QCOMPARE(renewed.status, UserAccounts::Status::Ok);
        QVERIFY(renewed.bundleKey && renewed.bundleKey->salt != stored->params.salt);
        const auto now = accounts.bundleKey(created.user.id);
        QVERIFY(now && now->current);
        QCOMPARE(UserBundleKey::derive(QStringLiteral("eva-nueva-2027"), now->params).publicKey(),
                 now->publicKey);

        // A disabled account gets none.
        QVERIFY(m.exec(QStringLiteral("UPDATE users SET disabled = TRUE, bundle_key_salt = NULL,"
                                      " bundle_key_ops = NULL, bundle_key_mem = NULL,"
                                      " bundle_public_key = NULL, bundle_key_for = NULL")));
        QCOMPARE(accounts.verifyLogin(QStringLiteral("eva"), QStringLiteral("eva-nueva-2027")).status,
                 UserAccounts::Status::Disabled);
        QVERIFY(!accounts.bundleKey(created.user.id));
    }
};

QTEST_GUILESS_MAIN(TestUserAccounts)
#include "tst_useraccounts.moc"
