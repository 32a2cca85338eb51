#include "AssetSnapshot.h"

namespace tambo::patrimonio {

AssetSnapshot::AssetSnapshot()
{
    m_pool.append(QString());
    m_ids.insert(QString(), 0);
}

int AssetSnapshot::intern(const QString &text)
{
    if (text.isEmpty())
        return 0;
    const auto it = m_ids.constFind(text);
    if (it != m_ids.constEnd())
        return it.value();
    const int id = int(m_pool.size());
    m_pool.append(text);
    m_ids.insert(text, id);
    return id;
}

int AssetSnapshot::rowOfCodigo(const QString &codigo) const
{
    const int id = poolIdOf(codigo);
    return id <= 0 ? -1 : m_rowByCodigo.value(id, -1);
}

void AssetSnapshot::reserve(int rows)
{
    m_rows.reserve(rows);
    m_rowByCodigo.reserve(rows);
    m_pool.reserve(rows * 2 + 1024);
    m_ids.reserve(rows * 2 + 1024);
}

void AssetSnapshot::append(const Row &row)
{
    m_rowByCodigo.insert(row.codigo, int(m_rows.size()));
    m_rows.append(row);
}

int AssetSnapshot::upsert(const Row &row)
{
    const auto it = m_rowByCodigo.constFind(row.codigo);
    if (it != m_rowByCodigo.constEnd()) {
        m_rows[it.value()] = row;
        return it.value();
    }
    append(row);
    return int(m_rows.size()) - 1;
}

} // namespace tambo::patrimonio
