#pragma once

#include "Asset.h"
#include "AssetSnapshot.h"

#include "audit/DatabaseProvider.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QSqlQuery;
QT_END_NAMESPACE

namespace tambo::core {
class AuditLog;
class Clock;
struct Session;
} // namespace tambo::core

namespace tambo::patrimonio {

// The asset register (patrimonio_assets) and its history (patrimonio_asset_history). All SQL
// of the register lives here; pages and models call this class.
//
// Permissions (PatrimonioPermissions.h), checked on every call that takes a Session:
//  - reading lists, snapshots and history: patrimonio.view;
//  - insert, and update of descriptive fields (denominación, marca, modelo, serie, color,
//    características, estado N/B/R/M, situación, observaciones): patrimonio.edit;
//  - update of custody (sede, área, ambiente, responsable), accounting (valor, cuenta contable,
//    fecha de adquisición) or an estado change to or from RAEE/chatarra: patrimonio.approve
//    (the jefe de patrimonio; the inventariador proposes movements, issue 4 item 5);
//  - history notes: patrimonio.annotate.
// Every write runs in one transaction with its audit row(s) (entity "patrimonio.asset") and
// its history line: all or nothing.
class AssetRepository
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::AssetRepository)

public:
    // History kinds written by this module; other modules use their own ("soporte.ticket").
    static constexpr auto KindAlta = "alta";
    static constexpr auto KindEdicion = "edicion";
    static constexpr auto KindNota = "nota";

    AssetRepository(core::DatabaseProvider db, const core::Clock &clock, core::AuditLog &audit);

    // --- reading ---
    // The asset with this código (normalised as CodigoPatrimonial does). No permission check:
    // for services (AssetDirectory) and for pages that exist only for patrimonio.view.
    // Nothing when unknown or malformed; *error only on a store failure.
    std::optional<Asset> findByCode(const QString &codigo, QString *error = nullptr) const;
    std::optional<Asset> findById(const QString &id, QString *error = nullptr) const;
    QList<Asset> list(const core::Session &session,
                      const AssetFilter &filter,
                      QString *error = nullptr) const;
    // Every asset as compact rows, in one query, ordered by código.
    bool loadSnapshot(const core::Session &session,
                      AssetSnapshot *out,
                      QString *error = nullptr) const;
    // Oldest first.
    QList<AssetHistoryEntry> history(const core::Session &session,
                                     const QString &assetId,
                                     QString *error = nullptr) const;
    int count() const;
    // Every registered código (imports and demo data skip or report the ones already there).
    QSet<QString> allCodigos(QString *error = nullptr) const;

    QList<Place> sedes() const; // ordered by name as stored
    QList<Place> areas() const;

    // --- writing ---
    // Validates and inserts; fills asset->id, createdAt and updatedAt. Writes an "alta" line.
    bool insert(const core::Session &session, Asset *asset, QString *error = nullptr);
    // Many assets in one transaction (imports, demo data): all or none. Each is validated,
    // audited and gets its "alta" line. Codes already registered are an error.
    bool insertMany(const core::Session &session, QList<Asset> *assets, QString *error = nullptr);
    // Updates the asset with asset.id (the código cannot change). When asset.updatedAt is set
    // it must match the stored one, so an edit made on stale data is refused. Writes an
    // "edicion" line listing the changed fields. No change: true, nothing written.
    bool update(const core::Session &session, Asset *asset, QString *error = nullptr);
    bool appendHistory(const core::Session &session,
                       const QString &codigo,
                       const QString &kind,
                       const QString &text,
                       QString *error = nullptr);

    // The translated name of a field of Asset::toJson() ("responsable" → "Custodian").
    static QString fieldTitle(const QString &field);

private:
    struct Lookups;
    bool validate(const Asset &asset, Lookups &lookups, QString *error) const;
    bool loadLookups(Lookups &lookups, QString *error) const;
    bool insertOne(const core::Session &session, Asset *asset, Lookups &lookups, QString *error);
    bool writeHistory(const QString &assetId,
                      const QString &kind,
                      const QString &text,
                      const QString &actor,
                      QString *error,
                      QSqlQuery *prepared = nullptr);
    static QString historyInsertSql();
    QString nowText() const;

    core::DatabaseProvider m_db;
    const core::Clock &m_clock;
    core::AuditLog &m_audit;
};

} // namespace tambo::patrimonio
