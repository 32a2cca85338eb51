#pragma once

#include "BarcodeFormat.h"

#include <QImage>
#include <QList>
#include <QPolygonF>
#include <QString>

#include <optional>

namespace tambo::core {

// Reads barcodes from an image with ZXing-C++ (1.4): a photo or scan of a damaged label, a
// rendered label sheet. Reads every symbology ZXing knows unless told otherwise, so old labels
// (Code 39, EAN, DataMatrix…) can be read too. Tries hard: rotated, inverted and downscaled
// images. Thread-safe; no Widgets.
class BarcodeDecoder
{
public:
    struct Found
    {
        QString text;                        // the symbol's content, UTF-8 decoded
        QString formatName;                  // ZXing's name: "Code128", "QRCode", "Code39", …
        std::optional<BarcodeFormat> format; // set for the symbologies Tambo prints
        QPolygonF position;                  // the symbol's corners in image pixels
    };

    struct Options
    {
        QList<BarcodeFormat> formats; // empty = every symbology ZXing reads
        bool tryHarder = true;        // slower, finds more (rotation, small symbols)
        int maxSymbols = 0;           // 0 = all
    };

    // Every barcode found, in ZXing's order (top to bottom). Empty for a null image or when
    // nothing could be read.
    static QList<Found> decode(const QImage &image, const Options &options);
    static QList<Found> decode(const QImage &image);
    // "1.4.0"
    static QString zxingVersion();
};

} // namespace tambo::core
