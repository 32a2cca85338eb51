#include "AboutDialog.h"

#include <QtTest>

using tambo::shell::AboutDialog;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void details();
    void unknownCipher();
};

void TestAboutDialog::details()
{
    AboutDialog dialog(QStringLiteral("4.14.0 community"));
    const QString text = dialog.detailsText();
    QVERIFY2(text.contains(QStringLiteral("Tambo " TAMBO_VERSION)), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("GPL-3.0-or-later")));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    QVERIFY(text.contains(QStringLiteral("SQLCipher 4.14.0 community")));
    QVERIFY(text.contains(QStringLiteral("Municipalidad Provincial de Tacna")));
    QVERIFY(!dialog.windowTitle().isEmpty());
}

void TestAboutDialog::unknownCipher()
{
    AboutDialog dialog;
    QVERIFY(dialog.detailsText().contains(QStringLiteral("SQLCipher not available")));
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
