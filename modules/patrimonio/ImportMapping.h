#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace tambo::patrimonio {

// The register fields an import can fill (Asset's fields without id and dates of the store).
enum class ImportField {
    Codigo,
    Denominacion,
    Marca,
    Modelo,
    Serie,
    Color,
    Caracteristicas,
    Estado,
    Situacion,
    Sede,
    Area,
    Ambiente,
    Responsable,
    FechaAdquisicion,
    Valor,
    CuentaContable,
    Observaciones,
};
inline constexpr int ImportFieldCount = int(ImportField::Observaciones) + 1;

// Which column of a spreadsheet fills which register field, and how numbers and dates are
// written. Each field lists the column headers it accepts (compared without case, accents,
// spaces, dots, hyphens or underscores: "Cód. Patrimonial" = "CODIGO_PATRIMONIAL"); the first
// header present in the file is used.
//
// Saved as JSON (one file a mapping, `*.json` in savedMappingsFolder(), or any path given to
// `tambo-admin patrimonio import --mapping`):
//   {"format": "tambo-import-mapping/1", "name": "…", "decimal": "auto"|"point"|"comma",
//    "dateFormat": "dd/MM/yyyy", "defaultSede": "palacio",
//    "columns": {"codigo": ["CODIGO_PATRIMONIAL"], "denominacion": "DENOMINACION", …}}
// Mappings are files, not store rows: they describe files, are shared between PCs and scripts
// by copying, and hold nothing the sync should carry.
class ImportMapping
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::ImportMapping)

public:
    // How numbers (valor) are written.
    //  Auto: the last '.' or ',' followed by one or two digits is the decimal separator and any
    //        other groups thousands ("1,234.50", "1.234,50", "1234.5", "1234,50"); a lone
    //        separator followed by three digits groups thousands ("1.234" = 1234).
    //  Point: ',' groups thousands, '.' is decimal ("1,234.50").
    //  Comma: '.' groups thousands, ',' is decimal ("1.234,50").
    // "S/" and spaces are ignored; negative values and letters are bad numbers.
    enum class Decimal { Auto, Point, Comma };

    static QList<ImportField> allFields();
    static QString fieldKey(ImportField field); // "codigo", as in Asset::toJson()
    static std::optional<ImportField> fieldFromKey(const QString &key);
    static QString fieldTitle(ImportField field); // translated
    // Código and denominación must be mapped and filled; the sede too, unless defaultSede is set.
    static bool isRequired(ImportField field);

    // Upper case, without accents and without anything but letters and digits.
    static QString normalizedHeader(const QString &header);

    // The built-in mapping for exports of SIGA-MEF Patrimonio ("Consulta de bienes patrimoniales"
    // saved as CSV from Excel), with the usual spellings of its column headers.
    static ImportMapping siga();
    // A mapping guessed from a file's headers: the SIGA spellings and the Spanish field names.
    static ImportMapping guess(const QStringList &headers);

    QString name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }
    QStringList headersFor(ImportField field) const { return m_columns.at(size_t(field)); }
    void setHeaders(ImportField field, const QStringList &headers);
    void setHeader(ImportField field, const QString &header); // empty = not mapped
    Decimal decimal() const { return m_decimal; }
    void setDecimal(Decimal decimal) { m_decimal = decimal; }
    QString dateFormat() const { return m_dateFormat; }
    void setDateFormat(const QString &format) { m_dateFormat = format; }
    QString defaultSede() const { return m_defaultSede; }
    void setDefaultSede(const QString &sede) { m_defaultSede = sede; }

    // For each field, the column of headers it reads, or -1.
    std::array<int, ImportFieldCount> resolve(const QStringList &headers) const;

    QJsonObject toJson() const;
    static std::optional<ImportMapping> fromJson(const QJsonObject &json, QString *error = nullptr);
    bool save(const QString &path, QString *error = nullptr) const;
    static std::optional<ImportMapping> load(const QString &path, QString *error = nullptr);
    // "siga" (any case) is the built-in mapping; anything else is a JSON file's path.
    static std::optional<ImportMapping> loadNamed(const QString &nameOrPath,
                                                  QString *error = nullptr);

    // <AppDataLocation>/import-mappings; the import dialog lists its *.json files.
    static QString savedMappingsFolder();
    static QStringList savedMappingFiles();

    // Parsing with this mapping's rules; false when the text is not a number / date. Empty text
    // gives 0 / a null date and true.
    bool parseValor(const QString &text, qint64 *centimos) const;
    bool parseDate(const QString &text, QDate *date) const;

private:
    QString m_name;
    std::array<QStringList, ImportFieldCount> m_columns;
    Decimal m_decimal = Decimal::Auto;
    QString m_dateFormat = QStringLiteral("dd/MM/yyyy");
    QString m_defaultSede;
};

} // namespace tambo::patrimonio
