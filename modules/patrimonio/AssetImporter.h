#pragma once

#include "Asset.h"
#include "ImportMapping.h"
#include "ImportProblem.h"

#include "audit/DatabaseProvider.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace tambo::core {
class AuditLog;
class Clock;
struct Session;
} // namespace tambo::core

namespace tambo::patrimonio {

struct ImportTable;

// Imports assets from a spreadsheet (ImportCsvReader) with an ImportMapping, in two steps:
//
//  1. check() — the dry run. Reads the catálogo, sedes, areas and registered códigos once and
//     checks every row: the código patrimonial, its catálogo, duplicates in the file, códigos
//     already registered, required cells, estado (N B R M X Y or the words), situación, sede and
//     área (id or name), dates and numbers. It writes nothing. Every bad row is in the plan's
//     problems with its spreadsheet row number and a reason in the user's language.
//  2. run() — only for a plan without problems: every asset in ONE transaction (all or
//     nothing), each with its "alta" line in the asset history. The audit log gets one row for
//     the import and one row per block of up to AuditBlock assets holding every imported field
//     of each asset (the hash chain stays one chain; a per-asset audit row costs 5 statements
//     and would triple the time of a 100,000-row import, see docs/performance.md).
//
// Both need patrimonio.edit (the inventariador and the jefe de patrimonio).
class AssetImporter
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::AssetImporter)

public:
    static constexpr int AuditBlock = 1000;
    static constexpr auto AuditEntityImport = "patrimonio.import";
    static constexpr auto AuditEntityAsset = "patrimonio.asset";

    struct Plan
    {
        QString source;       // file name, for the audit and the history
        int rows = 0;         // data rows read
        QList<Asset> assets;  // the good rows, ready to insert
        QList<int> assetRows; // spreadsheet row of each asset
        QList<ImportProblem> problems;
        QString error; // translated; set when the check itself failed (permission, store)

        int badRows() const;
        bool canImport() const
        {
            return error.isEmpty() && problems.isEmpty() && !assets.isEmpty();
        }
    };

    struct Result
    {
        int imported = 0;
        QString importId; // UUIDv7 of the import (audit entity id)
        QString error;    // translated; empty on success
        bool ok() const { return error.isEmpty(); }
    };

    // Called every few hundred rows during run(): (done, total).
    using Progress = std::function<void(int done, int total)>;

    AssetImporter(core::DatabaseProvider db, const core::Clock &clock, core::AuditLog &audit);

    Plan check(const core::Session &session,
               const ImportTable &table,
               const ImportMapping &mapping,
               const QString &source) const;
    Result run(const core::Session &session, const Plan &plan, const Progress &progress = {});

    static QString reasonTitle(ImportProblem::Reason reason); // translated, short

private:
    core::DatabaseProvider m_db;
    const core::Clock &m_clock;
    core::AuditLog &m_audit;
};

} // namespace tambo::patrimonio
