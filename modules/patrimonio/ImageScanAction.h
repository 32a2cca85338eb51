#pragma once

#include "ImageScanReader.h"

#include <QAction>

#include <functional>

namespace tambo::patrimonio {

// "Leer de imagen…" (Ctrl+O) on the patrimonio pages: asks for a picture of a label, reads it
// (ImageScanReader) and hands each code read to the page's scan handling through codeRead(),
// exactly as if the scanner had read it; nothingRead() carries the plain reason otherwise.
// Reading from a camera is not offered (it would need Qt Multimedia).
class ImageScanAction : public QAction
{
    Q_OBJECT

public:
    using FileChooser = std::function<QString(QWidget *parent)>;

    // parent: the page; the shortcut works while the focus is anywhere in it.
    explicit ImageScanAction(QWidget *parent);

    // A seam for tests; the default shows QFileDialog.
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    // Reads path and emits codeRead() for each code, or nothingRead().
    ImageScanReader::Result readFile(const QString &path);

signals:
    void codeRead(const QString &code);
    void nothingRead(const QString &message);

private:
    void chooseAndRead();

    QWidget *m_page = nullptr;
    FileChooser m_chooseFile;
    QString m_lastDir;
};

} // namespace tambo::patrimonio
