#pragma once

#include "auth/UserInfo.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace tambo::shell {

// The local accounts as UserService::listUsers() gives them; a view sorts and filters it through
// UserFilterProxyModel. No SQL here: UsersPage fills it.
class UserTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Username, FullName, Role, Sede, Status, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // text or number to sort on
        UserIdRole,
        LockedRole, // bool: disabled or locked out
    };

    explicit UserTableModel(QObject *parent = nullptr);

    void setUsers(const QList<core::UserInfo> &users);
    // "Now" for the status column (a lockout in the past is no lockout); default: the system
    // time at each call of data().
    void setNow(const QDateTime &now) { m_now = now; }
    // Sede id → name for the Sede column; unknown ids show as they are.
    void setSedeNames(const QHash<QString, QString> &names);

    core::UserInfo userAt(int row) const;
    core::UserInfo userFromIndex(const QModelIndex &index) const;
    int rowOf(const QString &username) const;
    bool isLocked(const core::UserInfo &user) const;
    QString statusText(const core::UserInfo &user) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QDateTime now() const;

    QList<core::UserInfo> m_users;
    QHash<QString, QString> m_sedeNames;
    QDateTime m_now;
};

} // namespace tambo::shell
