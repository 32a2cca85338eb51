#include "SyncStore.h"

#include "EntryDigest.h"
#include "PullCursors.h"
#include "UserAccounts.h"

#include "auth/Roles.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncSchema.h"
#include "sync/SyncValueCheck.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace tambo::server {

using core::PushAck;
using core::SyncConflict;
using core::SyncedTable;
using core::SyncOp;
using core::SyncProtocol;

namespace {

// Key of the transaction-level advisory lock that orders version assignment ("SYNC").
constexpr qint64 SyncLockKey = 0x53594E43LL;

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString valueText(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

QJsonObject parseObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QString scopeText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return {};
}

// A transaction that rolls back unless committed (QPSQL: explicit BEGIN/COMMIT).
class PgTransaction
{
public:
    explicit PgTransaction(QSqlDatabase db)
        : m_db(std::move(db))
    {
        m_active = m_db.transaction();
    }
    ~PgTransaction()
    {
        if (m_active)
            m_db.rollback();
    }
    bool active() const { return m_active; }
    bool commit()
    {
        m_active = false;
        return m_db.commit();
    }
    void rollback()
    {
        if (m_active)
            m_db.rollback();
        m_active = false;
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace

bool SyncStore::Caller::seesAll() const
{
    return role == QLatin1String(core::Roles::AdminOtic);
}

SyncStore::SyncStore(QSqlDatabase db, const core::Clock &clock, const core::SyncCatalogue &catalogue)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_catalogue(catalogue)
{}

bool SyncStore::canWrite(const Caller &caller, const QString &sede) const
{
    return caller.seesAll() || sede.isEmpty() || sede == caller.sede;
}

bool SyncStore::permitted(const Caller &caller,
                          const SyncedTable &table,
                          const SyncOp &op,
                          bool exists,
                          const QJsonObject &current,
                          OpResult *result) const
{
    using Operation = core::SyncCatalogue::Operation;
    const auto deny = [result](const QString &reason, const QString &message) {
        result->rejected = true;
        result->reason = reason;
        result->message = message;
        return false;
    };
    // An insert over a live row merges into it: an update (an append-only fact only repeats).
    const bool appendOnly = table.kind == SyncedTable::Kind::AppendOnly;
    Operation operation = Operation::Update;
    if (op.kind == SyncOp::Kind::Delete)
        operation = Operation::Delete;
    else if (op.kind == SyncOp::Kind::Insert && (!exists || appendOnly))
        operation = Operation::Insert;
    static const QHash<Operation, QString> verbs{{Operation::Insert, QStringLiteral("crear")},
                                                 {Operation::Update, QStringLiteral("modificar")},
                                                 {Operation::Delete, QStringLiteral("borrar")}};
    if (!core::SyncCatalogue::holdsAny(caller.permissions,
                                       core::SyncCatalogue::writersOf(table, operation))) {
        return deny(QStringLiteral("forbidden"),
                    QStringLiteral("Su rol «%1» no permite %2 registros de «%3»; el cambio no se "
                                   "guardó en el servidor.")
                        .arg(caller.role, verbs.value(operation), table.table));
    }
    if (operation == Operation::Delete)
        return true;

    // The columns this change really changes (all of a new row's).
    const QStringList candidates = op.kind == SyncOp::Kind::Update ? op.changed
                                                                   : QStringList(op.data.keys());
    for (const QString &column : candidates) {
        const QJsonValue value = op.data.value(column);
        if (exists && current.value(column) == value)
            continue;
        const auto guard = table.guardedColumns.constFind(column);
        if (exists && guard != table.guardedColumns.constEnd()
            && !core::SyncCatalogue::holdsAny(caller.permissions, *guard)) {
            return deny(QStringLiteral("forbidden"),
                        QStringLiteral("Su rol «%1» no permite cambiar «%2» de «%3»: hace falta "
                                       "la aprobación de quien tenga ese permiso.")
                            .arg(caller.role, column, table.table));
        }
    }

    // Actor columns: a new row names the authenticated user in each (later ones may still be
    // empty); a set one never changes; an empty later one is set by its own actor only.
    const auto forged = [&](const QString &column, const QJsonValue &value) {
        return deny(QStringLiteral("actor_forged"),
                    QStringLiteral("El registro de «%1» debe indicar en «%2» a quien lo hizo, el "
                                   "usuario de la sesión con el servidor («%3»), y no puede "
                                   "cambiarlo después (trae «%4»).")
                        .arg(table.table,
                             column,
                             caller.username,
                             value.isString() ? value.toString() : QStringLiteral("?")));
    };
    const auto namesCaller = [&caller](const QJsonValue &value) {
        return value.isString() && value.toString() == caller.username;
    };
    for (const QString &column : table.actorColumns + table.laterActorColumns) {
        const bool later = table.laterActorColumns.contains(column);
        const QJsonValue value = op.data.contains(column)
                                     ? op.data.value(column)
                                     : (exists ? current.value(column) : QJsonValue());
        if (!exists) {
            if (!namesCaller(value) && !(later && value.isNull()))
                return forged(column, value);
            continue;
        }
        const QJsonValue was = current.value(column);
        if (value == was)
            continue;
        if (!was.isNull() && !was.isUndefined())
            return forged(column, value);
        if (!namesCaller(value))
            return forged(column, value);
    }
    return true;
}

qint64 SyncStore::nextVersion(QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT nextval('sync_change_seq')")) || !q.next()) {
        *error = q.lastError().text();
        return 0;
    }
    return q.value(0).toLongLong();
}

bool SyncStore::recordConflict(
    const Caller &caller, qint64 seq, qint64 base, const SyncConflict &c, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO sync_conflicts (device_id, seq, user_id, table_name, "
                             "row_id, kind, field, base_version, server_value, client_value, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)"));
    q.addBindValue(caller.deviceId.toString(QUuid::WithoutBraces));
    q.addBindValue(seq);
    q.addBindValue(caller.userId);
    q.addBindValue(c.table);
    q.addBindValue(c.id);
    q.addBindValue(SyncConflict::kindName(c.kind));
    q.addBindValue(nullableText(c.field));
    q.addBindValue(base);
    q.addBindValue(valueText(c.serverValue));
    q.addBindValue(valueText(c.clientValue));
    q.addBindValue(m_clock.now().toUTC());
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool SyncStore::scopeOf(const SyncedTable &table,
                        const QJsonObject &data,
                        QString *sede,
                        QString *area,
                        OpResult *result)
{
    // Only the catalogue says where a table's scope is: a sede_id in a shared table's data is
    // data, not a scope; a table with scope columns never holds a row without its sede.
    if (!table.scopeColumns.isEmpty()) {
        // Scope values are text: the sede always, the area when given.
        const QJsonValue sedeValue = data.value(table.scopeColumns.at(0));
        const QJsonValue areaValue = table.scopeColumns.size() > 1
                                         ? data.value(table.scopeColumns.at(1))
                                         : QJsonValue();
        *sede = sedeValue.isString() ? sedeValue.toString() : QString();
        *area = areaValue.isString() ? areaValue.toString() : QString();
        if (!areaValue.isString() && !areaValue.isNull() && !areaValue.isUndefined()) {
            result->rejected = true;
            result->reason = QStringLiteral("scope_required");
            result->message = QStringLiteral("El área de un registro de «%1» (%2) debe ser un "
                                             "texto; este cambio trae otra cosa.")
                                  .arg(table.table, table.scopeColumns.at(1));
            return false;
        }
        if (sede->isEmpty()) {
            result->rejected = true;
            result->reason = QStringLiteral("scope_required");
            result->message = QStringLiteral("Cada registro de «%1» debe indicar su sede (%2); "
                                             "este cambio no la tiene.")
                                  .arg(table.table, table.scopeColumns.at(0));
            return false;
        }
        return true;
    }
    if (table.scopeParentTable.isEmpty())
        return true; // shared by every sede
    const QString parentId = scopeText(data.value(table.scopeParentColumn));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT sede_id, area_id FROM sync_rows WHERE table_name = ? AND "
                             "row_id = ? AND NOT deleted"));
    q.addBindValue(table.scopeParentTable);
    q.addBindValue(parentId);
    if (!q.exec()) {
        result->dbError = true;
        result->error = q.lastError().text();
        return false;
    }
    if (!q.next()) {
        result->rejected = true;
        result->reason = QStringLiteral("parent_unknown");
        result->message = QStringLiteral("El registro relacionado «%1» de «%2» no existe en el "
                                         "servidor; este cambio no se pudo guardar.")
                              .arg(parentId, table.scopeParentTable);
        return false;
    }
    *sede = q.value(0).toString();
    *area = q.value(1).toString();
    return true;
}

SyncStore::OpResult SyncStore::applyOp(
    const Caller &caller, const SyncOp &op, qint64 base, qint64 seq, PushAck *ack)
{
    OpResult r;
    const auto reject = [&r](const QString &reason, const QString &message) {
        r.rejected = true;
        r.reason = reason;
        r.message = message;
        return r;
    };
    const auto dbFail = [&r](const QSqlQuery &q) {
        r.dbError = true;
        r.error = q.lastError().text();
        return r;
    };
    const SyncedTable *rule = m_catalogue.table(op.table);
    if (!rule) {
        return reject(QStringLiteral("unknown_table"),
                      QStringLiteral("La tabla «%1» no está declarada como sincronizada.")
                          .arg(op.table));
    }
    const bool appendOnly = rule->kind == SyncedTable::Kind::AppendOnly;
    if (appendOnly && op.kind != SyncOp::Kind::Insert) {
        return reject(QStringLiteral("append_only"),
                      QStringLiteral("«%1» solo admite registros nuevos: no se puede modificar ni "
                                     "borrar lo ya registrado.")
                          .arg(op.table));
    }
    const QString key = SyncProtocol::rowKey(op.table, op.id);

    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT version, deleted, data::text, col_versions::text, "
                             "col_devices::text, sede_id, area_id FROM sync_rows WHERE "
                             "table_name = ? AND row_id = ? FOR UPDATE"));
    q.addBindValue(op.table);
    q.addBindValue(op.id);
    if (!q.exec())
        return dbFail(q);
    const bool exists = q.next();
    const qint64 curVersion = exists ? q.value(0).toLongLong() : 0;
    const bool curDeleted = exists && q.value(1).toBool();
    const QJsonObject curData = exists ? parseObject(q.value(2)) : QJsonObject();
    QJsonObject colVersions = exists ? parseObject(q.value(3)) : QJsonObject();
    QJsonObject colDevices = exists ? parseObject(q.value(4)) : QJsonObject();
    const QString curSede = exists ? q.value(5).toString() : QString();
    const QString curArea = exists ? q.value(6).toString() : QString();
    q.finish();
    const QString device = caller.deviceId.toString(QUuid::WithoutBraces);

    if (exists && !canWrite(caller, curSede)) {
        return reject(QStringLiteral("out_of_scope"),
                      QStringLiteral("No puede modificar datos de la sede «%1»: su usuario "
                                     "trabaja en la sede «%2».")
                          .arg(curSede, caller.sede));
    }
    if (!permitted(caller, *rule, op, exists && !curDeleted, curData, &r))
        return r;

    // Which columns of the current row did another device change after this change's base?
    const auto changedByOthers = [&](const QString &column) {
        const qint64 v = qint64(colVersions.value(column).toDouble(double(curVersion)));
        return v > base && colDevices.value(column).toString() != device;
    };

    // Gives the row a new version: touched (it keeps its data, so every PC of its scope pulls it
    // again) or made a tombstone.
    const auto setVersion = [&](qint64 version, bool tombstone) {
        q.prepare(tombstone ? QStringLiteral("UPDATE sync_rows SET version = ?, updated_at = ?, "
                                             "deleted = TRUE, data = NULL WHERE table_name = ? "
                                             "AND row_id = ?")
                            : QStringLiteral("UPDATE sync_rows SET version = ?, updated_at = ? "
                                             "WHERE table_name = ? AND row_id = ?"));
        q.addBindValue(version);
        q.addBindValue(m_clock.now().toUTC());
        q.addBindValue(op.table);
        q.addBindValue(op.id);
        if (!q.exec())
            return dbFail(q);
        ack->rowVersions.insert(key, version);
        return r;
    };

    QString error;
    if (op.kind == SyncOp::Kind::Delete) {
        if (!exists || curDeleted) {
            if (exists)
                ack->rowVersions.insert(key, curVersion);
            return r; // already gone: nothing to do
        }
        bool editedMeanwhile = false;
        for (auto it = curData.begin(); it != curData.end() && !editedMeanwhile; ++it)
            editedMeanwhile = changedByOthers(it.key());
        const qint64 version = nextVersion(&error);
        if (version == 0) {
            r.dbError = true;
            r.error = error;
            return r;
        }
        if (editedMeanwhile) {
            // Edit against delete: the server keeps the edited row; the row is touched so the
            // deleting PC pulls it back, and the conflict is recorded for review.
            SyncConflict c{SyncConflict::Kind::EditDelete,
                           op.table,
                           op.id,
                           {},
                           curData,
                           QJsonValue()};
            if (!recordConflict(caller, seq, base, c, &r.error)) {
                r.dbError = true;
                return r;
            }
            ack->conflicts.append(c);
        }
        return setVersion(version, !editedMeanwhile);
    }

    // Insert or update.
    if (appendOnly && exists) {
        if (curData == op.data) {
            ack->rowVersions.insert(key, curVersion);
            return r; // the same fact again
        }
        return reject(QStringLiteral("append_only"),
                      QStringLiteral("«%1» solo admite registros nuevos: el registro «%2» ya "
                                     "existe con otro contenido.")
                          .arg(op.table, op.id));
    }

    // A change made on a base that already saw the delete (the device pulled the tombstone, or
    // kept its side of an edit-against-delete conflict) writes the row anew; one made before the
    // delete is an edit against it.
    // The delete's tombstone may be purged already: every cursor passed it, this PC's too when it
    // pulled the tombstone while this change was pending (a pull never overwrites a pending
    // change). An update never creates a row: an update of a row the server does not have is
    // an edit against that delete as well, whatever its base (0 when the PC never got the
    // answer to its own insert, e.g. a bundle reply that did not come back). Only an insert
    // writes a row that is not there (a new row, or "keep mine" writing a deleted row anew).
    const bool purgedDelete = !exists && op.kind == SyncOp::Kind::Update;
    const bool againstDelete = (curDeleted && curVersion > base) || purgedDelete;
    const bool rewrite = curDeleted && !againstDelete;
    QJsonObject merged;
    QList<SyncConflict> conflicts;
    bool touched = false;
    if (againstDelete) {
        // Edit against delete: the delete stands; the tombstone is touched (or written again)
        // so this PC pulls it.
        SyncConflict c{SyncConflict::Kind::EditDelete, op.table, op.id, {}, QJsonValue(), op.data};
        conflicts.append(c);
    } else if (!exists || rewrite) {
        merged = op.data;
    } else {
        merged = curData;
        const QStringList columns = op.kind == SyncOp::Kind::Update ? op.changed
                                                                    : QStringList(op.data.keys());
        for (const QString &column : columns) {
            const QJsonValue mine = op.data.value(column);
            const QJsonValue theirs = curData.value(column);
            if (mine == theirs)
                continue;
            if (rule->legalColumns.contains(column) && curData.contains(column)
                && changedByOthers(column)) {
                // The same legal field changed on two PCs: the server keeps its value.
                conflicts.append({SyncConflict::Kind::Field, op.table, op.id, column, theirs, mine});
                continue;
            }
            merged.insert(column, mine);
            touched = true;
        }
    }

    if (exists && !curDeleted && !touched && conflicts.isEmpty()) {
        if (base >= curVersion) {
            ack->rowVersions.insert(key, curVersion);
            return r; // nothing changed
        }
        // Nothing changed, but the change was made on an older version: the PC may have
        // skipped the server's newer row while this change was pending (a pull or a bundle reply
        // never overwrites a pending change), and its cursor is past it. A new version sends the
        // row to it again.
        const qint64 version = nextVersion(&error);
        if (version == 0) {
            r.dbError = true;
            r.error = error;
            return r;
        }
        return setVersion(version, false);
    }

    // The row's scope: of the row written, or of the tombstone written again (the PCs of the
    // row's sede pull it).
    const bool writesRow = !againstDelete || purgedDelete;
    QString sede;
    QString area;
    if (writesRow && !scopeOf(*rule, purgedDelete ? op.data : merged, &sede, &area, &r))
        return r;
    if (writesRow && !canWrite(caller, sede)) {
        return reject(QStringLiteral("out_of_scope"),
                      QStringLiteral("No puede registrar datos de la sede «%1»: su usuario "
                                     "trabaja en la sede «%2».")
                          .arg(sede,
                               caller.sede.isEmpty() ? QStringLiteral("(ninguna)") : caller.sede));
    }
    const bool moves = writesRow && exists && !curDeleted && (curSede != sede || curArea != area);
    if (moves
        && !core::SyncCatalogue::holdsAny(
            caller.permissions,
            core::SyncCatalogue::writersOf(*rule, core::SyncCatalogue::Operation::ScopeMove))) {
        return reject(QStringLiteral("forbidden"),
                      QStringLiteral("Su rol «%1» no permite trasladar registros de «%2» a otra "
                                     "sede o área.")
                          .arg(caller.role, op.table));
    }

    const qint64 version = nextVersion(&error);
    if (version == 0) {
        r.dbError = true;
        r.error = error;
        return r;
    }
    for (const SyncConflict &c : std::as_const(conflicts)) {
        if (!recordConflict(caller, seq, base, c, &r.error)) {
            r.dbError = true;
            return r;
        }
        ack->conflicts.append(c);
    }
    if (purgedDelete) {
        q.prepare(QStringLiteral(
            "INSERT INTO sync_rows (table_name, row_id, version, deleted, data, sede_id, "
            "area_id, updated_by_device, updated_at) VALUES (?, ?, ?, TRUE, NULL, ?, ?, ?::uuid, "
            "?)"));
        q.addBindValue(op.table);
        q.addBindValue(op.id);
        q.addBindValue(version);
        q.addBindValue(nullableText(sede));
        q.addBindValue(nullableText(area));
        q.addBindValue(device);
        q.addBindValue(m_clock.now().toUTC());
        if (!q.exec())
            return dbFail(q);
        ack->rowVersions.insert(key, version);
        return r;
    }
    if (againstDelete) {
        return setVersion(version, false);
    }
    for (auto it = merged.begin(); it != merged.end(); ++it) {
        if (!exists || (merged.value(it.key()) != curData.value(it.key()))
            || !curData.contains(it.key())) {
            colVersions.insert(it.key(), double(version));
            colDevices.insert(it.key(), device);
        }
    }
    q.prepare(QStringLiteral(
        "INSERT INTO sync_rows (table_name, row_id, version, deleted, data, col_versions, "
        "col_devices, sede_id, area_id, updated_by_device, updated_at) "
        "VALUES (?, ?, ?, FALSE, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?::uuid, ?) "
        "ON CONFLICT (table_name, row_id) DO UPDATE SET version = excluded.version, "
        "deleted = FALSE, data = excluded.data, col_versions = excluded.col_versions, "
        "col_devices = excluded.col_devices, sede_id = excluded.sede_id, "
        "area_id = excluded.area_id, updated_by_device = excluded.updated_by_device, "
        "updated_at = excluded.updated_at"));
    q.addBindValue(op.table);
    q.addBindValue(op.id);
    q.addBindValue(version);
    q.addBindValue(jsonText(merged));
    q.addBindValue(jsonText(colVersions));
    q.addBindValue(jsonText(colDevices));
    q.addBindValue(nullableText(sede));
    q.addBindValue(nullableText(area));
    q.addBindValue(device);
    q.addBindValue(m_clock.now().toUTC());
    if (!q.exec())
        return dbFail(q);
    if (exists && (curSede != sede || curArea != area)
        && !moveScope(op.table, op.id, {curSede, curArea}, {sede, area}, 0, &r.error)) {
        r.dbError = true;
        return r;
    }
    if (!exists && op.table == QLatin1String(core::SyncSchema::ResolutionsTable)
        && !closeResolved(caller, op.data, &r.error)) {
        r.dbError = true;
        return r;
    }
    ack->rowVersions.insert(key, version);
    return r;
}

bool SyncStore::closeResolved(const Caller &caller, const QJsonObject &resolution, QString *error)
{
    // A device resolves what the server found in its own changes: the conflict or rejection of
    // the caller's device with that seq (and, for a conflict, that row and field) is closed.
    const QString kind = resolution.value(QStringLiteral("kind")).toString();
    QSqlQuery q(m_db);
    if (kind == QLatin1String("rejected")) {
        q.prepare(QStringLiteral("UPDATE sync_rejections SET resolved_at = ?, resolution = ?, "
                                 "resolved_by = ? WHERE device_id = ?::uuid AND seq = ? "
                                 "AND resolved_at IS NULL"));
    } else {
        q.prepare(QStringLiteral("UPDATE sync_conflicts SET resolved_at = ?, resolution = ?, "
                                 "resolved_by = ? WHERE device_id = ?::uuid AND seq = ? "
                                 "AND resolved_at IS NULL AND table_name = ? AND row_id = ? "
                                 "AND kind = ? AND field IS NOT DISTINCT FROM ?"));
    }
    q.addBindValue(m_clock.now().toUTC());
    q.addBindValue(resolution.value(QStringLiteral("choice")).toString());
    q.addBindValue(resolution.value(QStringLiteral("username")).toString());
    q.addBindValue(caller.deviceId.toString(QUuid::WithoutBraces));
    q.addBindValue(qint64(resolution.value(QStringLiteral("seq")).toDouble()));
    if (kind != QLatin1String("rejected")) {
        q.addBindValue(resolution.value(QStringLiteral("table_name")).toString());
        q.addBindValue(resolution.value(QStringLiteral("row_id")).toString());
        q.addBindValue(kind);
        const QJsonValue field = resolution.value(QStringLiteral("field"));
        q.addBindValue(field.isString() ? QVariant(field.toString())
                                        : QVariant(QMetaType::fromType<QString>()));
    }
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool SyncStore::moveScope(const QString &table,
                          const QString &rowId,
                          const Scope &from,
                          const Scope &to,
                          int depth,
                          QString *error)
{
    if (depth > m_catalogue.scopeDepth()) { // cannot happen: the catalogue has no loops
        *error = QStringLiteral("scope parents of %1 deeper than the catalogue's").arg(table);
        return false;
    }
    QSqlQuery q(m_db);
    // Rows scoped through this one (e.g. an asset's history) move with it: each gets a new
    // version after its parent's, so a PC of the new scope inserts the parent first.
    for (const SyncedTable *child : m_catalogue.scopeChildren(table)) {
        if (!child->scopeColumns.isEmpty())
            continue; // its own scope columns decide its scope
        q.prepare(
            QStringLiteral("SELECT row_id FROM sync_rows WHERE table_name = ? AND NOT deleted "
                           "AND data ->> ? = ? ORDER BY row_id FOR UPDATE"));
        q.addBindValue(child->table);
        q.addBindValue(child->scopeParentColumn);
        q.addBindValue(rowId);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        QStringList children;
        while (q.next())
            children << q.value(0).toString();
        q.finish();
        for (const QString &childId : std::as_const(children)) {
            const qint64 childVersion = nextVersion(error);
            if (childVersion == 0)
                return false;
            q.prepare(QStringLiteral("UPDATE sync_rows SET version = ?, sede_id = ?, area_id = ?, "
                                     "updated_at = ? WHERE table_name = ? AND row_id = ?"));
            q.addBindValue(childVersion);
            q.addBindValue(nullableText(to.sede));
            q.addBindValue(nullableText(to.area));
            q.addBindValue(m_clock.now().toUTC());
            q.addBindValue(child->table);
            q.addBindValue(childId);
            if (!q.exec()) {
                *error = q.lastError().text();
                return false;
            }
            if (!moveScope(child->table, childId, from, to, depth + 1, error))
                return false;
        }
    }
    // The withdrawal from the old scope comes after the children's, so a PC of the old scope
    // removes the children before the row they refer to.
    const qint64 exitVersion = nextVersion(error);
    if (exitVersion == 0)
        return false;
    q.prepare(QStringLiteral("INSERT INTO sync_scope_exits (version, table_name, row_id, old_sede, "
                             "old_area, new_sede, new_area, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(exitVersion);
    q.addBindValue(table);
    q.addBindValue(rowId);
    q.addBindValue(nullableText(from.sede));
    q.addBindValue(nullableText(from.area));
    q.addBindValue(nullableText(to.sede));
    q.addBindValue(nullableText(to.area));
    q.addBindValue(m_clock.now().toUTC());
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool SyncStore::retellConflicts(const QString &device, qint64 seq, PushAck *ack, QString *error)
{
    // A conflict whose answer was lost is told again too: the PC records it for the user's
    // review (its change did not stand), as the first answer would have made it do.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT kind, table_name, row_id, field, server_value::text, "
                             "client_value::text FROM sync_conflicts WHERE device_id = ?::uuid "
                             "AND seq = ? ORDER BY id"));
    q.addBindValue(device);
    q.addBindValue(seq);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    const auto value = [](const QVariant &text) {
        if (text.isNull())
            return QJsonValue();
        return QJsonDocument::fromJson("[" + text.toString().toUtf8() + "]").array().at(0);
    };
    while (q.next()) {
        SyncConflict c;
        c.kind = q.value(0).toString() == SyncConflict::kindName(SyncConflict::Kind::Field)
                     ? SyncConflict::Kind::Field
                     : SyncConflict::Kind::EditDelete;
        c.table = q.value(1).toString();
        c.id = q.value(2).toString();
        c.field = q.value(3).toString();
        c.serverValue = value(q.value(4));
        c.clientValue = value(q.value(5));
        ack->conflicts.append(c);
    }
    if (!ack->conflicts.isEmpty())
        ack->status = PushAck::Status::Conflict;
    return true;
}

SyncStore::PushOutcome SyncStore::push(const Caller &caller, const core::PushRequest &request)
{
    PushOutcome out;
    // request.tables (what the client says of its tables) is ignored: the catalogue decides.
    const QString device = caller.deviceId.toString(QUuid::WithoutBraces);
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO sync_devices (device_id, last_seq, updated_at) "
                                 "VALUES (?::uuid, 0, ?) ON CONFLICT (device_id) DO NOTHING"));
        q.addBindValue(device);
        q.addBindValue(m_clock.now().toUTC());
        if (!q.exec()) {
            out.error = q.lastError().text();
            return out;
        }
    }
    qint64 expected = 0;
    for (const core::OutboxEntry &entry : request.entries) {
        // Values PostgreSQL cannot take, or that are not what they claim, are found before
        // anything of the entry reaches it: the entry is rejected and the queue moves on (a
        // database error here would be a 503 for every retry of the same entry).
        const std::optional<core::SyncValueCheck::Problem> problem
            = entry.refused ? std::nullopt : core::SyncValueCheck::check(entry);
        const QByteArray digest = EntryDigest::of(entry, problem ? problem->reason : QString());
        PgTransaction tx(m_db);
        if (!tx.active()) {
            out.error = m_db.lastError().text();
            return out;
        }
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(?)"));
        q.addBindValue(SyncLockKey);
        if (!q.exec()) {
            out.error = q.lastError().text();
            return out;
        }
        q.prepare(QStringLiteral("SELECT last_seq FROM sync_devices WHERE device_id = ?::uuid "
                                 "FOR UPDATE"));
        q.addBindValue(device);
        if (!q.exec() || !q.next()) {
            out.error = q.lastError().text();
            return out;
        }
        const qint64 lastSeq = q.value(0).toLongLong();
        q.finish();
        expected = lastSeq + 1;
        PushAck ack;
        ack.seq = entry.seq;
        if (entry.seq <= lastSeq) {
            tx.rollback();
            // The same seq with other content: this device's store was restored or copied.
            // Nothing of it is applied, nor of the entries after it.
            const std::optional<QByteArray> applied = EntryDigest::stored(m_db,
                                                                          device,
                                                                          entry.seq,
                                                                          &out.error);
            if (!out.error.isEmpty())
                return out;
            if (applied && *applied != digest) {
                out.status = Status::SeqReused;
                out.reusedSeq = entry.seq;
                out.response.acks.clear();
                out.response.expectedSeq = lastSeq + 1;
                return out;
            }
            ack.status = PushAck::Status::Duplicate;
            // A rejection whose answer was lost is told again, so the user still sees it.
            q.prepare(QStringLiteral("SELECT reason, message FROM sync_rejections WHERE "
                                     "device_id = ?::uuid AND seq = ?"));
            q.addBindValue(device);
            q.addBindValue(entry.seq);
            if (!q.exec()) {
                out.error = q.lastError().text();
                return out;
            }
            if (q.next()) {
                ack.status = PushAck::Status::Rejected;
                ack.reason = q.value(0).toString();
                ack.message = q.value(1).toString();
            } else if (!retellConflicts(device, entry.seq, &ack, &out.error)) {
                return out;
            }
            out.response.acks.append(ack);
            continue;
        }
        if (entry.seq > lastSeq + 1) {
            tx.rollback();
            out.status = Status::Gap;
            out.response.expectedSeq = expected;
            return out;
        }
        if (!q.exec(QStringLiteral("SAVEPOINT entry"))) {
            out.error = q.lastError().text();
            return out;
        }
        OpResult result;
        if (entry.refused || problem) {
            // Refused by the desktop before sending, or found here: recorded, never applied.
            result.rejected = true;
            result.reason = entry.refused ? entry.refused->reason : problem->reason;
            result.message = entry.refused ? entry.refused->message : problem->message;
            if (result.message.isEmpty()) {
                result.message = QStringLiteral("Este equipo no envió el cambio (%1).")
                                     .arg(result.reason);
            }
        } else if (entry.schemaVersion < SyncProtocol::MinSchemaVersion
                   || entry.schemaVersion > SyncProtocol::SchemaVersion) {
            result.rejected = true;
            result.reason = QStringLiteral("schema_unsupported");
            result.message = SyncProtocol::negotiationMessage(
                SyncProtocol::negotiate(entry.schemaVersion,
                                        SyncProtocol::MinSchemaVersion,
                                        SyncProtocol::SchemaVersion),
                entry.schemaVersion,
                SyncProtocol::MinSchemaVersion,
                SyncProtocol::SchemaVersion);
        }
        for (const SyncOp &op : entry.ops) {
            if (result.rejected)
                break;
            const qint64 base = entry.baseVersions.value(SyncProtocol::rowKey(op.table, op.id), 0);
            result = applyOp(caller, op, base, entry.seq, &ack);
            if (result.dbError) {
                out.error = result.error;
                return out;
            }
        }
        if (result.rejected) {
            ack = PushAck();
            ack.seq = entry.seq;
            ack.status = PushAck::Status::Rejected;
            ack.reason = result.reason;
            ack.message = result.message;
            q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT entry"));
            q.prepare(QStringLiteral("INSERT INTO sync_rejections (device_id, seq, user_id, "
                                     "reason, message, entry, created_at) VALUES "
                                     "(?::uuid, ?, ?, ?, ?, ?::jsonb, ?)"));
            q.addBindValue(device);
            q.addBindValue(entry.seq);
            q.addBindValue(caller.userId);
            ack.message = core::SyncValueCheck::cleaned(ack.message, 2000);
            q.addBindValue(ack.reason);
            q.addBindValue(ack.message);
            // As PostgreSQL can store it (a refused entry's text may not be).
            q.addBindValue(jsonText(core::SyncValueCheck::sanitized(entry)));
            q.addBindValue(m_clock.now().toUTC());
            if (!q.exec()) {
                out.error = q.lastError().text();
                return out;
            }
        } else if (!ack.conflicts.isEmpty()) {
            ack.status = PushAck::Status::Conflict;
        }
        if (!EntryDigest::store(m_db, device, entry.seq, digest, &out.error))
            return out;
        q.prepare(QStringLiteral("UPDATE sync_devices SET last_seq = ?, updated_at = ? "
                                 "WHERE device_id = ?::uuid"));
        q.addBindValue(entry.seq);
        q.addBindValue(m_clock.now().toUTC());
        q.addBindValue(device);
        if (!q.exec()) {
            out.error = q.lastError().text();
            return out;
        }
        if (!tx.commit()) {
            out.error = m_db.lastError().text();
            return out;
        }
        expected = entry.seq + 1;
        out.response.acks.append(ack);
    }
    if (expected == 0) { // no entries: tell the device where it stands
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT last_seq FROM sync_devices WHERE device_id = ?::uuid"));
        q.addBindValue(device);
        if (!q.exec()) {
            out.error = q.lastError().text();
            return out;
        }
        expected = (q.next() ? q.value(0).toLongLong() : 0) + 1;
    }
    out.response.expectedSeq = expected;
    out.status = Status::Ok;
    return out;
}

SyncStore::PullOutcome SyncStore::pull(const Caller &caller, const core::PullRequest &request)
{
    PullOutcome out;
    if (!caller.seesAll() && !request.sede.isEmpty() && request.sede != caller.sede) {
        out.status = Status::Forbidden;
        return out;
    }
    const bool all = caller.seesAll() && request.sede.isEmpty();
    const QString sede = caller.seesAll() ? request.sede : caller.sede;
    // The scope as SQL over given sede/area columns: rows of the scope, and rows that left it
    // (sync_scope_exits whose old scope matches and whose new scope does not).
    QVariantList params;
    if (!all)
        params << sede;
    if (!request.area.isEmpty())
        params << request.area;
    const auto scopeSql = [&](const QString &sedeColumn, const QString &areaColumn) {
        QStringList parts;
        if (!all)
            parts << QStringLiteral("(%1 IS NULL OR %1 = ?)").arg(sedeColumn);
        if (!request.area.isEmpty())
            parts << QStringLiteral("(%1 IS NULL OR %1 = ?)").arg(areaColumn);
        return parts.join(QStringLiteral(" AND "));
    };
    const QString rowsScope = scopeSql(QStringLiteral("sede_id"), QStringLiteral("area_id"));
    QString source;
    QVariantList sourceParams; // after each "version > ?"
    if (params.isEmpty()) {
        // Everything: nothing ever leaves this scope.
        source = QStringLiteral("SELECT table_name, row_id, version, deleted, data FROM sync_rows "
                                "WHERE version > ?");
    } else {
        source = QStringLiteral(
                     "SELECT table_name, row_id, version, deleted, data FROM sync_rows "
                     "WHERE version > ? AND %1 UNION ALL "
                     "SELECT table_name, row_id, version, TRUE, NULL FROM sync_scope_exits "
                     "WHERE version > ? AND %2 AND NOT (%3)")
                     .arg(rowsScope,
                          scopeSql(QStringLiteral("old_sede"), QStringLiteral("old_area")),
                          scopeSql(QStringLiteral("new_sede"), QStringLiteral("new_area")));
    }
    const auto bindSource = [&](QSqlQuery &query, qint64 cursor) {
        query.addBindValue(cursor);
        for (const QVariant &p : std::as_const(params))
            query.addBindValue(p);
        if (!params.isEmpty()) {
            query.addBindValue(cursor);
            for (int i = 0; i < 2; ++i)
                for (const QVariant &p : std::as_const(params))
                    query.addBindValue(p);
        }
    };
    const int pageSize = std::clamp(request.pageSize, 1, SyncProtocol::MaxPageSize);

    // The page: each part of the source ordered and limited on its own, so PostgreSQL walks
    // the version indexes and stops after a page (ordering the union as a whole made it read
    // and sort every row after the cursor, for every page: a large first sync was quadratic).
    QString pageSource;
    if (params.isEmpty()) {
        pageSource = source + QStringLiteral(" ORDER BY version LIMIT ?");
    } else {
        pageSource = QStringLiteral(
                         "(SELECT table_name, row_id, version, deleted, data FROM sync_rows "
                         "WHERE version > ? AND %1 ORDER BY version LIMIT ?) UNION ALL "
                         "(SELECT table_name, row_id, version, TRUE, NULL FROM sync_scope_exits "
                         "WHERE version > ? AND %2 AND NOT (%3) ORDER BY version LIMIT ?)")
                         .arg(rowsScope,
                              scopeSql(QStringLiteral("old_sede"), QStringLiteral("old_area")),
                              scopeSql(QStringLiteral("new_sede"), QStringLiteral("new_area")));
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT table_name, row_id, version, deleted, data::text FROM (%1) "
                             "AS scoped ORDER BY version LIMIT ?")
                  .arg(pageSource));
    q.addBindValue(request.cursor);
    for (const QVariant &p : std::as_const(params))
        q.addBindValue(p);
    q.addBindValue(pageSize + 1);
    if (!params.isEmpty()) {
        q.addBindValue(request.cursor);
        for (int i = 0; i < 2; ++i)
            for (const QVariant &p : std::as_const(params))
                q.addBindValue(p);
        q.addBindValue(pageSize + 1);
    }
    q.addBindValue(pageSize + 1);
    if (!q.exec()) {
        out.error = q.lastError().text();
        return out;
    }
    core::PullResponse &page = out.response;
    // Each row's canonical JSON: measured for the page's byte cap and hashed for its checksum
    // (the same bytes the client hashes), so no row is serialised twice for them.
    QList<QByteArray> rowsJson;
    qint64 rowsBytes = 0;
    while (q.next()) {
        if (page.rows.size() == pageSize) {
            page.more = true;
            break;
        }
        core::PulledRow row;
        row.table = q.value(0).toString();
        row.id = q.value(1).toString();
        row.version = q.value(2).toLongLong();
        row.deleted = q.value(3).toBool();
        if (!row.deleted)
            row.data = parseObject(q.value(4));
        QByteArray json = SyncProtocol::rowJson(row);
        // A page ends before its rows would pass the byte cap, and always carries one row (a
        // row over the cap, stored before the row cap existed, travels alone). The cursor is
        // the last row's version, so the next page starts with the row left out here.
        if (!page.rows.isEmpty()
            && SyncProtocol::pageBytes(rowsBytes + json.size(), page.rows.size() + 1)
                   > SyncProtocol::MaxPageBytes) {
            page.more = true;
            break;
        }
        rowsBytes += json.size();
        rowsJson.append(std::move(json));
        page.rows.append(row);
    }
    q.finish();
    page.nextCursor = page.rows.isEmpty() ? request.cursor : page.rows.constLast().version;
    if (page.more && !request.countRemaining) {
        page.remaining = -1; // the client counts down from the first page's count
    } else if (page.more) {
        q.prepare(QStringLiteral("SELECT count(*) FROM (%1) AS scoped").arg(source));
        bindSource(q, page.nextCursor);
        if (!q.exec() || !q.next()) {
            out.error = q.lastError().text();
            return out;
        }
        page.remaining = q.value(0).toLongLong();
        q.finish();
    }
    page.checksum = SyncProtocol::rowsChecksum(rowsJson);

    // The device has applied this scope up to the cursor it confirms (applied_cursor), never
    // up to the one it asks from: that page may be asked ahead and never applied (PullCursors).
    if (!PullCursors(m_db, m_clock)
             .record(caller.deviceId,
                     request.scopeKey(),
                     request.appliedCursor,
                     page.nextCursor,
                     &out.error))
        return out;
    out.status = Status::Ok;
    return out;
}

int SyncStore::purgeTombstones(QString *error)
{
    // Up to the cursor every active device has confirmed applying (PullCursors::purgeFloor).
    const std::optional<qint64> floor = PullCursors(m_db, m_clock).purgeFloor(error);
    if (!floor)
        return -1;
    if (*floor <= 0)
        return 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM sync_rows WHERE deleted AND version <= ?"));
    q.addBindValue(*floor);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    const int purged = q.numRowsAffected();
    // Withdrawals from a scope are tombstones too, and go by the same rule.
    q.prepare(QStringLiteral("DELETE FROM sync_scope_exits WHERE version <= ?"));
    q.addBindValue(*floor);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    return purged + q.numRowsAffected();
}

} // namespace tambo::server
