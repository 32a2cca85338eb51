#include "AssetTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace tambo::patrimonio;

class TestAssetTableModel : public QObject
{
    Q_OBJECT

private slots:
    void emptyModel();
    void snapshotRowsAndColumns();
    void upsertChangesOrAppends();
    void typedAccessors();
    void headers();
};

namespace {

Asset asset(const QString &codigo, const QString &denominacion, Estado estado = Estado::Bueno)
{
    Asset a;
    a.codigo = codigo;
    a.denominacion = denominacion;
    a.marca = QStringLiteral("HP");
    a.modelo = QStringLiteral("PRODESK");
    a.serie = QStringLiteral("S-") + codigo.right(4);
    a.estado = estado;
    a.sedeId = QStringLiteral("palacio");
    a.areaId = QStringLiteral("palacio-otic");
    a.ambiente = QStringLiteral("OFICINA 204");
    a.responsable = QStringLiteral("MAMANI QUISPE, Rosa");
    a.valorCentimos = 123450;
    return a;
}

AssetSnapshot snapshotOf(const QList<Asset> &assets)
{
    AssetSnapshot s;
    for (const Asset &a : assets) {
        AssetSnapshot::Row r;
        r.codigo = s.intern(a.codigo);
        r.denominacion = s.intern(a.denominacion);
        r.marca = s.intern(a.marca);
        r.modelo = s.intern(a.modelo);
        r.serie = s.intern(a.serie);
        r.responsable = s.intern(a.responsable);
        r.sedeId = s.intern(a.sedeId);
        r.areaId = s.intern(a.areaId);
        r.ambiente = s.intern(a.ambiente);
        r.estado = a.estado;
        r.situacion = a.situacion;
        r.valorCentimos = a.valorCentimos;
        s.append(r);
    }
    return s;
}

} // namespace

void TestAssetTableModel::emptyModel()
{
    AssetTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(AssetTableModel::ColumnCount));
    QCOMPARE(model.assetAt(0).codigo, QString());
    QCOMPARE(model.rowOfCodigo(QStringLiteral("740899500001")), -1);
}

void TestAssetTableModel::snapshotRowsAndColumns()
{
    AssetTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setPlaceNames({{QStringLiteral("palacio"), QStringLiteral("Palacio Municipal")}},
                        {{QStringLiteral("palacio-otic"), QStringLiteral("OTIC")}});
    model.setSnapshot(snapshotOf(
        {asset(QStringLiteral("740899500001"), QStringLiteral("CPU")),
         asset(QStringLiteral("746483900001"), QStringLiteral("SILLA"), Estado::Chatarra)}));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(text(0, AssetTableModel::Codigo), QStringLiteral("740899500001"));
    QCOMPARE(text(0, AssetTableModel::Denominacion), QStringLiteral("CPU"));
    QCOMPARE(text(0, AssetTableModel::Sede), QStringLiteral("Palacio Municipal"));
    QCOMPARE(text(0, AssetTableModel::Area), QStringLiteral("OTIC"));
    QCOMPARE(text(0, AssetTableModel::EstadoColumn), QStringLiteral("Good"));
    QCOMPARE(text(1, AssetTableModel::EstadoColumn), QStringLiteral("Scrap"));
    QVERIFY(text(0, AssetTableModel::Valor).contains(QLatin1String("1234.50"))
            || text(0, AssetTableModel::Valor).contains(QLatin1String("1,234.50")));
    QCOMPARE(model.index(1, 0).data(AssetTableModel::EstadoRole).toChar(), QLatin1Char('Y'));
    QCOMPARE(model.index(1, 0).data(AssetTableModel::CodigoRole).toString(),
             QStringLiteral("746483900001"));
    QCOMPARE(model.index(0, AssetTableModel::Valor).data(AssetTableModel::ValorRole).toLongLong(),
             123450);
    QVERIFY(model.index(1, 0).data(Qt::ForegroundRole).isValid()); // end of life stands out
    QVERIFY(!model.index(0, 0).data(Qt::ForegroundRole).isValid());
}

void TestAssetTableModel::upsertChangesOrAppends()
{
    AssetTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(snapshotOf({asset(QStringLiteral("740899500001"), QStringLiteral("CPU"))}));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const quint64 generation = model.generation();

    Asset edited = asset(QStringLiteral("740899500001"), QStringLiteral("CPU"), Estado::Regular);
    edited.responsable = QStringLiteral("TICONA CHOQUE, Juan");
    model.upsert(edited);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.assetAt(0).responsable, QStringLiteral("TICONA CHOQUE, Juan"));
    QVERIFY(model.generation() > generation);

    model.upsert(asset(QStringLiteral("740899500002"), QStringLiteral("CPU")));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOfCodigo(QStringLiteral("740899500002")), 1);
}

void TestAssetTableModel::typedAccessors()
{
    AssetTableModel model;
    const Asset original = asset(QStringLiteral("740899500007"),
                                 QStringLiteral("CPU"),
                                 Estado::Malo);
    model.setSnapshot(snapshotOf({original}));
    const Asset back = model.assetAt(0);
    QCOMPARE(back.codigo, original.codigo);
    QCOMPARE(back.serie, original.serie);
    QCOMPARE(back.estado, Estado::Malo);
    QCOMPARE(back.valorCentimos, original.valorCentimos);
    QCOMPARE(back.areaId, original.areaId);
    QCOMPARE(model.assetFromIndex(model.index(0, 3)).codigo, original.codigo);
    QCOMPARE(model.codigoAt(0), original.codigo);
    QCOMPARE(model.poolIdAt(0, AssetTableModel::Valor), -1);
    QVERIFY(model.poolIdAt(0, AssetTableModel::Responsable) > 0);
}

void TestAssetTableModel::headers()
{
    AssetTableModel model;
    for (int c = 0; c < AssetTableModel::ColumnCount; ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    QCOMPARE(model.headerData(AssetTableModel::Responsable, Qt::Horizontal).toString(),
             QStringLiteral("Custodian"));
}

QTEST_GUILESS_MAIN(TestAssetTableModel)
#include "tst_assettablemodel.moc"
