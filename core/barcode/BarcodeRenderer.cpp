#include "BarcodeRenderer.h"

#include <zint.h>

#include <QByteArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace tambo::core {

namespace {

struct ZintDeleter
{
    void operator()(zint_symbol *symbol) const { ZBarcode_Delete(symbol); }
};

// Nominal height of a linear symbol, in modules (it stretches when painted).
constexpr float LinearHeightModules = 40.0f;
// zint's QR error correction option_1: 1 L, 2 M, 3 Q, 4 H.
constexpr int QrEccLevelM = 2;

} // namespace

BarcodeSymbol BarcodeRenderer::encode(BarcodeFormat format, const QString &text, QString *error)
{
    if (text.isEmpty()) {
        if (error)
            *error = tr("There is nothing to encode in the barcode.");
        return {};
    }
    if (format == BarcodeFormat::Code128) {
        // Code 128 holds ISO 8859-1; Tambo's codes are ASCII. Refuse the rest plainly.
        for (const QChar c : text) {
            if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
                if (error)
                    *error = tr("Code 128 can only hold printable ASCII characters; '%1' has "
                                "others.")
                                 .arg(text);
                return {};
            }
        }
    }
    std::unique_ptr<zint_symbol, ZintDeleter> symbol(ZBarcode_Create());
    if (!symbol) {
        if (error)
            *error = tr("Out of memory while making a barcode.");
        return {};
    }
    symbol->symbology = format == BarcodeFormat::QrCode ? BARCODE_QRCODE : BARCODE_CODE128;
    symbol->input_mode = UNICODE_MODE;
    symbol->show_hrt = 0;
    symbol->output_options = BARCODE_QUIET_ZONES;
    symbol->scale = 1.0f;
    if (format == BarcodeFormat::QrCode)
        symbol->option_1 = QrEccLevelM;
    else
        symbol->height = LinearHeightModules;

    const QByteArray utf8 = text.toUtf8();
    const int status = ZBarcode_Encode_and_Buffer_Vector(symbol.get(),
                                                         reinterpret_cast<const unsigned char *>(
                                                             utf8.constData()),
                                                         int(utf8.size()),
                                                         0);
    if (status >= ZINT_ERROR || !symbol->vector) {
        if (error)
            *error = tr("The barcode for '%1' could not be made (zint: %2).")
                         .arg(text, QString::fromLatin1(symbol->errtxt));
        return {};
    }

    // zint's vector units: find the X dimension as the narrowest dark run (every Code 128 and QR
    // symbol has a one-module bar or run), then give everything in modules.
    float unit = std::numeric_limits<float>::max();
    for (const zint_vector_rect *r = symbol->vector->rectangles; r; r = r->next) {
        if (r->width > 0)
            unit = std::min(unit, r->width);
    }
    if (unit == std::numeric_limits<float>::max() || unit <= 0) {
        if (error)
            *error = tr("The barcode for '%1' came out empty.").arg(text);
        return {};
    }
    auto modules = [unit](float v) { return std::round(double(v) / unit * 1000.0) / 1000.0; };
    QList<QRectF> bars;
    for (const zint_vector_rect *r = symbol->vector->rectangles; r; r = r->next) {
        // Colour -1 is the foreground; zint only adds other colours for symbologies with them.
        if (r->colour != -1 && r->colour != 7)
            continue;
        bars.append(QRectF(modules(r->x), modules(r->y), modules(r->width), modules(r->height)));
    }
    const QSizeF size(modules(symbol->vector->width), modules(symbol->vector->height));
    return BarcodeSymbol(format, text, size, bars);
}

bool BarcodeRenderer::paint(QPainter &painter,
                            const QRectF &target,
                            BarcodeFormat format,
                            const QString &text,
                            QString *error)
{
    const BarcodeSymbol symbol = encode(format, text, error);
    if (symbol.isNull())
        return false;
    symbol.paint(painter, target);
    return true;
}

QString BarcodeRenderer::zintVersion()
{
    const int v = ZBarcode_Version(); // 21101 = 2.11.1
    return QStringLiteral("%1.%2.%3").arg(v / 10000).arg(v / 100 % 100).arg(v % 100);
}

} // namespace tambo::core
