#include "store/KeyFileKeyProvider.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

using tambo::core::KeyFileKeyProvider;
using tambo::core::KeyProvider;
using tambo::core::Store;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestKeyFileKeyProvider : public QObject
{
    Q_OBJECT

private slots:
    void createsA32ByteOwnerOnlyFile();
    void readsBackTheSameKey();
    void missingWithoutCreateIsAnError();
    void wrongSizeIsAnError_data();
    void wrongSizeIsAnError();
    void folderIsAnError();
    void unreadableFileIsAnError();
    void neverOverwritesAnExistingFile();
    void opensAStore();

private:
    QTemporaryDir m_dir;
};

void TestKeyFileKeyProvider::createsA32ByteOwnerOnlyFile()
{
    const QString path = m_dir.filePath(QStringLiteral("nested/dir/created.key"));
    KeyFileKeyProvider provider(path);
    const KeyProvider::Result result = provider.key(QStringLiteral("ignored"), true);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.key.size(), 32);
    QCOMPARE(readAll(path), result.key);
    QCOMPARE(QFileInfo(path).size(), 32);
    QCOMPARE(QFileInfo(path).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
#ifdef Q_OS_UNIX
    struct stat info
    {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));
#endif
    QVERIFY(provider.description().contains(u"created.key"));
}

void TestKeyFileKeyProvider::readsBackTheSameKey()
{
    const QString path = m_dir.filePath(QStringLiteral("same.key"));
    const QByteArray created = KeyFileKeyProvider(path).key(QStringLiteral("a"), true).key;
    QCOMPARE(created.size(), 32);
    // A new provider object, another store id, with or without createIfMissing: the same key.
    KeyFileKeyProvider again(path);
    QCOMPARE(again.key(QStringLiteral("b"), false).key, created);
    QCOMPARE(again.key(QStringLiteral("c"), true).key, created);
}

void TestKeyFileKeyProvider::missingWithoutCreateIsAnError()
{
    const QString path = m_dir.filePath(QStringLiteral("missing.key"));
    const KeyProvider::Result result = KeyFileKeyProvider(path).key(QStringLiteral("s"), false);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"does not exist"), qPrintable(result.error));
    QVERIFY(!QFileInfo::exists(path));
}

void TestKeyFileKeyProvider::wrongSizeIsAnError_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("empty") << 0;
    QTest::newRow("16") << 16;
    QTest::newRow("31") << 31;
    QTest::newRow("33") << 33;
    QTest::newRow("64 (hex text)") << 64;
}

void TestKeyFileKeyProvider::wrongSizeIsAnError()
{
    QFETCH(int, size);
    const QString path = m_dir.filePath(QStringLiteral("short-%1.key").arg(size));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(size, 'a'));
    file.close();
    for (bool create : {false, true}) {
        const KeyProvider::Result result = KeyFileKeyProvider(path).key(QStringLiteral("s"), create);
        QVERIFY(!result.ok());
        QVERIFY(result.key.isEmpty());
        QVERIFY2(result.error.contains(u"exactly 32 bytes"), qPrintable(result.error));
        QVERIFY2(result.error.contains(QString::number(size)), qPrintable(result.error));
    }
    QCOMPARE(QFileInfo(path).size(), qint64(size)); // left as it was
}

void TestKeyFileKeyProvider::folderIsAnError()
{
    const QString path = m_dir.filePath(QStringLiteral("a-folder"));
    QVERIFY(QDir().mkpath(path));
    const KeyProvider::Result result = KeyFileKeyProvider(path).key(QStringLiteral("s"), true);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"folder"), qPrintable(result.error));
}

void TestKeyFileKeyProvider::unreadableFileIsAnError()
{
#ifdef Q_OS_UNIX
    if (::geteuid() == 0)
        QSKIP("root reads every file: permissions cannot make it unreadable");
#endif
    const QString path = m_dir.filePath(QStringLiteral("unreadable.key"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(32, 'k'));
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::WriteOwner));
    const KeyProvider::Result result = KeyFileKeyProvider(path).key(QStringLiteral("s"), false);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"could not be read"), qPrintable(result.error));
}

void TestKeyFileKeyProvider::neverOverwritesAnExistingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("existing.key"));
    const QByteArray known(32, '\x5a');
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(known);
    file.close();
    QCOMPARE(KeyFileKeyProvider(path).key(QStringLiteral("s"), true).key, known);
    QCOMPARE(readAll(path), known);
}

void TestKeyFileKeyProvider::opensAStore()
{
    const QString keyPath = m_dir.filePath(QStringLiteral("store.key"));
    const QString storePath = m_dir.filePath(QStringLiteral("store.tambo"));
    {
        const KeyProvider::Result key = KeyFileKeyProvider(keyPath).key(storePath, true);
        QVERIFY(key.ok());
        Store::OpenResult opened = Store::open(storePath, key.key);
        QVERIFY2(opened.ok(), qPrintable(opened.error));
        QSqlQuery query(opened.store->database());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE t(v)")));
    }
    const KeyProvider::Result key = KeyFileKeyProvider(keyPath).key(storePath, false);
    QVERIFY(key.ok());
    Store::OpenResult opened = Store::open(storePath, key.key, Store::OpenMode::MustExist);
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    QVERIFY(opened.store->database().tables().contains(QStringLiteral("t")));
}

QTEST_GUILESS_MAIN(TestKeyFileKeyProvider)
#include "tst_keyfilekeyprovider.moc"
