#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace tambo::patrimonio {

// Filter and sorting of the campaign list: text contained in the name or scope (ignoring case
// and accents), and a state ("preparing", "in_progress", "closed"; empty = all). Sorts by
// CampaignTableModel::SortRole: numbers and ISO dates as such, texts with QCollator (es_PE).
class CampaignFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CampaignFilterProxyModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setStateFilter(const QString &stateKey);
    QString text() const { return m_text; }
    QString stateFilter() const { return m_state; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    static QString folded(const QString &text);

    QCollator m_collator;
    QString m_text; // folded
    QString m_state;
};

} // namespace tambo::patrimonio
