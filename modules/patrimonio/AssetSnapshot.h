#pragma once

#include "Estado.h"

#include <QHash>
#include <QList>
#include <QString>

namespace tambo::patrimonio {

// The register as lists need it, compact enough for 100 000 assets: every text is interned in
// one string pool (names, brands, custodians and places repeat a lot) and a row holds pool ids.
// Made by AssetRepository::loadSnapshot() in one query; read by AssetTableModel and
// AssetFilterProxyModel. A value type; copies share the pool (implicit sharing of QList).
class AssetSnapshot
{
public:
    struct Row
    {
        int codigo = 0; // pool ids
        int denominacion = 0;
        int marca = 0;
        int modelo = 0;
        int serie = 0;
        int responsable = 0;
        int sedeId = 0;
        int areaId = 0;
        int ambiente = 0;
        Estado estado = Estado::Bueno;
        Situacion situacion = Situacion::Uso;
        qint64 valorCentimos = 0;
    };

    AssetSnapshot();

    int size() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    const Row &row(int index) const { return m_rows.at(index); }

    int poolSize() const { return int(m_pool.size()); }
    const QString &text(int poolId) const { return m_pool.at(poolId); }
    // The pool id of text, or -1 when no row uses it. Id 0 is always the empty string.
    int poolIdOf(const QString &text) const { return m_ids.value(text, -1); }
    int intern(const QString &text);

    // Row of a código patrimonial, or -1.
    int rowOfCodigo(const QString &codigo) const;

    void reserve(int rows);
    void append(const Row &row);
    // Replaces the row with the same código, or appends it; returns its index.
    int upsert(const Row &row);

private:
    QList<Row> m_rows;
    QList<QString> m_pool;
    QHash<QString, int> m_ids;
    QHash<int, int> m_rowByCodigo; // codigo pool id → row
};

} // namespace tambo::patrimonio
