#pragma once

#include <QList>
#include <QString>

namespace tambo::core {

// The symbologies Tambo prints and reads. Labels carry the data itself (a código patrimonial,
// an expediente number), never a URL or an internal id.
enum class BarcodeFormat {
    Code128, // linear, ISO/IEC 15417; 12 digits pack into code set C (about 121 modules wide)
    QrCode,  // matrix, ISO/IEC 18004; error correction level M
};

namespace BarcodeFormats {

// "code128", "qr": the names used in label profiles (JSON) and on the command line.
QString key(BarcodeFormat format);
// The format of a key (case-insensitive; "qrcode" and "code-128" are accepted too).
bool fromKey(const QString &key, BarcodeFormat *format);
// "Code 128", "QR" for people.
QString title(BarcodeFormat format);
QList<BarcodeFormat> all();

} // namespace BarcodeFormats

} // namespace tambo::core
