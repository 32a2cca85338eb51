#include "barcode/BarcodeDecoder.h"
#include "barcode/BarcodeRenderer.h"

#include <QPainter>
#include <QPdfWriter>
#include <QPicture>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo::core;

class TestBarcodeRenderer : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void quietZonesAndShape_data();
    void quietZonesAndShape();
    void paintsVectorsNotPixels();
    void rasterModulesAreWholePixels();
    void refusesWhatCannotBeEncoded_data();
    void refusesWhatCannotBeEncoded();
    void formatKeys();
    void version();
};

void TestBarcodeRenderer::roundTrip_data()
{
    QTest::addColumn<BarcodeFormat>("format");
    QTest::addColumn<QString>("text");
    QTest::newRow("code128 cpu") << BarcodeFormat::Code128 << QStringLiteral("740899500006");
    QTest::newRow("code128 chair") << BarcodeFormat::Code128 << QStringLiteral("112227640153");
    QTest::newRow("code128 letters") << BarcodeFormat::Code128 << QStringLiteral("EXP-2026-0042");
    QTest::newRow("qr cpu") << BarcodeFormat::QrCode << QStringLiteral("740899500006");
    QTest::newRow("qr accents") << BarcodeFormat::QrCode << QStringLiteral("Señor Núñez");
}

void TestBarcodeRenderer::roundTrip()
{
    QFETCH(BarcodeFormat, format);
    QFETCH(QString, text);
    QString error;
    const BarcodeSymbol symbol = BarcodeRenderer::encode(format, text, &error);
    QVERIFY2(!symbol.isNull(), qPrintable(error));
    QCOMPARE(symbol.format(), format);
    QCOMPARE(symbol.text(), text);
    const QImage image = symbol.toImage(3);
    QVERIFY(!image.isNull());
    const auto found = BarcodeDecoder::decode(image);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().text, text);
    QCOMPARE(found.first().format, std::optional<BarcodeFormat>(format));
}

void TestBarcodeRenderer::quietZonesAndShape_data()
{
    QTest::addColumn<BarcodeFormat>("format");
    QTest::addColumn<int>("quiet");
    QTest::newRow("code128") << BarcodeFormat::Code128 << 10;
    QTest::newRow("qr") << BarcodeFormat::QrCode << 4;
}

void TestBarcodeRenderer::quietZonesAndShape()
{
    QFETCH(BarcodeFormat, format);
    QFETCH(int, quiet);
    const BarcodeSymbol symbol = BarcodeRenderer::encode(format, QStringLiteral("740899500006"));
    QVERIFY(!symbol.isNull());
    qreal left = 1e9, right = 0, top = 1e9, bottom = 0;
    for (const QRectF &bar : symbol.bars()) {
        left = std::min(left, bar.left());
        right = std::max(right, bar.right());
        top = std::min(top, bar.top());
        bottom = std::max(bottom, bar.bottom());
    }
    QCOMPARE(left, qreal(quiet));
    QCOMPARE(symbol.size().width() - right, qreal(quiet));
    if (format == BarcodeFormat::QrCode) {
        QCOMPARE(symbol.size().width(), symbol.size().height()); // square
        QCOMPARE(top, qreal(quiet));
        // 12 digits fit version 1 (21 × 21 modules) at level M.
        QCOMPARE(symbol.size().width(), 21.0 + 2 * quiet);
    } else {
        // Code set C: start 11 + 6 digit pairs × 11 + check 11 + stop 13 = 101 modules.
        QCOMPARE(symbol.size().width(), 101.0 + 2 * quiet);
        QVERIFY(symbol.isLinear());
    }
}

void TestBarcodeRenderer::paintsVectorsNotPixels()
{
    // A QPicture records the painter's calls: the bars arrive as rectangles, never an image.
    const BarcodeSymbol symbol = BarcodeRenderer::encode(BarcodeFormat::QrCode,
                                                         QStringLiteral("740899500006"));
    QPicture picture;
    {
        QPainter painter(&picture);
        symbol.paint(painter, QRectF(0, 0, 200, 100));
    }
    // Replay the picture into a PDF and check the PDF holds no image XObject.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("qr.pdf"));
    {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QSizeF(30, 30), QPageSize::Millimeter));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter(&pdf);
        symbol.paint(painter, QRectF(0, 0, pdf.width(), pdf.height()));
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pdf = f.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(!pdf.contains("/Subtype /Image"));
    // Square modules, centred in a 200 × 100 target: 100 / 29 modules each.
    const QRectF place = symbol.placement(QRectF(0, 0, 200, 100));
    QCOMPARE(place.height(), 100.0);
    QCOMPARE(place.width(), 100.0);
    QCOMPARE(place.left(), 50.0);
    QVERIFY(picture.size() > 0);
}

void TestBarcodeRenderer::rasterModulesAreWholePixels()
{
    const BarcodeSymbol symbol = BarcodeRenderer::encode(BarcodeFormat::Code128,
                                                         QStringLiteral("740899500006"));
    // 121 modules in 500 px: 4 px a module (not 4.13), centred.
    const QRectF place = symbol.placement(QRectF(0, 0, 500, 80), 1.0);
    QCOMPARE(place.width(), 484.0);
    QCOMPARE(place.left(), 8.0);
    QCOMPARE(place.height(), 80.0);

    QImage image(500, 80, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    symbol.paint(painter, image.rect());
    painter.end();
    // Every column is pure black or pure white (no grey edges), and the first bar starts after
    // the 10-module quiet zone: 8 + 40 px.
    for (int x = 0; x < image.width(); ++x) {
        const QRgb c = image.pixel(x, 40);
        QVERIFY2(c == qRgb(0, 0, 0) || c == qRgb(255, 255, 255), qPrintable(QString::number(x)));
    }
    QCOMPARE(image.pixel(47, 40), qRgb(255, 255, 255));
    QCOMPARE(image.pixel(48, 40), qRgb(0, 0, 0));
}

void TestBarcodeRenderer::refusesWhatCannotBeEncoded_data()
{
    QTest::addColumn<BarcodeFormat>("format");
    QTest::addColumn<QString>("text");
    QTest::newRow("empty code128") << BarcodeFormat::Code128 << QString();
    QTest::newRow("empty qr") << BarcodeFormat::QrCode << QString();
    QTest::newRow("code128 non-ascii") << BarcodeFormat::Code128 << QStringLiteral("Núñez");
    QTest::newRow("qr too long") << BarcodeFormat::QrCode << QString(8000, QLatin1Char('7'));
}

void TestBarcodeRenderer::refusesWhatCannotBeEncoded()
{
    QFETCH(BarcodeFormat, format);
    QFETCH(QString, text);
    QString error;
    const BarcodeSymbol symbol = BarcodeRenderer::encode(format, text, &error);
    QVERIFY(symbol.isNull());
    QVERIFY(!error.isEmpty());
    QImage image(100, 100, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QVERIFY(!BarcodeRenderer::paint(painter, image.rect(), format, text));
}

void TestBarcodeRenderer::formatKeys()
{
    for (const BarcodeFormat f : BarcodeFormats::all()) {
        BarcodeFormat back = f == BarcodeFormat::QrCode ? BarcodeFormat::Code128
                                                        : BarcodeFormat::QrCode;
        QVERIFY(BarcodeFormats::fromKey(BarcodeFormats::key(f), &back));
        QCOMPARE(back, f);
    }
    BarcodeFormat f;
    QVERIFY(BarcodeFormats::fromKey(QStringLiteral("Code-128"), &f));
    QCOMPARE(f, BarcodeFormat::Code128);
    QVERIFY(BarcodeFormats::fromKey(QStringLiteral("QRCode"), &f));
    QCOMPARE(f, BarcodeFormat::QrCode);
    QVERIFY(!BarcodeFormats::fromKey(QStringLiteral("ean13"), &f));
}

void TestBarcodeRenderer::version()
{
    QVERIFY2(BarcodeRenderer::zintVersion().startsWith(QLatin1String("2.")),
             qPrintable(BarcodeRenderer::zintVersion()));
}

QTEST_MAIN(TestBarcodeRenderer)
#include "tst_barcoderenderer.moc"
