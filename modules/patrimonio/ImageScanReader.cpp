#include "ImageScanReader.h"

#include "barcode/BarcodeDecoder.h"

#include <QFileInfo>
#include <QImageReader>

namespace tambo::patrimonio {

ImageScanReader::Result ImageScanReader::read(const QImage &image, const QString &source)
{
    Result result;
    if (image.isNull()) {
        result.message = tr("%1 could not be opened as an image.").arg(source);
        return result;
    }
    for (const core::BarcodeDecoder::Found &found : core::BarcodeDecoder::decode(image)) {
        const QString text = found.text.trimmed();
        if (!text.isEmpty() && !result.codes.contains(text))
            result.codes.append(text);
    }
    if (result.codes.isEmpty()) {
        result.message = tr("No barcode could be read in %1. Try a sharper photo taken closer, "
                            "with the whole label in it and no glare, or type the code.")
                             .arg(source);
    }
    return result;
}

ImageScanReader::Result ImageScanReader::readFile(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true); // phone photos carry their rotation in EXIF
    const QImage image = reader.read();
    const QString name = QFileInfo(path).fileName();
    if (image.isNull()) {
        Result result;
        result.message = tr("%1 could not be opened as an image (%2).")
                             .arg(name, reader.errorString());
        return result;
    }
    return read(image, name);
}

QString ImageScanReader::fileFilter()
{
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.") + QString::fromLatin1(format);
    return tr("Images (%1)").arg(patterns.join(QLatin1Char(' ')));
}

} // namespace tambo::patrimonio
