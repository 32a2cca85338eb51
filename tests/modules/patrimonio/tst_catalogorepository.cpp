#include "PatrimonioFixture.h"

#include "CatalogoRepository.h"
#include "PatrimonioPermissions.h"

#include <QBuffer>
#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::PatrimonioFixture;

class TestCatalogoRepository : public QObject
{
    Q_OBJECT

private slots:
    void demoCatalogoIsThere();
    void importReportsEveryBadRow();
    void dryRunWritesNothing();
    void importNeedsPermission();
    void excelAnsiFileIsRead();
    void reimportUpdatesOnlyChanges();
};

namespace {

CatalogoRepository::ImportReport importText(PatrimonioFixture &f,
                                            const QByteArray &bytes,
                                            bool dryRun = false)
{
    QBuffer buffer;
    buffer.setData(bytes);
    return f.catalogo().importCsv(PatrimonioFixture::jefe(), buffer, dryRun);
}

} // namespace

void TestCatalogoRepository::demoCatalogoIsThere()
{
    PatrimonioFixture f;
    QVERIFY2(f.setupError().isEmpty(), qPrintable(f.setupError()));
    QVERIFY(f.catalogo().count() >= 20);
    const auto cpu = f.catalogo().find(QStringLiteral("74089950"));
    QVERIFY(cpu);
    QCOMPARE(cpu->denominacion, QStringLiteral("UNIDAD CENTRAL DE PROCESO - CPU"));
    QVERIFY(!f.catalogo().find(QStringLiteral("12345678")));
    QString error;
    QVERIFY(f.catalogo().list(PatrimonioFixture::mesaPartes(), &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QCOMPARE(f.catalogo().list(PatrimonioFixture::comite()).size(), f.catalogo().count());
}

void TestCatalogoRepository::importReportsEveryBadRow()
{
    PatrimonioFixture f;
    QVERIFY2(f.setupError().isEmpty(), qPrintable(f.setupError()));
    const int before = f.catalogo().count();
    const int auditBefore = f.auditRows(QStringLiteral("patrimonio.catalogo"));
    const QByteArray csv = "\xEF\xBB\xBF"
                           "codigo;denominacion\r\n"
                           "# a comment\r\n"
                           "11221133;MESA DE MADERA\r\n"
                           "\r\n"
                           "1122113;MESA CORTA\r\n"      // line 5: 7 digits
                           "11A21134;MESA CON LETRA\r\n" // 6: letter
                           "11221135;\r\n"               // 7: no denominación
                           "11221133;MESA REPETIDA\r\n"  // 8: repeated
                           "00000000;NADA\r\n"           // 9: zeros
                           "sin separador\r\n"           // 10: no separator
                           "\"11221136\";\"MESA; CON PUNTO Y COMA\"\r\n"
                           "11221137,SILLA, CON COMAS\r\n";
    const auto report = importText(f, csv);
    QVERIFY2(report.ok(), qPrintable(report.error));
    QCOMPARE(report.added, 3);
    QCOMPARE(report.updated, 0);
    QCOMPARE(report.errors.size(), 6);
    QCOMPARE(report.errors.at(0).line, 5);
    QVERIFY2(report.errors.at(0).reason.contains(QLatin1String("leading zeros")),
             qPrintable(report.errors.at(0).reason));
    QCOMPARE(report.errors.at(1).line, 6);
    QCOMPARE(report.errors.at(2).line, 7);
    QCOMPARE(report.errors.at(3).line, 8);
    QVERIFY2(report.errors.at(3).reason.contains(QLatin1String("line 3")),
             qPrintable(report.errors.at(3).reason));
    QCOMPARE(report.errors.at(4).line, 9);
    QCOMPARE(report.errors.at(5).line, 10);
    for (const auto &e : report.errors)
        QVERIFY(!e.reason.isEmpty());

    QCOMPARE(f.catalogo().count(), before + 3);
    QCOMPARE(f.catalogo().find(QStringLiteral("11221136"))->denominacion,
             QStringLiteral("MESA; CON PUNTO Y COMA"));
    QCOMPARE(f.catalogo().find(QStringLiteral("11221137"))->denominacion,
             QStringLiteral("SILLA, CON COMAS"));
    QCOMPARE(f.auditRows(QStringLiteral("patrimonio.catalogo")), auditBefore + 3);
    QVERIFY(f.audit().verify().ok());
}

void TestCatalogoRepository::dryRunWritesNothing()
{
    PatrimonioFixture f;
    QVERIFY2(f.setupError().isEmpty(), qPrintable(f.setupError()));
    const int before = f.catalogo().count();
    const auto report = importText(f, "11221133;MESA\n74089950;CPU RENOMBRADO\nx;y\n", true);
    QVERIFY(report.ok());
    QCOMPARE(report.added, 1);
    QCOMPARE(report.updated, 1);
    QCOMPARE(report.errors.size(), 1);
    QCOMPARE(f.catalogo().count(), before);
    QCOMPARE(f.catalogo().find(QStringLiteral("74089950"))->denominacion,
             QStringLiteral("UNIDAD CENTRAL DE PROCESO - CPU"));
}

void TestCatalogoRepository::importNeedsPermission()
{
    PatrimonioFixture f;
    QVERIFY2(f.setupError().isEmpty(), qPrintable(f.setupError()));
    QBuffer buffer;
    buffer.setData("11221133;MESA\n");
    const auto report = f.catalogo().importCsv(PatrimonioFixture::inventariador(), buffer);
    QVERIFY(!report.ok());
    QVERIFY2(report.error.contains(QLatin1String(Permissions::Catalogo)), qPrintable(report.error));
    QVERIFY(!f.catalogo().find(QStringLiteral("11221133")));
}

void TestCatalogoRepository::excelAnsiFileIsRead()
{
    PatrimonioFixture f;
    QVERIFY2(f.setupError().isEmpty(), qPrintable(f.setupError()));
    // "SILLÓN GIRATORIO" and "ESTANTERÍA" as Excel on Windows saves them (Windows-1252).
    const auto report = importText(f,
                                   "74648933;SILL\xD3N GIRATORIO DE METAL\r\n"
                                   "74644100;ESTANTER\xCD"
                                   "A DE METAL\r\n");
    QVERIFY2(report.ok(), qPrintable(report.error));
    QCOMPARE(report.added, 2);
    QCOMPARE(f.catalogo().find(QStringLiteral("74648933"))->denominacion,
             QStringLiteral("SILLÓN GIRATORIO DE METAL"));
    QCOMPARE(f.catalogo().find(QStringLiteral("74644100"))->denominacion,
             QStringLiteral("ESTANTERÍA DE METAL"));
}

void TestCatalogoRepository::reimportUpdatesOnlyChanges()
{
    PatrimonioFixture f;
    QVERIFY2(f.setupError().isEmpty(), qPrintable(f.setupError()));
    const int auditBefore = f.auditRows(QStringLiteral("patrimonio.catalogo"));
    auto report = importText(f,
                             "74089950;UNIDAD CENTRAL DE PROCESO - CPU\n"
                             "74080500;COMPUTADORA PORTATIL (LAPTOP)\n");
    QVERIFY(report.ok());
    QCOMPARE(report.added, 0);
    QCOMPARE(report.updated, 1);
    QCOMPARE(report.unchanged, 1);
    QCOMPARE(f.auditRows(QStringLiteral("patrimonio.catalogo")), auditBefore + 1);
    report = importText(f, "74080500;COMPUTADORA PORTATIL (LAPTOP)\n");
    QCOMPARE(report.unchanged, 1);
    QCOMPARE(f.auditRows(QStringLiteral("patrimonio.catalogo")), auditBefore + 1);
}

QTEST_GUILESS_MAIN(TestCatalogoRepository)
#include "tst_catalogorepository.moc"
