#include "sync/DeviceReenrollment.h"

#include "migrations/CoreSchema.h"
#include "migrations/Transaction.h"
#include "sync/BundleState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace tambo::core {

namespace {

DeviceReenrollment::Result failed(DeviceReenrollment::Result r, const QString &error)
{
    r.ok = false;
    r.error = error;
    return r;
}

} // namespace

DeviceReenrollment::Result DeviceReenrollment::run(QSqlDatabase db, const QUuid &newId)
{
    Result r;
    r.previousId = QUuid::fromString(CoreSchema::deviceId(db));
    if (r.previousId.isNull())
        return failed(r, QStringLiteral("this store has no device id (is it a Tambo store?)"));
    r.deviceId = newId.isNull() ? QUuid::createUuid() : newId;
    if (r.deviceId == r.previousId)
        return failed(r, QStringLiteral("the new device id is the current one"));

    Transaction tx(db);
    if (!tx.isActive())
        return failed(r, tx.error());
    QSqlQuery q(db);
    const auto exec = [&q](const QString &sql, const QVariantList &binds = {}) {
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec();
    };

    if (!exec(QStringLiteral("UPDATE device SET id = ?"),
              {r.deviceId.toString(QUuid::WithoutBraces)}))
        return failed(r, q.lastError().text());

    // Every entry out of the way of the new seqs first, below any seq an earlier re-enrolment
    // left (negative seqs are free: the outbox numbers from 1), then the pending ones 1..n in
    // their order.
    if (!exec(QStringLiteral("SELECT min(0, COALESCE((SELECT min(seq) FROM sync_outbox), 0), "
                             "COALESCE((SELECT min(seq) FROM sync_conflicts), 0))"))
        || !q.next())
        return failed(r, q.lastError().text());
    const qint64 floor = q.value(0).toLongLong();
    q.finish();
    if (!exec(QStringLiteral("UPDATE sync_outbox SET seq = ? - seq WHERE seq > 0"), {floor}))
        return failed(r, q.lastError().text());
    if (!exec(QStringLiteral("SELECT seq FROM sync_outbox WHERE status = 'pending' "
                             "ORDER BY seq DESC")))
        return failed(r, q.lastError().text());
    QList<qint64> pending;
    while (q.next())
        pending.append(q.value(0).toLongLong());
    q.finish();
    for (qsizetype i = 0; i < pending.size(); ++i) {
        if (!exec(QStringLiteral("UPDATE sync_outbox SET seq = ? WHERE seq = ?"),
                  {qint64(i + 1), pending.at(i)}))
            return failed(r, q.lastError().text());
    }
    r.requeued = int(pending.size());
    // The next captured change continues after them (AUTOINCREMENT keeps its high mark here).
    if (!exec(QStringLiteral("UPDATE sqlite_sequence SET seq = ? WHERE name = 'sync_outbox'"),
              {qint64(pending.size())}))
        return failed(r, q.lastError().text());
    if (!exec(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE status <> 'pending'"))
        || !q.next())
        return failed(r, q.lastError().text());
    r.history = q.value(0).toInt();
    q.finish();
    // Conflicts recorded for the previous device's seqs.
    if (!exec(QStringLiteral("UPDATE sync_conflicts SET seq = ? - seq WHERE seq > 0"), {floor}))
        return failed(r, q.lastError().text());

    // A new device key: the old one may be in the other copy of this store.
    if (!exec(QStringLiteral("DELETE FROM sync_state WHERE key = 'bundle.device_secret_key'")))
        return failed(r, q.lastError().text());
    QString keyError;
    const BundleKeyPair key = BundleState(db).deviceKey(&keyError);
    if (!key.isValid())
        return failed(r, keyError);
    r.publicKey = key.publicKey;

    if (!exec(QStringLiteral("SELECT value FROM sync_state WHERE key = "
                             "'sync.previous_device_ids'")))
        return failed(r, q.lastError().text());
    QJsonArray previous = q.next()
                              ? QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array()
                              : QJsonArray();
    q.finish();
    previous.append(r.previousId.toString(QUuid::WithoutBraces));
    if (!exec(QStringLiteral("INSERT INTO sync_state (key, value) VALUES "
                             "('sync.previous_device_ids', ?) ON CONFLICT (key) DO UPDATE SET "
                             "value = excluded.value"),
              {QString::fromUtf8(QJsonDocument(previous).toJson(QJsonDocument::Compact))})
        || !exec(QStringLiteral("DELETE FROM sync_state WHERE key = 'sync.stopped'")))
        return failed(r, q.lastError().text());

    if (!tx.commit())
        return failed(r, tx.error());
    r.ok = true;
    return r;
}

} // namespace tambo::core
