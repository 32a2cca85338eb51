#include "sync/SyncMessages.h"

#include "sync/SyncProtocol.h"
#include "sync/SyncValueCheck.h"

#include <QRegularExpression>

#include <cmath>

namespace tambo::core {

namespace {

const QString kSeq = QStringLiteral("seq");

bool fail(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

// A non-negative integer member (JSON numbers are doubles: exact up to 2^53).
bool readInt(const QJsonObject &o,
             const QString &key,
             qint64 *out,
             QString *error,
             bool required = true,
             qint64 min = 0)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (!required)
            return true;
        return fail(error, QStringLiteral("missing integer \"%1\"").arg(key));
    }
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != std::floor(d) || d < double(min) || d > 9007199254740992.0)
        return fail(error, QStringLiteral("\"%1\" must be an integer ≥ %2").arg(key).arg(min));
    *out = qint64(d);
    return true;
}

bool readString(
    const QJsonObject &o, const QString &key, QString *out, QString *error, bool required = true)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (!required)
            return true;
        return fail(error, QStringLiteral("missing text \"%1\"").arg(key));
    }
    if (!v.isString() || (required && v.toString().isEmpty()))
        return fail(error, QStringLiteral("\"%1\" must be non-empty text").arg(key));
    *out = v.toString();
    return true;
}

// Text that PostgreSQL can store and that is what it claims (SyncValueCheck): for the fields of
// a request that are not entry data (an entry's values are checked entry by entry instead, so a
// bad one is refused alone).
bool isCleanText(const QString &text)
{
    return SyncValueCheck::checkText(text) == SyncValueCheck::Text::Clean;
}

bool readStringList(const QJsonObject &o, const QString &key, QStringList *out, QString *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray())
        return fail(error, QStringLiteral("\"%1\" must be an array of text").arg(key));
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString() || item.toString().isEmpty())
            return fail(error, QStringLiteral("\"%1\" must be an array of text").arg(key));
        out->append(item.toString());
    }
    return true;
}

bool readVersions(const QJsonObject &o,
                  const QString &key,
                  QHash<QString, qint64> *out,
                  QString *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isObject())
        return fail(error, QStringLiteral("\"%1\" must be an object").arg(key));
    const QJsonObject map = v.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        qint64 version = 0;
        if (!readInt(map, it.key(), &version, error))
            return false;
        out->insert(it.key(), version);
    }
    return true;
}

QJsonObject versionsJson(const QHash<QString, qint64> &versions)
{
    QJsonObject o;
    for (auto it = versions.begin(); it != versions.end(); ++it)
        o.insert(it.key(), double(it.value()));
    return o;
}

bool readUuid(const QJsonObject &o, const QString &key, QUuid *out, QString *error)
{
    QString text;
    if (!readString(o, key, &text, error))
        return false;
    const QUuid id = QUuid::fromString(text);
    if (text.size() != 36 || id.isNull())
        return fail(error, QStringLiteral("\"%1\" must be a UUID").arg(key));
    *out = id;
    return true;
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

template<typename T>
bool readArray(const QJsonObject &o, const QString &key, QList<T> *out, QString *error, int maxItems)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray())
        return fail(error, QStringLiteral("\"%1\" must be an array").arg(key));
    const QJsonArray array = v.toArray();
    if (array.size() > maxItems)
        return fail(error, QStringLiteral("\"%1\" has more than %2 items").arg(key).arg(maxItems));
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString itemError;
        const std::optional<T> item = T::fromJson(array.at(i), &itemError);
        if (!item)
            return fail(error, QStringLiteral("%1[%2]: %3").arg(key).arg(i).arg(itemError));
        out->append(*item);
    }
    return true;
}

template<typename T>
QJsonArray toArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

} // namespace

// --- SyncOp ---

QString SyncOp::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Insert:
        return QStringLiteral("insert");
    case Kind::Update:
        return QStringLiteral("update");
    case Kind::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

QJsonObject SyncOp::toJson() const
{
    QJsonObject o{{QStringLiteral("op"), kindName(kind)},
                  {QStringLiteral("table"), table},
                  {QStringLiteral("id"), id}};
    if (kind != Kind::Delete)
        o.insert(QStringLiteral("data"), data);
    if (kind == Kind::Update)
        o.insert(QStringLiteral("changed"), QJsonArray::fromStringList(changed));
    return o;
}

std::optional<SyncOp> SyncOp::fromJson(const QJsonValue &value, QString *error)
{
    if (!value.isObject())
        return fail(error, QStringLiteral("an op must be an object")), std::nullopt;
    const QJsonObject o = value.toObject();
    SyncOp op;
    QString kind;
    if (!readString(o, QStringLiteral("op"), &kind, error)
        || !readString(o, QStringLiteral("table"), &op.table, error)
        || !readString(o, QStringLiteral("id"), &op.id, error))
        return std::nullopt;
    if (kind == QLatin1String("insert"))
        op.kind = Kind::Insert;
    else if (kind == QLatin1String("update"))
        op.kind = Kind::Update;
    else if (kind == QLatin1String("delete"))
        op.kind = Kind::Delete;
    else
        return fail(error, QStringLiteral("unknown op \"%1\"").arg(kind)), std::nullopt;
    if (!SyncProtocol::isValidTableName(op.table))
        return fail(error, QStringLiteral("invalid table name \"%1\"").arg(op.table)), std::nullopt;
    if (op.id.size() > 128)
        return fail(error, QStringLiteral("row id longer than 128 characters")), std::nullopt;
    if (op.kind != Kind::Delete) {
        const QJsonValue data = o.value(QStringLiteral("data"));
        if (!data.isObject())
            return fail(error, QStringLiteral("\"data\" must be an object")), std::nullopt;
        op.data = data.toObject();
    }
    if (op.kind == Kind::Update) {
        if (!readStringList(o, QStringLiteral("changed"), &op.changed, error))
            return std::nullopt;
        for (const QString &column : std::as_const(op.changed)) {
            if (!op.data.contains(column)) {
                return fail(error,
                            QStringLiteral("changed column \"%1\" is not in data").arg(column)),
                       std::nullopt;
            }
        }
    }
    return op;
}

// --- SyncTableRule ---

QJsonObject SyncTableRule::toJson() const
{
    QJsonObject o{{QStringLiteral("table"), table},
                  {QStringLiteral("kind"),
                   appendOnly ? QStringLiteral("append_only") : QStringLiteral("mutable")},
                  {QStringLiteral("legal"), QJsonArray::fromStringList(legalColumns)}};
    if (!scopeParentTable.isEmpty()) {
        o.insert(QStringLiteral("scope_parent"),
                 QJsonObject{{QStringLiteral("table"), scopeParentTable},
                             {QStringLiteral("column"), scopeParentColumn}});
    }
    return o;
}

std::optional<SyncTableRule> SyncTableRule::fromJson(const QJsonValue &value, QString *error)
{
    if (!value.isObject())
        return fail(error, QStringLiteral("a table rule must be an object")), std::nullopt;
    const QJsonObject o = value.toObject();
    SyncTableRule rule;
    QString kind;
    if (!readString(o, QStringLiteral("table"), &rule.table, error)
        || !readString(o, QStringLiteral("kind"), &kind, error)
        || !readStringList(o, QStringLiteral("legal"), &rule.legalColumns, error))
        return std::nullopt;
    if (!SyncProtocol::isValidTableName(rule.table))
        return fail(error, QStringLiteral("invalid table name \"%1\"").arg(rule.table)),
               std::nullopt;
    if (kind != QLatin1String("mutable") && kind != QLatin1String("append_only"))
        return fail(error, QStringLiteral("unknown table kind \"%1\"").arg(kind)), std::nullopt;
    rule.appendOnly = kind == QLatin1String("append_only");
    for (const QString &column : std::as_const(rule.legalColumns)) {
        if (!isCleanText(column))
            return fail(error, QStringLiteral("a legal column name is not clean text")),
                   std::nullopt;
    }
    const QJsonValue parent = o.value(QStringLiteral("scope_parent"));
    if (parent.isObject()) {
        const QJsonObject p = parent.toObject();
        if (!readString(p, QStringLiteral("table"), &rule.scopeParentTable, error)
            || !readString(p, QStringLiteral("column"), &rule.scopeParentColumn, error))
            return std::nullopt;
        if (!SyncProtocol::isValidTableName(rule.scopeParentTable))
            return fail(error, QStringLiteral("invalid scope parent table")), std::nullopt;
        if (!isCleanText(rule.scopeParentColumn))
            return fail(error, QStringLiteral("the scope parent column is not clean text")),
                   std::nullopt;
    } else if (!parent.isUndefined() && !parent.isNull()) {
        return fail(error, QStringLiteral("\"scope_parent\" must be an object")), std::nullopt;
    }
    return rule;
}

// --- OutboxEntry ---

QJsonObject OutboxEntry::toJson() const
{
    QJsonObject o{{kSeq, double(seq)},
                  {QStringLiteral("schema_version"), schemaVersion},
                  {QStringLiteral("base_versions"), versionsJson(baseVersions)},
                  {QStringLiteral("ops"), toArray(ops)}};
    if (refused) {
        o.insert(QStringLiteral("refused"),
                 QJsonObject{{QStringLiteral("reason"), refused->reason},
                             {QStringLiteral("message"), refused->message}});
    }
    return o;
}

std::optional<OutboxEntry> OutboxEntry::fromJson(const QJsonValue &value, QString *error)
{
    if (!value.isObject())
        return fail(error, QStringLiteral("an entry must be an object")), std::nullopt;
    const QJsonObject o = value.toObject();
    OutboxEntry entry;
    qint64 schema = 0;
    if (!readInt(o, kSeq, &entry.seq, error, true, 1)
        || !readInt(o, QStringLiteral("schema_version"), &schema, error, true, 0)
        || !readVersions(o, QStringLiteral("base_versions"), &entry.baseVersions, error)
        || !readArray(o, QStringLiteral("ops"), &entry.ops, error, SyncProtocol::MaxOpsPerEntry))
        return std::nullopt;
    entry.schemaVersion = int(schema);
    const QJsonValue refused = o.value(QStringLiteral("refused"));
    if (refused.isObject()) {
        static const QRegularExpression code(QStringLiteral("^[a-z_]{1,64}$"));
        Refusal r;
        if (!readString(refused.toObject(), QStringLiteral("reason"), &r.reason, error)
            || !readString(refused.toObject(), QStringLiteral("message"), &r.message, error, false))
            return std::nullopt;
        if (!code.match(r.reason).hasMatch())
            return fail(error, QStringLiteral("\"refused.reason\" must be a code ([a-z_])")),
                   std::nullopt;
        if (r.message.size() > 2000)
            return fail(error, QStringLiteral("\"refused.message\" is too long")), std::nullopt;
        entry.refused = r;
    } else if (!refused.isUndefined() && !refused.isNull()) {
        return fail(error, QStringLiteral("\"refused\" must be an object")), std::nullopt;
    }
    if (entry.ops.isEmpty() && !entry.refused)
        return fail(error, QStringLiteral("entry %1 has no ops").arg(entry.seq)), std::nullopt;
    return entry;
}

// --- PushRequest ---

QJsonObject PushRequest::toJson() const
{
    return {{QStringLiteral("device_id"), uuidText(deviceId)},
            {QStringLiteral("schema_version"), schemaVersion},
            {QStringLiteral("tables"), toArray(tables)},
            {QStringLiteral("entries"), toArray(entries)}};
}

std::optional<PushRequest> PushRequest::fromJson(const QJsonObject &o, QString *error)
{
    PushRequest request;
    qint64 schema = 0;
    if (!readUuid(o, QStringLiteral("device_id"), &request.deviceId, error)
        || !readInt(o, QStringLiteral("schema_version"), &schema, error)
        || !readArray(o, QStringLiteral("tables"), &request.tables, error, 1000)
        || !readArray(o,
                      QStringLiteral("entries"),
                      &request.entries,
                      error,
                      SyncProtocol::MaxEntriesPerPush))
        return std::nullopt;
    request.schemaVersion = int(schema);
    for (qsizetype i = 1; i < request.entries.size(); ++i) {
        if (request.entries.at(i).seq != request.entries.at(i - 1).seq + 1) {
            return fail(error, QStringLiteral("entries must have consecutive ascending seqs")),
                   std::nullopt;
        }
    }
    return request;
}

// --- SyncConflict ---

QString SyncConflict::kindName(Kind kind)
{
    return kind == Kind::Field ? QStringLiteral("field") : QStringLiteral("edit_delete");
}

QJsonObject SyncConflict::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kindName(kind)},
                  {QStringLiteral("table"), table},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("server_value"), serverValue},
                  {QStringLiteral("client_value"), clientValue}};
    if (kind == Kind::Field)
        o.insert(QStringLiteral("field"), field);
    return o;
}

std::optional<SyncConflict> SyncConflict::fromJson(const QJsonValue &value, QString *error)
{
    if (!value.isObject())
        return fail(error, QStringLiteral("a conflict must be an object")), std::nullopt;
    const QJsonObject o = value.toObject();
    SyncConflict c;
    QString kind;
    if (!readString(o, QStringLiteral("kind"), &kind, error)
        || !readString(o, QStringLiteral("table"), &c.table, error)
        || !readString(o, QStringLiteral("id"), &c.id, error))
        return std::nullopt;
    if (kind == QLatin1String("field")) {
        c.kind = Kind::Field;
        if (!readString(o, QStringLiteral("field"), &c.field, error))
            return std::nullopt;
    } else if (kind == QLatin1String("edit_delete")) {
        c.kind = Kind::EditDelete;
    } else {
        return fail(error, QStringLiteral("unknown conflict kind \"%1\"").arg(kind)), std::nullopt;
    }
    c.serverValue = o.value(QStringLiteral("server_value"));
    c.clientValue = o.value(QStringLiteral("client_value"));
    return c;
}

// --- PushAck ---

QString PushAck::statusName(Status status)
{
    switch (status) {
    case Status::Applied:
        return QStringLiteral("applied");
    case Status::Duplicate:
        return QStringLiteral("duplicate");
    case Status::Rejected:
        return QStringLiteral("rejected");
    case Status::Conflict:
        return QStringLiteral("conflict");
    }
    return {};
}

QJsonObject PushAck::toJson() const
{
    QJsonObject o{{kSeq, double(seq)}, {QStringLiteral("status"), statusName(status)}};
    if (status == Status::Rejected) {
        o.insert(QStringLiteral("reason"), reason);
        o.insert(QStringLiteral("message"), message);
    }
    if (!rowVersions.isEmpty())
        o.insert(QStringLiteral("row_versions"), versionsJson(rowVersions));
    if (!conflicts.isEmpty())
        o.insert(QStringLiteral("conflicts"), toArray(conflicts));
    return o;
}

std::optional<PushAck> PushAck::fromJson(const QJsonValue &value, QString *error)
{
    if (!value.isObject())
        return fail(error, QStringLiteral("an ack must be an object")), std::nullopt;
    const QJsonObject o = value.toObject();
    PushAck ack;
    QString status;
    if (!readInt(o, kSeq, &ack.seq, error, true, 1)
        || !readString(o, QStringLiteral("status"), &status, error)
        || !readVersions(o, QStringLiteral("row_versions"), &ack.rowVersions, error)
        || !readArray(o, QStringLiteral("conflicts"), &ack.conflicts, error, 100000))
        return std::nullopt;
    if (status == QLatin1String("applied"))
        ack.status = Status::Applied;
    else if (status == QLatin1String("duplicate"))
        ack.status = Status::Duplicate;
    else if (status == QLatin1String("conflict"))
        ack.status = Status::Conflict;
    else if (status == QLatin1String("rejected"))
        ack.status = Status::Rejected;
    else
        return fail(error, QStringLiteral("unknown ack status \"%1\"").arg(status)), std::nullopt;
    if (ack.status == Status::Rejected
        && (!readString(o, QStringLiteral("reason"), &ack.reason, error)
            || !readString(o, QStringLiteral("message"), &ack.message, error, false)))
        return std::nullopt;
    return ack;
}

// --- PushResponse ---

QJsonObject PushResponse::toJson() const
{
    return {{QStringLiteral("acks"), toArray(acks)},
            {QStringLiteral("expected_seq"), double(expectedSeq)}};
}

std::optional<PushResponse> PushResponse::fromJson(const QJsonObject &o, QString *error)
{
    PushResponse response;
    if (!readArray(o, QStringLiteral("acks"), &response.acks, error, SyncProtocol::MaxEntriesPerPush)
        || !readInt(o, QStringLiteral("expected_seq"), &response.expectedSeq, error, true, 1))
        return std::nullopt;
    return response;
}

// --- PullRequest ---

QString PullRequest::scopeKey() const
{
    return QStringLiteral("sede=%1;area=%2")
        .arg(sede.isEmpty() ? QStringLiteral("*") : sede,
             area.isEmpty() ? QStringLiteral("*") : area);
}

QJsonObject PullRequest::toJson() const
{
    QJsonObject scope;
    if (!sede.isEmpty())
        scope.insert(QStringLiteral("sede"), sede);
    if (!area.isEmpty())
        scope.insert(QStringLiteral("area"), area);
    QJsonObject o{{QStringLiteral("device_id"), uuidText(deviceId)},
                  {QStringLiteral("schema_version"), schemaVersion},
                  {QStringLiteral("scope"), scope},
                  {QStringLiteral("cursor"), double(cursor)},
                  {QStringLiteral("page_size"), pageSize}};
    if (appliedCursor >= 0)
        o.insert(QStringLiteral("applied_cursor"), double(appliedCursor));
    if (!countRemaining)
        o.insert(QStringLiteral("count_remaining"), false);
    return o;
}

std::optional<PullRequest> PullRequest::fromJson(const QJsonObject &o, QString *error)
{
    PullRequest request;
    qint64 schema = 0;
    qint64 pageSize = SyncProtocol::DefaultPageSize;
    if (!readUuid(o, QStringLiteral("device_id"), &request.deviceId, error)
        || !readInt(o, QStringLiteral("schema_version"), &schema, error)
        || !readInt(o, QStringLiteral("cursor"), &request.cursor, error, false)
        || !readInt(o, QStringLiteral("applied_cursor"), &request.appliedCursor, error, false)
        || !readInt(o, QStringLiteral("page_size"), &pageSize, error, false, 1))
        return std::nullopt;
    if (request.appliedCursor > request.cursor)
        return fail(error, QStringLiteral("\"applied_cursor\" must not be above \"cursor\"")),
               std::nullopt;
    request.schemaVersion = int(schema);
    request.pageSize = int(qMin<qint64>(pageSize, SyncProtocol::MaxPageSize));
    const QJsonValue count = o.value(QStringLiteral("count_remaining"));
    if (count.isBool())
        request.countRemaining = count.toBool();
    else if (!count.isUndefined() && !count.isNull())
        return fail(error, QStringLiteral("\"count_remaining\" must be true or false")),
               std::nullopt;
    const QJsonValue scope = o.value(QStringLiteral("scope"));
    if (scope.isObject()) {
        const QJsonObject s = scope.toObject();
        if (!readString(s, QStringLiteral("sede"), &request.sede, error, false)
            || !readString(s, QStringLiteral("area"), &request.area, error, false))
            return std::nullopt;
        if (!isCleanText(request.sede) || !isCleanText(request.area) || request.sede.size() > 128
            || request.area.size() > 128)
            return fail(error, QStringLiteral("\"scope\" must name a sede and an area as clean "
                                              "text of at most 128 characters")),
                   std::nullopt;
    } else if (!scope.isUndefined() && !scope.isNull()) {
        return fail(error, QStringLiteral("\"scope\" must be an object")), std::nullopt;
    }
    return request;
}

// --- PulledRow ---

QJsonObject PulledRow::toJson() const
{
    QJsonObject o{{QStringLiteral("table"), table},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("version"), double(version)}};
    if (deleted)
        o.insert(QStringLiteral("deleted"), true);
    else
        o.insert(QStringLiteral("data"), data);
    return o;
}

std::optional<PulledRow> PulledRow::fromJson(const QJsonValue &value, QString *error)
{
    if (!value.isObject())
        return fail(error, QStringLiteral("a row must be an object")), std::nullopt;
    const QJsonObject o = value.toObject();
    PulledRow row;
    if (!readString(o, QStringLiteral("table"), &row.table, error)
        || !readString(o, QStringLiteral("id"), &row.id, error)
        || !readInt(o, QStringLiteral("version"), &row.version, error, true, 1))
        return std::nullopt;
    if (!SyncProtocol::isValidTableName(row.table))
        return fail(error, QStringLiteral("invalid table name \"%1\"").arg(row.table)),
               std::nullopt;
    row.deleted = o.value(QStringLiteral("deleted")).toBool(false);
    if (!row.deleted) {
        const QJsonValue data = o.value(QStringLiteral("data"));
        if (!data.isObject())
            return fail(error, QStringLiteral("a row needs \"data\" or \"deleted\"")), std::nullopt;
        row.data = data.toObject();
    }
    return row;
}

// --- PullResponse ---

QJsonObject PullResponse::toJson() const
{
    QJsonObject o{{QStringLiteral("rows"), toArray(rows)},
                  {QStringLiteral("next_cursor"), double(nextCursor)},
                  {QStringLiteral("more"), more},
                  {QStringLiteral("checksum"), checksum}};
    if (remaining >= 0)
        o.insert(QStringLiteral("remaining"), double(remaining)); // absent: not counted
    return o;
}

std::optional<PullResponse> PullResponse::fromJson(const QJsonObject &o, QString *error)
{
    PullResponse response;
    response.remaining = -1; // absent: not counted
    if (!readArray(o, QStringLiteral("rows"), &response.rows, error, SyncProtocol::MaxPageSize)
        || !readInt(o, QStringLiteral("next_cursor"), &response.nextCursor, error)
        || !readInt(o, QStringLiteral("remaining"), &response.remaining, error, false)
        || !readString(o, QStringLiteral("checksum"), &response.checksum, error))
        return std::nullopt;
    response.more = o.value(QStringLiteral("more")).toBool(false);
    for (qsizetype i = 1; i < response.rows.size(); ++i) {
        if (response.rows.at(i).version <= response.rows.at(i - 1).version)
            return fail(error, QStringLiteral("rows must come in ascending versions")),
                   std::nullopt;
    }
    return response;
}

} // namespace tambo::core
