#include "LabelSheetRenderer.h"

#include "barcode/BarcodeRenderer.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace tambo::patrimonio {

namespace {

// Font heights (pixel size) in mm, as a share of the label's inner height, within limits.
qreal clampMm(qreal value, qreal low, qreal high)
{
    return std::clamp(value, low, high);
}

QFont labelFont(qreal pixels, bool bold)
{
    QFont font;
    font.setStyleHint(QFont::SansSerif);
    font.setHintingPreference(QFont::PreferNoHinting); // the same layout on screen and paper
    font.setPixelSize(std::max(1, int(std::lround(pixels))));
    font.setBold(bold);
    return font;
}

// The font made smaller, if needed, so text fits in width.
QFont fitted(QFont font, const QString &text, qreal width, QPaintDevice *device)
{
    const qreal advance = QFontMetricsF(font, device).horizontalAdvance(text);
    if (advance > width && advance > 0) {
        const int px = std::max(1, int(std::floor(font.pixelSize() * width / advance)));
        font.setPixelSize(px);
    }
    return font;
}

// text broken into at most maxLines lines of width; the last one elided when text is longer.
QStringList wrapped(
    const QString &text, const QFont &font, qreal width, int maxLines, QPaintDevice *device)
{
    QStringList lines;
    const QString simple = text.simplified();
    if (simple.isEmpty() || maxLines < 1)
        return lines;
    const QFontMetricsF metrics(font, device);
    QTextLayout layout(simple, font, device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) {
            lines.append(metrics.elidedText(simple.mid(line.textStart()), Qt::ElideRight, width));
            break;
        }
        lines.append(simple.mid(line.textStart(), line.textLength()).trimmed());
    }
    layout.endLayout();
    return lines;
}

} // namespace

LabelSheetRenderer::LabelSheetRenderer(const LabelProfile &profile, const QString &entityName)
    : m_profile(profile)
    , m_entityName(entityName)
{}

QString LabelSheetRenderer::defaultEntityName()
{
    // The entity's legal name: data, the same in every UI language.
    return QStringLiteral("Municipalidad Provincial de Tacna");
}

void LabelSheetRenderer::setSkip(int count)
{
    m_skip = std::clamp(count, 0, std::max(0, m_profile.labelsPerPage() - 1));
}

int LabelSheetRenderer::pageCount(int labelCount) const
{
    if (labelCount <= 0)
        return 0;
    const int perPage = std::max(1, m_profile.labelsPerPage());
    return (labelCount + m_skip + perPage - 1) / perPage;
}

QPageLayout LabelSheetRenderer::pageLayout() const
{
    const QPageSize size(m_profile.pageSize,
                         QPageSize::Millimeter,
                         m_profile.name,
                         QPageSize::ExactMatch);
    QPageLayout layout(size, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    // Full page: a QPrinter's origin is then the paper's corner, not its printable area.
    layout.setMode(QPageLayout::FullPageMode);
    return layout;
}

bool LabelSheetRenderer::paintPage(
    QPainter &painter, qreal dotsPerMm, const LabelContents &labels, int page, QString *error) const
{
    const int perPage = m_profile.labelsPerPage();
    const int skip = perPage > 1 ? m_skip : 0;
    // Labels before this page: the first page holds perPage - skip of them.
    const int first = page == 0 ? 0 : perPage - skip + (page - 1) * perPage;
    const int firstSlot = page == 0 ? skip : 0;
    if (m_outlines) {
        painter.save();
        QPen pen(QColor(190, 190, 190));
        pen.setCosmetic(true);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        for (const QRectF &r : m_profile.labelRects()) {
            painter.drawRect(QRectF(r.x() * dotsPerMm,
                                    r.y() * dotsPerMm,
                                    r.width() * dotsPerMm,
                                    r.height() * dotsPerMm));
        }
        painter.restore();
    }
    for (int slot = firstSlot, i = first; slot < perPage && i < labels.size(); ++slot, ++i) {
        if (!paintLabel(painter, dotsPerMm, m_profile.labelRect(slot), labels.at(i), error))
            return false;
    }
    return true;
}

bool LabelSheetRenderer::paintLabel(QPainter &painter,
                                    qreal dotsPerMm,
                                    const QRectF &rectMm,
                                    const LabelContent &label,
                                    QString *error) const
{
    const core::BarcodeSymbol symbol = core::BarcodeRenderer::encode(m_profile.barcode,
                                                                     label.codigo,
                                                                     error);
    if (symbol.isNull())
        return false;
    auto px = [dotsPerMm](qreal mm) { return mm * dotsPerMm; };
    QPaintDevice *device = painter.device();
    const qreal pad = px(m_profile.padding);
    const QRectF inner = QRectF(px(rectMm.x()),
                                px(rectMm.y()),
                                px(rectMm.width()),
                                px(rectMm.height()))
                             .adjusted(pad, pad, -pad, -pad);
    const qreal innerHeightMm = inner.height() / dotsPerMm;

    painter.save();
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setPen(Qt::black);

    if (m_profile.barcode == core::BarcodeFormat::Code128) {
        // Top to bottom: entity, bars (full width), código, denominación.
        const QFont nameFont = fitted(labelFont(px(clampMm(innerHeightMm * 0.12, 1.6, 2.8)), true),
                                      m_entityName,
                                      inner.width(),
                                      device);
        const QFont codeFont = fitted(labelFont(px(clampMm(innerHeightMm * 0.17, 2.2, 4.4)), true),
                                      label.codigo,
                                      inner.width(),
                                      device);
        const QFont denFont = labelFont(px(clampMm(innerHeightMm * 0.12, 1.6, 2.8)), false);
        const qreal nameH = QFontMetricsF(nameFont, device).height();
        const qreal codeH = QFontMetricsF(codeFont, device).height();
        const qreal denH = QFontMetricsF(denFont, device).height();
        const qreal gap = px(0.4);
        const qreal barsH = inner.height() - nameH - codeH - denH - 3 * gap;
        qreal y = inner.top();
        painter.setFont(nameFont);
        painter.drawText(QRectF(inner.left(), y, inner.width(), nameH),
                         Qt::AlignHCenter | Qt::AlignVCenter,
                         m_entityName);
        y += nameH + gap;
        symbol.paint(painter, QRectF(inner.left(), y, inner.width(), barsH));
        y += barsH + gap;
        painter.setFont(codeFont);
        painter.drawText(QRectF(inner.left(), y, inner.width(), codeH),
                         Qt::AlignHCenter | Qt::AlignVCenter,
                         label.codigo);
        y += codeH + gap;
        painter.setFont(denFont);
        const QStringList den = wrapped(label.denominacion, denFont, inner.width(), 1, device);
        painter.drawText(QRectF(inner.left(), y, inner.width(), denH),
                         Qt::AlignHCenter | Qt::AlignVCenter,
                         den.value(0));
    } else {
        // The QR square on the left (its quiet zone included), text beside it.
        const qreal side = std::min(inner.height(), inner.width() * 0.5);
        symbol.paint(painter,
                     QRectF(inner.left(), inner.top() + (inner.height() - side) / 2, side, side));
        // The QR's own quiet zone already separates it from the text.
        const QRectF column(inner.left() + side, inner.top(), inner.width() - side, inner.height());
        // The entity's name is never cut: two lines, the font made smaller until it fits.
        QFont nameFont = labelFont(px(clampMm(innerHeightMm * 0.11, 1.5, 2.6)), true);
        QStringList name = wrapped(m_entityName, nameFont, column.width(), 2, device);
        const int smallestName = std::max(1, int(std::lround(px(1.2))));
        while (!name.isEmpty() && name.last().endsWith(QChar(0x2026))
               && nameFont.pixelSize() > smallestName) {
            nameFont.setPixelSize(std::max(smallestName, int(nameFont.pixelSize() * 0.92)));
            name = wrapped(m_entityName, nameFont, column.width(), 2, device);
        }
        const QFont codeFont = fitted(labelFont(px(clampMm(innerHeightMm * 0.16, 2.0, 4.0)), true),
                                      label.codigo,
                                      column.width(),
                                      device);
        const QFont denFont = labelFont(px(clampMm(innerHeightMm * 0.11, 1.5, 2.6)), false);
        const qreal nameLineH = QFontMetricsF(nameFont, device).lineSpacing();
        const qreal codeH = QFontMetricsF(codeFont, device).height();
        const qreal denLineH = QFontMetricsF(denFont, device).lineSpacing();
        const qreal gap = px(0.6);
        const qreal nameH = name.size() * nameLineH;
        const int denLines = std::clamp(int((column.height() - nameH - codeH - 2 * gap) / denLineH),
                                        0,
                                        4);
        const QStringList den = wrapped(label.denominacion,
                                        denFont,
                                        column.width(),
                                        denLines,
                                        device);
        const qreal blockH = nameH + gap + codeH
                             + (den.isEmpty() ? 0 : gap + den.size() * denLineH);
        qreal y = column.top() + std::max<qreal>(0, (column.height() - blockH) / 2);
        painter.setFont(nameFont);
        for (const QString &line : name) {
            painter.drawText(QRectF(column.left(), y, column.width(), nameLineH),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             line);
            y += nameLineH;
        }
        y += gap;
        painter.setFont(codeFont);
        painter.drawText(QRectF(column.left(), y, column.width(), codeH),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         label.codigo);
        y += codeH + gap;
        painter.setFont(denFont);
        for (const QString &line : den) {
            painter.drawText(QRectF(column.left(), y, column.width(), denLineH),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             line);
            y += denLineH;
        }
    }
    painter.restore();
    return true;
}

bool LabelSheetRenderer::print(QPagedPaintDevice &device,
                               const LabelContents &labels,
                               QString *error) const
{
    if (labels.isEmpty()) {
        if (error)
            *error = tr("There are no labels to print.");
        return false;
    }
    device.setPageLayout(pageLayout());
    QPainter painter;
    if (!painter.begin(&device)) {
        if (error)
            *error = tr("The printer or file could not be opened for the labels.");
        return false;
    }
    const qreal dotsPerMm = device.logicalDpiX() / 25.4;
    const int pages = pageCount(int(labels.size()));
    for (int page = 0; page < pages; ++page) {
        if (page > 0 && !device.newPage()) {
            if (error)
                *error = tr("The printer refused a new page after page %1.").arg(page);
            painter.end();
            return false;
        }
        if (!paintPage(painter, dotsPerMm, labels, page, error)) {
            painter.end();
            return false;
        }
    }
    if (!painter.end()) {
        if (error)
            *error = tr("The labels could not be finished on the printer or file.");
        return false;
    }
    return true;
}

bool LabelSheetRenderer::writePdf(const QString &path,
                                  const LabelContents &labels,
                                  QString *error) const
{
    if (labels.isEmpty()) {
        if (error)
            *error = tr("There are no labels to print.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("Tambo"));
        writer.setTitle(tr("Asset labels"));
        writer.setResolution(1200);
        if (!print(writer, labels, error)) {
            file.cancelWriting();
            return false;
        }
    }
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QImage LabelSheetRenderer::renderPage(const LabelContents &labels,
                                      int page,
                                      int dpi,
                                      QString *error) const
{
    const qreal dotsPerMm = dpi / 25.4;
    QImage image(int(std::lround(m_profile.pageSize.width() * dotsPerMm)),
                 int(std::lround(m_profile.pageSize.height() * dotsPerMm)),
                 QImage::Format_RGB32);
    if (image.isNull()) {
        if (error)
            *error = tr("Out of memory for a page of labels.");
        return {};
    }
    image.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    if (!paintPage(painter, dotsPerMm, labels, page, error))
        return {};
    painter.end();
    return image;
}

} // namespace tambo::patrimonio
