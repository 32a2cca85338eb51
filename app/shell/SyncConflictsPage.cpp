#include "SyncConflictsPage.h"

#include "auth/Permission.h"
#include "sync/LocalSyncStore.h"
#include "sync/SyncConflictResolver.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tambo::shell {

namespace {

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

QString quotedValue(const QString &text)
{
    return QStringLiteral("«%1»").arg(text.size() > 80 ? text.left(77) + QStringLiteral("…") : text);
}

} // namespace

SyncConflictsPage::SyncConflictsPage(core::LocalSyncStore &store,
                                     core::SyncConflictResolver &resolver,
                                     const core::Session &session,
                                     QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_resolver(resolver)
    , m_session(session)
    , m_model(new SyncConflictTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("syncConflictsPage"));
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::No)
               == QMessageBox::Yes;
    };

    auto *title = new QLabel(tr("Sync conflicts"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Changes of this PC that the server could not simply take: the "
                                "same field changed on two PCs, a record changed on one PC and "
                                "deleted on another, or a change the server rejected. Choose for "
                                "each field which value stays; the choice is synchronized and "
                                "recorded in the audit log."),
                             this);
    intro->setWordWrap(true);

    m_keepMine = new QAction(tr("Keep &mine"), this);
    m_keepMine->setObjectName(QStringLiteral("actionKeepMine"));
    m_keepMine->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_keepMine->setToolTip(tr("Send this PC's value to the server (Ctrl+M)"));
    m_keepTheirs = new QAction(tr("Keep &theirs"), this);
    m_keepTheirs->setObjectName(QStringLiteral("actionKeepTheirs"));
    m_keepTheirs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_keepTheirs->setToolTip(tr("Leave the server's value (Ctrl+T)"));
    m_discard = new QAction(tr("&Discard"), this);
    m_discard->setObjectName(QStringLiteral("actionDiscard"));
    m_discard->setShortcut(QKeySequence(Qt::Key_Delete));
    m_discard->setToolTip(tr("Acknowledge the rejected change; it is not sent again (Delete)"));
    m_retry = new QAction(tr("Re&try"), this);
    m_retry->setObjectName(QStringLiteral("actionRetry"));
    m_retry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_retry->setToolTip(tr("Send the rejected change again (Ctrl+R)"));
    m_reload = new QAction(QIcon(QStringLiteral(":/tambo/icons/refresh.svg")), tr("&Refresh"), this);
    m_reload->setShortcut(QKeySequence::Refresh);
    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    for (QAction *action : {m_keepMine, m_keepTheirs, m_discard, m_retry, m_reload, findAction})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions({m_keepMine, m_keepTheirs, m_discard, m_retry, m_reload, findAction});
    connect(m_keepMine, &QAction::triggered, this, &SyncConflictsPage::keepMine);
    connect(m_keepTheirs, &QAction::triggered, this, &SyncConflictsPage::keepTheirs);
    connect(m_discard, &QAction::triggered, this, &SyncConflictsPage::discard);
    connect(m_retry, &QAction::triggered, this, &SyncConflictsPage::retry);
    connect(m_reload, &QAction::triggered, this, &SyncConflictsPage::reload);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("syncConflictsFilter"));
    m_filter->setPlaceholderText(tr("Filter by table, record, field or value…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(260);
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    connect(findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    auto *bar = new QHBoxLayout;
    QList<QToolButton *> buttons;
    for (QAction *action : {m_keepMine, m_keepTheirs, m_discard, m_retry, m_reload}) {
        buttons << toolButton(action, this);
        bar->addWidget(buttons.constLast());
    }
    buttons.constLast()->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addStretch();
    bar->addWidget(filterLabel);
    bar->addWidget(m_filter);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("syncConflictsSummary"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("syncConflictsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SyncConflictTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter,
            &QLineEdit::textChanged,
            m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("syncConflictsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    // Until a header is clicked: the store's order (conflicts as recorded, then rejections).
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false); // Tab leaves the list (to the details), as the help says
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(SyncConflictTableModel::ServerValue,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(SyncConflictTableModel::LocalValue,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->installEventFilter(this);

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("syncConflictsDetails"));
    m_details->setReadOnly(true);
    m_details->setTabChangesFocus(true);
    m_details->setPlaceholderText(tr("Choose a row to see both values."));
    m_details->installEventFilter(this);
    auto *detailsLabel = new QLabel(tr("D&etails"), this);
    detailsLabel->setBuddy(m_details);
    auto *detailsBox = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(0, 4, 0, 0);
    detailsLayout->addWidget(detailsLabel);
    detailsLayout->addWidget(m_details);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(detailsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &SyncConflictsPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SyncConflictsPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &SyncConflictsPage::updateActions);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    setTabOrder(m_filter, m_view);
    setTabOrder(m_view, m_details);
    QWidget *previous = m_details;
    for (QToolButton *button : std::as_const(buttons)) {
        setTabOrder(previous, button);
        previous = button;
    }
    setFocusProxy(m_view);

    if (!m_session.can(QString::fromLatin1(core::Permissions::SyncResolve))) {
        showMessage(tr("Your role may see these conflicts but not resolve them. Ask the OTIC "
                       "office."),
                    true);
    }
    reload();
}

QString SyncConflictsPage::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void SyncConflictsPage::showMessage(const QString &text, bool error)
{
    m_messageIsError = error;
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { background: #fdecea; border: 1px "
                                                    "solid #f5c2bd; border-radius: 4px; padding: "
                                                    "6px; color: #8a1c12; }")
                                   : QStringLiteral("QLabel { background: #e9f5ec; border: 1px "
                                                    "solid #b9dfc3; border-radius: 4px; padding: "
                                                    "6px; color: #1e5631; }"));
    m_message->setVisible(!text.isEmpty());
}

void SyncConflictsPage::updateSummary()
{
    if (m_model->rowCount() == 0) {
        m_summary->setText(tr("Nothing to resolve: the server took every change of this PC."));
        return;
    }
    m_summary->setText(tr("To resolve: %1, %2.")
                           .arg(tr("%n conflicting field(s)", nullptr, m_model->conflictCount()),
                                tr("%n rejected change(s)", nullptr, m_model->rejectedCount())));
}

void SyncConflictsPage::reload()
{
    const SyncConflictTableModel::Item keep = currentItem();
    const int keepRow = m_view->currentIndex().row();
    m_model->setItems(m_store.unresolvedConflicts(), m_store.rejectedEntries());
    for (int column : {SyncConflictTableModel::Kind,
                       SyncConflictTableModel::Table,
                       SyncConflictTableModel::Record,
                       SyncConflictTableModel::Field,
                       SyncConflictTableModel::Recorded}) {
        m_view->resizeColumnToContents(column);
        m_view->setColumnWidth(column, std::min(m_view->columnWidth(column) + 16, 200));
    }
    if (!selectItem(keep) && m_proxy->rowCount() > 0) {
        const int row = std::clamp(keepRow, 0, m_proxy->rowCount() - 1);
        m_view->setCurrentIndex(m_proxy->index(row, 0));
    }
    updateSummary();
    updateActions();
}

SyncConflictTableModel::Item SyncConflictsPage::currentItem() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return {};
    return m_model->itemAt(m_proxy->mapToSource(current).row());
}

bool SyncConflictsPage::selectItem(const SyncConflictTableModel::Item &item)
{
    if (!item.isValid())
        return false;
    const int row = m_model->rowOf(item);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void SyncConflictsPage::updateActions()
{
    const SyncConflictTableModel::Item item = currentItem();
    const bool allowed = m_session.can(QString::fromLatin1(core::Permissions::SyncResolve));
    m_keepMine->setEnabled(allowed && item.isValid() && item.conflict);
    m_keepTheirs->setEnabled(allowed && item.isValid() && item.conflict);
    m_discard->setEnabled(allowed && item.isValid() && !item.conflict);
    m_retry->setEnabled(allowed && item.isValid() && !item.conflict);
    const int row = item.isValid() ? m_model->rowOf(item) : -1;
    m_details->setPlainText(row >= 0 ? m_model->details(row) : QString());
}

bool SyncConflictsPage::keepMine()
{
    return resolve(Action::KeepMine);
}

bool SyncConflictsPage::keepTheirs()
{
    return resolve(Action::KeepTheirs);
}

bool SyncConflictsPage::discard()
{
    return resolve(Action::Discard);
}

bool SyncConflictsPage::retry()
{
    return resolve(Action::Retry);
}

bool SyncConflictsPage::resolve(Action action)
{
    const SyncConflictTableModel::Item item = currentItem();
    const bool forConflict = action == Action::KeepMine || action == Action::KeepTheirs;
    if (!item.isValid() || item.conflict != forConflict) {
        showMessage(forConflict ? tr("Choose a conflict in the list first.")
                                : tr("Choose a rejected change in the list first."),
                    true);
        return false;
    }
    const int row = m_model->rowOf(item);
    core::SyncConflictResolver::Result result;
    if (forConflict) {
        const core::LocalSyncStore::Conflict &c = *m_model->conflictAt(row);
        const QString what = c.kind == QLatin1String("edit_delete")
                                 ? tr("the record %1 of %2").arg(c.rowId, c.table)
                                 : tr("the field %1 of the record %2 of %3")
                                       .arg(c.field, c.rowId, c.table);
        const QString mine = quotedValue(
            m_model->data(m_model->index(row, SyncConflictTableModel::LocalValue)).toString());
        const QString theirs = quotedValue(
            m_model->data(m_model->index(row, SyncConflictTableModel::ServerValue)).toString());
        if (action == Action::KeepMine) {
            if (!m_confirm(tr("Keep this PC's value"),
                           tr("Send this PC's value %1 of %2 to the server? It replaces %3, "
                              "written on another PC.")
                               .arg(mine, what, theirs)))
                return false;
            result = m_resolver.keepMine(m_session, item.id);
        } else {
            if (!m_confirm(tr("Keep the server's value"),
                           tr("Keep the server's value %1 of %2? This PC's value %3 is left "
                              "aside.")
                               .arg(theirs, what, mine)))
                return false;
            result = m_resolver.keepTheirs(m_session, item.id);
        }
    } else {
        const core::LocalSyncStore::Rejected &r = *m_model->rejectedAt(row);
        if (action == Action::Discard) {
            if (!m_confirm(tr("Discard the rejected change"),
                           tr("Discard the rejected change to the record %1 of %2? It will not "
                              "be sent to the server again.")
                               .arg(r.rowId, r.table)))
                return false;
            result = m_resolver.discard(m_session, item.id);
        } else {
            result = m_resolver.retry(m_session, item.id);
        }
    }
    showMessage(result.message, !result.ok);
    reload();
    if (result.ok)
        emit resolved();
    return result.ok && !result.alreadyResolved;
}

bool SyncConflictsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (watched == m_view && enter && key->modifiers() == Qt::NoModifier
            && m_view->currentIndex().isValid()) {
            m_details->setFocus(Qt::OtherFocusReason);
            return true;
        }
        if (watched == m_details && key->key() == Qt::Key_Escape) {
            m_view->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace tambo::shell
