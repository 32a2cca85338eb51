#include "NavigationModel.h"

#include <QIcon>
#include <QKeySequence>

#include <algorithm>

namespace tambo::shell {

NavigationModel::NavigationModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void NavigationModel::setPages(QList<core::PageDescriptor> pages)
{
    std::stable_sort(pages.begin(), pages.end(), [](const auto &a, const auto &b) {
        return a.order < b.order;
    });
    beginResetModel();
    m_pages = std::move(pages);
    endResetModel();
}

core::PageDescriptor NavigationModel::page(int row) const
{
    return row >= 0 && row < m_pages.size() ? m_pages.at(row) : core::PageDescriptor{};
}

int NavigationModel::rowOf(const QString &pageId) const
{
    for (int row = 0; row < m_pages.size(); ++row) {
        if (m_pages.at(row).id == pageId)
            return row;
    }
    return -1;
}

int NavigationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pages.size());
}

QString NavigationModel::shortcutText(int row)
{
    if (row < 0 || row > 8)
        return {};
    return QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)).toString(QKeySequence::NativeText);
}

QVariant NavigationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::PageDescriptor &page = m_pages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return page.title;
    case Qt::ToolTipRole: {
        const QString shortcut = shortcutText(index.row());
        return shortcut.isEmpty() ? page.title : tr("%1 (%2)").arg(page.title, shortcut);
    }
    case Qt::DecorationRole: {
        QIcon icon;
        if (page.iconName.startsWith(QLatin1Char(':')))
            icon = QIcon(page.iconName);
        else if (!page.iconName.isEmpty())
            icon = QIcon::fromTheme(page.iconName);
        if (icon.isNull())
            icon = QIcon(QStringLiteral(":/tambo/icons/module.svg"));
        return icon;
    }
    case PageIdRole:
        return page.id;
    case ModuleIdRole:
        return page.moduleId;
    case PermissionRole:
        return page.requiredPermission;
    case ShortcutRole:
        return shortcutText(index.row());
    default:
        return {};
    }
}

QHash<int, QByteArray> NavigationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(PageIdRole, "pageId");
    names.insert(ModuleIdRole, "moduleId");
    names.insert(PermissionRole, "permission");
    names.insert(ShortcutRole, "shortcut");
    return names;
}

} // namespace tambo::shell
