#pragma once

#include "sync/BundleFile.h"
#include "sync/BundleState.h"
#include "sync/UserBundleKey.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <functional>

namespace tambo::core {

class AuditLog;
class Clock;
class LocalSyncStore;

// Sync bundles on the PC side (docs/sync-protocol.md "Bundles"): exports the pending outbox and
// the pull cursors as a signed, encrypted file for tambo-server, and imports the server's reply
// through the same code as the network path (LocalSyncStore::recordAcks and applyPage).
//
// Import checks everything before it writes anything: the header (truncation, recipient), the
// decryption, the server's signature, the JSON and every page checksum. Then the acks are
// recorded and the pages applied, each in its own transaction exactly like a network sync
// (pages already covered by this PC's cursor are skipped or trimmed, so nothing older is ever
// written over newer data); the import is recorded last. Importing the same file again, an
// older reply or a reply for another PC changes nothing and says why.
class BundleService
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::BundleService)

public:
    struct Scope
    {
        QString sede; // empty: all the user may see
        QString area;
    };

    BundleService(LocalSyncStore &store, QSqlDatabase db, const Clock &clock, QUuid deviceId);

    using Progress = std::function<void(int percent)>;

    struct ExportResult
    {
        bool ok = false;
        QString path;    // the bundle written
        QString message; // for the user
        int entries = 0; // pending outbox entries carried
    };
    // The bundle is made for `user`, who proves it with their own key (UserBundleKey, derived
    // from their server password with the parameters this PC keeps for them: BundleState::
    // userKey). Without those parameters, or with a password that does not match them, nothing is
    // written. Deriving the key costs a moment and the key's Argon2id memory (64 MiB).
    ExportResult exportTo(const QString &dir,
                          const QString &user,
                          const QString &password,
                          const QList<Scope> &scopes = {Scope{}},
                          const Progress &progress = {});
    // The same with a key already derived (userKey()), e.g. for several exports in a row.
    ExportResult exportTo(const QString &dir,
                          const QString &user,
                          const UserBundleKey &key,
                          const QList<Scope> &scopes = {Scope{}},
                          const Progress &progress = {});

    // user's bundle key from their password, or an invalid key and a message for the user (no
    // parameters on this PC yet, or a mistyped password).
    struct UserKey
    {
        UserBundleKey key;
        QString message;
        bool ok() const { return key.isValid(); }
    };
    UserKey userKey(const QString &user, const QString &password) const;
    // Whether this PC has the parameters of user's bundle key (a password can be asked for).
    bool hasUserKey(const QString &user) const;

    enum class ImportStatus {
        Applied,         // acks recorded / pages applied
        AlreadyImported, // this very bundle was imported before: nothing done
        Older,           // older than the last imported: nothing done
        WrongPc,         // for another device: nothing done
        Refused,         // damaged, truncated, forged, unknown key: nothing done
        Failed,          // a local error (store, file); what was applied is consistent
    };
    struct ImportResult
    {
        ImportStatus status = ImportStatus::Failed;
        QString message; // for the user
        int acknowledged = 0;
        int rejected = 0;
        int conflicts = 0;
        int rows = 0;
        bool ok() const
        {
            return status != ImportStatus::Refused && status != ImportStatus::Failed;
        }
    };
    ImportResult importFile(const QString &path, const Progress &progress = {});

    // Records "sync_bundle" export/import rows in the audit log (actor: the export's user, or
    // importActor for imports). Without it nothing is audited (tests of the format).
    void setAudit(AuditLog *audit, QString importActor)
    {
        m_audit = audit;
        m_importActor = std::move(importActor);
    }

    BundleState &state() { return m_state; }
    QUuid deviceId() const { return m_deviceId; }

    // Extension of bundle files.
    static QString fileSuffix() { return QStringLiteral("tambo-bundle"); }

private:
    ImportResult refuse(ImportStatus status, const QString &message) const;

    LocalSyncStore &m_store;
    QSqlDatabase m_db;
    const Clock &m_clock;
    QUuid m_deviceId;
    BundleState m_state;
    AuditLog *m_audit = nullptr;
    QString m_importActor;
};

} // namespace tambo::core
