#pragma once

#include "LabelProfile.h"

#include "barcode/BarcodeDecoder.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>

#include <cmath>

namespace tambo::test {

// Helpers for the label tests: rasterise a PDF with poppler-utils' pdftoppm (the real PDF, as
// a printer driver would see it), read its text with pdftotext, and decode each label position
// of a page image separately (which also proves every code sits in its own label).
struct LabelTestTools
{
    // The pages of pdf as PNG images at dpi; empty (and *error) on failure.
    static QList<QImage> rasterize(const QString &pdf, int dpi, QString *error)
    {
        const QString exe = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (exe.isEmpty()) {
            *error = QStringLiteral("pdftoppm not found: apt-get install poppler-utils "
                                    "(tambo.sh deps installs it)");
            return {};
        }
        // Pages go to a folder of their own (gone on return; the images are in memory).
        const QTemporaryDir pagesDir;
        const QString prefix = pagesDir.filePath(QStringLiteral("page"));
        QProcess p;
        p.start(exe,
                {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"), pdf, prefix});
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            *error = QString::fromLocal8Bit(p.readAllStandardError());
            return {};
        }
        const QFileInfo info(prefix);
        QStringList files = QDir(info.absolutePath())
                                .entryList({info.fileName() + QStringLiteral("-*.png")},
                                           QDir::Files,
                                           QDir::Name);
        QList<QImage> pages;
        for (const QString &f : files)
            pages.append(QImage(QDir(info.absolutePath()).filePath(f)));
        return pages;
    }

    static QString pdfText(const QString &pdf)
    {
        QProcess p;
        p.start(QStandardPaths::findExecutable(QStringLiteral("pdftotext")),
                {pdf, QStringLiteral("-")});
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    // The texts of the barcodes inside rectMm of a page image at dpi.
    static QStringList decodeAt(const QImage &page, const QRectF &rectMm, int dpi)
    {
        const qreal k = dpi / 25.4;
        // Inside the page only: QImage::copy() fills what lies outside with black.
        const QRect r = QRect(int(std::floor(rectMm.left() * k)),
                              int(std::floor(rectMm.top() * k)),
                              int(std::ceil(rectMm.width() * k)),
                              int(std::ceil(rectMm.height() * k)))
                            .intersected(page.rect());
        QStringList texts;
        for (const auto &found : core::BarcodeDecoder::decode(page.copy(r)))
            texts << found.text;
        return texts;
    }
};

} // namespace tambo::test
