#include "AssetImporter.h"

#include "CodigoPatrimonial.h"
#include "ImportCsvReader.h"
#include "PatrimonioPermissions.h"
#include "util/Uuid7.h"

#include "audit/AuditLog.h"
#include "auth/Session.h"
#include "migrations/Transaction.h"
#include "util/Clock.h"

#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <array>

namespace tambo::patrimonio {

namespace {

QString notNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

std::optional<Estado> estadoFrom(const QString &text)
{
    if (const auto e = Estados::fromCode(text))
        return e;
    static const QHash<QString, Estado> words = {
        {QStringLiteral("NUEVO"), Estado::Nuevo},
        {QStringLiteral("BUENO"), Estado::Bueno},
        {QStringLiteral("REGULAR"), Estado::Regular},
        {QStringLiteral("MALO"), Estado::Malo},
        {QStringLiteral("RAEE"), Estado::Raee},
        {QStringLiteral("CHATARRA"), Estado::Chatarra},
    };
    const auto it = words.constFind(ImportMapping::normalizedHeader(text));
    if (it == words.constEnd())
        return std::nullopt;
    return it.value();
}

std::optional<Situacion> situacionFrom(const QString &text)
{
    if (const auto s = Estados::situacionFromKey(text))
        return s;
    const QString n = ImportMapping::normalizedHeader(text);
    if (n == QLatin1String("USO") || n == QLatin1String("ENUSO"))
        return Situacion::Uso;
    if (n == QLatin1String("DESUSO") || n == QLatin1String("ENDESUSO"))
        return Situacion::Desuso;
    return std::nullopt;
}

bool denied(const core::Session &session, QString *error)
{
    if (session.can(QString::fromLatin1(Permissions::Edit)))
        return false;
    *error = AssetImporter::tr("You may not import assets (permission %1).")
                 .arg(QString::fromLatin1(Permissions::Edit));
    return true;
}

// UUIDv7 ids for one import that sort in row order (RFC 9562, 6.2 method 1: the 12 bits of
// rand_a count, and a carry moves the millisecond on). core::makeUuid7() gives random ids within one
// millisecond, which would insert 100,000 keys at random places of the primary-key B-trees.
class MonotonicUuid7
{
public:
    explicit MonotonicUuid7(const QDateTime &now)
        : m_ms(quint64(now.toMSecsSinceEpoch()))
    {
        QRandomGenerator::system()->fillRange(m_random.data(), m_random.size());
    }

    QString next()
    {
        const quint64 ms = m_ms + (m_counter >> 12);
        const quint16 randA = quint16(m_counter & 0x0fff);
        ++m_counter;
        QByteArray bytes(16, '\0');
        for (int i = 0; i < 6; ++i)
            bytes[i] = char(quint8(ms >> (8 * (5 - i))));
        bytes[6] = char(0x70 | (randA >> 8));
        bytes[7] = char(randA & 0xff);
        for (int i = 0; i < 8; ++i)
            bytes[8 + i] = char(quint8(m_random[size_t(i / 4)] >> (8 * (i % 4))));
        bytes[8] = char((quint8(bytes[8]) & 0x3f) | 0x80);
        return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
    }

private:
    quint64 m_ms;
    quint64 m_counter = 0;
    std::array<quint32, 2> m_random{};
};

} // namespace

int AssetImporter::Plan::badRows() const
{
    QSet<int> rowsWithProblems;
    for (const ImportProblem &p : problems)
        rowsWithProblems.insert(p.row);
    return int(rowsWithProblems.size());
}

AssetImporter::AssetImporter(core::DatabaseProvider db,
                             const core::Clock &clock,
                             core::AuditLog &audit)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_audit(audit)
{}

QString AssetImporter::reasonTitle(ImportProblem::Reason reason)
{
    using R = ImportProblem::Reason;
    switch (reason) {
    case R::MissingColumn:
        return tr("Missing column");
    case R::MissingField:
        return tr("Missing data");
    case R::BadCode:
        return tr("Bad code");
    case R::UnknownCatalogo:
        return tr("Unknown catálogo");
    case R::DuplicateInFile:
        return tr("Repeated in the file");
    case R::AlreadyRegistered:
        return tr("Already registered");
    case R::BadDate:
        return tr("Bad date");
    case R::BadNumber:
        return tr("Bad number");
    case R::UnknownEstado:
        return tr("Unknown condition");
    case R::UnknownSituacion:
        return tr("Unknown use");
    case R::UnknownSede:
        return tr("Unknown sede");
    case R::UnknownArea:
        return tr("Unknown area");
    }
    return {};
}

AssetImporter::Plan AssetImporter::check(const core::Session &session,
                                         const ImportTable &table,
                                         const ImportMapping &mapping,
                                         const QString &source) const
{
    using R = ImportProblem::Reason;
    Plan plan;
    plan.source = source;
    plan.rows = int(table.rows.size());
    if (denied(session, &plan.error))
        return plan;

    // --- what the rows are checked against, read once ---
    QSqlDatabase db = m_db();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    QSet<QString> catalogo;
    QSet<QString> registered;
    QHash<QString, QString> sedeByKey; // id and normalised name → id
    QHash<QString, QString> sedeNames; // id → name
    QHash<QString, QString> areaByKey; // sede id + '\n' + (id or normalised name) → id
    auto readFailed = [&] {
        plan.error = tr("Cannot read the register: %1").arg(query.lastError().text());
        return plan;
    };
    if (!query.exec(QStringLiteral("SELECT code FROM patrimonio_catalogo")))
        return readFailed();
    while (query.next())
        catalogo.insert(query.value(0).toString());
    if (!query.exec(QStringLiteral("SELECT codigo FROM patrimonio_assets")))
        return readFailed();
    while (query.next())
        registered.insert(query.value(0).toString());
    if (!query.exec(QStringLiteral("SELECT id, name FROM sedes")))
        return readFailed();
    while (query.next()) {
        const QString id = query.value(0).toString();
        sedeByKey.insert(id.toLower(), id);
        sedeByKey.insert(ImportMapping::normalizedHeader(query.value(1).toString()), id);
        sedeNames.insert(id, query.value(1).toString());
    }
    if (!query.exec(QStringLiteral("SELECT id, name, sede_id FROM areas")))
        return readFailed();
    while (query.next()) {
        const QString id = query.value(0).toString();
        const QString sede = query.value(2).toString();
        areaByKey.insert(sede + u'\n' + id.toLower(), id);
        areaByKey.insert(sede + u'\n' + ImportMapping::normalizedHeader(query.value(1).toString()),
                         id);
    }
    query.finish();

    QString defaultSede;
    if (!mapping.defaultSede().isEmpty()) {
        defaultSede = sedeByKey.value(mapping.defaultSede().toLower(),
                                      sedeByKey.value(
                                          ImportMapping::normalizedHeader(mapping.defaultSede())));
        if (defaultSede.isEmpty()) {
            plan.error = tr("The mapping's default sede “%1” does not exist.")
                             .arg(mapping.defaultSede());
            return plan;
        }
    }

    const std::array<int, ImportFieldCount> columns = mapping.resolve(table.headers);
    auto column = [&columns](ImportField f) { return columns.at(size_t(f)); };
    for (const ImportField f : {ImportField::Codigo, ImportField::Denominacion, ImportField::Sede}) {
        if (column(f) >= 0 || (f == ImportField::Sede && !defaultSede.isEmpty()))
            continue;
        const QStringList wanted = mapping.headersFor(f);
        plan.problems.append(
            {1,
             QString(),
             ImportMapping::fieldKey(f),
             R::MissingColumn,
             wanted.isEmpty()
                 ? tr("No column is mapped to “%1”, which is required.")
                       .arg(ImportMapping::fieldTitle(f))
                 : tr("The file has no column “%1” for “%2”, which is required.")
                       .arg(wanted.join(QLatin1String("” / “")), ImportMapping::fieldTitle(f))});
    }
    if (!plan.problems.isEmpty())
        return plan; // without these columns every row would fail the same way

    // Sheets repeat the same few sedes, areas and estados on every row: resolve each distinct
    // text once.
    QHash<QString, QString> sedeCache;
    QHash<QString, QString> areaCache;
    QHash<QString, std::optional<Estado>> estadoCache;
    auto sedeOf = [&](const QString &text) {
        auto it = sedeCache.constFind(text);
        if (it == sedeCache.constEnd()) {
            it = sedeCache.insert(text,
                                  sedeByKey.value(text.toLower(),
                                                  sedeByKey.value(
                                                      ImportMapping::normalizedHeader(text))));
        }
        return it.value();
    };
    auto areaOf = [&](const QString &sede, const QString &text) {
        const QString key = sede + u'\n' + text;
        auto it = areaCache.constFind(key);
        if (it == areaCache.constEnd()) {
            it = areaCache.insert(key,
                                  areaByKey.value(sede + u'\n' + text.toLower(),
                                                  areaByKey.value(
                                                      sede + u'\n'
                                                      + ImportMapping::normalizedHeader(text))));
        }
        return it.value();
    };
    auto estadoOf = [&](const QString &text) {
        auto it = estadoCache.constFind(text);
        if (it == estadoCache.constEnd())
            it = estadoCache.insert(text, estadoFrom(text));
        return it.value();
    };
    const QDate today = m_clock.now().toLocalTime().date();
    QHash<QString, int> firstRow; // código → row where it first appeared
    plan.assets.reserve(table.rows.size());
    plan.assetRows.reserve(table.rows.size());
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const QStringList &cells = table.rows.at(i);
        const int row = table.rowNumbers.value(i, int(i) + 2);
        auto cell = [&](ImportField f) -> QString {
            const int c = column(f);
            return c >= 0 && c < cells.size() ? cells.at(c).trimmed() : QString();
        };
        const QString rawCode = cell(ImportField::Codigo);
        const qsizetype before = plan.problems.size();
        auto problem = [&](ImportField f, R reason, const QString &message) {
            plan.problems.append({row, rawCode, ImportMapping::fieldKey(f), reason, message});
        };

        Asset a;
        const CodigoPatrimonial code(rawCode);
        if (rawCode.isEmpty()) {
            problem(ImportField::Codigo, R::MissingField, tr("The código patrimonial is empty."));
        } else if (!code.isValid()) {
            problem(ImportField::Codigo, R::BadCode, code.problemText());
        } else {
            a.codigo = code.toString();
            if (!catalogo.contains(code.catalogo())) {
                problem(ImportField::Codigo,
                        R::UnknownCatalogo,
                        tr("The catálogo code %1 (the first 8 digits of %2) is not in the SBN "
                           "catálogo; import it first.")
                            .arg(code.catalogo(), code.toString()));
            }
            if (const auto it = firstRow.constFind(a.codigo); it != firstRow.constEnd()) {
                problem(ImportField::Codigo,
                        R::DuplicateInFile,
                        tr("The código %1 is repeated: it is on row %2 already.")
                            .arg(a.codigo)
                            .arg(it.value()));
            } else {
                firstRow.insert(a.codigo, row);
                if (registered.contains(a.codigo)) {
                    problem(ImportField::Codigo,
                            R::AlreadyRegistered,
                            tr("The código %1 is already in the register.").arg(a.codigo));
                }
            }
        }

        a.denominacion = cell(ImportField::Denominacion).simplified();
        if (a.denominacion.isEmpty())
            problem(ImportField::Denominacion, R::MissingField, tr("The denominación is empty."));
        a.marca = cell(ImportField::Marca).simplified();
        a.modelo = cell(ImportField::Modelo).simplified();
        a.serie = cell(ImportField::Serie).simplified();
        a.color = cell(ImportField::Color).simplified();
        a.caracteristicas = cell(ImportField::Caracteristicas);
        a.ambiente = cell(ImportField::Ambiente).simplified();
        a.responsable = cell(ImportField::Responsable).simplified();
        a.cuentaContable = cell(ImportField::CuentaContable).simplified();
        a.observaciones = cell(ImportField::Observaciones);

        const QString estado = cell(ImportField::Estado);
        if (!estado.isEmpty()) {
            if (const auto e = estadoOf(estado)) {
                a.estado = *e;
            } else {
                problem(ImportField::Estado,
                        R::UnknownEstado,
                        tr("The condition “%1” is unknown: use N, B, R, M, X (RAEE) or Y "
                           "(chatarra), or the words.")
                            .arg(estado));
            }
        }
        const QString situacion = cell(ImportField::Situacion);
        if (!situacion.isEmpty()) {
            if (const auto s = situacionFrom(situacion)) {
                a.situacion = *s;
            } else {
                problem(ImportField::Situacion,
                        R::UnknownSituacion,
                        tr("The use “%1” is unknown: use “uso” or “desuso”.").arg(situacion));
            }
        }

        const QString sede = cell(ImportField::Sede);
        if (sede.isEmpty()) {
            if (defaultSede.isEmpty())
                problem(ImportField::Sede, R::MissingField, tr("The sede is empty."));
            else
                a.sedeId = defaultSede;
        } else {
            a.sedeId = sedeOf(sede);
            if (a.sedeId.isEmpty()) {
                problem(ImportField::Sede,
                        R::UnknownSede,
                        tr("The sede “%1” does not exist in Tambo (neither as id nor as name).")
                            .arg(sede));
            }
        }
        const QString area = cell(ImportField::Area);
        if (!area.isEmpty() && !a.sedeId.isEmpty()) {
            a.areaId = areaOf(a.sedeId, area);
            if (a.areaId.isEmpty()) {
                problem(ImportField::Area,
                        R::UnknownArea,
                        tr("The area “%1” does not exist in the sede “%2”.")
                            .arg(area, sedeNames.value(a.sedeId)));
            }
        }

        const QString fecha = cell(ImportField::FechaAdquisicion);
        if (!mapping.parseDate(fecha, &a.fechaAdquisicion)) {
            problem(ImportField::FechaAdquisicion,
                    R::BadDate,
                    tr("“%1” is not a date: write it as %2 (for example 14/05/2021).")
                        .arg(fecha, mapping.dateFormat().toLower()));
        } else if (a.fechaAdquisicion.isValid() && a.fechaAdquisicion > today) {
            problem(ImportField::FechaAdquisicion,
                    R::BadDate,
                    tr("The acquisition date %1 is in the future.")
                        .arg(a.fechaAdquisicion.toString(QStringLiteral("dd/MM/yyyy"))));
        }
        const QString valor = cell(ImportField::Valor);
        if (!mapping.parseValor(valor, &a.valorCentimos)) {
            problem(ImportField::Valor,
                    R::BadNumber,
                    tr("“%1” is not an amount in soles: write it like 1234.50, 1,234.50 or "
                       "1.234,50, without a sign.")
                        .arg(valor));
        }

        if (plan.problems.size() == before) {
            plan.assets.append(a);
            plan.assetRows.append(row);
        }
    }
    if (plan.rows == 0) {
        plan.problems.append({1,
                              QString(),
                              QString(),
                              R::MissingField,
                              tr("The file has a header but no rows to import.")});
    }
    return plan;
}

AssetImporter::Result AssetImporter::run(const core::Session &session,
                                         const Plan &plan,
                                         const Progress &progress)
{
    Result result;
    if (denied(session, &result.error))
        return result;
    if (!plan.canImport()) {
        result.error = plan.error.isEmpty()
                           ? tr("Nothing was imported: the file has %n row(s) with problems; "
                                "correct them and check again.",
                                nullptr,
                                plan.badRows())
                           : plan.error;
        if (plan.error.isEmpty() && plan.problems.isEmpty())
            result.error = tr("Nothing was imported: the file has no rows to import.");
        return result;
    }

    QSqlDatabase db = m_db();
    core::Transaction tx(db);
    if (!tx.isActive()) {
        result.error = tx.error();
        return result;
    }
    const QDateTime now = m_clock.now().toUTC();
    const QString stamp = now.toString(Qt::ISODateWithMs);
    const QString importId = core::makeUuid7(now);
    const QString actor = session.username;
    const QString device = m_audit.deviceId();
    const int total = int(plan.assets.size());
    QString problem;
    if (!m_audit.append({actor,
                         QString::fromLatin1(AuditEntityImport),
                         importId,
                         QStringLiteral("import"),
                         {},
                         {{QStringLiteral("source"), plan.source},
                          {QStringLiteral("rows"), plan.rows},
                          {QStringLiteral("assets"), total}}},
                        &problem)) {
        result.error = problem;
        return result;
    }

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO patrimonio_assets (id, codigo, denominacion, marca, modelo, serie, color,"
        " caracteristicas, estado, situacion, sede_id, area_id, ambiente, responsable,"
        " fecha_adquisicion, valor, cuenta_contable, observaciones, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery history(db);
    history.prepare(QStringLiteral(
        "INSERT INTO patrimonio_asset_history (id, asset_id, at, kind, text, actor, device)"
        " VALUES (?, ?, ?, 'alta', ?, ?, ?)"));
    const QString historyText = tr("Imported from %1 (row %2, import %3).");
    static const QStringList fields = {QStringLiteral("id"),
                                       QStringLiteral("codigo"),
                                       QStringLiteral("denominacion"),
                                       QStringLiteral("marca"),
                                       QStringLiteral("modelo"),
                                       QStringLiteral("serie"),
                                       QStringLiteral("color"),
                                       QStringLiteral("caracteristicas"),
                                       QStringLiteral("estado"),
                                       QStringLiteral("situacion"),
                                       QStringLiteral("sede_id"),
                                       QStringLiteral("area_id"),
                                       QStringLiteral("ambiente"),
                                       QStringLiteral("responsable"),
                                       QStringLiteral("fecha_adquisicion"),
                                       QStringLiteral("valor"),
                                       QStringLiteral("cuenta_contable"),
                                       QStringLiteral("observaciones")};
    QJsonArray block;
    int part = 0;
    auto flush = [&]() -> bool {
        if (block.isEmpty())
            return true;
        ++part;
        const bool ok = m_audit.append({actor,
                                        QString::fromLatin1(AuditEntityAsset),
                                        importId,
                                        QStringLiteral("import"),
                                        {},
                                        {{QStringLiteral("import"), importId},
                                         {QStringLiteral("part"), part},
                                         {QStringLiteral("fields"),
                                          QJsonArray::fromStringList(fields)},
                                         {QStringLiteral("assets"), block}}},
                                       &problem);
        block = QJsonArray();
        return ok;
    };

    const QVariant nullDate(QMetaType::fromType<QString>());
    MonotonicUuid7 assetIds(now);
    MonotonicUuid7 historyIds(now);
    for (int i = 0; i < total; ++i) {
        const Asset &a = plan.assets.at(i);
        const QString id = assetIds.next();
        const QString estado(Estados::code(a.estado));
        const QString situacion = Estados::situacionKey(a.situacion);
        const QString fecha = a.fechaAdquisicion.isValid()
                                  ? a.fechaAdquisicion.toString(Qt::ISODate)
                                  : QString();
        insert.addBindValue(id);
        insert.addBindValue(a.codigo);
        insert.addBindValue(notNull(a.denominacion));
        insert.addBindValue(notNull(a.marca));
        insert.addBindValue(notNull(a.modelo));
        insert.addBindValue(notNull(a.serie));
        insert.addBindValue(notNull(a.color));
        insert.addBindValue(notNull(a.caracteristicas));
        insert.addBindValue(estado);
        insert.addBindValue(situacion);
        insert.addBindValue(a.sedeId);
        insert.addBindValue(nullableText(a.areaId));
        insert.addBindValue(notNull(a.ambiente));
        insert.addBindValue(notNull(a.responsable));
        insert.addBindValue(fecha.isEmpty() ? nullDate : QVariant(fecha));
        insert.addBindValue(a.valorCentimos);
        insert.addBindValue(notNull(a.cuentaContable));
        insert.addBindValue(notNull(a.observaciones));
        insert.addBindValue(stamp);
        insert.addBindValue(stamp);
        if (!insert.exec()) {
            result.error = tr("Nothing was imported: row %1 (%2) could not be written: %3")
                               .arg(plan.assetRows.value(i))
                               .arg(a.codigo, insert.lastError().text());
            return result;
        }
        history.addBindValue(historyIds.next());
        history.addBindValue(id);
        history.addBindValue(stamp);
        history.addBindValue(
            historyText.arg(plan.source).arg(plan.assetRows.value(i)).arg(importId));
        history.addBindValue(actor);
        history.addBindValue(device);
        if (!history.exec()) {
            result.error = tr("Nothing was imported: the history of %1 could not be written: %2")
                               .arg(a.codigo, history.lastError().text());
            return result;
        }
        block.append(QJsonArray{id,
                                a.codigo,
                                a.denominacion,
                                a.marca,
                                a.modelo,
                                a.serie,
                                a.color,
                                a.caracteristicas,
                                estado,
                                situacion,
                                a.sedeId,
                                a.areaId,
                                a.ambiente,
                                a.responsable,
                                fecha,
                                a.valorCentimos,
                                a.cuentaContable,
                                a.observaciones});
        if (block.size() >= AuditBlock && !flush()) {
            result.error = problem;
            return result;
        }
        if (progress && (i + 1) % 500 == 0)
            progress(i + 1, total);
    }
    if (!flush()) {
        result.error = problem;
        return result;
    }
    if (!tx.commit()) {
        result.error = tx.error();
        return result;
    }
    if (progress)
        progress(total, total);
    result.imported = total;
    result.importId = importId;
    return result;
}

} // namespace tambo::patrimonio
