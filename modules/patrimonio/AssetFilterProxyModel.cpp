#include "AssetFilterProxyModel.h"

#include "AssetTableModel.h"

#include <QCollatorSortKey>
#include <QLocale>

#include <algorithm>
#include <vector>

namespace tambo::patrimonio {

namespace {

// From the best condition to the end of life.
int estadoRank(Estado estado)
{
    switch (estado) {
    case Estado::Nuevo:
        return 0;
    case Estado::Bueno:
        return 1;
    case Estado::Regular:
        return 2;
    case Estado::Malo:
        return 3;
    case Estado::Raee:
        return 4;
    case Estado::Chatarra:
        return 5;
    }
    return 6;
}

} // namespace

AssetFilterProxyModel::AssetFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_collator(QLocale(QLocale::Spanish, QLocale::Peru))
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setIgnorePunctuation(false);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void AssetFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    Q_ASSERT(!sourceModel || qobject_cast<AssetTableModel *>(sourceModel));
    if (sourceModel && !qobject_cast<AssetTableModel *>(sourceModel)) {
        qWarning("AssetFilterProxyModel works over an AssetTableModel only");
        return;
    }
    m_foldedGeneration = ~quint64(0);
    m_folded.clear();
    m_matches.clear();
    m_matchedPoolSize = -1;
    m_ranks.clear();
    m_sortRanks = nullptr;
    m_sortColumn = -1;
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

AssetTableModel *AssetFilterProxyModel::assets() const
{
    return static_cast<AssetTableModel *>(sourceModel());
}

QString AssetFilterProxyModel::folded(const QString &text)
{
    // Fast path: ASCII needs no decomposition.
    bool ascii = true;
    for (const QChar c : text) {
        if (c.unicode() > 0x7f) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return text.toLower();
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing) {
            continue;
        }
        out.append(c.toLower());
    }
    return out;
}

void AssetFilterProxyModel::updateFolded() const
{
    const AssetTableModel *model = assets();
    if (!model)
        return;
    if (m_foldedGeneration != model->resetGeneration()) {
        m_folded.clear();
        m_matches.clear();
        m_matchedPoolSize = -1;
        m_foldedGeneration = model->resetGeneration();
    }
    const AssetSnapshot &snapshot = model->snapshot();
    const int size = snapshot.poolSize();
    m_folded.reserve(size);
    for (qsizetype id = m_folded.size(); id < size; ++id)
        m_folded.append(folded(snapshot.text(int(id))));
}

void AssetFilterProxyModel::updateMatches() const
{
    updateFolded();
    const qsizetype size = m_folded.size();
    if (m_matchedPoolSize == size && m_matches.size() == m_terms.size())
        return;
    m_matches.resize(m_terms.size());
    for (qsizetype t = 0; t < m_terms.size(); ++t) {
        QBitArray &bits = m_matches[t];
        const qsizetype from = (m_matchedPoolSize >= 0 && bits.size() == m_matchedPoolSize)
                                   ? m_matchedPoolSize
                                   : 0;
        bits.resize(size);
        const QString &term = m_terms.at(t);
        for (qsizetype id = from; id < size; ++id)
            bits.setBit(id, m_folded.at(id).contains(term));
    }
    m_matchedPoolSize = size;
}

void AssetFilterProxyModel::refilter()
{
    // Qt 6.4 has no begin/endFilterChange(); invalidateFilter() re-runs filterAcceptsRow().
    invalidateFilter();
}

void AssetFilterProxyModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_terms = folded(text).split(u' ', Qt::SkipEmptyParts);
    m_matches.clear();
    m_matchedPoolSize = -1;
    refilter();
}

void AssetFilterProxyModel::setSedeFilter(const QString &sedeId)
{
    if (sedeId == m_sede)
        return;
    m_sede = sedeId;
    refilter();
}

void AssetFilterProxyModel::setAreaFilter(const QString &areaId)
{
    if (areaId == m_area)
        return;
    m_area = areaId;
    refilter();
}

void AssetFilterProxyModel::setEstadoFilter(const QList<Estado> &estados)
{
    if (estados == m_estados)
        return;
    m_estados = estados;
    refilter();
}

void AssetFilterProxyModel::setResponsableFilter(const QString &responsable)
{
    if (responsable == m_responsable)
        return;
    m_responsable = responsable;
    refilter();
}

void AssetFilterProxyModel::clearFilters()
{
    m_search.clear();
    m_terms.clear();
    m_matches.clear();
    m_matchedPoolSize = -1;
    m_sede.clear();
    m_area.clear();
    m_estados.clear();
    m_responsable.clear();
    refilter();
}

bool AssetFilterProxyModel::hasFilters() const
{
    return !m_terms.isEmpty() || !m_sede.isEmpty() || !m_area.isEmpty() || !m_estados.isEmpty()
           || !m_responsable.isEmpty();
}

bool AssetFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const AssetTableModel *model = assets();
    if (!model || sourceParent.isValid())
        return false;
    const AssetSnapshot &snapshot = model->snapshot();
    if (sourceRow < 0 || sourceRow >= snapshot.size())
        return false;
    const AssetSnapshot::Row &row = snapshot.row(sourceRow);
    if (!m_sede.isEmpty() && snapshot.text(row.sedeId) != m_sede)
        return false;
    if (!m_area.isEmpty() && snapshot.text(row.areaId) != m_area)
        return false;
    if (!m_estados.isEmpty() && !m_estados.contains(row.estado))
        return false;
    if (!m_responsable.isEmpty() && snapshot.text(row.responsable) != m_responsable)
        return false;
    if (m_terms.isEmpty())
        return true;
    updateMatches();
    for (const QBitArray &bits : std::as_const(m_matches)) {
        if (!bits.testBit(row.codigo) && !bits.testBit(row.denominacion) && !bits.testBit(row.marca)
            && !bits.testBit(row.serie) && !bits.testBit(row.responsable)) {
            return false;
        }
    }
    return true;
}

const QList<int> &AssetFilterProxyModel::ranks(int column) const
{
    const AssetTableModel *model = assets();
    Ranks &r = m_ranks[column];
    if (r.generation == model->generation())
        return r.byRow;
    const AssetSnapshot &snapshot = model->snapshot();
    // The distinct texts of the column: sede and area show names, not ids.
    std::vector<int> ids;
    std::vector<char> used(size_t(snapshot.poolSize()), 0);
    for (int row = 0; row < snapshot.size(); ++row) {
        const int id = model->poolIdAt(row, column);
        if (id >= 0 && !used[size_t(id)]) {
            used[size_t(id)] = 1;
            ids.push_back(id);
        }
    }
    auto shown = [&](int id) {
        const QString &text = snapshot.text(id);
        if (column == AssetTableModel::Sede)
            return model->sedeName(text);
        if (column == AssetTableModel::Area)
            return text.isEmpty() ? text : model->areaName(text);
        return text;
    };
    if (column == AssetTableModel::Codigo) {
        // 12 ASCII digits each: plain comparison is the natural order.
        std::sort(ids.begin(), ids.end(), [&](int a, int b) {
            return snapshot.text(a) < snapshot.text(b);
        });
    } else {
        std::vector<QCollatorSortKey> keys;
        keys.reserve(ids.size());
        std::vector<int> order(ids.size());
        for (size_t i = 0; i < ids.size(); ++i) {
            keys.push_back(m_collator.sortKey(shown(ids[i])));
            order[i] = int(i);
        }
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return keys[size_t(a)].compare(keys[size_t(b)]) < 0;
        });
        std::vector<int> sorted;
        sorted.reserve(ids.size());
        for (int i : order)
            sorted.push_back(ids[size_t(i)]);
        ids.swap(sorted);
    }
    std::vector<int> byPoolId(size_t(snapshot.poolSize()), -1);
    for (size_t rank = 0; rank < ids.size(); ++rank)
        byPoolId[size_t(ids[rank])] = int(rank);
    // Per row, so that lessThan() compares two integers.
    r.byRow = QList<int>(snapshot.size(), -1);
    for (int row = 0; row < snapshot.size(); ++row) {
        const int id = model->poolIdAt(row, column);
        r.byRow[row] = id >= 0 ? byPoolId[size_t(id)] : -1;
    }
    r.generation = model->generation();
    return r.byRow;
}

bool AssetFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const AssetTableModel *model = assets();
    if (!model)
        return false;
    const int column = left.column();
    const AssetSnapshot &snapshot = model->snapshot();
    const AssetSnapshot::Row &l = snapshot.row(left.row());
    const AssetSnapshot::Row &r = snapshot.row(right.row());
    switch (column) {
    case AssetTableModel::EstadoColumn:
        return estadoRank(l.estado) < estadoRank(r.estado);
    case AssetTableModel::SituacionColumn:
        return l.situacion == Situacion::Uso && r.situacion == Situacion::Desuso;
    case AssetTableModel::Valor:
        return l.valorCentimos < r.valorCentimos;
    default: {
        if (m_sortColumn != column || m_sortGeneration != model->generation()) {
            m_sortRanks = &ranks(column);
            m_sortColumn = column;
            m_sortGeneration = model->generation();
        }
        const QList<int> &byRow = *m_sortRanks;
        return byRow.at(left.row()) < byRow.at(right.row());
    }
    }
}

} // namespace tambo::patrimonio
