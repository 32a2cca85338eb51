#pragma once

#include "Estado.h"
#include "InventoryPlace.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tambo::patrimonio {

// A member of the Comisión de Inventario as the acta names them.
struct CampaignMember
{
    QString name; // "QUISPE MAMANI, Rosa"
    QString role; // "Presidente", "Miembro", "Veedor (OCI)", …
};

enum class CampaignState { Preparing, InProgress, Closed };

// An inventory campaign (toma de inventario). Scope: the sedes taken whole plus single áreas of
// other sedes; both empty = every sede of the entity. A bien is expected when its registered
// place is in scope.
struct Campaign
{
    QString id; // UUIDv7
    QString name;
    int year = 0;
    QDate cutoff; // fecha de corte, 31 December of `year` unless set
    QList<CampaignMember> comision;
    QStringList sedeIds; // whole sedes
    QStringList areaIds; // single áreas
    CampaignState state = CampaignState::Preparing;
    QString createdBy;
    QDateTime createdAt; // UTC
    QString startedBy;
    QDateTime startedAt;
    QString closedBy;
    QDateTime closedAt;
    QDateTime updatedAt;

    bool coversEverything() const { return sedeIds.isEmpty() && areaIds.isEmpty(); }
    bool inScope(const QString &sedeId, const QString &areaId) const;
    QJsonObject toJson() const; // for the audit log
};

// One scan event (append-only): made on a PC, merged by id by the sync.
struct CampaignScan
{
    QString id; // UUIDv7
    QString campaignId;
    QString device;
    QString actor;
    QDateTime at; // UTC, from the Clock of the PC that scanned
    InventoryPlace place;
    QString codigo;               // 12 digits
    std::optional<Estado> estado; // observed, when the team noted one
};

// What the register says about one bien, as a campaign needs it.
struct CampaignAsset
{
    QString assetId;
    QString codigo;
    QString denominacion;
    QString cuentaContable;
    qint64 valorCentimos = 0;
    InventoryPlace place;
    Estado estado = Estado::Bueno;
};

enum class CampaignOutcome {
    Encontrado, // expected and scanned where the register puts it
    OtroLugar,  // expected and scanned in another place (the place is recorded)
    Faltante,   // expected and not scanned
    Sobrante,   // scanned, and not in the register or registered outside the scope
};

// The outcome of one código: every expected bien and every scanned code has one.
struct CampaignResult
{
    QString codigo;
    CampaignOutcome outcome = CampaignOutcome::Faltante;
    bool estadoCambiado = false; // observed estado differs from the register's
    bool inRegister = false;
    QString assetId;
    QString denominacion;
    QString cuentaContable;
    qint64 valorCentimos = 0;
    InventoryPlace registered; // empty when not in the register
    InventoryPlace found;      // empty for faltantes
    std::optional<Estado> estadoRegistrado;
    std::optional<Estado> estadoObservado;
    int scans = 0; // scan events of this code (more than 1: repeated)
};

struct CampaignTotals
{
    int expected = 0;
    int encontrados = 0;
    int otroLugar = 0;
    int faltantes = 0;
    int sobrantes = 0;
    int estadoCambiado = 0;
    int repeated = 0; // codes scanned more than once
    int scans = 0;    // scan events
    qint64 valorFaltantes = 0;
    qint64 valorSobrantes = 0;
};

// Keys, titles and parsing of the enums above.
class Campaigns
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::Campaigns)

public:
    static QString stateKey(CampaignState state); // "preparing", "in_progress", "closed"
    static std::optional<CampaignState> stateFromKey(const QString &key);
    static QString stateTitle(CampaignState state);

    static QString outcomeKey(CampaignOutcome outcome); // "encontrado", "otro_lugar", …
    static std::optional<CampaignOutcome> outcomeFromKey(const QString &key);
    static QString outcomeTitle(CampaignOutcome outcome);
    static QList<CampaignOutcome> allOutcomes();

    static QDate defaultCutoff(int year) { return QDate(year, 12, 31); }
};

} // namespace tambo::patrimonio
