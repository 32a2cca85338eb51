#pragma once

#include "ServerFixture.h"
#include "ServerProcess.h"

#include "sync/BundleState.h"
#include "sync/UserBundleKey.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <memory>

namespace tambo::test {

// The server side that tambo-simulate keeps for a whole seed range: the test harness's
// PostgreSQL cluster and certificate (ServerFixture), one real tambo-server process, two sede
// users, the server's bundle key, and K enrolled PCs ("slots"). Each slot is a real SQLCipher
// store enrolled once through core::ServerEnrollment with its bundle key; every seed starts from
// a copy of that fresh store, so no seed pays the Argon2 logins again.
//
// resetForSeed() empties the sync state (every sync_* table, the version sequence) so each seed
// starts from the same server state and runs the same way alone or inside a range. An audit
// trigger on sync_rows (sim_audit: one line per column a version wrote, one per delete) lets the
// checks see every write the server applied, and so a write applied twice or never.
class SimServer
{
public:
    struct Slot
    {
        QString user;
        QString password;
        QString sede;
        QUuid deviceId;
        QByteArray storeKey;
        QString templatePath; // the enrolled, empty store
        QString accessToken;
        QString refreshToken;
        core::UserBundleKey bundleKey; // the user's, derived once (ADR 0015)
    };

    SimServer();
    ~SimServer();

    bool setUp(QString *error);
    // Enrolls slots until there are `count` (even slots in sede central, odd ones in norte).
    bool ensureSlots(int count, QString *error);
    bool resetForSeed(QString *error);
    // SIGTERM, wait for a clean exit, start again (a new port).
    bool restart(QString *error);

    Slot &slot(int i) { return m_slots[i]; }
    int port() const;
    QString caCertificate() const;
    QString dir() const { return m_fx.dir(); }
    const core::BundleState::ServerKey &bundleKey() const { return m_bundleKey; }
    QSqlDatabase db() const; // database "tambo", for the checks
    bool exec(const QString &sql, QString *error = nullptr) const;

    // `tambo-server bundle import`; *reply gets the reply bundle's path (empty on failure).
    ServerProcess::Run bundleImport(const QString &bundle, const QString &outDir, QString *reply);

    // True when the server process wrote a sanitizer report (ci preset).
    bool sanitizerReport() const;

    static QString centralSede() { return QStringLiteral("central"); }
    static QString norteSede() { return QStringLiteral("norte"); }

private:
    bool startServer(QString *error);
    QString keyFile() const;

    ServerFixture m_fx;
    QString m_config;
    std::unique_ptr<ServerProcess> m_server;
    int m_starts = 0;
    bool m_sanitizer = false;
    core::BundleState::ServerKey m_bundleKey;
    QList<Slot> m_slots;
    QString m_connection;
};

} // namespace tambo::test
