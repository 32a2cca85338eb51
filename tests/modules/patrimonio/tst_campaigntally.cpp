#include "CampaignTally.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace tambo::patrimonio;

Q_DECLARE_METATYPE(tambo::patrimonio::CampaignOutcome)

// The rules of CampaignTally on a small hand-made register (no store): what each código comes
// out as, repeats, scope, progress, and independence from the order scans arrive in.
class TestCampaignTally : public QObject
{
    Q_OBJECT

private slots:
    void outcomes_data();
    void outcomes();
    void repeatedScanCountsOnce();
    void firstScanDecidesThePlace();
    void latestObservedEstadoWins();
    void sameIdTwiceIsIgnored();
    void scopeBySedeAndArea_data();
    void scopeBySedeAndArea();
    void progressPerPlace();
    void totalsAddUp();
    void orderOfArrivalDoesNotMatter();
    void ambienteCodeFindsThePlace();

private:
    static InventoryPlace otic204()
    {
        return {QStringLiteral("palacio"),
                QStringLiteral("palacio-otic"),
                QStringLiteral("OFICINA 204")};
    }
    static InventoryPlace otic205()
    {
        return {QStringLiteral("palacio"),
                QStringLiteral("palacio-otic"),
                QStringLiteral("OFICINA 205")};
    }
    static InventoryPlace contabilidad()
    {
        return {QStringLiteral("palacio"),
                QStringLiteral("palacio-contabilidad"),
                QStringLiteral("OFICINA 101")};
    }
    static InventoryPlace camal()
    {
        return {QStringLiteral("camal"),
                QStringLiteral("camal-administracion"),
                QStringLiteral("OFICINA PRINCIPAL")};
    }
    static CampaignAsset asset(const QString &codigo,
                               const InventoryPlace &place,
                               Estado estado = Estado::Bueno)
    {
        CampaignAsset a;
        a.assetId = QStringLiteral("id-") + codigo;
        a.codigo = codigo;
        a.denominacion = QStringLiteral("CPU ") + codigo;
        a.cuentaContable = QStringLiteral("1503.0203");
        a.valorCentimos = 100000;
        a.place = place;
        a.estado = estado;
        return a;
    }
    // The Palacio whole: 0001, 0002 in OTIC 204, 0003 in OTIC 205, 0004 in Contabilidad; 0009 in
    // the Camal (outside the scope).
    static CampaignTally palacio()
    {
        Campaign c;
        c.id = QStringLiteral("c1");
        c.name = QStringLiteral("Inventario 2026");
        c.year = 2026;
        c.sedeIds = {QStringLiteral("palacio")};
        c.state = CampaignState::InProgress;
        CampaignTally t;
        t.reset(c,
                {asset(QStringLiteral("740899500001"), otic204()),
                 asset(QStringLiteral("740899500002"), otic204(), Estado::Regular),
                 asset(QStringLiteral("740899500003"), otic205()),
                 asset(QStringLiteral("740899500004"), contabilidad()),
                 asset(QStringLiteral("740899500009"), camal())});
        return t;
    }
    static CampaignScan scan(const QString &id,
                             const QString &codigo,
                             const InventoryPlace &place,
                             int minute,
                             std::optional<Estado> estado = std::nullopt)
    {
        CampaignScan s;
        s.id = id;
        s.campaignId = QStringLiteral("c1");
        s.device = QStringLiteral("pc-1");
        s.actor = QStringLiteral("inventariador");
        s.at = QDateTime(QDate(2026, 11, 3), QTime(9, minute), Qt::UTC);
        s.place = place;
        s.codigo = codigo;
        s.estado = estado;
        return s;
    }
};

void TestCampaignTally::outcomes_data()
{
    QTest::addColumn<QString>("codigo");
    QTest::addColumn<int>("placeIndex"); // -1: not scanned
    QTest::addColumn<int>("estado");     // -1: none observed, else the Estado's char
    QTest::addColumn<CampaignOutcome>("outcome");
    QTest::addColumn<bool>("estadoCambiado");
    QTest::addColumn<bool>("inRegister");

    QTest::newRow("encontrado") << "740899500001" << 0 << -1 << CampaignOutcome::Encontrado << false
                                << true;
    QTest::newRow("encontrado, ambiente written differently")
        << "740899500001" << 2 << -1 << CampaignOutcome::Encontrado << false << true;
    QTest::newRow("encontrado, same estado observed")
        << "740899500002" << 0 << int('R') << CampaignOutcome::Encontrado << false << true;
    QTest::newRow("estado cambiado")
        << "740899500002" << 0 << int('M') << CampaignOutcome::Encontrado << true << true;
    QTest::newRow("otro lugar: other room")
        << "740899500003" << 0 << -1 << CampaignOutcome::OtroLugar << false << true;
    QTest::newRow("otro lugar: other area")
        << "740899500004" << 0 << -1 << CampaignOutcome::OtroLugar << false << true;
    QTest::newRow("otro lugar with estado cambiado")
        << "740899500004" << 1 << int('X') << CampaignOutcome::OtroLugar << true << true;
    QTest::newRow("faltante") << "740899500003" << -1 << -1 << CampaignOutcome::Faltante << false
                              << true;
    QTest::newRow("sobrante: not in the register")
        << "740899500777" << 0 << -1 << CampaignOutcome::Sobrante << false << false;
    QTest::newRow("sobrante: registered outside the scope")
        << "740899500009" << 0 << -1 << CampaignOutcome::Sobrante << false << true;
    QTest::newRow("sobrante outside the scope, estado cambiado")
        << "740899500009" << 0 << int('M') << CampaignOutcome::Sobrante << true << true;
}

void TestCampaignTally::outcomes()
{
    QFETCH(QString, codigo);
    QFETCH(int, placeIndex);
    QFETCH(int, estado);
    QFETCH(CampaignOutcome, outcome);
    QFETCH(bool, estadoCambiado);
    QFETCH(bool, inRegister);

    InventoryPlace sloppy = otic204();
    sloppy.ambiente = QStringLiteral("  oficina   204 ");
    const QList<InventoryPlace> places{otic204(), otic205(), sloppy};
    CampaignTally t = palacio();
    if (placeIndex >= 0) {
        std::optional<Estado> observed;
        if (estado >= 0)
            observed = Estados::fromCode(QChar(estado));
        const auto added = t.add(
            scan(QStringLiteral("s1"), codigo, places.at(placeIndex), 1, observed));
        QCOMPARE(added.added, CampaignTally::Added::First);
        QCOMPARE(added.result.outcome, outcome);
    }
    const CampaignResult r = t.resultFor(codigo);
    QCOMPARE(r.outcome, outcome);
    QCOMPARE(r.estadoCambiado, estadoCambiado);
    QCOMPARE(r.inRegister, inRegister);
    if (outcome == CampaignOutcome::OtroLugar)
        QCOMPARE(r.found, places.at(placeIndex)); // the actual place is recorded
    if (outcome == CampaignOutcome::Faltante)
        QVERIFY(r.found.sedeId.isEmpty());
    // Every outcome is in results(), once.
    const QList<CampaignResult> all = t.results();
    QCOMPARE(std::count_if(all.begin(),
                           all.end(),
                           [&](const CampaignResult &x) { return x.codigo == codigo; }),
             1);
}

void TestCampaignTally::repeatedScanCountsOnce()
{
    CampaignTally t = palacio();
    QCOMPARE(t.add(scan(QStringLiteral("s1"), QStringLiteral("740899500001"), otic204(), 1)).added,
             CampaignTally::Added::First);
    const auto second = t.add(
        scan(QStringLiteral("s2"), QStringLiteral("740899500001"), otic204(), 2));
    QCOMPARE(second.added, CampaignTally::Added::Repeated);
    QCOMPARE(second.timesScanned, 2);
    const auto third = t.add(
        scan(QStringLiteral("s3"), QStringLiteral("740899500001"), otic204(), 3));
    QCOMPARE(third.timesScanned, 3);
    const CampaignTotals totals = t.totals();
    QCOMPARE(totals.encontrados, 1);
    QCOMPARE(totals.repeated, 1);
    QCOMPARE(totals.scans, 3);
    QCOMPARE(totals.faltantes, 3); // 0002, 0003, 0004
    QCOMPARE(t.resultFor(QStringLiteral("740899500001")).scans, 3);
    const auto places = t.places();
    const auto it = std::find_if(places.begin(),
                                 places.end(),
                                 [](const CampaignTally::PlaceProgress &p) {
                                     return p.place == otic204();
                                 });
    QVERIFY(it != places.end());
    QCOMPARE(it->found, 1);
    QCOMPARE(it->scannedHere, 1);
}

void TestCampaignTally::firstScanDecidesThePlace()
{
    CampaignTally t = palacio();
    // Seen first in 205 (minute 1), then again in its own room 204 (minute 5).
    t.add(scan(QStringLiteral("b"), QStringLiteral("740899500001"), otic204(), 5));
    QCOMPARE(t.resultFor(QStringLiteral("740899500001")).outcome, CampaignOutcome::Encontrado);
    // An earlier scan synced later from another PC moves it.
    t.add(scan(QStringLiteral("a"), QStringLiteral("740899500001"), otic205(), 1));
    const CampaignResult r = t.resultFor(QStringLiteral("740899500001"));
    QCOMPARE(r.outcome, CampaignOutcome::OtroLugar);
    QCOMPARE(r.found, otic205());
    for (const auto &p : t.places()) {
        if (p.place == otic204())
            QCOMPARE(p.scannedHere, 0);
        if (p.place == otic205())
            QCOMPARE(p.scannedHere, 1);
    }
}

void TestCampaignTally::latestObservedEstadoWins()
{
    CampaignTally t = palacio();
    t.add(scan(QStringLiteral("s2"), QStringLiteral("740899500001"), otic204(), 9, Estado::Bueno));
    t.add(scan(QStringLiteral("s1"), QStringLiteral("740899500001"), otic204(), 2, Estado::Malo));
    const CampaignResult r = t.resultFor(QStringLiteral("740899500001"));
    QCOMPARE(r.estadoObservado, std::optional<Estado>(Estado::Bueno));
    QVERIFY(!r.estadoCambiado);
    // A later scan without an estado keeps the observed one.
    t.add(scan(QStringLiteral("s3"), QStringLiteral("740899500001"), otic204(), 12));
    QCOMPARE(t.resultFor(QStringLiteral("740899500001")).estadoObservado,
             std::optional<Estado>(Estado::Bueno));
}

void TestCampaignTally::sameIdTwiceIsIgnored()
{
    CampaignTally t = palacio();
    const CampaignScan s = scan(QStringLiteral("s1"), QStringLiteral("740899500001"), otic204(), 1);
    t.add(s);
    QCOMPARE(t.add(s).added, CampaignTally::Added::Duplicate);
    QCOMPARE(t.scanCount(), 1);
    QCOMPARE(t.timesScanned(QStringLiteral("740899500001")), 1);
    QCOMPARE(t.totals().repeated, 0);
}

void TestCampaignTally::scopeBySedeAndArea_data()
{
    QTest::addColumn<QStringList>("sedes");
    QTest::addColumn<QStringList>("areas");
    QTest::addColumn<int>("expected");
    QTest::addColumn<bool>("camalIsSobrante");

    QTest::newRow("every sede") << QStringList() << QStringList() << 5 << false;
    QTest::newRow("the palacio whole") << QStringList{"palacio"} << QStringList() << 4 << true;
    QTest::newRow("one área") << QStringList() << QStringList{"palacio-otic"} << 3 << true;
    QTest::newRow("an área and another sede")
        << QStringList{"camal"} << QStringList{"palacio-contabilidad"} << 2 << false;
}

void TestCampaignTally::scopeBySedeAndArea()
{
    QFETCH(QStringList, sedes);
    QFETCH(QStringList, areas);
    QFETCH(int, expected);
    QFETCH(bool, camalIsSobrante);
    Campaign c;
    c.id = QStringLiteral("c1");
    c.sedeIds = sedes;
    c.areaIds = areas;
    CampaignTally t = palacio();
    t.reset(c,
            {asset(QStringLiteral("740899500001"), otic204()),
             asset(QStringLiteral("740899500002"), otic204()),
             asset(QStringLiteral("740899500003"), otic205()),
             asset(QStringLiteral("740899500004"), contabilidad()),
             asset(QStringLiteral("740899500009"), camal())});
    QCOMPARE(t.totals().expected, expected);
    t.add(scan(QStringLiteral("s1"), QStringLiteral("740899500009"), otic204(), 1));
    QCOMPARE(t.resultFor(QStringLiteral("740899500009")).outcome == CampaignOutcome::Sobrante,
             camalIsSobrante);
}

void TestCampaignTally::progressPerPlace()
{
    CampaignTally t = palacio();
    t.add(scan(QStringLiteral("s1"), QStringLiteral("740899500001"), otic204(), 1));
    t.add(scan(QStringLiteral("s2"), QStringLiteral("740899500003"), otic204(), 2)); // from 205
    t.add(scan(QStringLiteral("s3"), QStringLiteral("740899500777"), otic204(), 3)); // sobrante
    t.add(scan(QStringLiteral("s4"), QStringLiteral("740899500001"), otic204(), 4)); // repeat
    struct Row
    {
        InventoryPlace place;
        int expected, found, scannedHere;
    };
    const QList<Row> want{{contabilidad(), 1, 0, 0}, {otic204(), 2, 1, 3}, {otic205(), 1, 1, 0}};
    const QList<CampaignTally::PlaceProgress> got = t.places();
    QCOMPARE(got.size(), want.size()); // the Camal is outside the scope: no row
    for (int i = 0; i < want.size(); ++i) {
        QCOMPARE(got.at(i).place, want.at(i).place);
        QCOMPARE(got.at(i).expected, want.at(i).expected);
        QCOMPARE(got.at(i).found, want.at(i).found);
        QCOMPARE(got.at(i).scannedHere, want.at(i).scannedHere);
    }
}

void TestCampaignTally::totalsAddUp()
{
    CampaignTally t = palacio();
    t.add(scan(QStringLiteral("s1"), QStringLiteral("740899500001"), otic204(), 1));
    t.add(scan(QStringLiteral("s2"), QStringLiteral("740899500002"), otic204(), 2, Estado::Malo));
    t.add(scan(QStringLiteral("s3"), QStringLiteral("740899500004"), otic205(), 3));
    t.add(scan(QStringLiteral("s4"), QStringLiteral("740899500009"), otic205(), 4));
    t.add(scan(QStringLiteral("s5"), QStringLiteral("740899500777"), otic205(), 5));
    const CampaignTotals totals = t.totals();
    QCOMPARE(totals.expected, 4);
    QCOMPARE(totals.encontrados, 2);
    QCOMPARE(totals.otroLugar, 1);
    QCOMPARE(totals.faltantes, 1);
    QCOMPARE(totals.sobrantes, 2);
    QCOMPARE(totals.estadoCambiado, 1);
    QCOMPARE(totals.valorFaltantes, 100000);
    QCOMPARE(totals.valorSobrantes, 100000); // the Camal's bien; the unknown code has no value
    QCOMPARE(totals.encontrados + totals.otroLugar + totals.faltantes, totals.expected);
    QCOMPARE(t.results().size(), 6);
}

void TestCampaignTally::orderOfArrivalDoesNotMatter()
{
    QList<CampaignScan> scans{
        scan(QStringLiteral("s1"), QStringLiteral("740899500001"), otic205(), 1),
        scan(QStringLiteral("s2"), QStringLiteral("740899500001"), otic204(), 2, Estado::Malo),
        scan(QStringLiteral("s3"), QStringLiteral("740899500002"), otic204(), 3),
        scan(QStringLiteral("s4"), QStringLiteral("740899500777"), otic204(), 4),
        scan(QStringLiteral("s5"), QStringLiteral("740899500004"), contabilidad(), 5, Estado::Nuevo),
        scan(QStringLiteral("s6"), QStringLiteral("740899500004"), otic204(), 6),
    };
    CampaignTally ordered = palacio();
    ordered.addAll(scans);
    std::mt19937 shuffle(7);
    for (int round = 0; round < 20; ++round) {
        std::shuffle(scans.begin(), scans.end(), shuffle);
        CampaignTally t = palacio();
        t.addAll(scans);
        t.addAll(scans); // replayed: nothing changes
        const QList<CampaignResult> a = ordered.results();
        const QList<CampaignResult> b = t.results();
        QCOMPARE(b.size(), a.size());
        for (int i = 0; i < a.size(); ++i) {
            QCOMPARE(b.at(i).codigo, a.at(i).codigo);
            QCOMPARE(b.at(i).outcome, a.at(i).outcome);
            QCOMPARE(b.at(i).found, a.at(i).found);
            QCOMPARE(b.at(i).estadoObservado, a.at(i).estadoObservado);
            QCOMPARE(b.at(i).scans, a.at(i).scans);
        }
        const auto pa = ordered.places();
        const auto pb = t.places();
        QCOMPARE(pb.size(), pa.size());
        for (int i = 0; i < pa.size(); ++i)
            QCOMPARE(pb.at(i).scannedHere, pa.at(i).scannedHere);
    }
}

void TestCampaignTally::ambienteCodeFindsThePlace()
{
    const CampaignTally t = palacio();
    const auto found = t.placeForCode(otic205().code().toLower());
    QVERIFY(found);
    QCOMPARE(*found, otic205());
    QVERIFY(!t.placeForCode(QStringLiteral("AMB-00000000")));
}

QTEST_GUILESS_MAIN(TestCampaignTally)
#include "tst_campaigntally.moc"
