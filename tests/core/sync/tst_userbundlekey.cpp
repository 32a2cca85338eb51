// UserBundleKey: a user's Ed25519 bundle key derived from the password (ADR 0015).
#include "sync/UserBundleKey.h"

#include <QJsonObject>
#include <QtTest>

using tambo::core::UserBundleKey;

namespace {

// Test-sized Argon2id (the minimum libsodium allows): the algorithm is the same.
UserBundleKey::Params cheapParams()
{
    UserBundleKey::Params p = UserBundleKey::newParams(1, 8192);
    p.check = 0;
    return p;
}

} // namespace

class TestUserBundleKey : public QObject
{
    Q_OBJECT

private slots:
    void sameParamsAndPasswordGiveTheSameKey()
    {
        const UserBundleKey::Params params = cheapParams();
        QString error;
        const UserBundleKey a = UserBundleKey::derive(QStringLiteral("Clave-segura-2026"),
                                                      params,
                                                      &error);
        QVERIFY2(a.isValid(), qPrintable(error));
        const UserBundleKey b = UserBundleKey::derive(QStringLiteral("Clave-segura-2026"), params);
        QCOMPARE(a.publicKey(), b.publicKey());
        QCOMPARE(a.publicKey().size(), 32);
        QCOMPARE(a.params().salt, params.salt);
        QCOMPARE(a.params().check, UserBundleKey::checkOf(a.publicKey()));
        QVERIFY(a.params().isValid());
        // Another password, or another salt (a new password on the server): another key.
        QVERIFY(UserBundleKey::derive(QStringLiteral("Clave-segura-2027"), params).publicKey()
                != a.publicKey());
        QVERIFY(UserBundleKey::derive(QStringLiteral("Clave-segura-2026"), cheapParams()).publicKey()
                != a.publicKey());
        // Non-ASCII passwords are their UTF-8 bytes.
        QVERIFY(UserBundleKey::derive(QStringLiteral("contraseña-ñandú"), params).isValid());
    }

    void signaturesVerifyOnlyForTheirMessageAndKey()
    {
        const UserBundleKey::Params params = cheapParams();
        const UserBundleKey ana = UserBundleKey::derive(QStringLiteral("ana-clave"), params);
        const UserBundleKey luis = UserBundleKey::derive(QStringLiteral("luis-clave"), params);
        const QByteArray message = QByteArrayLiteral("tambo-pc-bundle-user-v1\ncontenido");
        const QByteArray signature = ana.sign(message);
        QCOMPARE(signature.size(), 64);
        QVERIFY(UserBundleKey::verify(ana.publicKey(), message, signature));
        QVERIFY(!UserBundleKey::verify(luis.publicKey(), message, signature));
        QVERIFY(!UserBundleKey::verify(ana.publicKey(), message + 'x', signature));
        QByteArray flipped = signature;
        flipped[10] = char(flipped.at(10) ^ 0x01);
        QVERIFY(!UserBundleKey::verify(ana.publicKey(), message, flipped));
        QVERIFY(!UserBundleKey::verify(ana.publicKey(), message, {}));
        QVERIFY(!UserBundleKey::verify({}, message, signature));
        QVERIFY(UserBundleKey().sign(message).isEmpty());
    }

    void badParamsDeriveNothing_data()
    {
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<quint64>("ops");
        QTest::addColumn<quint64>("mem");
        QTest::newRow("short salt") << QByteArray(15, 'a') << quint64(1) << quint64(8192);
        QTest::newRow("no passes") << QByteArray(16, 'a') << quint64(0) << quint64(8192);
        QTest::newRow("too many passes") << QByteArray(16, 'a') << quint64(11) << quint64(8192);
        QTest::newRow("too little memory") << QByteArray(16, 'a') << quint64(1) << quint64(1024);
        QTest::newRow("more than 1 GiB")
            << QByteArray(16, 'a') << quint64(1) << quint64(2) * 1024 * 1024 * 1024;
    }
    void badParamsDeriveNothing()
    {
        QFETCH(QByteArray, salt);
        QFETCH(quint64, ops);
        QFETCH(quint64, mem);
        UserBundleKey::Params p;
        p.salt = salt;
        p.opsLimit = ops;
        p.memLimit = mem;
        p.check = 7;
        QVERIFY(!p.isValid());
        QString error;
        QVERIFY(!UserBundleKey::derive(QStringLiteral("x"), p, &error).isValid());
        QVERIFY(!error.isEmpty());
    }

    void paramsRoundTripAsJsonAndAsALine()
    {
        UserBundleKey::Params p = UserBundleKey::newParams(2, 64 * 1024 * 1024);
        p.check = 200;
        QVERIFY(p.isValid());
        const auto fromJson = UserBundleKey::Params::fromJson(p.toJson());
        QVERIFY(fromJson);
        QVERIFY(*fromJson == p);
        const QString line = p.toLine(QStringLiteral("ana"));
        QCOMPARE(line.split(QLatin1Char(' ')).size(), 5);
        const auto fromLine = UserBundleKey::Params::fromLine(line);
        QVERIFY(fromLine);
        QCOMPARE(fromLine->first, QStringLiteral("ana"));
        QVERIFY(fromLine->second == p);
        // Fresh salts differ.
        QVERIFY(UserBundleKey::newParams(2, 8192).salt != UserBundleKey::newParams(2, 8192).salt);
    }

    void malformedParamsAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("salt not hex") << "salt" << QJsonValue(QStringLiteral("zz"));
        QTest::newRow("salt short") << "salt" << QJsonValue(QStringLiteral("00ff"));
        QTest::newRow("ops negative") << "ops_limit" << QJsonValue(-1);
        QTest::newRow("ops fraction") << "ops_limit" << QJsonValue(1.5);
        QTest::newRow("mem missing") << "mem_limit" << QJsonValue();
        QTest::newRow("mem huge") << "mem_limit" << QJsonValue(1e15);
        QTest::newRow("check 256") << "check" << QJsonValue(256);
        QTest::newRow("check text") << "check" << QJsonValue(QStringLiteral("1"));
    }
    void malformedParamsAreRefused()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        UserBundleKey::Params p = UserBundleKey::newParams(2, 8192);
        p.check = 1;
        QJsonObject o = p.toJson();
        if (value.isUndefined() || value.isNull())
            o.remove(field);
        else
            o.insert(field, value);
        QVERIFY(!UserBundleKey::Params::fromJson(o));
    }

    void malformedLinesAreRefused_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("empty") << QString();
        QTest::newRow("four fields") << "ana 00112233445566778899aabbccddeeff 2 8192";
        QTest::newRow("bad number") << "ana 00112233445566778899aabbccddeeff dos 8192 7";
        QTest::newRow("bad salt") << "ana 0011 2 8192 7";
        QTest::newRow("check out of range") << "ana 00112233445566778899aabbccddeeff 2 8192 300";
    }
    void malformedLinesAreRefused()
    {
        QFETCH(QString, line);
        QVERIFY(!UserBundleKey::Params::fromLine(line));
    }
};

QTEST_GUILESS_MAIN(TestUserBundleKey)
#include "tst_userbundlekey.moc"
