#include "UsersPage.h"

#include "UserFilterProxyModel.h"
#include "UserTableModel.h"

#include "auth/RoleCatalog.h"
#include "auth/UserService.h"
#include "util/Clock.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
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
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(false);
    return button;
}
} // namespace

UsersPage::UsersPage(core::UserService &users,
                     const core::Session &session,
                     const core::Clock &clock,
                     QWidget *parent)
    : QWidget(parent)
    , m_users(users)
    , m_session(session)
    , m_clock(clock)
    , m_model(new UserTableModel(this))
    , m_proxy(new UserFilterProxyModel(this))
{
    setObjectName(QStringLiteral("usersPage"));

    auto *title = new QLabel(tr("Users"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Accounts that can log in on this PC. Locking an account stops "
                                "its logins until an administrator unlocks it."),
                             this);
    intro->setWordWrap(true);

    m_add = new QAction(QIcon(QStringLiteral(":/tambo/icons/user-plus.svg")),
                        tr("&New user…"),
                        this);
    m_add->setShortcut(QKeySequence::New);
    m_lock = new QAction(QIcon(QStringLiteral(":/tambo/icons/lock.svg")), tr("&Lock"), this);
    m_unlock = new QAction(QIcon(QStringLiteral(":/tambo/icons/unlock.svg")), tr("U&nlock"), this);
    m_reload = new QAction(QIcon(QStringLiteral(":/tambo/icons/refresh.svg")), tr("&Refresh"), this);
    m_reload->setShortcut(QKeySequence::Refresh);
    for (QAction *action : {m_add, m_lock, m_unlock, m_reload})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions({m_add, m_lock, m_unlock, m_reload});
    connect(m_add, &QAction::triggered, this, &UsersPage::showAddUserDialog);
    connect(m_lock, &QAction::triggered, this, &UsersPage::lockCurrent);
    connect(m_unlock, &QAction::triggered, this, &UsersPage::unlockCurrent);
    connect(m_reload, &QAction::triggered, this, &UsersPage::reload);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("usersFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, user or role…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(240);
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);

    auto *bar = new QHBoxLayout;
    bar->addWidget(toolButton(m_add, this));
    bar->addWidget(toolButton(m_lock, this));
    bar->addWidget(toolButton(m_unlock, this));
    bar->addWidget(toolButton(m_reload, this));
    bar->addStretch();
    bar->addWidget(filterLabel);
    bar->addWidget(m_filter);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("usersMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_proxy->setSourceModel(m_model);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("usersView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(UserTableModel::Username, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(UserTableModel::FullName, QHeaderView::Stretch);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &UserFilterProxyModel::setFilterText);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &UsersPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &UsersPage::updateActions);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    setTabOrder(m_filter, m_view);
    setFocusProxy(m_view);
    reload();
}

void UsersPage::setSedes(const QList<AddUserDialog::Choice> &sedes)
{
    m_sedes = sedes;
    QHash<QString, QString> names;
    for (const AddUserDialog::Choice &sede : sedes)
        names.insert(sede.id, sede.title);
    m_model->setSedeNames(names);
    fitColumns();
}

void UsersPage::fitColumns()
{
    for (int column : {UserTableModel::Username,
                       UserTableModel::Role,
                       UserTableModel::Sede,
                       UserTableModel::Status}) {
        m_view->resizeColumnToContents(column);
        m_view->setColumnWidth(column, std::min(m_view->columnWidth(column) + 16, 360));
    }
}

QString UsersPage::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void UsersPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { background: #fdecea; border: 1px "
                                                    "solid #f5c2bd; border-radius: 4px; padding: "
                                                    "6px; color: #8a1c12; }")
                                   : QStringLiteral("QLabel { background: #e9f5ec; border: 1px "
                                                    "solid #b9dfc3; border-radius: 4px; padding: "
                                                    "6px; color: #1e5631; }"));
    m_message->setVisible(!text.isEmpty());
}

bool UsersPage::reload()
{
    const QString keep = currentUsername();
    const core::UserService::ListResult result = m_users.listUsers(m_session);
    m_model->setNow(m_clock.now());
    if (!result.ok()) {
        m_model->setUsers({});
        showMessage(result.error, true);
        return false;
    }
    m_model->setUsers(result.users);
    fitColumns();
    if (!keep.isEmpty())
        selectUser(keep);
    updateActions();
    return true;
}

QString UsersPage::currentUsername() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return {};
    return m_model->userFromIndex(m_proxy->mapToSource(current)).username;
}

bool UsersPage::selectUser(const QString &username)
{
    const int row = m_model->rowOf(username);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void UsersPage::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const core::UserInfo user = current.isValid()
                                    ? m_model->userFromIndex(m_proxy->mapToSource(current))
                                    : core::UserInfo{};
    const bool selected = user.id > 0;
    const bool self = selected
                      && user.username.compare(m_session.username, Qt::CaseInsensitive) == 0;
    m_lock->setEnabled(selected && !self && !user.disabled);
    m_unlock->setEnabled(selected && m_model->isLocked(user));
}

bool UsersPage::addUser(const core::NewUser &user)
{
    const core::UserService::Result result = m_users.addUser(m_session, user);
    if (!result.ok()) {
        showMessage(result.error, true);
        return false;
    }
    reload();
    selectUser(user.username);
    showMessage(tr("User %1 was created.").arg(user.username), false);
    return true;
}

bool UsersPage::setLocked(const QString &username, bool locked)
{
    const core::UserService::Result result = m_users.setLocked(m_session, username, locked);
    if (!result.ok()) {
        showMessage(result.error, true);
        return false;
    }
    reload();
    showMessage(locked ? tr("User %1 is locked.").arg(username)
                       : tr("User %1 is unlocked.").arg(username),
                false);
    return true;
}

void UsersPage::showAddUserDialog()
{
    QList<AddUserDialog::Choice> roles;
    for (const core::RoleCatalog::Role &role : core::RoleCatalog::roles())
        roles.append({role.id, role.title});
    AddUserDialog dialog(roles, m_sedes, this);
    while (dialog.exec() == QDialog::Accepted) {
        const core::NewUser user = dialog.newUser();
        const core::UserService::Result result = m_users.addUser(m_session, user);
        if (result.ok()) {
            reload();
            selectUser(user.username);
            showMessage(tr("User %1 was created.").arg(user.username), false);
            return;
        }
        dialog.showError(result.error); // stay open so the form can be fixed
    }
}

void UsersPage::lockCurrent()
{
    const QString username = currentUsername();
    if (username.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this,
        tr("Lock user"),
        tr("Lock the account %1? It cannot log in until an administrator unlocks it.").arg(username),
        QMessageBox::Yes | QMessageBox::No,
        QMessageBox::No);
    if (answer == QMessageBox::Yes)
        setLocked(username, true);
}

void UsersPage::unlockCurrent()
{
    const QString username = currentUsername();
    if (!username.isEmpty())
        setLocked(username, false);
}

} // namespace tambo::shell
