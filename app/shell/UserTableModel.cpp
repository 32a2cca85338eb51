#include "UserTableModel.h"

#include <QColor>
#include <QIcon>
#include <QLocale>

namespace tambo::shell {

UserTableModel::UserTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void UserTableModel::setUsers(const QList<core::UserInfo> &users)
{
    beginResetModel();
    m_users = users;
    endResetModel();
}

void UserTableModel::setSedeNames(const QHash<QString, QString> &names)
{
    m_sedeNames = names;
    if (!m_users.isEmpty())
        emit dataChanged(index(0, Sede), index(rowCount() - 1, Sede));
}

core::UserInfo UserTableModel::userAt(int row) const
{
    return row >= 0 && row < m_users.size() ? m_users.at(row) : core::UserInfo{};
}

core::UserInfo UserTableModel::userFromIndex(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this ? userAt(index.row()) : core::UserInfo{};
}

int UserTableModel::rowOf(const QString &username) const
{
    for (int row = 0; row < m_users.size(); ++row) {
        if (m_users.at(row).username.compare(username, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

QDateTime UserTableModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

bool UserTableModel::isLocked(const core::UserInfo &user) const
{
    return user.disabled || (user.lockedUntil.isValid() && user.lockedUntil > now());
}

QString UserTableModel::statusText(const core::UserInfo &user) const
{
    if (user.disabled)
        return tr("Locked by an administrator");
    if (user.lockedUntil.isValid() && user.lockedUntil > now()) {
        return tr("Locked until %1 (failed attempts)")
            .arg(QLocale().toString(user.lockedUntil.toLocalTime().time(), QStringLiteral("HH:mm")));
    }
    return tr("Active");
}

int UserTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant UserTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::UserInfo &user = m_users.at(index.row());
    const auto column = Column(index.column());

    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (column) {
        case Username:
            return user.username;
        case FullName:
            return user.fullName;
        case Role:
            return user.roleTitle.isEmpty() ? user.roleId : user.roleTitle;
        case Sede:
            if (user.sedeId.isEmpty())
                return role == SortRole ? QString() : tr("(all)");
            return m_sedeNames.value(user.sedeId, user.sedeId);
        case Status:
            if (role == SortRole)
                return user.disabled ? 2 : (isLocked(user) ? 1 : 0);
            return statusText(user);
        case ColumnCount:
            break;
        }
        break;
    case Qt::DecorationRole:
        if (column == Status && isLocked(user))
            return QIcon(QStringLiteral(":/tambo/icons/lock.svg"));
        break;
    case Qt::ForegroundRole:
        if (column == Status && isLocked(user))
            return QColor(0x8a, 0x1c, 0x12);
        break;
    case Qt::ToolTipRole:
        if (column == Status && user.failedAttempts > 0)
            return tr("%n failed login attempt(s)", nullptr, user.failedAttempts);
        break;
    case UserIdRole:
        return user.id;
    case LockedRole:
        return isLocked(user);
    default:
        break;
    }
    return {};
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Username:
        return tr("Username");
    case FullName:
        return tr("Full name");
    case Role:
        return tr("Role");
    case Sede:
        return tr("Sede");
    case Status:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tambo::shell
