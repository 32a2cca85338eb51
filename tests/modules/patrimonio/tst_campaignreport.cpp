#include "PatrimonioFixture.h"

#include "CampaignReport.h"
#include "CampaignRepository.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::PatrimonioFixture;

// The documents of a closed campaign: acta and informe final as PDF (checked through their
// HTML and the file's header) and the CSV for contabilidad.
class TestCampaignReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void actaHasComisionTotalsAndLists();
    void informeListsElsewhereAndEstado();
    void writeAllProducesPdfsAndCsv();
    void csvIsWhatExcelExpects();

private:
    std::unique_ptr<PatrimonioFixture> m_f;
    Campaign m_campaign;
    QList<CampaignResult> m_results;
};

void TestCampaignReport::initTestCase()
{
    m_f = std::make_unique<PatrimonioFixture>();
    QVERIFY2(m_f->setupError().isEmpty(), qPrintable(m_f->setupError()));
    QVERIFY2(m_f->addCpus(5), qPrintable(m_f->lastError()));
    Asset odd = PatrimonioFixture::cpu(QStringLiteral("740899500006"));
    odd.denominacion = QStringLiteral("MODULO; \"ESPECIAL\"");
    odd.cuentaContable = QStringLiteral("=1+1");
    QString error;
    QVERIFY2(m_f->assets().insert(PatrimonioFixture::jefe(), &odd, &error), qPrintable(error));
    CampaignRepository repo(core::databaseProviderOf(m_f->temp().store()),
                            m_f->clock(),
                            m_f->audit());
    m_campaign.name = QStringLiteral("Inventario 2026");
    m_campaign.year = 2026;
    m_campaign.comision = {{QStringLiteral("ZEGARRA CÁCERES, Lourdes"),
                            QStringLiteral("Presidenta")},
                           {QStringLiteral("VARGAS LAURA, Percy"), QStringLiteral("Veedor (OCI)")}};
    m_campaign.sedeIds = {QStringLiteral("palacio")};
    const core::Session jefe = PatrimonioFixture::jefe();
    QVERIFY(repo.create(jefe, &m_campaign, &error));
    QVERIFY(repo.start(jefe, m_campaign.id, &error));
    const InventoryPlace o204{QStringLiteral("palacio"),
                              QStringLiteral("palacio-otic"),
                              QStringLiteral("OFICINA 204")};
    const InventoryPlace o205{QStringLiteral("palacio"),
                              QStringLiteral("palacio-otic"),
                              QStringLiteral("OFICINA 205")};
    auto scan =
        [&](const QString &code, const InventoryPlace &p, std::optional<Estado> e = std::nullopt) {
            QVERIFY2(repo.recordScan(jefe, m_campaign.id, p, code, e, nullptr, &error),
                     qPrintable(error));
        };
    scan(QStringLiteral("740899500001"), o204);
    scan(QStringLiteral("740899500002"), o204, Estado::Malo);
    scan(QStringLiteral("740899500003"), o205);
    scan(QStringLiteral("740899500006"), o204);
    scan(QStringLiteral("740899509999"), o205);
    QVERIFY(repo.close(jefe, m_campaign.id, &m_results, &error));
    m_campaign = *repo.find(m_campaign.id);
    QCOMPARE(m_results.size(), 7);
}

void TestCampaignReport::actaHasComisionTotalsAndLists()
{
    CampaignReport report(m_campaign, m_results);
    report.setPlaceNames({{QStringLiteral("palacio"), QStringLiteral("Palacio Municipal")}}, {});
    const CampaignTotals t = report.totals();
    QCOMPARE(t.expected, 6);
    QCOMPARE(t.encontrados, 3);
    QCOMPARE(t.otroLugar, 1);
    QCOMPARE(t.faltantes, 2);
    QCOMPARE(t.sobrantes, 1);
    QCOMPARE(t.estadoCambiado, 1);
    const QString html = report.actaHtml();
    QTextDocument doc;
    doc.setHtml(html);
    const QString text = doc.toPlainText();
    QVERIFY(text.contains(QStringLiteral("ZEGARRA CÁCERES, Lourdes")));
    QVERIFY(text.contains(QStringLiteral("Veedor (OCI)")));
    QVERIFY(text.contains(QStringLiteral("31/12/2026")));
    QVERIFY(text.contains(QStringLiteral("Palacio Municipal")));
    QVERIFY(html.contains(QStringLiteral("class=\"total\">6<")));
    QVERIFY(html.contains(QStringLiteral("class=\"total\">3<")));
    QVERIFY(html.contains(QStringLiteral("class=\"total\">2<")));
    QVERIFY(html.contains(QStringLiteral("class=\"total\">1<")));
    // Faltantes and sobrantes listed by code.
    QVERIFY(text.contains(QStringLiteral("740899500004")));
    QVERIFY(text.contains(QStringLiteral("740899500005")));
    QVERIFY(text.contains(QStringLiteral("740899509999")));
    QVERIFY(!text.contains(QStringLiteral("740899500001"))); // encontrado: not in the acta lists
    QVERIFY(text.contains(formatSoles(2 * 345000)));         // value of the faltantes
}

void TestCampaignReport::informeListsElsewhereAndEstado()
{
    CampaignReport report(m_campaign, m_results);
    QTextDocument doc;
    doc.setHtml(report.informeHtml());
    const QString text = doc.toPlainText();
    QVERIFY(text.contains(QStringLiteral("740899500003"))); // found in 205
    QVERIFY(text.contains(QStringLiteral("OFICINA 205")));
    QVERIFY(text.contains(QStringLiteral("740899500002"))); // estado cambiado
    QVERIFY(text.contains(QStringLiteral("Poor")));
    QVERIFY(text.contains(QStringLiteral("66.7%"))); // 4 of 6 found
}

void TestCampaignReport::writeAllProducesPdfsAndCsv()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CampaignReport report(m_campaign, m_results);
    CampaignReport::Files files;
    QString error;
    QVERIFY2(report.writeAll(dir.filePath(QStringLiteral("out/inventario")), &files, &error),
             qPrintable(error));
    QVERIFY(files.acta.endsWith(QLatin1String("inventario-2026-acta.pdf")));
    for (const QString &pdf : {files.acta, files.informe}) {
        QFile file(pdf);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(pdf));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.size() > 1000);
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    }
    QFile csv(files.csv);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll(), report.csv());
    QVERIFY(!CampaignReport::writePdf(report.actaHtml(),
                                      dir.filePath(QStringLiteral("no/such/dir/x.pdf")),
                                      &error));
}

void TestCampaignReport::csvIsWhatExcelExpects()
{
    CampaignReport report(m_campaign, m_results);
    report.setPlaceNames({{QStringLiteral("palacio"), QStringLiteral("Palacio Municipal")}},
                         {{QStringLiteral("palacio-otic"), QStringLiteral("OTIC")}});
    const QByteArray bytes = report.csv();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // UTF-8 BOM
    const QString text = QString::fromUtf8(bytes.mid(3));
    const QStringList lines = text.split(QStringLiteral("\r\n"));
    QCOMPARE(lines.size(), 1 + 7 + 1); // header, rows, empty after the last CRLF
    QVERIFY(lines.last().isEmpty());
    QCOMPARE(lines.at(0),
             QStringLiteral(
                 "Code;Denomination;Ledger account;Value;Outcome;Condition changed;"
                 "Registered condition;Observed condition;Registered place;Found in;Scans"));
    QCOMPARE(lines.at(2),
             QStringLiteral(
                 "=\"740899500002\";UNIDAD CENTRAL DE PROCESO - CPU;1503.0203;3450.00;Found;"
                 "Yes;B;M;Palacio Municipal / OTIC / OFICINA 204;"
                 "Palacio Municipal / OTIC / OFICINA 204;1"));
    QCOMPARE(lines.at(3).section(u';', 4, 4), QStringLiteral("Found elsewhere"));
    QCOMPARE(lines.at(4).section(u';', 4, 4), QStringLiteral("Missing"));
    // Quoting and formula protection.
    QVERIFY2(lines.at(6).startsWith(QStringLiteral(
                 "=\"740899500006\";\"MODULO; \"\"ESPECIAL\"\"\";'=1+1;3450.00;Found;")),
             qPrintable(lines.at(6)));
    QCOMPARE(lines.at(7),
             QStringLiteral(
                 "=\"740899509999\";;;;Surplus;No;;;;Palacio Municipal / OTIC / OFICINA 205;1"));
}

QTEST_MAIN(TestCampaignReport)
#include "tst_campaignreport.moc"
