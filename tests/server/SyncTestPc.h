#pragma once

#include "FakeClock.h"

#include "migrations/MigrationStep.h"
#include "module/SyncedTable.h"
#include "store/Store.h"
#include "sync/LocalSyncStore.h"
#include "sync/SyncHttpClient.h"
#include "sync/SyncSession.h"

#include <QSqlDatabase>
#include <QString>
#include <QUuid>
#include <QVariant>

#include <memory>

namespace tambo::test {

// One municipal PC for the sync tests: a real SQLCipher store (core::Store) with the sync
// schema (and its synced sync_resolutions), three test tables declared like a module would (t_items: Mutable, scoped by
// sede_id/area_id, legal column estado; t_events: AppendOnly, scoped through its item;
// t_shared: Mutable, no scope) and the generated outbox triggers; a device enrolled on a real
// tambo-server (login, register with an Ed25519 key, login bound to the device); and a
// SyncSession to run. The store can be closed and reopened (a PC restarted).
class SyncTestPc
{
public:
    static QList<core::SyncedTable> tables();
    static QList<core::MigrationStep> testTableSteps();

    SyncTestPc(const QString &dir, const QString &name);
    // An existing PC's store (another process: tests/server/sync_pc_helper).
    SyncTestPc(const QString &storePath, const QByteArray &key, const QUuid &deviceId);
    ~SyncTestPc();

    bool open(QString *error); // creates or reopens; migrates; installs the triggers
    void close();

    // Logs in, registers this PC's device and logs in again bound to it.
    bool enroll(int port,
                const QString &caCertificate,
                const QString &username,
                const QString &password,
                QString *error);
    // Points the client at another port (the server restarted), keeping the tokens.
    void setPort(int port);
    // Uses given tokens instead of enrolling (another process of the same PC).
    void connectWith(int port, const QString &caCertificate, const QString &accessToken);

    core::SyncSession::Result sync(const QString &sede = {},
                                   int pageSize = 500,
                                   const core::LocalSyncStore::RowHook &hook = {},
                                   int schemaVersion = core::SyncProtocol::SchemaVersion,
                                   int pushBatch = 100);

    QSqlDatabase db() const;
    core::Store &store() { return *m_store; }
    core::LocalSyncStore &local();
    core::SyncHttpClient &http() { return *m_http; }
    FakeClock &clock() { return m_clock; }

    bool exec(const QString &sql, const QVariantList &binds = {}, QString *error = nullptr);
    QVariant scalar(const QString &sql, const QVariantList &binds = {});
    // "id|name|estado|note|qty|sede" of every t_items row, sorted: compares two PCs.
    QStringList itemsSnapshot() const;

    QUuid deviceId() const { return m_deviceId; }
    // The device id after the store was enrolled as a new device (DeviceReenrollment).
    void setDeviceId(const QUuid &id) { m_deviceId = id; }
    // CoreSchema's one-row device table with this PC's id, as a Tambo workspace has it
    // (DeviceReenrollment changes it).
    bool addDeviceTable(QString *error = nullptr);
    QString storePath() const { return m_path; }
    QString keyHex() const { return QString::fromLatin1(m_key.toHex()); }
    int port() const { return m_port; }
    QString caCertificate() const { return m_ca; }

private:
    QString m_path;
    QByteArray m_key;
    FakeClock m_clock;
    std::unique_ptr<core::Store> m_store;
    std::unique_ptr<core::LocalSyncStore> m_local;
    std::unique_ptr<core::SyncHttpClient> m_http;
    QUuid m_deviceId;
    int m_port = 0;
    QString m_ca;
};

} // namespace tambo::test
