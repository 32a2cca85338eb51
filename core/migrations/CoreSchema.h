#pragma once

#include "migrations/MigrationStep.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace tambo::core {

// The schema of core itself, module id "core":
//   1. sedes, areas, device (this PC's id, a UUID made on first run) and settings
//   2. roles, role_permissions and users (the local users table is the offline login verifier)
//   3. audit_log (hash chain) and audit_head (last seq + hash, so truncation is found too)
// Steps only add (GUIDE §5: schema changes only add); a later change is a new step.
class CoreSchema
{
public:
    static QString moduleId() { return QStringLiteral("core"); }
    static QList<MigrationStep> steps();

    // This device's id from the device table; empty before step 1 ran.
    static QString deviceId(const QSqlDatabase &db);
};

} // namespace tambo::core
