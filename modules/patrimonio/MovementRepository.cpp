#include "MovementRepository.h"

#include "AssetRepository.h"
#include "CodigoPatrimonial.h"
#include "PatrimonioPermissions.h"
#include "RepositoryError.h"
#include "util/Uuid7.h"

#include "audit/AuditLog.h"
#include "auth/Session.h"
#include "migrations/Transaction.h"
#include "util/Clock.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace tambo::patrimonio {

namespace {

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString notNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

const QString &movementColumns()
{
    static const QString columns = QStringLiteral(
        "m.id, m.kind, m.sede_id, m.area_id, m.to_sede_id, m.to_area_id, m.to_ambiente,"
        " m.to_responsable, m.to_estado, m.resolucion, m.motivo, m.proposed_at, m.proposed_by,"
        " d.decision, d.reason, d.acta, d.decided_at, d.decided_by");
    return columns;
}

Movement movementFrom(const QSqlQuery &q)
{
    Movement m;
    m.id = q.value(0).toString();
    m.kind = MovementRepository::kindFromKey(q.value(1).toString())
                 .value_or(MovementKind::Asignacion);
    m.sedeId = q.value(2).toString();
    m.areaId = q.value(3).toString();
    m.toSedeId = q.value(4).toString();
    m.toAreaId = q.value(5).toString();
    m.toAmbiente = q.value(6).toString();
    m.toResponsable = q.value(7).toString();
    if (!q.value(8).isNull())
        m.toEstado = Estados::fromCode(q.value(8).toString());
    m.resolucion = q.value(9).toString();
    m.motivo = q.value(10).toString();
    m.proposedAt = QDateTime::fromString(q.value(11).toString(), Qt::ISODateWithMs);
    m.proposedBy = q.value(12).toString();
    const QString decision = q.value(13).toString();
    m.status = decision == QLatin1String("aprobado")    ? MovementStatus::Aprobado
               : decision == QLatin1String("rechazado") ? MovementStatus::Rechazado
                                                        : MovementStatus::Pendiente;
    m.decisionReason = q.value(14).toString();
    m.acta = q.value(15).toString();
    m.decidedAt = QDateTime::fromString(q.value(16).toString(), Qt::ISODateWithMs);
    m.decidedBy = q.value(17).toString();
    return m;
}

} // namespace

MovementRepository::MovementRepository(core::DatabaseProvider db,
                                       const core::Clock &clock,
                                       core::AuditLog &audit)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_audit(audit)
{}

QString MovementRepository::kindKey(MovementKind kind)
{
    switch (kind) {
    case MovementKind::Asignacion:
        return QStringLiteral("asignacion");
    case MovementKind::Desplazamiento:
        return QStringLiteral("desplazamiento");
    case MovementKind::Devolucion:
        return QStringLiteral("devolucion");
    case MovementKind::Baja:
        return QStringLiteral("baja");
    }
    return {};
}

std::optional<MovementKind> MovementRepository::kindFromKey(const QString &key)
{
    for (const MovementKind k : {MovementKind::Asignacion,
                                 MovementKind::Desplazamiento,
                                 MovementKind::Devolucion,
                                 MovementKind::Baja}) {
        if (kindKey(k) == key)
            return k;
    }
    return std::nullopt;
}

QString MovementRepository::kindTitle(MovementKind kind)
{
    switch (kind) {
    case MovementKind::Asignacion:
        return tr("Assignment");
    case MovementKind::Desplazamiento:
        return tr("Transfer");
    case MovementKind::Devolucion:
        return tr("Return");
    case MovementKind::Baja:
        return tr("Write-off");
    }
    return {};
}

QString MovementRepository::statusTitle(MovementStatus status)
{
    switch (status) {
    case MovementStatus::Pendiente:
        return tr("Pending");
    case MovementStatus::Aprobado:
        return tr("Approved");
    case MovementStatus::Rechazado:
        return tr("Rejected");
    }
    return {};
}

QString MovementRepository::actaPrefix(MovementKind kind)
{
    switch (kind) {
    case MovementKind::Asignacion:
        return QStringLiteral("AS");
    case MovementKind::Desplazamiento:
        return QStringLiteral("DE");
    case MovementKind::Devolucion:
        return QStringLiteral("DV");
    case MovementKind::Baja:
        return QStringLiteral("BA");
    }
    return {};
}

bool MovementRepository::propose(const core::Session &session,
                                 Movement *movement,
                                 const QStringList &codigos,
                                 QString *error)
{
    const RepositoryError fail(error);
    if (RepositoryError::denied(session, Permissions::Edit, tr("propose movements of assets"), error))
        return false;
    Movement &m = *movement;
    m.toSedeId = m.toSedeId.trimmed();
    m.toAreaId = m.toAreaId.trimmed();
    m.toAmbiente = m.toAmbiente.simplified();
    m.toResponsable = m.toResponsable.simplified();
    m.resolucion = m.resolucion.simplified();
    m.motivo = m.motivo.trimmed();
    if (codigos.isEmpty())
        return fail(tr("A movement needs at least one asset."));
    switch (m.kind) {
    case MovementKind::Asignacion:
        if (m.toResponsable.isEmpty())
            return fail(tr("An assignment needs the new custodian."));
        break;
    case MovementKind::Desplazamiento:
        if (m.toSedeId.isEmpty())
            return fail(tr("A transfer needs the destination sede."));
        break;
    case MovementKind::Devolucion:
        if (m.toSedeId.isEmpty())
            return fail(tr("A return needs the sede where the assets are returned."));
        break;
    case MovementKind::Baja:
        if (m.resolucion.isEmpty())
            return fail(tr("A write-off (baja) needs the reference of its resolution."));
        break;
    }
    if (!m.toAreaId.isEmpty() && m.toSedeId.isEmpty())
        return fail(tr("Give the sede of the destination area."));

    QSqlDatabase db = m_db();
    core::Transaction tx(db);
    if (!tx.isActive())
        return fail(tx.error());
    QSqlQuery query(db);
    if (!m.toSedeId.isEmpty()) {
        query.prepare(QStringLiteral("SELECT 1 FROM sedes WHERE id = ?"));
        query.addBindValue(m.toSedeId);
        if (!query.exec() || !query.next())
            return fail(tr("The sede “%1” does not exist.").arg(m.toSedeId));
    }
    if (!m.toAreaId.isEmpty()) {
        query.prepare(QStringLiteral("SELECT sede_id FROM areas WHERE id = ?"));
        query.addBindValue(m.toAreaId);
        if (!query.exec() || !query.next())
            return fail(tr("The area “%1” does not exist.").arg(m.toAreaId));
        if (query.value(0).toString() != m.toSedeId)
            return fail(
                tr("The area “%1” does not belong to the sede “%2”.").arg(m.toAreaId, m.toSedeId));
    }

    m.items.clear();
    QSet<QString> seen;
    QSqlQuery asset(db);
    asset.prepare(QStringLiteral(
        "SELECT id, codigo, denominacion, sede_id, area_id, ambiente, responsable, estado,"
        " situacion FROM patrimonio_assets WHERE codigo = ?"));
    QSqlQuery pending(db);
    pending.prepare(
        QStringLiteral("SELECT i.movement_id FROM patrimonio_movement_items i"
                       " LEFT JOIN patrimonio_movement_decisions d ON d.movement_id = i.movement_id"
                       " WHERE i.asset_id = ? AND d.id IS NULL LIMIT 1"));
    for (const QString &input : codigos) {
        const CodigoPatrimonial code(input);
        if (!code.isValid())
            return fail(code.problemText());
        if (seen.contains(code.toString()))
            continue;
        seen.insert(code.toString());
        asset.addBindValue(code.toString());
        if (!asset.exec())
            return fail(tr("Cannot read the register: %1").arg(asset.lastError().text()));
        if (!asset.next())
            return fail(
                tr("The código patrimonial %1 is not in the register.").arg(code.toString()));
        MovementItem item;
        item.assetId = asset.value(0).toString();
        item.codigo = asset.value(1).toString();
        item.denominacion = asset.value(2).toString();
        item.sedeId = asset.value(3).toString();
        item.areaId = asset.value(4).toString();
        item.ambiente = asset.value(5).toString();
        item.responsable = asset.value(6).toString();
        item.estado = Estados::fromCode(asset.value(7).toString()).value_or(Estado::Bueno);
        item.situacion = Estados::situacionFromKey(asset.value(8).toString())
                             .value_or(Situacion::Uso);
        asset.finish();
        pending.addBindValue(item.assetId);
        if (!pending.exec())
            return fail(tr("Cannot read the movements: %1").arg(pending.lastError().text()));
        if (pending.next()) {
            return fail(tr("The asset %1 already has a movement waiting for approval; the jefe "
                           "de patrimonio must approve or reject it first.")
                            .arg(item.codigo));
        }
        pending.finish();
        m.items.append(item);
    }

    const QDateTime now = m_clock.now().toUTC();
    m.id = core::makeUuid7(now);
    m.proposedAt = now;
    m.proposedBy = session.username;
    m.sedeId = m.items.first().sedeId;
    m.areaId = m.items.first().areaId;
    m.status = MovementStatus::Pendiente;
    query.prepare(QStringLiteral(
        "INSERT INTO patrimonio_movements (id, kind, sede_id, area_id, to_sede_id, to_area_id,"
        " to_ambiente, to_responsable, to_estado, resolucion, motivo, proposed_at, proposed_by,"
        " device) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(m.id);
    query.addBindValue(kindKey(m.kind));
    query.addBindValue(m.sedeId);
    query.addBindValue(nullableText(m.areaId));
    query.addBindValue(nullableText(m.toSedeId));
    query.addBindValue(nullableText(m.toAreaId));
    query.addBindValue(notNull(m.toAmbiente));
    query.addBindValue(notNull(m.toResponsable));
    query.addBindValue(m.toEstado ? QVariant(QString(Estados::code(*m.toEstado)))
                                  : QVariant(QMetaType::fromType<QString>()));
    query.addBindValue(notNull(m.resolucion));
    query.addBindValue(notNull(m.motivo));
    query.addBindValue(now.toString(Qt::ISODateWithMs));
    query.addBindValue(m.proposedBy);
    query.addBindValue(m_audit.deviceId());
    if (!query.exec())
        return fail(tr("Cannot write the movement: %1").arg(query.lastError().text()));
    QSqlQuery item(db);
    item.prepare(QStringLiteral(
        "INSERT INTO patrimonio_movement_items (id, movement_id, asset_id, codigo, sede_id,"
        " area_id, ambiente, responsable, estado, situacion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)"));
    for (const MovementItem &i : std::as_const(m.items)) {
        item.addBindValue(core::makeUuid7(now));
        item.addBindValue(m.id);
        item.addBindValue(i.assetId);
        item.addBindValue(i.codigo);
        item.addBindValue(i.sedeId);
        item.addBindValue(nullableText(i.areaId));
        item.addBindValue(notNull(i.ambiente));
        item.addBindValue(notNull(i.responsable));
        item.addBindValue(QString(Estados::code(i.estado)));
        item.addBindValue(Estados::situacionKey(i.situacion));
        if (!item.exec())
            return fail(tr("Cannot write the movement: %1").arg(item.lastError().text()));
    }
    QString problem;
    if (!m_audit.append({session.username,
                         QString::fromLatin1(AuditEntity),
                         m.id,
                         QStringLiteral("propose"),
                         {},
                         {{QStringLiteral("kind"), kindKey(m.kind)},
                          {QStringLiteral("codigos"), m.codigos().join(u',')},
                          {QStringLiteral("to_sede_id"), m.toSedeId},
                          {QStringLiteral("to_area_id"), m.toAreaId},
                          {QStringLiteral("to_ambiente"), m.toAmbiente},
                          {QStringLiteral("to_responsable"), m.toResponsable},
                          {QStringLiteral("to_estado"),
                           m.toEstado ? QString(Estados::code(*m.toEstado)) : QString()},
                          {QStringLiteral("resolucion"), m.resolucion},
                          {QStringLiteral("motivo"), m.motivo}}},
                        &problem)) {
        return fail(problem);
    }
    if (!tx.commit())
        return fail(tx.error());
    return true;
}

bool MovementRepository::loadItems(Movement *movement, QString *error) const
{
    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT i.asset_id, i.codigo, a.denominacion, i.sede_id, i.area_id, i.ambiente,"
        " i.responsable, i.estado, i.situacion FROM patrimonio_movement_items i"
        " JOIN patrimonio_assets a ON a.id = i.asset_id WHERE i.movement_id = ? ORDER BY "
        "i.codigo"));
    query.addBindValue(movement->id);
    if (!query.exec()) {
        if (error)
            *error = tr("Cannot read the movements: %1").arg(query.lastError().text());
        return false;
    }
    movement->items.clear();
    while (query.next()) {
        MovementItem i;
        i.assetId = query.value(0).toString();
        i.codigo = query.value(1).toString();
        i.denominacion = query.value(2).toString();
        i.sedeId = query.value(3).toString();
        i.areaId = query.value(4).toString();
        i.ambiente = query.value(5).toString();
        i.responsable = query.value(6).toString();
        i.estado = Estados::fromCode(query.value(7).toString()).value_or(Estado::Bueno);
        i.situacion = Estados::situacionFromKey(query.value(8).toString()).value_or(Situacion::Uso);
        movement->items.append(i);
    }
    return true;
}

QList<Movement> MovementRepository::list(const core::Session &session,
                                         bool pendingOnly,
                                         QString *error) const
{
    if (RepositoryError::denied(session, Permissions::View, tr("see the movements of assets"), error))
        return {};
    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT %1 FROM patrimonio_movements m"
                                 " LEFT JOIN patrimonio_movement_decisions d"
                                 " ON d.movement_id = m.id")
                      .arg(movementColumns());
    if (pendingOnly)
        sql += QLatin1String(" WHERE d.id IS NULL");
    sql += QLatin1String(" ORDER BY m.proposed_at DESC, m.id DESC");
    if (!query.exec(sql)) {
        if (error)
            *error = tr("Cannot read the movements: %1").arg(query.lastError().text());
        return {};
    }
    QList<Movement> out;
    while (query.next())
        out.append(movementFrom(query));
    for (Movement &m : out) {
        if (!loadItems(&m, error))
            return {};
    }
    return out;
}

std::optional<Movement> MovementRepository::find(const core::Session &session,
                                                 const QString &movementId,
                                                 QString *error) const
{
    if (RepositoryError::denied(session, Permissions::View, tr("see the movements of assets"), error))
        return std::nullopt;
    QSqlQuery query(m_db());
    query.prepare(QStringLiteral("SELECT %1 FROM patrimonio_movements m"
                                 " LEFT JOIN patrimonio_movement_decisions d"
                                 " ON d.movement_id = m.id WHERE m.id = ?")
                      .arg(movementColumns()));
    query.addBindValue(movementId);
    if (!query.exec()) {
        if (error)
            *error = tr("Cannot read the movements: %1").arg(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        if (error)
            *error = tr("The movement does not exist.");
        return std::nullopt;
    }
    Movement m = movementFrom(query);
    query.finish();
    if (!loadItems(&m, error))
        return std::nullopt;
    return m;
}

bool MovementRepository::approve(const core::Session &session,
                                 const QString &movementId,
                                 QString *acta,
                                 QString *error)
{
    const RepositoryError fail(error);
    if (RepositoryError::denied(session,
                                Permissions::Approve,
                                tr("approve movements of assets"),
                                error))
        return false;
    QSqlDatabase db = m_db();
    core::Transaction tx(db);
    if (!tx.isActive())
        return fail(tx.error());
    QString problem;
    const std::optional<Movement> found = find(session, movementId, &problem);
    if (!found)
        return fail(problem);
    const Movement &m = *found;
    if (m.status != MovementStatus::Pendiente)
        return fail(tr("This movement was already %1.").arg(statusTitle(m.status).toLower()));

    const QDateTime now = m_clock.now().toUTC();
    const QString stamp = now.toString(Qt::ISODateWithMs);
    const QString decisionId = core::makeUuid7(now);
    const QString number = QStringLiteral("%1-%2-%3")
                               .arg(actaPrefix(m.kind),
                                    QString::number(now.toLocalTime().date().year()),
                                    decisionId.right(6).toUpper());

    QSqlQuery current(db);
    current.prepare(QStringLiteral(
        "SELECT sede_id, area_id, ambiente, responsable, estado, situacion, observaciones"
        " FROM patrimonio_assets WHERE id = ?"));
    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE patrimonio_assets SET sede_id = ?, area_id = ?, ambiente = ?, responsable = ?,"
        " estado = ?, situacion = ?, observaciones = ?, updated_at = ? WHERE id = ?"));
    QSqlQuery history(db);
    history.prepare(QStringLiteral(
        "INSERT INTO patrimonio_asset_history (id, asset_id, at, kind, text, actor, device)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"));

    for (const MovementItem &item : m.items) {
        current.addBindValue(item.assetId);
        if (!current.exec() || !current.next())
            return fail(tr("The asset %1 is no longer in the register.").arg(item.codigo));
        const QString sede = current.value(0).toString();
        const QString area = current.value(1).toString();
        const QString ambiente = current.value(2).toString();
        const QString responsable = current.value(3).toString();
        const QString estado = current.value(4).toString();
        const QString situacion = current.value(5).toString();
        const QString observaciones = current.value(6).toString();
        current.finish();
        if (sede != item.sedeId || area != item.areaId || ambiente != item.ambiente
            || responsable != item.responsable || estado != QString(Estados::code(item.estado))) {
            return fail(tr("The asset %1 changed after this movement was proposed (its place, "
                           "custodian or condition is no longer the proposed one): reject the "
                           "movement and propose it again.")
                            .arg(item.codigo));
        }
        QString toSede = sede;
        QString toArea = area;
        QString toAmbiente = ambiente;
        QString toResponsable = responsable;
        QString toEstado = estado;
        QString toSituacion = situacion;
        QString toObservaciones = observaciones;
        if (!m.toSedeId.isEmpty() && (m.toSedeId != sede || !m.toAreaId.isEmpty())) {
            toSede = m.toSedeId;
            toArea = m.toAreaId;
        }
        if (!m.toAmbiente.isEmpty() || (!m.toSedeId.isEmpty() && m.toSedeId != sede))
            toAmbiente = m.toAmbiente;
        switch (m.kind) {
        case MovementKind::Asignacion:
            toResponsable = m.toResponsable;
            toSituacion = Estados::situacionKey(Situacion::Uso);
            break;
        case MovementKind::Desplazamiento:
            if (!m.toResponsable.isEmpty())
                toResponsable = m.toResponsable;
            break;
        case MovementKind::Devolucion:
            toResponsable = m.toResponsable;
            break;
        case MovementKind::Baja:
            toSituacion = Estados::situacionKey(Situacion::Desuso);
            toObservaciones = (observaciones.isEmpty() ? QString() : observaciones + u'\n')
                              + tr("Written off (baja) by %1; acta %2.").arg(m.resolucion, number);
            break;
        }
        if (m.toEstado)
            toEstado = QString(Estados::code(*m.toEstado));

        update.addBindValue(toSede);
        update.addBindValue(nullableText(toArea));
        update.addBindValue(notNull(toAmbiente));
        update.addBindValue(notNull(toResponsable));
        update.addBindValue(toEstado);
        update.addBindValue(toSituacion);
        update.addBindValue(notNull(toObservaciones));
        update.addBindValue(stamp);
        update.addBindValue(item.assetId);
        if (!update.exec())
            return fail(tr("Cannot update %1: %2").arg(item.codigo, update.lastError().text()));

        QJsonObject before;
        QJsonObject after;
        QStringList changes;
        auto note = [&](const char *field, const QString &from, const QString &to) {
            if (from == to)
                return;
            before.insert(QLatin1String(field), from);
            after.insert(QLatin1String(field), to);
            changes << tr("%1: %2 → %3")
                           .arg(AssetRepository::fieldTitle(QString::fromLatin1(field)),
                                from.isEmpty() ? tr("(empty)") : from,
                                to.isEmpty() ? tr("(empty)") : to);
        };
        note("sede_id", sede, toSede);
        note("area_id", area, toArea);
        note("ambiente", ambiente, toAmbiente);
        note("responsable", responsable, toResponsable);
        note("estado", estado, toEstado);
        note("situacion", situacion, toSituacion);
        if (toObservaciones != observaciones) {
            before.insert(QStringLiteral("observaciones"), observaciones);
            after.insert(QStringLiteral("observaciones"), toObservaciones);
        }
        if (!m_audit.append({session.username,
                             QStringLiteral("patrimonio.asset"),
                             item.assetId,
                             QStringLiteral("movement"),
                             before,
                             after},
                            &problem)) {
            return fail(problem);
        }
        QString text = tr("%1 approved (acta %2), proposed by %3.")
                           .arg(kindTitle(m.kind), number, m.proposedBy);
        if (m.kind == MovementKind::Baja)
            text += u' ' + tr("Resolution: %1.").arg(m.resolucion);
        if (!changes.isEmpty())
            text += u' ' + changes.join(QLatin1String("; "));
        history.addBindValue(core::makeUuid7(now));
        history.addBindValue(item.assetId);
        history.addBindValue(stamp);
        history.addBindValue(QString::fromLatin1(HistoryKind));
        history.addBindValue(text);
        history.addBindValue(session.username);
        history.addBindValue(m_audit.deviceId());
        if (!history.exec())
            return fail(tr("Cannot write the asset's history: %1").arg(history.lastError().text()));
    }

    QSqlQuery decision(db);
    decision.prepare(QStringLiteral(
        "INSERT INTO patrimonio_movement_decisions (id, movement_id, decision, reason, acta,"
        " decided_at, decided_by, device, sede_id, area_id)"
        " VALUES (?, ?, 'aprobado', '', ?, ?, ?, ?, ?, ?)"));
    decision.addBindValue(decisionId);
    decision.addBindValue(m.id);
    decision.addBindValue(number);
    decision.addBindValue(stamp);
    decision.addBindValue(session.username);
    decision.addBindValue(m_audit.deviceId());
    decision.addBindValue(m.sedeId);
    decision.addBindValue(nullableText(m.areaId));
    if (!decision.exec())
        return fail(tr("Cannot write the decision: %1").arg(decision.lastError().text()));
    if (!m_audit.append({session.username,
                         QString::fromLatin1(AuditEntity),
                         m.id,
                         QStringLiteral("approve"),
                         {},
                         {{QStringLiteral("acta"), number},
                          {QStringLiteral("codigos"), m.codigos().join(u',')}}},
                        &problem)) {
        return fail(problem);
    }
    if (!tx.commit())
        return fail(tx.error());
    if (acta)
        *acta = number;
    return true;
}

bool MovementRepository::reject(const core::Session &session,
                                const QString &movementId,
                                const QString &reason,
                                QString *error)
{
    const RepositoryError fail(error);
    if (RepositoryError::denied(session,
                                Permissions::Approve,
                                tr("reject movements of assets"),
                                error))
        return false;
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return fail(tr("Say why the movement is rejected."));
    QSqlDatabase db = m_db();
    core::Transaction tx(db);
    if (!tx.isActive())
        return fail(tx.error());
    QString problem;
    const std::optional<Movement> found = find(session, movementId, &problem);
    if (!found)
        return fail(problem);
    if (found->status != MovementStatus::Pendiente)
        return fail(tr("This movement was already %1.").arg(statusTitle(found->status).toLower()));
    const QDateTime now = m_clock.now().toUTC();
    QSqlQuery decision(db);
    decision.prepare(QStringLiteral(
        "INSERT INTO patrimonio_movement_decisions (id, movement_id, decision, reason, acta,"
        " decided_at, decided_by, device, sede_id, area_id)"
        " VALUES (?, ?, 'rechazado', ?, '', ?, ?, ?, ?, ?)"));
    decision.addBindValue(core::makeUuid7(now));
    decision.addBindValue(found->id);
    decision.addBindValue(why);
    decision.addBindValue(now.toString(Qt::ISODateWithMs));
    decision.addBindValue(session.username);
    decision.addBindValue(m_audit.deviceId());
    decision.addBindValue(found->sedeId);
    decision.addBindValue(nullableText(found->areaId));
    if (!decision.exec())
        return fail(tr("Cannot write the decision: %1").arg(decision.lastError().text()));
    if (!m_audit.append({session.username,
                         QString::fromLatin1(AuditEntity),
                         found->id,
                         QStringLiteral("reject"),
                         {},
                         {{QStringLiteral("reason"), why}}},
                        &problem)) {
        return fail(problem);
    }
    if (!tx.commit())
        return fail(tx.error());
    return true;
}

} // namespace tambo::patrimonio
