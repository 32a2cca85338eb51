#include "migrations/CoreSchema.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace tambo::core {

namespace {

MigrationStep organisation()
{
    MigrationStep step = MigrationStep::sql(
        1,
        QCoreApplication::translate("tambo::core::CoreSchema", "sedes, areas, device and settings"),
        {
            QStringLiteral("CREATE TABLE sedes ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " name TEXT NOT NULL,"
                           " link TEXT NOT NULL DEFAULT 'ninguno'"
                           "  CHECK (link IN ('fibra', 'radioenlace', 'ninguno'))"
                           ") STRICT"),
            QStringLiteral("CREATE TABLE areas ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " sede_id TEXT NOT NULL REFERENCES sedes (id),"
                           " name TEXT NOT NULL"
                           ") STRICT"),
            QStringLiteral("CREATE INDEX areas_by_sede ON areas (sede_id)"),
            // One row: the id of this installation, used in the audit log and by the sync.
            QStringLiteral("CREATE TABLE device ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " one_row INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (one_row = 1)"
                           ") STRICT"),
            QStringLiteral("CREATE TABLE settings ("
                           " key TEXT PRIMARY KEY NOT NULL,"
                           " value TEXT NOT NULL"
                           ") STRICT"),
        });
    auto createTables = step.apply;
    step.apply = [createTables](QSqlDatabase &db, QString *error) {
        if (!createTables(db, error))
            return false;
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO device (id) VALUES (?)"));
        query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        if (!query.exec()) {
            if (error)
                *error = query.lastError().text();
            return false;
        }
        return true;
    };
    return step;
}

MigrationStep usersAndRoles()
{
    return MigrationStep::sql(
        2,
        QCoreApplication::translate("tambo::core::CoreSchema", "roles, permissions and users"),
        {
            QStringLiteral("CREATE TABLE roles ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " title TEXT NOT NULL"
                           ") STRICT"),
            QStringLiteral("CREATE TABLE role_permissions ("
                           " role_id TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,"
                           " permission TEXT NOT NULL,"
                           " PRIMARY KEY (role_id, permission)"
                           ") STRICT, WITHOUT ROWID"),
            // The local users table is the cached verifier for offline login: the server
            // refreshes it through the sync; login never needs the network.
            QStringLiteral("CREATE TABLE users ("
                           " id INTEGER PRIMARY KEY,"
                           " username TEXT NOT NULL COLLATE NOCASE UNIQUE,"
                           " full_name TEXT NOT NULL,"
                           " role_id TEXT NOT NULL REFERENCES roles (id),"
                           " sede_id TEXT REFERENCES sedes (id),"
                           " password_hash TEXT NOT NULL,"
                           " failed_attempts INTEGER NOT NULL DEFAULT 0,"
                           " locked_until TEXT,"
                           " disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
                           " created_at TEXT NOT NULL,"
                           " updated_at TEXT NOT NULL"
                           ") STRICT"),
            QStringLiteral("CREATE INDEX users_by_role ON users (role_id)"),
        });
}

MigrationStep auditLog()
{
    return MigrationStep::sql(
        3,
        QCoreApplication::translate("tambo::core::CoreSchema", "tamper-evident audit log"),
        {
            // seq is written by AuditLog (1, 2, 3… without gaps); hash = SHA-256 over the row's
            // canonical serialisation including prev_hash (see AuditLog).
            QStringLiteral("CREATE TABLE audit_log ("
                           " seq INTEGER PRIMARY KEY,"
                           " at TEXT NOT NULL,"
                           " actor TEXT NOT NULL,"
                           " device TEXT NOT NULL,"
                           " entity TEXT NOT NULL,"
                           " entity_id TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " before_json TEXT,"
                           " after_json TEXT,"
                           " prev_hash TEXT NOT NULL,"
                           " hash TEXT NOT NULL"
                           ") STRICT"),
            QStringLiteral("CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id)"),
            // The last seq and hash, written in the same transaction as each row: without it,
            // deleting the newest rows would leave a valid (shorter) chain.
            QStringLiteral("CREATE TABLE audit_head ("
                           " id INTEGER PRIMARY KEY CHECK (id = 1),"
                           " seq INTEGER NOT NULL,"
                           " hash TEXT NOT NULL"
                           ") STRICT"),
            // Append-only for every honest writer. Whoever holds the key can drop these
            // triggers; AuditLog::verify() still finds what they changed.
            QStringLiteral("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
                           " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
            QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
                           " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        });
}

} // namespace

QList<MigrationStep> CoreSchema::steps()
{
    return {organisation(), usersAndRoles(), auditLog()};
}

QString CoreSchema::deviceId(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id FROM device LIMIT 1")) || !query.next())
        return {};
    return query.value(0).toString();
}

} // namespace tambo::core
