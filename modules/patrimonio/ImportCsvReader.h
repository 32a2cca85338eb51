#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace tambo::patrimonio {

// A spreadsheet read from a CSV file: the header and the data rows, each with the row number
// the user sees in Excel (the header is row 1; a quoted field with line breaks is still one row).
struct ImportTable
{
    QStringList headers;
    QList<QStringList> rows;
    QList<int> rowNumbers; // rowNumbers[i] is the spreadsheet row of rows[i]
    QString encoding;      // "UTF-8" or "Windows-1252"
    QChar separator;       // ';', ',' or '\t'

    int columnOf(const QString &header) const; // exact header text, -1 when absent
};

// Reads CSV files as Excel on Windows writes them ("CSV (delimitado por comas)" and "CSV UTF-8"):
//  - encoding: UTF-8 with or without a byte order mark; a file that is not valid UTF-8 is read as
//    Windows-1252 (the ANSI code page of Spanish Windows: á é í ó ú ñ ü, and € “ ” – in 0x80–0x9F);
//  - separator: the one of ';' (Excel with Spanish regional settings), ',' and tab that occurs
//    most often outside quotes in the header line; ';' wins a tie;
//  - fields in double quotes may hold separators, line breaks and "" for a quote (RFC 4180);
//  - line ends CRLF, LF or CR; blank lines are skipped; trailing empty cells are kept as empty.
class ImportCsvReader
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::ImportCsvReader)

public:
    // False and *error (translated) when the file cannot be read or has no header.
    static bool read(QIODevice &in, ImportTable *out, QString *error = nullptr);
    static bool readFile(const QString &path, ImportTable *out, QString *error = nullptr);
    static bool parse(const QByteArray &bytes, ImportTable *out, QString *error = nullptr);

    // Exposed for tests.
    static QString decode(const QByteArray &bytes, QString *encoding = nullptr);
    static QString decodeWindows1252(const QByteArray &bytes);
    static QChar detectSeparator(const QString &text);
};

} // namespace tambo::patrimonio
