#pragma once

#include "Estado.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tambo::patrimonio {

// Kinds of movement of bienes patrimoniales.
//  Asignación: the assets get a (new) responsable; the place may change too.
//  Desplazamiento: the assets move to another sede / área / ambiente; the responsable may change.
//  Devolución: the custodian returns the assets to a place (usually the patrimonio store); they
//              leave his custody (a receiving responsable may be named).
//  Baja: the assets leave the register's active use by a resolution (its reference is
//        required); situación becomes desuso and the estado may change (e.g. RAEE, chatarra).
enum class MovementKind { Asignacion, Desplazamiento, Devolucion, Baja };
enum class MovementStatus { Pendiente, Aprobado, Rechazado };

// One asset of a movement, with where and with whom it was when the movement was proposed.
struct MovementItem
{
    QString assetId;
    QString codigo;
    QString denominacion; // read from the register (not stored with the item)
    QString sedeId;
    QString areaId;
    QString ambiente;
    QString responsable;
    Estado estado = Estado::Bueno;
    Situacion situacion = Situacion::Uso;
};

// A movement: the inventariador's proposal and, once decided, the jefe's decision. The three
// parts are separate append-only rows (patrimonio_movements, _items, _decisions).
struct Movement
{
    QString id; // UUIDv7
    MovementKind kind = MovementKind::Asignacion;
    QString sedeId; // scope for the sync: where the (first) asset was
    QString areaId;
    // Destination; empty = unchanged (devolución clears the responsable unless one is given).
    QString toSedeId;
    QString toAreaId;
    QString toAmbiente;
    QString toResponsable;
    std::optional<Estado> toEstado;
    QString resolucion;   // baja: the resolution's reference ("R.G.A. N.º 123-2026-GA/MPT")
    QString motivo;       // why, free text
    QDateTime proposedAt; // UTC
    QString proposedBy;
    QList<MovementItem> items;

    MovementStatus status = MovementStatus::Pendiente;
    QString decisionReason; // rejection
    QString acta;           // approval: acta number
    QDateTime decidedAt;
    QString decidedBy;

    QStringList codigos() const
    {
        QStringList out;
        for (const MovementItem &item : items)
            out << item.codigo;
        return out;
    }
};

} // namespace tambo::patrimonio
