#include "ImportCsvReader.h"

#include <QBuffer>
#include <QTest>

using namespace tambo::patrimonio;

class TestImportCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void excelFiles_data();
    void excelFiles();
    void quotedFieldsWithSeparatorsAndNewlines();
    void rowNumbersCountBlankAndMultilineRows();
    void windows1252Specials();
    void unterminatedQuoteIsAnError();
    void emptyFileIsAnError();
};

void TestImportCsvReader::excelFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("separator");

    const QByteArray utf8
        = QStringLiteral("CÓDIGO;DENOMINACIÓN;AÑO\r\n740899500001;CPU Ñandú;2021\r\n").toUtf8();
    QTest::newRow("utf-8 with BOM, ';', CRLF")
        << QByteArray("\xEF\xBB\xBF") + utf8 << QStringLiteral("UTF-8") << QStringLiteral(";");
    QTest::newRow("utf-8 without BOM") << utf8 << QStringLiteral("UTF-8") << QStringLiteral(";");
    QTest::newRow("windows-1252, ';'")
        << QByteArray("C\xD3"
                      "DIGO;DENOMINACI\xD3N;A\xD1O\r\n740899500001;CPU \xD1"
                      "and\xFA;2021\r\n")
        << QStringLiteral("Windows-1252") << QStringLiteral(";");
    QTest::newRow("utf-8, ',' and LF")
        << QStringLiteral("CÓDIGO,DENOMINACIÓN,AÑO\n740899500001,CPU Ñandú,2021\n").toUtf8()
        << QStringLiteral("UTF-8") << QStringLiteral(",");
    QTest::newRow("tab, no final newline")
        << QStringLiteral("CÓDIGO\tDENOMINACIÓN\tAÑO\n740899500001\tCPU Ñandú\t2021").toUtf8()
        << QStringLiteral("UTF-8") << QStringLiteral("\t");
}

void TestImportCsvReader::excelFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(QString, separator);
    QBuffer buffer(&bytes);
    ImportTable table;
    QString error;
    QVERIFY2(ImportCsvReader::read(buffer, &table, &error), qPrintable(error));
    QCOMPARE(table.encoding, encoding);
    QCOMPARE(QString(table.separator), separator);
    QCOMPARE(table.headers,
             (QStringList{QStringLiteral("CÓDIGO"),
                          QStringLiteral("DENOMINACIÓN"),
                          QStringLiteral("AÑO")}));
    QCOMPARE(table.rows.size(), 1);
    QCOMPARE(table.rows.first(),
             (QStringList{QStringLiteral("740899500001"),
                          QStringLiteral("CPU Ñandú"),
                          QStringLiteral("2021")}));
    QCOMPARE(table.rowNumbers, QList<int>{2});
}

void TestImportCsvReader::quotedFieldsWithSeparatorsAndNewlines()
{
    const QByteArray bytes = "codigo;denominacion;caracteristicas\r\n"
                             "740899500001;\"ESCRITORIO; DE MELAMINA\";\"Largo 1,20 m\r\nAncho "
                             "\"\"60\"\" cm\"\r\n"
                             "740899500002;SILLA;\r\n";
    ImportTable table;
    QString error;
    QVERIFY2(ImportCsvReader::parse(bytes, &table, &error), qPrintable(error));
    QCOMPARE(table.rows.size(), 2);
    QCOMPARE(table.rows.at(0).at(1), QStringLiteral("ESCRITORIO; DE MELAMINA"));
    QCOMPARE(table.rows.at(0).at(2), QStringLiteral("Largo 1,20 m\nAncho \"60\" cm"));
    QCOMPARE(table.rows.at(1),
             (QStringList{QStringLiteral("740899500002"), QStringLiteral("SILLA"), QString()}));
}

void TestImportCsvReader::rowNumbersCountBlankAndMultilineRows()
{
    // Excel's row numbers: the header is row 1; a cell with line breaks is still one row; a blank
    // row (";;") is skipped but keeps its number.
    const QByteArray bytes = "a;b\n1;\"x\ny\"\n;\n3;z\n\n5;w\n";
    ImportTable table;
    QVERIFY(ImportCsvReader::parse(bytes, &table));
    QCOMPARE(table.rows.size(), 3);
    QCOMPARE(table.rowNumbers, (QList<int>{2, 4, 6}));
}

void TestImportCsvReader::windows1252Specials()
{
    // 0x80 € and 0x93/0x94 curly quotes differ from Latin-1.
    QCOMPARE(ImportCsvReader::decodeWindows1252("\x80 \x93"
                                                "a\x94 \xF1"),
             QStringLiteral("€ “a” ñ"));
}

void TestImportCsvReader::unterminatedQuoteIsAnError()
{
    ImportTable table;
    QString error;
    QVERIFY(!ImportCsvReader::parse("a;b\n1;\"open\n", &table, &error));
    QVERIFY(error.contains(u'"'));
}

void TestImportCsvReader::emptyFileIsAnError()
{
    ImportTable table;
    QString error;
    QVERIFY(!ImportCsvReader::parse(QByteArray("\xEF\xBB\xBF\r\n"), &table, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestImportCsvReader)
#include "tst_importcsvreader.moc"
