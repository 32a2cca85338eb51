#include "PgSchema.h"

#include "migrations/Transaction.h"
#include "util/Clock.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tambo::server {

namespace {

// Key of the session advisory lock that serialises migrations ("TAMBO" in ASCII).
constexpr qint64 MigrationLockKey = 0x54414D424FLL;

class AdvisoryLock
{
public:
    explicit AdvisoryLock(QSqlDatabase db)
        : m_db(std::move(db))
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT pg_advisory_lock(?)"));
        q.addBindValue(MigrationLockKey);
        m_locked = q.exec();
        if (!m_locked)
            m_error = q.lastError().text();
    }
    ~AdvisoryLock()
    {
        if (!m_locked)
            return;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT pg_advisory_unlock(?)"));
        q.addBindValue(MigrationLockKey);
        q.exec();
    }
    AdvisoryLock(const AdvisoryLock &) = delete;
    AdvisoryLock &operator=(const AdvisoryLock &) = delete;
    bool locked() const { return m_locked; }
    QString error() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_locked = false;
    QString m_error;
};

} // namespace

QList<core::MigrationStep> PgSchema::steps()
{
    using core::MigrationStep;
    return {
        MigrationStep::sql(
            1,
            QStringLiteral("users with Argon2id password verifiers"),
            {QStringLiteral(
                "CREATE TABLE users ("
                " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                " username TEXT NOT NULL UNIQUE"
                "  CHECK (username = lower(username) AND length(username) BETWEEN 1 AND 64),"
                " full_name TEXT NOT NULL DEFAULT '',"
                " role_id TEXT NOT NULL CHECK (role_id <> ''),"
                " sede_id TEXT,"
                " password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),"
                " disabled BOOLEAN NOT NULL DEFAULT FALSE,"
                " created_at TIMESTAMPTZ NOT NULL,"
                " updated_at TIMESTAMPTZ NOT NULL)")}),
        MigrationStep::sql(2,
                           QStringLiteral("devices with their Ed25519 public keys"),
                           {QStringLiteral(
                               "CREATE TABLE devices ("
                               " device_id UUID PRIMARY KEY,"
                               " public_key BYTEA NOT NULL CHECK (octet_length(public_key) = 32),"
                               " name TEXT NOT NULL DEFAULT '',"
                               " registered_by BIGINT NOT NULL REFERENCES users (id),"
                               " registered_at TIMESTAMPTZ NOT NULL,"
                               " revoked_at TIMESTAMPTZ,"
                               " revoked_by BIGINT REFERENCES users (id),"
                               " revoke_reason TEXT,"
                               " CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)))")}),
        MigrationStep::sql(3,
                           QStringLiteral("bearer and refresh tokens, stored as SHA-256 hashes"),
                           {QStringLiteral(
                                "CREATE TABLE tokens ("
                                " token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),"
                                " kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),"
                                " user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                                " device_id UUID REFERENCES devices (device_id),"
                                " family_id UUID NOT NULL,"
                                " issued_at TIMESTAMPTZ NOT NULL,"
                                " expires_at TIMESTAMPTZ NOT NULL CHECK (expires_at > issued_at),"
                                " used_at TIMESTAMPTZ,"
                                " revoked_at TIMESTAMPTZ)"),
                            QStringLiteral("CREATE INDEX tokens_family ON tokens (family_id)"),
                            QStringLiteral("CREATE INDEX tokens_user ON tokens (user_id)"),
                            QStringLiteral("CREATE INDEX tokens_device ON tokens (device_id)"
                                           " WHERE device_id IS NOT NULL"),
                            QStringLiteral("CREATE INDEX tokens_expires ON tokens (expires_at)")}),
        MigrationStep::sql(
            4,
            QStringLiteral("sync: rows with versions, device seqs, rejections, conflicts, cursors"),
            {QStringLiteral("CREATE SEQUENCE sync_change_seq AS BIGINT"),
             QStringLiteral(
                 "CREATE TABLE sync_rows ("
                 " table_name TEXT NOT NULL,"
                 " row_id TEXT NOT NULL,"
                 " version BIGINT NOT NULL,"
                 " deleted BOOLEAN NOT NULL DEFAULT FALSE,"
                 " data JSONB,"
                 " col_versions JSONB NOT NULL DEFAULT '{}',"
                 " col_devices JSONB NOT NULL DEFAULT '{}',"
                 " sede_id TEXT,"
                 " area_id TEXT,"
                 " updated_by_device UUID,"
                 " updated_at TIMESTAMPTZ NOT NULL,"
                 " PRIMARY KEY (table_name, row_id),"
                 " CHECK (deleted OR data IS NOT NULL))"),
             QStringLiteral("CREATE UNIQUE INDEX sync_rows_version ON sync_rows (version)"),
             QStringLiteral("CREATE INDEX sync_rows_by_sede ON sync_rows (sede_id, version)"),
             QStringLiteral("CREATE INDEX sync_rows_tombstones ON sync_rows (version) WHERE deleted"),
             QStringLiteral("CREATE TABLE sync_devices ("
                            " device_id UUID PRIMARY KEY REFERENCES devices (device_id),"
                            " last_seq BIGINT NOT NULL DEFAULT 0 CHECK (last_seq >= 0),"
                            " updated_at TIMESTAMPTZ NOT NULL)"),
             QStringLiteral("CREATE TABLE sync_rejections ("
                            " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            " device_id UUID NOT NULL REFERENCES devices (device_id),"
                            " seq BIGINT NOT NULL,"
                            " user_id BIGINT NOT NULL REFERENCES users (id),"
                            " reason TEXT NOT NULL,"
                            " message TEXT NOT NULL,"
                            " entry JSONB NOT NULL,"
                            " created_at TIMESTAMPTZ NOT NULL,"
                            " UNIQUE (device_id, seq))"),
             QStringLiteral("CREATE TABLE sync_conflicts ("
                            " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            " device_id UUID NOT NULL REFERENCES devices (device_id),"
                            " seq BIGINT NOT NULL,"
                            " user_id BIGINT NOT NULL REFERENCES users (id),"
                            " table_name TEXT NOT NULL,"
                            " row_id TEXT NOT NULL,"
                            " kind TEXT NOT NULL CHECK (kind IN ('field', 'edit_delete')),"
                            " field TEXT,"
                            " base_version BIGINT NOT NULL,"
                            " server_value JSONB,"
                            " client_value JSONB,"
                            " created_at TIMESTAMPTZ NOT NULL,"
                            " resolved_at TIMESTAMPTZ)"),
             QStringLiteral("CREATE INDEX sync_conflicts_open ON sync_conflicts (table_name, row_id)"
                            " WHERE resolved_at IS NULL"),
             QStringLiteral("CREATE TABLE sync_pull_cursors ("
                            " device_id UUID NOT NULL REFERENCES devices (device_id),"
                            " scope TEXT NOT NULL,"
                            " cursor BIGINT NOT NULL CHECK (cursor >= 0),"
                            " updated_at TIMESTAMPTZ NOT NULL,"
                            " PRIMARY KEY (device_id, scope))")}),
        MigrationStep::sql(
            5,
            QStringLiteral("sync: rows that left a sede or area (withdrawn from its PCs)"),
            {QStringLiteral("CREATE TABLE sync_scope_exits ("
                            " version BIGINT PRIMARY KEY,"
                            " table_name TEXT NOT NULL,"
                            " row_id TEXT NOT NULL,"
                            " old_sede TEXT,"
                            " old_area TEXT,"
                            " new_sede TEXT,"
                            " new_area TEXT,"
                            " created_at TIMESTAMPTZ NOT NULL)"),
             QStringLiteral("CREATE INDEX sync_scope_exits_by_sede ON sync_scope_exits "
                            "(old_sede, version)")}),
        MigrationStep::sql(
            6,
            QStringLiteral("sync: conflicts and rejections closed by a synced resolution"),
            {QStringLiteral("ALTER TABLE sync_conflicts ADD COLUMN resolution TEXT,"
                            " ADD COLUMN resolved_by TEXT"),
             QStringLiteral("ALTER TABLE sync_rejections ADD COLUMN resolved_at TIMESTAMPTZ,"
                            " ADD COLUMN resolution TEXT, ADD COLUMN resolved_by TEXT")}),
        MigrationStep::sql(
            7,
            QStringLiteral("auth: session start and sealed re-issue of a rotation"),
            {// family_started_at: when the login that began the family happened (the family's
             // maximum lifetime counts from it); copied onto every pair of the family.
             QStringLiteral("ALTER TABLE tokens ADD COLUMN family_started_at TIMESTAMPTZ,"
                            " ADD COLUMN successor_hash TEXT,"
                            " ADD COLUMN reissue BYTEA"),
             QStringLiteral("UPDATE tokens t SET family_started_at = f.started"
                            " FROM (SELECT family_id, min(issued_at) AS started FROM tokens"
                            "       GROUP BY family_id) f"
                            " WHERE f.family_id = t.family_id"),
             QStringLiteral("ALTER TABLE tokens ALTER COLUMN family_started_at SET NOT NULL")}),
        MigrationStep::sql(
            8,
            QStringLiteral("auth: login throttling and failed-login audit"),
            {// Failed logins counted per account and per source address (LoginThrottle).
             QStringLiteral("CREATE TABLE login_throttle ("
                            " scope TEXT NOT NULL CHECK (scope IN ('account', 'address')),"
                            " key TEXT NOT NULL,"
                            " failures INTEGER NOT NULL CHECK (failures >= 0),"
                            " window_started_at TIMESTAMPTZ NOT NULL,"
                            " locked_until TIMESTAMPTZ,"
                            " PRIMARY KEY (scope, key))"),
             QStringLiteral("CREATE INDEX login_throttle_window ON login_throttle"
                            " (window_started_at)"),
             // Audit of failed logins: who was tried, from where, why it failed. Never the
             // password.
             QStringLiteral("CREATE TABLE login_failures ("
                            " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            " username TEXT NOT NULL,"
                            " source TEXT NOT NULL,"
                            " reason TEXT NOT NULL,"
                            " created_at TIMESTAMPTZ NOT NULL)"),
             QStringLiteral("CREATE INDEX login_failures_created ON login_failures (created_at)")}),
        MigrationStep::sql(
            9,
            QStringLiteral("sync: pull cursors confirmed by the device, apart from those served"),
            {QStringLiteral("ALTER TABLE sync_pull_cursors ADD COLUMN served_cursor BIGINT NOT NULL"
                            " DEFAULT 0 CHECK (served_cursor >= 0)"),
             // Until now the cursor a device presented was recorded: it was served at least.
             QStringLiteral("UPDATE sync_pull_cursors SET served_cursor = cursor")}),
        MigrationStep::sql(
            10,
            QStringLiteral("audit anchors signed by the devices (append-only) and refusals"),
            {QStringLiteral("CREATE TABLE audit_anchors ("
                            " device_id UUID NOT NULL REFERENCES devices (device_id),"
                            " seq BIGINT NOT NULL CHECK (seq >= 1),"
                            " hash TEXT NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),"
                            " signature BYTEA NOT NULL CHECK (octet_length(signature) = 64),"
                            " user_id BIGINT REFERENCES users (id),"
                            " via TEXT NOT NULL CHECK (via IN ('network', 'bundle')),"
                            " received_at TIMESTAMPTZ NOT NULL,"
                            " PRIMARY KEY (device_id, seq))"),
             QStringLiteral("CREATE FUNCTION audit_anchors_append_only() RETURNS trigger"
                            " LANGUAGE plpgsql AS $$ BEGIN"
                            " RAISE EXCEPTION 'audit_anchors is append-only'; END $$"),
             QStringLiteral("CREATE TRIGGER audit_anchors_no_change BEFORE UPDATE OR DELETE ON"
                            " audit_anchors FOR EACH ROW EXECUTE FUNCTION"
                            " audit_anchors_append_only()"),
             // Tamper signals: anchors refused because the server holds another part of the
             // chain.
             QStringLiteral("CREATE TABLE audit_anchor_refusals ("
                            " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            " device_id UUID NOT NULL REFERENCES devices (device_id),"
                            " seq BIGINT NOT NULL,"
                            " hash TEXT NOT NULL,"
                            " signature BYTEA NOT NULL,"
                            " last_seq BIGINT NOT NULL,"
                            " recorded_hash TEXT,"
                            " user_id BIGINT REFERENCES users (id),"
                            " via TEXT NOT NULL,"
                            " received_at TIMESTAMPTZ NOT NULL)")}),
        MigrationStep::sql(
            11,
            QStringLiteral("sync: a digest of every entry with its device and seq (seq_reused)"),
            {QStringLiteral("CREATE TABLE sync_entry_digests ("
                            " device_id UUID NOT NULL REFERENCES devices (device_id),"
                            " seq BIGINT NOT NULL CHECK (seq > 0),"
                            " digest BYTEA NOT NULL CHECK (octet_length(digest) = 32),"
                            " PRIMARY KEY (device_id, seq))")}),
        MigrationStep::sql(
            12,
            QStringLiteral("auth: each user's bundle key (Ed25519 public key derived from the "
                           "password)"),
            {// UserBundleKey (ADR 0015): salt and Argon2id cost of the seed, the public key, and
             // the SHA-256 of the password_hash it was made with — another password_hash (a new
             // password) makes the key stale until the next time the server sees the password.
             QStringLiteral("ALTER TABLE users"
                            " ADD COLUMN bundle_key_salt BYTEA"
                            "  CHECK (octet_length(bundle_key_salt) = 16),"
                            " ADD COLUMN bundle_key_ops BIGINT CHECK (bundle_key_ops > 0),"
                            " ADD COLUMN bundle_key_mem BIGINT CHECK (bundle_key_mem > 0),"
                            " ADD COLUMN bundle_public_key BYTEA"
                            "  CHECK (octet_length(bundle_public_key) = 32),"
                            " ADD COLUMN bundle_key_for BYTEA,"
                            " ADD CHECK ((bundle_public_key IS NULL) = (bundle_key_salt IS NULL)"
                            "  AND (bundle_public_key IS NULL) = (bundle_key_ops IS NULL)"
                            "  AND (bundle_public_key IS NULL) = (bundle_key_mem IS NULL)"
                            "  AND (bundle_public_key IS NULL) = (bundle_key_for IS NULL))")}),
    };
}

bool PgSchema::versionsTableExists(QSqlDatabase db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT to_regclass('schema_versions') IS NOT NULL")) || !q.next()) {
        if (error)
            *error = QStringLiteral("cannot look for schema_versions: %1").arg(q.lastError().text());
        return false;
    }
    return q.value(0).toBool();
}

int PgSchema::currentVersion(QSqlDatabase db, QString *error)
{
    QString lookError;
    if (!versionsTableExists(db, &lookError)) {
        if (lookError.isEmpty())
            return 0;
        if (error)
            *error = lookError;
        return -1;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT version FROM schema_versions WHERE module = ?"));
    q.addBindValue(moduleId());
    if (!q.exec()) {
        if (error)
            *error = QStringLiteral("cannot read schema_versions: %1").arg(q.lastError().text());
        return -1;
    }
    return q.next() ? q.value(0).toInt() : 0;
}

QString PgSchema::checkUpToDate(QSqlDatabase db)
{
    QString error;
    const int version = currentVersion(db, &error);
    if (version < 0)
        return error;
    const int latest = latestVersion();
    if (version < latest) {
        return QStringLiteral("the database schema is at version %1 but this tambo-server needs "
                              "version %2: run `tambo-server --config FILE --migrate` first")
            .arg(version)
            .arg(latest);
    }
    if (version > latest) {
        return QStringLiteral("the database schema is at version %1, newer than this tambo-server "
                              "knows (%2): update tambo-server")
            .arg(version)
            .arg(latest);
    }
    return {};
}

PgSchema::Report PgSchema::migrate(QSqlDatabase db, const core::Clock &clock)
{
    return migrate(std::move(db), clock, steps());
}

PgSchema::Report PgSchema::migrate(QSqlDatabase db,
                                   const core::Clock &clock,
                                   const QList<core::MigrationStep> &all)
{
    Report report;
    if (!db.isOpen()) {
        report.error = QStringLiteral("cannot migrate: the database is not open");
        return report;
    }
    const AdvisoryLock lock(db);
    if (!lock.locked()) {
        report.error = QStringLiteral("cannot take the migration lock: %1").arg(lock.error());
        return report;
    }
    // Created only when missing (under the lock), so PostgreSQL prints no NOTICE to stderr.
    const int stored = currentVersion(db, &report.error);
    if (stored < 0)
        return report;
    if (stored == 0 && !versionsTableExists(db)) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE TABLE schema_versions ("
                                   " module TEXT PRIMARY KEY,"
                                   " version INTEGER NOT NULL CHECK (version >= 0),"
                                   " applied_at TIMESTAMPTZ NOT NULL)"))) {
            report.error = QStringLiteral("cannot create schema_versions: %1")
                               .arg(q.lastError().text());
            return report;
        }
    }

    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).version != int(i) + 1 || !all.at(i).apply) {
            report.error = QStringLiteral("server schema steps must be numbered 1..N and apply "
                                          "something; step %1 is not")
                               .arg(i + 1);
            return report;
        }
    }
    report.from = stored;
    report.to = report.from;
    if (report.from > all.size()) {
        report.error = QStringLiteral("the database schema is at version %1, newer than this "
                                      "tambo-server knows (%2): update tambo-server")
                           .arg(report.from)
                           .arg(all.size());
        return report;
    }

    for (int v = report.from + 1; v <= all.size(); ++v) {
        const core::MigrationStep &step = all.at(v - 1);
        QString stepError;
        bool ok = false;
        {
            core::Transaction tx(db);
            if (!tx.isActive()) {
                stepError = tx.error();
            } else if (!step.apply(db, &stepError)) {
                if (stepError.isEmpty())
                    stepError = QStringLiteral("the step failed without details");
            } else {
                QSqlQuery bump(db);
                bump.prepare(QStringLiteral(
                    "INSERT INTO schema_versions (module, version, applied_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (module) DO UPDATE SET version = excluded.version,"
                    " applied_at = excluded.applied_at"));
                bump.addBindValue(moduleId());
                bump.addBindValue(v);
                bump.addBindValue(clock.now().toUTC());
                if (!bump.exec()) {
                    stepError = bump.lastError().text();
                } else {
                    ok = tx.commit();
                    if (!ok)
                        stepError = tx.error();
                }
            }
        } // rolled back here unless committed
        if (!ok) {
            report.error = QStringLiteral("server schema step %1 (%2) failed: %3")
                               .arg(v)
                               .arg(step.description, stepError);
            return report;
        }
        report.to = v;
    }
    return report;
}

} // namespace tambo::server
