#include "AssetFilterProxyModel.h"
#include "AssetTableModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QTest>

using namespace tambo::patrimonio;

class TestAssetFilterProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void searchIgnoresCaseAndAccents_data();
    void searchIgnoresCaseAndAccents();
    void filters();
    void filtersCombineWithSearch();
    void sortsTheSpanishWay();
    void sortsNumbersAndEstados();
    void followsModelChanges();
    void folding();
    void hundredThousandRows();

private:
    void fill(const QList<Asset> &assets);

    std::unique_ptr<AssetTableModel> m_model;
    std::unique_ptr<AssetFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

namespace {

Asset make(const char *codigo,
           const char *denominacion,
           const char *marca,
           const char *serie,
           const char *responsable,
           const char *sede,
           const char *area,
           Estado estado,
           qint64 valor)
{
    Asset a;
    a.codigo = QString::fromUtf8(codigo);
    a.denominacion = QString::fromUtf8(denominacion);
    a.marca = QString::fromUtf8(marca);
    a.serie = QString::fromUtf8(serie);
    a.responsable = QString::fromUtf8(responsable);
    a.sedeId = QString::fromUtf8(sede);
    a.areaId = QString::fromUtf8(area);
    a.estado = estado;
    a.valorCentimos = valor;
    return a;
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data().toString();
    return values;
}

} // namespace

void TestAssetFilterProxyModel::init()
{
    m_tester.reset();
    m_proxy = std::make_unique<AssetFilterProxyModel>();
    m_model = std::make_unique<AssetTableModel>();
    m_proxy->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    fill({
        make("740899500001",
             "UNIDAD CENTRAL DE PROCESO - CPU",
             "HP",
             "MXL0001",
             "PÉREZ MAMANI, José",
             "palacio",
             "palacio-otic",
             Estado::Bueno,
             350000),
        make("740899500002",
             "UNIDAD CENTRAL DE PROCESO - CPU",
             "LENOVO",
             "PC00002",
             "NUÑEZ TICONA, Rosa",
             "palacio",
             "palacio-patrimonio",
             Estado::Regular,
             310000),
        make("740841000010",
             "IMPRESORA LASER",
             "KYOCERA",
             "VCF0010",
             "ÑAUPARI COPA, Ana",
             "camal",
             "camal-administracion",
             Estado::Malo,
             120000),
        make("746483900001",
             "SILLA GIRATORIA DE METAL",
             "S/M",
             "",
             "NUNEZ APAZA, Luis",
             "palacio",
             "palacio-otic",
             Estado::Chatarra,
             25000),
        make("746437120002",
             "ESCRITORIO DE MADERA",
             "S/M",
             "",
             "ÁLVAREZ CHOQUE, María",
             "camal",
             "camal-administracion",
             Estado::Nuevo,
             90000),
    });
}

void TestAssetFilterProxyModel::fill(const QList<Asset> &assets)
{
    AssetSnapshot snapshot;
    for (const Asset &a : assets) {
        AssetSnapshot::Row r;
        r.codigo = snapshot.intern(a.codigo);
        r.denominacion = snapshot.intern(a.denominacion);
        r.marca = snapshot.intern(a.marca);
        r.serie = snapshot.intern(a.serie);
        r.responsable = snapshot.intern(a.responsable);
        r.sedeId = snapshot.intern(a.sedeId);
        r.areaId = snapshot.intern(a.areaId);
        r.estado = a.estado;
        r.valorCentimos = a.valorCentimos;
        snapshot.append(r);
    }
    m_model->setSnapshot(snapshot);
}

void TestAssetFilterProxyModel::searchIgnoresCaseAndAccents_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("codes");
    const QString cpu1 = QStringLiteral("740899500001");
    const QString cpu2 = QStringLiteral("740899500002");
    const QString printer = QStringLiteral("740841000010");
    const QString chair = QStringLiteral("746483900001");
    const QString desk = QStringLiteral("746437120002");
    QTest::newRow("nothing") << QString() << QStringList{cpu1, cpu2, printer, chair, desk};
    QTest::newRow("spaces only") << QStringLiteral("   ")
                                 << QStringList{cpu1, cpu2, printer, chair, desk};
    QTest::newRow("code prefix") << QStringLiteral("74089950") << QStringList{cpu1, cpu2};
    QTest::newRow("code middle") << QStringLiteral("0010") << QStringList{printer};
    QTest::newRow("denominacion lower case") << QStringLiteral("silla") << QStringList{chair};
    QTest::newRow("marca") << QStringLiteral("kyocera") << QStringList{printer};
    QTest::newRow("serie") << QStringLiteral("pc0000") << QStringList{cpu2};
    QTest::newRow("custodian without accent") << QStringLiteral("perez") << QStringList{cpu1};
    QTest::newRow("custodian with accent") << QStringLiteral("PÉREZ") << QStringList{cpu1};
    QTest::newRow("ñ folds to n") << QStringLiteral("nunez") << QStringList{cpu2, chair};
    QTest::newRow("ñ typed") << QStringLiteral("ñuñez") << QStringList{cpu2, chair};
    QTest::newRow("two words, two fields") << QStringLiteral("hp proceso") << QStringList{cpu1};
    QTest::newRow("two words, no row has both") << QStringLiteral("silla kyocera") << QStringList{};
    QTest::newRow("no match") << QStringLiteral("tractor") << QStringList{};
}

void TestAssetFilterProxyModel::searchIgnoresCaseAndAccents()
{
    QFETCH(QString, search);
    QFETCH(QStringList, codes);
    m_proxy->setSearchText(search);
    QStringList shown = column(*m_proxy, AssetTableModel::Codigo);
    shown.sort();
    codes.sort();
    QCOMPARE(shown, codes);
}

void TestAssetFilterProxyModel::filters()
{
    m_proxy->setSedeFilter(QStringLiteral("camal"));
    QCOMPARE(m_proxy->rowCount(), 2);
    m_proxy->setEstadoFilter({Estado::Malo, Estado::Raee, Estado::Chatarra});
    QCOMPARE(column(*m_proxy, AssetTableModel::Codigo), QStringList{QStringLiteral("740841000010")});
    m_proxy->setSedeFilter(QString());
    QCOMPARE(m_proxy->rowCount(), 2); // printer (M) and chair (Y)
    m_proxy->setEstadoFilter({});
    m_proxy->setAreaFilter(QStringLiteral("palacio-otic"));
    QCOMPARE(m_proxy->rowCount(), 2);
    m_proxy->setResponsableFilter(QStringLiteral("NUNEZ APAZA, Luis"));
    QCOMPARE(column(*m_proxy, AssetTableModel::Codigo), QStringList{QStringLiteral("746483900001")});
    QVERIFY(m_proxy->hasFilters());
    m_proxy->clearFilters();
    QVERIFY(!m_proxy->hasFilters());
    QCOMPARE(m_proxy->rowCount(), 5);
}

void TestAssetFilterProxyModel::filtersCombineWithSearch()
{
    m_proxy->setSearchText(QStringLiteral("cpu"));
    m_proxy->setAreaFilter(QStringLiteral("palacio-patrimonio"));
    QCOMPARE(column(*m_proxy, AssetTableModel::Codigo), QStringList{QStringLiteral("740899500002")});
    m_proxy->setSearchText(QStringLiteral("silla"));
    QCOMPARE(m_proxy->rowCount(), 0);
}

void TestAssetFilterProxyModel::sortsTheSpanishWay()
{
    m_proxy->sort(AssetTableModel::Responsable, Qt::AscendingOrder);
    // Accents do not scatter names; Ñ comes after N (Spanish alphabet).
    QCOMPARE(column(*m_proxy, AssetTableModel::Responsable),
             (QStringList{QStringLiteral("ÁLVAREZ CHOQUE, María"),
                          QStringLiteral("NUNEZ APAZA, Luis"),
                          QStringLiteral("NUÑEZ TICONA, Rosa"),
                          QStringLiteral("ÑAUPARI COPA, Ana"),
                          QStringLiteral("PÉREZ MAMANI, José")}));
    m_proxy->sort(AssetTableModel::Responsable, Qt::DescendingOrder);
    QCOMPARE(column(*m_proxy, AssetTableModel::Responsable).first(),
             QStringLiteral("PÉREZ MAMANI, José"));
    m_proxy->sort(AssetTableModel::Denominacion, Qt::AscendingOrder);
    QCOMPARE(column(*m_proxy, AssetTableModel::Denominacion).first(),
             QStringLiteral("ESCRITORIO DE MADERA"));
}

void TestAssetFilterProxyModel::sortsNumbersAndEstados()
{
    m_proxy->sort(AssetTableModel::Codigo, Qt::AscendingOrder);
    QCOMPARE(column(*m_proxy, AssetTableModel::Codigo).first(), QStringLiteral("740841000010"));
    m_proxy->sort(AssetTableModel::Valor, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, 0).data(AssetTableModel::ValorRole).toLongLong(), 350000);
    QCOMPARE(m_proxy->index(4, 0).data(AssetTableModel::ValorRole).toLongLong(), 25000);
    m_proxy->sort(AssetTableModel::EstadoColumn, Qt::AscendingOrder);
    QString estados;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        estados += m_proxy->index(row, 0).data(AssetTableModel::EstadoRole).toChar();
    QCOMPARE(estados, QStringLiteral("NBRMY"));
}

void TestAssetFilterProxyModel::followsModelChanges()
{
    m_proxy->sort(AssetTableModel::Responsable, Qt::AscendingOrder);
    m_proxy->setSearchText(QStringLiteral("cpu"));
    QCOMPARE(m_proxy->rowCount(), 2);
    Asset third = make("740899500003",
                       "UNIDAD CENTRAL DE PROCESO - CPU",
                       "DELL",
                       "D3",
                       "ABARCA LIMACHE, Percy",
                       "palacio",
                       "palacio-otic",
                       Estado::Bueno,
                       280000);
    m_model->upsert(third);
    QCOMPARE(m_proxy->rowCount(), 3);
    QCOMPARE(m_proxy->index(0, AssetTableModel::Responsable).data().toString(),
             QStringLiteral("ABARCA LIMACHE, Percy"));
    third.denominacion = QStringLiteral("MONITOR PLANO");
    m_model->upsert(third);
    QCOMPARE(m_proxy->rowCount(), 2);
}

void TestAssetFilterProxyModel::folding()
{
    QCOMPARE(AssetFilterProxyModel::folded(QStringLiteral("Ñuñoa PÉREZ Güemes")),
             QStringLiteral("nunoa perez guemes"));
    QCOMPARE(AssetFilterProxyModel::folded(QStringLiteral("ABC-123")), QStringLiteral("abc-123"));
}

void TestAssetFilterProxyModel::hundredThousandRows()
{
    const char *const names[] = {"QUISPE", "MAMANI", "ÑAUPARI", "CONDORI", "PÉREZ", "TICONA"};
    AssetSnapshot snapshot;
    snapshot.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
        AssetSnapshot::Row r;
        r.codigo = snapshot.intern(QStringLiteral("7408995%1").arg(i + 1, 5, 10, QLatin1Char('0')));
        r.denominacion = snapshot.intern(i % 3 ? QStringLiteral("UNIDAD CENTRAL DE PROCESO - CPU")
                                               : QStringLiteral("SILLA GIRATORIA DE METAL"));
        r.marca = snapshot.intern(i % 2 ? QStringLiteral("HP") : QStringLiteral("LENOVO"));
        r.serie = snapshot.intern(QStringLiteral("SN%1").arg(i * 7919 % 1000003));
        r.responsable = snapshot.intern(
            QStringLiteral("%1 %2, Persona %3")
                .arg(QString::fromUtf8(names[i % 6]), QString::fromUtf8(names[(i / 6) % 6]))
                .arg(i % 2000));
        r.sedeId = snapshot.intern(QStringLiteral("palacio"));
        r.estado = i % 5 ? Estado::Bueno : Estado::Regular;
        snapshot.append(r);
    }
    m_tester.reset(); // the tester's checks on 100 000 rows would time the tester, not the proxy
    QElapsedTimer timer;
    timer.start();
    m_model->setSnapshot(snapshot);
    QCOMPARE(m_proxy->rowCount(), 100000); // the proxy maps rows lazily: ask for them
    const qint64 load = timer.restart();
    m_proxy->setSearchText(QStringLiteral("nau silla"));
    QCOMPARE(m_proxy->rowCount(), 5556); // ÑAUPARI custodians (i % 6 == 2) of chairs (i % 3 == 0)
    const qint64 search = timer.restart();
    m_proxy->setSearchText(QString());
    QCOMPARE(m_proxy->rowCount(), 100000);
    timer.restart();
    m_proxy->sort(AssetTableModel::Responsable, Qt::AscendingOrder);
    QCOMPARE(m_proxy->rowCount(), 100000);
    const qint64 sort = timer.restart();
    QVERIFY(m_proxy->index(0, AssetTableModel::Responsable)
                .data()
                .toString()
                .startsWith(QLatin1String("CONDORI")));
    m_proxy->sort(AssetTableModel::Serie, Qt::AscendingOrder);
    const qint64 sortUnique = timer.restart();
    qInfo("100000 rows: reset and map %lld ms, search %lld ms, sort by custodian %lld ms (2000 "
          "distinct), by serie %lld ms (100000 distinct)",
          load,
          search,
          sort,
          sortUnique);
    // Generous bounds (debug and sanitizer builds): the point is "not minutes".
    QVERIFY(search < 5000);
    QVERIFY(sort < 10000);
}

QTEST_GUILESS_MAIN(TestAssetFilterProxyModel)
#include "tst_assetfilterproxymodel.moc"
