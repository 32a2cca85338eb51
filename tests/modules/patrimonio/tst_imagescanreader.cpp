#include "ImageScanReader.h"

#include "barcode/BarcodeRenderer.h"

#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;

class TestImageScanReader : public QObject
{
    Q_OBJECT

private slots:
    void readsAPhotoFile_data();
    void readsAPhotoFile();
    void sameCodeTwiceIsOneCode();
    void nothingFoundIsSaidPlainly();
    void notAnImage();
    void filterListsImageFormats();
};

namespace {

// A label photographed a little crooked, on grey paper.
QImage photo(core::BarcodeFormat format, const QString &code, qreal degrees)
{
    const QImage symbol = core::BarcodeRenderer::encode(format, code).toImage(5, 30);
    QImage image(symbol.width() + 300, symbol.height() + 300, QImage::Format_RGB32);
    image.fill(QColor(200, 200, 195));
    QPainter p(&image);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.translate(image.width() / 2.0, image.height() / 2.0);
    p.rotate(degrees);
    p.drawImage(-symbol.width() / 2, -symbol.height() / 2, symbol);
    return image;
}

} // namespace

void TestImageScanReader::readsAPhotoFile_data()
{
    QTest::addColumn<core::BarcodeFormat>("format");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("code128 png") << core::BarcodeFormat::Code128 << QStringLiteral("png");
    QTest::newRow("code128 jpg") << core::BarcodeFormat::Code128 << QStringLiteral("jpg");
    QTest::newRow("qr jpg") << core::BarcodeFormat::QrCode << QStringLiteral("jpg");
}

void TestImageScanReader::readsAPhotoFile()
{
    QFETCH(core::BarcodeFormat, format);
    QFETCH(QString, suffix);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("etiqueta.") + suffix);
    QVERIFY(photo(format, QStringLiteral("740899500006"), 5).save(path, nullptr, 80));
    const auto result = ImageScanReader::readFile(path);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.codes, QStringList{QStringLiteral("740899500006")});
    QVERIFY(result.message.isEmpty());
}

void TestImageScanReader::sameCodeTwiceIsOneCode()
{
    const QImage a = core::BarcodeRenderer::encode(core::BarcodeFormat::Code128,
                                                   QStringLiteral("740899500006"))
                         .toImage(4, 30);
    const QImage b = core::BarcodeRenderer::encode(core::BarcodeFormat::QrCode,
                                                   QStringLiteral("740899500006"))
                         .toImage(5);
    QImage both(a.width() + b.width() + 60,
                std::max(a.height(), b.height()) + 40,
                QImage::Format_RGB32);
    both.fill(Qt::white);
    {
        QPainter p(&both);
        p.drawImage(20, 20, a);
        p.drawImage(a.width() + 40, 20, b);
    }
    const auto result = ImageScanReader::read(both, QStringLiteral("foto"));
    QCOMPARE(result.codes, QStringList{QStringLiteral("740899500006")});
}

void TestImageScanReader::nothingFoundIsSaidPlainly()
{
    QImage blank(640, 480, QImage::Format_RGB32);
    blank.fill(Qt::white);
    const auto result = ImageScanReader::read(blank, QStringLiteral("pared.jpg"));
    QVERIFY(!result.ok());
    QVERIFY(result.codes.isEmpty());
    QVERIFY(result.message.contains(QLatin1String("pared.jpg")));
}

void TestImageScanReader::notAnImage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("acta.png"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is no picture");
    f.close();
    const auto result = ImageScanReader::readFile(path);
    QVERIFY(!result.ok());
    QVERIFY(result.message.contains(QLatin1String("acta.png")));
    QVERIFY(!ImageScanReader::readFile(dir.filePath(QStringLiteral("none.png"))).ok());
}

void TestImageScanReader::filterListsImageFormats()
{
    const QString filter = ImageScanReader::fileFilter();
    QVERIFY2(filter.contains(QLatin1String("*.png")), qPrintable(filter));
    QVERIFY2(filter.contains(QLatin1String("*.jpg")), qPrintable(filter));
}

QTEST_MAIN(TestImageScanReader)
#include "tst_imagescanreader.moc"
