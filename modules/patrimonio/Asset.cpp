#include "Asset.h"

#include <QLocale>
#include <QRegularExpression>

namespace tambo::patrimonio {

QJsonObject Asset::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("codigo"), codigo},
        {QStringLiteral("denominacion"), denominacion},
        {QStringLiteral("marca"), marca},
        {QStringLiteral("modelo"), modelo},
        {QStringLiteral("serie"), serie},
        {QStringLiteral("color"), color},
        {QStringLiteral("caracteristicas"), caracteristicas},
        {QStringLiteral("estado"), QString(Estados::code(estado))},
        {QStringLiteral("situacion"), Estados::situacionKey(situacion)},
        {QStringLiteral("sede_id"), sedeId},
        {QStringLiteral("area_id"), areaId},
        {QStringLiteral("ambiente"), ambiente},
        {QStringLiteral("responsable"), responsable},
        {QStringLiteral("fecha_adquisicion"),
         fechaAdquisicion.isValid() ? fechaAdquisicion.toString(Qt::ISODate) : QString()},
        {QStringLiteral("valor"), valorCentimos},
        {QStringLiteral("cuenta_contable"), cuentaContable},
        {QStringLiteral("observaciones"), observaciones},
    };
}

qint64 parseSoles(const QString &text, bool *ok)
{
    if (ok)
        *ok = false;
    QString t = text.trimmed();
    if (t.startsWith(QLatin1String("S/"), Qt::CaseInsensitive))
        t = t.mid(2);
    t.remove(u' ');
    t.remove(QChar::Nbsp);
    if (t.isEmpty())
        return 0;
    // The last '.' or ',' followed by one or two digits is the decimal separator; any other
    // '.' or ',' groups thousands.
    static const QRegularExpression shape(
        QStringLiteral("^(\\d{1,3}([.,]?\\d{3})*|\\d+)([.,](\\d{1,2}))?$"));
    const QRegularExpressionMatch m = shape.match(t);
    if (!m.hasMatch())
        return 0;
    QString integer = m.captured(1);
    integer.remove(u'.');
    integer.remove(u',');
    bool integerOk = false;
    const qint64 soles = integer.toLongLong(&integerOk);
    if (!integerOk || soles > 9'000'000'000'000LL)
        return 0;
    const QString decimals = m.captured(4).leftJustified(2, u'0');
    const qint64 centimos = soles * 100 + (decimals.isEmpty() ? 0 : decimals.toInt());
    if (ok)
        *ok = true;
    return centimos;
}

QString formatSoles(qint64 centimos)
{
    const QLocale locale;
    const bool negative = centimos < 0;
    const qint64 abs = negative ? -centimos : centimos;
    const QString soles = locale.toString(abs / 100);
    const QString cents = QString::number(abs % 100).rightJustified(2, u'0');
    return QStringLiteral("S/ %1%2%3%4")
        .arg(negative ? QStringLiteral("-") : QString(), soles, locale.decimalPoint(), cents);
}

} // namespace tambo::patrimonio
