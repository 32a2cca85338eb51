#pragma once

#include "LabelContent.h"
#include "LabelProfile.h"

#include <QCoreApplication>
#include <QImage>
#include <QPageLayout>
#include <QString>

QT_BEGIN_NAMESPACE
class QPagedPaintDevice;
class QPainter;
QT_END_NAMESPACE

namespace tambo::patrimonio {

// Draws patrimonio labels on paper as a LabelProfile lays them out: each label has the
// entity's name, the barcode (Code 128 or QR per profile, encoding the 12-digit código itself),
// the código in text and the denominación, elided to fit. Everything is vectors (zint's
// rectangles and text), so a PDF is sharp at any zoom. Works on any QPagedPaintDevice
// (QPdfWriter, a QPrinter set to full page) or an image; Qt Gui only, no Widgets.
class LabelSheetRenderer
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::LabelSheetRenderer)

public:
    explicit LabelSheetRenderer(const LabelProfile &profile,
                                const QString &entityName = defaultEntityName());

    // "Municipalidad Provincial de Tacna"
    static QString defaultEntityName();

    const LabelProfile &profile() const { return m_profile; }
    // Positions to leave empty at the start of the first page (a sheet already partly used);
    // ignored on rolls.
    void setSkip(int count);
    int skip() const { return m_skip; }
    // Thin grey label outlines, for previews (never on what is printed).
    void setOutlines(bool on) { m_outlines = on; }

    int pageCount(int labelCount) const;
    // The page size of the profile, zero margins, full-page mode, portrait (a landscape roll
    // label keeps its width and height as given).
    QPageLayout pageLayout() const;

    // Paints page `page` (0-based) of labels. The painter works in device pixels with its
    // origin at the paper's top-left corner; dotsPerMm converts millimetres to them.
    bool paintPage(QPainter &painter,
                   qreal dotsPerMm,
                   const LabelContents &labels,
                   int page,
                   QString *error = nullptr) const;
    // One label in rectMm (millimetres on the page).
    bool paintLabel(QPainter &painter,
                    qreal dotsPerMm,
                    const QRectF &rectMm,
                    const LabelContent &label,
                    QString *error = nullptr) const;

    // Every page on device (its page layout is set to pageLayout(); a QPrinter must be full
    // page). False with a translated reason when there is nothing to print or a code cannot
    // be encoded.
    bool print(QPagedPaintDevice &device,
               const LabelContents &labels,
               QString *error = nullptr) const;
    // Writes a PDF through a temporary file renamed into place at the end (QSaveFile): a
    // failure leaves any previous file untouched and nothing half-written.
    bool writePdf(const QString &path, const LabelContents &labels, QString *error = nullptr) const;
    // Page `page` as a white image at dpi dots per inch.
    QImage renderPage(const LabelContents &labels,
                      int page,
                      int dpi,
                      QString *error = nullptr) const;

private:
    LabelProfile m_profile;
    QString m_entityName;
    int m_skip = 0;
    bool m_outlines = false;
};

} // namespace tambo::patrimonio
