#include "BarcodeFormat.h"

namespace tambo::core::BarcodeFormats {

QString key(BarcodeFormat format)
{
    switch (format) {
    case BarcodeFormat::Code128:
        return QStringLiteral("code128");
    case BarcodeFormat::QrCode:
        return QStringLiteral("qr");
    }
    return {};
}

bool fromKey(const QString &key, BarcodeFormat *format)
{
    const QString k = key.trimmed().toLower().remove(QLatin1Char('-')).remove(QLatin1Char(' '));
    BarcodeFormat found;
    if (k == QLatin1String("code128"))
        found = BarcodeFormat::Code128;
    else if (k == QLatin1String("qr") || k == QLatin1String("qrcode"))
        found = BarcodeFormat::QrCode;
    else
        return false;
    if (format)
        *format = found;
    return true;
}

QString title(BarcodeFormat format)
{
    switch (format) {
    case BarcodeFormat::Code128:
        return QStringLiteral("Code 128");
    case BarcodeFormat::QrCode:
        return QStringLiteral("QR");
    }
    return {};
}

QList<BarcodeFormat> all()
{
    return {BarcodeFormat::Code128, BarcodeFormat::QrCode};
}

} // namespace tambo::core::BarcodeFormats
