#pragma once

#include "module/PageDescriptor.h"

#include <QAbstractListModel>
#include <QList>

namespace tambo::shell {

// The pages of the left navigation list, in order: the shell's built-in pages and those of the
// modules, already filtered by the session's permissions (ModuleManager::pagesFor()).
class NavigationModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        PageIdRole = Qt::UserRole + 1,
        ModuleIdRole,
        PermissionRole,
        ShortcutRole, // "Ctrl+3" for the first nine pages, else empty
    };

    explicit NavigationModel(QObject *parent = nullptr);

    // Sorted by PageDescriptor::order, then by the order given.
    void setPages(QList<core::PageDescriptor> pages);
    QList<core::PageDescriptor> pages() const { return m_pages; }

    core::PageDescriptor page(int row) const;
    int rowOf(const QString &pageId) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString shortcutText(int row); // empty past the ninth page

private:
    QList<core::PageDescriptor> m_pages;
};

} // namespace tambo::shell
