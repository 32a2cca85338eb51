#pragma once

#include <QString>

namespace tambo::patrimonio {

// Where an inventory team stands: an ambiente (room) of an área of a sede. The register keeps
// the ambiente as free text of the asset (patrimonio_assets.ambiente), so an ambiente is
// identified by the triple (sede id, área id, ambiente name); the name is compared after
// trimming, collapsing spaces and upper-casing ("Oficina  204" = "OFICINA 204"). An asset with
// no área has an empty areaId.
//
// A team picks the ambiente from a list, or scans its label. The label carries code(): "AMB-"
// followed by 8 upper-case hex digits of the SHA-256 of key(). Every PC computes the same code
// from the same place, with no numbering to coordinate between offline teams; the code is 12
// characters, so it never collides with a 12-digit código patrimonial (it has letters).
// docs/adr/0009-inventory-campaigns.md explains the choice.
struct InventoryPlace
{
    QString sedeId;
    QString areaId;   // empty: the sede without an área
    QString ambiente; // as written; see normalizedAmbiente()

    bool isValid() const { return !sedeId.isEmpty() && !normalizedAmbiente(ambiente).isEmpty(); }
    // "sede|area|AMBIENTE": equal for the same place.
    QString key() const;
    // "AMB-1A2B3C4D".
    QString code() const;
    // Trimmed, inner spaces collapsed, upper case.
    static QString normalizedAmbiente(const QString &ambiente);
    // Whether text is shaped like an ambiente code (any case, surrounding spaces ignored).
    static bool isAmbienteCode(const QString &text);
    static QString normalizedCode(const QString &text) { return text.trimmed().toUpper(); }

    friend bool operator==(const InventoryPlace &a, const InventoryPlace &b)
    {
        return a.key() == b.key();
    }
};

} // namespace tambo::patrimonio
