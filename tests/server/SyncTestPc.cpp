#include "SyncTestPc.h"

#include "SyncTestDeclarations.h"

#include "migrations/MigrationRunner.h"
#include "sync/BundleState.h"
#include "sync/OutboxTriggers.h"
#include "sync/ServerEnrollment.h"
#include "sync/SyncSchema.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace tambo::test {

QList<core::SyncedTable> SyncTestPc::tables()
{
    // Core's own synced table (sync_resolutions) first, as ModuleManager::allSyncedTables has it,
    // then the test module's, as tambo-server-test's catalogue has them.
    return core::SyncSchema::syncedTables() + synctest::moduleDeclarations().syncedTables;
}

QList<core::MigrationStep> SyncTestPc::testTableSteps()
{
    return {core::MigrationStep::sql(
        1,
        QStringLiteral("test tables"),
        {QStringLiteral("CREATE TABLE t_items (id TEXT PRIMARY KEY NOT NULL, sede_id TEXT, "
                        "area_id TEXT, name TEXT NOT NULL, estado TEXT NOT NULL DEFAULT 'B', "
                        "note TEXT NOT NULL DEFAULT '', qty INTEGER NOT NULL DEFAULT 0) STRICT"),
         QStringLiteral("CREATE TABLE t_events (id TEXT PRIMARY KEY NOT NULL, item_id TEXT NOT "
                        "NULL, text TEXT NOT NULL) STRICT"),
         QStringLiteral("CREATE TABLE t_shared (id TEXT PRIMARY KEY NOT NULL, label TEXT NOT "
                        "NULL) STRICT")})};
}

SyncTestPc::SyncTestPc(const QString &dir, const QString &name)
    : m_path(dir + QLatin1Char('/') + name + QStringLiteral(".db"))
    , m_deviceId(QUuid::createUuid())
{
    m_key.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_key.data()), 8);
}

SyncTestPc::SyncTestPc(const QString &storePath, const QByteArray &key, const QUuid &deviceId)
    : m_path(storePath)
    , m_key(key)
    , m_deviceId(deviceId)
{}

void SyncTestPc::connectWith(int port, const QString &caCertificate, const QString &accessToken)
{
    m_ca = caCertificate;
    setPort(port);
    m_http->setTokens(accessToken, {});
}

SyncTestPc::~SyncTestPc()
{
    close();
}

bool SyncTestPc::open(QString *error)
{
    auto opened = core::Store::open(m_path, m_key);
    if (!opened.ok()) {
        *error = opened.error;
        return false;
    }
    m_store = std::move(opened.store);
    QSqlDatabase db = m_store->database();
    core::MigrationRunner runner(db, m_clock);
    runner.addModule(core::SyncSchema::moduleId(), core::SyncSchema::steps());
    runner.addModule(QStringLiteral("synctest"), testTableSteps());
    const auto report = runner.migrate();
    if (!report.ok()) {
        *error = report.error + report.stepError;
        return false;
    }
    if (!core::OutboxTriggers::install(db, tables(), error))
        return false;
    m_local = std::make_unique<core::LocalSyncStore>(db, tables(), m_clock);
    return true;
}

void SyncTestPc::close()
{
    m_local.reset();
    if (m_store)
        m_store->close();
    m_store.reset();
}

QSqlDatabase SyncTestPc::db() const
{
    return m_store->database();
}

core::LocalSyncStore &SyncTestPc::local()
{
    return *m_local;
}

void SyncTestPc::setPort(int port)
{
    m_port = port;
    const QString access = m_http ? m_http->accessToken() : QString();
    const QString refresh = m_http ? m_http->refreshToken() : QString();
    m_http = std::make_unique<core::SyncHttpClient>(
        core::SyncHttpClient::Options{QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)),
                                      m_ca,
                                      20000});
    m_http->setTokens(access, refresh);
    // As the desktop's SyncWorker: refreshes of the bound session are signed with the device key.
    if (m_store) {
        const core::BundleKeyPair key = core::BundleState(db()).deviceKey();
        if (key.isValid())
            m_http->setDeviceKey(m_deviceId, key.secretKey);
    }
}

bool SyncTestPc::enroll(int port,
                        const QString &caCertificate,
                        const QString &username,
                        const QString &password,
                        QString *error)
{
    m_ca = caCertificate;
    setPort(port);
    // As the desktop does (SyncWorker::enroll): the device key is the store's bundle key.
    QString keyError;
    const core::BundleKeyPair key = core::BundleState(db()).deviceKey(&keyError);
    if (!key.isValid()) {
        *error = QStringLiteral("device key: %1").arg(keyError);
        return false;
    }
    core::ServerEnrollment enrollment(*m_http,
                                      m_deviceId,
                                      key,
                                      QStringLiteral("PC-%1").arg(username));
    const core::ServerEnrollment::Result enrolled = enrollment.enroll(username, password);
    if (!enrolled.ok) {
        *error = QStringLiteral("enrolment of %1: %2").arg(username, enrolled.message);
        return false;
    }
    return true;
}

core::SyncSession::Result SyncTestPc::sync(const QString &sede,
                                           int pageSize,
                                           const core::LocalSyncStore::RowHook &hook,
                                           int schemaVersion,
                                           int pushBatch)
{
    core::SyncSession::Options options;
    options.deviceId = m_deviceId;
    options.sede = sede;
    options.pageSize = pageSize;
    options.schemaVersion = schemaVersion;
    options.pushBatch = pushBatch;
    core::SyncSession session(*m_local, *m_http, options);
    session.setRowHook(hook);
    return session.run();
}

bool SyncTestPc::addDeviceTable(QString *error)
{
    return exec(QStringLiteral("CREATE TABLE IF NOT EXISTS device (id TEXT PRIMARY KEY NOT NULL, "
                               "one_row INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (one_row = 1)) "
                               "STRICT"),
                {},
                error)
           && exec(QStringLiteral("INSERT OR REPLACE INTO device (id, one_row) VALUES (?, 1)"),
                   {m_deviceId.toString(QUuid::WithoutBraces)},
                   error);
}

bool SyncTestPc::exec(const QString &sql, const QVariantList &binds, QString *error)
{
    QSqlQuery q(db());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        else
            qWarning("SyncTestPc::exec: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

QVariant SyncTestPc::scalar(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

QStringList SyncTestPc::itemsSnapshot() const
{
    QStringList rows;
    QSqlQuery q(db());
    q.exec(QStringLiteral("SELECT id, name, estado, note, qty, sede_id FROM t_items ORDER BY id"));
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < 6; ++i)
            fields << q.value(i).toString();
        rows << fields.join(QLatin1Char('|'));
    }
    return rows;
}

} // namespace tambo::test
