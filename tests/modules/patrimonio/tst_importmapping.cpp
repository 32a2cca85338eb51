#include "ImportMapping.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tambo::patrimonio;

class TestImportMapping : public QObject
{
    Q_OBJECT

private slots:
    void sigaResolvesUsualHeaders();
    void guessFromSpanishHeaders();
    void savedMappingRoundTrip();
    void loadNamed();
    void badJson();
    void numbers_data();
    void numbers();
    void dates_data();
    void dates();
};

void TestImportMapping::sigaResolvesUsualHeaders()
{
    const QStringList headers{QStringLiteral("Cód. Patrimonial"),
                              QStringLiteral("DENOMINACION"),
                              QStringLiteral("VALOR_ADQUISICION"),
                              QStringLiteral("CENTRO_COSTO"),
                              QStringLiteral("FECHA_ADQUISICION"),
                              QStringLiteral("SEDE")};
    const auto columns = ImportMapping::siga().resolve(headers);
    QCOMPARE(columns.at(size_t(ImportField::Codigo)), 0);
    QCOMPARE(columns.at(size_t(ImportField::Denominacion)), 1);
    QCOMPARE(columns.at(size_t(ImportField::Valor)), 2);
    QCOMPARE(columns.at(size_t(ImportField::Area)), 3);
    QCOMPARE(columns.at(size_t(ImportField::FechaAdquisicion)), 4);
    QCOMPARE(columns.at(size_t(ImportField::Sede)), 5);
    QCOMPARE(columns.at(size_t(ImportField::Marca)), -1);
}

void TestImportMapping::guessFromSpanishHeaders()
{
    const QStringList headers{QStringLiteral("Código"),
                              QStringLiteral("Denominación"),
                              QStringLiteral("Marca"),
                              QStringLiteral("Responsable"),
                              QStringLiteral("Cuenta contable")};
    const ImportMapping m = ImportMapping::guess(headers);
    const auto columns = m.resolve(headers);
    QCOMPARE(columns.at(size_t(ImportField::Codigo)), 0);
    QCOMPARE(columns.at(size_t(ImportField::Denominacion)), 1);
    QCOMPARE(columns.at(size_t(ImportField::Marca)), 2);
    QCOMPARE(columns.at(size_t(ImportField::Responsable)), 3);
    QCOMPARE(columns.at(size_t(ImportField::CuentaContable)), 4);
    QCOMPARE(columns.at(size_t(ImportField::Serie)), -1);
}

void TestImportMapping::savedMappingRoundTrip()
{
    QTemporaryDir dir;
    ImportMapping m;
    m.setName(QStringLiteral("Inventario 2025"));
    m.setHeader(ImportField::Codigo, QStringLiteral("COD"));
    m.setHeaders(ImportField::Denominacion, {QStringLiteral("NOMBRE"), QStringLiteral("DESC")});
    m.setDecimal(ImportMapping::Decimal::Comma);
    m.setDateFormat(QStringLiteral("yyyy-MM-dd"));
    m.setDefaultSede(QStringLiteral("palacio"));
    const QString path = dir.filePath(QStringLiteral("sub/inv.json"));
    QString error;
    QVERIFY2(m.save(path, &error), qPrintable(error));
    const auto loaded = ImportMapping::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->name(), m.name());
    QCOMPARE(loaded->toJson(), m.toJson());
    QCOMPARE(loaded->headersFor(ImportField::Denominacion),
             (QStringList{QStringLiteral("NOMBRE"), QStringLiteral("DESC")}));
    QCOMPARE(loaded->decimal(), ImportMapping::Decimal::Comma);
    QCOMPARE(loaded->defaultSede(), QStringLiteral("palacio"));
}

void TestImportMapping::loadNamed()
{
    const auto siga = ImportMapping::loadNamed(QStringLiteral("SIGA"));
    QVERIFY(siga);
    QCOMPARE(siga->name(), QStringLiteral("SIGA-MEF"));
    QString error;
    QVERIFY(!ImportMapping::loadNamed(QStringLiteral("/no/such/mapping.json"), &error));
    QVERIFY(error.contains(QStringLiteral("mapping.json")));
}

void TestImportMapping::badJson()
{
    QString error;
    QVERIFY(!ImportMapping::fromJson({{QStringLiteral("columns"),
                                       QJsonObject{{QStringLiteral("bogus"), QStringLiteral("X")}}}},
                                     &error));
    QVERIFY(error.contains(QStringLiteral("bogus")));
    QVERIFY(!ImportMapping::fromJson({{QStringLiteral("decimal"), QStringLiteral("dot")}}, &error));
    QVERIFY(!ImportMapping::fromJson({}, &error)); // no código column
}

void TestImportMapping::numbers_data()
{
    QTest::addColumn<int>("decimal");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("centimos");
    const int a = int(ImportMapping::Decimal::Auto);
    const int p = int(ImportMapping::Decimal::Point);
    const int c = int(ImportMapping::Decimal::Comma);
    QTest::newRow("auto 1,234.50") << a << "1,234.50" << true << qint64(123450);
    QTest::newRow("auto 1.234,50") << a << "1.234,50" << true << qint64(123450);
    QTest::newRow("auto 1234.5") << a << "1234.5" << true << qint64(123450);
    QTest::newRow("auto 1234,50") << a << "1234,50" << true << qint64(123450);
    QTest::newRow("auto 1.234 is thousands") << a << "1.234" << true << qint64(123400);
    QTest::newRow("auto S/ 3 450.00") << a << "S/ 3 450.00" << true << qint64(345000);
    QTest::newRow("auto empty") << a << "" << true << qint64(0);
    QTest::newRow("auto negative") << a << "-12.00" << false << qint64(0);
    QTest::newRow("auto letters") << a << "doce" << false << qint64(0);
    QTest::newRow("point 1,234.50") << p << "1,234.50" << true << qint64(123450);
    QTest::newRow("point 1.234") << p << "1.234" << false << qint64(0);
    QTest::newRow("comma 1.234,5") << c << "1.234,5" << true << qint64(123450);
    QTest::newRow("comma 1.234") << c << "1.234" << true << qint64(123400);
}

void TestImportMapping::numbers()
{
    QFETCH(int, decimal);
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, centimos);
    ImportMapping m;
    m.setDecimal(ImportMapping::Decimal(decimal));
    qint64 value = -1;
    QCOMPARE(m.parseValor(text, &value), ok);
    if (ok)
        QCOMPARE(value, centimos);
}

void TestImportMapping::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("date");
    QTest::newRow("dd/mm/yyyy") << "14/05/2021" << QDate(2021, 5, 14);
    QTest::newRow("d/m/yyyy") << "4/5/2021" << QDate(2021, 5, 4);
    QTest::newRow("with time") << "14/05/2021 00:00:00" << QDate(2021, 5, 14);
    QTest::newRow("iso") << "2021-05-14" << QDate(2021, 5, 14);
    QTest::newRow("empty") << "" << QDate();
    QTest::newRow("31/02") << "31/02/2021" << QDate(1, 1, 1);
    QTest::newRow("two-digit year") << "14/05/21" << QDate(1, 1, 1);
    QTest::newRow("text") << "mayo 2021" << QDate(1, 1, 1);
}

void TestImportMapping::dates()
{
    QFETCH(QString, text);
    QFETCH(QDate, date);
    const bool expectOk = date != QDate(1, 1, 1);
    QDate parsed;
    QCOMPARE(ImportMapping().parseDate(text, &parsed), expectOk);
    if (expectOk)
        QCOMPARE(parsed, date);
}

QTEST_GUILESS_MAIN(TestImportMapping)
#include "tst_importmapping.moc"
