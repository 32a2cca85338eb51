#include "barcode/BarcodeDecoder.h"
#include "barcode/BarcodeRenderer.h"

#include <QPainter>
#include <QRandomGenerator>
#include <QTest>
#include <QTransform>

using namespace tambo::core;

class TestBarcodeDecoder : public QObject
{
    Q_OBJECT

private slots:
    void readsADegradedPhoto_data();
    void readsADegradedPhoto();
    void blankImageFindsNothing_data();
    void blankImageFindsNothing();
    void readsSeveralSymbols();
    void formatFilter();
    void version();

private:
    // A label-like picture: the symbol on white paper with a margin, rotated by `degrees`,
    // with salt-and-pepper noise on `noisePercent` % of the pixels, then blurred and darkened
    // like a poor phone photo.
    static QImage degraded(const BarcodeSymbol &symbol, qreal degrees, int noisePercent);
};

QImage TestBarcodeDecoder::degraded(const BarcodeSymbol &symbol, qreal degrees, int noisePercent)
{
    const QImage clean = symbol.toImage(4, 30);
    QImage paper(clean.width() + 160, clean.height() + 160, QImage::Format_RGB32);
    paper.fill(QColor(235, 232, 220)); // yellowed paper, not pure white
    {
        QPainter p(&paper);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.translate(paper.width() / 2.0, paper.height() / 2.0);
        p.rotate(degrees);
        p.translate(-clean.width() / 2.0, -clean.height() / 2.0);
        QImage ink = clean.convertToFormat(QImage::Format_RGB32);
        // Faded ink: dark grey instead of black.
        for (int y = 0; y < ink.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(ink.scanLine(y));
            for (int x = 0; x < ink.width(); ++x)
                line[x] = qGray(line[x]) < 128 ? qRgb(60, 60, 70) : qRgb(235, 232, 220);
        }
        p.drawImage(0, 0, ink);
    }
    QRandomGenerator rng(20261201); // fixed seed: the same picture every run
    for (int y = 0; y < paper.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(paper.scanLine(y));
        for (int x = 0; x < paper.width(); ++x) {
            if (int(rng.bounded(100)) < noisePercent)
                line[x] = rng.bounded(2) ? qRgb(255, 255, 255) : qRgb(0, 0, 0);
        }
    }
    // Blur: down and up again.
    return paper.scaled(paper.size() / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        .scaled(paper.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

void TestBarcodeDecoder::readsADegradedPhoto_data()
{
    QTest::addColumn<BarcodeFormat>("format");
    QTest::addColumn<qreal>("degrees");
    QTest::addColumn<int>("noise");
    QTest::newRow("code128 straight, noisy") << BarcodeFormat::Code128 << 0.0 << 3;
    QTest::newRow("code128 tilted 4°, noisy") << BarcodeFormat::Code128 << 4.0 << 3;
    QTest::newRow("code128 tilted -3°") << BarcodeFormat::Code128 << -3.0 << 1;
    QTest::newRow("code128 upside down") << BarcodeFormat::Code128 << 180.0 << 1;
    QTest::newRow("qr tilted 8°, noisy") << BarcodeFormat::QrCode << 8.0 << 3;
    QTest::newRow("qr turned 90°") << BarcodeFormat::QrCode << 90.0 << 2;
}

void TestBarcodeDecoder::readsADegradedPhoto()
{
    QFETCH(BarcodeFormat, format);
    QFETCH(qreal, degrees);
    QFETCH(int, noise);
    const QString code = QStringLiteral("740899500006");
    const BarcodeSymbol symbol = BarcodeRenderer::encode(format, code);
    QVERIFY(!symbol.isNull());
    const QImage photo = degraded(symbol, degrees, noise);
    const auto found = BarcodeDecoder::decode(photo);
    QVERIFY2(!found.isEmpty(), "nothing read from the degraded image");
    QCOMPARE(found.first().text, code);
    QCOMPARE(found.first().format, std::optional<BarcodeFormat>(format));
    QCOMPARE(found.first().position.size(), 4);
}

void TestBarcodeDecoder::blankImageFindsNothing_data()
{
    QTest::addColumn<QImage>("image");
    QImage white(800, 600, QImage::Format_RGB32);
    white.fill(Qt::white);
    QTest::newRow("white") << white;
    QImage noise(400, 300, QImage::Format_Grayscale8);
    QRandomGenerator rng(7);
    for (int y = 0; y < noise.height(); ++y) {
        uchar *line = noise.scanLine(y);
        for (int x = 0; x < noise.width(); ++x)
            line[x] = uchar(rng.bounded(256));
    }
    QTest::newRow("noise") << noise;
    QTest::newRow("null") << QImage();
    QImage transparent(100, 100, QImage::Format_ARGB32);
    transparent.fill(Qt::transparent);
    QTest::newRow("transparent") << transparent;
}

void TestBarcodeDecoder::blankImageFindsNothing()
{
    QFETCH(QImage, image);
    QVERIFY(BarcodeDecoder::decode(image).isEmpty());
}

void TestBarcodeDecoder::readsSeveralSymbols()
{
    const QImage a = BarcodeRenderer::encode(BarcodeFormat::QrCode, QStringLiteral("740899500001"))
                         .toImage(4);
    const QImage b = BarcodeRenderer::encode(BarcodeFormat::Code128, QStringLiteral("740899500002"))
                         .toImage(3, 30);
    QImage sheet(std::max(a.width(), b.width()) + 40,
                 a.height() + b.height() + 80,
                 QImage::Format_RGB32);
    sheet.fill(Qt::white);
    {
        QPainter p(&sheet);
        p.drawImage(20, 20, a);
        p.drawImage(20, a.height() + 60, b);
    }
    QStringList texts;
    for (const auto &f : BarcodeDecoder::decode(sheet))
        texts << f.text;
    texts.sort();
    QCOMPARE(texts, (QStringList{QStringLiteral("740899500001"), QStringLiteral("740899500002")}));
}

void TestBarcodeDecoder::formatFilter()
{
    const QImage qr = BarcodeRenderer::encode(BarcodeFormat::QrCode, QStringLiteral("740899500006"))
                          .toImage(4);
    BarcodeDecoder::Options onlyLinear;
    onlyLinear.formats = {BarcodeFormat::Code128};
    QVERIFY(BarcodeDecoder::decode(qr, onlyLinear).isEmpty());
    BarcodeDecoder::Options onlyQr;
    onlyQr.formats = {BarcodeFormat::QrCode};
    QCOMPARE(BarcodeDecoder::decode(qr, onlyQr).size(), 1);
}

void TestBarcodeDecoder::version()
{
    QVERIFY2(BarcodeDecoder::zxingVersion().startsWith(QLatin1String("1.")),
             qPrintable(BarcodeDecoder::zxingVersion()));
}

QTEST_MAIN(TestBarcodeDecoder)
#include "tst_barcodedecoder.moc"
