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

// PC → server: the pending push batches and the pull requests (with this PC's cursors), made
// for a user who proves it with their own key (UserBundleKey, docs/adr/0015-bundle-user-proof.md).
struct PcBundle
{
    // The user's signature over proofMessage(): without it tambo-server refuses the bundle.
    struct UserProof
    {
        QByteArray keySalt;   // which of the user's keys signed (its Argon2id salt)
        QByteArray signature; // Ed25519, 64 bytes
        bool isNull() const { return keySalt.isEmpty() && signature.isEmpty(); }
    };

    QUuid bundleId;
    QUuid deviceId;
    QString user;        // the user who made the bundle on the PC (server-side scope checks)
    UserProof userProof; // "user_proof" {"key": hex salt, "signature": hex}; absent when null
    QDateTime createdAt;
    qint64 exportSeq = 0;      // grows with every export of this PC; the reply carries it back
    QList<PushRequest> pushes; // consecutive batches, in seq order
    QList<PullRequest> pulls;  // one per scope, cursor = this PC's cursor
    // The signed head of the PC's audit chain (docs/sync-protocol.md §7.9); absent in bundles
    // of older PCs and of stores without an audit log.
    std::optional<AuditAnchor> auditAnchor;

    QJsonObject toJson() const;
    // A missing "user_proof" is accepted here (an older PC's bundle): the server refuses it with
    // its own message. A malformed one is an error.
    static std::optional<PcBundle> fromJson(const QJsonObject &object, QString *error);

    // The bytes the user's proof signs: "tambo-pc-bundle-user-v1\n", the recipient server's id
    // (16 bytes, RFC 4122) and the bundle's JSON object without "user_proof", serialised
    // compactly by Qt (keys in order). `parsed` must be an object as QJsonDocument::fromJson
    // gives it — the server passes the payload it parsed, the PC the payload it is about to
    // write, parsed back — so both sides serialise the very same values.
    static QByteArray proofMessage(QJsonObject parsed, const QUuid &serverId);
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
