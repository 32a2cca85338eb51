#include "store/MemorySecretStore.h"

#include <QTest>

using tambo::core::MemorySecretStore;

// The in-memory secret store the unit tests use instead of the keychain: it must behave like
// the keychain where callers look (found / not found, overwrite, remove) and fail on demand.
class TestMemorySecretStore : public QObject
{
    Q_OBJECT

private slots:
    void behavesLikeAKeychain()
    {
        MemorySecretStore store;
        QVERIFY(!store.read(QStringLiteral("x")).found);
        QVERIFY(store.read(QStringLiteral("x")).ok());
        QVERIFY(store.write(QStringLiteral("x"), "1"));
        QVERIFY(store.write(QStringLiteral("x"), "2"));
        QCOMPARE(store.read(QStringLiteral("x")).value, QByteArray("2"));
        QCOMPARE(store.writes(), 2);
        QVERIFY(store.remove(QStringLiteral("x")));
        QVERIFY(!store.read(QStringLiteral("x")).found);
        QVERIFY(store.remove(QStringLiteral("x")));
    }

    void failNextFailsOneWriteAndKeepsTheOldValue()
    {
        MemorySecretStore store;
        QVERIFY(store.write(QStringLiteral("x"), "1"));
        store.failNext(QStringLiteral("llavero bloqueado"));
        QString error;
        QVERIFY(!store.write(QStringLiteral("x"), "2", &error));
        QCOMPARE(error, QStringLiteral("llavero bloqueado"));
        QCOMPARE(store.read(QStringLiteral("x")).value, QByteArray("1"));
        QVERIFY(store.write(QStringLiteral("x"), "3"));
        QCOMPARE(store.read(QStringLiteral("x")).value, QByteArray("3"));
    }
};

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "tst_memorysecretstore.moc"
