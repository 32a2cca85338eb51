#include "ImportCsvReader.h"

#include <QFile>
#include <QIODevice>
#include <QStringDecoder>

namespace tambo::patrimonio {

int ImportTable::columnOf(const QString &header) const
{
    return int(headers.indexOf(header));
}

QString ImportCsvReader::decodeWindows1252(const QByteArray &bytes)
{
    // 0x80–0x9F differ from Latin-1; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned (kept as
    // the C1 control of the same value, as Windows' MultiByteToWideChar does).
    static const char16_t high[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020,
                                      0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
                                      0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D,
                                      0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
                                      0x0153, 0x009D, 0x017E, 0x0178};
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *d = out.data();
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        *d++ = (b >= 0x80 && b < 0xA0) ? QChar(high[b - 0x80]) : QChar(b);
    }
    return out;
}

QString ImportCsvReader::decode(const QByteArray &bytes, QString *encoding)
{
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(view);
    if (!utf8.hasError()) {
        if (encoding)
            *encoding = QStringLiteral("UTF-8");
        return text;
    }
    if (encoding)
        *encoding = QStringLiteral("Windows-1252");
    return decodeWindows1252(bytes);
}

QChar ImportCsvReader::detectSeparator(const QString &text)
{
    int semicolons = 0;
    int commas = 0;
    int tabs = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted) {
            if (c == u'\n' || c == u'\r')
                break;
            if (c == u';')
                ++semicolons;
            else if (c == u',')
                ++commas;
            else if (c == u'\t')
                ++tabs;
        }
    }
    if (semicolons >= commas && semicolons >= tabs)
        return semicolons > 0 || (commas == 0 && tabs == 0) ? QChar(u';') : QChar(u',');
    return commas >= tabs ? QChar(u',') : QChar(u'\t');
}

bool ImportCsvReader::parse(const QByteArray &bytes, ImportTable *out, QString *error)
{
    ImportTable table;
    const QString text = decode(bytes, &table.encoding);
    const QChar sep = detectSeparator(text);
    table.separator = sep;

    QList<QStringList> records;
    QList<int> numbers; // spreadsheet row of each record: blank rows count, as in Excel
    int recordNumber = 0;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false; // something (even "") was read for this field
    int line = 1;
    int recordLine = 1;
    const qsizetype n = text.size();
    auto endRecord = [&] {
        record.append(field);
        field.clear();
        fieldStarted = false;
        ++recordNumber;
        bool blank = true;
        for (const QString &f : std::as_const(record))
            blank = blank && f.trimmed().isEmpty();
        if (!blank) {
            records.append(record);
            numbers.append(recordNumber);
        }
        record.clear();
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\r') {
                    // CRLF inside a field is one line break, kept as \n
                    if (i + 1 < n && text.at(i + 1) == u'\n')
                        ++i;
                    field.append(u'\n');
                    ++line;
                } else {
                    if (c == u'\n')
                        ++line;
                    field.append(c);
                }
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == sep) {
            record.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            endRecord();
            ++line;
            recordLine = line;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted) {
        if (error)
            *error = tr("The file ends inside a quoted field that starts on line %1: a quote (\") "
                        "is missing.")
                         .arg(recordLine);
        return false;
    }
    if (fieldStarted || !field.isEmpty() || !record.isEmpty())
        endRecord();

    if (records.isEmpty()) {
        if (error)
            *error = tr("The file is empty: it needs a header row with the column names.");
        return false;
    }
    table.headers = records.takeFirst();
    numbers.removeFirst();
    for (QString &h : table.headers)
        h = h.simplified();
    table.rows = std::move(records);
    table.rowNumbers = std::move(numbers);
    *out = std::move(table);
    return true;
}

bool ImportCsvReader::read(QIODevice &in, ImportTable *out, QString *error)
{
    if (!in.isOpen() && !in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read the file: %1").arg(in.errorString());
        return false;
    }
    return parse(in.readAll(), out, error);
}

bool ImportCsvReader::readFile(const QString &path, ImportTable *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    return read(file, out, error);
}

} // namespace tambo::patrimonio
