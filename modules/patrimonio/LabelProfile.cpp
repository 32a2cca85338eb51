#include "LabelProfile.h"

#include <QJsonValue>
#include <QLocale>
#include <QRegularExpression>

namespace tambo::patrimonio {

namespace {

// Rounding slack for sums of millimetres (70 × 3 = 210.000000001).
constexpr qreal Slack = 0.01;
// The narrowest a Code 128 label's printable width may be: 121 modules of 0.19 mm (the
// smallest X dimension most scanners read) is 23 mm.
constexpr qreal MinCode128Width = 23.0;
// Name, bars at least 6 mm high, code and denominación.
constexpr qreal MinCode128Height = 14.0;
// The smallest QR square worth printing: 29 modules of 0.3 mm.
constexpr qreal MinQrSide = 8.7;

QString mm(qreal value)
{
    return QLocale().toString(value, 'g', 4);
}

bool readNumber(
    const QJsonObject &o, const QString &key, qreal *out, QString *error, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isDouble()) {
        if (error)
            *error = LabelProfile::tr("%1: '%2' must be a number (millimetres).").arg(where, key);
        return false;
    }
    *out = v.toDouble();
    return true;
}

} // namespace

QRectF LabelProfile::labelRect(int slot) const
{
    if (slot < 0 || slot >= labelsPerPage())
        return {};
    const int column = slot % columns;
    const int row = slot / columns;
    return {marginLeft + column * (labelSize.width() + gapHorizontal),
            marginTop + row * (labelSize.height() + gapVertical),
            labelSize.width(),
            labelSize.height()};
}

QList<QRectF> LabelProfile::labelRects() const
{
    QList<QRectF> rects;
    for (int slot = 0; slot < labelsPerPage(); ++slot)
        rects.append(labelRect(slot));
    return rects;
}

bool LabelProfile::isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    return pattern.match(id).hasMatch();
}

bool LabelProfile::validate(QString *error) const
{
    auto fail = [&](const QString &text) {
        if (error)
            *error = tr("Label profile '%1': %2").arg(id, text);
        return false;
    };
    if (!isValidId(id))
        return fail(tr("the id must be lower-case letters, digits, '.', '-' or '_'."));
    if (name.trimmed().isEmpty())
        return fail(tr("it has no name."));
    if (!(labelSize.width() > 0 && labelSize.height() > 0))
        return fail(tr("the label size must be positive."));
    if (!(pageSize.width() > 0 && pageSize.height() > 0))
        return fail(tr("the page size must be positive."));
    if (columns < 1 || rows < 1 || columns > 20 || rows > 40)
        return fail(tr("columns must be 1 to 20 and rows 1 to 40."));
    if (marginLeft < 0 || marginTop < 0 || gapHorizontal < 0 || gapVertical < 0 || padding < 0)
        return fail(tr("margins, gaps and padding cannot be negative."));
    const qreal right = marginLeft + columns * labelSize.width() + (columns - 1) * gapHorizontal;
    const qreal bottom = marginTop + rows * labelSize.height() + (rows - 1) * gapVertical;
    if (right > pageSize.width() + Slack)
        return fail(tr("the labels reach %1 mm from the left edge, but the page is %2 mm wide.")
                        .arg(mm(right), mm(pageSize.width())));
    if (bottom > pageSize.height() + Slack)
        return fail(tr("the labels reach %1 mm from the top edge, but the page is %2 mm high.")
                        .arg(mm(bottom), mm(pageSize.height())));
    const QSizeF inner(labelSize.width() - 2 * padding, labelSize.height() - 2 * padding);
    if (barcode == core::BarcodeFormat::Code128) {
        if (inner.width() < MinCode128Width || inner.height() < MinCode128Height)
            return fail(tr("a Code 128 label needs at least %1 × %2 mm inside the padding.")
                            .arg(mm(MinCode128Width), mm(MinCode128Height)));
    } else if (std::min(inner.width() / 2, inner.height()) < MinQrSide) {
        return fail(tr("a QR label needs at least %1 mm of height and twice that of width "
                       "inside the padding.")
                        .arg(mm(MinQrSide)));
    }
    return true;
}

QString LabelProfile::description() const
{
    const QString size = tr("%1 × %2 mm").arg(mm(labelSize.width()), mm(labelSize.height()));
    const QString code = core::BarcodeFormats::title(barcode);
    if (kind() == Kind::Roll)
        return tr("Roll, one label of %1 a page, %2").arg(size, code);
    return tr("Sheet of %1 × %2 mm, %3 × %4 labels of %5, %6")
        .arg(mm(pageSize.width()), mm(pageSize.height()))
        .arg(columns)
        .arg(rows)
        .arg(size, code);
}

std::optional<LabelProfile> LabelProfile::fromJson(const QJsonObject &json, QString *error)
{
    LabelProfile p;
    p.id = json.value(QLatin1String("id")).toString();
    p.name = json.value(QLatin1String("name")).toString();
    const QString where = p.id.isEmpty() ? tr("A label profile")
                                         : tr("Label profile '%1'").arg(p.id);
    if (!isValidId(p.id)) {
        if (error)
            *error = tr("%1: the id must be lower-case letters, digits, '.', '-' or '_'.").arg(where);
        return std::nullopt;
    }
    const QString barcode = json.value(QLatin1String("barcode")).toString(QStringLiteral("code128"));
    if (!core::BarcodeFormats::fromKey(barcode, &p.barcode)) {
        if (error)
            *error = tr("%1: unknown barcode '%2' (use \"code128\" or \"qr\").").arg(where, barcode);
        return std::nullopt;
    }
    const QJsonObject label = json.value(QLatin1String("label")).toObject();
    qreal w = 0, h = 0;
    if (!readNumber(label, QStringLiteral("width"), &w, error, where)
        || !readNumber(label, QStringLiteral("height"), &h, error, where))
        return std::nullopt;
    p.labelSize = QSizeF(w, h);
    p.pageSize = p.labelSize;
    if (json.contains(QLatin1String("page"))) {
        const QJsonObject page = json.value(QLatin1String("page")).toObject();
        qreal pw = 0, ph = 0;
        if (!readNumber(page, QStringLiteral("width"), &pw, error, where)
            || !readNumber(page, QStringLiteral("height"), &ph, error, where))
            return std::nullopt;
        p.pageSize = QSizeF(pw, ph);
    }
    const QJsonObject grid = json.value(QLatin1String("grid")).toObject();
    const QJsonValue columns = grid.value(QLatin1String("columns"));
    const QJsonValue rows = grid.value(QLatin1String("rows"));
    if ((!columns.isUndefined() && !columns.isDouble())
        || (!rows.isUndefined() && !rows.isDouble())) {
        if (error)
            *error = tr("%1: columns and rows must be whole numbers.").arg(where);
        return std::nullopt;
    }
    p.columns = columns.toInt(1);
    p.rows = rows.toInt(1);
    const QJsonObject margin = json.value(QLatin1String("margin")).toObject();
    const QJsonObject gap = json.value(QLatin1String("gap")).toObject();
    if (!readNumber(margin, QStringLiteral("left"), &p.marginLeft, error, where)
        || !readNumber(margin, QStringLiteral("top"), &p.marginTop, error, where)
        || !readNumber(gap, QStringLiteral("horizontal"), &p.gapHorizontal, error, where)
        || !readNumber(gap, QStringLiteral("vertical"), &p.gapVertical, error, where)
        || !readNumber(json, QStringLiteral("padding"), &p.padding, error, where))
        return std::nullopt;
    if (!p.validate(error))
        return std::nullopt;
    return p;
}

QJsonObject LabelProfile::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("barcode"), core::BarcodeFormats::key(barcode)},
        {QStringLiteral("page"),
         QJsonObject{{QStringLiteral("width"), pageSize.width()},
                     {QStringLiteral("height"), pageSize.height()}}},
        {QStringLiteral("label"),
         QJsonObject{{QStringLiteral("width"), labelSize.width()},
                     {QStringLiteral("height"), labelSize.height()}}},
        {QStringLiteral("grid"),
         QJsonObject{{QStringLiteral("columns"), columns}, {QStringLiteral("rows"), rows}}},
        {QStringLiteral("margin"),
         QJsonObject{{QStringLiteral("left"), marginLeft}, {QStringLiteral("top"), marginTop}}},
        {QStringLiteral("gap"),
         QJsonObject{{QStringLiteral("horizontal"), gapHorizontal},
                     {QStringLiteral("vertical"), gapVertical}}},
        {QStringLiteral("padding"), padding},
    };
}

} // namespace tambo::patrimonio
