#include "InventoryProgressModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace tambo::patrimonio;

class TestInventoryProgressModel : public QObject
{
    Q_OBJECT

private slots:
    void treeOfAreasAndRooms();
    void scansUpdateNumbersInPlace();
    void newPlaceResetsTheModel();

private:
    static InventoryPlace place(const QString &area, const QString &room)
    {
        return {QStringLiteral("palacio"), area, room};
    }
    static CampaignTally tally()
    {
        Campaign c;
        c.id = QStringLiteral("c");
        c.sedeIds = {QStringLiteral("palacio")};
        QList<CampaignAsset> assets;
        auto add = [&](int n, const InventoryPlace &p) {
            CampaignAsset a;
            a.codigo = QStringLiteral("7408995000%1").arg(n, 2, 10, QLatin1Char('0'));
            a.place = p;
            assets.append(a);
        };
        add(1, place(QStringLiteral("palacio-otic"), QStringLiteral("OFICINA 204")));
        add(2, place(QStringLiteral("palacio-otic"), QStringLiteral("OFICINA 204")));
        add(3, place(QStringLiteral("palacio-otic"), QStringLiteral("CENTRO DE DATOS")));
        add(4, place(QStringLiteral("palacio-rrhh"), QStringLiteral("OFICINA 101")));
        CampaignTally t;
        t.reset(c, assets);
        return t;
    }
    static CampaignScan scan(const QString &id, int n, const InventoryPlace &p)
    {
        CampaignScan s;
        s.id = id;
        s.codigo = QStringLiteral("7408995000%1").arg(n, 2, 10, QLatin1Char('0'));
        s.place = p;
        s.at = QDateTime(QDate(2026, 11, 3), QTime(9, 0), Qt::UTC);
        return s;
    }
};

void TestInventoryProgressModel::treeOfAreasAndRooms()
{
    InventoryProgressModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlaceNames({{QStringLiteral("palacio"), QStringLiteral("Palacio Municipal")}},
                        {{QStringLiteral("palacio-otic"), QStringLiteral("OTIC")}});
    CampaignTally t = tally();
    model.setTally(t);
    QCOMPARE(model.rowCount(), 2); // OTIC, RRHH
    const QModelIndex otic = model.index(0, 0);
    QCOMPARE(otic.data().toString(), QStringLiteral("OTIC"));
    QCOMPARE(otic.data(Qt::ToolTipRole).toString(), QStringLiteral("Palacio Municipal · OTIC"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("palacio-rrhh"));
    QCOMPARE(model.rowCount(otic), 2);
    QCOMPARE(model.index(0, 0, otic).data().toString(), QStringLiteral("CENTRO DE DATOS"));
    QCOMPARE(model.index(1, 0, otic).data().toString(), QStringLiteral("OFICINA 204"));
    QCOMPARE(model.index(0, InventoryProgressModel::Expected, otic.siblingAtColumn(0)).data().toInt(),
             1);
    QCOMPARE(model.index(0, InventoryProgressModel::Expected).data().toInt(), 3);
    QCOMPARE(model.index(0, InventoryProgressModel::Pending).data().toInt(), 3);
    QCOMPARE(model.index(0, InventoryProgressModel::Percent).data().toString(),
             QStringLiteral("0 %"));
    const QModelIndex room = model.index(1, 0, otic);
    QCOMPARE(model.placeAt(room),
             place(QStringLiteral("palacio-otic"), QStringLiteral("OFICINA 204")));
    QCOMPARE(room.data(InventoryProgressModel::AmbienteCodeRole).toString(),
             model.placeAt(room).code());
    QCOMPARE(model.indexOfPlace(model.placeAt(room)), room);
    QVERIFY(!model.placeAt(otic).isValid());
    QCOMPARE(model.rowCount(room), 0);
}

void TestInventoryProgressModel::scansUpdateNumbersInPlace()
{
    InventoryProgressModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    CampaignTally t = tally();
    model.setTally(t);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    const InventoryPlace o204 = place(QStringLiteral("palacio-otic"), QStringLiteral("OFICINA 204"));
    t.add(scan(QStringLiteral("s1"), 1, o204));
    t.add(scan(QStringLiteral("s2"), 3, o204)); // from the data centre
    model.setTally(t);
    QCOMPARE(resets.size(), 0);
    QVERIFY(changes.size() > 0);
    const QModelIndex otic = model.index(0, 0);
    QCOMPARE(model.index(0, InventoryProgressModel::Found).data().toInt(), 2);
    QCOMPARE(model.index(0, InventoryProgressModel::Pending).data().toInt(), 1);
    QCOMPARE(model.index(0, InventoryProgressModel::Percent)
                 .data(InventoryProgressModel::PercentRole)
                 .toInt(),
             66);
    const QModelIndex o204Row = model.indexOfPlace(o204);
    QCOMPARE(o204Row.parent(), otic);
    QCOMPARE(o204Row.siblingAtColumn(InventoryProgressModel::Found).data().toInt(), 1);
    QCOMPARE(o204Row.siblingAtColumn(InventoryProgressModel::ScannedHere).data().toInt(), 2);
    QCOMPARE(model.index(0, InventoryProgressModel::Found, otic).data().toInt(), 1); // data centre
    QCOMPARE(model.index(0, InventoryProgressModel::ScannedHere, otic).data().toInt(), 0);
}

void TestInventoryProgressModel::newPlaceResetsTheModel()
{
    InventoryProgressModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    CampaignTally t = tally();
    model.setTally(t);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    t.add(scan(QStringLiteral("s1"),
               99,
               place(QStringLiteral("palacio-otic"), QStringLiteral("ALMACEN"))));
    model.setTally(t);
    QCOMPARE(resets.size(), 1);
    const QModelIndex otic = model.index(0, 0);
    QCOMPARE(model.rowCount(otic), 3);
    QCOMPARE(model.index(0, 0, otic).data().toString(), QStringLiteral("ALMACEN"));
    QCOMPARE(model.index(0, InventoryProgressModel::Percent, otic).data().toString(),
             QStringLiteral("—"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestInventoryProgressModel)
#include "tst_inventoryprogressmodel.moc"
