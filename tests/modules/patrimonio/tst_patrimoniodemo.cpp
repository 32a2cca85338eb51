#include "PatrimonioFixture.h"

#include "CodigoPatrimonial.h"
#include "PatrimonioDemo.h"

#include <QElapsedTimer>
#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::PatrimonioFixture;

class TestPatrimonioDemo : public QObject
{
    Q_OBJECT

private slots:
    void generatorIsDeterministic();
    void seedCountsMatchThePgd();
    void seedIsIdempotent();
    void demoCatalogoCoversEveryAsset();

private:
    static int countWithCatalogo(PatrimonioFixture &f, const char *catalogo);
};

int TestPatrimonioDemo::countWithCatalogo(PatrimonioFixture &f, const char *catalogo)
{
    return f
        .scalar(QStringLiteral(
                    "SELECT COUNT(*) FROM patrimonio_assets WHERE substr(codigo, 1, 8) = '%1'")
                    .arg(QLatin1String(catalogo)))
        .toInt();
}

void TestPatrimonioDemo::generatorIsDeterministic()
{
    PatrimonioFixture f;
    QVERIFY2(f.setupError().isEmpty(), qPrintable(f.setupError()));
    const QDate today(2026, 3, 2);
    const QList<Asset> a = PatrimonioDemo::assets(f.assets().sedes(), f.assets().areas(), today);
    const QList<Asset> b = PatrimonioDemo::assets(f.assets().sedes(), f.assets().areas(), today);
    QCOMPARE(a.size(), PatrimonioDemo::counts().total());
    QCOMPARE(a.size(), b.size());
    for (int i = 0; i < a.size(); i += 97) {
        QCOMPARE(a.at(i).codigo, b.at(i).codigo);
        QCOMPARE(a.at(i).serie, b.at(i).serie);
        QCOMPARE(a.at(i).responsable, b.at(i).responsable);
    }
    QSet<QString> codes;
    for (const Asset &asset : a) {
        QVERIFY2(CodigoPatrimonial(asset.codigo).isValid(), qPrintable(asset.codigo));
        codes.insert(asset.codigo);
        QVERIFY(!asset.fechaAdquisicion.isValid() || asset.fechaAdquisicion <= today);
    }
    QCOMPARE(codes.size(), a.size());
}

void TestPatrimonioDemo::seedCountsMatchThePgd()
{
    PatrimonioFixture f;
    QVERIFY2(f.setupError().isEmpty(), qPrintable(f.setupError()));
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY2(PatrimonioDemo::seed(f.assets(), f.catalogo(), f.clock().now().date(), &error),
             qPrintable(error));
    qInfo("demo seed: %d assets in %lld ms", f.assets().count(), timer.elapsed());

    // PGD section 2.4, tables 2 to 4.
    QCOMPARE(countWithCatalogo(f, PatrimonioDemo::CatalogoCpu), 828);
    QCOMPARE(countWithCatalogo(f, PatrimonioDemo::CatalogoLaptop), 43);
    QCOMPARE(countWithCatalogo(f, PatrimonioDemo::CatalogoCpu)
                 + countWithCatalogo(f, PatrimonioDemo::CatalogoLaptop),
             871);
    QCOMPARE(countWithCatalogo(f, PatrimonioDemo::CatalogoMatrix), 4);
    QCOMPARE(countWithCatalogo(f, PatrimonioDemo::CatalogoInkjet), 23);
    QCOMPARE(countWithCatalogo(f, PatrimonioDemo::CatalogoLaser), 75);
    QCOMPARE(countWithCatalogo(f, PatrimonioDemo::CatalogoScanner), 9);
    QCOMPARE(countWithCatalogo(f, PatrimonioDemo::CatalogoServer), 18);
    const PatrimonioDemo::Counts counts = PatrimonioDemo::counts();
    QCOMPARE(counts.printers(), 102);
    QCOMPARE(f.assets().count(), counts.total());
    QVERIFY(counts.furniture() > 1000);

    // Spread over every sede, with many custodians; mostly bueno and regular.
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(DISTINCT sede_id) FROM patrimonio_assets"))
                 .toInt(),
             f.scalar(QStringLiteral("SELECT COUNT(*) FROM sedes")).toInt());
    QVERIFY(
        f.scalar(QStringLiteral("SELECT COUNT(DISTINCT responsable) FROM patrimonio_assets")).toInt()
        > 300);
    const int goodOrFair
        = f.scalar(
               QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets WHERE estado IN ('B', 'R')"))
              .toInt();
    QVERIFY2(goodOrFair * 10 > counts.total() * 7, qPrintable(QString::number(goodOrFair)));
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets WHERE estado NOT IN"
                                     " ('N', 'B', 'R') AND substr(codigo, 1, 8) = '74089950'"))
                 .toInt(),
             0); // the PGD counts every computer operative
    QVERIFY(
        f.scalar(QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets WHERE sede_id = 'palacio'"))
            .toInt()
        > counts.total() / 5);
    QCOMPARE(f.scalar(
                  QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets WHERE area_id IS NOT NULL"
                                 " AND area_id NOT IN (SELECT id FROM areas WHERE sede_id ="
                                 " patrimonio_assets.sede_id)"))
                 .toInt(),
             0);

    // Every asset audited and with its alta, and the chain intact.
    QCOMPARE(f.auditRows(QStringLiteral("patrimonio.asset")), counts.total());
    QCOMPARE(f.historyRows(), counts.total());
    QVERIFY(f.audit().verify().ok());
}

void TestPatrimonioDemo::seedIsIdempotent()
{
    PatrimonioFixture f;
    QVERIFY2(f.setupError().isEmpty(), qPrintable(f.setupError()));
    QString error;
    QVERIFY2(PatrimonioDemo::seed(f.assets(), f.catalogo(), f.clock().now().date(), &error),
             qPrintable(error));
    const int assets = f.assets().count();
    const int auditRows = f.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt();
    const int history = f.historyRows();
    const QString lastHash = f.scalar(QStringLiteral("SELECT hash FROM audit_head")).toString();

    f.clock().advanceMinutes(60);
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(PatrimonioDemo::seed(f.assets(), f.catalogo(), f.clock().now().date(), &error),
             qPrintable(error));
    qInfo("second demo seed (nothing to do): %lld ms", timer.elapsed());
    QCOMPARE(f.assets().count(), assets);
    QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), auditRows);
    QCOMPARE(f.historyRows(), history);
    QCOMPARE(f.scalar(QStringLiteral("SELECT hash FROM audit_head")).toString(), lastHash);
}

void TestPatrimonioDemo::demoCatalogoCoversEveryAsset()
{
    QString error;
    const auto catalogo = PatrimonioDemo::catalogo(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> codes;
    for (const auto &e : catalogo) {
        QVERIFY2(CodigoPatrimonial::isValidCatalogo(e.code), qPrintable(e.code));
        QVERIFY(!e.denominacion.isEmpty());
        codes.insert(e.code);
    }
    QCOMPARE(codes.size(), catalogo.size());
    PatrimonioFixture f;
    QVERIFY2(f.setupError().isEmpty(), qPrintable(f.setupError()));
    for (const Asset &a :
         PatrimonioDemo::assets(f.assets().sedes(), f.assets().areas(), QDate(2026, 3, 2))) {
        QVERIFY2(codes.contains(a.catalogo()), qPrintable(a.codigo));
    }
}

QTEST_GUILESS_MAIN(TestPatrimonioDemo)
#include "tst_patrimoniodemo.moc"
