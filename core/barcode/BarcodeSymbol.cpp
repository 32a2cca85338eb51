#include "BarcodeSymbol.h"

#include <QPaintEngine>
#include <QPainter>

#include <cmath>

namespace tambo::core {

BarcodeSymbol::BarcodeSymbol(BarcodeFormat format,
                             const QString &text,
                             const QSizeF &size,
                             const QList<QRectF> &bars)
    : m_format(format)
    , m_text(text)
    , m_size(size)
    , m_bars(bars)
{}

QRectF BarcodeSymbol::placement(const QRectF &target, qreal devicePixelsPerUnit) const
{
    if (isNull() || target.isEmpty() || m_size.isEmpty())
        return {};
    qreal moduleW = target.width() / m_size.width();
    qreal moduleH = isLinear() ? target.height() / m_size.height() : moduleW;
    if (!isLinear()) {
        moduleW = std::min(moduleW, target.height() / m_size.height());
        moduleH = moduleW;
    }
    if (devicePixelsPerUnit > 0) {
        // Whole device pixels a module: every bar and space keeps its exact width.
        const qreal px = std::max<qreal>(1, std::floor(moduleW * devicePixelsPerUnit + 1e-6));
        moduleW = px / devicePixelsPerUnit;
        if (!isLinear())
            moduleH = moduleW;
    }
    const QSizeF size(moduleW * m_size.width(),
                      isLinear() ? target.height() : moduleH * m_size.height());
    QPointF topLeft(target.left() + (target.width() - size.width()) / 2,
                    target.top() + (target.height() - size.height()) / 2);
    if (devicePixelsPerUnit > 0) {
        topLeft.setX(std::round(topLeft.x() * devicePixelsPerUnit) / devicePixelsPerUnit);
        topLeft.setY(std::round(topLeft.y() * devicePixelsPerUnit) / devicePixelsPerUnit);
    }
    return {topLeft, size};
}

void BarcodeSymbol::paint(QPainter &painter, const QRectF &target, const QColor &color) const
{
    if (isNull())
        return;
    const QPaintEngine *engine = painter.paintEngine();
    const bool raster = engine && engine->type() == QPaintEngine::Raster;
    const QTransform device = painter.deviceTransform();
    // Snap only when the painter is not rotated or sheared: then x maps to device x alone.
    const bool axisAligned = device.type() <= QTransform::TxScale;
    const qreal pixelsPerUnit = raster && axisAligned ? std::abs(device.m11()) : 0;
    const QRectF place = placement(target, pixelsPerUnit);
    if (place.isEmpty())
        return;
    const qreal sx = place.width() / m_size.width();
    const qreal sy = place.height() / m_size.height();

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, !raster);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    QList<QRectF> rects;
    rects.reserve(m_bars.size());
    for (const QRectF &bar : m_bars) {
        rects.append(QRectF(place.left() + bar.left() * sx,
                            place.top() + bar.top() * sy,
                            bar.width() * sx,
                            bar.height() * sy));
    }
    painter.drawRects(rects);
    painter.restore();
}

QImage BarcodeSymbol::toImage(int modulePixels, int heightModules) const
{
    if (isNull() || modulePixels < 1)
        return {};
    const int w = int(std::ceil(m_size.width())) * modulePixels;
    const qreal hModules = isLinear() && heightModules > 0 ? heightModules : m_size.height();
    const int h = int(std::ceil(hModules)) * modulePixels;
    QImage image(w, h, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(painter, QRectF(0, 0, w, h));
    painter.end();
    return image;
}

} // namespace tambo::core
