#pragma once

#include "sync/AuditAnchor.h"
#include "sync/SyncMessages.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace tambo::core {

// The payloads of sync bundles (docs/sync-protocol.md "Bundles"): the SAME v1 messages as the
// network path (PushRequest, PullRequest, PushResponse, PullResponse) with a little envelope.
// fromJson() validates completely like the network messages do.

// PC → server: the pending push batches and the pull requests (with this PC's cursors).
struct PcBundle
{
    QUuid bundleId;
    QUuid deviceId;
    QString user; // the user who made the bundle on the PC (server-side scope checks)
    QDateTime createdAt;
    qint64 exportSeq = 0;      // grows with every export of this PC; the reply carries it back
    QList<PushRequest> pushes; // consecutive batches, in seq order
    QList<PullRequest> pulls;  // one per scope, cursor = this PC's cursor
    // The signed head of the PC's audit chain (docs/sync-protocol.md §7.9); absent in bundles
    // of older PCs and of stores without an audit log.
    std::optional<AuditAnchor> auditAnchor;

    QJsonObject toJson() const;
    static std::optional<PcBundle> fromJson(const QJsonObject &object, QString *error);
};

// server → PC: the answers to a PcBundle.
struct ServerBundle
{
    struct Scope
    {
        PullRequest request;       // as the PC announced it (its cursor)
        QList<PullResponse> pages; // consecutive pages from that cursor
        QString error;             // non-empty: this scope was refused (Spanish, for the user)
    };

    QUuid bundleId;
    QUuid deviceId;
    QDateTime createdAt;
    QUuid inReplyTo;                 // the PcBundle's id
    qint64 exportSeq = 0;            // the PcBundle's exportSeq
    QList<PushResponse> pushResults; // one per PcBundle push batch that was applied
    QString pushError;               // non-empty: the pushes were refused (e.g. a seq gap)
    QList<Scope> scopes;
    // The server's last audit anchor of this device after the bundle's own anchor was handled
    // (a copy from the server: the PC keeps it as acknowledged when its chain matches it), and
    // what became of the bundle's anchor: "recorded", "already_recorded", "refused",
    // "invalid_signature" (empty: the bundle had none).
    struct AnchorEcho
    {
        qint64 seq = 0;
        QString hash;
        QDateTime receivedAt;
    };
    std::optional<AnchorEcho> auditAnchor;
    QString auditAnchorStatus;

    QJsonObject toJson() const;
    static std::optional<ServerBundle> fromJson(const QJsonObject &object, QString *error);
};

} // namespace tambo::core
