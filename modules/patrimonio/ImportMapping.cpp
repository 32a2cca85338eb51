#include "ImportMapping.h"

#include "Asset.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace tambo::patrimonio {

namespace {

constexpr auto Format = "tambo-import-mapping/1";

struct FieldInfo
{
    const char *key;
    const char *title;
    // SIGA-MEF spellings first (the built-in mapping uses them all), then other usual names
    // that guess() also accepts.
    QStringList siga;
    QStringList other;
};

const std::array<FieldInfo, ImportFieldCount> &fieldInfo()
{
    static const std::array<FieldInfo, ImportFieldCount> info = {{
        {"codigo",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Código patrimonial"),
         {QStringLiteral("CODIGO_PATRIMONIAL"),
          QStringLiteral("COD_PATRIMONIAL"),
          QStringLiteral("CODIGO PATRIMONIAL"),
          QStringLiteral("COD. PATRIMONIAL")},
         {QStringLiteral("CODIGO"), QStringLiteral("COD_PATRIM"), QStringLiteral("CODIGO_BARRAS")}},
        {"denominacion",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Denomination"),
         {QStringLiteral("DENOMINACION"),
          QStringLiteral("DENOMINACION_BIEN"),
          QStringLiteral("DESCRIPCION")},
         {QStringLiteral("NOMBRE"), QStringLiteral("BIEN")}},
        {"marca",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Brand"),
         {QStringLiteral("MARCA")},
         {}},
        {"modelo",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Model"),
         {QStringLiteral("MODELO")},
         {}},
        {"serie",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Serial number"),
         {QStringLiteral("SERIE"), QStringLiteral("NRO_SERIE"), QStringLiteral("NUMERO_SERIE")},
         {QStringLiteral("N SERIE")}},
        {"color",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Colour"),
         {QStringLiteral("COLOR")},
         {}},
        {"caracteristicas",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Features"),
         {QStringLiteral("CARACTERISTICAS"),
          QStringLiteral("OTRAS_CARACTERISTICAS"),
          QStringLiteral("DIMENSIONES")},
         {QStringLiteral("DETALLE")}},
        {"estado",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Condition"),
         {QStringLiteral("ESTADO"),
          QStringLiteral("ESTADO_CONSERVACION"),
          QStringLiteral("ESTADO_BIEN")},
         {QStringLiteral("CONSERVACION")}},
        {"situacion",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Use"),
         {QStringLiteral("SITUACION"), QStringLiteral("USO")},
         {}},
        {"sede_id",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Sede"),
         {QStringLiteral("SEDE"), QStringLiteral("LOCAL"), QStringLiteral("NOMBRE_SEDE")},
         {QStringLiteral("LOCAL_SEDE")}},
        {"area_id",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Area"),
         {QStringLiteral("CENTRO_COSTO"),
          QStringLiteral("CENTRO_DE_COSTO"),
          QStringLiteral("AREA"),
          QStringLiteral("OFICINA")},
         {QStringLiteral("DEPENDENCIA"), QStringLiteral("UNIDAD_ORGANICA")}},
        {"ambiente",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Room"),
         {QStringLiteral("UBICACION_FISICA"),
          QStringLiteral("UBICACION"),
          QStringLiteral("AMBIENTE")},
         {}},
        {"responsable",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Custodian"),
         {QStringLiteral("RESPONSABLE"),
          QStringLiteral("NOMBRE_RESPONSABLE"),
          QStringLiteral("EMPLEADO_RESPONSABLE"),
          QStringLiteral("USUARIO")},
         {QStringLiteral("CUSTODIO"), QStringLiteral("EMPLEADO")}},
        {"fecha_adquisicion",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Acquired on"),
         {QStringLiteral("FECHA_ADQUISICION"),
          QStringLiteral("FECHA_ADQ"),
          QStringLiteral("FECHA_COMPRA")},
         {QStringLiteral("FECHA")}},
        {"valor",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Value"),
         {QStringLiteral("VALOR"),
          QStringLiteral("VALOR_ADQUISICION"),
          QStringLiteral("VALOR_INICIAL"),
          QStringLiteral("VALOR_COMPRA")},
         {QStringLiteral("PRECIO"), QStringLiteral("IMPORTE")}},
        {"cuenta_contable",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Ledger account"),
         {QStringLiteral("CUENTA_CONTABLE"),
          QStringLiteral("CTA_CONTABLE"),
          QStringLiteral("NRO_CUENTA")},
         {QStringLiteral("CUENTA")}},
        {"observaciones",
         QT_TRANSLATE_NOOP("tambo::patrimonio::ImportMapping", "Remarks"),
         {QStringLiteral("OBSERVACIONES"), QStringLiteral("OBSERVACION")},
         {QStringLiteral("NOTAS")}},
    }};
    return info;
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList out;
    if (value.isString()) {
        if (!value.toString().trimmed().isEmpty())
            out << value.toString().trimmed();
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray()) {
            if (v.isString() && !v.toString().trimmed().isEmpty())
                out << v.toString().trimmed();
        }
    }
    return out;
}

} // namespace

QList<ImportField> ImportMapping::allFields()
{
    QList<ImportField> out;
    for (int i = 0; i < ImportFieldCount; ++i)
        out << ImportField(i);
    return out;
}

QString ImportMapping::fieldKey(ImportField field)
{
    return QString::fromLatin1(fieldInfo().at(size_t(field)).key);
}

std::optional<ImportField> ImportMapping::fieldFromKey(const QString &key)
{
    for (int i = 0; i < ImportFieldCount; ++i) {
        if (key == QLatin1String(fieldInfo().at(size_t(i)).key))
            return ImportField(i);
    }
    return std::nullopt;
}

QString ImportMapping::fieldTitle(ImportField field)
{
    return tr(fieldInfo().at(size_t(field)).title);
}

bool ImportMapping::isRequired(ImportField field)
{
    return field == ImportField::Codigo || field == ImportField::Denominacion
           || field == ImportField::Sede;
}

QString ImportMapping::normalizedHeader(const QString &header)
{
    const QString decomposed = header.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.isLetterOrNumber() && c.category() != QChar::Mark_NonSpacing)
            out.append(c.toUpper());
    }
    return out;
}

ImportMapping ImportMapping::siga()
{
    ImportMapping m;
    m.m_name = QStringLiteral("SIGA-MEF");
    for (int i = 0; i < ImportFieldCount; ++i)
        m.m_columns[size_t(i)] = fieldInfo().at(size_t(i)).siga;
    m.m_decimal = Decimal::Auto;
    m.m_dateFormat = QStringLiteral("dd/MM/yyyy");
    return m;
}

ImportMapping ImportMapping::guess(const QStringList &headers)
{
    ImportMapping m;
    m.m_name = tr("Guessed from the headers");
    QStringList normalized;
    for (const QString &h : headers)
        normalized << normalizedHeader(h);
    QList<bool> taken(headers.size(), false);
    for (int i = 0; i < ImportFieldCount; ++i) {
        const FieldInfo &info = fieldInfo().at(size_t(i));
        const QStringList candidates = info.siga + info.other
                                       + QStringList{QString::fromLatin1(info.key), tr(info.title)};
        for (const QString &candidate : candidates) {
            const qsizetype at = normalized.indexOf(normalizedHeader(candidate));
            if (at >= 0 && !taken.at(at)) {
                taken[at] = true;
                m.m_columns[size_t(i)] = QStringList{headers.at(at)};
                break;
            }
        }
    }
    return m;
}

void ImportMapping::setHeaders(ImportField field, const QStringList &headers)
{
    m_columns[size_t(field)] = headers;
}

void ImportMapping::setHeader(ImportField field, const QString &header)
{
    m_columns[size_t(field)] = header.trimmed().isEmpty() ? QStringList()
                                                          : QStringList{header.trimmed()};
}

std::array<int, ImportFieldCount> ImportMapping::resolve(const QStringList &headers) const
{
    std::array<int, ImportFieldCount> out;
    out.fill(-1);
    QStringList normalized;
    for (const QString &h : headers)
        normalized << normalizedHeader(h);
    for (int i = 0; i < ImportFieldCount; ++i) {
        for (const QString &wanted : m_columns.at(size_t(i))) {
            const qsizetype at = normalized.indexOf(normalizedHeader(wanted));
            if (at >= 0) {
                out[size_t(i)] = int(at);
                break;
            }
        }
    }
    return out;
}

QJsonObject ImportMapping::toJson() const
{
    QJsonObject columns;
    for (int i = 0; i < ImportFieldCount; ++i) {
        const QStringList &headers = m_columns.at(size_t(i));
        if (!headers.isEmpty())
            columns.insert(fieldKey(ImportField(i)), QJsonArray::fromStringList(headers));
    }
    static const char *decimals[] = {"auto", "point", "comma"};
    return {{QStringLiteral("format"), QString::fromLatin1(Format)},
            {QStringLiteral("name"), m_name},
            {QStringLiteral("decimal"), QString::fromLatin1(decimals[int(m_decimal)])},
            {QStringLiteral("dateFormat"), m_dateFormat},
            {QStringLiteral("defaultSede"), m_defaultSede},
            {QStringLiteral("columns"), columns}};
}

std::optional<ImportMapping> ImportMapping::fromJson(const QJsonObject &json, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<ImportMapping> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString format = json.value(QStringLiteral("format")).toString();
    if (!format.isEmpty() && format != QLatin1String(Format))
        return fail(tr("The mapping has the format “%1”; this version of Tambo reads “%2”.")
                        .arg(format, QString::fromLatin1(Format)));
    ImportMapping m;
    m.m_name = json.value(QStringLiteral("name")).toString();
    const QString decimal = json.value(QStringLiteral("decimal")).toString(QStringLiteral("auto"));
    if (decimal == QLatin1String("auto"))
        m.m_decimal = Decimal::Auto;
    else if (decimal == QLatin1String("point"))
        m.m_decimal = Decimal::Point;
    else if (decimal == QLatin1String("comma"))
        m.m_decimal = Decimal::Comma;
    else
        return fail(
            tr("The mapping's \"decimal\" must be auto, point or comma, not “%1”.").arg(decimal));
    m.m_dateFormat = json.value(QStringLiteral("dateFormat")).toString(QStringLiteral("dd/MM/yyyy"));
    m.m_defaultSede = json.value(QStringLiteral("defaultSede")).toString().trimmed();
    const QJsonObject columns = json.value(QStringLiteral("columns")).toObject();
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
        const std::optional<ImportField> field = fieldFromKey(it.key());
        if (!field)
            return fail(tr("The mapping names an unknown field “%1”.").arg(it.key()));
        m.m_columns[size_t(*field)] = toStringList(it.value());
    }
    if (m.m_columns.at(size_t(ImportField::Codigo)).isEmpty())
        return fail(tr("The mapping does not say which column holds the código patrimonial."));
    return m;
}

bool ImportMapping::save(const QString &path, QString *error) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<ImportMapping> ImportMapping::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open the mapping %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = tr("The mapping %1 is not valid JSON: %2").arg(path, parse.errorString());
        return std::nullopt;
    }
    QString problem;
    std::optional<ImportMapping> m = fromJson(doc.object(), &problem);
    if (!m) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, problem);
        return std::nullopt;
    }
    if (m->m_name.isEmpty())
        m->m_name = QFileInfo(path).completeBaseName();
    return m;
}

std::optional<ImportMapping> ImportMapping::loadNamed(const QString &nameOrPath, QString *error)
{
    if (nameOrPath.compare(QLatin1String("siga"), Qt::CaseInsensitive) == 0
        || nameOrPath.compare(QLatin1String("siga-mef"), Qt::CaseInsensitive) == 0) {
        return siga();
    }
    return load(nameOrPath, error);
}

QString ImportMapping::savedMappingsFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/import-mappings");
}

QStringList ImportMapping::savedMappingFiles()
{
    QStringList out;
    const QDir dir(savedMappingsFolder());
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        out << dir.filePath(name);
    return out;
}

bool ImportMapping::parseValor(const QString &text, qint64 *centimos) const
{
    *centimos = 0;
    QString t = text.trimmed();
    if (t.isEmpty())
        return true;
    if (m_decimal == Decimal::Auto) {
        bool ok = false;
        *centimos = parseSoles(t, &ok);
        return ok;
    }
    // Explicit separators: drop "S/", spaces and the thousands sign, then digits with at most
    // two decimals after the decimal sign.
    if (t.startsWith(QLatin1String("S/"), Qt::CaseInsensitive))
        t = t.mid(2);
    t.remove(u' ');
    t.remove(QChar::Nbsp);
    const QChar thousands = m_decimal == Decimal::Point ? u',' : u'.';
    const QChar decimal = m_decimal == Decimal::Point ? u'.' : u',';
    t.remove(thousands);
    static const QRegularExpression shape(QStringLiteral("^(\\d{1,13})(?:X(\\d{1,2}))?$"));
    QString pattern = shape.pattern();
    const QRegularExpression exact(
        pattern.replace(u'X', QRegularExpression::escape(QString(decimal))));
    const QRegularExpressionMatch m = exact.match(t);
    if (!m.hasMatch())
        return false;
    *centimos = m.captured(1).toLongLong() * 100 + m.captured(2).leftJustified(2, u'0').toInt();
    return true;
}

bool ImportMapping::parseDate(const QString &text, QDate *date) const
{
    *date = QDate();
    QString t = text.trimmed();
    if (t.isEmpty())
        return true;
    // Excel and SIGA may add a time of day ("14/05/2021 00:00:00"): the date is what counts.
    if (const qsizetype space = t.indexOf(u' '); space > 0)
        t = t.left(space);
    QDate d = QDate::fromString(t, m_dateFormat);
    if (!d.isValid() && m_dateFormat == QLatin1String("dd/MM/yyyy"))
        d = QDate::fromString(t, QStringLiteral("d/M/yyyy"));
    if (!d.isValid() && m_dateFormat == QLatin1String("dd/MM/yyyy"))
        d = QDate::fromString(t, QStringLiteral("d-M-yyyy"));
    if (!d.isValid())
        d = QDate::fromString(t, Qt::ISODate);
    if (!d.isValid() || d.year() < 1900)
        return false;
    *date = d;
    return true;
}

} // namespace tambo::patrimonio
