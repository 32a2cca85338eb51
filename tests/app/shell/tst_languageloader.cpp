#include "LanguageLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QtTest>

using tambo::shell::LanguageLoader;

class TestLanguageLoader : public QObject
{
    Q_OBJECT

private slots:
    void spanishIsDefault();
    void qtOwnTranslations();
    void english();
    void unknownFallsBack();
    void replacesEarlierLoad();
};

void TestLanguageLoader::spanishIsDefault()
{
    LanguageLoader loader;
    QVERIFY(loader.load(QStringLiteral("es_PE")));
    QVERIFY(loader.loaded().contains(QStringLiteral("tambo_es_PE")));
    QCOMPARE(QLocale().name(), QStringLiteral("es_PE"));
    QCOMPARE(QCoreApplication::translate("tambo::shell::SyncIndicator", "Offline"),
             QStringLiteral("Sin conexión"));
    QCOMPARE(QCoreApplication::translate("tambo::shell::MainWindow", "Log &out"),
             QStringLiteral("&Cerrar sesión"));
    // Plural forms.
    QCOMPARE(QCoreApplication::translate("tambo::shell::SyncIndicator",
                                         "%n change(s) pending",
                                         nullptr,
                                         1),
             QStringLiteral("1 cambio pendiente"));
    QCOMPARE(QCoreApplication::translate("tambo::shell::SyncIndicator",
                                         "%n change(s) pending",
                                         nullptr,
                                         3),
             QStringLiteral("3 cambios pendientes"));
}

void TestLanguageLoader::qtOwnTranslations()
{
    const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFile::exists(QDir(dir).filePath(QStringLiteral("qtbase_es.qm"))))
        QSKIP("qtbase_es.qm is not installed (Debian: qt6-translations-l10n)");
    LanguageLoader loader;
    loader.load(QStringLiteral("es_PE"));
    QVERIFY(loader.loaded().contains(QStringLiteral("qtbase_es")));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancelar"));
}

void TestLanguageLoader::english()
{
    LanguageLoader loader;
    QVERIFY(loader.load(QStringLiteral("en")));
    QCOMPARE(loader.language(), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("tambo::shell::SyncIndicator", "Offline"),
             QStringLiteral("Offline"));
    QVERIFY(!loader.loaded().contains(QStringLiteral("qtbase_es")));
}

void TestLanguageLoader::unknownFallsBack()
{
    LanguageLoader loader;
    QVERIFY(loader.load(QStringLiteral("fr_FR")));
    QCOMPARE(loader.language(), QStringLiteral("es_PE"));
}

void TestLanguageLoader::replacesEarlierLoad()
{
    LanguageLoader loader;
    loader.load(QStringLiteral("es_PE"));
    loader.load(QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("tambo::shell::SyncIndicator", "Offline"),
             QStringLiteral("Offline"));
}

QTEST_MAIN(TestLanguageLoader)
#include "tst_languageloader.moc"
