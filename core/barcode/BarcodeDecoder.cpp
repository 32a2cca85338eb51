#include "BarcodeDecoder.h"

#include <QPainter>

// ZXing 1.4 gives Result::text() as UTF-8 std::string with this (the next release's default).
#define ZX_USE_UTF8 1
#include <ZXing/BarcodeFormat.h>
#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/ReadBarcode.h>
#include <ZXing/ZXVersion.h>

#include <algorithm>

namespace tambo::core {

namespace {

ZXing::BarcodeFormat toZxing(BarcodeFormat format)
{
    switch (format) {
    case BarcodeFormat::Code128:
        return ZXing::BarcodeFormat::Code128;
    case BarcodeFormat::QrCode:
        return ZXing::BarcodeFormat::QRCode;
    }
    return ZXing::BarcodeFormat::None;
}

std::optional<BarcodeFormat> fromZxing(ZXing::BarcodeFormat format)
{
    if (format == ZXing::BarcodeFormat::Code128)
        return BarcodeFormat::Code128;
    if (format == ZXing::BarcodeFormat::QRCode)
        return BarcodeFormat::QrCode;
    return std::nullopt;
}

} // namespace

QList<BarcodeDecoder::Found> BarcodeDecoder::decode(const QImage &image)
{
    return decode(image, Options{});
}

QList<BarcodeDecoder::Found> BarcodeDecoder::decode(const QImage &image, const Options &options)
{
    QList<Found> found;
    if (image.isNull())
        return found;
    // ZXing reads luminance. Transparent parts count as white paper.
    QImage gray = image;
    if (image.hasAlphaChannel()) {
        gray = QImage(image.size(), QImage::Format_RGB32);
        gray.fill(Qt::white);
        QPainter painter(&gray);
        painter.drawImage(0, 0, image);
    }
    gray = gray.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(),
                                gray.width(),
                                gray.height(),
                                ZXing::ImageFormat::Lum,
                                int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    ZXing::BarcodeFormats formats;
    for (const BarcodeFormat f : options.formats)
        formats |= toZxing(f);
    hints.setFormats(formats); // None = every format
    hints.setTryHarder(options.tryHarder);
    hints.setTryRotate(options.tryHarder);
    hints.setTryDownscale(true);
    if (options.maxSymbols > 0)
        hints.setMaxNumberOfSymbols(uint8_t(std::min(options.maxSymbols, 255)));

    const ZXing::Results results = ZXing::ReadBarcodes(view, hints);
    for (const ZXing::Result &r : results) {
        if (!r.isValid())
            continue;
        Found f;
        f.text = QString::fromStdString(r.text());
        f.formatName = QString::fromLatin1(ZXing::ToString(r.format()));
        f.format = fromZxing(r.format());
        const auto &p = r.position();
        for (int i = 0; i < 4; ++i)
            f.position << QPointF(p[i].x, p[i].y);
        found.append(f);
    }
    return found;
}

QString BarcodeDecoder::zxingVersion()
{
    return QStringLiteral("%1.%2.%3")
        .arg(ZXING_VERSION_MAJOR)
        .arg(ZXING_VERSION_MINOR)
        .arg(ZXING_VERSION_PATCH);
}

} // namespace tambo::core
