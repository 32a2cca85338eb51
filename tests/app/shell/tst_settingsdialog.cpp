#include "SettingsDialog.h"

#include "settings/AppSettings.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using tambo::core::AppSettings;
using tambo::shell::SettingsDialog;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void loadsSettings();
    void roundTrip();
    void rejectsBadServer();
    void controlCharacters_data();
    void controlCharacters();
    void unknownSedeIsKept();
    void policyFieldsReadOnly();
    void languageChange();

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
};

void TestSettingsDialog::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_n));
}

void TestSettingsDialog::loadsSettings()
{
    AppSettings settings(m_path);
    settings.setServerUrl(QStringLiteral("https://tambo.munitacna.gob.pe"));
    settings.setSedeId(QStringLiteral("S02"));
    settings.setIdleLockMinutes(15);
    settings.setScannerSuffix(QStringLiteral("\r"));

    SettingsDialog dialog;
    dialog.setSedes({{QStringLiteral("S01"), QStringLiteral("Palacio Municipal")},
                     {QStringLiteral("S02"), QStringLiteral("Mercado Central")}});
    dialog.load(settings);
    QCOMPARE(dialog.serverUrl(), QStringLiteral("https://tambo.munitacna.gob.pe"));
    QCOMPARE(dialog.sedeId(), QStringLiteral("S02"));
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("sede"))->currentText(),
             QStringLiteral("Mercado Central"));
    QCOMPARE(dialog.idleLockMinutes(), 15);
    QCOMPARE(dialog.scannerSuffix(), QStringLiteral("\r"));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("scannerSuffix"))->text(),
             QStringLiteral("\\r"));
    QCOMPARE(dialog.language(), QStringLiteral("es_PE"));
}

void TestSettingsDialog::roundTrip()
{
    AppSettings settings(m_path);
    SettingsDialog dialog;
    dialog.setSedes({{QStringLiteral("S01"), QStringLiteral("Palacio Municipal")}});
    dialog.load(settings);

    // Through the widgets, as a user would.
    auto *server = dialog.findChild<QLineEdit *>(QStringLiteral("serverUrl"));
    server->clear();
    QTest::keyClicks(server, QStringLiteral("https://sync.munitacna.gob.pe"));
    dialog.findChild<QComboBox *>(QStringLiteral("sede"))->setCurrentIndex(1);
    dialog.findChild<QLineEdit *>(QStringLiteral("scannerPrefix"))->setText(QStringLiteral("#"));
    dialog.findChild<QLineEdit *>(QStringLiteral("scannerSuffix"))->setText(QStringLiteral("\\t"));
    dialog.findChild<QSpinBox *>(QStringLiteral("idleLockMinutes"))->setValue(0);
    dialog.setLanguage(QStringLiteral("en"));

    QVERIFY(dialog.save(settings));
    AppSettings reread(m_path);
    QCOMPARE(reread.serverUrl(), QStringLiteral("https://sync.munitacna.gob.pe"));
    QCOMPARE(reread.sedeId(), QStringLiteral("S01"));
    QCOMPARE(reread.scannerPrefix(), QStringLiteral("#"));
    QCOMPARE(reread.scannerSuffix(), QStringLiteral("\t"));
    QCOMPARE(reread.idleLockMinutes(), 0);
    QCOMPARE(reread.language(), QStringLiteral("en"));

    SettingsDialog again;
    again.setSedes({{QStringLiteral("S01"), QStringLiteral("Palacio Municipal")}});
    again.load(reread);
    QCOMPARE(again.sedeId(), QStringLiteral("S01"));
    QCOMPARE(again.scannerSuffix(), QStringLiteral("\t"));
    QCOMPARE(again.idleLockMinutes(), 0);
}

void TestSettingsDialog::rejectsBadServer()
{
    AppSettings settings(m_path);
    SettingsDialog dialog;
    dialog.load(settings);
    dialog.setServerUrl(QStringLiteral("ftp://servidor"));
    QVERIFY(!dialog.save(settings));
    QVERIFY(!dialog.errorText().isEmpty());
    QCOMPARE(AppSettings(m_path).serverUrl(), QString());
    dialog.accept(); // OK refuses to close
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    dialog.setServerUrl(QString());
    QVERIFY(dialog.save(settings));
    QVERIFY(dialog.errorText().isEmpty());
}

void TestSettingsDialog::controlCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("plain") << "AB"
                           << "AB";
    QTest::newRow("enter") << "\r"
                           << "\\r";
    QTest::newRow("tab+lf") << "\t\n"
                            << "\\t\\n";
    QTest::newRow("backslash") << "a\\b"
                               << "a\\\\b";
}

void TestSettingsDialog::controlCharacters()
{
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    QCOMPARE(SettingsDialog::escapeControls(text), escaped);
    QCOMPARE(SettingsDialog::unescapeControls(escaped), text);
}

void TestSettingsDialog::unknownSedeIsKept()
{
    AppSettings settings(m_path);
    settings.setSedeId(QStringLiteral("S99"));
    SettingsDialog dialog;
    dialog.setSedes({{QStringLiteral("S01"), QStringLiteral("Palacio Municipal")}});
    dialog.load(settings);
    QCOMPARE(dialog.sedeId(), QStringLiteral("S99"));
}

void TestSettingsDialog::policyFieldsReadOnly()
{
    SettingsDialog dialog;
    dialog.setPolicyEditable(false);
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("serverUrl"))->isReadOnly());
    QVERIFY(!dialog.findChild<QComboBox *>(QStringLiteral("sede"))->isEnabled());
    QVERIFY(!dialog.findChild<QSpinBox *>(QStringLiteral("idleLockMinutes"))->isEnabled());
    QVERIFY(dialog.findChild<QComboBox *>(QStringLiteral("language"))->isEnabled());
}

void TestSettingsDialog::languageChange()
{
    AppSettings settings(m_path);
    SettingsDialog dialog;
    dialog.load(settings);
    QVERIFY(!dialog.languageChanged());
    dialog.setLanguage(QStringLiteral("en"));
    QVERIFY(dialog.languageChanged());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
