#pragma once

#include "BarcodeFormat.h"
#include "BarcodeSymbol.h"

#include <QCoreApplication>
#include <QRectF>
#include <QString>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace tambo::core {

// Encodes text as a barcode with zint (libzint) and gives it as vectors (BarcodeSymbol), to be
// painted on any QPainter: a PDF (QPdfWriter), a printer (QPrinter) or an image. Code 128 and QR
// get their standard quiet zones (10 and 4 modules); QR uses error correction level M. No
// human-readable text is drawn: callers print the text in their own font and size.
// Thread-safe (each call has its own zint symbol). No Widgets.
class BarcodeRenderer
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::BarcodeRenderer)

public:
    // The symbol, or a null one with a translated reason in *error (empty text, characters the
    // symbology cannot hold, too long).
    static BarcodeSymbol encode(BarcodeFormat format, const QString &text, QString *error = nullptr);
    // encode() and BarcodeSymbol::paint() in one step.
    static bool paint(QPainter &painter,
                      const QRectF &target,
                      BarcodeFormat format,
                      const QString &text,
                      QString *error = nullptr);
    // "2.11.1"
    static QString zintVersion();
};

} // namespace tambo::core
