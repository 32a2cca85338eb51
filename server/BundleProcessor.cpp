#include "BundleProcessor.h"

#include "AuditAnchorStore.h"
#include "DeviceRegistry.h"
#include "SyncStore.h"
#include "UserAccounts.h"

#include "sync/BundleFile.h"
#include "sync/BundleMessages.h"
#include "sync/SyncProtocol.h"
#include "sync/UserBundleKey.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace tambo::server {

using core::BundleFile;
using core::SyncProtocol;

BundleProcessor::BundleProcessor(QSqlDatabase db,
                                 const core::Clock &clock,
                                 BundleServerKey key,
                                 const core::SyncCatalogue &catalogue,
                                 LoginThrottle::Limits loginLimits)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_key(std::move(key))
    , m_catalogue(catalogue)
    , m_loginLimits(loginLimits)
{}

BundleProcessor::Result BundleProcessor::process(const QByteArray &file)
{
    Result result;
    auto stop = [&result](Status status, const QString &message) {
        result.status = status;
        result.message = message;
        result.reply.clear();
        return result;
    };

    // 1. The header: a bundle, whole, from a PC, for this server.
    const BundleFile::Opened head = BundleFile::readHeader(file);
    if (!head.ok())
        return stop(Status::Refused, head.message);
    result.deviceId = head.header.senderId;
    if (head.header.direction != BundleFile::Direction::PcToServer)
        return stop(Status::Refused,
                    BundleFile::statusMessage(BundleFile::Status::WrongDirection, head.header));
    if (head.header.recipientId != m_key.serverId)
        return stop(Status::Refused,
                    QStringLiteral("the bundle is for another server (%1; this one is %2)")
                        .arg(head.header.recipientId.toString(QUuid::WithoutBraces),
                             m_key.serverId.toString(QUuid::WithoutBraces)));

    // 2. A registered, active device signed it.
    QString error;
    const std::optional<DeviceInfo> device = DeviceRegistry(m_db, m_clock)
                                                 .find(head.header.senderId, &error);
    if (!error.isEmpty())
        return stop(Status::Failed, error);
    if (!device)
        return stop(Status::Forbidden,
                    QStringLiteral("device %1 is not registered on this server")
                        .arg(head.header.senderId.toString(QUuid::WithoutBraces)));
    if (device->revoked)
        return stop(Status::Forbidden,
                    QStringLiteral("device %1 was revoked")
                        .arg(head.header.senderId.toString(QUuid::WithoutBraces)));
    const BundleFile::Opened opened = BundleFile::open(file,
                                                       BundleFile::Direction::PcToServer,
                                                       m_key.serverId,
                                                       m_key.keys,
                                                       device->publicKey);
    if (!opened.ok())
        return stop(Status::Refused, opened.message);
    const QJsonDocument doc = QJsonDocument::fromJson(opened.payload);
    const std::optional<core::PcBundle> bundle = doc.isObject()
                                                     ? core::PcBundle::fromJson(doc.object(), &error)
                                                     : std::nullopt;
    if (!bundle)
        return stop(Status::Refused, QStringLiteral("bad bundle content: %1").arg(error));
    if (bundle->deviceId != device->id || bundle->bundleId != head.header.bundleId)
        return stop(Status::Refused, QStringLiteral("the bundle's ids do not match its header"));

    // 3. The user it acts for.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, role_id, COALESCE(sede_id, ''), disabled FROM users "
                             "WHERE username = ?"));
    q.addBindValue(UserAccounts::normalizedUsername(bundle->user));
    if (!q.exec())
        return stop(Status::Failed, q.lastError().text());
    if (!q.next())
        return stop(Status::Forbidden,
                    QStringLiteral("user «%1» does not exist on the server").arg(bundle->user));
    SyncStore::Caller caller;
    caller.userId = q.value(0).toLongLong();
    caller.role = q.value(1).toString();
    caller.sede = q.value(2).toString();
    caller.deviceId = device->id;
    caller.username = UserAccounts::normalizedUsername(bundle->user);
    caller.permissions = m_catalogue.permissionsOf(caller.role);
    if (q.value(3).toBool())
        return stop(Status::Forbidden, QStringLiteral("user «%1» is disabled").arg(bundle->user));
    const std::optional<ServerUser> registrant = UserAccounts(m_db, m_clock)
                                                     .findById(device->registeredBy, &error);
    if (!registrant)
        return stop(Status::Failed, QStringLiteral("registrant of the device: %1").arg(error));
    SyncStore::Caller registrantCaller;
    registrantCaller.role = registrant->roleId;
    if (registrant->id != caller.userId && !registrantCaller.seesAll()
        && (registrant->sedeId.isEmpty() || registrant->sedeId != caller.sede))
        return stop(Status::Forbidden,
                    QStringLiteral("user «%1» does not belong to the sede of device %2")
                        .arg(bundle->user, device->id.toString(QUuid::WithoutBraces)));

    // 3b. The user proves it with their own key, as strictly as a login (ADR 0015).
    const QString name = LoginThrottle::accountKey(bundle->user);
    const QString source = QStringLiteral("bundle:%1").arg(device->id.toString(QUuid::WithoutBraces));
    if (bundle->userProof.isNull())
        return stop(Status::Refused,
                    QStringLiteral("el paquete no lleva la prueba de identidad de «%1» (la firma "
                                   "con su contraseña): lo hizo una versión anterior de Tambo. "
                                   "Actualice Tambo en ese equipo y exporte un paquete nuevo; "
                                   "sus cambios pendientes siguen en el equipo.")
                        .arg(bundle->user));
    const std::optional<UserAccounts::BundleKey> userKey = UserAccounts(m_db, m_clock)
                                                               .bundleKey(caller.userId, &error);
    if (!error.isEmpty())
        return stop(Status::Failed, error);
    if (!userKey || !userKey->current)
        return stop(Status::Forbidden,
                    QStringLiteral("«%1» no tiene una clave de paquetes vigente en el servidor "
                                   "(se crea cuando el servidor recibe su contraseña: al iniciar "
                                   "sesión en línea, o con «tambo-server bundle user-key "
                                   "--password-stdin %1»). Luego el equipo debe recibir los datos "
                                   "de la clave (conectándose una vez, o con «tambo-admin bundle "
                                   "trust-user») y exportar un paquete nuevo.")
                        .arg(caller.username));
    if (bundle->userProof.keySalt != userKey->params.salt)
        return stop(Status::Forbidden,
                    QStringLiteral("el paquete se firmó con una clave que no es la vigente de "
                                   "«%1» (su contraseña cambió en el servidor, o la firma es de "
                                   "otro usuario). Si la contraseña cambió: conéctese una "
                                   "vez al servidor con esa cuenta desde el equipo, o pida a la "
                                   "OTIC los datos nuevos («tambo-server bundle user-key» → "
                                   "«tambo-admin bundle trust-user»), y exporte un paquete nuevo.")
                        .arg(caller.username));
    LoginThrottle throttle(m_db, m_clock, m_loginLimits);
    const LoginThrottle::Verdict verdict = throttle.check(name, source);
    if (!verdict.ok())
        return stop(Status::Failed, verdict.error);
    if (!verdict.allowed)
        return stop(Status::Forbidden,
                    QStringLiteral("demasiados intentos fallidos de «%1» (inicio de sesión o "
                                   "paquetes): por seguridad, importe el paquete de nuevo dentro "
                                   "de %2 minuto(s).")
                        .arg(caller.username)
                        .arg((verdict.retryAfterSecs + 59) / 60));
    if (!core::UserBundleKey::verify(userKey->publicKey,
                                     core::PcBundle::proofMessage(doc.object(), m_key.serverId),
                                     bundle->userProof.signature)) {
        const LoginThrottle::Verdict after
            = throttle.recordFailure(name, source, QStringLiteral("bundle_proof_invalid"));
        if (!after.ok())
            return stop(Status::Failed, after.error);
        return stop(Status::Forbidden,
                    QStringLiteral("la firma del paquete no corresponde a la contraseña de «%1»: "
                                   "se escribió mal la contraseña al exportar, o el paquete no lo "
                                   "hizo ese usuario, o fue alterado. Se contó como un intento "
                                   "fallido de inicio de sesión. Exporte un paquete nuevo con la "
                                   "contraseña correcta.")
                        .arg(caller.username));
    }
    if (!throttle.recordSuccess(name, &error))
        return stop(Status::Failed, error);

    // 4. Pushes: exactly the network push path.
    core::ServerBundle reply;
    reply.bundleId = QUuid::createUuid();
    reply.deviceId = device->id;
    reply.createdAt = m_clock.now().toUTC();
    reply.inReplyTo = bundle->bundleId;
    reply.exportSeq = bundle->exportSeq;
    SyncStore store(m_db, m_clock, m_catalogue);
    for (const core::PushRequest &push : bundle->pushes) {
        const auto negotiation = SyncProtocol::negotiate(push.schemaVersion,
                                                         SyncProtocol::MinSchemaVersion,
                                                         SyncProtocol::SchemaVersion);
        if (negotiation != SyncProtocol::Negotiation::Ok) {
            reply.pushError = SyncProtocol::negotiationMessage(negotiation,
                                                               push.schemaVersion,
                                                               SyncProtocol::MinSchemaVersion,
                                                               SyncProtocol::SchemaVersion);
            break;
        }
        result.entries += int(push.entries.size());
        const SyncStore::PushOutcome out = store.push(caller, push);
        if (out.status == SyncStore::Status::Gap) {
            reply.pushError = QStringLiteral("Faltan cambios anteriores de este equipo: el "
                                             "servidor espera el número %1. Importe primero "
                                             "los paquetes anteriores de este equipo.")
                                  .arg(out.response.expectedSeq);
            break;
        }
        if (out.status == SyncStore::Status::SeqReused) {
            reply.pushError = SyncProtocol::seqReusedMessage(out.reusedSeq);
            break;
        }
        if (out.status != SyncStore::Status::Ok)
            return stop(Status::Failed, out.error);
        for (const core::PushAck &ack : out.response.acks) {
            switch (ack.status) {
            case core::PushAck::Status::Duplicate:
                ++result.duplicates;
                break;
            case core::PushAck::Status::Rejected:
                ++result.rejected;
                break;
            default:
                ++result.applied;
            }
        }
        reply.pushResults.append(out.response);
    }

    // 5. Pulls: the network pull path, page after page from the PC's cursors.
    for (const core::PullRequest &pull : bundle->pulls) {
        core::ServerBundle::Scope scope;
        scope.request = pull;
        core::PullRequest request = pull;
        request.pageSize = std::clamp(request.pageSize, 1, SyncProtocol::MaxPageSize);
        // What the PC has applied is its cursor at export (bundles of older PCs do not say it,
        // but their cursor is the committed one too), never the pages of this reply: the reply
        // may come back late or never.
        if (request.appliedCursor < 0)
            request.appliedCursor = request.cursor;
        for (;;) {
            const SyncStore::PullOutcome out = store.pull(caller, request);
            if (out.status == SyncStore::Status::Forbidden) {
                scope.error = QStringLiteral("Su usuario solo puede sincronizar los datos de su "
                                             "sede («%1»).")
                                  .arg(caller.sede);
                scope.pages.clear();
                break;
            }
            if (out.status != SyncStore::Status::Ok)
                return stop(Status::Failed, out.error);
            scope.pages.append(out.response);
            result.rows += int(out.response.rows.size());
            if (!out.response.more)
                break;
            request.cursor = out.response.nextCursor;
        }
        reply.scopes.append(scope);
    }
    store.purgeTombstones(); // best effort, as after a network pull

    // 6. The PC's audit anchor, by the rules of POST /v1/audit/anchors; the reply carries the
    //    last anchor the server holds for the device.
    AuditAnchorStore anchors(m_db, m_clock);
    if (bundle->auditAnchor) {
        const AuditAnchorStore::Outcome anchored = anchors.append(*bundle->auditAnchor,
                                                                  device->publicKey,
                                                                  caller.userId,
                                                                  AuditAnchorStore::Via::Bundle);
        switch (anchored.status) {
        case AuditAnchorStore::Status::Recorded:
            reply.auditAnchorStatus = QStringLiteral("recorded");
            break;
        case AuditAnchorStore::Status::AlreadyRecorded:
            reply.auditAnchorStatus = QStringLiteral("already_recorded");
            break;
        case AuditAnchorStore::Status::Conflict:
            reply.auditAnchorStatus = QStringLiteral("refused");
            result.auditAnchorRefused = true;
            break;
        case AuditAnchorStore::Status::BadSignature:
            reply.auditAnchorStatus = QStringLiteral("invalid_signature");
            result.auditAnchorRefused = true;
            break;
        case AuditAnchorStore::Status::DbError:
            return stop(Status::Failed, anchored.error);
        }
    }
    if (const auto last = anchors.last(device->id, &error))
        reply.auditAnchor = core::ServerBundle::AnchorEcho{last->seq, last->hash, last->receivedAt};
    else if (!error.isEmpty())
        return stop(Status::Failed, error);

    // 7. The reply, for this device only.
    BundleFile::Header header;
    header.direction = BundleFile::Direction::ServerToPc;
    header.bundleId = reply.bundleId;
    header.senderId = m_key.serverId;
    header.recipientId = device->id;
    header.createdAt = reply.createdAt;
    result.reply = BundleFile::seal(header,
                                    QJsonDocument(reply.toJson()).toJson(QJsonDocument::Compact),
                                    m_key.keys,
                                    device->publicKey);
    if (result.reply.isEmpty())
        return stop(Status::Failed, QStringLiteral("cannot seal the reply bundle"));
    result.replyId = reply.bundleId;
    result.status = Status::Ok;
    result.message = QStringLiteral("device %1: %2 entries (%3 applied, %4 already applied, %5 "
                                    "rejected), %6 rows to send back%7%8")
                         .arg(device->id.toString(QUuid::WithoutBraces))
                         .arg(result.entries)
                         .arg(result.applied)
                         .arg(result.duplicates)
                         .arg(result.rejected)
                         .arg(result.rows)
                         .arg(reply.pushError.isEmpty() ? QString()
                                                        : QStringLiteral("; ") + reply.pushError)
                         .arg(result.auditAnchorRefused
                                  ? QStringLiteral("; AUDIT ANCHOR REFUSED (%1): the PC's audit "
                                                   "log no longer matches what it signed before")
                                        .arg(reply.auditAnchorStatus)
                                  : QString());
    return result;
}

} // namespace tambo::server
