#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace tambo::core {

struct OutboxEntry;

// What sync refuses to carry in an entry (docs/sync-protocol.md §7.6), checked the same way on
// the desktop before an entry goes up (LocalSyncStore::pendingEntries) and on tambo-server
// before anything of an entry reaches PostgreSQL (SyncStore::push):
// - text_control_char: text (a value, a column name, a row id) with a C0 control character
//   other than tab, line feed and carriage return. PostgreSQL cannot store U+0000 in jsonb or
//   text at all ("unsupported Unicode escape sequence"): such an entry made the server answer
//   503 for ever.
// - text_invalid: text that is not valid Unicode: invalid UTF-8 bytes, or a lone UTF-16
//   surrogate (a JSON "\ud800" escape).
// - row_too_large: a row's data larger than SyncProtocol::MaxRowBytes as compact JSON.
// Each problem has that stable reason code and a Spanish message naming the table, the row
// and the column, for the user (the desktop shows it as it shows a server rejection) and OTIC.
class SyncValueCheck
{
public:
    static constexpr const char *ControlChar = "text_control_char";
    static constexpr const char *InvalidText = "text_invalid";
    static constexpr const char *RowTooLarge = "row_too_large";

    struct Problem
    {
        QString reason;
        QString message;
    };

    // The first problem of an entry's ops (row ids, column names, values at any depth, the
    // changed columns, the row sizes) and of its base_versions keys; nullopt when it is clean.
    static std::optional<Problem> check(const OutboxEntry &entry);

    // A row's JSON as stored (the bytes, before anything decodes them: decoding would turn
    // invalid UTF-8 into U+FFFD and change the data silently).
    static std::optional<Problem> checkStoredRow(QByteArrayView json,
                                                 const QString &table,
                                                 const QString &rowId);

    enum class Text { Clean, ControlChar, Invalid };
    static Text checkText(QStringView text);
    // RFC 3629 UTF-8: no overlong forms, no surrogates (CESU-8), nothing above U+10FFFF.
    static bool isValidUtf8(QByteArrayView bytes);

    // JSON bytes with each invalid UTF-8 byte replaced by the escape "\udfff" (a lone
    // surrogate), so a JSON parser that refuses invalid UTF-8 (Qt's does, for the whole
    // document) reads the document, and the entry whose text held the bytes is refused as
    // text_invalid instead of the whole request. Bytes after an escaping backslash, where the
    // replacement would be read as plain text, are left alone (the JSON is malformed anyway).
    // Valid input comes back unchanged.
    static QByteArray markInvalidUtf8(const QByteArray &json);

    // The entry as JSON with every offending character replaced by U+FFFD and the data of a
    // row over the cap replaced by {"_omitted_bytes": n}: what the server stores of a refused
    // entry (PostgreSQL could not store the original).
    static QJsonObject sanitized(const OutboxEntry &entry);
    // Text with every offending character replaced by U+FFFD, cut to maxChars (for messages).
    static QString cleaned(QStringView text, qsizetype maxChars = -1);
};

} // namespace tambo::core
