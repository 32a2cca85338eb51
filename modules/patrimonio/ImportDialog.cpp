#include "ImportDialog.h"

#include "ImportPreviewModel.h"
#include "ImportProblemModel.h"

#include "auth/Session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace tambo::patrimonio {

namespace {

enum MappingChoice { Guessed = 0, Siga = 1, FirstSaved = 2 };

} // namespace

ImportDialog::ImportDialog(AssetImporter &importer, const core::Session &session, QWidget *parent)
    : QDialog(parent)
    , m_importer(importer)
    , m_session(session)
    , m_file(new QLineEdit(this))
    , m_mappings(new QComboBox(this))
    , m_decimal(new QComboBox(this))
    , m_dateFormat(new QLineEdit(this))
    , m_previewModel(new ImportPreviewModel(this))
    , m_preview(new QTableView(this))
    , m_problemModel(new ImportProblemModel(this))
    , m_problemProxy(new QSortFilterProxyModel(this))
    , m_problemView(new QTableView(this))
    , m_fileInfo(new QLabel(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import assets"));
    resize(1100, 720);

    // --- file ---
    m_file->setObjectName(QStringLiteral("importFile"));
    m_file->setPlaceholderText(tr("CSV file saved from Excel or exported from SIGA-MEF"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAutoDefault(false);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    // --- mapping ---
    m_mappings->setObjectName(QStringLiteral("importMapping"));
    auto *mappingLabel = new QLabel(tr("&Mapping:"), this);
    mappingLabel->setBuddy(m_mappings);
    auto *saveMapping = new QPushButton(tr("Sa&ve mapping…"), this);
    saveMapping->setAutoDefault(false);
    m_decimal->addItem(tr("Automatic (1,234.50 or 1.234,50)"), int(ImportMapping::Decimal::Auto));
    m_decimal->addItem(tr("Point (1,234.50)"), int(ImportMapping::Decimal::Point));
    m_decimal->addItem(tr("Comma (1.234,50)"), int(ImportMapping::Decimal::Comma));
    auto *decimalLabel = new QLabel(tr("&Numbers:"), this);
    decimalLabel->setBuddy(m_decimal);
    m_dateFormat->setText(QStringLiteral("dd/MM/yyyy"));
    m_dateFormat->setMaximumWidth(120);
    auto *dateLabel = new QLabel(tr("&Dates:"), this);
    dateLabel->setBuddy(m_dateFormat);
    auto *mappingRow = new QHBoxLayout;
    mappingRow->addWidget(mappingLabel);
    mappingRow->addWidget(m_mappings, 1);
    mappingRow->addWidget(saveMapping);
    mappingRow->addWidget(decimalLabel);
    mappingRow->addWidget(m_decimal);
    mappingRow->addWidget(dateLabel);
    mappingRow->addWidget(m_dateFormat);

    // --- preview and field mapping ---
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setModel(m_previewModel);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 8);
    m_preview->setWordWrap(false);
    m_preview->setAccessibleName(tr("First rows of the file"));
    auto *previewBox = new QGroupBox(tr("First rows of the file"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_fileInfo);
    previewLayout->addWidget(m_preview);

    auto *fieldsWidget = new QWidget(this);
    auto *fields = new QFormLayout(fieldsWidget);
    for (const ImportField f : ImportMapping::allFields()) {
        auto *combo = new QComboBox(fieldsWidget);
        combo->setObjectName(QStringLiteral("field_") + ImportMapping::fieldKey(f));
        m_fieldCombos[size_t(f)] = combo;
        QString title = ImportMapping::fieldTitle(f);
        if (ImportMapping::isRequired(f))
            title += QStringLiteral(" *");
        fields->addRow(title + u':', combo);
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_applying)
                invalidatePlan();
        });
    }
    auto *fieldsScroll = new QScrollArea(this);
    fieldsScroll->setWidget(fieldsWidget);
    fieldsScroll->setWidgetResizable(true);
    auto *fieldsBox = new QGroupBox(tr("Column of each field (* required)"), this);
    auto *fieldsBoxLayout = new QVBoxLayout(fieldsBox);
    fieldsBoxLayout->addWidget(fieldsScroll);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(previewBox);
    top->addWidget(fieldsBox);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);

    // --- dry run report ---
    m_problemProxy->setSourceModel(m_problemModel);
    m_problemProxy->setSortRole(ImportProblemModel::SortRole);
    m_problemView->setObjectName(QStringLiteral("importProblems"));
    m_problemView->setModel(m_problemProxy);
    m_problemView->setSortingEnabled(true);
    m_problemView->sortByColumn(ImportProblemModel::Row, Qt::AscendingOrder);
    m_problemView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problemView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problemView->verticalHeader()->hide();
    m_problemView->horizontalHeader()->setStretchLastSection(true);
    m_problemView->setAccessibleName(tr("Rows with problems"));
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    auto *reportBox = new QGroupBox(tr("Check (nothing is imported yet)"), this);
    auto *reportLayout = new QVBoxLayout(reportBox);
    reportLayout->addWidget(m_summary);
    reportLayout->addWidget(m_problemView);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(reportBox);

    auto *buttons = new QDialogButtonBox(this);
    m_check = buttons->addButton(tr("Chec&k"), QDialogButtonBox::ActionRole);
    m_check->setObjectName(QStringLiteral("importCheck"));
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importRun"));
    m_import->setEnabled(false);
    m_import->setAutoDefault(false);
    m_check->setDefault(true);
    buttons->addButton(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addLayout(mappingRow);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path
            = m_chooseOpen
                  ? m_chooseOpen()
                  : QFileDialog::getOpenFileName(this,
                                                 tr("Import assets"),
                                                 QString(),
                                                 tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    connect(m_file, &QLineEdit::returnPressed, this, [this] { openFile(m_file->text().trimmed()); });
    connect(m_mappings, &QComboBox::currentIndexChanged, this, &ImportDialog::mappingChosen);
    connect(m_decimal, &QComboBox::currentIndexChanged, this, &ImportDialog::invalidatePlan);
    connect(m_dateFormat, &QLineEdit::textEdited, this, &ImportDialog::invalidatePlan);
    connect(saveMapping, &QPushButton::clicked, this, [this] {
        const QString path = m_chooseSave
                                 ? m_chooseSave()
                                 : QFileDialog::getSaveFileName(this,
                                                                tr("Save mapping"),
                                                                ImportMapping::savedMappingsFolder(),
                                                                tr("Mappings (*.json)"));
        if (!path.isEmpty())
            this->saveMapping(path);
    });
    connect(m_check, &QPushButton::clicked, this, &ImportDialog::check);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::importNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    fillMappings();
    m_summary->setText(tr("Choose a file and press Check."));
    m_file->setFocus();
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::fillMappings()
{
    const QSignalBlocker block(m_mappings);
    m_mappings->clear();
    m_mappings->addItem(tr("Guessed from the headers"));
    m_mappings->addItem(tr("SIGA-MEF Patrimonio (built in)"));
    for (const QString &file : ImportMapping::savedMappingFiles())
        m_mappings->addItem(QFileInfo(file).completeBaseName(), file);
}

bool ImportDialog::openFile(const QString &path)
{
    QString error;
    ImportTable table;
    m_file->setText(path);
    if (!ImportCsvReader::readFile(path, &table, &error)) {
        m_table = {};
        m_previewModel->clear();
        m_fileInfo->setText(error);
        invalidatePlan();
        m_summary->setText(error);
        return false;
    }
    m_path = path;
    m_table = std::move(table);
    m_previewModel->setTable(m_table);
    m_preview->resizeColumnsToContents();
    const QString sep = m_table.separator == u'\t' ? tr("tab")
                                                   : QStringLiteral("“%1”").arg(m_table.separator);
    m_fileInfo->setText(tr("%1: %n row(s), %2, separator %3.", nullptr, int(m_table.rows.size()))
                            .arg(QFileInfo(path).fileName(), m_table.encoding, sep));
    for (QComboBox *combo : m_fieldCombos) {
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(tr("(do not import)"), -1);
        for (int c = 0; c < m_table.headers.size(); ++c)
            combo->addItem(m_table.headers.at(c), c);
    }
    // A file that looks like a SIGA export gets the SIGA mapping; otherwise a guess.
    const auto siga = ImportMapping::siga().resolve(m_table.headers);
    const bool looksLikeSiga = siga.at(size_t(ImportField::Codigo)) >= 0
                               && m_table.headers.value(siga.at(size_t(ImportField::Codigo)))
                                      .contains(u'_');
    if (m_mappings->currentIndex() < FirstSaved)
        m_mappings->setCurrentIndex(looksLikeSiga ? Siga : Guessed);
    mappingChosen();
    return true;
}

void ImportDialog::mappingChosen()
{
    const int index = m_mappings->currentIndex();
    ImportMapping mapping;
    if (index == Siga) {
        mapping = ImportMapping::siga();
    } else if (index >= FirstSaved) {
        QString error;
        const auto loaded = ImportMapping::load(m_mappings->currentData().toString(), &error);
        if (!loaded) {
            m_summary->setText(error);
            return;
        }
        mapping = *loaded;
    } else {
        mapping = ImportMapping::guess(m_table.headers);
    }
    applyMapping(mapping);
}

void ImportDialog::applyMapping(const ImportMapping &mapping)
{
    m_applying = true;
    const auto columns = mapping.resolve(m_table.headers);
    for (const ImportField f : ImportMapping::allFields()) {
        QComboBox *combo = m_fieldCombos.at(size_t(f));
        combo->setCurrentIndex(std::max(0, combo->findData(columns.at(size_t(f)))));
    }
    m_decimal->setCurrentIndex(std::max(0, m_decimal->findData(int(mapping.decimal()))));
    m_dateFormat->setText(mapping.dateFormat());
    m_applying = false;
    invalidatePlan();
}

ImportMapping ImportDialog::currentMapping() const
{
    ImportMapping mapping;
    mapping.setName(m_mappings->currentIndex() >= FirstSaved ? m_mappings->currentText()
                                                             : QString());
    for (const ImportField f : ImportMapping::allFields()) {
        const int column = m_fieldCombos.at(size_t(f))->currentData().toInt();
        mapping.setHeader(f, column >= 0 ? m_table.headers.value(column) : QString());
    }
    mapping.setDecimal(ImportMapping::Decimal(m_decimal->currentData().toInt()));
    mapping.setDateFormat(m_dateFormat->text().trimmed().isEmpty()
                              ? QStringLiteral("dd/MM/yyyy")
                              : m_dateFormat->text().trimmed());
    return mapping;
}

bool ImportDialog::saveMapping(const QString &path)
{
    ImportMapping mapping = currentMapping();
    mapping.setName(QFileInfo(path).completeBaseName());
    QString error;
    if (!mapping.save(path, &error)) {
        m_summary->setText(error);
        return false;
    }
    m_summary->setText(tr("Mapping saved in %1.").arg(QDir::toNativeSeparators(path)));
    if (QFileInfo(path).absolutePath()
        == QFileInfo(ImportMapping::savedMappingsFolder()).absoluteFilePath()) {
        fillMappings();
        const QSignalBlocker block(m_mappings);
        m_mappings->setCurrentIndex(std::max(0, m_mappings->findData(path)));
    }
    return true;
}

void ImportDialog::invalidatePlan()
{
    m_checked = false;
    m_plan = {};
    m_problemModel->setProblems({});
    m_import->setEnabled(false);
    if (!m_table.headers.isEmpty())
        m_summary->setText(tr("Press Check to review every row before importing."));
}

bool ImportDialog::check()
{
    if (m_table.headers.isEmpty()) {
        if (!m_file->text().trimmed().isEmpty() && m_file->text().trimmed() != m_path) {
            if (!openFile(m_file->text().trimmed()))
                return false;
        } else {
            m_summary->setText(tr("Choose a file first."));
            return false;
        }
    }
    m_plan = m_importer.check(m_session, m_table, currentMapping(), QFileInfo(m_path).fileName());
    m_checked = true;
    m_problemModel->setProblems(m_plan.problems);
    m_problemView->resizeColumnToContents(ImportProblemModel::Row);
    m_problemView->resizeColumnToContents(ImportProblemModel::Codigo);
    m_problemView->resizeColumnToContents(ImportProblemModel::Reason);
    const QLocale locale;
    if (!m_plan.error.isEmpty()) {
        m_summary->setText(m_plan.error);
    } else if (m_plan.problems.isEmpty()) {
        m_summary->setText(
            tr("%1 row(s) read; all %2 can be imported. Press Import to register "
               "them in one operation.")
                .arg(locale.toString(m_plan.rows), locale.toString(m_plan.assets.size())));
    } else {
        m_summary->setText(tr("%1 row(s) read: %2 correct, %3 with problems (%4 problem(s) "
                              "listed below). Nothing will be imported until every row is "
                              "correct.")
                               .arg(locale.toString(m_plan.rows),
                                    locale.toString(m_plan.assets.size()),
                                    locale.toString(m_plan.badRows()),
                                    locale.toString(m_plan.problems.size())));
    }
    m_import->setEnabled(m_plan.canImport());
    if (m_plan.canImport())
        m_import->setFocus();
    else if (!m_plan.problems.isEmpty())
        m_problemView->setFocus();
    return m_plan.canImport();
}

bool ImportDialog::importNow()
{
    if (!m_checked || !m_plan.canImport())
        return false;
    QProgressDialog progress(tr("Importing assets…"), QString(), 0, int(m_plan.assets.size()), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    const AssetImporter::Result result = m_importer.run(m_session,
                                                        m_plan,
                                                        [&progress](int done, int) {
                                                            progress.setValue(done);
                                                        });
    progress.reset();
    if (!result.ok()) {
        m_summary->setText(result.error);
        return false;
    }
    m_imported = result.imported;
    m_summary->setText(
        tr("%1 asset(s) imported in one operation.").arg(QLocale().toString(result.imported)));
    m_plan = {};
    m_checked = false;
    m_import->setEnabled(false);
    emit imported(result.imported);
    return true;
}

} // namespace tambo::patrimonio
