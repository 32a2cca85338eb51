#include "auth/PasswordHasher.h"

#include <QtTest>

using tambo::core::PasswordHasher;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(PasswordHasher::initialize()); }

    void hashIsArgon2idWithInteractiveCost()
    {
        const PasswordHasher hasher;
        QString error;
        const QString hash = hasher.hash(QStringLiteral("tambo2026"), &error);
        QVERIFY2(!hash.isEmpty(), qPrintable(error));
        QVERIFY2(hash.startsWith(QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$")),
                 qPrintable(hash));
        QCOMPARE(hasher.opsLimit(), 2ULL);
        QCOMPARE(hasher.memLimit(), std::size_t(64) * 1024 * 1024);
    }

    void verify_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("attempt");
        QTest::addColumn<bool>("matches");
        QTest::addRow("same") << QStringLiteral("tambo2026") << QStringLiteral("tambo2026") << true;
        QTest::addRow("other") << QStringLiteral("tambo2026") << QStringLiteral("tambo2027")
                               << false;
        QTest::addRow("case") << QStringLiteral("Tambo2026") << QStringLiteral("tambo2026")
                              << false;
        QTest::addRow("trailing space")
            << QStringLiteral("tambo2026") << QStringLiteral("tambo2026 ") << false;
        QTest::addRow("accents") << QStringLiteral("contraseña Ñandú")
                                 << QStringLiteral("contraseña Ñandú") << true;
        QTest::addRow("accents differ")
            << QStringLiteral("contraseña") << QStringLiteral("contrasena") << false;
        QTest::addRow("empty") << QString() << QString() << true;
        QTest::addRow("empty attempt") << QStringLiteral("x") << QString() << false;
    }

    void verify()
    {
        QFETCH(QString, password);
        QFETCH(QString, attempt);
        QFETCH(bool, matches);
        const PasswordHasher hasher(1, 8192);
        const QString hash = hasher.hash(password);
        QVERIFY(!hash.isEmpty());
        QCOMPARE(hasher.verify(hash, attempt), matches);
    }

    void saltMakesEachHashDifferent()
    {
        const PasswordHasher hasher(1, 8192);
        const QString a = hasher.hash(QStringLiteral("tambo2026"));
        const QString b = hasher.hash(QStringLiteral("tambo2026"));
        QVERIFY(a != b);
        QVERIFY(hasher.verify(a, QStringLiteral("tambo2026")));
        QVERIFY(hasher.verify(b, QStringLiteral("tambo2026")));
    }

    void garbageNeverVerifies_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addRow("empty") << QString();
        QTest::addRow("plain text") << QStringLiteral("tambo2026");
        QTest::addRow("truncated") << QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$abc");
        QTest::addRow("too long") << QString(500, QLatin1Char('$'));
    }

    void garbageNeverVerifies()
    {
        QFETCH(QString, stored);
        const PasswordHasher hasher;
        QVERIFY(!hasher.verify(stored, QStringLiteral("tambo2026")));
        QVERIFY(hasher.needsRehash(stored));
    }

    void needsRehashWhenTheCostChanges()
    {
        const PasswordHasher cheap(1, 8192);
        const PasswordHasher standard;
        const QString cheapHash = cheap.hash(QStringLiteral("tambo2026"));
        QVERIFY(!cheap.needsRehash(cheapHash));
        QVERIFY(standard.needsRehash(cheapHash));
        // A hash made with other parameters still verifies: it carries its own parameters.
        QVERIFY(standard.verify(cheapHash, QStringLiteral("tambo2026")));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
