#include "CampaignFilterProxyModel.h"

#include "CampaignTableModel.h"

#include <QLocale>

namespace tambo::patrimonio {

CampaignFilterProxyModel::CampaignFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_collator(QLocale(QLocale::Spanish, QLocale::Peru))
{
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
    setSortRole(CampaignTableModel::SortRole);
}

QString CampaignFilterProxyModel::folded(const QString &text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.category() != QChar::Mark_NonSpacing)
            out += c.toLower();
    }
    return out;
}

void CampaignFilterProxyModel::setText(const QString &text)
{
    const QString f = folded(text.simplified());
    if (f == m_text)
        return;
    m_text = f;
    invalidateFilter();
}

void CampaignFilterProxyModel::setStateFilter(const QString &stateKey)
{
    if (stateKey == m_state)
        return;
    m_state = stateKey;
    invalidateFilter();
}

bool CampaignFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex name = m->index(sourceRow, CampaignTableModel::Name, sourceParent);
    if (!m_state.isEmpty() && name.data(CampaignTableModel::StateRole).toString() != m_state)
        return false;
    if (m_text.isEmpty())
        return true;
    const QString haystack = folded(
        name.data().toString() + u' '
        + m->index(sourceRow, CampaignTableModel::Scope, sourceParent).data().toString() + u' '
        + m->index(sourceRow, CampaignTableModel::Year, sourceParent).data().toString());
    return haystack.contains(m_text);
}

bool CampaignFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::Int && r.typeId() == QMetaType::Int)
        return l.toInt() < r.toInt();
    return m_collator.compare(l.toString(), r.toString()) < 0;
}

} // namespace tambo::patrimonio
