#include "ImageScanAction.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QStandardPaths>
#include <QWidget>

namespace tambo::patrimonio {

ImageScanAction::ImageScanAction(QWidget *parent)
    : QAction(tr("Read from &image…"), parent)
    , m_page(parent)
    , m_lastDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
{
    setObjectName(QStringLiteral("readFromImage"));
    setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    setShortcutContext(Qt::WidgetWithChildrenShortcut);
    setToolTip(tr("Read the code of a damaged label from a photo or scan of it (Ctrl+O)"));
    m_chooseFile = [this](QWidget *page) {
        return QFileDialog::getOpenFileName(page,
                                            tr("Read a label from an image"),
                                            m_lastDir,
                                            ImageScanReader::fileFilter());
    };
    if (parent)
        parent->addAction(this);
    connect(this, &QAction::triggered, this, &ImageScanAction::chooseAndRead);
}

void ImageScanAction::chooseAndRead()
{
    const QString path = m_chooseFile ? m_chooseFile(m_page) : QString();
    if (path.isEmpty())
        return;
    m_lastDir = QFileInfo(path).absolutePath();
    readFile(path);
}

ImageScanReader::Result ImageScanAction::readFile(const QString &path)
{
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const ImageScanReader::Result result = ImageScanReader::readFile(path);
    QGuiApplication::restoreOverrideCursor();
    if (!result.ok()) {
        emit nothingRead(result.message);
        return result;
    }
    for (const QString &code : result.codes)
        emit codeRead(code);
    return result;
}

} // namespace tambo::patrimonio
