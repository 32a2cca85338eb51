#pragma once

#include "BarcodeFormat.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace tambo::core {

// An encoded barcode as vectors: the dark rectangles of the symbol, in modules (the X
// dimension is 1), quiet zones included, origin at the top left. Made by BarcodeRenderer from
// zint's vector output; painted on any QPainter, so a PDF gets exact rectangles and a raster
// image gets whole-pixel modules. A value type; a default-constructed symbol is null.
class BarcodeSymbol
{
public:
    BarcodeSymbol() = default;
    BarcodeSymbol(BarcodeFormat format,
                  const QString &text,
                  const QSizeF &size,
                  const QList<QRectF> &bars);

    bool isNull() const { return m_bars.isEmpty(); }
    BarcodeFormat format() const { return m_format; }
    QString text() const { return m_text; }
    // Width and height in modules, quiet zones included. A linear symbol's height is only
    // nominal: it stretches to whatever height it is painted at.
    QSizeF size() const { return m_size; }
    const QList<QRectF> &bars() const { return m_bars; }
    bool isLinear() const { return m_format == BarcodeFormat::Code128; }

    // Where paint() puts the symbol inside target (painter coordinates): a matrix symbol keeps
    // square modules, as large as fits, centred; a linear one takes the whole width and height.
    // With devicePixelsPerUnit > 0 (device pixels per painter unit) the module becomes a whole
    // number of device pixels, at least one, and the symbol is centred in what is left.
    QRectF placement(const QRectF &target, qreal devicePixelsPerUnit = 0) const;
    // Paints the dark modules as filled rectangles (no outline, no text). On raster devices
    // (QImage, QPixmap) modules snap to whole pixels and antialiasing is off for the bars.
    void paint(QPainter &painter, const QRectF &target, const QColor &color = Qt::black) const;
    // A black-on-white image with modulePixels pixels a module; a linear symbol is
    // heightModules modules high (0 = its nominal height).
    QImage toImage(int modulePixels, int heightModules = 0) const;

private:
    BarcodeFormat m_format = BarcodeFormat::Code128;
    QString m_text;
    QSizeF m_size;
    QList<QRectF> m_bars;
};

} // namespace tambo::core
