#pragma once

#include "barcode/BarcodeFormat.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <optional>

namespace tambo::patrimonio {

// How labels are laid out on paper, chosen at print time: an A4 sheet of N × M pre-cut labels
// with its margins and gaps, or a thermal roll (one label a page). Every length is in
// millimetres; the origin is the paper's top-left corner. Profiles are data: a built-in list
// (resources/label-profiles.json) plus JSON files OTIC adds (LabelProfileCatalog,
// docs/user-guide/patrimonio.md). JSON of one profile:
//   {"id": "a4-3x8", "name": "A4 · 3 × 8 · 70 × 37 mm · Code 128", "barcode": "code128",
//    "page": {"width": 210, "height": 297}, "label": {"width": 70, "height": 37},
//    "grid": {"columns": 3, "rows": 8}, "margin": {"left": 0, "top": 0.5},
//    "gap": {"horizontal": 0, "vertical": 0}, "padding": 3}
// "page" defaults to the label's size (a roll), "grid" to 1 × 1, margins and gaps to 0,
// "padding" (blank border inside each label) to 2, "barcode" to "code128".
class LabelProfile
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::LabelProfile)

public:
    enum class Kind { Sheet, Roll };

    QString id;   // [a-z0-9][a-z0-9._-]*, unique in the catalogue
    QString name; // what the print dialog shows
    core::BarcodeFormat barcode = core::BarcodeFormat::Code128;
    QSizeF pageSize;  // mm
    QSizeF labelSize; // mm
    int columns = 1;
    int rows = 1;
    qreal marginLeft = 0;    // from the paper's left edge to the first column
    qreal marginTop = 0;     // from the paper's top edge to the first row
    qreal gapHorizontal = 0; // between columns
    qreal gapVertical = 0;   // between rows
    qreal padding = 2;       // blank border inside each label

    int labelsPerPage() const { return columns * rows; }
    Kind kind() const { return labelsPerPage() == 1 ? Kind::Roll : Kind::Sheet; }
    // Position `slot` (0-based, row by row, left to right) on a page, in mm.
    QRectF labelRect(int slot) const;
    QList<QRectF> labelRects() const;

    // True when the profile can be printed: sizes positive, the grid inside the page, the
    // barcode fits the label. Otherwise a translated reason.
    bool validate(QString *error = nullptr) const;
    // "A4 sheet, 3 × 8 labels of 70 × 37 mm, Code 128" (translated).
    QString description() const;

    static std::optional<LabelProfile> fromJson(const QJsonObject &json, QString *error = nullptr);
    QJsonObject toJson() const;
    static bool isValidId(const QString &id);
};

} // namespace tambo::patrimonio
