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
    static constexpr int DefaultPageSize = 500;
    static constexpr int MaxPageSize = 2000;

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

    // Table names of synced tables: lower-case SQL identifiers (also what triggers quote).
    static bool isValidTableName(const QString &name);
    // Key of a row in base_versions / row_versions: "table/id".
    static QString rowKey(const QString &table, const QString &id);

    // Hex SHA-256 over the canonical JSON of a pull page's rows (sorted keys, compact). Both
    // sides compute it from the parsed values, so it checks that the page arrived whole.
    static QString pageChecksum(const QList<PulledRow> &rows);
    static QByteArray canonicalJson(const QJsonArray &array);
};

} // namespace tambo::core
