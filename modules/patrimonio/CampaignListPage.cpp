#include "CampaignListPage.h"

#include "AssetRepository.h"
#include "CampaignDialog.h"
#include "CampaignFilterProxyModel.h"
#include "CampaignRepository.h"
#include "CampaignTableModel.h"
#include "LabelPrintDialog.h"
#include "LabelProfileCatalog.h"
#include "PatrimonioPermissions.h"

#include "auth/Session.h"

#include <QAction>
#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QShortcut>
#include <QStandardPaths>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace tambo::patrimonio {

CampaignListPage::CampaignListPage(CampaignRepository &campaigns,
                                   AssetRepository &assets,
                                   const core::Session &session,
                                   QWidget *parent)
    : QWidget(parent)
    , m_campaigns(campaigns)
    , m_assets(assets)
    , m_session(session)
    , m_model(new CampaignTableModel(this))
    , m_proxy(new CampaignFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_state(new QComboBox(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("patrimonioCampaignsPage"));
    m_outputDir = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                      .filePath(QStringLiteral("Tambo/Inventario"));
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Close campaign"), question) == QMessageBox::Yes;
    };
    m_sedes = m_assets.sedes();
    m_areas = m_assets.areas();
    m_model->setPlaceNames(sedeNames(), areaNames());
    m_proxy->setSourceModel(m_model);

    auto *toolbar = new QToolBar(this);
    m_new = toolbar->addAction(tr("&New campaign…"), this, &CampaignListPage::showNewCampaignDialog);
    m_new->setShortcut(QKeySequence::New);
    m_start = toolbar->addAction(tr("&Start"), this, &CampaignListPage::startCurrent);
    // Ctrl+Shift+I ("iniciar"): Ctrl+Shift+S is the app-wide "sync now".
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_close = toolbar->addAction(tr("&Close and write the acta…"),
                                 this,
                                 &CampaignListPage::closeCurrent);
    m_close->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_export = toolbar->addAction(tr("&Write documents again"),
                                  this,
                                  &CampaignListPage::exportCurrent);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    for (QAction *a : {m_new, m_start, m_close, m_export}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(
            QStringLiteral("%1 (%2)").arg(a->text().remove(u'&').remove(QStringLiteral("…")),
                                          a->shortcut().toString(QKeySequence::NativeText)));
    }
    const bool manager = m_session.can(QString::fromLatin1(Permissions::InventoryManage));
    if (manager)
        addActions({m_new, m_start, m_close, m_export});
    toolbar->setVisible(manager);

    m_filter->setObjectName(QStringLiteral("campaignFilter"));
    m_filter->setPlaceholderText(tr("Name, year or scope"));
    m_filter->setClearButtonEnabled(true);
    m_state->setObjectName(QStringLiteral("campaignStateFilter"));
    m_state->addItem(tr("All states"), QString());
    for (const CampaignState s :
         {CampaignState::Preparing, CampaignState::InProgress, CampaignState::Closed})
        m_state->addItem(Campaigns::stateTitle(s), Campaigns::stateKey(s));
    auto *filterLabel = new QLabel(tr("&Search:"), this);
    filterLabel->setBuddy(m_filter);
    auto *stateLabel = new QLabel(tr("S&tate:"), this);
    stateLabel->setBuddy(m_state);
    auto *filters = new QHBoxLayout;
    filters->addWidget(filterLabel);
    filters->addWidget(m_filter, 2);
    filters->addWidget(stateLabel);
    filters->addWidget(m_state, 1);
    m_labelsAction = new QAction(tr("Print &labels of the campaign…"), this);
    m_labelsAction->setObjectName(QStringLiteral("campaignLabelsAction"));
    m_labelsAction->setShortcut(QKeySequence::Print);
    m_labelsAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_labelsAction->setVisible(false);
    connect(m_labelsAction, &QAction::triggered, this, [this] { printCampaignLabels(); });
    addAction(m_labelsAction);
    auto *labelsButton = new QToolButton(this);
    labelsButton->setObjectName(QStringLiteral("campaignLabelsButton"));
    labelsButton->setDefaultAction(m_labelsAction);
    labelsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    filters->addWidget(labelsButton);

    m_view->setObjectName(QStringLiteral("campaignTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(CampaignTableModel::Year, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setColumnWidth(CampaignTableModel::Name, 220);
    m_view->setColumnWidth(CampaignTableModel::Year, 70);
    m_view->setColumnWidth(CampaignTableModel::Cutoff, 120);
    m_view->setColumnWidth(CampaignTableModel::State, 120);
    m_view->setColumnWidth(CampaignTableModel::Scope, 260);
    m_view->setColumnWidth(CampaignTableModel::Comision, 300);
    m_view->setAccessibleName(tr("Inventory campaigns"));

    m_message->setObjectName(QStringLiteral("campaignMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(toolbar);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    setFocusProxy(m_view);

    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &CampaignFilterProxyModel::setText);
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_view->setFocus(Qt::OtherFocusReason);
        if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_view->setCurrentIndex(m_proxy->index(0, 0));
    });
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStateFilter(m_state->currentData().toString());
    });
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &CampaignListPage::updateActions);
    reload();
}

QHash<QString, QString> CampaignListPage::sedeNames() const
{
    QHash<QString, QString> names;
    for (const Place &p : m_sedes)
        names.insert(p.id, p.name);
    return names;
}

QHash<QString, QString> CampaignListPage::areaNames() const
{
    QHash<QString, QString> names;
    for (const Place &p : m_areas)
        names.insert(p.id, p.name);
    return names;
}

QString CampaignListPage::messageText() const
{
    return m_message->text();
}

void CampaignListPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #9c1c1c; font-weight: bold;")
                                   : QString());
}

bool CampaignListPage::reload()
{
    const QString current = currentId();
    QString error;
    const QList<Campaign> list = m_campaigns.list(m_session, &error);
    if (!error.isEmpty()) {
        showMessage(error, true);
        return false;
    }
    m_model->setCampaigns(list);
    if (!current.isEmpty())
        selectCampaign(current);
    else if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
    updateActions();
    return true;
}

void CampaignListPage::setLabelPrinting(const LabelService *labels,
                                        std::shared_ptr<const LabelProfileCatalog> profiles)
{
    m_labels = labels;
    m_profiles = std::move(profiles);
    m_labelsAction->setVisible(m_labels && m_profiles);
}

QStringList CampaignListPage::scopeCodigos(const QString &campaignId, QString *error) const
{
    CampaignTally tally;
    if (!m_campaigns.loadTally(m_session, campaignId, &tally, error))
        return {};
    // Every registered bien expected in the scope: found here or elsewhere, or not yet found.
    QStringList codigos;
    for (const CampaignResult &r : tally.results()) {
        if (r.inRegister && r.outcome != CampaignOutcome::Sobrante)
            codigos << r.codigo;
    }
    codigos.sort();
    return codigos;
}

LabelPrintDialog *CampaignListPage::printCampaignLabels()
{
    if (!m_labels || !m_profiles)
        return nullptr;
    const QString id = currentId();
    if (id.isEmpty()) {
        showMessage(tr("Choose a campaign first."), true);
        return nullptr;
    }
    QString error;
    const QStringList codigos = scopeCodigos(id, &error);
    if (!error.isEmpty()) {
        showMessage(error, true);
        return nullptr;
    }
    if (codigos.isEmpty()) {
        showMessage(tr("The campaign's scope has no registered assets to label."), true);
        return nullptr;
    }
    auto *dialog = new LabelPrintDialog(*m_labels, m_session, *m_profiles, codigos, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QString CampaignListPage::currentId() const
{
    return m_view->currentIndex().data(CampaignTableModel::IdRole).toString();
}

bool CampaignListPage::selectCampaign(const QString &id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    return true;
}

void CampaignListPage::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const QString state = current.data(CampaignTableModel::StateRole).toString();
    m_start->setEnabled(state == Campaigns::stateKey(CampaignState::Preparing));
    m_close->setEnabled(state == Campaigns::stateKey(CampaignState::InProgress));
    m_export->setEnabled(state == Campaigns::stateKey(CampaignState::Closed));
}

bool CampaignListPage::createCampaign(Campaign campaign)
{
    QString error;
    if (!m_campaigns.create(m_session, &campaign, &error)) {
        showMessage(error, true);
        return false;
    }
    reload();
    selectCampaign(campaign.id);
    showMessage(tr("Campaign “%1” created. Start it when the comisión is ready (Ctrl+Shift+S).")
                    .arg(campaign.name),
                false);
    emit campaignsChanged();
    return true;
}

void CampaignListPage::showNewCampaignDialog()
{
    CampaignDialog dialog(m_sedes, m_areas, m_campaigns.today().year(), this);
    while (dialog.exec() == QDialog::Accepted) {
        Campaign campaign = dialog.campaign();
        QString error;
        if (m_campaigns.create(m_session, &campaign, &error)) {
            reload();
            selectCampaign(campaign.id);
            showMessage(tr("Campaign “%1” created. Start it when the comisión is ready "
                           "(Ctrl+Shift+S).")
                            .arg(campaign.name),
                        false);
            emit campaignsChanged();
            break;
        }
        dialog.showError(error);
    }
    m_view->setFocus(Qt::OtherFocusReason);
}

bool CampaignListPage::startCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return false;
    QString error;
    if (!m_campaigns.start(m_session, id, &error)) {
        showMessage(error, true);
        return false;
    }
    reload();
    showMessage(tr("The campaign is in progress: the teams can scan on the page “Toma de "
                   "inventario”."),
                false);
    emit campaignsChanged();
    return true;
}

bool CampaignListPage::closeCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return false;
    const Campaign campaign = m_model->campaignAt(m_model->rowOfId(id));
    CampaignTally tally;
    QString error;
    if (!m_campaigns.loadTally(m_session, id, &tally, &error)) {
        showMessage(error, true);
        return false;
    }
    const CampaignTotals t = tally.totals();
    const QString question = tr("Close “%1”? The outcomes are frozen with the scans this PC holds "
                                "now: %2 found, %3 found elsewhere, %4 missing, %5 surplus. Make "
                                "sure every team has synchronised first.")
                                 .arg(campaign.name)
                                 .arg(t.encontrados)
                                 .arg(t.otroLugar)
                                 .arg(t.faltantes)
                                 .arg(t.sobrantes);
    if (m_confirm && !m_confirm(question))
        return false;
    if (!m_campaigns.close(m_session, id, nullptr, &error)) {
        showMessage(error, true);
        return false;
    }
    reload();
    emit campaignsChanged();
    return exportCurrent();
}

bool CampaignListPage::exportCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return false;
    QString error;
    const std::optional<Campaign> campaign = m_campaigns.find(id, &error);
    if (!campaign || campaign->state != CampaignState::Closed) {
        showMessage(error.isEmpty() ? tr("Only a closed campaign has an acta.") : error, true);
        return false;
    }
    const QList<CampaignResult> results = m_campaigns.frozenResults(m_session, id, &error);
    if (!error.isEmpty()) {
        showMessage(error, true);
        return false;
    }
    CampaignReport report(*campaign, results);
    report.setPlaceNames(sedeNames(), areaNames());
    CampaignReport::Files files;
    if (!report.writeAll(m_outputDir, &files, &error)) {
        showMessage(error, true);
        return false;
    }
    m_lastFiles = files;
    showMessage(tr("Campaign “%1” closed. Written: %2, %3 and %4.")
                    .arg(campaign->name,
                         QDir::toNativeSeparators(files.acta),
                         QDir::toNativeSeparators(files.informe),
                         QDir::toNativeSeparators(files.csv)),
                false);
    return true;
}

} // namespace tambo::patrimonio
