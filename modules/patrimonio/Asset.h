#pragma once

#include "Estado.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace tambo::patrimonio {

// One bien patrimonial of the register, with the fields SIGA-MEF Patrimonio users expect.
struct Asset
{
    QString id;     // UUIDv7, made on this PC when the asset is created (GUIDE §5)
    QString codigo; // 12 digits, see CodigoPatrimonial
    QString denominacion;
    QString marca;
    QString modelo;
    QString serie;
    QString color;
    QString caracteristicas; // other features (dimensions, material, processor…)
    Estado estado = Estado::Bueno;
    Situacion situacion = Situacion::Uso;
    QString sedeId;           // sedes.id
    QString areaId;           // areas.id (oficina); empty when not assigned
    QString ambiente;         // room, free text ("Oficina 201, 2.º piso")
    QString responsable;      // custodian, full name as on the acta
    QDate fechaAdquisicion;   // null when unknown
    qint64 valorCentimos = 0; // valor in céntimos of sol (S/ 1 234,50 = 123450)
    QString cuentaContable;   // e.g. 1503.020301
    QString observaciones;
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC

    QString catalogo() const { return codigo.left(8); }
    // Every field, for the audit log (before/after).
    QJsonObject toJson() const;
};

// One line of an asset's history: append-only (alta, edits, notes from other modules, and
// later movements and inventory scans).
struct AssetHistoryEntry
{
    QString id; // UUIDv7
    QString assetId;
    QDateTime at;   // UTC
    QString kind;   // "alta", "edicion", "nota", "soporte.ticket", …
    QString text;   // human-readable, as written at the time
    QString actor;  // username
    QString device; // device id of the PC that wrote it
};

// A sede or an area (oficina) of the municipality, from core's sedes and areas tables.
struct Place
{
    QString id;
    QString name;
    QString sedeId; // areas only
};

// What AssetRepository::list() narrows by; empty members do not filter.
struct AssetFilter
{
    QString sedeId;
    QString areaId;
    QList<Estado> estados;
    QString responsable; // exact custodian name
    QString text;        // contained in código, denominación, marca, serie or responsable
    int limit = 0;       // 0 = no limit
};

// Money helpers: céntimos ↔ text. Parsing accepts "1234.5", "1,234.50", "1234,50" and
// "S/ 1 234.50"; formatting gives "S/ 1,234.50" in the given locale's digits.
qint64 parseSoles(const QString &text, bool *ok = nullptr);
QString formatSoles(qint64 centimos);

} // namespace tambo::patrimonio
