#include "InventoryPage.h"

#include "AssetRepository.h"
#include "CampaignRepository.h"
#include "CampaignResultModel.h"
#include "CodigoPatrimonial.h"
#include "InventoryProgressModel.h"
#include "ScanBanner.h"

#include "auth/Session.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace tambo::patrimonio {

InventoryPage::InventoryPage(CampaignRepository &campaigns,
                             AssetRepository &assets,
                             const core::Session &session,
                             const ScannerInput::Config &scanner,
                             QWidget *parent)
    : QWidget(parent)
    , m_campaigns(campaigns)
    , m_assets(assets)
    , m_session(session)
    , m_scanner(new ScannerInput(this))
    , m_campaign(new QComboBox(this))
    , m_area(new QComboBox(this))
    , m_ambiente(new QComboBox(this))
    , m_here(new QPushButton(tr("&We are here"), this))
    , m_estado(new QComboBox(this))
    , m_field(new QLineEdit(this))
    , m_banner(new ScanBanner(this))
    , m_placeLabel(new QLabel(this))
    , m_totals(new QLabel(this))
    , m_progress(new InventoryProgressModel(this))
    , m_progressView(new QTreeView(this))
    , m_results(new CampaignResultModel(this))
    , m_resultProxy(new QSortFilterProxyModel(this))
    , m_outcomeFilter(new QComboBox(this))
    , m_resultView(new QTableView(this))
    , m_beep([] { QApplication::beep(); })
{
    setObjectName(QStringLiteral("patrimonioInventoryPage"));
    for (const Place &p : m_assets.sedes())
        m_sedeNames.insert(p.id, p.name);
    for (const Place &p : m_assets.areas())
        m_areaNames.insert(p.id, p.name);
    m_progress->setPlaceNames(m_sedeNames, m_areaNames);
    m_results->setPlaceNames(m_sedeNames, m_areaNames);

    m_campaign->setObjectName(QStringLiteral("inventoryCampaign"));
    m_area->setObjectName(QStringLiteral("inventoryArea"));
    m_area->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_area->setMinimumContentsLength(28);
    m_ambiente->setObjectName(QStringLiteral("inventoryAmbiente"));
    m_ambiente->setEditable(true);
    m_ambiente->setInsertPolicy(QComboBox::NoInsert);
    m_ambiente->lineEdit()->setPlaceholderText(tr("Room, e.g. OFICINA 204"));
    m_ambiente->setMinimumContentsLength(18);
    // One completer over the combo's own list (refilled per área): any part of the name.
    auto *completer = new QCompleter(m_ambiente->model(), m_ambiente);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_ambiente->setCompleter(completer);
    m_here->setObjectName(QStringLiteral("inventoryHere"));
    m_estado->setObjectName(QStringLiteral("inventoryEstado"));
    m_estado->addItem(tr("As in the register"), QString());
    for (const Estado e : Estados::all())
        m_estado->addItem(QStringLiteral("%1 (%2)").arg(Estados::title(e), Estados::code(e)),
                          QString(Estados::code(e)));
    m_estado->setToolTip(tr("The condition the team sees, for the next scan only"));
    m_field->setObjectName(QStringLiteral("inventoryScanField"));
    m_field->setPlaceholderText(tr("Scan, or type 12 digits and press Enter"));
    m_field->setClearButtonEnabled(true);
    m_field->setMaxLength(40);
    m_field->setAccessibleName(tr("Código patrimonial scanned"));
    QFont big = m_field->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_field->setFont(big);
    m_placeLabel->setObjectName(QStringLiteral("inventoryPlace"));
    m_placeLabel->setWordWrap(true);
    QFont bold = m_placeLabel->font();
    bold.setBold(true);
    m_placeLabel->setFont(bold);
    m_totals->setObjectName(QStringLiteral("inventoryTotals"));
    m_totals->setWordWrap(true);

    auto *grid = new QGridLayout;
    auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    grid->addWidget(label(tr("&Campaign:"), m_campaign), 0, 0);
    grid->addWidget(m_campaign, 0, 1, 1, 3);
    grid->addWidget(label(tr("&Area:"), m_area), 1, 0);
    grid->addWidget(m_area, 1, 1);
    grid->addWidget(label(tr("Roo&m:"), m_ambiente), 1, 2);
    auto *roomRow = new QHBoxLayout;
    roomRow->addWidget(m_ambiente, 1);
    roomRow->addWidget(m_here);
    grid->addLayout(roomRow, 1, 3);
    grid->addWidget(m_placeLabel, 2, 0, 1, 4);
    grid->addWidget(label(tr("Código &patrimonial:"), m_field), 3, 0);
    grid->addWidget(m_field, 3, 1);
    grid->addWidget(label(tr("&Observed condition:"), m_estado), 3, 2);
    grid->addWidget(m_estado, 3, 3);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(3, 2);

    m_progressView->setObjectName(QStringLiteral("inventoryProgress"));
    m_progressView->setModel(m_progress);
    m_progressView->setAccessibleName(tr("Progress per area and room"));
    m_progressView->setUniformRowHeights(true);
    m_progressView->setAlternatingRowColors(true);
    m_progressView->header()->setSectionResizeMode(InventoryProgressModel::Place,
                                                   QHeaderView::Stretch);
    m_progressView->header()->setStretchLastSection(false);
    for (int c = InventoryProgressModel::Expected; c < InventoryProgressModel::ColumnCount; ++c)
        m_progressView->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    m_resultProxy->setSourceModel(m_results);
    m_resultProxy->setSortRole(CampaignResultModel::SortRole);
    m_resultProxy->setFilterKeyColumn(CampaignResultModel::Codigo);
    m_outcomeFilter->setObjectName(QStringLiteral("inventoryOutcomeFilter"));
    m_outcomeFilter->addItem(tr("Every código"), QString());
    for (const CampaignOutcome o : Campaigns::allOutcomes())
        m_outcomeFilter->addItem(Campaigns::outcomeTitle(o), Campaigns::outcomeKey(o));
    m_outcomeFilter->addItem(tr("Condition changed"), QStringLiteral("estado"));
    m_resultView->setObjectName(QStringLiteral("inventoryResults"));
    m_resultView->setModel(m_resultProxy);
    m_resultView->setSortingEnabled(true);
    m_resultView->sortByColumn(CampaignResultModel::Codigo, Qt::AscendingOrder);
    m_resultView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resultView->setAlternatingRowColors(true);
    m_resultView->verticalHeader()->hide();
    m_resultView->setWordWrap(false);
    m_resultView->verticalHeader()->setDefaultSectionSize(m_resultView->fontMetrics().height() + 8);
    m_resultView->setColumnWidth(CampaignResultModel::Codigo,
                                 m_resultView->fontMetrics().horizontalAdvance(
                                     QStringLiteral("000000000000"))
                                     + 24);
    m_resultView->setColumnWidth(CampaignResultModel::Denominacion, 230);
    m_resultView->setColumnWidth(CampaignResultModel::Outcome, 170);
    m_resultView->setColumnWidth(CampaignResultModel::EstadoColumn, 90);
    m_resultView->setColumnWidth(CampaignResultModel::Registered, 260);
    m_resultView->setColumnWidth(CampaignResultModel::Found, 260);
    m_resultView->setColumnHidden(CampaignResultModel::Valor, true);
    m_resultView->setAccessibleName(tr("Outcome of each código"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(label(tr("Pro&gress per area and room:"), m_progressView));
    leftLayout->addWidget(m_progressView, 1);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(label(tr("&Show:"), m_outcomeFilter));
    filterRow->addWidget(m_outcomeFilter, 1);
    rightLayout->addLayout(filterRow);
    rightLayout->addWidget(m_resultView, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_banner);
    layout->addWidget(m_totals);
    layout->addWidget(splitter, 1);
    setFocusProxy(m_field);

    connect(m_campaign, &QComboBox::currentIndexChanged, this, &InventoryPage::loadCampaign);
    connect(m_area, &QComboBox::currentIndexChanged, this, &InventoryPage::fillAmbientes);
    connect(m_here, &QPushButton::clicked, this, &InventoryPage::choosePlaceFromBoxes);
    connect(m_ambiente->lineEdit(),
            &QLineEdit::returnPressed,
            this,
            &InventoryPage::choosePlaceFromBoxes);
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        if (!m_field->text().trimmed().isEmpty())
            handleCode(m_field->text());
    });
    connect(m_outcomeFilter, &QComboBox::currentIndexChanged, this, [this] {
        const QString key = m_outcomeFilter->currentData().toString();
        if (key == QLatin1String("estado")) {
            m_resultProxy->setFilterRole(CampaignResultModel::EstadoCambiadoRole);
            m_resultProxy->setFilterFixedString(QStringLiteral("true"));
        } else {
            m_resultProxy->setFilterRole(CampaignResultModel::OutcomeRole);
            m_resultProxy->setFilterFixedString(key);
        }
    });
    connect(m_progressView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const InventoryPlace p = m_progress->placeAt(index);
        if (p.isValid())
            setPlace(p);
    });
    auto *refresh = new QShortcut(QKeySequence::Refresh, this);
    connect(refresh, &QShortcut::activated, this, &InventoryPage::reload);

    m_scanner->setConfig(scanner);
    m_scanner->setReceiverFilter(ScannerInput::pageScope(this));
    connect(m_scanner, &ScannerInput::scanned, this, [this](const QString &code) {
        handleCode(code);
    });
    fillCampaigns();
}

InventoryPage::~InventoryPage()
{
    m_scanner->discard();
    m_scanner->uninstall();
}

void InventoryPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_scanner->install();
    // Coming back to the page: campaigns started meanwhile and scans synced from other teams.
    if (m_shownBefore && !event->spontaneous())
        reload();
    m_shownBefore = true;
}

void InventoryPage::hideEvent(QHideEvent *event)
{
    m_scanner->uninstall();
    QWidget::hideEvent(event);
}

QString InventoryPage::campaignId() const
{
    return m_campaign->currentData().toString();
}

void InventoryPage::fillCampaigns()
{
    const QString current = campaignId();
    QString error;
    const QList<Campaign> list = m_campaigns.list(m_session, &error);
    {
        const QSignalBlocker block(m_campaign);
        m_campaign->clear();
        for (const Campaign &c : list) {
            if (c.state == CampaignState::Preparing)
                continue;
            m_campaign->addItem(c.state == CampaignState::Closed ? tr("%1 (closed)").arg(c.name)
                                                                 : c.name,
                                c.id);
        }
        int index = m_campaign->findData(current);
        if (index < 0) {
            // The first campaign in progress.
            for (const Campaign &c : list) {
                if (c.state == CampaignState::InProgress) {
                    index = m_campaign->findData(c.id);
                    break;
                }
            }
        }
        m_campaign->setCurrentIndex(std::max(0, index));
    }
    if (!error.isEmpty())
        m_banner->showMessage(ScanBanner::Kind::Problem, error);
    else if (m_campaign->count() == 0)
        m_banner->showMessage(ScanBanner::Kind::Info,
                              tr("No campaign is in progress. The jefe de patrimonio starts one "
                                 "on the page “Campañas de inventario”."));
    loadCampaign();
}

void InventoryPage::loadCampaign()
{
    const QString id = campaignId();
    QString error;
    if (id.isEmpty()) {
        m_tally = CampaignTally();
        m_progress->clear();
        m_results->setResults({});
    } else if (!m_campaigns.loadTally(m_session, id, &m_tally, &error)) {
        m_banner->showMessage(ScanBanner::Kind::Problem, error);
        m_tally = CampaignTally();
    }
    if (m_tally.campaign().id != id || !m_tally.campaign().inScope(m_place.sedeId, m_place.areaId))
        m_place = {};
    fillAreas();
    refreshViews();
}

bool InventoryPage::reload()
{
    const InventoryPlace place = m_place;
    fillCampaigns();
    if (place.isValid() && m_tally.campaign().inScope(place.sedeId, place.areaId))
        setPlace(place);
    return true;
}

bool InventoryPage::selectCampaign(const QString &id)
{
    const int index = m_campaign->findData(id);
    if (index < 0)
        return false;
    m_campaign->setCurrentIndex(index);
    return true;
}

void InventoryPage::fillAreas()
{
    const Campaign &c = m_tally.campaign();
    const QString current = m_area->currentData().toString();
    const QSignalBlocker block(m_area);
    m_area->clear();
    if (!c.id.isEmpty()) {
        const QList<Place> areas = m_assets.areas();
        for (const Place &s : m_assets.sedes()) {
            for (const Place &a : areas) {
                if (a.sedeId == s.id && c.inScope(s.id, a.id))
                    m_area->addItem(QStringLiteral("%1 · %2").arg(s.name, a.name),
                                    s.id + u'|' + a.id);
            }
            if (c.inScope(s.id, QString()))
                m_area->addItem(tr("%1 · (no area)").arg(s.name), s.id + u'|');
        }
    }
    m_area->setCurrentIndex(std::max(0, m_area->findData(current)));
    fillAmbientes();
}

void InventoryPage::fillAmbientes()
{
    const QStringList parts = m_area->currentData().toString().split(u'|');
    const QString text = m_ambiente->currentText();
    const QSignalBlocker block(m_ambiente);
    m_ambiente->clear();
    if (parts.size() == 2) {
        for (const CampaignTally::PlaceProgress &p : m_tally.places()) {
            if (p.place.sedeId == parts.at(0) && p.place.areaId == parts.at(1))
                m_ambiente->addItem(p.place.ambiente, p.place.code());
        }
    }
    m_ambiente->setEditText(text);
}

void InventoryPage::choosePlaceFromBoxes()
{
    const QStringList parts = m_area->currentData().toString().split(u'|');
    if (parts.size() != 2 || m_ambiente->currentText().trimmed().isEmpty()) {
        refuse(tr("Choose the area and type or pick the room."));
        return;
    }
    if (setPlace({parts.at(0), parts.at(1), m_ambiente->currentText()}))
        m_field->setFocus(Qt::OtherFocusReason);
}

QString InventoryPage::placeText(const InventoryPlace &place) const
{
    QStringList parts{m_sedeNames.value(place.sedeId, place.sedeId)};
    if (!place.areaId.isEmpty())
        parts << m_areaNames.value(place.areaId, place.areaId);
    parts << InventoryPlace::normalizedAmbiente(place.ambiente);
    return parts.join(QStringLiteral(" · "));
}

bool InventoryPage::setPlace(const InventoryPlace &place)
{
    if (!place.isValid() || m_tally.campaign().id.isEmpty())
        return false;
    if (!m_tally.campaign().inScope(place.sedeId, place.areaId)) {
        refuse(tr("%1 is outside the scope of this campaign.").arg(placeText(place)));
        return false;
    }
    m_place = place;
    m_place.ambiente = InventoryPlace::normalizedAmbiente(place.ambiente);
    if (QCompleter *completer = m_ambiente->completer(); completer && completer->popup())
        completer->popup()->hide(); // the room is chosen: no list left open over the page
    {
        const QSignalBlocker b1(m_area);
        const QSignalBlocker b2(m_ambiente);
        m_area->setCurrentIndex(std::max(0, m_area->findData(place.sedeId + u'|' + place.areaId)));
    }
    fillAmbientes();
    m_ambiente->setEditText(m_place.ambiente);
    m_placeLabel->setText(
        tr("The team is in: %1 (label %2)").arg(placeText(m_place), m_place.code()));
    m_banner->showMessage(ScanBanner::Kind::Info, tr("Now scanning in %1.").arg(placeText(m_place)));
    const QModelIndex index = m_progress->indexOfPlace(m_place);
    if (index.isValid()) {
        m_progressView->expand(index.parent());
        m_progressView->setCurrentIndex(index);
        m_progressView->scrollTo(index);
    }
    return true;
}

InventoryPage::ScanKind InventoryPage::refuse(const QString &message)
{
    m_banner->showMessage(ScanBanner::Kind::Problem, message);
    if (m_beep)
        m_beep();
    return ScanKind::Refused;
}

InventoryPage::ScanKind InventoryPage::handleCode(const QString &input)
{
    m_field->clear();
    m_field->setFocus(Qt::OtherFocusReason);
    if (InventoryPlace::isAmbienteCode(input)) {
        const std::optional<InventoryPlace> p = m_tally.placeForCode(input);
        if (!p)
            return refuse(tr("The room label %1 is not a room of this campaign.")
                              .arg(InventoryPlace::normalizedCode(input)));
        return setPlace(*p) ? ScanKind::PlaceChosen : ScanKind::Refused;
    }
    const CodigoPatrimonial code(input);
    if (!code.isValid())
        return refuse(
            tr("“%1” is not a código patrimonial: %2").arg(input.trimmed(), code.problemText()));
    if (campaignId().isEmpty())
        return refuse(tr("Choose a campaign in progress first."));
    if (!m_place.isValid())
        return refuse(tr("Choose the room where the team is (or scan its label) before scanning "
                         "%1.")
                          .arg(code.toString()));
    std::optional<Estado> estado;
    const QString e = m_estado->currentData().toString();
    if (!e.isEmpty())
        estado = Estados::fromCode(e);
    CampaignScan scan;
    QString error;
    if (!m_campaigns
             .recordScan(m_session, campaignId(), m_place, code.toString(), estado, &scan, &error))
        return refuse(error);
    m_estado->setCurrentIndex(0); // for this scan only
    const CampaignTally::AddResult added = m_tally.add(scan);
    const CampaignResult &r = added.result;
    ScanKind kind = ScanKind::Found;
    QString message;
    ScanBanner::Kind look = ScanBanner::Kind::Found;
    if (added.added == CampaignTally::Added::Repeated) {
        kind = ScanKind::Repeated;
        look = ScanBanner::Kind::Repeated;
        message = tr("Already scanned: %1 (%2) has been scanned %n time(s) in this campaign; it "
                     "counts once.",
                     nullptr,
                     added.timesScanned)
                      .arg(r.codigo, r.inRegister ? r.denominacion : tr("not in the register"));
    } else if (!r.inRegister) {
        kind = ScanKind::NotInRegister;
        look = ScanBanner::Kind::Problem;
        message = tr("The code %1 is not in the register: recorded as a sobrante. Check the "
                     "label.")
                      .arg(r.codigo);
    } else if (r.outcome == CampaignOutcome::Sobrante) {
        kind = ScanKind::OutOfScope;
        look = ScanBanner::Kind::Problem;
        message = tr("%1 (%2) is registered in %3, outside this campaign: recorded as a sobrante.")
                      .arg(r.codigo, r.denominacion, placeText(r.registered));
    } else if (r.outcome == CampaignOutcome::OtroLugar) {
        kind = ScanKind::Elsewhere;
        look = ScanBanner::Kind::Info;
        message = tr("%1 (%2) is registered in %3: recorded as found in another place.")
                      .arg(r.codigo, r.denominacion, placeText(r.registered));
    } else {
        message = tr("%1: %2").arg(r.codigo, r.denominacion);
    }
    if (r.estadoCambiado && added.added != CampaignTally::Added::Repeated)
        message += u' '
                   + tr("Condition changed: %1 → %2.")
                         .arg(Estados::title(*r.estadoRegistrado),
                              Estados::title(*r.estadoObservado));
    m_banner->showMessage(look, message);
    if (kind != ScanKind::Found && kind != ScanKind::Elsewhere && m_beep)
        m_beep();
    refreshViews();
    return kind;
}

void InventoryPage::refreshViews()
{
    m_progress->setTally(m_tally);
    if (m_tally.campaign().state == CampaignState::Closed) {
        QString error;
        m_results->setResults(m_campaigns.frozenResults(m_session, m_tally.campaign().id, &error));
    } else {
        m_results->setResults(m_tally.results());
    }
    if (m_place.isValid()) {
        const QModelIndex index = m_progress->indexOfPlace(m_place);
        if (index.isValid())
            m_progressView->expand(index.parent());
    }
    const CampaignTotals t = m_tally.totals();
    m_totals->setText(tr("Expected %1 · found %2 · found elsewhere %3 · pending %4 · surplus %5 · "
                         "condition changed %6 · scanned more than once %7 · %8 scan(s)")
                          .arg(t.expected)
                          .arg(t.encontrados)
                          .arg(t.otroLugar)
                          .arg(t.faltantes)
                          .arg(t.sobrantes)
                          .arg(t.estadoCambiado)
                          .arg(t.repeated)
                          .arg(t.scans));
    if (m_campaign->count() > 0 && !m_place.isValid())
        m_placeLabel->setText(tr("Choose the area and the room where the team is, or scan the "
                                 "room's label."));
}

} // namespace tambo::patrimonio
