#include "EntryDigest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <sodium.h>

namespace tambo::server {

QByteArray EntryDigest::canonicalContent(const core::OutboxEntry &entry,
                                         const QString &refusedReason)
{
    QJsonObject content;
    const QString reason = entry.refused ? entry.refused->reason : refusedReason;
    if (!reason.isEmpty()) {
        content.insert(QStringLiteral("refused"), reason);
    } else {
        QJsonObject base;
        for (auto it = entry.baseVersions.begin(); it != entry.baseVersions.end(); ++it)
            base.insert(it.key(), double(it.value()));
        QJsonArray ops;
        for (const core::SyncOp &op : entry.ops)
            ops.append(op.toJson());
        content.insert(QStringLiteral("base_versions"), base);
        content.insert(QStringLiteral("ops"), ops);
    }
    // QJsonObject keeps its keys sorted and compact output has no optional whitespace.
    return QJsonDocument(content).toJson(QJsonDocument::Compact);
}

QByteArray EntryDigest::of(const core::OutboxEntry &entry, const QString &refusedReason)
{
    const QByteArray content = canonicalContent(entry, refusedReason);
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()),
                       reinterpret_cast<const unsigned char *>(content.constData()),
                       quint64(content.size()));
    return digest;
}

std::optional<QByteArray> EntryDigest::stored(QSqlDatabase db,
                                              const QString &deviceId,
                                              qint64 seq,
                                              QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT digest FROM sync_entry_digests WHERE device_id = ?::uuid "
                             "AND seq = ?"));
    q.addBindValue(deviceId);
    q.addBindValue(seq);
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return q.value(0).toByteArray();
}

bool EntryDigest::store(QSqlDatabase db,
                        const QString &deviceId,
                        qint64 seq,
                        const QByteArray &digest,
                        QString *error)
{
    // A seq stored already can only come back here when last_seq was moved back by hand:
    // the newest content is what the server applied.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sync_entry_digests (device_id, seq, digest) VALUES "
                             "(?::uuid, ?, ?) ON CONFLICT (device_id, seq) DO UPDATE SET "
                             "digest = excluded.digest"));
    q.addBindValue(deviceId);
    q.addBindValue(seq);
    q.addBindValue(digest);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace tambo::server
