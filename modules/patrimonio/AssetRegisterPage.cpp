#include "AssetRegisterPage.h"

#include "AssetDetailView.h"
#include "AssetFilterProxyModel.h"
#include "AssetRepository.h"
#include "AssetTableModel.h"
#include "ImageScanAction.h"
#include "ImportDialog.h"
#include "LabelPrintDialog.h"
#include "LabelProfileCatalog.h"
#include "PatrimonioPermissions.h"
#include "ScanBanner.h"

#include "auth/Session.h"

#include <QAction>
#include <QApplication>
#include <QCollator>
#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tambo::patrimonio {

namespace {

// Above this many assets, search waits for a pause in typing instead of running on each key.
constexpr int SearchDelayRows = 20000;

} // namespace

AssetRegisterPage::AssetRegisterPage(AssetRepository &repository,
                                     const core::Session &session,
                                     std::shared_ptr<ScanSession> scans,
                                     const ScannerInput::Config &scanner,
                                     QWidget *parent)
    : QWidget(parent)
    , m_repository(repository)
    , m_session(session)
    , m_scans(scans ? std::move(scans) : std::make_shared<ScanSession>(repository))
    , m_model(new AssetTableModel(this))
    , m_proxy(new AssetFilterProxyModel(this))
    , m_scanner(new ScannerInput(this))
    , m_search(new QLineEdit(this))
    , m_searchDelay(new QTimer(this))
    , m_sede(new QComboBox(this))
    , m_area(new QComboBox(this))
    , m_estado(new QComboBox(this))
    , m_responsable(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_banner(new ScanBanner(this))
    , m_view(new QTableView(this))
    , m_detail(new AssetDetailView(this))
    , m_printLabels(new QPushButton(tr("Print &labels…"), this))
    , m_imageScan(new ImageScanAction(this))
    , m_beep([] { QApplication::beep(); })
{
    setObjectName(QStringLiteral("patrimonioRegisterPage"));
    m_proxy->setSourceModel(m_model);

    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Code, denomination, brand, serial number or custodian"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search assets"));
    m_sede->setObjectName(QStringLiteral("sedeFilter"));
    m_area->setObjectName(QStringLiteral("areaFilter"));
    m_estado->setObjectName(QStringLiteral("estadoFilter"));
    m_responsable->setObjectName(QStringLiteral("responsableFilter"));
    m_responsable->setEditable(true);
    m_responsable->setInsertPolicy(QComboBox::NoInsert);
    m_responsable->lineEdit()->setPlaceholderText(tr("All custodians"));
    m_responsable->lineEdit()->setClearButtonEnabled(true);
    m_count->setObjectName(QStringLiteral("assetCount"));
    m_sede->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sede->setMinimumContentsLength(18);
    m_area->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_area->setMinimumContentsLength(18);
    m_responsable->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_responsable->setMinimumContentsLength(16);

    auto *filters = new QGridLayout;
    auto addFilter = [&](int row, int column, const QString &label, QWidget *field) {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        filters->addWidget(l, row, column * 2);
        filters->addWidget(field, row, column * 2 + 1);
    };
    addFilter(0, 0, tr("&Search:"), m_search);
    addFilter(0, 1, tr("&Condition:"), m_estado);
    addFilter(0, 2, tr("C&ustodian:"), m_responsable);
    addFilter(1, 0, tr("S&ede:"), m_sede);
    addFilter(1, 1, tr("&Area:"), m_area);
    filters->addWidget(m_count, 1, 4, 1, 2);
    // The actions (import, register from an image, print labels): one row under the filters.
    m_printLabels->setObjectName(QStringLiteral("printLabelsButton"));
    m_printLabels->setToolTip(tr("Print the labels of the selected assets (Ctrl+P)"));
    m_printLabels->setVisible(false); // until setLabelPrinting()
    auto *imageButton = new QToolButton(this);
    imageButton->setObjectName(QStringLiteral("registerFromImageButton"));
    imageButton->setDefaultAction(m_imageScan);
    imageButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_actions = new QHBoxLayout;
    m_actions->addStretch(1);
    m_actions->addWidget(imageButton);
    m_actions->addWidget(m_printLabels);
    filters->addLayout(m_actions, 2, 0, 1, 6);
    filters->setColumnStretch(1, 3);
    filters->setColumnStretch(3, 2);
    filters->setColumnStretch(5, 2);

    m_view->setObjectName(QStringLiteral("assetTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AssetTableModel::Codigo, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(AssetTableModel::Codigo,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("000000000000"))
                               + 24);
    m_view->setColumnWidth(AssetTableModel::Denominacion, 260);
    m_view->setColumnHidden(AssetTableModel::Modelo, true);
    m_view->setColumnHidden(AssetTableModel::SituacionColumn, true);
    m_view->setColumnHidden(AssetTableModel::Ambiente, true);
    m_view->setColumnHidden(AssetTableModel::Valor, true);
    m_view->setAccessibleName(tr("Assets"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    // The list gets most of the width at first (the detail's size hint would otherwise claim
    // half of it); setSizes() scales these to the real width.
    splitter->setSizes({700, 300});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setFocusProxy(m_search);

    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape),
                                 m_search,
                                 nullptr,
                                 nullptr,
                                 Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, m_search, &QLineEdit::clear);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() > 0) {
            m_view->setFocus(Qt::OtherFocusReason);
            if (!m_view->currentIndex().isValid())
                m_view->setCurrentIndex(m_proxy->index(0, 0));
        }
    });

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        m_proxy->setSearchText(m_search->text());
        updateCount();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_model->rowCount() > SearchDelayRows) {
            m_searchDelay->start();
        } else {
            m_proxy->setSearchText(text);
            updateCount();
        }
    });
    connect(m_sede, &QComboBox::currentIndexChanged, this, [this] {
        fillAreas();
        applyFilters();
    });
    connect(m_area, &QComboBox::currentIndexChanged, this, &AssetRegisterPage::applyFilters);
    connect(m_estado, &QComboBox::currentIndexChanged, this, &AssetRegisterPage::applyFilters);
    connect(m_responsable, &QComboBox::currentTextChanged, this, &AssetRegisterPage::applyFilters);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &AssetRegisterPage::showCurrent);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AssetRegisterPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AssetRegisterPage::updateCount);

    m_scanner->setConfig(scanner);
    m_scanner->setReceiverFilter(ScannerInput::pageScope(this));
    connect(m_scanner, &ScannerInput::scanned, this, [this](const QString &code) {
        handleScan(code);
    });

    auto *printShortcut = new QShortcut(QKeySequence::Print, this);
    connect(printShortcut, &QShortcut::activated, this, [this] {
        if (m_labels)
            printLabels();
    });
    connect(m_printLabels, &QPushButton::clicked, this, [this] { printLabels(); });
    connect(m_imageScan, &ImageScanAction::codeRead, this, [this](const QString &code) {
        handleScan(code);
    });
    connect(m_imageScan, &ImageScanAction::nothingRead, this, [this](const QString &message) {
        m_banner->showMessage(ScanBanner::Kind::Problem, message);
        if (m_beep)
            m_beep();
    });

    fillFilters();
    reload();
}

AssetRegisterPage::~AssetRegisterPage()
{
    m_scanner->discard(); // no replay into widgets that are going away
    m_scanner->uninstall();
}

void AssetRegisterPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_scanner->install();
}

void AssetRegisterPage::hideEvent(QHideEvent *event)
{
    m_scanner->uninstall();
    QWidget::hideEvent(event);
}

void AssetRegisterPage::fillFilters()
{
    QHash<QString, QString> sedeNames;
    QHash<QString, QString> areaNames;
    const QList<Place> sedes = m_repository.sedes();
    m_areas = m_repository.areas();
    for (const Place &p : sedes)
        sedeNames.insert(p.id, p.name);
    for (const Place &p : std::as_const(m_areas))
        areaNames.insert(p.id, p.name);
    m_model->setPlaceNames(sedeNames, areaNames);
    m_detail->setPlaceNames(sedeNames, areaNames);

    const QSignalBlocker blockSede(m_sede);
    m_sede->clear();
    m_sede->addItem(tr("All sedes"), QString());
    for (const Place &p : sedes)
        m_sede->addItem(p.name, p.id);

    const QSignalBlocker blockEstado(m_estado);
    m_estado->clear();
    m_estado->addItem(tr("All conditions"), QString());
    for (const Estado e : Estados::all())
        m_estado->addItem(QStringLiteral("%1 (%2)").arg(Estados::title(e), Estados::code(e)),
                          QString(Estados::code(e)));
    m_estado->addItem(tr("Poor, WEEE or scrap (M, X, Y)"), QStringLiteral("MXY"));
    fillAreas();
}

void AssetRegisterPage::fillAreas()
{
    const QString sede = m_sede->currentData().toString();
    const QString current = m_area->currentData().toString();
    const QSignalBlocker block(m_area);
    m_area->clear();
    m_area->addItem(tr("All areas"), QString());
    for (const Place &p : std::as_const(m_areas)) {
        if (sede.isEmpty() || p.sedeId == sede)
            m_area->addItem(p.name, p.id);
    }
    m_area->setCurrentIndex(std::max(0, m_area->findData(current)));
}

void AssetRegisterPage::fillResponsables()
{
    const AssetSnapshot &snapshot = m_model->snapshot();
    QList<QString> names;
    {
        QSet<int> seen;
        for (int row = 0; row < snapshot.size(); ++row) {
            const int id = snapshot.row(row).responsable;
            if (id > 0 && !seen.contains(id)) {
                seen.insert(id);
                names.append(snapshot.text(id));
            }
        }
    }
    QCollator collator(QLocale(QLocale::Spanish, QLocale::Peru));
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(names.begin(), names.end(), collator);
    const QString current = m_responsable->currentText();
    const QSignalBlocker block(m_responsable);
    m_responsable->clear();
    m_responsable->addItem(QString());
    m_responsable->addItems(names);
    m_responsable->setEditText(current);
    auto *completer = new QCompleter(names, m_responsable);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_responsable->setCompleter(completer);
}

bool AssetRegisterPage::reload()
{
    const QString selected = m_detail->shownCodigo();
    AssetSnapshot snapshot;
    if (!m_repository.loadSnapshot(m_session, &snapshot, &m_lastError)) {
        m_banner->showMessage(ScanBanner::Kind::Problem, m_lastError);
        return false;
    }
    m_lastError.clear();
    m_model->setSnapshot(snapshot);
    fillResponsables();
    updateCount();
    if (!selected.isEmpty())
        showAsset(selected);
    return true;
}

void AssetRegisterPage::applyFilters()
{
    m_proxy->setSedeFilter(m_sede->currentData().toString());
    m_proxy->setAreaFilter(m_area->currentData().toString());
    QList<Estado> estados;
    for (const QChar c : m_estado->currentData().toString()) {
        if (const auto e = Estados::fromCode(c))
            estados.append(*e);
    }
    m_proxy->setEstadoFilter(estados);
    const QString responsable = m_responsable->currentText().trimmed();
    const int match = responsable.isEmpty()
                          ? -1
                          : m_responsable->findText(responsable, Qt::MatchFixedString);
    m_proxy->setResponsableFilter(match > 0 ? m_responsable->itemText(match) : QString());
    updateCount();
}

void AssetRegisterPage::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    if (shown == total)
        m_count->setText(tr("%n asset(s)", nullptr, total));
    else
        m_count->setText(tr("%1 of %n asset(s)", nullptr, total).arg(QLocale().toString(shown)));
}

void AssetRegisterPage::showCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_detail->showPlaceholder(tr("Choose an asset in the list, or scan its label."));
        return;
    }
    const QString codigo = current.data(AssetTableModel::CodigoRole).toString();
    QString error;
    const std::optional<Asset> asset = m_repository.findByCode(codigo, &error);
    if (!asset) {
        m_detail->showPlaceholder(
            error.isEmpty() ? tr("The asset %1 is no longer in the register.").arg(codigo) : error);
        return;
    }
    m_detail->showAsset(*asset, m_repository.history(m_session, asset->id, &error));
}

bool AssetRegisterPage::showAsset(const QString &codigo)
{
    const int sourceRow = m_model->rowOfCodigo(codigo);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        const QSignalBlocker blockSearch(m_search);
        m_search->clear();
        {
            const QSignalBlocker b1(m_sede);
            const QSignalBlocker b2(m_area);
            const QSignalBlocker b3(m_estado);
            const QSignalBlocker b4(m_responsable);
            m_sede->setCurrentIndex(0);
            fillAreas();
            m_area->setCurrentIndex(0);
            m_estado->setCurrentIndex(0);
            m_responsable->setEditText(QString());
        }
        m_proxy->clearFilters();
        updateCount();
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    if (m_detail->shownCodigo() != codigo)
        showCurrent();
    return true;
}

void AssetRegisterPage::setLabelPrinting(const LabelService *labels,
                                         std::shared_ptr<const LabelProfileCatalog> profiles)
{
    m_labels = labels;
    m_profiles = std::move(profiles);
    m_printLabels->setVisible(m_labels && m_profiles);
}

QStringList AssetRegisterPage::selectedCodigos() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() < b.row();
    });
    QStringList codigos;
    codigos.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows))
        codigos << index.data(AssetTableModel::CodigoRole).toString();
    return codigos;
}

LabelPrintDialog *AssetRegisterPage::printLabels()
{
    if (!m_labels || !m_profiles)
        return nullptr;
    const QStringList codigos = selectedCodigos();
    if (codigos.isEmpty()) {
        m_banner->showMessage(ScanBanner::Kind::Info,
                              tr("Select the assets to label first (Shift or Ctrl with the "
                                 "arrows; Ctrl+A selects every asset shown)."));
        return nullptr;
    }
    auto *dialog = new LabelPrintDialog(*m_labels, m_session, *m_profiles, codigos, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void AssetRegisterPage::setImporter(AssetImporter *importer)
{
    m_importer = importer;
    if (!m_importAction) {
        m_importAction = new QAction(tr("&Import assets…"), this);
        m_importAction->setObjectName(QStringLiteral("importAssetsAction"));
        m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
        m_importAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(m_importAction, &QAction::triggered, this, &AssetRegisterPage::openImportDialog);
        addAction(m_importAction);
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("importAssetsButton"));
        button->setDefaultAction(m_importAction);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_actions->insertWidget(1, button); // after the stretch, first of the row
    }
    m_importAction->setEnabled(m_importer && m_session.can(QString::fromLatin1(Permissions::Edit)));
}

void AssetRegisterPage::openImportDialog()
{
    if (!m_importer || !m_session.can(QString::fromLatin1(Permissions::Edit)))
        return;
    ImportDialog dialog(*m_importer, m_session, this);
    connect(&dialog, &ImportDialog::imported, this, [this] { reload(); });
    dialog.exec();
}

ScanSession::Result AssetRegisterPage::handleScan(const QString &input)
{
    const ScanSession::Result result = m_scans->scan(input);
    switch (result.outcome) {
    case ScanSession::Outcome::Found:
        m_banner->showMessage(ScanBanner::Kind::Found, result.message);
        break;
    case ScanSession::Outcome::Repeated:
        m_banner->showMessage(ScanBanner::Kind::Repeated, result.message);
        break;
    default:
        m_banner->showMessage(ScanBanner::Kind::Problem, result.message);
        break;
    }
    if (result.asset) {
        if (m_model->rowOfCodigo(result.asset->codigo) < 0)
            m_model->upsert(*result.asset); // registered on another page since the list loaded
        showAsset(result.asset->codigo);
    }
    if (result.outcome != ScanSession::Outcome::Found && m_beep)
        m_beep();
    return result;
}

} // namespace tambo::patrimonio
