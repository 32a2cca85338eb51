#pragma once

#include "migrations/MigrationStep.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace tambo::core {

class Clock;

// Brings the schema of every module up to date (GUIDE §2.5). Each module owns numbered steps
// 1..N; the store keeps one version per module in schema_versions. Each step runs in its own
// Transaction together with its version bump, so a failing step leaves the module at the
// previous version with nothing of the step applied.
//
// Before anything is written, migrate() validates every module: steps numbered 1..N with no gap
// or duplicate, each with an apply function, and no store version newer than the steps this
// program knows (a store written by a newer Tambo is never touched).
class MigrationRunner
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::MigrationRunner)

public:
    struct ModuleChange
    {
        QString module;
        int from = 0;
        int to = 0;
    };

    struct Report
    {
        QString error;               // translated, for the user; empty when ok
        QString failedModule;        // set when a step failed
        int failedStep = 0;          // its number
        QString failedDescription;   // its description
        QString stepError;           // the step's own error (usually the SQL error text)
        QList<ModuleChange> changes; // modules that moved, in the order they ran
        bool ok() const { return error.isEmpty(); }
    };

    MigrationRunner(QSqlDatabase db, const Clock &clock);

    // Adds a module's steps; modules migrate in the order they were added (core first).
    // Adding the same id twice is reported by migrate().
    void addModule(const QString &moduleId, const QList<MigrationStep> &steps);
    QStringList modules() const;

    // The version the store holds for moduleId (0 when the module was never migrated).
    int version(const QString &moduleId) const;
    // The newest step this program knows for moduleId (0 for an unknown module).
    int latest(const QString &moduleId) const;
    // Checks the steps and the store's versions without writing; empty when all is well.
    QString validate() const;

    Report migrate();

    static QString versionsTable() { return QStringLiteral("schema_versions"); }

private:
    struct Module
    {
        QString id;
        QList<MigrationStep> steps;
    };

    bool versionsTableExists() const;
    int storedVersion(const QString &moduleId, QString *error) const;
    bool ensureVersionsTable(QString *error);

    QSqlDatabase m_db;
    const Clock &m_clock;
    QList<Module> m_modules;
};

} // namespace tambo::core
