#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace tambo::shell {

// Sorts users the way a Spanish reader expects (QCollator: "Ñuñez" after "Nuñez", accents do
// not scatter names, numbers in natural order) and filters on username, full name and role
// ignoring case and accents ("perez" finds "Pérez").
class UserFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit UserFilterProxyModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_filter; }

    // Lower case without diacritics: the form both sides of the filter are compared in.
    static QString folded(const QString &text);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QCollator m_collator;
    QString m_filter;
    QString m_foldedFilter;
};

} // namespace tambo::shell
