#pragma once

#include "Movement.h"

#include "audit/DatabaseProvider.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tambo::core {
class AuditLog;
class Clock;
struct Session;
} // namespace tambo::core

namespace tambo::patrimonio {

// Movements of assets (asignación, desplazamiento, devolución, baja), issue 4 item 5.
// The inventariador proposes (patrimonio.edit); the jefe de patrimonio approves or rejects
// with a reason (patrimonio.approve). Only an approval changes the assets (sede, área,
// ambiente, responsable, estado, situación) and writes a "movimiento" line in each asset's
// history. Proposal, approval and rejection are separate append-only rows; each write is one
// transaction with its audit rows (entity "patrimonio.movement", and "patrimonio.asset" for the
// assets an approval changes).
class MovementRepository
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::MovementRepository)

public:
    static constexpr auto HistoryKind = "movimiento";
    static constexpr auto AuditEntity = "patrimonio.movement";

    MovementRepository(core::DatabaseProvider db, const core::Clock &clock, core::AuditLog &audit);

    // Proposes moving the assets with these códigos. Reads each asset's current place and
    // custodian into movement->items; fills id, proposedAt and proposedBy. Refused: unknown
    // códigos, an asset with a pending movement, a baja without resolution, an asignación
    // without responsable, a desplazamiento or devolución without destination sede, an área
    // of another sede.
    bool propose(const core::Session &session,
                 Movement *movement,
                 const QStringList &codigos,
                 QString *error = nullptr);
    // Applies a pending movement to its assets. Refused when an asset changed since the
    // proposal (its place, custodian or estado differ from the proposal's): reject and propose
    // again. Fills *acta with the acta number.
    bool approve(const core::Session &session,
                 const QString &movementId,
                 QString *acta = nullptr,
                 QString *error = nullptr);
    bool reject(const core::Session &session,
                const QString &movementId,
                const QString &reason,
                QString *error = nullptr);

    // Newest first; pendingOnly = proposals without decision. patrimonio.view.
    QList<Movement> list(const core::Session &session,
                         bool pendingOnly = false,
                         QString *error = nullptr) const;
    std::optional<Movement> find(const core::Session &session,
                                 const QString &movementId,
                                 QString *error = nullptr) const;

    static QString kindKey(MovementKind kind); // "asignacion"
    static std::optional<MovementKind> kindFromKey(const QString &key);
    static QString kindTitle(MovementKind kind);       // translated
    static QString statusTitle(MovementStatus status); // translated
    static QString actaPrefix(MovementKind kind);      // "AS", "DE", "DV", "BA"

private:
    bool loadItems(Movement *movement, QString *error) const;

    core::DatabaseProvider m_db;
    const core::Clock &m_clock;
    core::AuditLog &m_audit;
};

} // namespace tambo::patrimonio
