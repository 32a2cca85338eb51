#include "store/KeychainKeyProvider.h"
#include "store/KeychainSecretStore.h"

#include <QTest>
#include <QUuid>

using tambo::core::KeychainSecretStore;

// Runs against a real Secret Service: CTest starts it inside tests/support/with-keyring.sh
// (a private D-Bus session with an unlocked GNOME Keyring in a temporary HOME). Label: keychain.
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(tambo::core::KeychainKeyProvider::isAvailable(),
                 "no Secret Service answers: run this test through "
                 "tests/support/with-keyring.sh (ctest does)");
    }

    void writeReadOverwriteRemove()
    {
        const QString name = QStringLiteral("tst-secret/%1")
                                 .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        KeychainSecretStore store;
        KeychainSecretStore::Result missing = store.read(name);
        QVERIFY2(missing.ok(), qPrintable(missing.error));
        QVERIFY(!missing.found);

        QString error;
        QVERIFY2(store.write(name, "tambo_rt_uno", &error), qPrintable(error));
        // Another object (another start of Tambo) reads what the first one wrote.
        KeychainSecretStore other;
        KeychainSecretStore::Result read = other.read(name);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QVERIFY(read.found);
        QCOMPARE(read.value, QByteArray("tambo_rt_uno"));

        QVERIFY(store.write(name, "tambo_rt_dos", &error));
        QCOMPARE(other.read(name).value, QByteArray("tambo_rt_dos"));

        QVERIFY2(store.remove(name, &error), qPrintable(error));
        QVERIFY(!other.read(name).found);
        QVERIFY2(store.remove(name, &error), "removing a missing secret is not an error");
    }

    void namesAreSeparate()
    {
        const QString a = QStringLiteral("tst-secret/a-%1").arg(QUuid::createUuid().toString());
        const QString b = QStringLiteral("tst-secret/b-%1").arg(QUuid::createUuid().toString());
        KeychainSecretStore store;
        QVERIFY(store.write(a, "A"));
        QVERIFY(store.write(b, "B"));
        QCOMPARE(store.read(a).value, QByteArray("A"));
        QCOMPARE(store.read(b).value, QByteArray("B"));
        QVERIFY(store.remove(a));
        QVERIFY(!store.read(a).found);
        QCOMPARE(store.read(b).value, QByteArray("B"));
        QVERIFY(store.remove(b));
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
