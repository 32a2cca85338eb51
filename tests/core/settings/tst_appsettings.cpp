#include "settings/AppSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using tambo::core::AppSettings;

class TestAppSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaults();
    void roundTrip();
    void survivesReopen();
    void idleLockClamped_data();
    void idleLockClamped();
    void badValuesInFile_data();
    void badValuesInFile();
    void serverUrl_data();
    void serverUrl();
    void scannerAffixesCut();
    void unknownLanguage();

private:
    QString path() const { return m_dir.filePath(QStringLiteral("tambo.ini")); }
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString m_path;
};

void TestAppSettings::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("tambo-%1.ini").arg(++m_counter));
}

void TestAppSettings::defaults()
{
    AppSettings s(m_path);
    QCOMPARE(s.serverUrl(), QString());
    QCOMPARE(s.sedeId(), QString());
    QCOMPARE(s.scannerPrefix(), QString());
    QCOMPARE(s.scannerSuffix(), QString());
    QCOMPARE(s.idleLockMinutes(), 10);
    QCOMPARE(s.language(), QStringLiteral("es_PE"));
    QCOMPARE(s.storePath(), QString());
    QVERIFY(s.windowGeometry().isEmpty());
    QVERIFY(s.windowState().isEmpty());
    QCOMPARE(AppSettings::supportedLanguages(), QStringList({"es_PE", "en"}));
}

void TestAppSettings::roundTrip()
{
    AppSettings s(m_path);
    QVERIFY(s.setServerUrl(QStringLiteral("https://tambo.munitacna.gob.pe/")));
    s.setSedeId(QStringLiteral("SEDE-01"));
    QVERIFY(s.setScannerPrefix(QStringLiteral("#")));
    QVERIFY(s.setScannerSuffix(QStringLiteral("\r")));
    QVERIFY(s.setIdleLockMinutes(0));
    QVERIFY(s.setLanguage(QStringLiteral("en")));
    s.setStorePath(QStringLiteral("/srv/tambo/sede01.tambo"));
    s.setWindowGeometry(QByteArray("geo\0metry", 9));
    s.setWindowState(QByteArray("state"));

    QCOMPARE(s.serverUrl(), QStringLiteral("https://tambo.munitacna.gob.pe"));
    QCOMPARE(s.sedeId(), QStringLiteral("SEDE-01"));
    QCOMPARE(s.scannerPrefix(), QStringLiteral("#"));
    QCOMPARE(s.scannerSuffix(), QStringLiteral("\r"));
    QCOMPARE(s.idleLockMinutes(), 0);
    QCOMPARE(s.language(), QStringLiteral("en"));
    QCOMPARE(s.storePath(), QStringLiteral("/srv/tambo/sede01.tambo"));
    QCOMPARE(s.windowGeometry(), QByteArray("geo\0metry", 9));
    QCOMPARE(s.windowState(), QByteArray("state"));
}

void TestAppSettings::survivesReopen()
{
    {
        AppSettings s(m_path);
        s.setSedeId(QStringLiteral("SEDE-07"));
        QVERIFY(s.setIdleLockMinutes(25));
        QString error;
        QVERIFY2(s.sync(&error), qPrintable(error));
        QCOMPARE(s.fileName(), m_path);
    }
    AppSettings again(m_path);
    QCOMPARE(again.sedeId(), QStringLiteral("SEDE-07"));
    QCOMPARE(again.idleLockMinutes(), 25);
}

void TestAppSettings::idleLockClamped_data()
{
    QTest::addColumn<int>("input");
    QTest::addColumn<int>("stored");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("off") << 0 << 0 << true;
    QTest::newRow("one") << 1 << 1 << true;
    QTest::newRow("max") << 480 << 480 << true;
    QTest::newRow("negative") << -5 << 0 << false;
    QTest::newRow("huge") << 100000 << 480 << false;
}

void TestAppSettings::idleLockClamped()
{
    QFETCH(int, input);
    QFETCH(int, stored);
    QFETCH(bool, accepted);
    AppSettings s(m_path);
    QCOMPARE(s.setIdleLockMinutes(input), accepted);
    QCOMPARE(s.idleLockMinutes(), stored);
}

void TestAppSettings::badValuesInFile_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<int>("idle");
    QTest::addColumn<QString>("language");
    QTest::newRow("idle text") << "security/idleLockMinutes"
                               << "diez" << 10 << "es_PE";
    QTest::newRow("idle negative") << "security/idleLockMinutes"
                                   << "-3" << 0 << "es_PE";
    QTest::newRow("idle huge") << "security/idleLockMinutes"
                               << "99999" << 480 << "es_PE";
    QTest::newRow("idle spaces") << "security/idleLockMinutes"
                                 << " 15 " << 15 << "es_PE";
    QTest::newRow("language fr") << "ui/language"
                                 << "fr_FR" << 10 << "es_PE";
    QTest::newRow("language empty") << "ui/language"
                                    << "" << 10 << "es_PE";
}

void TestAppSettings::badValuesInFile()
{
    QFETCH(QString, key);
    QFETCH(QString, raw);
    QFETCH(int, idle);
    QFETCH(QString, language);
    {
        QSettings raw_(m_path, QSettings::IniFormat);
        raw_.setValue(key, raw);
        raw_.setValue(QStringLiteral("sync/serverUrl"), QStringLiteral("ftp://x"));
        raw_.sync();
    }
    AppSettings s(m_path);
    QCOMPARE(s.idleLockMinutes(), idle);
    QCOMPARE(s.language(), language);
    QCOMPARE(s.serverUrl(), QString());
}

void TestAppSettings::serverUrl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("empty") << ""
                           << "" << true;
    QTest::newRow("https") << "https://tambo.munitacna.gob.pe"
                           << "https://tambo.munitacna.gob.pe" << true;
    QTest::newRow("port and path") << " http://10.0.0.5:8443/api/ "
                                   << "http://10.0.0.5:8443/api" << true;
    QTest::newRow("no scheme") << "tambo.munitacna.gob.pe"
                               << "" << false;
    QTest::newRow("ftp") << "ftp://tambo.munitacna.gob.pe"
                         << "" << false;
    QTest::newRow("garbage") << "http://"
                             << "" << false;
}

void TestAppSettings::serverUrl()
{
    QFETCH(QString, input);
    QFETCH(QString, stored);
    QFETCH(bool, accepted);
    AppSettings s(m_path);
    QCOMPARE(s.setServerUrl(input), accepted);
    QCOMPARE(s.serverUrl(), stored);
}

void TestAppSettings::scannerAffixesCut()
{
    AppSettings s(m_path);
    QVERIFY(!s.setScannerPrefix(QStringLiteral("0123456789AB")));
    QCOMPARE(s.scannerPrefix(), QStringLiteral("01234567"));
    QVERIFY(!s.setScannerSuffix(QStringLiteral("abcdefghij")));
    QCOMPARE(s.scannerSuffix(), QStringLiteral("abcdefgh"));
}

void TestAppSettings::unknownLanguage()
{
    AppSettings s(m_path);
    QVERIFY(!s.setLanguage(QStringLiteral("qu_PE")));
    QCOMPARE(s.language(), QStringLiteral("es_PE"));
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
