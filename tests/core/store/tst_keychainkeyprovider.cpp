#include "store/KeychainKeyProvider.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using tambo::core::KeychainKeyProvider;
using tambo::core::KeyProvider;

// Runs against a real Secret Service: CTest starts it inside tests/support/with-keyring.sh
// (a private D-Bus session with an unlocked GNOME Keyring in a temporary HOME). Label: keychain.
class TestKeychainKeyProvider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void createsOnFirstCallAndReadsBackWithANewObject();
    void differentStoreIdsGetDifferentKeys();
    void missingWithoutCreateIsAnError();
    void removedKeyIsGone();
    void noSecretServiceIsAClearError();

private:
    QString newStoreId()
    {
        const QString id = QStringLiteral("tst-%1.tambo")
                               .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_ids.append(id);
        return id;
    }
    QStringList m_ids;
};

namespace {
// Set in the child process of noSecretServiceIsAClearError(), which has no session bus.
bool inChildWithoutSecretService()
{
    return qEnvironmentVariableIsSet("TAMBO_TEST_NO_SECRET_SERVICE");
}
} // namespace

void TestKeychainKeyProvider::initTestCase()
{
    if (inChildWithoutSecretService())
        return;
    QVERIFY2(KeychainKeyProvider::isAvailable(),
             "no Secret Service answers: run this test through tests/support/with-keyring.sh "
             "(ctest does)");
}

void TestKeychainKeyProvider::cleanupTestCase()
{
    if (inChildWithoutSecretService())
        return;
    KeychainKeyProvider provider;
    for (const QString &id : std::as_const(m_ids))
        provider.removeKey(id);
}

void TestKeychainKeyProvider::createsOnFirstCallAndReadsBackWithANewObject()
{
    const QString id = newStoreId();
    QByteArray first;
    {
        KeychainKeyProvider provider;
        QCOMPARE(provider.service(), QStringLiteral("Tambo"));
        const KeyProvider::Result result = provider.key(id, true);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.key.size(), 32);
        QVERIFY(result.key != QByteArray(32, '\0'));
        first = result.key;
    }
    KeychainKeyProvider again;
    const KeyProvider::Result second = again.key(id, false);
    QVERIFY2(second.ok(), qPrintable(second.error));
    QCOMPARE(second.key, first);
    QCOMPARE(again.key(id, true).key, first); // createIfMissing does not replace it
}

void TestKeychainKeyProvider::differentStoreIdsGetDifferentKeys()
{
    KeychainKeyProvider provider;
    const KeyProvider::Result a = provider.key(newStoreId(), true);
    const KeyProvider::Result b = provider.key(newStoreId(), true);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QVERIFY2(b.ok(), qPrintable(b.error));
    QVERIFY(a.key != b.key);
}

void TestKeychainKeyProvider::missingWithoutCreateIsAnError()
{
    KeychainKeyProvider provider;
    const QString id = newStoreId();
    const KeyProvider::Result result = provider.key(id, false);
    QVERIFY(!result.ok());
    QVERIFY(result.key.isEmpty());
    QVERIFY2(result.error.contains(u"holds no key"), qPrintable(result.error));
}

void TestKeychainKeyProvider::removedKeyIsGone()
{
    KeychainKeyProvider provider;
    const QString id = newStoreId();
    QVERIFY(provider.key(id, true).ok());
    QString error;
    QVERIFY2(provider.removeKey(id, &error), qPrintable(error));
    QVERIFY(!provider.key(id, false).ok());
    QVERIFY2(provider.removeKey(id, &error), qPrintable(error)); // removing again is fine
}

void TestKeychainKeyProvider::noSecretServiceIsAClearError()
{
    if (inChildWithoutSecretService()) {
        KeychainKeyProvider provider(QStringLiteral("Tambo"), 20000);
        const KeyProvider::Result result = provider.key(newStoreId(), true);
        QVERIFY(!result.ok());
        QVERIFY(result.key.isEmpty());
        qInfo("error shown to the user: %s", qPrintable(result.error));
        QVERIFY2(result.error.contains(u"The system keychain could not be used")
                     && result.error.contains(u"--key-file"),
                 qPrintable(result.error));
        QVERIFY(!KeychainKeyProvider::isAvailable());
        return;
    }
    // Run this same test function in a child process whose session bus does not exist.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TAMBO_TEST_NO_SECRET_SERVICE"), QStringLiteral("1"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=%1/no-bus").arg(dir.path()));
    env.remove(QStringLiteral("DISPLAY")); // no D-Bus autolaunch through X11
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("noSecretServiceIsAClearError")});
    QVERIFY(child.waitForFinished(90000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             output.constData());
    QVERIFY2(output.contains("PASS   : TestKeychainKeyProvider::noSecretServiceIsAClearError()"),
             output.constData());
}

QTEST_GUILESS_MAIN(TestKeychainKeyProvider)
#include "tst_keychainkeyprovider.moc"
