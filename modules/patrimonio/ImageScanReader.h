#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QString>
#include <QStringList>

namespace tambo::patrimonio {

// Reads the codes of a damaged or unreadable label from a picture of it (a phone photo, a
// scan) with ZXing (core BarcodeDecoder): Code 128, QR and the older symbologies (Code 39,
// EAN…) some labels still carry. The codes then go through the same path as a scan.
class ImageScanReader
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::ImageScanReader)

public:
    struct Result
    {
        QStringList codes; // distinct, in the order found (top to bottom)
        QString message;   // translated: why nothing was read; empty when codes were read

        bool ok() const { return !codes.isEmpty(); }
    };

    // source names the picture in messages (a file name).
    static Result read(const QImage &image, const QString &source);
    static Result readFile(const QString &path);
    // "Images (*.png *.jpg …)" with the formats this Qt can open, for a file dialog.
    static QString fileFilter();
};

} // namespace tambo::patrimonio
