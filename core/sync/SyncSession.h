#pragma once

#include "sync/LocalSyncStore.h"
#include "sync/SyncProtocol.h"

#include <QString>
#include <QUuid>

#include <functional>

namespace tambo::core {

class SyncHttpClient;

// One sync run against tambo-server: push every pending outbox entry (in batches of at most
// pushBatch entries and maxPushBytes, in seq order; after 413 payload_too_large with fewer
// entries), send a signed anchor of the audit chain's head when it moved (POST
// /v1/audit/anchors, docs/sync-protocol.md §7.9), then pull every page of the scope.
// Synchronous; runs on the sync worker's thread with that thread's connection (or on a test's
// thread). Never deletes a pending change: a failure at any point leaves the outbox and the
// cursor where the last committed step put them.
// On 409 seq_reused it stops this store's sync for good (until DeviceReenrollment): every later
// run answers SeqReused at once, without a request, and the outbox stays as it is.
class SyncSession
{
public:
    struct Options
    {
        QUuid deviceId;
        QString sede; // the scope to pull; empty = all the user may see
        QString area;
        int pushBatch = 100; // entries per push request, at most …
        qint64 maxPushBytes = SyncProtocol::MaxPushBytes; // … and this many bytes of entries
        int pageSize = 500;
        int schemaVersion = SyncProtocol::SchemaVersion; // tests: an old client
        int maxChecksumRetries = 3;
        bool anchorAudit = true; // send the audit anchor after the push
    };

    enum class Outcome {
        Synced,
        Offline,      // no HTTP answer, or 503: retry later
        ClientTooOld, // 426: keep the data, tell the user
        AuthFailed,   // 401/403: log in again / device revoked
        SeqGap,       // the server expects an older seq than this PC still has (restored server)
        SeqReused,    // 409 seq_reused: this store was restored or copied; sync stays stopped
                      // (LocalSyncStore::syncStop) until the PC is enrolled as a new device
        Failed,       // anything else (message says what)
    };

    // The audit anchor of a run. It never fails the run: the data sync goes on whatever the
    // anchor's fate (an older server without the endpoint, a refusal).
    enum class AnchorOutcome {
        NotNeeded, // no audit log, an empty one, or its head is already acknowledged
        Recorded,  // the server has it (new, or already recorded); kept as acknowledged
        Refused,   // 409 anchor_conflict: the server holds another hash for that part of the chain
        Failed,    // no answer, another error, or no device key
    };

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString message; // for the user (Spanish when it came from the server)
        int pushed = 0;  // entries acknowledged
        int rejected = 0;
        int conflicts = 0;
        int pulled = 0; // rows received
        int checksumRetries = 0;
        AnchorOutcome anchor = AnchorOutcome::NotNeeded;
        QString anchorMessage; // why an anchor was refused or failed
        bool ok() const { return outcome == Outcome::Synced; }
    };

    using Progress = std::function<void(int percent)>;

    SyncSession(LocalSyncStore &store, SyncHttpClient &client, Options options);

    Result run(const Progress &progress = {});
    Result push(const Progress &progress = {});
    Result pull(const Progress &progress = {});
    // Sends the signed head of the audit chain unless the server acknowledged it already, and
    // records the acknowledgement (AuditAnchorState).
    AnchorOutcome anchorAudit(QString *message = nullptr);

    // Tests: called after each pulled row is applied (inside the page's transaction).
    void setRowHook(LocalSyncStore::RowHook hook) { m_rowHook = std::move(hook); }

private:
    Result fromHttpFailure(int status,
                           const QString &code,
                           const QString &message,
                           const QString &networkError) const;
    int schemaVersion() const;
    std::optional<Result> stopped() const;

    LocalSyncStore &m_store;
    SyncHttpClient &m_client;
    Options m_options;
    LocalSyncStore::RowHook m_rowHook;
};

} // namespace tambo::core
