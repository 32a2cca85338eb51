#include "CampaignTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace tambo::patrimonio;

class TestCampaignTableModel : public QObject
{
    Q_OBJECT

private slots:
    void showsCampaigns();
    void typedAccessors();
};

namespace {

QList<Campaign> sample()
{
    Campaign a;
    a.id = QStringLiteral("a");
    a.name = QStringLiteral("Inventario 2025");
    a.year = 2025;
    a.cutoff = QDate(2025, 12, 31);
    a.state = CampaignState::Closed;
    a.sedeIds = {QStringLiteral("palacio")};
    a.areaIds = {QStringLiteral("camal-administracion")};
    a.comision = {{QStringLiteral("QUISPE, Ana"), QStringLiteral("Presidenta")},
                  {QStringLiteral("MAMANI, Luis"), QStringLiteral("Miembro")}};
    a.closedAt = QDateTime(QDate(2026, 1, 20), QTime(15, 0), Qt::UTC);
    Campaign b;
    b.id = QStringLiteral("b");
    b.name = QStringLiteral("Inventario 2026");
    b.year = 2026;
    b.cutoff = QDate(2026, 12, 31);
    b.state = CampaignState::InProgress;
    return {a, b};
}

} // namespace

void TestCampaignTableModel::showsCampaigns()
{
    CampaignTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCampaigns(sample());
    model.setPlaceNames({{QStringLiteral("palacio"), QStringLiteral("Palacio Municipal")}},
                        {{QStringLiteral("camal-administracion"), QStringLiteral("Camal")}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(CampaignTableModel::ColumnCount));
    QCOMPARE(model.index(0, CampaignTableModel::Name).data().toString(),
             QStringLiteral("Inventario 2025"));
    QCOMPARE(model.index(0, CampaignTableModel::Cutoff).data().toString(),
             QStringLiteral("31/12/2025"));
    QCOMPARE(model.index(0, CampaignTableModel::State).data().toString(), QStringLiteral("Closed"));
    QCOMPARE(model.index(0, CampaignTableModel::Scope).data().toString(),
             QStringLiteral("Palacio Municipal; Camal"));
    QCOMPARE(model.index(1, CampaignTableModel::Scope).data().toString(),
             QStringLiteral("Every sede"));
    QCOMPARE(model.index(0, CampaignTableModel::Comision).data().toString(),
             QStringLiteral("QUISPE, Ana; MAMANI, Luis"));
    QCOMPARE(model.index(1, CampaignTableModel::ClosedAt).data().toString(), QString());
    QCOMPARE(model.index(0, CampaignTableModel::Cutoff).data(CampaignTableModel::SortRole).toString(),
             QStringLiteral("2025-12-31"));
    QCOMPARE(model.index(1, CampaignTableModel::Year).data(CampaignTableModel::SortRole).toInt(),
             2026);
    QCOMPARE(model.headerData(CampaignTableModel::Cutoff, Qt::Horizontal).toString(),
             QStringLiteral("Cut-off date"));
    model.setCampaigns({});
    QCOMPARE(model.rowCount(), 0);
}

void TestCampaignTableModel::typedAccessors()
{
    CampaignTableModel model;
    model.setCampaigns(sample());
    QCOMPARE(model.rowOfId(QStringLiteral("b")), 1);
    QCOMPARE(model.rowOfId(QStringLiteral("zz")), -1);
    QCOMPARE(model.campaignAt(1).name, QStringLiteral("Inventario 2026"));
    QVERIFY(model.campaignAt(7).id.isEmpty());
    QCOMPARE(model.index(1, 0).data(CampaignTableModel::IdRole).toString(), QStringLiteral("b"));
    QCOMPARE(model.index(1, 0).data(CampaignTableModel::StateRole).toString(),
             QStringLiteral("in_progress"));
}

QTEST_GUILESS_MAIN(TestCampaignTableModel)
#include "tst_campaigntablemodel.moc"
