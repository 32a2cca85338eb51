#include "CampaignFilterProxyModel.h"
#include "CampaignTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace tambo::patrimonio;

class TestCampaignFilterProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void filterByText_data();
    void filterByText();
    void filterByState();
    void sortsByYearAndDate();

private:
    CampaignTableModel m_model;
};

void TestCampaignFilterProxyModel::init()
{
    QList<Campaign> list;
    const struct
    {
        const char *name;
        int year;
        CampaignState state;
        const char *sede;
    } rows[] = {{"Inventario 2024", 2024, CampaignState::Closed, "palacio"},
                {"Inventario 2026", 2026, CampaignState::InProgress, "camal"},
                {"Inventario 2025", 2025, CampaignState::Closed, "palacio"},
                {"Verificación de almacén", 2026, CampaignState::Preparing, "taller"}};
    for (const auto &r : rows) {
        Campaign c;
        c.id = QString::fromUtf8(r.name);
        c.name = QString::fromUtf8(r.name);
        c.year = r.year;
        c.cutoff = QDate(r.year, 12, 31);
        c.state = r.state;
        c.sedeIds = {QString::fromLatin1(r.sede)};
        list.append(c);
    }
    m_model.setCampaigns(list);
    m_model.setPlaceNames({{QStringLiteral("camal"), QStringLiteral("Camal Municipal")},
                           {QStringLiteral("taller"), QStringLiteral("Taller de Mantenimiento")}},
                          {});
}

void TestCampaignFilterProxyModel::filterByText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::newRow("empty") << "" << 4;
    QTest::newRow("year") << "2025" << 1;
    QTest::newRow("no accents") << "verificacion" << 1;
    QTest::newRow("scope name") << "camal" << 1;
    QTest::newRow("case") << "INVENTARIO" << 3;
    QTest::newRow("nothing") << "xyz" << 0;
}

void TestCampaignFilterProxyModel::filterByText()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    CampaignFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&m_model);
    proxy.setText(text);
    QCOMPARE(proxy.rowCount(), rows);
}

void TestCampaignFilterProxyModel::filterByState()
{
    CampaignFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&m_model);
    proxy.setStateFilter(QStringLiteral("closed"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setText(QStringLiteral("2024"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setStateFilter(QString());
    proxy.setText(QString());
    QCOMPARE(proxy.rowCount(), 4);
}

void TestCampaignFilterProxyModel::sortsByYearAndDate()
{
    CampaignFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&m_model);
    proxy.sort(CampaignTableModel::Year, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Inventario 2024"));
    QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("Inventario 2025"));
    proxy.sort(CampaignTableModel::Name, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Verificación de almacén"));
    proxy.sort(CampaignTableModel::State, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(),
             QStringLiteral("Verificación de almacén")); // preparing
}

QTEST_GUILESS_MAIN(TestCampaignFilterProxyModel)
#include "tst_campaignfilterproxymodel.moc"
