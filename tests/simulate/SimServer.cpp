#include "SimServer.h"

#include "SyncTestPc.h"

#include "sync/BundleService.h"
#include "sync/ServerEnrollment.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

#include <csignal>
#include <utility>

namespace tambo::test {

namespace {

// Every column a version wrote (col_versions moved), and every delete, as the server applied
// them. Installed by the simulator only: tambo-server knows nothing of it.
const char *const AuditSql[] = {
    "CREATE TABLE IF NOT EXISTS sim_audit (id BIGSERIAL PRIMARY KEY, table_name TEXT NOT NULL,"
    " row_id TEXT NOT NULL, col TEXT NOT NULL, value TEXT, device TEXT, version BIGINT NOT NULL)",
    "CREATE OR REPLACE FUNCTION sim_audit_fn() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "DECLARE k TEXT;\n"
    "BEGIN\n"
    "  IF NEW.deleted AND (TG_OP = 'INSERT' OR NOT OLD.deleted) THEN\n"
    "    INSERT INTO sim_audit (table_name, row_id, col, value, device, version)\n"
    "    VALUES (NEW.table_name, NEW.row_id, '', NULL, NULL, NEW.version);\n"
    "  END IF;\n"
    "  FOR k IN SELECT jsonb_object_keys(NEW.col_versions) LOOP\n"
    "    IF TG_OP = 'INSERT' OR (OLD.col_versions -> k) IS DISTINCT FROM (NEW.col_versions -> k)"
    " THEN\n"
    "      INSERT INTO sim_audit (table_name, row_id, col, value, device, version)\n"
    "      VALUES (NEW.table_name, NEW.row_id, k, (NEW.data -> k)::text, NEW.col_devices ->> k,"
    " NEW.version);\n"
    "    END IF;\n"
    "  END LOOP;\n"
    "  RETURN NULL;\n"
    "END $$",
    "CREATE TRIGGER sim_audit AFTER INSERT OR UPDATE ON sync_rows FOR EACH ROW "
    "EXECUTE FUNCTION sim_audit_fn()",
};

} // namespace

SimServer::SimServer()
    : m_connection(QStringLiteral("tambo-simulate-check"))
{}

SimServer::~SimServer()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
    if (m_server && m_server->isRunning()) {
        m_server->signal(SIGTERM);
        m_server->waitForExit(15000);
    }
}

QString SimServer::keyFile() const
{
    return QDir(m_fx.dir()).filePath(QStringLiteral("bundle-key.json"));
}

bool SimServer::setUp(QString *error)
{
    if (!m_fx.setUp(error))
        return false;
    // Long access tokens: a 10,000-seed run lasts hours and the slots keep their tokens.
    m_config = ServerProcess::writeConfig(m_fx.dir(),
                                          QStringLiteral("simulate.ini"),
                                          m_fx.pg(),
                                          m_fx.pg().databaseName(),
                                          &m_fx.certificate(),
                                          // A worker per PC: an idle keep-alive connection holds
                                          // its worker (cpp-httplib), and K PCs keep K of them.
                                          9,
                                          QStringLiteral("[auth]\naccess_token_minutes = 1440\n"));
    if (m_config.isEmpty()) {
        *error = QStringLiteral("cannot write the simulator's configuration");
        return false;
    }
    for (const auto &[user, sede] : {std::pair{QStringLiteral("sim.central"), centralSede()},
                                     std::pair{QStringLiteral("sim.norte"), norteSede()}}) {
        if (!m_fx.createUser(user,
                             QStringLiteral("patrimonio_inventariador"),
                             sede,
                             QStringLiteral("simulacion-2026"),
                             error))
            return false;
    }
    const ServerProcess::Run key = ServerProcess::run({QStringLiteral("bundle"),
                                                       QStringLiteral("key"),
                                                       QStringLiteral("--config"),
                                                       m_config,
                                                       QStringLiteral("--key-file"),
                                                       keyFile()});
    const QStringList parts = key.out.trimmed().split(QLatin1Char(' '));
    if (key.exitCode != 0 || parts.size() != 2) {
        *error = QStringLiteral("tambo-server bundle key failed: %1 %2").arg(key.out, key.err);
        return false;
    }
    m_bundleKey.serverId = QUuid::fromString(parts.at(0));
    m_bundleKey.publicKey = QByteArray::fromHex(parts.at(1).toLatin1());
    {
        QSqlDatabase db = m_fx.pg().open(m_connection);
        if (!db.isOpen()) {
            *error = db.lastError().text();
            return false;
        }
    }
    for (const char *sql : AuditSql) {
        if (!exec(QString::fromUtf8(sql), error))
            return false;
    }
    return startServer(error);
}

bool SimServer::startServer(QString *error)
{
    m_server = std::make_unique<ServerProcess>(
        QDir(m_fx.dir()).filePath(QStringLiteral("server-%1.log").arg(++m_starts)));
    return m_server->start(m_config, error);
}

bool SimServer::restart(QString *error)
{
    m_server->signal(SIGTERM);
    if (!m_server->waitForExit(30000) || m_server->exitCode() != 0) {
        *error = QStringLiteral("tambo-server did not stop cleanly on SIGTERM (exit %1):\n%2")
                     .arg(m_server->exitCode())
                     .arg(m_server->logText().right(2000));
        return false;
    }
    m_sanitizer = m_sanitizer || m_server->hasSanitizerReport();
    return startServer(error);
}

bool SimServer::sanitizerReport() const
{
    return m_sanitizer || (m_server && m_server->hasSanitizerReport());
}

int SimServer::port() const
{
    return m_server ? m_server->port() : 0;
}

QString SimServer::caCertificate() const
{
    return m_fx.certificate().certificatePath();
}

QSqlDatabase SimServer::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool SimServer::exec(const QString &sql, QString *error) const
{
    QSqlQuery q(db());
    if (q.exec(sql))
        return true;
    if (error)
        *error = QStringLiteral("%1: %2").arg(sql.left(120), q.lastError().text());
    return false;
}

bool SimServer::ensureSlots(int count, QString *error)
{
    while (m_slots.size() < count) {
        const int i = int(m_slots.size());
        Slot slot;
        const bool central = i % 2 == 0;
        slot.user = central ? QStringLiteral("sim.central") : QStringLiteral("sim.norte");
        slot.password = QStringLiteral("simulacion-2026");
        slot.sede = central ? centralSede() : norteSede();
        {
            SyncTestPc pc(m_fx.dir(), QStringLiteral("slot%1").arg(i));
            if (!pc.open(error))
                return false;
            core::BundleKeyPair key;
            {
                core::BundleService bundles(pc.local(), pc.db(), pc.clock(), pc.deviceId());
                key = bundles.state().deviceKey(error);
                if (!key.isValid() || !bundles.state().setServerKey(m_bundleKey, error))
                    return false;
            } // closed before the store is
            pc.connectWith(port(), caCertificate(), {});
            core::ServerEnrollment enrollment(pc.http(),
                                              pc.deviceId(),
                                              key,
                                              QStringLiteral("PC simulada %1").arg(i));
            const core::ServerEnrollment::Result enrolled = enrollment.enroll(slot.user,
                                                                              slot.password);
            if (!enrolled.ok) {
                *error = QStringLiteral("enrolment of slot %1: %2").arg(i).arg(enrolled.message);
                return false;
            }
            // The bundle key data the login gave, kept as the desktop keeps them; the key is
            // derived once here (each derivation is an Argon2id of 64 MiB).
            if (!enrolled.bundleKey
                || !core::BundleState(pc.db()).setUserKey(slot.user, *enrolled.bundleKey, error)) {
                if (error->isEmpty())
                    *error = QStringLiteral("the login gave no bundle key for %1").arg(slot.user);
                return false;
            }
            slot.bundleKey = core::UserBundleKey::derive(slot.password, *enrolled.bundleKey, error);
            if (!slot.bundleKey.isValid())
                return false;
            slot.deviceId = pc.deviceId();
            slot.storeKey = QByteArray::fromHex(pc.keyHex().toLatin1());
            slot.accessToken = pc.http().accessToken();
            slot.refreshToken = pc.http().refreshToken();
            slot.templatePath = pc.storePath();
            pc.close();
        }
        if (QFile::exists(slot.templatePath + QStringLiteral("-wal"))) {
            *error = QStringLiteral("the slot store %1 kept a WAL file after closing")
                         .arg(slot.templatePath);
            return false;
        }
        m_slots.append(slot);
    }
    return true;
}

bool SimServer::resetForSeed(QString *error)
{
    return exec(QStringLiteral("TRUNCATE sync_rows, sync_devices, sync_rejections, sync_conflicts, "
                               "sync_pull_cursors, sync_scope_exits, sim_audit RESTART IDENTITY"),
                error)
           && exec(QStringLiteral("ALTER SEQUENCE sync_change_seq RESTART WITH 1"), error);
}

ServerProcess::Run SimServer::bundleImport(const QString &bundle,
                                           const QString &outDir,
                                           QString *reply)
{
    QDir().mkpath(outDir);
    const ServerProcess::Run r = ServerProcess::run({QStringLiteral("bundle"),
                                                     QStringLiteral("import"),
                                                     QStringLiteral("--config"),
                                                     m_config,
                                                     QStringLiteral("--key-file"),
                                                     keyFile(),
                                                     QStringLiteral("--out"),
                                                     outDir,
                                                     bundle});
    const QStringList files = QDir(outDir).entryList(QDir::Files);
    *reply = r.exitCode == 0 && files.size() == 1 ? QDir(outDir).filePath(files.first())
                                                  : QString();
    return r;
}

} // namespace tambo::test
