#include "PatrimonioFixture.h"

#include "CampaignRepository.h"
#include "PatrimonioPermissions.h"
#include "PatrimonioPlugin.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::PatrimonioFixture;

// CampaignRepository on a real SQLCipher store: permissions, states, audited writes,
// append-only scans, frozen results, and two PCs' scans merged by id.
class TestCampaignRepository : public QObject
{
    Q_OBJECT

private slots:
    void createIsAuditedAndPreparing();
    void createValidates_data();
    void createValidates();
    void permissions_data();
    void permissions();
    void scansOnlyWhileInProgress();
    void scanNeedsAPlaceInScope_data();
    void scanNeedsAPlaceInScope();
    void scanIsRecordedWithDeviceAndClock();
    void malformedCodeIsNotRecorded();
    void scansAreAppendOnly();
    void closeFreezesTheOutcomes();
    void twoDevicesMergeWithoutConflict();
    void syncDeclaresTheCampaignTables();

private:
    struct Setup
    {
        std::unique_ptr<PatrimonioFixture> f;
        std::unique_ptr<CampaignRepository> repo;
        Campaign campaign;
    };
    // A fixture with 6 CPUs in the Palacio's OTIC, OFICINA 204, and a campaign over the Palacio.
    static Setup setup(bool start = true);
    static InventoryPlace otic(const QString &room = QStringLiteral("OFICINA 204"))
    {
        return {QStringLiteral("palacio"), QStringLiteral("palacio-otic"), room};
    }
    static Campaign draft()
    {
        Campaign c;
        c.name = QStringLiteral("Inventario 2026");
        c.year = 2026;
        c.comision = {{QStringLiteral("ZEGARRA CÁCERES, Lourdes"), QStringLiteral("Presidenta")},
                      {QStringLiteral("CONDORI TICONA, Wilber"), QStringLiteral("Miembro")}};
        c.sedeIds = {QStringLiteral("palacio")};
        return c;
    }
    static QString code(int n)
    {
        return QStringLiteral("7408995000%1").arg(n, 2, 10, QLatin1Char('0'));
    }
};

TestCampaignRepository::Setup TestCampaignRepository::setup(bool start)
{
    Setup s;
    s.f = std::make_unique<PatrimonioFixture>();
    if (!s.f->setupError().isEmpty())
        qFatal("%s", qPrintable(s.f->setupError()));
    if (!s.f->addCpus(6))
        qFatal("%s", qPrintable(s.f->lastError()));
    s.repo = std::make_unique<CampaignRepository>(core::databaseProviderOf(s.f->temp().store()),
                                                  s.f->clock(),
                                                  s.f->audit());
    s.campaign = draft();
    QString error;
    if (!s.repo->create(PatrimonioFixture::jefe(), &s.campaign, &error))
        qFatal("%s", qPrintable(error));
    if (start && !s.repo->start(PatrimonioFixture::jefe(), s.campaign.id, &error))
        qFatal("%s", qPrintable(error));
    return s;
}

void TestCampaignRepository::createIsAuditedAndPreparing()
{
    Setup s = setup(false);
    QCOMPARE(s.campaign.id.size(), 36);
    QCOMPARE(s.campaign.id.at(14), QLatin1Char('7'));
    QCOMPARE(s.campaign.cutoff, QDate(2026, 12, 31)); // default cut-off
    QCOMPARE(s.campaign.createdAt, s.f->clock().now());
    const auto stored = s.repo->find(s.campaign.id);
    QVERIFY(stored);
    QCOMPARE(stored->state, CampaignState::Preparing);
    QCOMPARE(stored->comision.size(), 2);
    QCOMPARE(stored->comision.at(0).name, QStringLiteral("ZEGARRA CÁCERES, Lourdes"));
    QCOMPARE(stored->sedeIds, QStringList{QStringLiteral("palacio")});
    QCOMPARE(stored->createdBy, QStringLiteral("jefe.patrimonio"));
    QCOMPARE(s.f->auditRows(QStringLiteral("patrimonio.campaign")), 1);

    s.f->clock().advanceMinutes(5);
    QString error;
    QVERIFY2(s.repo->start(PatrimonioFixture::jefe(), s.campaign.id, &error), qPrintable(error));
    const auto started = s.repo->find(s.campaign.id);
    QCOMPARE(started->state, CampaignState::InProgress);
    QCOMPARE(started->startedAt, s.f->clock().now());
    QCOMPARE(s.f->auditRows(QStringLiteral("patrimonio.campaign")), 2);
    QVERIFY(!s.repo->start(PatrimonioFixture::jefe(), s.campaign.id, &error)); // not twice
    QVERIFY(s.f->audit().verify().ok());
}

void TestCampaignRepository::createValidates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("year");
    QTest::addColumn<bool>("withComision");
    QTest::addColumn<QStringList>("sedes");
    QTest::addColumn<QStringList>("areas");
    QTest::addColumn<QString>("problem");

    QTest::newRow("no name") << "  " << 2026 << true << QStringList() << QStringList() << "name";
    QTest::newRow("bad year") << "X" << 1999 << true << QStringList() << QStringList() << "1999";
    QTest::newRow("no comisión") << "X" << 2026 << false << QStringList() << QStringList()
                                 << "comisión";
    QTest::newRow("unknown sede") << "X" << 2026 << true << QStringList{"narnia"} << QStringList()
                                  << "narnia";
    QTest::newRow("unknown area") << "X" << 2026 << true << QStringList() << QStringList{"narnia-x"}
                                  << "narnia-x";
}

void TestCampaignRepository::createValidates()
{
    QFETCH(QString, name);
    QFETCH(int, year);
    QFETCH(bool, withComision);
    QFETCH(QStringList, sedes);
    QFETCH(QStringList, areas);
    QFETCH(QString, problem);
    Setup s = setup(false);
    Campaign c = draft();
    c.name = name;
    c.year = year;
    if (!withComision)
        c.comision = {{QStringLiteral("  "), QStringLiteral("Presidente")}};
    c.sedeIds = sedes;
    c.areaIds = areas;
    QString error;
    QVERIFY(!s.repo->create(PatrimonioFixture::jefe(), &c, &error));
    QVERIFY2(error.contains(problem), qPrintable(error));
    QCOMPARE(s.repo->list(PatrimonioFixture::jefe()).size(), 1); // only setup()'s
}

void TestCampaignRepository::permissions_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<bool>("canView");
    QTest::addColumn<bool>("canScan");
    QTest::addColumn<bool>("canManage");
    QTest::newRow("jefe de patrimonio") << "jefe" << true << true << true;
    QTest::newRow("inventariador") << "inventariador" << true << true << false;
    QTest::newRow("comité PGD (read only)") << "comite" << true << false << false;
    QTest::newRow("mesa de partes") << "mesa" << false << false << false;
}

void TestCampaignRepository::permissions()
{
    QFETCH(QString, who);
    QFETCH(bool, canView);
    QFETCH(bool, canScan);
    QFETCH(bool, canManage);
    const core::Session session = who == QLatin1String("jefe") ? PatrimonioFixture::jefe()
                                  : who == QLatin1String("inventariador")
                                      ? PatrimonioFixture::inventariador()
                                  : who == QLatin1String("comite")
                                      ? PatrimonioFixture::comite()
                                      : PatrimonioFixture::mesaPartes();
    Setup s = setup();
    QString error;
    QCOMPARE(s.repo->list(session, &error).size(), canView ? 1 : 0);
    QCOMPARE(error.isEmpty(), canView);
    CampaignTally tally;
    QCOMPARE(s.repo->loadTally(session, s.campaign.id, &tally, &error), canView);

    error.clear();
    QCOMPARE(s.repo
                 ->recordScan(session, s.campaign.id, otic(), code(1), std::nullopt, nullptr, &error),
             canScan);
    if (!canScan)
        QVERIFY2(error.contains(QLatin1String(Permissions::InventoryScan)), qPrintable(error));

    Campaign other = draft();
    error.clear();
    QCOMPARE(s.repo->create(session, &other, &error), canManage);
    if (!canManage)
        QVERIFY2(error.contains(QLatin1String(Permissions::InventoryManage)), qPrintable(error));
    QCOMPARE(s.repo->close(session, s.campaign.id, nullptr, &error), canManage);
    QCOMPARE(s.repo->find(s.campaign.id)->state,
             canManage ? CampaignState::Closed : CampaignState::InProgress);
}

void TestCampaignRepository::scansOnlyWhileInProgress()
{
    Setup s = setup(false);
    const core::Session inv = PatrimonioFixture::inventariador();
    QString error;
    QVERIFY(!s.repo->recordScan(inv, s.campaign.id, otic(), code(1), std::nullopt, nullptr, &error));
    QVERIFY2(error.contains(QLatin1String("Preparing"), Qt::CaseInsensitive), qPrintable(error));
    QVERIFY(s.repo->start(PatrimonioFixture::jefe(), s.campaign.id, &error));
    QVERIFY2(s.repo->recordScan(inv, s.campaign.id, otic(), code(1), std::nullopt, nullptr, &error),
             qPrintable(error));
    QVERIFY(s.repo->close(PatrimonioFixture::jefe(), s.campaign.id, nullptr, &error));
    QVERIFY(!s.repo->recordScan(inv, s.campaign.id, otic(), code(2), std::nullopt, nullptr, &error));
    QVERIFY2(error.contains(QLatin1String("closed"), Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(s.repo->scans(s.campaign.id).size(), 1);
}

void TestCampaignRepository::scanNeedsAPlaceInScope_data()
{
    QTest::addColumn<QString>("sede");
    QTest::addColumn<QString>("area");
    QTest::addColumn<QString>("ambiente");
    QTest::addColumn<bool>("ok");
    QTest::newRow("in scope") << "palacio"
                              << "palacio-otic"
                              << "OFICINA 204" << true;
    QTest::newRow("sede without área") << "palacio"
                                       << ""
                                       << "HALL" << true;
    QTest::newRow("no ambiente") << "palacio"
                                 << "palacio-otic"
                                 << " " << false;
    QTest::newRow("outside the scope") << "camal"
                                       << "camal-administracion"
                                       << "OFICINA" << false;
    QTest::newRow("área of another sede") << "palacio"
                                          << "camal-administracion"
                                          << "OFICINA" << false;
    QTest::newRow("unknown sede") << "narnia"
                                  << ""
                                  << "OFICINA" << false;
}

void TestCampaignRepository::scanNeedsAPlaceInScope()
{
    QFETCH(QString, sede);
    QFETCH(QString, area);
    QFETCH(QString, ambiente);
    QFETCH(bool, ok);
    Setup s = setup();
    QString error;
    QCOMPARE(s.repo->recordScan(PatrimonioFixture::inventariador(),
                                s.campaign.id,
                                {sede, area, ambiente},
                                code(1),
                                std::nullopt,
                                nullptr,
                                &error),
             ok);
    QCOMPARE(error.isEmpty(), ok);
    QCOMPARE(s.repo->scans(s.campaign.id).size(), ok ? 1 : 0);
}

void TestCampaignRepository::scanIsRecordedWithDeviceAndClock()
{
    Setup s = setup();
    s.f->clock().advanceSecs(42);
    CampaignScan scan;
    QString error;
    QVERIFY2(s.repo->recordScan(PatrimonioFixture::inventariador(),
                                s.campaign.id,
                                otic(QStringLiteral(" oficina  204")),
                                QStringLiteral("7408 9950-0003"),
                                Estado::Malo,
                                &scan,
                                &error),
             qPrintable(error));
    QCOMPARE(scan.codigo, code(3));
    QCOMPARE(scan.at, s.f->clock().now());
    QCOMPARE(scan.device, s.f->audit().deviceId());
    QCOMPARE(scan.actor, QStringLiteral("inventariador"));
    QCOMPARE(scan.place.ambiente, QStringLiteral("OFICINA 204"));
    const QList<CampaignScan> stored = s.repo->scans(s.campaign.id);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).id, scan.id);
    QCOMPARE(stored.at(0).at, scan.at);
    QCOMPARE(stored.at(0).estado, std::optional<Estado>(Estado::Malo));
    QCOMPARE(stored.at(0).place, otic());
    QCOMPARE(s.f->auditRows(QStringLiteral("patrimonio.campaign_scan")), 1);
    // An unregistered but well-formed code is recorded too (a sobrante).
    QVERIFY(s.repo->recordScan(PatrimonioFixture::inventariador(),
                               s.campaign.id,
                               otic(),
                               QStringLiteral("740899509999"),
                               std::nullopt,
                               nullptr,
                               &error));
    QCOMPARE(s.repo->scans(s.campaign.id).size(), 2);
}

void TestCampaignRepository::malformedCodeIsNotRecorded()
{
    Setup s = setup();
    QString error;
    QVERIFY(!s.repo->recordScan(PatrimonioFixture::inventariador(),
                                s.campaign.id,
                                otic(),
                                QStringLiteral("74089950001"),
                                std::nullopt,
                                nullptr,
                                &error));
    QVERIFY(error.contains(QLatin1String("11")));
    QCOMPARE(s.repo->scans(s.campaign.id).size(), 0);
    QCOMPARE(s.f->auditRows(QStringLiteral("patrimonio.campaign_scan")), 0);
}

void TestCampaignRepository::scansAreAppendOnly()
{
    Setup s = setup();
    QString error;
    QVERIFY(s.repo->recordScan(PatrimonioFixture::inventariador(),
                               s.campaign.id,
                               otic(),
                               code(1),
                               std::nullopt,
                               nullptr,
                               &error));
    QSqlQuery q(s.f->db());
    QVERIFY(
        !q.exec(QStringLiteral("UPDATE patrimonio_campaign_scans SET codigo = '740899500002'")));
    QVERIFY(q.lastError().text().contains(QLatin1String("append-only")));
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM patrimonio_campaign_scans")));
    QCOMPARE(s.repo->scans(s.campaign.id).size(), 1);
}

void TestCampaignRepository::closeFreezesTheOutcomes()
{
    Setup s = setup();
    const core::Session inv = PatrimonioFixture::inventariador();
    QString error;
    for (int n : {1, 2, 3, 3})
        QVERIFY(
            s.repo->recordScan(inv, s.campaign.id, otic(), code(n), std::nullopt, nullptr, &error));
    QVERIFY(s.repo->recordScan(inv,
                               s.campaign.id,
                               otic(QStringLiteral("OFICINA 205")),
                               code(4),
                               Estado::Regular,
                               nullptr,
                               &error));
    QVERIFY(s.repo->recordScan(
        inv, s.campaign.id, otic(), QStringLiteral("740899509999"), std::nullopt, nullptr, &error));
    QCOMPARE(s.repo->frozenResults(inv, s.campaign.id).size(), 0); // nothing frozen yet

    s.f->clock().advanceMinutes(30);
    QList<CampaignResult> results;
    QVERIFY2(s.repo->close(PatrimonioFixture::jefe(), s.campaign.id, &results, &error),
             qPrintable(error));
    const auto closed = s.repo->find(s.campaign.id);
    QCOMPARE(closed->state, CampaignState::Closed);
    QCOMPARE(closed->closedAt, s.f->clock().now());
    QCOMPARE(closed->closedBy, QStringLiteral("jefe.patrimonio"));

    QList<CampaignResult> frozen = s.repo->frozenResults(inv, s.campaign.id);
    QCOMPARE(frozen.size(), 7); // 6 expected + 1 unknown code
    QCOMPARE(frozen.size(), results.size());
    QHash<QString, CampaignOutcome> outcome;
    for (const CampaignResult &r : frozen)
        outcome.insert(r.codigo, r.outcome);
    QCOMPARE(outcome.value(code(1)), CampaignOutcome::Encontrado);
    QCOMPARE(outcome.value(code(3)), CampaignOutcome::Encontrado);
    QCOMPARE(outcome.value(code(4)), CampaignOutcome::OtroLugar);
    QCOMPARE(outcome.value(code(5)), CampaignOutcome::Faltante);
    QCOMPARE(outcome.value(QStringLiteral("740899509999")), CampaignOutcome::Sobrante);
    const CampaignResult four = frozen.at(3);
    QCOMPARE(four.codigo, code(4));
    QCOMPARE(four.found, otic(QStringLiteral("OFICINA 205")));
    QCOMPARE(four.registered, otic());
    QVERIFY(four.estadoCambiado); // Regular observed, Bueno registered
    QCOMPARE(frozen.at(2).scans, 2);
    QCOMPARE(four.valorCentimos, 345000);
    QCOMPARE(four.cuentaContable, QStringLiteral("1503.0203"));

    // A team that syncs after the close: its scans are kept but change nothing frozen.
    CampaignScan late;
    late.id = QStringLiteral("0190aaaa-0000-7000-8000-000000000001");
    late.campaignId = s.campaign.id;
    late.device = QStringLiteral("pc-late");
    late.actor = QStringLiteral("inventariador");
    late.at = s.f->clock().now();
    late.place = otic();
    late.codigo = code(5);
    QVERIFY(s.repo->insertScans({late}, nullptr, &error));
    QCOMPARE(s.repo->frozenResults(inv, s.campaign.id).at(4).outcome, CampaignOutcome::Faltante);
    QSqlQuery q(s.f->db());
    QVERIFY(
        !q.exec(QStringLiteral("UPDATE patrimonio_campaign_results SET outcome = 'encontrado'")));
    QVERIFY(!s.repo->close(PatrimonioFixture::jefe(), s.campaign.id, nullptr, &error)); // not twice
    QCOMPARE(s.f->auditRows(QStringLiteral("patrimonio.campaign")),
             4); // create, start, close, results
    QVERIFY(s.f->audit().verify().ok());
}

void TestCampaignRepository::twoDevicesMergeWithoutConflict()
{
    // PC A holds the campaign; PC B receives the campaign row (as the sync would) and scans
    // offline. Then each store receives the other's scan events, twice.
    Setup a = setup();
    auto b = std::make_unique<PatrimonioFixture>();
    QVERIFY2(b->setupError().isEmpty(), qPrintable(b->setupError()));
    QVERIFY2(b->addCpus(6), qPrintable(b->lastError()));
    CampaignRepository repoB(core::databaseProviderOf(b->temp().store()), b->clock(), b->audit());
    {
        QSqlQuery read(a.f->db());
        QVERIFY(read.exec(QStringLiteral("SELECT * FROM patrimonio_campaigns")) && read.next());
        const QSqlRecord row = read.record();
        QStringList columns, marks;
        for (int i = 0; i < row.count(); ++i) {
            columns << row.fieldName(i);
            marks << QStringLiteral("?");
        }
        QSqlQuery write(b->db());
        write.prepare(QStringLiteral("INSERT INTO patrimonio_campaigns (%1) VALUES (%2)")
                          .arg(columns.join(u','), marks.join(u',')));
        for (int i = 0; i < row.count(); ++i)
            write.addBindValue(row.value(i));
        QVERIFY2(write.exec(), qPrintable(write.lastError().text()));
    }
    QVERIFY(a.f->audit().deviceId() != b->audit().deviceId());

    const core::Session inv = PatrimonioFixture::inventariador();
    QString error;
    for (int n : {1, 2, 3})
        QVERIFY(
            a.repo->recordScan(inv, a.campaign.id, otic(), code(n), std::nullopt, nullptr, &error));
    b->clock().advanceSecs(10);
    for (int n : {3, 4})
        QVERIFY2(repoB.recordScan(inv,
                                  a.campaign.id,
                                  otic(QStringLiteral("OFICINA 205")),
                                  code(n),
                                  std::nullopt,
                                  nullptr,
                                  &error),
                 qPrintable(error));
    QVERIFY(repoB.recordScan(inv,
                             a.campaign.id,
                             otic(QStringLiteral("OFICINA 205")),
                             QStringLiteral("740899509999"),
                             std::nullopt,
                             nullptr,
                             &error));

    const QList<CampaignScan> fromA = a.repo->scans(a.campaign.id);
    const QList<CampaignScan> fromB = repoB.scans(a.campaign.id);
    int inserted = -1;
    QVERIFY2(a.repo->insertScans(fromB, &inserted, &error), qPrintable(error));
    QCOMPARE(inserted, 3);
    QVERIFY(a.repo->insertScans(fromB, &inserted, &error)); // replayed: skipped by id
    QCOMPARE(inserted, 0);
    QVERIFY(repoB.insertScans(fromA, &inserted, &error));
    QCOMPARE(inserted, 3);
    QVERIFY(repoB.insertScans(fromA + fromB, &inserted, &error));
    QCOMPARE(inserted, 0);

    const QList<CampaignScan> mergedA = a.repo->scans(a.campaign.id);
    const QList<CampaignScan> mergedB = repoB.scans(a.campaign.id);
    QCOMPARE(mergedA.size(), 6);
    QCOMPARE(mergedB.size(), 6);
    QSet<QString> devices;
    for (int i = 0; i < mergedA.size(); ++i) {
        QCOMPARE(mergedA.at(i).id, mergedB.at(i).id); // same events, same order
        devices.insert(mergedA.at(i).device);
    }
    QCOMPARE(devices.size(), 2);

    CampaignTally ta;
    CampaignTally tb;
    QVERIFY(a.repo->loadTally(inv, a.campaign.id, &ta, &error));
    QVERIFY(repoB.loadTally(inv, a.campaign.id, &tb, &error));
    const CampaignTotals x = ta.totals();
    const CampaignTotals y = tb.totals();
    QCOMPARE(x.encontrados, 3); // 0003 first seen on A in 204 (its room)
    QCOMPARE(x.otroLugar, 1);   // 0004 in 205
    QCOMPARE(x.faltantes, 2);
    QCOMPARE(x.sobrantes, 1);
    QCOMPARE(x.repeated, 1); // 0003 on both PCs: counted once
    QCOMPARE(y.encontrados, x.encontrados);
    QCOMPARE(y.otroLugar, x.otroLugar);
    QCOMPARE(y.faltantes, x.faltantes);
    QCOMPARE(y.sobrantes, x.sobrantes);
    QCOMPARE(y.repeated, x.repeated);
}

void TestCampaignRepository::syncDeclaresTheCampaignTables()
{
    PatrimonioPlugin plugin;
    QHash<QString, core::SyncedTable> tables;
    for (const core::SyncedTable &t : plugin.syncedTables())
        tables.insert(t.table, t);
    const core::SyncedTable scans = tables.value(QStringLiteral("patrimonio_campaign_scans"));
    QCOMPARE(scans.kind, core::SyncedTable::Kind::AppendOnly);
    QCOMPARE(scans.scopeColumns,
             (QStringList{QStringLiteral("sede_id"), QStringLiteral("area_id")}));
    const core::SyncedTable campaigns = tables.value(QStringLiteral("patrimonio_campaigns"));
    QCOMPARE(campaigns.table, QStringLiteral("patrimonio_campaigns"));
    QCOMPARE(campaigns.kind, core::SyncedTable::Kind::Mutable);
    QVERIFY(campaigns.legalColumns.contains(QStringLiteral("state")));
    QCOMPARE(tables.value(QStringLiteral("patrimonio_campaign_results")).kind,
             core::SyncedTable::Kind::AppendOnly);
    // Every declared column exists in the schema.
    Setup s = setup(false);
    for (const QString &name : {QStringLiteral("patrimonio_campaign_scans"),
                                QStringLiteral("patrimonio_campaign_results")}) {
        const QSqlRecord record = s.f->db().record(name);
        for (const QString &column : tables.value(name).scopeColumns)
            QVERIFY2(record.contains(column), qPrintable(name + u'.' + column));
    }
    // The inventory page needs the scan permission; the campaign list only patrimonio.view.
    QStringList ids;
    for (const core::PageDescriptor &page : plugin.pages()) {
        ids << page.id;
        if (page.id == QLatin1String(PatrimonioPlugin::InventoryPageId))
            QCOMPARE(page.requiredPermission, QString::fromLatin1(Permissions::InventoryScan));
        if (page.id == QLatin1String(PatrimonioPlugin::CampaignsPageId))
            QCOMPARE(page.requiredPermission, QString::fromLatin1(Permissions::View));
    }
    QVERIFY(ids.contains(QStringLiteral("patrimonio.inventory")));
    QVERIFY(ids.contains(QStringLiteral("patrimonio.campaigns")));
}

QTEST_GUILESS_MAIN(TestCampaignRepository)
#include "tst_campaignrepository.moc"
