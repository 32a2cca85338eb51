#include "sync/SyncProtocol.h"

#include "sync/SyncMessages.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>

#include <sodium.h>

namespace tambo::core {

SyncProtocol::Negotiation SyncProtocol::negotiate(int clientSchema,
                                                  int minSupported,
                                                  int maxSupported)
{
    if (clientSchema < minSupported)
        return Negotiation::ClientTooOld;
    if (clientSchema > maxSupported)
        return Negotiation::ClientTooNew;
    return Negotiation::Ok;
}

QString SyncProtocol::negotiationMessage(Negotiation result,
                                         int clientSchema,
                                         int minSupported,
                                         int maxSupported)
{
    switch (result) {
    case Negotiation::Ok:
        return {};
    case Negotiation::ClientTooOld:
        return QStringLiteral(
                   "Esta versión de Tambo es demasiado antigua para sincronizar con el servidor "
                   "(esquema de datos %1; el servidor acepta desde el %2). Sus datos y cambios "
                   "pendientes están a salvo en este equipo: pida a la OTIC que actualice Tambo y "
                   "se enviarán después.")
            .arg(clientSchema)
            .arg(minSupported);
    case Negotiation::ClientTooNew:
        return QStringLiteral(
                   "El servidor todavía no conoce el esquema de datos de esta versión de Tambo "
                   "(%1; el servidor acepta hasta el %2). Sus datos y cambios pendientes están a "
                   "salvo en este equipo: se enviarán cuando la OTIC actualice el servidor.")
            .arg(clientSchema)
            .arg(maxSupported);
    }
    return {};
}

bool SyncProtocol::isValidTableName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    return re.match(name).hasMatch();
}

QString SyncProtocol::rowKey(const QString &table, const QString &id)
{
    return table + QLatin1Char('/') + id;
}

QByteArray SyncProtocol::canonicalJson(const QJsonArray &array)
{
    // QJsonObject keeps its keys sorted, and compact output has no optional whitespace, so the
    // same values always give the same bytes.
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QByteArray SyncProtocol::rowJson(const PulledRow &row)
{
    return QJsonDocument(row.toJson()).toJson(QJsonDocument::Compact);
}

qint64 SyncProtocol::pageBytes(qint64 rowsJsonBytes, qsizetype rowCount)
{
    return 2 + rowsJsonBytes + (rowCount > 1 ? rowCount - 1 : 0);
}

namespace {

// SHA-256 of canonicalJson(the rows as an array), written row by row: the compact array is
// '[' + the compact rows joined by ',' + ']', so no array of the whole page is built.
// libsodium's SHA-256 (several times faster than QCryptographicHash's here).
template<typename RowBytes>
QString checksumOf(qsizetype count, RowBytes rowBytes)
{
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    const auto feed = [&state](QByteArrayView bytes) {
        crypto_hash_sha256_update(&state,
                                  reinterpret_cast<const unsigned char *>(bytes.data()),
                                  quint64(bytes.size()));
    };
    feed("[");
    for (qsizetype i = 0; i < count; ++i) {
        if (i > 0)
            feed(",");
        feed(rowBytes(i));
    }
    feed("]");
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex());
}

} // namespace

QString SyncProtocol::pageChecksum(const QList<PulledRow> &rows)
{
    return checksumOf(rows.size(), [&rows](qsizetype i) { return rowJson(rows.at(i)); });
}

QString SyncProtocol::rowsChecksum(const QList<QByteArray> &rowsJson)
{
    return checksumOf(rowsJson.size(), [&rowsJson](qsizetype i) { return rowsJson.at(i); });
}

QString SyncProtocol::seqReusedMessage(qint64 seq)
{
    return QStringLiteral(
               "El servidor ya recibió de este equipo el cambio n.º %1 con otro contenido: los "
               "datos de este equipo fueron restaurados de una copia de seguridad o copiados de "
               "otro equipo. Para no perder ni mezclar cambios, este equipo dejó de "
               "sincronizar; sus datos y cambios pendientes están a salvo aquí. Pida a la OTIC "
               "que lo registre de nuevo como un equipo nuevo («tambo-admin sync reenroll») y "
               "que lo conecte otra vez con el servidor: los cambios pendientes se enviarán "
               "entonces.")
        .arg(seq);
}

} // namespace tambo::core
