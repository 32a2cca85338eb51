#include "PatrimonioFixture.h"

#include "CampaignDemo.h"
#include "CampaignRepository.h"
#include "PatrimonioDemo.h"

#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::PatrimonioFixture;

// The demo's campaign "Inventario 2026": under way, with scans in a few ambientes and one of
// each outcome; deterministic and idempotent.
class TestCampaignDemo : public QObject
{
    Q_OBJECT

private slots:
    void oneCampaignUnderWay();

private:
    struct Demo
    {
        std::unique_ptr<PatrimonioFixture> f;
        std::unique_ptr<CampaignRepository> repo;
    };
    static bool seeded(Demo *d, QString *error);
};

bool TestCampaignDemo::seeded(Demo *d, QString *error)
{
    d->f = std::make_unique<PatrimonioFixture>();
    if (!d->f->setupError().isEmpty()) {
        *error = d->f->setupError();
        return false;
    }
    d->repo = std::make_unique<CampaignRepository>(core::databaseProviderOf(d->f->temp().store()),
                                                   d->f->clock(),
                                                   d->f->audit());
    const QDate today = d->f->clock().now().date();
    return PatrimonioDemo::seed(d->f->assets(), d->f->catalogo(), today, error)
           && CampaignDemo::seed(*d->repo, today, error);
}

void TestCampaignDemo::oneCampaignUnderWay()
{
    Demo a;
    QString error;
    QVERIFY2(seeded(&a, &error), qPrintable(error));
    const core::Session jefe = PatrimonioFixture::jefe();
    const QList<Campaign> list = a.repo->list(jefe);
    QCOMPARE(list.size(), 1);
    const Campaign c = list.first();
    QCOMPARE(c.name, QStringLiteral("Inventario 2026"));
    QCOMPARE(c.state, CampaignState::InProgress);
    QCOMPARE(c.cutoff, QDate(2026, 12, 31));
    QCOMPARE(c.comision.size(), 4);

    CampaignTally tally;
    QVERIFY2(a.repo->loadTally(jefe, c.id, &tally, &error), qPrintable(error));
    const CampaignTotals t = tally.totals();
    QVERIFY(t.expected > 500); // the Palacio holds most of the register
    QVERIFY(t.encontrados >= 10);
    QCOMPARE(t.otroLugar, 1);
    QCOMPARE(t.sobrantes, 2); // an unknown code and a bien of another sede
    QVERIFY(t.estadoCambiado >= 2);
    QVERIFY(t.repeated >= 2);
    QVERIFY(t.faltantes > 0);
    int roomsWithScans = 0;
    for (const auto &p : tally.places())
        roomsWithScans += p.scannedHere > 0 ? 1 : 0;
    QVERIFY2(roomsWithScans >= 2 && roomsWithScans <= 4,
             qPrintable(QString::number(roomsWithScans)));

    // Idempotent: a second run writes nothing.
    const QList<CampaignScan> scans = a.repo->scans(c.id);
    const int auditRows = a.f->auditRows(QStringLiteral("patrimonio.campaign"));
    QVERIFY(CampaignDemo::seed(*a.repo, QDate(2026, 3, 2), &error));
    QCOMPARE(a.repo->list(jefe).size(), 1);
    QCOMPARE(a.repo->scans(c.id).size(), scans.size());
    QCOMPARE(a.f->auditRows(QStringLiteral("patrimonio.campaign")), auditRows);

    // Deterministic: another store gets the same scans (ids, codes, places, times).
    Demo b;
    QVERIFY2(seeded(&b, &error), qPrintable(error));
    const QList<Campaign> other = b.repo->list(jefe);
    QCOMPARE(other.size(), 1);
    const QList<CampaignScan> scansB = b.repo->scans(other.first().id);
    QCOMPARE(scansB.size(), scans.size());
    for (int i = 0; i < scans.size(); ++i) {
        QCOMPARE(scansB.at(i).codigo, scans.at(i).codigo);
        QCOMPARE(scansB.at(i).place, scans.at(i).place);
        QCOMPARE(scansB.at(i).at, scans.at(i).at);
        QCOMPARE(scansB.at(i).id, scans.at(i).id);
    }
}

QTEST_GUILESS_MAIN(TestCampaignDemo)
#include "tst_campaigndemo.moc"
