#include "sync/SyncValueCheck.h"

#include "sync/SyncMessages.h"
#include "sync/SyncProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tambo::core {

namespace {

using Problem = SyncValueCheck::Problem;

// Where a text was found, for the message.
struct Where
{
    QString table;
    QString rowId;
    QString column;
};

bool isForbiddenControl(char16_t c)
{
    return c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r';
}

// Length of the valid UTF-8 sequence at bytes[i], or 0 when it is not one.
qsizetype validSequenceAt(QByteArrayView bytes, qsizetype i)
{
    const auto c = uchar(bytes.at(i));
    if (c < 0x80)
        return 1;
    qsizetype length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
        length = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        length = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        length = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    for (qsizetype k = 1; k < length; ++k) {
        const auto cc = uchar(bytes.at(i + k));
        if ((cc & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return length;
}

QString describe(const Where &w)
{
    return QStringLiteral("«%1» del registro «%2» de «%3»")
        .arg(SyncValueCheck::cleaned(w.column, 64),
             SyncValueCheck::cleaned(w.rowId, 64),
             SyncValueCheck::cleaned(w.table, 64));
}

std::optional<Problem> textProblem(QStringView text, const Where &w)
{
    switch (SyncValueCheck::checkText(text)) {
    case SyncValueCheck::Text::Clean:
        return std::nullopt;
    case SyncValueCheck::Text::ControlChar: {
        char16_t offending = 0;
        for (const QChar c : text) {
            if (isForbiddenControl(c.unicode())) {
                offending = c.unicode();
                break;
            }
        }
        return Problem{QString::fromLatin1(SyncValueCheck::ControlChar),
                       QStringLiteral("El texto de %1 contiene un carácter de control no "
                                      "permitido (U+%2). El cambio no se sincronizó: corrija "
                                      "ese texto y guárdelo de nuevo.")
                           .arg(describe(w),
                                QString::number(uint(offending), 16)
                                    .toUpper()
                                    .rightJustified(4, QLatin1Char('0')))};
    }
    case SyncValueCheck::Text::Invalid:
        return Problem{QString::fromLatin1(SyncValueCheck::InvalidText),
                       QStringLiteral("El texto de %1 no es texto Unicode válido (UTF-8 dañado). "
                                      "El cambio no se sincronizó: corrija ese texto y guárdelo "
                                      "de nuevo.")
                           .arg(describe(w))};
    }
    return std::nullopt;
}

// Every key and string of a JSON value, depth first.
std::optional<Problem> valueProblem(const QJsonValue &value, Where w)
{
    if (value.isString())
        return textProblem(value.toString(), w);
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            if (auto p = valueProblem(item, w))
                return p;
        }
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            // Named by the row's column: the top-level key (nested keys are not columns).
            const Where inner{w.table, w.rowId, w.column.isEmpty() ? it.key() : w.column};
            if (auto p = textProblem(it.key(), inner))
                return p;
            if (auto p = valueProblem(it.value(), inner))
                return p;
        }
    }
    return std::nullopt;
}

Problem tooLarge(const QString &table, const QString &rowId, qint64 bytes)
{
    return Problem{QString::fromLatin1(SyncValueCheck::RowTooLarge),
                   QStringLiteral("El registro «%1» de «%2» ocupa %3 KiB, más que el máximo de "
                                  "%4 KiB por registro. El cambio no se sincronizó: reduzca su "
                                  "contenido y guárdelo de nuevo.")
                       .arg(SyncValueCheck::cleaned(rowId, 64),
                            SyncValueCheck::cleaned(table, 64),
                            QString::number((bytes + 1023) / 1024),
                            QString::number(SyncProtocol::MaxRowBytes / 1024))};
}

QJsonValue sanitizedValue(const QJsonValue &value)
{
    if (value.isString())
        return SyncValueCheck::cleaned(value.toString());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(sanitizedValue(item));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(SyncValueCheck::cleaned(it.key()), sanitizedValue(it.value()));
        return out;
    }
    return value;
}

} // namespace

SyncValueCheck::Text SyncValueCheck::checkText(QStringView text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < 0x20) {
            if (isForbiddenControl(c))
                return Text::ControlChar;
        } else if (QChar::isHighSurrogate(c)) {
            if (i + 1 >= n || !QChar::isLowSurrogate(text.at(i + 1).unicode()))
                return Text::Invalid;
            ++i;
        } else if (QChar::isLowSurrogate(c)) {
            return Text::Invalid;
        }
    }
    return Text::Clean;
}

bool SyncValueCheck::isValidUtf8(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size();) {
        const qsizetype length = validSequenceAt(bytes, i);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

QByteArray SyncValueCheck::markInvalidUtf8(const QByteArray &json)
{
    if (isValidUtf8(json))
        return json;
    QByteArray out;
    out.reserve(json.size() + 64);
    for (qsizetype i = 0; i < json.size();) {
        const qsizetype length = validSequenceAt(json, i);
        if (length > 0) {
            out.append(json.constData() + i, length);
            i += length;
            continue;
        }
        qsizetype backslashes = 0;
        while (backslashes < out.size() && out.at(out.size() - 1 - backslashes) == '\\')
            ++backslashes;
        if (backslashes % 2 == 1)
            return json; // "\<byte>": the replacement would read as plain text
        out.append("\\udfff");
        ++i;
    }
    return out;
}

QString SyncValueCheck::cleaned(QStringView text, qsizetype maxChars)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text.at(i).unicode();
        if (isForbiddenControl(c) || QChar::isLowSurrogate(c)) {
            out += QChar(QChar::ReplacementCharacter);
        } else if (QChar::isHighSurrogate(c)) {
            if (i + 1 < n && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
                out += text.at(i);
                out += text.at(++i);
            } else {
                out += QChar(QChar::ReplacementCharacter);
            }
        } else {
            out += text.at(i);
        }
    }
    if (maxChars >= 0 && out.size() > maxChars)
        out = out.left(maxChars) + QChar(0x2026);
    return out;
}

std::optional<SyncValueCheck::Problem> SyncValueCheck::check(const OutboxEntry &entry)
{
    for (const SyncOp &op : entry.ops) {
        if (auto p = textProblem(op.id, {op.table, op.id, QStringLiteral("id")}))
            return p;
        if (op.kind != SyncOp::Kind::Delete) {
            // The size first: a huge row is refused without walking every character of it.
            const qint64 bytes = QJsonDocument(op.data).toJson(QJsonDocument::Compact).size();
            if (bytes > SyncProtocol::MaxRowBytes)
                return tooLarge(op.table, op.id, bytes);
            if (auto p = valueProblem(op.data, {op.table, op.id, {}}))
                return p;
        }
        for (const QString &column : op.changed) {
            if (auto p = textProblem(column, {op.table, op.id, column}))
                return p;
        }
    }
    for (auto it = entry.baseVersions.begin(); it != entry.baseVersions.end(); ++it) {
        const qsizetype slash = it.key().indexOf(QLatin1Char('/'));
        if (auto p = textProblem(it.key(),
                                 {it.key().left(slash), it.key().mid(slash + 1),
                                  QStringLiteral("base_versions")}))
            return p;
    }
    return std::nullopt;
}

std::optional<SyncValueCheck::Problem> SyncValueCheck::checkStoredRow(QByteArrayView json,
                                                                      const QString &table,
                                                                      const QString &rowId)
{
    // Far over the cap: refused without decoding it at all. Near the cap, check() measures
    // the row exactly as the server will.
    if (json.size() > 4 * SyncProtocol::MaxRowBytes)
        return tooLarge(table, rowId, json.size());
    if (!isValidUtf8(json)) {
        return Problem{QString::fromLatin1(InvalidText),
                       QStringLiteral("El registro «%1» de «%2» tiene texto que no es Unicode "
                                      "válido (UTF-8 dañado) en este equipo. El cambio no se "
                                      "sincronizó: corrija ese texto y guárdelo de nuevo.")
                           .arg(cleaned(rowId, 64), cleaned(table, 64))};
    }
    return std::nullopt;
}

QJsonObject SyncValueCheck::sanitized(const OutboxEntry &entry)
{
    QJsonObject o = entry.toJson();
    QJsonArray ops;
    for (const SyncOp &op : entry.ops) {
        QJsonObject json = op.toJson();
        if (op.kind != SyncOp::Kind::Delete) {
            const qint64 bytes = QJsonDocument(op.data).toJson(QJsonDocument::Compact).size();
            if (bytes > SyncProtocol::MaxRowBytes)
                json.insert(QStringLiteral("data"),
                            QJsonObject{{QStringLiteral("_omitted_bytes"), double(bytes)}});
        }
        ops.append(sanitizedValue(json));
    }
    o.insert(QStringLiteral("ops"), ops);
    return sanitizedValue(o).toObject();
}

} // namespace tambo::core
