#pragma once

#include "LabelProfile.h"
#include "LabelService.h"

#include <QDialog>

#include <functional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QPrinter;
class QPushButton;
class QSpinBox;
QT_END_NAMESPACE

namespace tambo::core {
struct Session;
}

namespace tambo::patrimonio {

class LabelProfileCatalog;

// "Imprimir etiquetas": a batch of códigos (the register's selection, a campaign's list) on
// the label profile chosen now, with a preview of the first sheet and of one label at a
// readable size; to a printer (QPrintDialog) or to a PDF file. Codes that are not in the
// register are listed and get no label. Everything works from the keyboard: Alt+F profile,
// Alt+T start position, Ctrl+S (Alt+D) save PDF, Ctrl+P or Enter print, Esc closes.
class LabelPrintDialog : public QDialog
{
    Q_OBJECT

public:
    using SaveFileChooser = std::function<QString(QWidget *parent, const QString &suggested)>;
    using PrinterChooser = std::function<bool(QPrinter &printer, QWidget *parent)>;

    LabelPrintDialog(const LabelService &service,
                     const core::Session &session,
                     const LabelProfileCatalog &catalog,
                     const QStringList &codigos,
                     QWidget *parent = nullptr);
    ~LabelPrintDialog() override;

    // Seams for tests; the defaults show QFileDialog and QPrintDialog.
    void setSaveFileChooser(SaveFileChooser chooser) { m_chooseFile = std::move(chooser); }
    void setPrinterChooser(PrinterChooser chooser) { m_choosePrinter = std::move(chooser); }

    bool selectProfile(const QString &id);
    LabelProfile currentProfile() const;
    const LabelService::Batch &batch() const { return m_batch; }

    // What the buttons do: false (and the reason in status()) on failure or when cancelled.
    bool savePdf();
    bool savePdfTo(const QString &path);
    bool print();

    QString status() const;
    QComboBox *profileCombo() const { return m_profile; }
    QSpinBox *startSpin() const { return m_start; }
    QLabel *pagePreview() const { return m_pagePreview; }
    QLabel *labelPreview() const { return m_labelPreview; }
    QPushButton *pdfButton() const { return m_pdfButton; }
    QPushButton *printButton() const { return m_printButton; }

signals:
    // After a PDF was written or the labels went to the printer.
    void labelsPrinted(int count, const QString &target);

private:
    void profileChanged();
    void updatePreview();
    void setStatus(const QString &text, bool problem);

    const LabelProfileCatalog &m_catalog;
    LabelService::Batch m_batch;
    QComboBox *m_profile = nullptr;
    QLabel *m_description = nullptr;
    QSpinBox *m_start = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_pagePreview = nullptr;
    QLabel *m_labelPreview = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_pdfButton = nullptr;
    QPushButton *m_printButton = nullptr;
    SaveFileChooser m_chooseFile;
    PrinterChooser m_choosePrinter;
};

} // namespace tambo::patrimonio
