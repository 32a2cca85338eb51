#include "sync/BundleMessages.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tambo::core {

namespace {

bool fail(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

bool readUuid(const QJsonObject &o, const QString &key, QUuid *out, QString *error)
{
    const QUuid id = QUuid::fromString(o.value(key).toString());
    if (id.isNull())
        return fail(error, QStringLiteral("'%1' must be a UUID").arg(key));
    *out = id;
    return true;
}

bool readTime(const QJsonObject &o, const QString &key, QDateTime *out, QString *error)
{
    const QDateTime t = QDateTime::fromString(o.value(key).toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return fail(error, QStringLiteral("'%1' must be an ISO 8601 time").arg(key));
    *out = t.toUTC();
    return true;
}

bool readSeq(const QJsonObject &o, QString key, qint64 *out, QString *error)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() != double(qint64(v.toDouble())))
        return fail(error, QStringLiteral("'%1' must be a non-negative integer").arg(key));
    *out = qint64(v.toDouble());
    return true;
}

template<typename T, typename Parse>
bool readObjects(const QJsonObject &o, const QString &key, QList<T> *out, QString *error, Parse parse)
{
    const QJsonValue v = o.value(key);
    if (!v.isArray())
        return fail(error, QStringLiteral("'%1' must be an array").arg(key));
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return fail(error, QStringLiteral("'%1'[%2] must be an object").arg(key).arg(i));
        QString inner;
        std::optional<T> item = parse(array.at(i).toObject(), &inner);
        if (!item)
            return fail(error, QStringLiteral("'%1'[%2]: %3").arg(key).arg(i).arg(inner));
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

QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject PcBundle::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), QStringLiteral("pc_bundle")},
                  {QStringLiteral("bundle_id"), uuidText(bundleId)},
                  {QStringLiteral("device_id"), uuidText(deviceId)},
                  {QStringLiteral("user"), user},
                  {QStringLiteral("created_at"), timeText(createdAt)},
                  {QStringLiteral("export_seq"), double(exportSeq)},
                  {QStringLiteral("pushes"), toArray(pushes)},
                  {QStringLiteral("pulls"), toArray(pulls)}};
    if (auditAnchor)
        o.insert(QStringLiteral("audit_anchor"), auditAnchor->toJson());
    if (!userProof.isNull())
        o.insert(QStringLiteral("user_proof"),
                 QJsonObject{{QStringLiteral("key"), QString::fromLatin1(userProof.keySalt.toHex())},
                             {QStringLiteral("signature"),
                              QString::fromLatin1(userProof.signature.toHex())}});
    return o;
}

QByteArray PcBundle::proofMessage(QJsonObject parsed, const QUuid &serverId)
{
    parsed.remove(QStringLiteral("user_proof"));
    return QByteArrayLiteral("tambo-pc-bundle-user-v1\n") + serverId.toRfc4122()
           + QJsonDocument(parsed).toJson(QJsonDocument::Compact);
}

std::optional<PcBundle> PcBundle::fromJson(const QJsonObject &o, QString *error)
{
    PcBundle b;
    if (o.value(QStringLiteral("kind")).toString() != QLatin1String("pc_bundle")) {
        fail(error, QStringLiteral("'kind' must be \"pc_bundle\""));
        return std::nullopt;
    }
    if (!readUuid(o, QStringLiteral("bundle_id"), &b.bundleId, error)
        || !readUuid(o, QStringLiteral("device_id"), &b.deviceId, error)
        || !readTime(o, QStringLiteral("created_at"), &b.createdAt, error)
        || !readSeq(o, QStringLiteral("export_seq"), &b.exportSeq, error))
        return std::nullopt;
    b.user = o.value(QStringLiteral("user")).toString();
    if (b.user.isEmpty()) {
        fail(error, QStringLiteral("'user' must be a non-empty string"));
        return std::nullopt;
    }
    if (o.contains(QStringLiteral("user_proof"))) {
        const QJsonObject proof = o.value(QStringLiteral("user_proof")).toObject();
        const QString key = proof.value(QStringLiteral("key")).toString();
        const QString signature = proof.value(QStringLiteral("signature")).toString();
        b.userProof.keySalt = QByteArray::fromHex(key.toLatin1());
        b.userProof.signature = QByteArray::fromHex(signature.toLatin1());
        if (b.userProof.keySalt.isEmpty() || b.userProof.keySalt.toHex() != key.toLatin1()
            || b.userProof.signature.size() != 64
            || b.userProof.signature.toHex() != signature.toLatin1()) {
            fail(error,
                 QStringLiteral("'user_proof' must be {\"key\": hex, \"signature\": 64 bytes "
                                "in hex}"));
            return std::nullopt;
        }
    }
    if (!readObjects<PushRequest>(o,
                                  QStringLiteral("pushes"),
                                  &b.pushes,
                                  error,
                                  &PushRequest::fromJson)
        || !readObjects<PullRequest>(o,
                                     QStringLiteral("pulls"),
                                     &b.pulls,
                                     error,
                                     &PullRequest::fromJson))
        return std::nullopt;
    for (qsizetype i = 0; i < b.pushes.size(); ++i) {
        const PushRequest &p = b.pushes.at(i);
        if (p.deviceId != b.deviceId) {
            fail(error, QStringLiteral("'pushes'[%1] is for another device").arg(i));
            return std::nullopt;
        }
        if (i > 0 && !p.entries.isEmpty() && !b.pushes.at(i - 1).entries.isEmpty()
            && p.entries.first().seq != b.pushes.at(i - 1).entries.last().seq + 1) {
            fail(error, QStringLiteral("'pushes' must have consecutive seqs"));
            return std::nullopt;
        }
    }
    for (qsizetype i = 0; i < b.pulls.size(); ++i) {
        if (b.pulls.at(i).deviceId != b.deviceId) {
            fail(error, QStringLiteral("'pulls'[%1] is for another device").arg(i));
            return std::nullopt;
        }
    }
    const QJsonValue anchor = o.value(QStringLiteral("audit_anchor"));
    if (anchor.isObject()) {
        QString inner;
        b.auditAnchor = AuditAnchor::fromJson(anchor.toObject(), &inner);
        if (!b.auditAnchor) {
            fail(error, QStringLiteral("'audit_anchor': %1").arg(inner));
            return std::nullopt;
        }
        if (b.auditAnchor->deviceId != b.deviceId) {
            fail(error, QStringLiteral("'audit_anchor' is for another device"));
            return std::nullopt;
        }
    } else if (!anchor.isUndefined() && !anchor.isNull()) {
        fail(error, QStringLiteral("'audit_anchor' must be an object"));
        return std::nullopt;
    }
    return b;
}

QJsonObject ServerBundle::toJson() const
{
    QJsonArray scopeArray;
    for (const Scope &s : scopes) {
        QJsonObject scope{{QStringLiteral("request"), s.request.toJson()},
                          {QStringLiteral("pages"), toArray(s.pages)}};
        if (!s.error.isEmpty())
            scope.insert(QStringLiteral("error"), s.error);
        scopeArray.append(scope);
    }
    QJsonObject o{{QStringLiteral("kind"), QStringLiteral("server_bundle")},
                  {QStringLiteral("bundle_id"), uuidText(bundleId)},
                  {QStringLiteral("device_id"), uuidText(deviceId)},
                  {QStringLiteral("created_at"), timeText(createdAt)},
                  {QStringLiteral("in_reply_to"), uuidText(inReplyTo)},
                  {QStringLiteral("export_seq"), double(exportSeq)},
                  {QStringLiteral("push_results"), toArray(pushResults)},
                  {QStringLiteral("scopes"), scopeArray}};
    if (!pushError.isEmpty())
        o.insert(QStringLiteral("push_error"), pushError);
    if (auditAnchor) {
        o.insert(QStringLiteral("audit_anchor"),
                 QJsonObject{{QStringLiteral("seq"), double(auditAnchor->seq)},
                             {QStringLiteral("hash"), auditAnchor->hash},
                             {QStringLiteral("received_at"), timeText(auditAnchor->receivedAt)}});
    }
    if (!auditAnchorStatus.isEmpty())
        o.insert(QStringLiteral("audit_anchor_status"), auditAnchorStatus);
    return o;
}

std::optional<ServerBundle> ServerBundle::fromJson(const QJsonObject &o, QString *error)
{
    ServerBundle b;
    if (o.value(QStringLiteral("kind")).toString() != QLatin1String("server_bundle")) {
        fail(error, QStringLiteral("'kind' must be \"server_bundle\""));
        return std::nullopt;
    }
    if (!readUuid(o, QStringLiteral("bundle_id"), &b.bundleId, error)
        || !readUuid(o, QStringLiteral("device_id"), &b.deviceId, error)
        || !readTime(o, QStringLiteral("created_at"), &b.createdAt, error)
        || !readUuid(o, QStringLiteral("in_reply_to"), &b.inReplyTo, error)
        || !readSeq(o, QStringLiteral("export_seq"), &b.exportSeq, error))
        return std::nullopt;
    b.pushError = o.value(QStringLiteral("push_error")).toString();
    if (!readObjects<PushResponse>(o,
                                   QStringLiteral("push_results"),
                                   &b.pushResults,
                                   error,
                                   &PushResponse::fromJson))
        return std::nullopt;
    auto parseScope = [](const QJsonObject &s, QString *err) -> std::optional<Scope> {
        Scope scope;
        if (!s.value(QStringLiteral("request")).isObject()) {
            fail(err, QStringLiteral("'request' must be an object"));
            return std::nullopt;
        }
        const auto request = PullRequest::fromJson(s.value(QStringLiteral("request")).toObject(),
                                                   err);
        if (!request)
            return std::nullopt;
        scope.request = *request;
        scope.error = s.value(QStringLiteral("error")).toString();
        if (!readObjects<PullResponse>(s,
                                       QStringLiteral("pages"),
                                       &scope.pages,
                                       err,
                                       &PullResponse::fromJson))
            return std::nullopt;
        return scope;
    };
    if (!readObjects<Scope>(o, QStringLiteral("scopes"), &b.scopes, error, parseScope))
        return std::nullopt;
    const QJsonValue anchor = o.value(QStringLiteral("audit_anchor"));
    if (anchor.isObject()) {
        const QJsonObject a = anchor.toObject();
        AnchorEcho echo;
        echo.hash = a.value(QStringLiteral("hash")).toString();
        if (!readSeq(a, QStringLiteral("seq"), &echo.seq, error)
            || !readTime(a, QStringLiteral("received_at"), &echo.receivedAt, error))
            return std::nullopt;
        if (echo.seq < 1 || !AuditAnchor::isHash(echo.hash)) {
            fail(error, QStringLiteral("'audit_anchor' must have a seq ≥ 1 and a hash"));
            return std::nullopt;
        }
        b.auditAnchor = echo;
    } else if (!anchor.isUndefined() && !anchor.isNull()) {
        fail(error, QStringLiteral("'audit_anchor' must be an object"));
        return std::nullopt;
    }
    b.auditAnchorStatus = o.value(QStringLiteral("audit_anchor_status")).toString();
    return b;
}

} // namespace tambo::core
