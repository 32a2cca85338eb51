#include "sync/SyncSession.h"

#include "sync/AuditAnchor.h"
#include "sync/AuditAnchorState.h"
#include "sync/BundleState.h"
#include "sync/SyncHttpClient.h"
#include "sync/SyncProtocol.h"

#include <QJsonDocument>

#include <algorithm>
#include <future>

namespace tambo::core {

SyncSession::SyncSession(LocalSyncStore &store, SyncHttpClient &client, Options options)
    : m_store(store)
    , m_client(client)
    , m_options(std::move(options))
{}

int SyncSession::schemaVersion() const
{
    return m_options.schemaVersion;
}

SyncSession::Result SyncSession::fromHttpFailure(int status,
                                                 const QString &code,
                                                 const QString &message,
                                                 const QString &networkError) const
{
    Result r;
    r.message = message;
    if (status == 0 || status == 503 || status == 502 || status == 504) {
        r.outcome = Outcome::Offline;
        if (r.message.isEmpty())
            r.message = networkError;
    } else if (status == 426) {
        r.outcome = Outcome::ClientTooOld;
    } else if (status == 401 || status == 403) {
        r.outcome = Outcome::AuthFailed;
    } else if (code == QLatin1String("seq_gap")) {
        r.outcome = Outcome::SeqGap;
    } else if (code == QLatin1String("seq_reused")) {
        r.outcome = Outcome::SeqReused;
    } else {
        r.outcome = Outcome::Failed;
        if (r.message.isEmpty())
            r.message = QStringLiteral("HTTP %1 %2").arg(status).arg(code);
    }
    return r;
}

std::optional<SyncSession::Result> SyncSession::stopped() const
{
    const std::optional<LocalSyncStore::SyncStop> stop = m_store.syncStop();
    if (!stop)
        return std::nullopt;
    Result r;
    r.outcome = Outcome::SeqReused;
    r.message = stop->message.isEmpty() ? SyncProtocol::seqReusedMessage(stop->seq)
                                        : stop->message;
    return r;
}

SyncSession::Result SyncSession::run(const Progress &progress)
{
    // Push first: the server merges this PC's changes, and the pull then brings the result.
    Result pushed = push([&](int p) {
        if (progress)
            progress(p / 2);
    });
    if (!pushed.ok())
        return pushed;
    QString anchorMessage;
    const AnchorOutcome anchor = m_options.anchorAudit ? anchorAudit(&anchorMessage)
                                                       : AnchorOutcome::NotNeeded;
    Result pulled = pull([&](int p) {
        if (progress)
            progress(50 + p / 2);
    });
    pulled.pushed = pushed.pushed;
    pulled.rejected = pushed.rejected;
    pulled.conflicts = pushed.conflicts;
    pulled.anchor = anchor;
    pulled.anchorMessage = anchorMessage;
    return pulled;
}

SyncSession::AnchorOutcome SyncSession::anchorAudit(QString *message)
{
    const auto say = [message](AnchorOutcome outcome, const QString &text) {
        if (message)
            *message = text;
        return outcome;
    };
    QSqlDatabase db = m_store.database();
    AuditAnchorState state(db);
    QString error;
    const std::optional<AuditAnchorState::Point> head = state.head(&error);
    if (!head)
        return say(AnchorOutcome::Failed, QStringLiteral("audit head: %1").arg(error));
    if (head->isNull() || state.lastAcknowledged().anchor == *head)
        return AnchorOutcome::NotNeeded;
    if (state.lastRefused() == *head)
        return say(AnchorOutcome::Refused,
                   QStringLiteral("the server refused this audit head before"));
    const BundleKeyPair key = BundleState(db).storedDeviceKey();
    if (!key.isValid())
        return say(AnchorOutcome::Failed, QStringLiteral("this PC has no device key"));
    const AuditAnchor anchor = AuditAnchor::sign(key.secretKey,
                                                 m_options.deviceId,
                                                 head->seq,
                                                 head->hash);
    const SyncHttpClient::Reply reply = m_client.post(SyncProtocol::auditAnchorsPath(),
                                                      anchor.toJson());
    if (reply.status == 409) {
        state.setRefused(*head); // best effort: only saves sending it again
        return say(AnchorOutcome::Refused, reply.message());
    }
    if (!reply.ok())
        return say(AnchorOutcome::Failed,
                   reply.status == 0 ? reply.networkError
                                     : QStringLiteral("HTTP %1 %2: %3")
                                           .arg(reply.status)
                                           .arg(reply.errorCode(), reply.message()));
    AuditAnchorState::Acknowledged acknowledged;
    acknowledged.anchor = *head;
    acknowledged.at
        = QDateTime::fromString(reply.json.value(QStringLiteral("received_at")).toString(),
                                Qt::ISODateWithMs);
    acknowledged.via = AuditAnchorState::Via::Network;
    if (!state.setAcknowledged(acknowledged, &error))
        return say(AnchorOutcome::Failed, error);
    return AnchorOutcome::Recorded;
}

SyncSession::Result SyncSession::push(const Progress &progress)
{
    if (const std::optional<Result> stop = stopped())
        return *stop;
    Result result;
    const int total = std::max(1, m_store.pendingCount());
    const QList<SyncTableRule> rules = m_store.tableRules();
    int batch = std::clamp(m_options.pushBatch, 1, SyncProtocol::MaxEntriesPerPush);
    for (;;) {
        QString error;
        QList<OutboxEntry> entries = m_store.pendingEntries(batch, &error);
        if (!error.isEmpty()) {
            result.outcome = Outcome::Failed;
            result.message = error;
            return result;
        }
        if (entries.isEmpty())
            break;
        // At most maxPushBytes of entries per request (always one): a few large rows must not
        // make a body the server refuses.
        qint64 bytes = 0;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            bytes += QJsonDocument(entries.at(i).toJson()).toJson(QJsonDocument::Compact).size()
                     + 1;
            if (i > 0 && bytes > m_options.maxPushBytes) {
                entries.resize(i);
                break;
            }
        }
        PushRequest request;
        request.deviceId = m_options.deviceId;
        request.schemaVersion = schemaVersion();
        request.tables = rules;
        request.entries = entries;
        for (OutboxEntry &e : request.entries)
            e.schemaVersion = request.schemaVersion;
        const SyncHttpClient::Reply reply = m_client.post(SyncProtocol::pushPath(),
                                                          request.toJson());
        if (reply.status == 413 && entries.size() > 1) {
            // The server takes less per request than this PC sent: fewer entries, at once.
            batch = int(std::max<qsizetype>(1, entries.size() / 2));
            continue;
        }
        if (!reply.ok()) {
            Result failed = fromHttpFailure(reply.status,
                                            reply.errorCode(),
                                            reply.message(),
                                            reply.networkError);
            failed.pushed = result.pushed;
            if (failed.outcome == Outcome::SeqReused) {
                // This store was restored or copied: stop for good (until it is enrolled as a
                // new device); nothing of the outbox is touched.
                const qint64 seq = qint64(reply.json.value(QStringLiteral("seq")).toDouble());
                if (failed.message.isEmpty())
                    failed.message = SyncProtocol::seqReusedMessage(seq);
                LocalSyncStore::SyncStop stop;
                stop.code = QStringLiteral("seq_reused");
                stop.message = failed.message;
                stop.seq = seq;
                m_store.setSyncStop(stop); // at: the store's clock
            }
            return failed;
        }
        const std::optional<PushResponse> response = PushResponse::fromJson(reply.json, &error);
        if (!response) {
            result.outcome = Outcome::Failed;
            result.message = QStringLiteral("bad push answer: %1").arg(error);
            return result;
        }
        if (!m_store.recordAcks(*response, &error)) {
            result.outcome = Outcome::Failed;
            result.message = error;
            return result;
        }
        for (const PushAck &ack : response->acks) {
            ++result.pushed;
            if (ack.status == PushAck::Status::Rejected)
                ++result.rejected;
            result.conflicts += int(ack.conflicts.size());
        }
        if (response->acks.isEmpty()) { // nothing acknowledged: do not loop forever
            result.outcome = Outcome::Failed;
            result.message = QStringLiteral("the server acknowledged nothing");
            return result;
        }
        if (progress)
            progress(std::min(100, result.pushed * 100 / total));
    }
    result.outcome = Outcome::Synced;
    return result;
}

SyncSession::Result SyncSession::pull(const Progress &progress)
{
    if (const std::optional<Result> stop = stopped())
        return *stop;
    Result result;
    PullRequest request;
    request.deviceId = m_options.deviceId;
    request.schemaVersion = schemaVersion();
    request.sede = m_options.sede;
    request.area = m_options.area;
    request.pageSize = std::clamp(m_options.pageSize, 1, SyncProtocol::MaxPageSize);
    const QString scope = request.scopeKey();
    int badChecksums = 0;
    // While a page is applied, the next one is already on its way (Qt carries HTTP on its own
    // thread): the server's work and the network overlap the local writes. The next page is
    // asked from the cursor this page ends at, which is the stored cursor once it is applied;
    // if anything fails, the page on its way is dropped and nothing of it is applied. Every
    // request also says which cursor is committed here ("applied_cursor"): the server keeps
    // only that one for this device, so a page asked ahead never lets it purge a tombstone
    // this PC has not applied (the cursor of the last page is confirmed by the next run).
    SyncHttpClient::PendingPost ahead;
    bool haveAhead = false;
    qint64 counted = 0;    // rows left after the last page whose answer counted them …
    int pulledAtCount = 0; // … when this many rows had been pulled
    for (;;) {
        request.cursor = m_store.cursor(scope);
        request.appliedCursor = request.cursor;
        const SyncHttpClient::Reply reply = haveAhead ? m_client.finishPost(ahead)
                                                      : m_client.post(SyncProtocol::pullPath(),
                                                                      request.toJson());
        haveAhead = false;
        if (!reply.ok()) {
            Result failed = fromHttpFailure(reply.status,
                                            reply.errorCode(),
                                            reply.message(),
                                            reply.networkError);
            failed.pulled = result.pulled;
            return failed;
        }
        QString error;
        const std::optional<PullResponse> page = PullResponse::fromJson(reply.json, &error);
        if (!page) {
            // A damaged page: nothing of it is applied; this scope is pulled again from the
            // same cursor, a few times, then the run fails (and is retried later).
            ++result.checksumRetries;
            if (++badChecksums > m_options.maxChecksumRetries) {
                result.outcome = Outcome::Failed;
                result.message = QStringLiteral("bad pull page: %1").arg(error);
                return result;
            }
            continue;
        }
        if (page->more) {
            PullRequest next = request; // appliedCursor: this page is not committed yet
            next.cursor = page->nextCursor;
            next.countRemaining = false; // counted on the first page; counted down from there
            ahead = m_client.startPost(SyncProtocol::pullPath(), next.toJson());
            haveAhead = true;
        }
        // The checksum is computed on another thread while the rows are written; the page is
        // committed only if it matches (else rolled back: nothing of a damaged page is kept).
        std::future<QString> checksum = std::async(std::launch::async, [rows = page->rows] {
            return SyncProtocol::pageChecksum(rows);
        });
        const LocalSyncStore::ApplyResult applied
            = m_store.applyPage(scope, *page, m_rowHook, [&](QString *why) {
                  if (checksum.get() == page->checksum)
                      return true;
                  *why = QStringLiteral("checksum mismatch");
                  return false;
              });
        if (applied.verifyFailed) {
            if (haveAhead)
                m_client.abandon(ahead);
            haveAhead = false;
            ++result.checksumRetries;
            if (++badChecksums > m_options.maxChecksumRetries) {
                result.outcome = Outcome::Failed;
                result.message = QStringLiteral("bad pull page: %1").arg(applied.error);
                return result;
            }
            continue;
        }
        if (!applied.ok || m_store.cursor(scope) != page->nextCursor) {
            if (haveAhead)
                m_client.abandon(ahead);
            result.outcome = Outcome::Failed;
            result.message = applied.ok ? QStringLiteral("the pull cursor did not move")
                                        : applied.error;
            return result;
        }
        result.pulled += int(page->rows.size());
        if (page->remaining >= 0) {
            counted = page->remaining;
            pulledAtCount = result.pulled;
        }
        if (progress) {
            const qint64 left = std::max<qint64>(0, counted - (result.pulled - pulledAtCount));
            const qint64 all = result.pulled + left;
            const int percent = all > 0 ? int(qint64(result.pulled) * 100 / all) : 100;
            progress(page->more ? std::min(percent, 99) : percent);
        }
        if (!page->more)
            break;
    }
    result.outcome = Outcome::Synced;
    return result;
}

} // namespace tambo::core
