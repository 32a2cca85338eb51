#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>

namespace tambo::core {

struct PulledRow;

// Constants and rules of the sync protocol v1 that the desktop (core/sync) and tambo-server
// share (docs/sync-protocol.md). Pure functions, no I/O.
class SyncProtocol
{
public:
    // Version of the synced data schema this build speaks. It grows when a synced table gains
    // columns the other side must know about; schema changes only add (GUIDE §5).
    static constexpr int SchemaVersion = 1;
    // The oldest client data schema this build's server still accepts.
    static constexpr int MinSchemaVersion = 1;

    static constexpr int MaxEntriesPerPush = 500;
    static constexpr int MaxOpsPerEntry = 1000;
    // Ops of all the entries of one push: the server answers 413 above it (the client then sends
    // fewer entries), so one request never holds a server worker for minutes.
    static constexpr int MaxOpsPerPush = 5000;
    static constexpr int DefaultPageSize = 500;
    static constexpr int MaxPageSize = 2000; // rows of one pull page

    // Byte caps (docs/sync-protocol.md §7.6), the same on the desktop and on tambo-server.
    // A row's data as compact JSON (UTF-8, as QJsonDocument::Compact writes it): an entry with
    // a larger row is rejected (reason row_too_large), never applied.
    static constexpr qint64 MaxRowBytes = 1024 * 1024;
    // The rows of one pull page as canonical JSON (the bytes pageChecksum() covers): the server
    // ends a page before it would pass this, and sets "more". A page always carries at least
    // one row, so a row larger than this (stored before the row cap existed) still travels,
    // alone.
    static constexpr qint64 MaxPageBytes = 4 * 1024 * 1024;
    // What the desktop puts in one push request (the entries as compact JSON). The server
    // refuses a body over its max_body_bytes (default 8 MiB) with 413 payload_too_large; the
    // desktop then sends fewer entries per request.
    static constexpr qint64 MaxPushBytes = 4 * 1024 * 1024;

    static QString pushPath() { return QStringLiteral("/v1/sync/push"); }
    static QString pullPath() { return QStringLiteral("/v1/sync/pull"); }
    static QString auditAnchorsPath() { return QStringLiteral("/v1/audit/anchors"); }

    enum class Negotiation { Ok, ClientTooOld, ClientTooNew };
    // Whether a client speaking clientSchema may sync with a server that accepts
    // [minSupported, maxSupported].
    static Negotiation negotiate(int clientSchema, int minSupported, int maxSupported);
    // Plain Spanish for the user (the server sends it as the error message): what happened and
    // that the local data is safe.
    static QString negotiationMessage(Negotiation result,
                                      int clientSchema,
                                      int minSupported,
                                      int maxSupported);

    // Plain Spanish for the user and OTIC (the server sends it with 409 seq_reused): the server
    // already holds this device's change number seq with other content, so this PC's store was
    // restored from a backup or copied from another PC; what to do.
    static QString seqReusedMessage(qint64 seq);

    // Table names of synced tables: lower-case SQL identifiers (also what triggers quote).
    static bool isValidTableName(const QString &name);
    // Key of a row in base_versions / row_versions: "table/id".
    static QString rowKey(const QString &table, const QString &id);

    // Hex SHA-256 over the canonical JSON of a pull page's rows (sorted keys, compact). Both
    // sides compute it from the parsed values, so it checks that the page arrived whole.
    static QString pageChecksum(const QList<PulledRow> &rows);
    static QByteArray canonicalJson(const QJsonArray &array);
    // The canonical JSON of one row of a page (compact, sorted keys), and the checksum of a
    // page from those bytes: pageChecksum(rows) == rowsChecksum(rowJson(row) for each row).
    // The server measures a page with them (MaxPageBytes) and hashes the same bytes.
    static QByteArray rowJson(const PulledRow &row);
    static QString rowsChecksum(const QList<QByteArray> &rowsJson);
    // The size of canonicalJson() of the rows whose rowJson() sizes are given: '[' ']' and
    // the commas between them.
    static qint64 pageBytes(qint64 rowsJsonBytes, qsizetype rowCount);
};

} // namespace tambo::core
