#include "PatrimonioFixture.h"

#include "AssetImporter.h"
#include "ImportCsvReader.h"
#include "ImportMapping.h"

#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::PatrimonioFixture;

namespace {

const QByteArray Header = "CODIGO_PATRIMONIAL;DENOMINACION;MARCA;SERIE;ESTADO;SITUACION;SEDE;"
                          "CENTRO_COSTO;RESPONSABLE;FECHA_ADQUISICION;VALOR;CUENTA_CONTABLE\r\n";

QByteArray row(const QString &codigo,
               const QString &denominacion = QStringLiteral("CPU"),
               const QString &estado = QStringLiteral("BUENO"),
               const QString &sede = QStringLiteral("Palacio Municipal (sede principal)"),
               const QString &area = QStringLiteral("palacio-otic"),
               const QString &fecha = QStringLiteral("14/05/2021"),
               const QString &valor = QStringLiteral("\"3,450.00\""),
               const QString &situacion = QStringLiteral("USO"))
{
    return QStringLiteral("%1;%2;HP;MXL1;%3;%4;%5;%6;MAMANI QUISPE, Rosa;%7;%8;1503.0203\r\n")
        .arg(codigo, denominacion, estado, situacion, sede, area, fecha, valor)
        .toUtf8();
}

} // namespace

class TestAssetImporter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void goodFileImportsEverything();
    void badRows_data();
    void badRows();
    void everyBadRowIsListed();
    void dryRunWritesNothing();
    void allOrNothing();
    void permissions();
    void defaultSedeAndMissingColumn();

private:
    AssetImporter::Plan checkBytes(const QByteArray &bytes,
                                   const ImportMapping &mapping = ImportMapping::siga());
    std::unique_ptr<PatrimonioFixture> m_fixture;
    std::unique_ptr<AssetImporter> m_importer;
};

void TestAssetImporter::init()
{
    m_fixture = std::make_unique<PatrimonioFixture>();
    QVERIFY2(m_fixture->setupError().isEmpty(), qPrintable(m_fixture->setupError()));
    m_importer = std::make_unique<AssetImporter>(core::databaseProviderOf(m_fixture->temp().store()),
                                                 m_fixture->clock(),
                                                 m_fixture->audit());
}

void TestAssetImporter::cleanup()
{
    m_importer.reset();
    m_fixture.reset();
}

AssetImporter::Plan TestAssetImporter::checkBytes(const QByteArray &bytes,
                                                  const ImportMapping &mapping)
{
    ImportTable table;
    QString error;
    if (!ImportCsvReader::parse(bytes, &table, &error)) {
        AssetImporter::Plan failed;
        failed.error = error;
        return failed;
    }
    return m_importer->check(PatrimonioFixture::inventariador(),
                             table,
                             mapping,
                             QStringLiteral("siga.csv"));
}

void TestAssetImporter::goodFileImportsEverything()
{
    QByteArray bytes = "\xEF\xBB\xBF" + Header;
    for (int i = 1; i <= 30; ++i)
        bytes += row(QStringLiteral("74089950%1").arg(i, 4, 10, QLatin1Char('0')));
    const AssetImporter::Plan plan = checkBytes(bytes);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QVERIFY(plan.problems.isEmpty());
    QCOMPARE(plan.assets.size(), 30);
    QVERIFY(plan.canImport());

    int progressCalls = 0;
    const auto result = m_importer->run(PatrimonioFixture::inventariador(),
                                        plan,
                                        [&](int done, int total) {
                                            ++progressCalls;
                                            QVERIFY(done <= total);
                                        });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.imported, 30);
    QVERIFY(progressCalls >= 1);
    QCOMPARE(m_fixture->assets().count(), 30);
    const auto a = m_fixture->assets().findByCode(QStringLiteral("740899500007"));
    QVERIFY(a);
    QCOMPARE(a->sedeId, QStringLiteral("palacio"));
    QCOMPARE(a->areaId, QStringLiteral("palacio-otic"));
    QCOMPARE(a->valorCentimos, qint64(345000));
    QCOMPARE(a->fechaAdquisicion, QDate(2021, 5, 14));
    QCOMPARE(a->estado, Estado::Bueno);
    const auto history = m_fixture->assets().history(PatrimonioFixture::jefe(), a->id);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().kind, QStringLiteral("alta"));
    QVERIFY(history.first().text.contains(QStringLiteral("siga.csv")));
    // Audit: one row for the import, one block for the 30 assets; the chain verifies.
    QCOMPARE(m_fixture->auditRows(QStringLiteral("patrimonio.import")), 1);
    QCOMPARE(m_fixture->auditRows(QStringLiteral("patrimonio.asset")), 1);
    QVERIFY2(m_fixture->audit().verify().ok(), qPrintable(m_fixture->audit().verify().message));
}

void TestAssetImporter::badRows_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<int>("reason");
    using R = ImportProblem::Reason;
    QTest::newRow("bad code") << row(QStringLiteral("74089950001")) << int(R::BadCode);
    QTest::newRow("code in scientific notation")
        << row(QStringLiteral("7.40899E+11")) << int(R::BadCode);
    QTest::newRow("unknown catálogo")
        << row(QStringLiteral("123456780001")) << int(R::UnknownCatalogo);
    QTest::newRow("duplicate in file")
        << row(QStringLiteral("740899500001")) << int(R::DuplicateInFile);
    QTest::newRow("already registered")
        << row(QStringLiteral("740899509999")) << int(R::AlreadyRegistered);
    QTest::newRow("bad date") << row(QStringLiteral("740899500005"),
                                     QStringLiteral("CPU"),
                                     QStringLiteral("B"),
                                     QStringLiteral("palacio"),
                                     QString(),
                                     QStringLiteral("31/02/2021"))
                              << int(R::BadDate);
    QTest::newRow("future date") << row(QStringLiteral("740899500005"),
                                        QStringLiteral("CPU"),
                                        QStringLiteral("B"),
                                        QStringLiteral("palacio"),
                                        QString(),
                                        QStringLiteral("01/01/2027"))
                                 << int(R::BadDate);
    QTest::newRow("bad number") << row(QStringLiteral("740899500005"),
                                       QStringLiteral("CPU"),
                                       QStringLiteral("B"),
                                       QStringLiteral("palacio"),
                                       QString(),
                                       QString(),
                                       QStringLiteral("S/ doce"))
                                << int(R::BadNumber);
    QTest::newRow("unknown estado")
        << row(QStringLiteral("740899500005"), QStringLiteral("CPU"), QStringLiteral("EXCELENTE"))
        << int(R::UnknownEstado);
    QTest::newRow("unknown situación") << row(QStringLiteral("740899500005"),
                                              QStringLiteral("CPU"),
                                              QStringLiteral("B"),
                                              QStringLiteral("palacio"),
                                              QString(),
                                              QString(),
                                              QString(),
                                              QStringLiteral("ROTO"))
                                       << int(R::UnknownSituacion);
    QTest::newRow("unknown sede") << row(QStringLiteral("740899500005"),
                                         QStringLiteral("CPU"),
                                         QStringLiteral("B"),
                                         QStringLiteral("Sede Marte"))
                                  << int(R::UnknownSede);
    QTest::newRow("area of another sede") << row(QStringLiteral("740899500005"),
                                                 QStringLiteral("CPU"),
                                                 QStringLiteral("B"),
                                                 QStringLiteral("terminales-terrestres"),
                                                 QStringLiteral("palacio-otic"))
                                          << int(R::UnknownArea);
    QTest::newRow("missing denominación")
        << row(QStringLiteral("740899500005"), QString()) << int(R::MissingField);
    QTest::newRow("missing código") << row(QString()) << int(R::MissingField);
    QTest::newRow("missing sede") << row(QStringLiteral("740899500005"),
                                         QStringLiteral("CPU"),
                                         QStringLiteral("B"),
                                         QString(),
                                         QString())
                                  << int(R::MissingField);
}

void TestAssetImporter::badRows()
{
    QFETCH(QByteArray, bad);
    QFETCH(int, reason);
    Asset registered = PatrimonioFixture::cpu(QStringLiteral("740899509999"));
    QString error;
    QVERIFY2(m_fixture->assets().insert(PatrimonioFixture::jefe(), &registered, &error),
             qPrintable(error));
    const QByteArray bytes = Header + row(QStringLiteral("740899500001")) + bad
                             + row(QStringLiteral("740899500002"));
    const AssetImporter::Plan plan = checkBytes(bytes);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(plan.problems.size(), 1);
    const ImportProblem &p = plan.problems.first();
    QCOMPARE(int(p.reason), reason);
    QCOMPARE(p.row, 3); // header 1, first good row 2
    QVERIFY(!p.message.isEmpty());
    QCOMPARE(plan.badRows(), 1);
    QCOMPARE(plan.assets.size(), 2);
    QVERIFY(!plan.canImport());
    const auto result = m_importer->run(PatrimonioFixture::inventariador(), plan);
    QVERIFY(!result.ok());
    QCOMPARE(m_fixture->assets().count(), 1);
}

void TestAssetImporter::everyBadRowIsListed()
{
    QByteArray bytes = Header;
    for (int i = 1; i <= 10; ++i) {
        bytes += i % 2 ? row(QStringLiteral("74089950%1").arg(i, 4, 10, QLatin1Char('0')))
                       : row(QStringLiteral("x%1").arg(i));
    }
    const AssetImporter::Plan plan = checkBytes(bytes);
    QCOMPARE(plan.badRows(), 5);
    QList<int> rows;
    for (const ImportProblem &p : plan.problems)
        rows << p.row;
    QCOMPARE(rows, (QList<int>{3, 5, 7, 9, 11}));
}

void TestAssetImporter::dryRunWritesNothing()
{
    const int auditBefore = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log"))
                                .toInt();
    const AssetImporter::Plan plan = checkBytes(Header + row(QStringLiteral("740899500001")));
    QVERIFY(plan.canImport());
    QCOMPARE(m_fixture->assets().count(), 0);
    QCOMPARE(m_fixture->historyRows(), 0);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(),
             auditBefore);
}

void TestAssetImporter::allOrNothing()
{
    QByteArray bytes = Header;
    for (int i = 1; i <= 20; ++i)
        bytes += row(QStringLiteral("74089950%1").arg(i, 4, 10, QLatin1Char('0')));
    const AssetImporter::Plan plan = checkBytes(bytes);
    QVERIFY(plan.canImport());
    // Someone registers row 15's código between the check and the import: the UNIQUE code
    // makes the write fail half-way, and the transaction takes back the first 14 rows.
    Asset late = PatrimonioFixture::cpu(QStringLiteral("740899500015"));
    QString error;
    QVERIFY2(m_fixture->assets().insert(PatrimonioFixture::jefe(), &late, &error),
             qPrintable(error));
    const int auditBefore = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log"))
                                .toInt();
    const auto result = m_importer->run(PatrimonioFixture::inventariador(), plan);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QStringLiteral("740899500015")), qPrintable(result.error));
    QCOMPARE(m_fixture->assets().count(), 1);
    QCOMPARE(m_fixture->historyRows(), 1);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(),
             auditBefore);
    QVERIFY(m_fixture->audit().verify().ok());
}

void TestAssetImporter::permissions()
{
    ImportTable table;
    QVERIFY(ImportCsvReader::parse(Header + row(QStringLiteral("740899500001")), &table));
    for (const core::Session &s : {PatrimonioFixture::soporte(),
                                   PatrimonioFixture::comite(),
                                   PatrimonioFixture::mesaPartes()}) {
        const auto plan = m_importer->check(s, table, ImportMapping::siga(), QStringLiteral("f"));
        QVERIFY(plan.error.contains(QStringLiteral("patrimonio.edit")));
    }
    const auto plan = m_importer->check(PatrimonioFixture::jefe(),
                                        table,
                                        ImportMapping::siga(),
                                        QStringLiteral("f"));
    QVERIFY(plan.canImport());
    const auto refused = m_importer->run(PatrimonioFixture::comite(), plan);
    QVERIFY(refused.error.contains(QStringLiteral("patrimonio.edit")));
    QCOMPARE(m_fixture->assets().count(), 0);
    QVERIFY(m_importer->run(PatrimonioFixture::jefe(), plan).ok());
    QCOMPARE(m_fixture->assets().count(), 1);
}

void TestAssetImporter::defaultSedeAndMissingColumn()
{
    const QByteArray bytes = "Código;Denominación;Valor\n740899500001;CPU;1.234,50\n";
    ImportTable table;
    QVERIFY(ImportCsvReader::parse(bytes, &table));
    ImportMapping mapping = ImportMapping::guess(table.headers);
    auto plan = m_importer->check(PatrimonioFixture::jefe(), table, mapping, QStringLiteral("f"));
    QCOMPARE(plan.problems.size(), 1);
    QCOMPARE(plan.problems.first().reason, ImportProblem::Reason::MissingColumn);
    QCOMPARE(plan.problems.first().row, 1);
    mapping.setDefaultSede(QStringLiteral("palacio"));
    plan = m_importer->check(PatrimonioFixture::jefe(), table, mapping, QStringLiteral("f"));
    QVERIFY(plan.canImport());
    QCOMPARE(plan.assets.first().sedeId, QStringLiteral("palacio"));
    QCOMPARE(plan.assets.first().valorCentimos, qint64(123450));
    mapping.setDefaultSede(QStringLiteral("luna"));
    plan = m_importer->check(PatrimonioFixture::jefe(), table, mapping, QStringLiteral("f"));
    QVERIFY(!plan.error.isEmpty());
}

QTEST_GUILESS_MAIN(TestAssetImporter)
#include "tst_assetimporter.moc"
