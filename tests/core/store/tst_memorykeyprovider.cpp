#include "store/MemoryKeyProvider.h"

#include <QSet>
#include <QTest>

using tambo::core::KeyProvider;
using tambo::core::MemoryKeyProvider;

class TestMemoryKeyProvider : public QObject
{
    Q_OBJECT

private slots:
    void createsA256BitKey();
    void stablePerStoreId();
    void differentIdsGetDifferentKeys();
    void missingWithoutCreateIsAnError();
    void setKeyChecksTheSize_data();
    void setKeyChecksTheSize();
    void randomKeysDiffer();
    void describesItself();
};

void TestMemoryKeyProvider::createsA256BitKey()
{
    MemoryKeyProvider keys;
    const KeyProvider::Result result = keys.key(QStringLiteral("store-a"), true);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.key.size(), 32);
    QVERIFY(result.key != QByteArray(32, '\0'));
    QVERIFY(result.error.isEmpty());
}

void TestMemoryKeyProvider::stablePerStoreId()
{
    MemoryKeyProvider keys;
    const QByteArray first = keys.key(QStringLiteral("store-a"), true).key;
    QCOMPARE(keys.key(QStringLiteral("store-a"), true).key, first);
    QCOMPARE(keys.key(QStringLiteral("store-a"), false).key, first);
}

void TestMemoryKeyProvider::differentIdsGetDifferentKeys()
{
    MemoryKeyProvider keys;
    QSet<QByteArray> seen;
    for (int i = 0; i < 50; ++i)
        seen.insert(keys.key(QStringLiteral("store-%1").arg(i), true).key);
    QCOMPARE(seen.size(), 50);
    // Another provider object knows nothing of the first one's keys.
    MemoryKeyProvider other;
    QVERIFY(!other.key(QStringLiteral("store-1"), false).ok());
}

void TestMemoryKeyProvider::missingWithoutCreateIsAnError()
{
    MemoryKeyProvider keys;
    const KeyProvider::Result result = keys.key(QStringLiteral("nada"), false);
    QVERIFY(!result.ok());
    QVERIFY(result.key.isEmpty());
    QVERIFY2(result.error.contains(u"nada"), qPrintable(result.error));
}

void TestMemoryKeyProvider::setKeyChecksTheSize_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("32 bytes") << QByteArray(32, 'k') << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("16 bytes") << QByteArray(16, 'k') << false;
    QTest::newRow("33 bytes") << QByteArray(33, 'k') << false;
}

void TestMemoryKeyProvider::setKeyChecksTheSize()
{
    QFETCH(QByteArray, key);
    QFETCH(bool, accepted);
    MemoryKeyProvider keys;
    QCOMPARE(keys.setKey(QStringLiteral("s"), key), accepted);
    const KeyProvider::Result result = keys.key(QStringLiteral("s"), false);
    QCOMPARE(result.ok(), accepted);
    if (accepted)
        QCOMPARE(result.key, key);
}

void TestMemoryKeyProvider::randomKeysDiffer()
{
    const QByteArray a = KeyProvider::randomKey();
    const QByteArray b = KeyProvider::randomKey();
    QCOMPARE(a.size(), 32);
    QCOMPARE(b.size(), 32);
    QVERIFY(a != b);
}

void TestMemoryKeyProvider::describesItself()
{
    MemoryKeyProvider keys;
    QVERIFY(!keys.description().isEmpty());
}

QTEST_GUILESS_MAIN(TestMemoryKeyProvider)
#include "tst_memorykeyprovider.moc"
