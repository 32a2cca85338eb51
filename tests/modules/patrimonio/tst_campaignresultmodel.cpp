#include "CampaignResultModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace tambo::patrimonio;

class TestCampaignResultModel : public QObject
{
    Q_OBJECT

private slots:
    void showsEachOutcome();
    void proxyPicksOneList_data();
    void proxyPicksOneList();

private:
    static QList<CampaignResult> sample();
};

QList<CampaignResult> TestCampaignResultModel::sample()
{
    const InventoryPlace o204{QStringLiteral("palacio"),
                              QStringLiteral("palacio-otic"),
                              QStringLiteral("OFICINA 204")};
    const InventoryPlace o205{QStringLiteral("palacio"),
                              QStringLiteral("palacio-otic"),
                              QStringLiteral("OFICINA 205")};
    QList<CampaignResult> list;
    CampaignResult found;
    found.codigo = QStringLiteral("740899500001");
    found.outcome = CampaignOutcome::Encontrado;
    found.inRegister = true;
    found.denominacion = QStringLiteral("CPU");
    found.registered = o204;
    found.found = o204;
    found.estadoRegistrado = Estado::Bueno;
    found.estadoObservado = Estado::Malo;
    found.estadoCambiado = true;
    found.scans = 2;
    found.valorCentimos = 345000;
    list << found;
    CampaignResult elsewhere = found;
    elsewhere.codigo = QStringLiteral("740899500002");
    elsewhere.outcome = CampaignOutcome::OtroLugar;
    elsewhere.found = o205;
    elsewhere.estadoCambiado = false;
    elsewhere.estadoObservado.reset();
    elsewhere.scans = 1;
    list << elsewhere;
    CampaignResult missing = elsewhere;
    missing.codigo = QStringLiteral("740899500003");
    missing.outcome = CampaignOutcome::Faltante;
    missing.found = {};
    missing.scans = 0;
    list << missing;
    CampaignResult surplus;
    surplus.codigo = QStringLiteral("740899509999");
    surplus.outcome = CampaignOutcome::Sobrante;
    surplus.found = o205;
    surplus.scans = 1;
    list << surplus;
    return list;
}

void TestCampaignResultModel::showsEachOutcome()
{
    CampaignResultModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResults(sample());
    model.setPlaceNames({{QStringLiteral("palacio"), QStringLiteral("Palacio")}},
                        {{QStringLiteral("palacio-otic"), QStringLiteral("OTIC")}});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, CampaignResultModel::Outcome).data().toString(),
             QStringLiteral("Found"));
    QCOMPARE(model.index(0, CampaignResultModel::EstadoColumn).data().toString(),
             QStringLiteral("Good → Poor"));
    QCOMPARE(model.index(1, CampaignResultModel::Found).data().toString(),
             QStringLiteral("Palacio · OTIC · OFICINA 205"));
    QCOMPARE(model.index(1, CampaignResultModel::Outcome).data().toString(),
             QStringLiteral("Found elsewhere"));
    QCOMPARE(model.index(2, CampaignResultModel::Found).data().toString(), QString());
    QCOMPARE(model.index(3, CampaignResultModel::Denominacion).data().toString(),
             QStringLiteral("(not in the register)"));
    QCOMPARE(model.index(3, CampaignResultModel::Valor).data().toString(), QString());
    QCOMPARE(model.index(0, CampaignResultModel::Scans).data(CampaignResultModel::SortRole).toInt(),
             2);
    QVERIFY(model.index(0, CampaignResultModel::Scans)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("once")));
    QCOMPARE(model.rowOfCodigo(QStringLiteral("740899500003")), 2);
    QCOMPARE(model.resultAt(3).outcome, CampaignOutcome::Sobrante);
}

void TestCampaignResultModel::proxyPicksOneList_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("faltantes") << int(CampaignResultModel::OutcomeRole) << "faltante"
                               << QStringList{"740899500003"};
    QTest::newRow("sobrantes") << int(CampaignResultModel::OutcomeRole) << "sobrante"
                               << QStringList{"740899509999"};
    QTest::newRow("otro lugar") << int(CampaignResultModel::OutcomeRole) << "otro_lugar"
                                << QStringList{"740899500002"};
    QTest::newRow("estado cambiado")
        << int(CampaignResultModel::EstadoCambiadoRole) << "true" << QStringList{"740899500001"};
}

void TestCampaignResultModel::proxyPicksOneList()
{
    QFETCH(int, role);
    QFETCH(QString, filter);
    QFETCH(QStringList, codes);
    CampaignResultModel model;
    model.setResults(sample());
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setFilterRole(role);
    proxy.setFilterFixedString(filter);
    QStringList got;
    for (int r = 0; r < proxy.rowCount(); ++r)
        got << proxy.index(r, 0).data().toString();
    QCOMPARE(got, codes);
}

QTEST_GUILESS_MAIN(TestCampaignResultModel)
#include "tst_campaignresultmodel.moc"
