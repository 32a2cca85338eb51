#pragma once

#include <QDate>
#include <QObject>
#include <QString>
#include <QtPlugin>

#include <optional>

namespace tambo::core {

struct Session;

// One asset of the patrimonio register, as other modules see it (soporte links tickets to it).
struct AssetSummary
{
    QString id;           // UUID of the asset record
    QString code;         // código patrimonial, 12 digits (8 SBN catálogo + 4 correlativo)
    QString denominacion; // e.g. "UNIDAD CENTRAL DE PROCESO - CPU"
    QString marca;
    QString modelo;
    QString serie;
    QChar estado;        // N nuevo, B bueno, R regular, M malo, X RAEE, Y chatarra
    QString estadoTitle; // translated, e.g. "Bueno"
    bool enUso = true;   // situación: uso (true) or desuso
    QString sedeId;
    QString sedeName;
    QString areaId; // may be empty
    QString areaName;
    QString ambiente;    // room, free text
    QString responsable; // custodian
};

// The asset register offered to other modules without including the patrimonio module (GUIDE
// §1: what modules share is an interface in core/services registered at start-up). The
// patrimonio module registers one object implementing it in its initialize():
//
//     if (auto *assets = ctx.services().object<tambo::core::AssetDirectory>())
//         if (const auto asset = assets->findByCode(code)) …
//
// Main thread or any thread: implementations use the calling thread's store connection.
class AssetDirectory
{
public:
    virtual ~AssetDirectory() = default;

    // The asset with this código patrimonial (surrounding spaces ignored), or nothing for an
    // unknown or malformed code. A read of the summary only; callers show it to users who
    // already hold their own module's permission.
    virtual std::optional<AssetSummary> findByCode(const QString &code) const = 0;

    // Appends one line to the asset's history, e.g. kind "soporte.ticket", text "Ticket
    // 2026-000123 abierto: no enciende". Append-only, audited, in one transaction. The session
    // must hold "patrimonio.annotate" (soporte técnico and the patrimonio roles do). False and
    // *error (translated) for an unknown code, an empty kind or text, or a missing permission.
    virtual bool appendHistory(const Session &session,
                               const QString &code,
                               const QString &kind,
                               const QString &text,
                               QString *error = nullptr)
        = 0;
};

} // namespace tambo::core

#define TAMBO_ASSET_DIRECTORY_IID "pe.gob.munitacna.tambo.AssetDirectory/1"
Q_DECLARE_INTERFACE(tambo::core::AssetDirectory, TAMBO_ASSET_DIRECTORY_IID)
