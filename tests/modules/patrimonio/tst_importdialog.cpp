#include "PatrimonioFixture.h"

#include "AssetImporter.h"
#include "ImportDialog.h"
#include "ImportPreviewModel.h"
#include "ImportProblemModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::PatrimonioFixture;

class TestImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void dryRunFromTheKeyboardThenImport();
    void savedMappingRoundTrip();

private:
    QString writeCsv(const QString &name, const QByteArray &bytes);
    void typePath(const QString &path);

    QTemporaryDir m_dir;
    std::unique_ptr<PatrimonioFixture> m_fixture;
    std::unique_ptr<AssetImporter> m_importer;
    core::Session m_session;
    std::unique_ptr<ImportDialog> m_dialog;
};

void TestImportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QDir(ImportMapping::savedMappingsFolder()).removeRecursively();
}

void TestImportDialog::init()
{
    m_fixture = std::make_unique<PatrimonioFixture>();
    QVERIFY2(m_fixture->setupError().isEmpty(), qPrintable(m_fixture->setupError()));
    m_importer = std::make_unique<AssetImporter>(core::databaseProviderOf(m_fixture->temp().store()),
                                                 m_fixture->clock(),
                                                 m_fixture->audit());
    m_session = PatrimonioFixture::inventariador();
    m_dialog = std::make_unique<ImportDialog>(*m_importer, m_session);
    m_dialog->show();
    QApplication::setActiveWindow(m_dialog.get());
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
}

void TestImportDialog::cleanup()
{
    m_dialog.reset();
    m_importer.reset();
    m_fixture.reset();
}

QString TestImportDialog::writeCsv(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return path;
}

void TestImportDialog::typePath(const QString &path)
{
    QTest::keyClick(m_dialog.get(), Qt::Key_F, Qt::AltModifier); // &File
    QCOMPARE(QApplication::focusWidget(), m_dialog->fileField());
    m_dialog->fileField()->selectAll();
    QTest::keyClicks(m_dialog->fileField(), path);
    QTest::keyClick(m_dialog->fileField(), Qt::Key_Return);
}

void TestImportDialog::dryRunFromTheKeyboardThenImport()
{
    QAbstractItemModelTester previewTester(m_dialog->previewModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester problemTester(m_dialog->problemProxy(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QByteArray bytes = "CODIGO_PATRIMONIAL;DENOMINACION;ESTADO;SEDE;VALOR\r\n";
    for (int i = 1; i <= 12; ++i) {
        if (i == 4)
            bytes += "74089950004;CPU;B;palacio;10\r\n"; // 11 digits
        else if (i == 11)
            bytes += "740899500011;CPU;B;palacio;diez\r\n";
        else
            bytes += QStringLiteral("74089950%1;CPU;B;palacio;10\r\n")
                         .arg(i, 4, 10, QLatin1Char('0'))
                         .toUtf8();
    }
    typePath(writeCsv(QStringLiteral("siga.csv"), bytes));
    QCOMPARE(m_dialog->previewModel()->rowCount(), 12);
    QCOMPARE(m_dialog->previewModel()
                 ->headerData(ImportPreviewModel::FirstFileColumn, Qt::Horizontal, Qt::DisplayRole)
                 .toString(),
             QStringLiteral("CODIGO_PATRIMONIAL"));
    QCOMPARE(m_dialog->mappingCombo()->currentIndex(), 1); // SIGA-MEF recognised
    QCOMPARE(m_dialog->fieldCombo(ImportField::Valor)->currentText(), QStringLiteral("VALOR"));

    // Mnemonics animate the click: the button fires a moment later.
    QTest::keyClick(m_dialog.get(), Qt::Key_K, Qt::AltModifier); // Chec&k
    QTRY_COMPARE(m_dialog->problemModel()->rowCount(), 2);
    QVERIFY(!m_dialog->importButton()->isEnabled());
    QVERIFY2(m_dialog->summary()->text().contains(QStringLiteral("10 correct")),
             qPrintable(m_dialog->summary()->text()));
    QCOMPARE(m_dialog->problemProxy()->index(0, ImportProblemModel::Row).data().toInt(), 5);
    QCOMPARE(m_dialog->problemProxy()->index(1, ImportProblemModel::Row).data().toInt(), 12);
    // Sortable: descending by row puts row 12 first.
    m_dialog->problemView()->sortByColumn(ImportProblemModel::Row, Qt::DescendingOrder);
    QCOMPARE(m_dialog->problemProxy()->index(0, ImportProblemModel::Row).data().toInt(), 12);
    // Alt+I does nothing while there are problems; the dry run wrote nothing.
    QTest::keyClick(m_dialog.get(), Qt::Key_I, Qt::AltModifier);
    QTest::qWait(300);
    QCOMPARE(m_fixture->assets().count(), 0);

    // The corrected file.
    bytes.replace("74089950004;", "740899500004;");
    bytes.replace(";diez", ";10");
    typePath(writeCsv(QStringLiteral("siga-corregido.csv"), bytes));
    QTest::keyClick(m_dialog.get(), Qt::Key_K, Qt::AltModifier);
    QTRY_VERIFY(m_dialog->importButton()->isEnabled());
    QCOMPARE(m_dialog->problemModel()->rowCount(), 0);
    QCOMPARE(QApplication::focusWidget(), m_dialog->importButton());
    QSignalSpy imported(m_dialog.get(), &ImportDialog::imported);
    QTest::keyClick(m_dialog.get(), Qt::Key_I, Qt::AltModifier); // &Import
    QTRY_VERIFY2(imported.count() == 1, qPrintable(m_dialog->summary()->text()));
    QCOMPARE(m_dialog->importedCount(), 12);
    QCOMPARE(m_fixture->assets().count(), 12);
    QVERIFY(!m_dialog->importButton()->isEnabled()); // not twice
}

void TestImportDialog::savedMappingRoundTrip()
{
    typePath(writeCsv(QStringLiteral("hoja.csv"),
                      "Código,Denominación,Marca,Sede\n740899500001,CPU,HP,palacio\n"));
    QCOMPARE(m_dialog->mappingCombo()->currentIndex(), 0); // guessed
    QCOMPARE(m_dialog->fieldCombo(ImportField::Marca)->currentText(), QStringLiteral("Marca"));
    m_dialog->fieldCombo(ImportField::Marca)->setCurrentIndex(0); // do not import the brand
    const QString path = ImportMapping::savedMappingsFolder() + QStringLiteral("/sin-marca.json");
    m_dialog->setSaveFileChooser([path] { return path; });
    QTest::keyClick(m_dialog.get(), Qt::Key_V, Qt::AltModifier); // Sa&ve mapping
    QTRY_VERIFY2(QFile::exists(path), qPrintable(m_dialog->summary()->text()));
    QCOMPARE(m_dialog->mappingCombo()->currentText(), QStringLiteral("sin-marca"));

    m_dialog->mappingCombo()->setCurrentIndex(0);
    QCOMPARE(m_dialog->fieldCombo(ImportField::Marca)->currentText(), QStringLiteral("Marca"));
    m_dialog->mappingCombo()->setCurrentIndex(
        m_dialog->mappingCombo()->findText(QStringLiteral("sin-marca")));
    QCOMPARE(m_dialog->fieldCombo(ImportField::Marca)->currentIndex(), 0);
    QCOMPARE(m_dialog->fieldCombo(ImportField::Codigo)->currentText(), QStringLiteral("Código"));

    QTest::keyClick(m_dialog.get(), Qt::Key_K, Qt::AltModifier);
    QTRY_VERIFY(m_dialog->importButton()->isEnabled());
    QVERIFY(m_dialog->importNow());
    QCOMPARE(m_fixture->assets().findByCode(QStringLiteral("740899500001"))->marca, QString());
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
