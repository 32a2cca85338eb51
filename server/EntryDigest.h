#pragma once

#include "sync/SyncMessages.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tambo::server {

// Sequence integrity (docs/sync-protocol.md §7.1): the server keeps, for every entry it applied
// or rejected, a SHA-256 of the entry's canonical content with the device's seq
// (sync_entry_digests, server schema step 7). A seq that comes again is a duplicate only when
// its content is the same; with other content the device's store was restored from a backup or
// copied (two stores speak as one device), and the push is refused with 409 seq_reused instead
// of silently dropping the new change.
//
// The canonical content is the compact JSON (sorted keys) of {"base_versions", "ops"}; the
// seq is the table's key and the schema version is left out on purpose: an entry sent again
// after the PC's Tambo was updated (a lost answer, a bundle carried for days) is still the same
// change. An entry refused for its values (SyncValueCheck) counts as {"refused": reason},
// whether the desktop refused it before sending (OutboxEntry::refused) or the server found the
// problem, so the two ways of sending the same bad entry agree.
class EntryDigest
{
public:
    static QByteArray canonicalContent(const core::OutboxEntry &entry,
                                       const QString &refusedReason = {});
    // 32 bytes.
    static QByteArray of(const core::OutboxEntry &entry, const QString &refusedReason = {});

    // The digest stored for a device's seq: nullopt when there is none (an entry applied
    // before digests were kept stays an ordinary duplicate); *error on a database error.
    static std::optional<QByteArray> stored(QSqlDatabase db,
                                            const QString &deviceId,
                                            qint64 seq,
                                            QString *error);
    // In the caller's transaction (the one that moves the device's last_seq).
    static bool store(QSqlDatabase db,
                      const QString &deviceId,
                      qint64 seq,
                      const QByteArray &digest,
                      QString *error);
};

} // namespace tambo::server
