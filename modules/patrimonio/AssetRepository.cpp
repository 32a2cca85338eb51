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
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace tambo::patrimonio {

namespace {

constexpr auto AuditEntity = "patrimonio.asset";

const QString &selectColumns()
{
    static const QString columns = QStringLiteral(
        "id, codigo, denominacion, marca, modelo, serie, color, caracteristicas, estado,"
        " situacion, sede_id, area_id, ambiente, responsable, fecha_adquisicion, valor,"
        " cuenta_contable, observaciones, created_at, updated_at");
    return columns;
}

Asset assetFrom(const QSqlQuery &q)
{
    Asset a;
    a.id = q.value(0).toString();
    a.codigo = q.value(1).toString();
    a.denominacion = q.value(2).toString();
    a.marca = q.value(3).toString();
    a.modelo = q.value(4).toString();
    a.serie = q.value(5).toString();
    a.color = q.value(6).toString();
    a.caracteristicas = q.value(7).toString();
    a.estado = Estados::fromCode(q.value(8).toString()).value_or(Estado::Bueno);
    a.situacion = Estados::situacionFromKey(q.value(9).toString()).value_or(Situacion::Uso);
    a.sedeId = q.value(10).toString();
    a.areaId = q.value(11).toString();
    a.ambiente = q.value(12).toString();
    a.responsable = q.value(13).toString();
    a.fechaAdquisicion = QDate::fromString(q.value(14).toString(), Qt::ISODate);
    a.valorCentimos = q.value(15).toLongLong();
    a.cuentaContable = q.value(16).toString();
    a.observaciones = q.value(17).toString();
    a.createdAt = QDateTime::fromString(q.value(18).toString(), Qt::ISODateWithMs);
    a.updatedAt = QDateTime::fromString(q.value(19).toString(), Qt::ISODateWithMs);
    return a;
}

// A text column that is NOT NULL: a null QString would be bound as NULL.
QString notNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// Trims the free-text fields the way they are stored.
void tidy(Asset *a)
{
    a->codigo = CodigoPatrimonial::normalized(a->codigo);
    for (QString *field : {&a->denominacion,
                           &a->marca,
                           &a->modelo,
                           &a->serie,
                           &a->color,
                           &a->ambiente,
                           &a->responsable,
                           &a->cuentaContable}) {
        *field = field->simplified();
    }
    a->caracteristicas = a->caracteristicas.trimmed();
    a->observaciones = a->observaciones.trimmed();
    a->sedeId = a->sedeId.trimmed();
    a->areaId = a->areaId.trimmed();
}

} // namespace

// What one write call reads once and reuses: the catálogo and places for validation, and for
// batches the registered codes and the prepared statements.
struct AssetRepository::Lookups
{
    bool loaded = false;
    QSet<QString> catalogo;
    QSet<QString> sedes;
    QHash<QString, QString> areaSede; // area id → sede id
    bool knowsCodigos = false;
    QSet<QString> codigos; // registered, plus those inserted by this call
    std::unique_ptr<QSqlQuery> insert;
    std::unique_ptr<QSqlQuery> history;
};

AssetRepository::AssetRepository(core::DatabaseProvider db,
                                 const core::Clock &clock,
                                 core::AuditLog &audit)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_audit(audit)
{}

QString AssetRepository::historyInsertSql()
{
    return QStringLiteral(
        "INSERT INTO patrimonio_asset_history (id, asset_id, at, kind, text, actor, device)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)");
}

QString AssetRepository::nowText() const
{
    return m_clock.now().toUTC().toString(Qt::ISODateWithMs);
}

std::optional<Asset> AssetRepository::findByCode(const QString &codigo, QString *error) const
{
    const CodigoPatrimonial code(codigo);
    if (!code.isValid())
        return std::nullopt;
    QSqlQuery query(m_db());
    query.prepare(
        QStringLiteral("SELECT %1 FROM patrimonio_assets WHERE codigo = ?").arg(selectColumns()));
    query.addBindValue(code.toString());
    if (!query.exec()) {
        if (error)
            *error = tr("Cannot read the register: %1").arg(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return assetFrom(query);
}

std::optional<Asset> AssetRepository::findById(const QString &id, QString *error) const
{
    QSqlQuery query(m_db());
    query.prepare(
        QStringLiteral("SELECT %1 FROM patrimonio_assets WHERE id = ?").arg(selectColumns()));
    query.addBindValue(id);
    if (!query.exec()) {
        if (error)
            *error = tr("Cannot read the register: %1").arg(query.lastError().text());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return assetFrom(query);
}

QList<Asset> AssetRepository::list(const core::Session &session,
                                   const AssetFilter &filter,
                                   QString *error) const
{
    if (RepositoryError::denied(session, Permissions::View, tr("see the asset register"), error))
        return {};
    QStringList where;
    QVariantList values;
    if (!filter.sedeId.isEmpty()) {
        where << QStringLiteral("sede_id = ?");
        values << filter.sedeId;
    }
    if (!filter.areaId.isEmpty()) {
        where << QStringLiteral("area_id = ?");
        values << filter.areaId;
    }
    if (!filter.responsable.isEmpty()) {
        where << QStringLiteral("responsable = ?");
        values << filter.responsable;
    }
    if (!filter.estados.isEmpty()) {
        QStringList marks;
        for (const Estado e : filter.estados) {
            marks << QStringLiteral("?");
            values << QString(Estados::code(e));
        }
        where << QStringLiteral("estado IN (%1)").arg(marks.join(u','));
    }
    if (!filter.text.trimmed().isEmpty()) {
        QString pattern = filter.text.trimmed();
        pattern.replace(u'\\', QLatin1String("\\\\"));
        pattern.replace(u'%', QLatin1String("\\%"));
        pattern.replace(u'_', QLatin1String("\\_"));
        pattern = u'%' + pattern + u'%';
        QStringList any;
        for (const char *column : {"codigo", "denominacion", "marca", "serie", "responsable"}) {
            any << QStringLiteral("%1 LIKE ? ESCAPE '\\'").arg(QLatin1String(column));
            values << pattern;
        }
        where << u'(' + any.join(QLatin1String(" OR ")) + u')';
    }
    QString sql = QStringLiteral("SELECT %1 FROM patrimonio_assets").arg(selectColumns());
    if (!where.isEmpty())
        sql += QLatin1String(" WHERE ") + where.join(QLatin1String(" AND "));
    sql += QLatin1String(" ORDER BY codigo");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);

    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &v : std::as_const(values))
        query.addBindValue(v);
    if (!query.exec()) {
        if (error)
            *error = tr("Cannot read the register: %1").arg(query.lastError().text());
        return {};
    }
    QList<Asset> result;
    while (query.next())
        result.append(assetFrom(query));
    return result;
}

bool AssetRepository::loadSnapshot(const core::Session &session,
                                   AssetSnapshot *out,
                                   QString *error) const
{
    if (RepositoryError::denied(session, Permissions::View, tr("see the asset register"), error))
        return false;
    QSqlDatabase db = m_db();
    AssetSnapshot snapshot;
    {
        QSqlQuery count(db);
        if (count.exec(QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets")) && count.next())
            snapshot.reserve(count.value(0).toInt());
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT codigo, denominacion, marca, modelo, serie, responsable, sede_id, area_id,"
            " ambiente, estado, situacion, valor FROM patrimonio_assets ORDER BY codigo"))) {
        if (error)
            *error = tr("Cannot read the register: %1").arg(query.lastError().text());
        return false;
    }
    while (query.next()) {
        AssetSnapshot::Row row;
        row.codigo = snapshot.intern(query.value(0).toString());
        row.denominacion = snapshot.intern(query.value(1).toString());
        row.marca = snapshot.intern(query.value(2).toString());
        row.modelo = snapshot.intern(query.value(3).toString());
        row.serie = snapshot.intern(query.value(4).toString());
        row.responsable = snapshot.intern(query.value(5).toString());
        row.sedeId = snapshot.intern(query.value(6).toString());
        row.areaId = snapshot.intern(query.value(7).toString());
        row.ambiente = snapshot.intern(query.value(8).toString());
        row.estado = Estados::fromCode(query.value(9).toString()).value_or(Estado::Bueno);
        row.situacion = Estados::situacionFromKey(query.value(10).toString())
                            .value_or(Situacion::Uso);
        row.valorCentimos = query.value(11).toLongLong();
        snapshot.append(row);
    }
    if (query.lastError().isValid()) {
        if (error)
            *error = tr("Cannot read the register: %1").arg(query.lastError().text());
        return false;
    }
    *out = std::move(snapshot);
    return true;
}

QList<AssetHistoryEntry> AssetRepository::history(const core::Session &session,
                                                  const QString &assetId,
                                                  QString *error) const
{
    if (RepositoryError::denied(session, Permissions::View, tr("see the asset register"), error))
        return {};
    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, asset_id, at, kind, text, actor, device FROM patrimonio_asset_history"
        " WHERE asset_id = ? ORDER BY at, rowid"));
    query.addBindValue(assetId);
    if (!query.exec()) {
        if (error)
            *error = tr("Cannot read the history: %1").arg(query.lastError().text());
        return {};
    }
    QList<AssetHistoryEntry> result;
    while (query.next()) {
        AssetHistoryEntry e;
        e.id = query.value(0).toString();
        e.assetId = query.value(1).toString();
        e.at = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
        e.kind = query.value(3).toString();
        e.text = query.value(4).toString();
        e.actor = query.value(5).toString();
        e.device = query.value(6).toString();
        result.append(e);
    }
    return result;
}

int AssetRepository::count() const
{
    QSqlQuery query(m_db());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

QSet<QString> AssetRepository::allCodigos(QString *error) const
{
    QSet<QString> result;
    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT codigo FROM patrimonio_assets"))) {
        if (error)
            *error = tr("Cannot read the register: %1").arg(query.lastError().text());
        return result;
    }
    while (query.next())
        result.insert(query.value(0).toString());
    return result;
}

QList<Place> AssetRepository::sedes() const
{
    QList<Place> result;
    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    if (query.exec(QStringLiteral("SELECT id, name FROM sedes ORDER BY rowid"))) {
        while (query.next())
            result.append({query.value(0).toString(), query.value(1).toString(), {}});
    }
    return result;
}

QList<Place> AssetRepository::areas() const
{
    QList<Place> result;
    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    if (query.exec(QStringLiteral("SELECT id, name, sede_id FROM areas ORDER BY rowid"))) {
        while (query.next()) {
            result.append(
                {query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
        }
    }
    return result;
}

bool AssetRepository::loadLookups(Lookups &lookups, QString *error) const
{
    if (lookups.loaded)
        return true;
    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    auto fail = [&] {
        if (error)
            *error = tr("Cannot read the catálogo and places: %1").arg(query.lastError().text());
        return false;
    };
    if (!query.exec(QStringLiteral("SELECT code FROM patrimonio_catalogo")))
        return fail();
    while (query.next())
        lookups.catalogo.insert(query.value(0).toString());
    if (!query.exec(QStringLiteral("SELECT id FROM sedes")))
        return fail();
    while (query.next())
        lookups.sedes.insert(query.value(0).toString());
    if (!query.exec(QStringLiteral("SELECT id, sede_id FROM areas")))
        return fail();
    while (query.next())
        lookups.areaSede.insert(query.value(0).toString(), query.value(1).toString());
    lookups.loaded = true;
    return true;
}

bool AssetRepository::validate(const Asset &a, Lookups &lookups, QString *error) const
{
    const RepositoryError fail(error);
    const CodigoPatrimonial code(a.codigo);
    if (!code.isValid())
        return fail(code.problemText());
    if (!loadLookups(lookups, error))
        return false;
    if (!lookups.catalogo.contains(code.catalogo())) {
        return fail(tr("The catálogo code %1 (the first 8 digits of %2) is not in the catálogo; "
                       "import it first.")
                        .arg(code.catalogo(), code.toString()));
    }
    if (a.denominacion.isEmpty())
        return fail(tr("The asset %1 has no denominación.").arg(code.toString()));
    if (a.sedeId.isEmpty())
        return fail(tr("The asset %1 has no sede.").arg(code.toString()));
    if (!lookups.sedes.contains(a.sedeId))
        return fail(tr("The sede “%1” does not exist.").arg(a.sedeId));
    if (!a.areaId.isEmpty()) {
        const auto it = lookups.areaSede.constFind(a.areaId);
        if (it == lookups.areaSede.constEnd())
            return fail(tr("The area “%1” does not exist.").arg(a.areaId));
        if (it.value() != a.sedeId)
            return fail(
                tr("The area “%1” does not belong to the sede “%2”.").arg(a.areaId, a.sedeId));
    }
    if (a.valorCentimos < 0)
        return fail(tr("The value of %1 cannot be negative.").arg(code.toString()));
    if (a.fechaAdquisicion.isValid() && a.fechaAdquisicion > m_clock.now().toLocalTime().date())
        return fail(tr("The acquisition date of %1 is in the future.").arg(code.toString()));
    return true;
}

bool AssetRepository::writeHistory(const QString &assetId,
                                   const QString &kind,
                                   const QString &text,
                                   const QString &actor,
                                   QString *error,
                                   QSqlQuery *prepared)
{
    std::optional<QSqlQuery> own;
    if (!prepared) {
        own.emplace(m_db());
        own->prepare(historyInsertSql());
        prepared = &*own;
    }
    QSqlQuery &query = *prepared;
    query.addBindValue(core::makeUuid7(m_clock.now()));
    query.addBindValue(assetId);
    query.addBindValue(nowText());
    query.addBindValue(kind);
    query.addBindValue(text);
    query.addBindValue(actor);
    query.addBindValue(m_audit.deviceId());
    if (!query.exec()) {
        if (error)
            *error = tr("Cannot write the asset's history: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool AssetRepository::insertOne(const core::Session &session,
                                Asset *asset,
                                Lookups &lookups,
                                QString *error)
{
    tidy(asset);
    if (!validate(*asset, lookups, error))
        return false;
    QSqlDatabase db = m_db();
    QString readError;
    const bool duplicate = lookups.knowsCodigos ? lookups.codigos.contains(asset->codigo)
                                                : findByCode(asset->codigo, &readError).has_value();
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return false;
    }
    if (duplicate) {
        if (error) {
            const std::optional<Asset> other = findByCode(asset->codigo);
            *error = tr("The código patrimonial %1 is already registered (%2).")
                         .arg(asset->codigo, other ? other->denominacion : asset->denominacion);
        }
        return false;
    }
    const QDateTime now = m_clock.now().toUTC();
    asset->id = core::makeUuid7(now);
    asset->createdAt = now;
    asset->updatedAt = now;
    const QString stamp = now.toString(Qt::ISODateWithMs);

    if (!lookups.insert) {
        lookups.insert = std::make_unique<QSqlQuery>(db);
        lookups.insert->prepare(
            QStringLiteral("INSERT INTO patrimonio_assets (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                           " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .arg(selectColumns()));
        lookups.history = std::make_unique<QSqlQuery>(db);
        lookups.history->prepare(historyInsertSql());
    }
    QSqlQuery &insert = *lookups.insert;
    insert.addBindValue(asset->id);
    insert.addBindValue(asset->codigo);
    insert.addBindValue(notNull(asset->denominacion));
    insert.addBindValue(notNull(asset->marca));
    insert.addBindValue(notNull(asset->modelo));
    insert.addBindValue(notNull(asset->serie));
    insert.addBindValue(notNull(asset->color));
    insert.addBindValue(notNull(asset->caracteristicas));
    insert.addBindValue(QString(Estados::code(asset->estado)));
    insert.addBindValue(Estados::situacionKey(asset->situacion));
    insert.addBindValue(asset->sedeId);
    insert.addBindValue(nullableText(asset->areaId));
    insert.addBindValue(notNull(asset->ambiente));
    insert.addBindValue(notNull(asset->responsable));
    insert.addBindValue(asset->fechaAdquisicion.isValid()
                            ? QVariant(asset->fechaAdquisicion.toString(Qt::ISODate))
                            : QVariant(QMetaType::fromType<QString>()));
    insert.addBindValue(asset->valorCentimos);
    insert.addBindValue(notNull(asset->cuentaContable));
    insert.addBindValue(notNull(asset->observaciones));
    insert.addBindValue(stamp);
    insert.addBindValue(stamp);
    if (!insert.exec()) {
        if (error)
            *error = tr("Cannot register %1: %2").arg(asset->codigo, insert.lastError().text());
        return false;
    }
    QString problem;
    if (!m_audit.append({session.username,
                         QString::fromLatin1(AuditEntity),
                         asset->id,
                         QStringLiteral("create"),
                         {},
                         asset->toJson()},
                        &problem)) {
        if (error)
            *error = problem;
        return false;
    }
    if (lookups.knowsCodigos)
        lookups.codigos.insert(asset->codigo);
    const QString text = tr("Registered as %1 (%2).")
                             .arg(asset->denominacion, Estados::title(asset->estado));
    return writeHistory(asset->id,
                        QString::fromLatin1(KindAlta),
                        text,
                        session.username,
                        error,
                        lookups.history.get());
}

bool AssetRepository::insert(const core::Session &session, Asset *asset, QString *error)
{
    if (RepositoryError::denied(session, Permissions::Edit, tr("register assets"), error))
        return false;
    core::Transaction tx(m_db());
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    Lookups lookups;
    if (!insertOne(session, asset, lookups, error))
        return false;
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return false;
    }
    return true;
}

bool AssetRepository::insertMany(const core::Session &session, QList<Asset> *assets, QString *error)
{
    if (RepositoryError::denied(session, Permissions::Edit, tr("register assets"), error))
        return false;
    core::Transaction tx(m_db());
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    Lookups lookups;
    QString problem;
    lookups.codigos = allCodigos(&problem);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    lookups.knowsCodigos = true;
    for (Asset &asset : *assets) {
        if (!insertOne(session, &asset, lookups, error))
            return false;
    }
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return false;
    }
    return true;
}

QString AssetRepository::fieldTitle(const QString &field)
{
    static const QHash<QString, const char *> titles = {
        {QStringLiteral("codigo"), QT_TR_NOOP("Code")},
        {QStringLiteral("denominacion"), QT_TR_NOOP("Denomination")},
        {QStringLiteral("marca"), QT_TR_NOOP("Brand")},
        {QStringLiteral("modelo"), QT_TR_NOOP("Model")},
        {QStringLiteral("serie"), QT_TR_NOOP("Serial number")},
        {QStringLiteral("color"), QT_TR_NOOP("Colour")},
        {QStringLiteral("caracteristicas"), QT_TR_NOOP("Features")},
        {QStringLiteral("estado"), QT_TR_NOOP("Condition")},
        {QStringLiteral("situacion"), QT_TR_NOOP("Use")},
        {QStringLiteral("sede_id"), QT_TR_NOOP("Sede")},
        {QStringLiteral("area_id"), QT_TR_NOOP("Area")},
        {QStringLiteral("ambiente"), QT_TR_NOOP("Room")},
        {QStringLiteral("responsable"), QT_TR_NOOP("Custodian")},
        {QStringLiteral("fecha_adquisicion"), QT_TR_NOOP("Acquired on")},
        {QStringLiteral("valor"), QT_TR_NOOP("Value")},
        {QStringLiteral("cuenta_contable"), QT_TR_NOOP("Ledger account")},
        {QStringLiteral("observaciones"), QT_TR_NOOP("Remarks")},
    };
    const char *source = titles.value(field, nullptr);
    return source ? tr(source) : field;
}

bool AssetRepository::update(const core::Session &session, Asset *asset, QString *error)
{
    const RepositoryError fail(error);
    if (RepositoryError::denied(session, Permissions::Edit, tr("edit assets"), error))
        return false;
    tidy(asset);
    QSqlDatabase db = m_db();
    core::Transaction tx(db);
    if (!tx.isActive())
        return fail(tx.error());

    QString problem;
    const std::optional<Asset> stored = findById(asset->id, &problem);
    if (!stored)
        return fail(problem.isEmpty() ? tr("The asset to update does not exist.") : problem);
    if (asset->codigo != stored->codigo) {
        return fail(tr("The código patrimonial of %1 cannot be changed; register a new asset "
                       "and give this one de baja.")
                        .arg(stored->codigo));
    }
    if (asset->updatedAt.isValid() && asset->updatedAt != stored->updatedAt) {
        return fail(tr("The asset %1 was changed by someone else since you opened it; open it "
                       "again and repeat your change.")
                        .arg(stored->codigo));
    }

    const QJsonObject before = stored->toJson();
    const QJsonObject after = asset->toJson();
    QStringList changed;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (before.value(it.key()) != it.value())
            changed << it.key();
    }
    if (changed.isEmpty())
        return true;

    static const QSet<QString> approval = {QStringLiteral("sede_id"),
                                           QStringLiteral("area_id"),
                                           QStringLiteral("ambiente"),
                                           QStringLiteral("responsable"),
                                           QStringLiteral("valor"),
                                           QStringLiteral("cuenta_contable"),
                                           QStringLiteral("fecha_adquisicion")};
    QStringList needsApproval;
    for (const QString &field : std::as_const(changed)) {
        if (approval.contains(field))
            needsApproval << fieldTitle(field);
    }
    if (stored->estado != asset->estado
        && (Estados::isEndOfLife(stored->estado) || Estados::isEndOfLife(asset->estado))) {
        needsApproval << fieldTitle(QStringLiteral("estado"));
    }
    if (!needsApproval.isEmpty()
        && RepositoryError::denied(session,
                                   Permissions::Approve,
                                   tr("change %1 without the approval of the jefe de patrimonio")
                                       .arg(needsApproval.join(QLatin1String(", "))),
                                   error)) {
        return false;
    }

    Lookups lookups;
    if (!validate(*asset, lookups, error))
        return false;

    const QDateTime now = m_clock.now().toUTC();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "UPDATE patrimonio_assets SET denominacion = ?, marca = ?, modelo = ?, serie = ?,"
        " color = ?, caracteristicas = ?, estado = ?, situacion = ?, sede_id = ?, area_id = ?,"
        " ambiente = ?, responsable = ?, fecha_adquisicion = ?, valor = ?, cuenta_contable = ?,"
        " observaciones = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(notNull(asset->denominacion));
    query.addBindValue(notNull(asset->marca));
    query.addBindValue(notNull(asset->modelo));
    query.addBindValue(notNull(asset->serie));
    query.addBindValue(notNull(asset->color));
    query.addBindValue(notNull(asset->caracteristicas));
    query.addBindValue(QString(Estados::code(asset->estado)));
    query.addBindValue(Estados::situacionKey(asset->situacion));
    query.addBindValue(asset->sedeId);
    query.addBindValue(nullableText(asset->areaId));
    query.addBindValue(notNull(asset->ambiente));
    query.addBindValue(notNull(asset->responsable));
    query.addBindValue(asset->fechaAdquisicion.isValid()
                           ? QVariant(asset->fechaAdquisicion.toString(Qt::ISODate))
                           : QVariant(QMetaType::fromType<QString>()));
    query.addBindValue(asset->valorCentimos);
    query.addBindValue(notNull(asset->cuentaContable));
    query.addBindValue(notNull(asset->observaciones));
    query.addBindValue(now.toString(Qt::ISODateWithMs));
    query.addBindValue(asset->id);
    if (!query.exec())
        return fail(tr("Cannot update %1: %2").arg(asset->codigo, query.lastError().text()));

    QJsonObject beforeChanged;
    QJsonObject afterChanged;
    QStringList lines;
    for (const QString &field : std::as_const(changed)) {
        beforeChanged.insert(field, before.value(field));
        afterChanged.insert(field, after.value(field));
        auto shown = [&](const QJsonValue &v) {
            if (field == QLatin1String("estado"))
                return Estados::title(Estados::fromCode(v.toString()).value_or(Estado::Bueno));
            if (field == QLatin1String("situacion"))
                return Estados::situacionTitle(
                    Estados::situacionFromKey(v.toString()).value_or(Situacion::Uso));
            if (field == QLatin1String("valor"))
                return formatSoles(v.toInteger());
            const QString text = v.toString();
            return text.isEmpty() ? tr("(empty)") : text;
        };
        lines << tr("%1: %2 → %3")
                     .arg(fieldTitle(field), shown(before.value(field)), shown(after.value(field)));
    }
    if (!m_audit.append({session.username,
                         QString::fromLatin1(AuditEntity),
                         asset->id,
                         QStringLiteral("update"),
                         beforeChanged,
                         afterChanged},
                        &problem)) {
        return fail(problem);
    }
    if (!writeHistory(asset->id,
                      QString::fromLatin1(KindEdicion),
                      lines.join(QLatin1String("; ")),
                      session.username,
                      error)) {
        return false;
    }
    if (!tx.commit())
        return fail(tx.error());
    asset->createdAt = stored->createdAt;
    asset->updatedAt = now;
    return true;
}

bool AssetRepository::appendHistory(const core::Session &session,
                                    const QString &codigo,
                                    const QString &kind,
                                    const QString &text,
                                    QString *error)
{
    const RepositoryError fail(error);
    if (RepositoryError::denied(session,
                                Permissions::Annotate,
                                tr("add to an asset's history"),
                                error))
        return false;
    const QString k = kind.trimmed();
    const QString t = text.trimmed();
    if (k.isEmpty() || t.isEmpty())
        return fail(tr("A history line needs a kind and a text."));
    const CodigoPatrimonial code(codigo);
    if (!code.isValid())
        return fail(code.problemText());

    core::Transaction tx(m_db());
    if (!tx.isActive())
        return fail(tx.error());
    QString problem;
    const std::optional<Asset> asset = findByCode(code.toString(), &problem);
    if (!asset) {
        return fail(
            problem.isEmpty()
                ? tr("The código patrimonial %1 is not in the register.").arg(code.toString())
                : problem);
    }
    if (!writeHistory(asset->id, k, t, session.username, error))
        return false;
    if (!m_audit.append({session.username,
                         QStringLiteral("patrimonio.asset_history"),
                         asset->id,
                         QStringLiteral("append"),
                         {},
                         {{QStringLiteral("codigo"), asset->codigo},
                          {QStringLiteral("kind"), k},
                          {QStringLiteral("text"), t}}},
                        &problem)) {
        return fail(problem);
    }
    if (!tx.commit())
        return fail(tx.error());
    return true;
}

} // namespace tambo::patrimonio
