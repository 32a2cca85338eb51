#include "LabelPrintDialog.h"

#include "LabelProfileCatalog.h"
#include "LabelSheetRenderer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <cmath>

namespace tambo::patrimonio {

namespace {

constexpr QSize PagePreviewBox(300, 400);
constexpr qreal LabelPreviewPixelsPerMm = 6.0;

} // namespace

LabelPrintDialog::LabelPrintDialog(const LabelService &service,
                                   const core::Session &session,
                                   const LabelProfileCatalog &catalog,
                                   const QStringList &codigos,
                                   QWidget *parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_batch(service.labelsFor(session, codigos))
    , m_profile(new QComboBox(this))
    , m_description(new QLabel(this))
    , m_start(new QSpinBox(this))
    , m_summary(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_pagePreview(new QLabel(this))
    , m_labelPreview(new QLabel(this))
    , m_status(new QLabel(this))
    , m_pdfButton(new QPushButton(tr("Save as P&DF…"), this))
    , m_printButton(new QPushButton(tr("&Print…"), this))
{
    setObjectName(QStringLiteral("labelPrintDialog"));
    setWindowTitle(tr("Print labels"));

    m_chooseFile = [](QWidget *parent, const QString &suggested) {
        return QFileDialog::getSaveFileName(parent,
                                            tr("Save labels as PDF"),
                                            suggested,
                                            tr("PDF documents (*.pdf)"));
    };
    m_choosePrinter = [](QPrinter &printer, QWidget *parent) {
        QPrintDialog dialog(&printer, parent);
        dialog.setWindowTitle(tr("Print labels"));
        return dialog.exec() == QDialog::Accepted;
    };

    m_profile->setObjectName(QStringLiteral("labelProfile"));
    for (const LabelProfile &p : m_catalog.profiles())
        m_profile->addItem(p.name, p.id);
    m_profile->setAccessibleName(tr("Label profile"));
    m_description->setObjectName(QStringLiteral("labelProfileDescription"));
    m_description->setWordWrap(true);
    m_start->setObjectName(QStringLiteral("labelStart"));
    m_start->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_start->setToolTip(tr("On a sheet already partly used, the first free label position "
                           "(counted row by row from the top left)"));
    m_summary->setObjectName(QStringLiteral("labelSummary"));
    m_problems->setObjectName(QStringLiteral("labelProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #8b0000;"));
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->setObjectName(QStringLiteral("labelStatus"));
    m_status->setWordWrap(true);
    m_pagePreview->setObjectName(QStringLiteral("labelPagePreview"));
    m_pagePreview->setAlignment(Qt::AlignCenter);
    m_pagePreview->setMinimumSize(PagePreviewBox);
    m_pagePreview->setAccessibleName(tr("Preview of the first sheet"));
    m_labelPreview->setObjectName(QStringLiteral("labelPreview"));
    m_labelPreview->setAlignment(Qt::AlignCenter);
    m_labelPreview->setAccessibleName(tr("Preview of the first label"));
    m_pdfButton->setObjectName(QStringLiteral("labelSavePdf"));
    m_pdfButton->setToolTip(tr("Save the labels as a PDF file (Ctrl+S)"));
    m_printButton->setToolTip(tr("Send the labels to a printer (Ctrl+P)"));
    m_printButton->setObjectName(QStringLiteral("labelPrint"));
    m_printButton->setDefault(true);

    auto *form = new QFormLayout;
    auto *profileLabel = new QLabel(tr("Pro&file:"), this);
    profileLabel->setBuddy(m_profile);
    form->addRow(profileLabel, m_profile);
    form->addRow(QString(), m_description);
    auto *startLabel = new QLabel(tr("S&tart at position:"), this);
    startLabel->setBuddy(m_start);
    form->addRow(startLabel, m_start);
    form->addRow(QString(), m_summary);

    auto *previews = new QHBoxLayout;
    previews->addWidget(m_pagePreview, 1);
    previews->addWidget(m_labelPreview, 1);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_pdfButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_printButton, QDialogButtonBox::ActionRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("labelClose"));
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addLayout(previews, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    const QString problems = m_batch.problemText();
    m_problems->setText(problems.isEmpty()
                            ? QString()
                            : problems + QLatin1Char('\n') + tr("Those codes get no label."));
    m_problems->setVisible(!problems.isEmpty());
    const bool any = !m_batch.labels.isEmpty();
    m_pdfButton->setEnabled(any);
    m_printButton->setEnabled(any);

    connect(m_profile, &QComboBox::currentIndexChanged, this, &LabelPrintDialog::profileChanged);
    connect(m_start, &QSpinBox::valueChanged, this, &LabelPrintDialog::updatePreview);
    connect(m_pdfButton, &QPushButton::clicked, this, [this] { savePdf(); });
    auto *save = new QShortcut(QKeySequence::Save, this);
    connect(save, &QShortcut::activated, m_pdfButton, &QPushButton::click);
    auto *printKey = new QShortcut(QKeySequence::Print, this);
    connect(printKey, &QShortcut::activated, m_printButton, &QPushButton::click);
    connect(m_printButton, &QPushButton::clicked, this, [this] { print(); });
    profileChanged();
    m_profile->setFocus(Qt::OtherFocusReason);
}

LabelPrintDialog::~LabelPrintDialog() = default;

bool LabelPrintDialog::selectProfile(const QString &id)
{
    const int index = m_profile->findData(id);
    if (index < 0)
        return false;
    m_profile->setCurrentIndex(index);
    return true;
}

LabelProfile LabelPrintDialog::currentProfile() const
{
    return m_catalog.find(m_profile->currentData().toString()).value_or(LabelProfile{});
}

QString LabelPrintDialog::status() const
{
    return m_status->text();
}

void LabelPrintDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #8b0000;") : QString());
}

void LabelPrintDialog::profileChanged()
{
    const LabelProfile profile = currentProfile();
    m_description->setText(profile.description());
    const QSignalBlocker block(m_start);
    m_start->setRange(1, std::max(1, profile.labelsPerPage()));
    m_start->setEnabled(profile.kind() == LabelProfile::Kind::Sheet);
    if (!m_start->isEnabled())
        m_start->setValue(1);
    updatePreview();
}

void LabelPrintDialog::updatePreview()
{
    const LabelProfile profile = currentProfile();
    LabelSheetRenderer renderer(profile);
    renderer.setSkip(m_start->value() - 1);
    const int count = int(m_batch.labels.size());
    m_summary->setText(tr("%n label(s)", nullptr, count) + QStringLiteral(", ")
                       + tr("%n page(s)", nullptr, renderer.pageCount(count)));
    if (m_batch.labels.isEmpty() || profile.id.isEmpty()) {
        m_pagePreview->setText(tr("No labels to show."));
        m_labelPreview->clear();
        return;
    }
    const qreal ratio = devicePixelRatioF();
    // The whole first sheet, outlines drawn, fitted into the preview box.
    const qreal fit = std::min(PagePreviewBox.width() / profile.pageSize.width(),
                               PagePreviewBox.height() / profile.pageSize.height());
    renderer.setOutlines(true);
    QString error;
    QImage page = renderer.renderPage(m_batch.labels, 0, int(fit * 25.4 * ratio), &error);
    if (page.isNull()) {
        m_pagePreview->setText(error);
        return;
    }
    {
        QPainter edge(&page); // the paper's edge
        edge.setPen(QColor(150, 150, 150));
        edge.drawRect(page.rect().adjusted(0, 0, -1, -1));
    }
    page.setDevicePixelRatio(ratio);
    m_pagePreview->setPixmap(QPixmap::fromImage(page));

    // The first label, large enough to read.
    const qreal dotsPerMm = LabelPreviewPixelsPerMm * ratio;
    QImage label(int(std::lround(profile.labelSize.width() * dotsPerMm)) + 2,
                 int(std::lround(profile.labelSize.height() * dotsPerMm)) + 2,
                 QImage::Format_RGB32);
    label.fill(Qt::white);
    {
        QPainter painter(&label);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QColor(190, 190, 190));
        painter.drawRect(label.rect().adjusted(0, 0, -1, -1));
        renderer.paintLabel(painter,
                            dotsPerMm,
                            QRectF(QPointF(1 / dotsPerMm, 1 / dotsPerMm), profile.labelSize),
                            m_batch.labels.first(),
                            &error);
    }
    label.setDevicePixelRatio(ratio);
    m_labelPreview->setPixmap(QPixmap::fromImage(label));
}

bool LabelPrintDialog::savePdf()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(dir).filePath(tr("labels-%1.pdf").arg(currentProfile().id));
    const QString path = m_chooseFile ? m_chooseFile(this, suggested) : QString();
    if (path.isEmpty()) {
        setStatus(tr("Nothing saved."), false);
        return false;
    }
    return savePdfTo(path);
}

bool LabelPrintDialog::savePdfTo(const QString &path)
{
    LabelSheetRenderer renderer(currentProfile());
    renderer.setSkip(m_start->value() - 1);
    QString error;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = renderer.writePdf(path, m_batch.labels, &error);
    QGuiApplication::restoreOverrideCursor();
    if (!ok) {
        setStatus(error, true);
        return false;
    }
    const int count = int(m_batch.labels.size());
    setStatus(tr("%n label(s) saved in %1.", nullptr, count)
                  .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
              false);
    emit labelsPrinted(count, path);
    return true;
}

bool LabelPrintDialog::print()
{
    LabelSheetRenderer renderer(currentProfile());
    renderer.setSkip(m_start->value() - 1);
    QPrinter printer(QPrinter::HighResolution);
    // Full page (the layout's mode): the profile's positions are measured from the paper's corner.
    printer.setPageLayout(renderer.pageLayout());
    printer.setFullPage(true);
    printer.setDocName(tr("Asset labels"));
    if (!m_choosePrinter || !m_choosePrinter(printer, this)) {
        setStatus(tr("Nothing printed."), false);
        return false;
    }
    QString error;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = renderer.print(printer, m_batch.labels, &error);
    QGuiApplication::restoreOverrideCursor();
    if (!ok) {
        setStatus(error, true);
        return false;
    }
    const int count = int(m_batch.labels.size());
    const QString target = printer.outputFileName().isEmpty() ? printer.printerName()
                                                              : printer.outputFileName();
    setStatus(tr("%n label(s) sent to %1.", nullptr, count).arg(target), false);
    emit labelsPrinted(count, target);
    return true;
}

} // namespace tambo::patrimonio
