#include "CampaignRepository.h"

#include "CodigoPatrimonial.h"
#include "PatrimonioPermissions.h"
#include "RepositoryError.h"
#include "util/Uuid7.h"

#include "audit/AuditLog.h"
#include "auth/Session.h"
#include "migrations/Transaction.h"
#include "util/Clock.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace tambo::patrimonio {

namespace {

constexpr auto CampaignEntity = "patrimonio.campaign";
constexpr auto ScanEntity = "patrimonio.campaign_scan";

const QString &campaignColumns()
{
    static const QString columns = QStringLiteral(
        "id, name, year, cutoff_date, comision_json, scope_sedes_json, scope_areas_json, state,"
        " created_by, created_at, started_by, started_at, closed_by, closed_at, updated_at");
    return columns;
}

QDateTime timeFrom(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QStringList stringsFrom(const QString &json)
{
    QStringList list;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        list.append(v.toString());
    return list;
}

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

Campaign campaignFrom(const QSqlQuery &q)
{
    Campaign c;
    c.id = q.value(0).toString();
    c.name = q.value(1).toString();
    c.year = q.value(2).toInt();
    c.cutoff = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        c.comision.append({o.value(QStringLiteral("name")).toString(),
                           o.value(QStringLiteral("role")).toString()});
    }
    c.sedeIds = stringsFrom(q.value(5).toString());
    c.areaIds = stringsFrom(q.value(6).toString());
    c.state = Campaigns::stateFromKey(q.value(7).toString()).value_or(CampaignState::Preparing);
    c.createdBy = q.value(8).toString();
    c.createdAt = timeFrom(q.value(9));
    c.startedBy = q.value(10).toString();
    c.startedAt = timeFrom(q.value(11));
    c.closedBy = q.value(12).toString();
    c.closedAt = timeFrom(q.value(13));
    c.updatedAt = timeFrom(q.value(14));
    return c;
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant estadoValue(const std::optional<Estado> &estado)
{
    return estado ? QVariant(QString(Estados::code(*estado)))
                  : QVariant(QMetaType::fromType<QString>());
}

} // namespace

CampaignRepository::CampaignRepository(core::DatabaseProvider db,
                                       const core::Clock &clock,
                                       core::AuditLog &audit)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_audit(audit)
{}

QString CampaignRepository::nowText() const
{
    return m_clock.now().toUTC().toString(Qt::ISODateWithMs);
}

QDate CampaignRepository::today() const
{
    return m_clock.now().toLocalTime().date();
}

QList<Campaign> CampaignRepository::list(const core::Session &session, QString *error) const
{
    if (RepositoryError::denied(session, Permissions::View, tr("see the inventory campaigns"), error))
        return {};
    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM patrimonio_campaigns ORDER BY year DESC, id")
                        .arg(campaignColumns()))) {
        if (error)
            *error = tr("Cannot read the campaigns: %1").arg(query.lastError().text());
        return {};
    }
    QList<Campaign> result;
    while (query.next())
        result.append(campaignFrom(query));
    return result;
}

std::optional<Campaign> CampaignRepository::find(const QString &id, QString *error) const
{
    QSqlQuery query(m_db());
    query.prepare(
        QStringLiteral("SELECT %1 FROM patrimonio_campaigns WHERE id = ?").arg(campaignColumns()));
    query.addBindValue(id);
    if (!query.exec()) {
        if (error)
            *error = tr("Cannot read the campaigns: %1").arg(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return campaignFrom(query);
}

bool CampaignRepository::create(const core::Session &session, Campaign *c, QString *error)
{
    const RepositoryError fail(error);
    if (RepositoryError::denied(session,
                                Permissions::InventoryManage,
                                tr("create inventory campaigns"),
                                error))
        return false;
    c->name = c->name.simplified();
    if (c->name.isEmpty())
        return fail(tr("The campaign needs a name."));
    if (c->year < 2000 || c->year > 2100)
        return fail(tr("The year %1 is not valid.").arg(c->year));
    if (!c->cutoff.isValid())
        c->cutoff = Campaigns::defaultCutoff(c->year);
    QList<CampaignMember> members;
    for (CampaignMember m : std::as_const(c->comision)) {
        m.name = m.name.simplified();
        m.role = m.role.simplified();
        if (!m.name.isEmpty())
            members.append(m);
    }
    if (members.isEmpty())
        return fail(tr("Name at least one member of the comisión de inventario."));
    c->comision = members;
    c->sedeIds.removeDuplicates();
    c->areaIds.removeDuplicates();

    QSqlDatabase db = m_db();
    core::Transaction tx(db);
    if (!tx.isActive())
        return fail(tx.error());
    {
        QSqlQuery query(db);
        QSet<QString> sedes;
        QHash<QString, QString> areaSede;
        if (!query.exec(QStringLiteral("SELECT id FROM sedes")))
            return fail(query.lastError().text());
        while (query.next())
            sedes.insert(query.value(0).toString());
        if (!query.exec(QStringLiteral("SELECT id, sede_id FROM areas")))
            return fail(query.lastError().text());
        while (query.next())
            areaSede.insert(query.value(0).toString(), query.value(1).toString());
        for (const QString &s : std::as_const(c->sedeIds)) {
            if (!sedes.contains(s))
                return fail(tr("The sede “%1” does not exist.").arg(s));
        }
        for (const QString &a : std::as_const(c->areaIds)) {
            if (!areaSede.contains(a))
                return fail(tr("The area “%1” does not exist.").arg(a));
        }
        // An área of a sede taken whole adds nothing.
        c->areaIds.removeIf(
            [&](const QString &a) { return c->sedeIds.contains(areaSede.value(a)); });
    }

    const QDateTime now = m_clock.now().toUTC();
    c->id = core::makeUuid7(now);
    c->state = CampaignState::Preparing;
    c->createdBy = session.username;
    c->createdAt = now;
    c->updatedAt = now;
    c->startedBy.clear();
    c->startedAt = {};
    c->closedBy.clear();
    c->closedAt = {};
    QJsonArray members_;
    for (const CampaignMember &m : std::as_const(c->comision))
        members_.append(
            QJsonObject{{QStringLiteral("name"), m.name}, {QStringLiteral("role"), m.role}});

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO patrimonio_campaigns (id, name, year, cutoff_date,"
                                  " comision_json, scope_sedes_json, scope_areas_json, state,"
                                  " created_by, created_at, updated_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString stamp = now.toString(Qt::ISODateWithMs);
    insert.addBindValue(c->id);
    insert.addBindValue(c->name);
    insert.addBindValue(c->year);
    insert.addBindValue(c->cutoff.toString(Qt::ISODate));
    insert.addBindValue(jsonText(members_));
    insert.addBindValue(jsonText(QJsonArray::fromStringList(c->sedeIds)));
    insert.addBindValue(jsonText(QJsonArray::fromStringList(c->areaIds)));
    insert.addBindValue(Campaigns::stateKey(c->state));
    insert.addBindValue(session.username);
    insert.addBindValue(stamp);
    insert.addBindValue(stamp);
    if (!insert.exec())
        return fail(tr("Cannot create the campaign: %1").arg(insert.lastError().text()));
    QString problem;
    if (!m_audit.append({session.username,
                         QString::fromLatin1(CampaignEntity),
                         c->id,
                         QStringLiteral("create"),
                         {},
                         c->toJson()},
                        &problem)) {
        return fail(problem);
    }
    if (!tx.commit())
        return fail(tx.error());
    return true;
}

bool CampaignRepository::setState(const core::Session &session,
                                  const QString &campaignId,
                                  CampaignState from,
                                  CampaignState to,
                                  const QString &action,
                                  QString *error)
{
    const RepositoryError fail(error);
    QSqlDatabase db = m_db();
    QSqlQuery query(db);
    const bool closing = to == CampaignState::Closed;
    query.prepare(closing ? QStringLiteral("UPDATE patrimonio_campaigns SET state = ?,"
                                           " closed_by = ?, closed_at = ?, updated_at = ?"
                                           " WHERE id = ? AND state = ?")
                          : QStringLiteral("UPDATE patrimonio_campaigns SET state = ?,"
                                           " started_by = ?, started_at = ?, updated_at = ?"
                                           " WHERE id = ? AND state = ?"));
    const QString stamp = nowText();
    query.addBindValue(Campaigns::stateKey(to));
    query.addBindValue(session.username);
    query.addBindValue(stamp);
    query.addBindValue(stamp);
    query.addBindValue(campaignId);
    query.addBindValue(Campaigns::stateKey(from));
    if (!query.exec())
        return fail(tr("Cannot change the campaign: %1").arg(query.lastError().text()));
    if (query.numRowsAffected() != 1)
        return fail(tr("The campaign is no longer %1.").arg(Campaigns::stateTitle(from).toLower()));
    QString problem;
    if (!m_audit.append({session.username,
                         QString::fromLatin1(CampaignEntity),
                         campaignId,
                         action,
                         {{QStringLiteral("state"), Campaigns::stateKey(from)}},
                         {{QStringLiteral("state"), Campaigns::stateKey(to)}}},
                        &problem)) {
        return fail(problem);
    }
    return true;
}

bool CampaignRepository::start(const core::Session &session,
                               const QString &campaignId,
                               QString *error)
{
    const RepositoryError fail(error);
    if (RepositoryError::denied(session,
                                Permissions::InventoryManage,
                                tr("start inventory campaigns"),
                                error))
        return false;
    core::Transaction tx(m_db());
    if (!tx.isActive())
        return fail(tx.error());
    QString problem;
    const std::optional<Campaign> c = find(campaignId, &problem);
    if (!c)
        return fail(problem.isEmpty() ? tr("The campaign does not exist.") : problem);
    if (c->state != CampaignState::Preparing)
        return fail(tr("Only a campaign in preparation can be started; “%1” is %2.")
                        .arg(c->name, Campaigns::stateTitle(c->state).toLower()));
    if (!setState(session,
                  campaignId,
                  CampaignState::Preparing,
                  CampaignState::InProgress,
                  QStringLiteral("start"),
                  error)) {
        return false;
    }
    if (!tx.commit())
        return fail(tx.error());
    return true;
}

bool CampaignRepository::checkPlace(const Campaign &campaign,
                                    const InventoryPlace &place,
                                    QString *error) const
{
    const RepositoryError fail(error);
    if (!place.isValid())
        return fail(tr("Choose the room (ambiente) where the team is before scanning."));
    QSqlQuery query(m_db());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM sedes WHERE id = ?"));
    query.addBindValue(place.sedeId);
    if (!query.exec() || !query.next() || query.value(0).toInt() != 1)
        return fail(tr("The sede “%1” does not exist.").arg(place.sedeId));
    if (!place.areaId.isEmpty()) {
        query.prepare(QStringLiteral("SELECT sede_id FROM areas WHERE id = ?"));
        query.addBindValue(place.areaId);
        if (!query.exec() || !query.next())
            return fail(tr("The area “%1” does not exist.").arg(place.areaId));
        if (query.value(0).toString() != place.sedeId)
            return fail(tr("The area “%1” does not belong to the sede “%2”.")
                            .arg(place.areaId, place.sedeId));
    }
    if (!campaign.inScope(place.sedeId, place.areaId))
        return fail(tr("The room %1 is outside the scope of the campaign “%2”.")
                        .arg(InventoryPlace::normalizedAmbiente(place.ambiente), campaign.name));
    return true;
}

bool CampaignRepository::recordScan(const core::Session &session,
                                    const QString &campaignId,
                                    const InventoryPlace &place,
                                    const QString &codigo,
                                    std::optional<Estado> estado,
                                    CampaignScan *out,
                                    QString *error)
{
    const RepositoryError fail(error);
    if (RepositoryError::denied(session,
                                Permissions::InventoryScan,
                                tr("record inventory scans"),
                                error))
        return false;
    const CodigoPatrimonial code(codigo);
    if (!code.isValid())
        return fail(code.problemText());
    QSqlDatabase db = m_db();
    core::Transaction tx(db);
    if (!tx.isActive())
        return fail(tx.error());
    QString problem;
    const std::optional<Campaign> c = find(campaignId, &problem);
    if (!c)
        return fail(problem.isEmpty() ? tr("The campaign does not exist.") : problem);
    if (c->state != CampaignState::InProgress)
        return fail(tr("The campaign “%1” is %2: scans are taken while it is in progress.")
                        .arg(c->name, Campaigns::stateTitle(c->state).toLower()));
    if (!checkPlace(*c, place, error))
        return false;

    CampaignScan scan;
    scan.at = m_clock.now().toUTC();
    scan.id = core::makeUuid7(scan.at);
    scan.campaignId = campaignId;
    scan.device = m_audit.deviceId();
    scan.actor = session.username;
    scan.place = place;
    scan.place.sedeId = place.sedeId.trimmed();
    scan.place.areaId = place.areaId.trimmed();
    scan.place.ambiente = InventoryPlace::normalizedAmbiente(place.ambiente);
    scan.codigo = code.toString();
    scan.estado = estado;
    int inserted = 0;
    if (!insertScanRows({scan}, &inserted, error))
        return false;
    QJsonObject after{{QStringLiteral("campaign_id"), campaignId},
                      {QStringLiteral("codigo"), scan.codigo},
                      {QStringLiteral("sede_id"), scan.place.sedeId},
                      {QStringLiteral("area_id"), scan.place.areaId},
                      {QStringLiteral("ambiente"), scan.place.ambiente}};
    if (estado)
        after.insert(QStringLiteral("estado"), QString(Estados::code(*estado)));
    if (!m_audit.append({session.username,
                         QString::fromLatin1(ScanEntity),
                         scan.id,
                         QStringLiteral("scan"),
                         {},
                         after},
                        &problem)) {
        return fail(problem);
    }
    if (!tx.commit())
        return fail(tx.error());
    if (out)
        *out = scan;
    return true;
}

bool CampaignRepository::insertScans(const QList<CampaignScan> &scans, int *inserted, QString *error)
{
    if (inserted)
        *inserted = 0;
    core::Transaction tx(m_db());
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    if (!insertScanRows(scans, inserted, error))
        return false;
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        if (inserted)
            *inserted = 0;
        return false;
    }
    return true;
}

bool CampaignRepository::insertScanRows(const QList<CampaignScan> &scans,
                                        int *inserted,
                                        QString *error)
{
    const RepositoryError fail(error);
    QSqlQuery query(m_db());
    // The id decides: an event already stored is skipped, never changed (append-only).
    query.prepare(QStringLiteral(
        "INSERT INTO patrimonio_campaign_scans (id, campaign_id, device, actor, at, sede_id,"
        " area_id, ambiente, codigo, estado) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO NOTHING"));
    int count = 0;
    for (const CampaignScan &s : scans) {
        if (s.id.isEmpty() || !CodigoPatrimonial(s.codigo).isValid() || !s.place.isValid())
            return fail(tr("A scan event is incomplete (id %1, code %2).").arg(s.id, s.codigo));
        query.addBindValue(s.id);
        query.addBindValue(s.campaignId);
        query.addBindValue(s.device);
        query.addBindValue(s.actor);
        query.addBindValue(s.at.toUTC().toString(Qt::ISODateWithMs));
        query.addBindValue(s.place.sedeId);
        query.addBindValue(nullableText(s.place.areaId));
        query.addBindValue(InventoryPlace::normalizedAmbiente(s.place.ambiente));
        query.addBindValue(s.codigo);
        query.addBindValue(estadoValue(s.estado));
        if (!query.exec())
            return fail(
                tr("Cannot store the scan of %1: %2").arg(s.codigo, query.lastError().text()));
        count += query.numRowsAffected() > 0 ? 1 : 0;
    }
    if (inserted)
        *inserted = count;
    return true;
}

QList<CampaignScan> CampaignRepository::scans(const QString &campaignId, QString *error) const
{
    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, campaign_id, device, actor, at, sede_id, area_id, ambiente, codigo, estado"
        " FROM patrimonio_campaign_scans WHERE campaign_id = ? ORDER BY at, id"));
    query.addBindValue(campaignId);
    if (!query.exec()) {
        if (error)
            *error = tr("Cannot read the scans: %1").arg(query.lastError().text());
        return {};
    }
    QList<CampaignScan> result;
    while (query.next()) {
        CampaignScan s;
        s.id = query.value(0).toString();
        s.campaignId = query.value(1).toString();
        s.device = query.value(2).toString();
        s.actor = query.value(3).toString();
        s.at = timeFrom(query.value(4));
        s.place = {query.value(5).toString(), query.value(6).toString(), query.value(7).toString()};
        s.codigo = query.value(8).toString();
        if (!query.value(9).isNull())
            s.estado = Estados::fromCode(query.value(9).toString());
        result.append(s);
    }
    return result;
}

QList<CampaignAsset> CampaignRepository::registerAssets(QString *error) const
{
    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT id, codigo, denominacion, cuenta_contable, valor, sede_id,"
                           " area_id, ambiente, estado FROM patrimonio_assets"))) {
        if (error)
            *error = tr("Cannot read the register: %1").arg(query.lastError().text());
        return {};
    }
    QList<CampaignAsset> result;
    while (query.next()) {
        CampaignAsset a;
        a.assetId = query.value(0).toString();
        a.codigo = query.value(1).toString();
        a.denominacion = query.value(2).toString();
        a.cuentaContable = query.value(3).toString();
        a.valorCentimos = query.value(4).toLongLong();
        a.place = {query.value(5).toString(), query.value(6).toString(), query.value(7).toString()};
        a.estado = Estados::fromCode(query.value(8).toString()).value_or(Estado::Bueno);
        result.append(a);
    }
    return result;
}

bool CampaignRepository::loadTally(const core::Session &session,
                                   const QString &campaignId,
                                   CampaignTally *out,
                                   QString *error) const
{
    if (RepositoryError::denied(session, Permissions::View, tr("see the inventory campaigns"), error))
        return false;
    QString problem;
    const std::optional<Campaign> c = find(campaignId, &problem);
    if (!c) {
        if (error)
            *error = problem.isEmpty() ? tr("The campaign does not exist.") : problem;
        return false;
    }
    const QList<CampaignAsset> assets = registerAssets(&problem);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    const QList<CampaignScan> events = scans(campaignId, &problem);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    out->reset(*c, assets);
    out->addAll(events);
    return true;
}

bool CampaignRepository::close(const core::Session &session,
                               const QString &campaignId,
                               QList<CampaignResult> *results,
                               QString *error)
{
    const RepositoryError fail(error);
    if (RepositoryError::denied(session,
                                Permissions::InventoryManage,
                                tr("close inventory campaigns"),
                                error))
        return false;
    QSqlDatabase db = m_db();
    core::Transaction tx(db);
    if (!tx.isActive())
        return fail(tx.error());
    QString problem;
    const std::optional<Campaign> c = find(campaignId, &problem);
    if (!c)
        return fail(problem.isEmpty() ? tr("The campaign does not exist.") : problem);
    if (c->state != CampaignState::InProgress)
        return fail(tr("Only a campaign in progress can be closed; “%1” is %2.")
                        .arg(c->name, Campaigns::stateTitle(c->state).toLower()));
    CampaignTally tally;
    if (!loadTally(session, campaignId, &tally, error))
        return false;
    const QList<CampaignResult> frozen = tally.results();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO patrimonio_campaign_results (id, campaign_id, codigo, outcome,"
        " estado_cambiado, in_register, asset_id, denominacion, cuenta_contable, valor, sede_id,"
        " area_id, reg_sede_id, reg_area_id, reg_ambiente, found_sede_id, found_area_id,"
        " found_ambiente, estado_registrado, estado_observado, scans)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QDateTime now = m_clock.now().toUTC();
    for (const CampaignResult &r : frozen) {
        // The scope of the row: where the register puts it, or where it was found.
        const InventoryPlace &scope = r.inRegister ? r.registered : r.found;
        insert.addBindValue(core::makeUuid7(now));
        insert.addBindValue(campaignId);
        insert.addBindValue(r.codigo);
        insert.addBindValue(Campaigns::outcomeKey(r.outcome));
        insert.addBindValue(r.estadoCambiado ? 1 : 0);
        insert.addBindValue(r.inRegister ? 1 : 0);
        insert.addBindValue(nullableText(r.assetId));
        insert.addBindValue(r.denominacion.isNull() ? QStringLiteral("") : r.denominacion);
        insert.addBindValue(r.cuentaContable.isNull() ? QStringLiteral("") : r.cuentaContable);
        insert.addBindValue(r.valorCentimos);
        insert.addBindValue(nullableText(scope.sedeId));
        insert.addBindValue(nullableText(scope.areaId));
        insert.addBindValue(nullableText(r.registered.sedeId));
        insert.addBindValue(nullableText(r.registered.areaId));
        insert.addBindValue(nullableText(r.registered.ambiente));
        insert.addBindValue(nullableText(r.found.sedeId));
        insert.addBindValue(nullableText(r.found.areaId));
        insert.addBindValue(nullableText(r.found.ambiente));
        insert.addBindValue(estadoValue(r.estadoRegistrado));
        insert.addBindValue(estadoValue(r.estadoObservado));
        insert.addBindValue(r.scans);
        if (!insert.exec())
            return fail(
                tr("Cannot freeze the result of %1: %2").arg(r.codigo, insert.lastError().text()));
    }
    if (!setState(session,
                  campaignId,
                  CampaignState::InProgress,
                  CampaignState::Closed,
                  QStringLiteral("close"),
                  error)) {
        return false;
    }
    const CampaignTotals t = tally.totals();
    if (!m_audit.append({session.username,
                         QString::fromLatin1(CampaignEntity),
                         campaignId,
                         QStringLiteral("results"),
                         {},
                         {{QStringLiteral("expected"), t.expected},
                          {QStringLiteral("encontrados"), t.encontrados},
                          {QStringLiteral("otro_lugar"), t.otroLugar},
                          {QStringLiteral("faltantes"), t.faltantes},
                          {QStringLiteral("sobrantes"), t.sobrantes},
                          {QStringLiteral("estado_cambiado"), t.estadoCambiado},
                          {QStringLiteral("scans"), t.scans}}},
                        &problem)) {
        return fail(problem);
    }
    if (!tx.commit())
        return fail(tx.error());
    if (results)
        *results = frozen;
    return true;
}

QList<CampaignResult> CampaignRepository::frozenResults(const core::Session &session,
                                                        const QString &campaignId,
                                                        QString *error) const
{
    if (RepositoryError::denied(session, Permissions::View, tr("see the inventory campaigns"), error))
        return {};
    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT codigo, outcome, estado_cambiado, in_register, asset_id, denominacion,"
        " cuenta_contable, valor, reg_sede_id, reg_area_id, reg_ambiente, found_sede_id,"
        " found_area_id, found_ambiente, estado_registrado, estado_observado, scans"
        " FROM patrimonio_campaign_results WHERE campaign_id = ? ORDER BY codigo"));
    query.addBindValue(campaignId);
    if (!query.exec()) {
        if (error)
            *error = tr("Cannot read the results: %1").arg(query.lastError().text());
        return {};
    }
    QList<CampaignResult> result;
    while (query.next()) {
        CampaignResult r;
        r.codigo = query.value(0).toString();
        r.outcome = Campaigns::outcomeFromKey(query.value(1).toString())
                        .value_or(CampaignOutcome::Faltante);
        r.estadoCambiado = query.value(2).toInt() != 0;
        r.inRegister = query.value(3).toInt() != 0;
        r.assetId = query.value(4).toString();
        r.denominacion = query.value(5).toString();
        r.cuentaContable = query.value(6).toString();
        r.valorCentimos = query.value(7).toLongLong();
        r.registered = {query.value(8).toString(),
                        query.value(9).toString(),
                        query.value(10).toString()};
        r.found = {query.value(11).toString(),
                   query.value(12).toString(),
                   query.value(13).toString()};
        if (!query.value(14).isNull())
            r.estadoRegistrado = Estados::fromCode(query.value(14).toString());
        if (!query.value(15).isNull())
            r.estadoObservado = Estados::fromCode(query.value(15).toString());
        r.scans = query.value(16).toInt();
        result.append(r);
    }
    return result;
}

} // namespace tambo::patrimonio
