#include "sync/BundleService.h"

#include "audit/AuditAnchorCheck.h"
#include "audit/AuditLog.h"
#include "sync/AuditAnchorState.h"
#include "sync/BundleMessages.h"
#include "sync/LocalSyncStore.h"
#include "sync/SyncProtocol.h"
#include "util/Clock.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>

#include <limits>

namespace tambo::core {

namespace {
constexpr int PushBatch = 100;
} // namespace

BundleService::BundleService(LocalSyncStore &store,
                             QSqlDatabase db,
                             const Clock &clock,
                             QUuid deviceId)
    : m_store(store)
    , m_db(db)
    , m_clock(clock)
    , m_deviceId(deviceId)
    , m_state(std::move(db))
{}

bool BundleService::hasUserKey(const QString &user) const
{
    return m_state.userKey(user).has_value();
}

BundleService::UserKey BundleService::userKey(const QString &user, const QString &password) const
{
    UserKey result;
    const std::optional<UserBundleKey::Params> params = m_state.userKey(user);
    if (!params) {
        result.message = tr("This computer does not have the bundle signing data of %1 yet. "
                            "Connect to the sync server once with that account from this "
                            "computer, or ask OTIC to register it (tambo-admin bundle trust-user).")
                             .arg(user);
        return result;
    }
    if (password.isEmpty()) {
        result.message = tr("Enter the server password of %1 to sign the bundle.").arg(user);
        return result;
    }
    QString error;
    UserBundleKey key = UserBundleKey::derive(password, *params, &error);
    if (!key.isValid()) {
        result.message = error;
        return result;
    }
    if (key.params().check != params->check) {
        result.message = tr("The password is not the server password of %1 (or it changed on the "
                            "server: then connect to the sync server once, or ask OTIC). No "
                            "bundle was written.")
                             .arg(user);
        return result;
    }
    result.key = key;
    return result;
}

BundleService::ExportResult BundleService::exportTo(const QString &dir,
                                                    const QString &user,
                                                    const QString &password,
                                                    const QList<Scope> &scopes,
                                                    const Progress &progress)
{
    if (!m_state.serverKey().isValid()) { // before the key's Argon2id work
        ExportResult result;
        result.message = tr("This computer does not have the central server's bundle key yet. "
                            "Ask OTIC to register it (tambo-admin bundle trust).");
        return result;
    }
    if (progress)
        progress(1);
    const UserKey key = userKey(user, password);
    if (!key.ok()) {
        ExportResult result;
        result.message = key.message;
        return result;
    }
    return exportTo(dir, user, key.key, scopes, progress);
}

BundleService::ExportResult BundleService::exportTo(const QString &dir,
                                                    const QString &user,
                                                    const UserBundleKey &userKey,
                                                    const QList<Scope> &scopes,
                                                    const Progress &progress)
{
    ExportResult result;
    auto failWith = [&result](const QString &message) {
        result.ok = false;
        result.message = message;
        return result;
    };
    if (m_deviceId.isNull())
        return failWith(tr("This computer has no device id; it cannot make sync bundles."));
    if (user.isEmpty())
        return failWith(tr("A user is needed to make a sync bundle."));
    if (!userKey.isValid())
        return failWith(tr("The bundle cannot be signed: the user's key is missing."));
    const BundleState::ServerKey server = m_state.serverKey();
    if (!server.isValid())
        return failWith(tr("This computer does not have the central server's bundle key yet. "
                           "Ask OTIC to register it (tambo-admin bundle trust)."));
    QString error;
    const BundleKeyPair device = m_state.deviceKey(&error);
    if (!device.isValid())
        return failWith(tr("The device key cannot be read: %1").arg(error));
    if (progress)
        progress(5);

    const QList<OutboxEntry> entries = m_store.pendingEntries(std::numeric_limits<int>::max(),
                                                              &error);
    if (!error.isEmpty())
        return failWith(tr("The pending changes cannot be read: %1").arg(error));
    if (progress)
        progress(30);

    PcBundle bundle;
    bundle.bundleId = QUuid::createUuid();
    bundle.deviceId = m_deviceId;
    bundle.user = user;
    bundle.createdAt = m_clock.now().toUTC();
    const QList<SyncTableRule> rules = m_store.tableRules();
    for (qsizetype i = 0; i < entries.size(); i += PushBatch) {
        PushRequest push;
        push.deviceId = m_deviceId;
        push.schemaVersion = SyncProtocol::SchemaVersion;
        push.tables = rules;
        push.entries = entries.mid(i, PushBatch);
        for (OutboxEntry &e : push.entries)
            e.schemaVersion = push.schemaVersion;
        bundle.pushes.append(push);
    }
    for (const Scope &scope : scopes) {
        PullRequest pull;
        pull.deviceId = m_deviceId;
        pull.schemaVersion = SyncProtocol::SchemaVersion;
        pull.sede = scope.sede;
        pull.area = scope.area;
        pull.pageSize = SyncProtocol::DefaultPageSize;
        pull.cursor = m_store.cursor(pull.scopeKey());
        pull.appliedCursor = pull.cursor; // committed here: the server may record it
        bundle.pulls.append(pull);
    }
    // The signed head of the audit chain travels too (docs/sync-protocol.md §7.7).
    const std::optional<AuditAnchorState::Point> auditHead = AuditAnchorState(m_db).head(&error);
    if (!auditHead)
        return failWith(tr("The audit log cannot be read: %1").arg(error));
    if (!auditHead->isNull())
        bundle.auditAnchor = AuditAnchor::sign(device.secretKey,
                                               m_deviceId,
                                               auditHead->seq,
                                               auditHead->hash);
    bundle.exportSeq = m_state.takeExportSeq(&error);
    if (bundle.exportSeq <= 0)
        return failWith(tr("The export number cannot be stored: %1").arg(error));

    BundleFile::Header header;
    header.direction = BundleFile::Direction::PcToServer;
    header.bundleId = bundle.bundleId;
    header.senderId = m_deviceId;
    header.recipientId = server.serverId;
    header.createdAt = bundle.createdAt;
    // The user's proof signs the content exactly as the server will parse it (proofMessage).
    const QJsonObject parsed = QJsonDocument::fromJson(
                                   QJsonDocument(bundle.toJson()).toJson(QJsonDocument::Compact))
                                   .object();
    bundle.userProof.keySalt = userKey.params().salt;
    bundle.userProof.signature = userKey.sign(PcBundle::proofMessage(parsed, server.serverId));
    const QByteArray payload = QJsonDocument(bundle.toJson()).toJson(QJsonDocument::Compact);
    const QByteArray file = BundleFile::seal(header, payload, device, server.publicKey);
    if (file.isEmpty())
        return failWith(BundleFile::statusMessage(BundleFile::Status::Failed));
    if (progress)
        progress(70);

    // The name sorts by time; QSaveFile writes a temporary file and renames it at commit, so a
    // pulled-out USB drive never leaves a half bundle under the final name.
    const QString name = QStringLiteral("tambo-pc-%1-%2-%3.%4")
                             .arg(m_deviceId.toString(QUuid::WithoutBraces).left(8),
                                  bundle.createdAt.toString(QStringLiteral("yyyyMMdd-HHmmss")))
                             .arg(bundle.exportSeq)
                             .arg(fileSuffix());
    const QString path = QDir(dir).filePath(name);
    if (!QDir(dir).exists())
        return failWith(tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(dir)));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(file) != file.size() || !out.commit())
        return failWith(tr("The bundle cannot be written to %1: %2")
                            .arg(QDir::toNativeSeparators(path), out.errorString()));
    if (m_audit) {
        QString auditError;
        m_audit->append({user,
                         QStringLiteral("sync_bundle"),
                         bundle.bundleId.toString(QUuid::WithoutBraces),
                         QStringLiteral("export"),
                         {},
                         {{QStringLiteral("entries"), int(entries.size())},
                          {QStringLiteral("export_seq"), double(bundle.exportSeq)},
                          {QStringLiteral("file"), name}}},
                        &auditError);
    }
    if (progress)
        progress(100);
    result.ok = true;
    result.path = path;
    result.entries = int(entries.size());
    result.message = tr("Bundle %1 saved with %n pending change(s).", nullptr, result.entries)
                         .arg(QDir::toNativeSeparators(path));
    return result;
}

BundleService::ImportResult BundleService::refuse(ImportStatus status, const QString &message) const
{
    ImportResult r;
    r.status = status;
    r.message = message;
    return r;
}

BundleService::ImportResult BundleService::importFile(const QString &path, const Progress &progress)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return refuse(ImportStatus::Failed,
                      tr("The file %1 cannot be read: %2")
                          .arg(QDir::toNativeSeparators(path), in.errorString()));
    const QByteArray file = in.readAll();
    in.close();

    // 1. Everything is checked before anything is written.
    const BundleFile::Opened head = BundleFile::readHeader(file);
    if (!head.ok())
        return refuse(ImportStatus::Refused, head.message);
    if (head.header.direction != BundleFile::Direction::ServerToPc)
        return refuse(ImportStatus::Refused,
                      BundleFile::statusMessage(BundleFile::Status::WrongDirection, head.header));
    if (head.header.recipientId != m_deviceId)
        return refuse(ImportStatus::WrongPc,
                      BundleFile::statusMessage(BundleFile::Status::WrongRecipient, head.header));
    const BundleState::ServerKey server = m_state.serverKey();
    if (!server.isValid())
        return refuse(ImportStatus::Failed,
                      tr("This computer does not have the central server's bundle key yet. Ask "
                         "OTIC to register it (tambo-admin bundle trust). Nothing was changed."));
    QString error;
    const BundleKeyPair device = m_state.deviceKey(&error);
    if (!device.isValid())
        return refuse(ImportStatus::Failed, tr("The device key cannot be read: %1").arg(error));
    if (head.header.senderId != server.serverId)
        return refuse(ImportStatus::Refused,
                      BundleFile::statusMessage(BundleFile::Status::UnknownSender, head.header));
    const BundleFile::Opened opened = BundleFile::open(file,
                                                       BundleFile::Direction::ServerToPc,
                                                       m_deviceId,
                                                       device,
                                                       server.publicKey);
    if (!opened.ok())
        return refuse(ImportStatus::Refused, opened.message);
    if (progress)
        progress(20);

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(opened.payload, &parseError);
    const std::optional<ServerBundle> bundle = doc.isObject()
                                                   ? ServerBundle::fromJson(doc.object(), &error)
                                                   : std::nullopt;
    if (!bundle || bundle->deviceId != m_deviceId || bundle->bundleId != head.header.bundleId) {
        return refuse(ImportStatus::Refused,
                      tr("The bundle's content is not valid (%1). Nothing was changed.")
                          .arg(bundle ? QStringLiteral("ids") : error));
    }
    for (const ServerBundle::Scope &scope : bundle->scopes) {
        for (const PullResponse &page : scope.pages) {
            if (page.checksum != SyncProtocol::pageChecksum(page.rows))
                return refuse(ImportStatus::Refused,
                              tr("A page of the bundle fails its checksum. Nothing was "
                                 "changed."));
        }
    }

    // 2. Already imported, or older than what was imported: nothing to do.
    const BundleState::LastImport last = m_state.lastImport();
    const QLocale locale;
    if (last.bundleId == bundle->bundleId) {
        return refuse(ImportStatus::AlreadyImported,
                      tr("This bundle was already imported on %1; nothing new was applied.")
                          .arg(locale.toString(last.importedAt.toLocalTime(),
                                               QLocale::ShortFormat)));
    }
    if (bundle->exportSeq < last.exportSeq) {
        return refuse(ImportStatus::Older,
                      tr("This bundle is older than the last one imported (export %1, last "
                         "imported %2); nothing new was applied.")
                          .arg(bundle->exportSeq)
                          .arg(last.exportSeq));
    }

    // 3. Apply through the network path's code.
    ImportResult result;
    result.status = ImportStatus::Applied;
    for (const PushResponse &response : bundle->pushResults) {
        if (!m_store.recordAcks(response, &error))
            return refuse(ImportStatus::Failed,
                          tr("The acknowledgements cannot be recorded: %1").arg(error));
        for (const PushAck &ack : response.acks) {
            ++result.acknowledged;
            if (ack.status == PushAck::Status::Rejected)
                ++result.rejected;
            result.conflicts += int(ack.conflicts.size());
        }
    }
    if (progress)
        progress(40);
    QStringList notes;
    if (!bundle->pushError.isEmpty())
        notes.append(bundle->pushError);
    int scopeIndex = 0;
    for (const ServerBundle::Scope &scope : bundle->scopes) {
        ++scopeIndex;
        if (!scope.error.isEmpty()) {
            notes.append(scope.error);
            continue;
        }
        const QString key = scope.request.scopeKey();
        qint64 start = scope.request.cursor;
        for (const PullResponse &page : scope.pages) {
            const qint64 local = m_store.cursor(key);
            const qint64 pageStart = start;
            start = page.nextCursor;
            if (page.nextCursor <= local)
                continue; // this PC already has it (a later bundle or a network sync)
            if (pageStart > local) {
                notes.append(tr("Part of the data of this bundle starts after what this "
                                "computer has; export a new bundle to receive it."));
                break;
            }
            PullResponse toApply = page;
            if (pageStart < local) { // keep only what is newer than this PC's cursor
                toApply.rows.clear();
                for (const PulledRow &row : page.rows) {
                    if (row.version > local)
                        toApply.rows.append(row);
                }
            }
            const LocalSyncStore::ApplyResult applied = m_store.applyPage(key, toApply);
            if (!applied.ok)
                return refuse(ImportStatus::Failed,
                              tr("The bundle's data cannot be applied: %1").arg(applied.error));
            result.rows += int(toApply.rows.size());
        }
        if (progress)
            progress(40 + 50 * scopeIndex / int(bundle->scopes.size()));
    }
    // The server's copy of this PC's audit anchor: kept as acknowledged when the chain here
    // still has that row with that hash.
    if (bundle->auditAnchorStatus == QLatin1String("refused"))
        notes.append(tr("The server refused this computer's audit anchor: its audit log no "
                        "longer matches what it signed before. Tell OTIC."));
    if (bundle->auditAnchor) {
        const AuditAnchorCheck::Report check
            = AuditAnchorCheck([db = m_db] {
                  return db;
              }).check({{bundle->auditAnchor->seq, bundle->auditAnchor->hash}});
        if (check.ok()) {
            AuditAnchorState::Acknowledged acknowledged;
            acknowledged.anchor = {bundle->auditAnchor->seq, bundle->auditAnchor->hash};
            acknowledged.at = bundle->auditAnchor->receivedAt;
            acknowledged.via = AuditAnchorState::Via::Bundle;
            if (AuditAnchorState(m_db).lastAcknowledged().anchor.seq <= acknowledged.anchor.seq
                && !AuditAnchorState(m_db).setAcknowledged(acknowledged, &error))
                return refuse(ImportStatus::Failed,
                              tr("The import cannot be recorded: %1").arg(error));
        } else {
            notes.append(check.message + QLatin1Char(' ') + tr("Tell OTIC."));
        }
    }
    const QDateTime now = m_clock.now().toUTC();
    if (!m_state.setLastImport({bundle->exportSeq, bundle->bundleId, now}, &error)
        || !m_store.setLastSynced(now, &error))
        return refuse(ImportStatus::Failed, tr("The import cannot be recorded: %1").arg(error));
    if (m_audit) {
        QString auditError;
        m_audit->append({m_importActor.isEmpty() ? QStringLiteral("tambo-admin") : m_importActor,
                         QStringLiteral("sync_bundle"),
                         bundle->bundleId.toString(QUuid::WithoutBraces),
                         QStringLiteral("import"),
                         {},
                         {{QStringLiteral("in_reply_to"),
                           bundle->inReplyTo.toString(QUuid::WithoutBraces)},
                          {QStringLiteral("export_seq"), double(bundle->exportSeq)},
                          {QStringLiteral("acknowledged"), result.acknowledged},
                          {QStringLiteral("rejected"), result.rejected},
                          {QStringLiteral("rows"), result.rows}}},
                        &auditError);
    }
    if (progress)
        progress(100);
    result.message = tr("Bundle imported: %n change(s) acknowledged by the server",
                        nullptr,
                        result.acknowledged)
                     + QStringLiteral(", ") + tr("%n row(s) received", nullptr, result.rows)
                     + (result.rejected > 0
                            ? QStringLiteral(", ") + tr("%n rejected", nullptr, result.rejected)
                            : QString())
                     + QStringLiteral(".");
    if (!notes.isEmpty())
        result.message += QLatin1Char('\n') + notes.join(QLatin1Char('\n'));
    return result;
}

} // namespace tambo::core
