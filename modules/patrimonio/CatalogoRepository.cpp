#include "CatalogoRepository.h"

#include "CodigoPatrimonial.h"
#include "PatrimonioPermissions.h"

#include "audit/AuditLog.h"
#include "auth/Session.h"
#include "migrations/Transaction.h"
#include "util/Clock.h"

#include <QHash>
#include <QIODevice>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringDecoder>

namespace tambo::patrimonio {

namespace {

// Splits one CSV line on sep, honouring "quoted" fields with "" as an escaped quote.
QStringList splitCsv(const QString &line, QChar sep)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < line.size() && line.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == sep) {
            fields.append(field);
            field.clear();
        } else {
            field.append(c);
        }
    }
    fields.append(field);
    return fields;
}

QChar separatorOf(const QString &line)
{
    if (line.contains(u';'))
        return u';';
    if (line.contains(u'\t'))
        return u'\t';
    return u',';
}

} // namespace

CatalogoRepository::CatalogoRepository(core::DatabaseProvider db,
                                       const core::Clock &clock,
                                       core::AuditLog &audit)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_audit(audit)
{}

std::optional<CatalogoRepository::Entry> CatalogoRepository::find(const QString &code) const
{
    QSqlQuery query(m_db());
    query.prepare(
        QStringLiteral("SELECT code, denominacion FROM patrimonio_catalogo WHERE code = ?"));
    query.addBindValue(code.trimmed());
    if (!query.exec() || !query.next())
        return std::nullopt;
    return Entry{query.value(0).toString(), query.value(1).toString()};
}

QList<CatalogoRepository::Entry> CatalogoRepository::list(const core::Session &session,
                                                          QString *error) const
{
    if (!session.can(QString::fromLatin1(Permissions::View))) {
        if (error)
            *error = tr("You may not see the catálogo (permission %1).")
                         .arg(QString::fromLatin1(Permissions::View));
        return {};
    }
    QList<Entry> result;
    QSqlQuery query(m_db());
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT code, denominacion FROM patrimonio_catalogo ORDER BY code"))) {
        if (error)
            *error = tr("Cannot read the catálogo: %1").arg(query.lastError().text());
        return {};
    }
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toString()});
    return result;
}

int CatalogoRepository::count() const
{
    QSqlQuery query(m_db());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM patrimonio_catalogo")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

CatalogoRepository::ImportReport CatalogoRepository::importCsv(const core::Session &session,
                                                               QIODevice &in,
                                                               bool dryRun)
{
    ImportReport report;
    if (!session.can(QString::fromLatin1(Permissions::Catalogo))) {
        report.error = tr("You may not import the catálogo (permission %1).")
                           .arg(QString::fromLatin1(Permissions::Catalogo));
        return report;
    }
    if (!in.isOpen() && !in.open(QIODevice::ReadOnly)) {
        report.error = tr("Cannot read the file: %1").arg(in.errorString());
        return report;
    }
    const QByteArray bytes = in.readAll();
    // Excel on Windows saves "CSV" in the ANSI code page; for Spanish text Windows-1252 and
    // Latin-1 agree on every letter (á é í ó ú ñ ü), so invalid UTF-8 is read as Latin-1.
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(bytes);
    if (utf8.hasError())
        text = QString::fromLatin1(bytes);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);

    QList<Entry> entries;
    QHash<QString, int> firstLine; // code → line where it first appeared
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const int lineNo = i + 1;
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        const QChar sep = separatorOf(line);
        QStringList fields = splitCsv(line, sep);
        if (fields.size() > 2) // an unquoted separator inside the denominación
            fields = QStringList{fields.first(), fields.mid(1).join(sep)};
        const QString code = fields.value(0).trimmed();
        const QString name = fields.value(1).simplified();
        if (entries.isEmpty() && report.errors.isEmpty()
            && (code.compare(QLatin1String("code"), Qt::CaseInsensitive) == 0
                || code.compare(QLatin1String("codigo"), Qt::CaseInsensitive) == 0
                || code.compare(QStringLiteral("código"), Qt::CaseInsensitive) == 0)) {
            continue; // header
        }
        auto reject = [&](const QString &reason) { report.errors.append({lineNo, line, reason}); };
        if (fields.size() < 2) {
            reject(tr("There is no separator: write the code, a semicolon and the denominación."));
            continue;
        }
        if (!CodigoPatrimonial::isAsciiDigits(code)) {
            reject(tr("The catálogo code “%1” may only contain digits.").arg(code));
            continue;
        }
        if (code.size() != CodigoPatrimonial::CatalogoLength) {
            reject(tr("The catálogo code “%1” has %n digit(s); it must have 8 (a spreadsheet may "
                      "have dropped leading zeros: format the column as text).",
                      nullptr,
                      int(code.size()))
                       .arg(code));
            continue;
        }
        if (!CodigoPatrimonial::isValidCatalogo(code)) {
            reject(tr("The catálogo code 00000000 does not exist."));
            continue;
        }
        if (name.isEmpty()) {
            reject(tr("The denominación of %1 is empty.").arg(code));
            continue;
        }
        if (const auto it = firstLine.constFind(code); it != firstLine.constEnd()) {
            reject(tr("The code %1 is repeated (first on line %2).").arg(code).arg(it.value()));
            continue;
        }
        firstLine.insert(code, lineNo);
        entries.append({code, name});
    }

    ImportReport written = write(session.username, entries, dryRun);
    written.errors = report.errors;
    return written;
}

CatalogoRepository::ImportReport CatalogoRepository::importEntries(const QString &actor,
                                                                   const QList<Entry> &entries)
{
    ImportReport report;
    QList<Entry> good;
    QSet<QString> seen;
    for (int i = 0; i < entries.size(); ++i) {
        const Entry &e = entries.at(i);
        if (!CodigoPatrimonial::isValidCatalogo(e.code) || e.denominacion.trimmed().isEmpty()
            || seen.contains(e.code)) {
            report.errors.append({i + 1,
                                  e.code + u';' + e.denominacion,
                                  tr("Not a valid catálogo entry, or repeated.")});
            continue;
        }
        seen.insert(e.code);
        good.append({e.code, e.denominacion.simplified()});
    }
    ImportReport written = write(actor, good, false);
    written.errors = report.errors;
    return written;
}

CatalogoRepository::ImportReport CatalogoRepository::write(const QString &actor,
                                                           const QList<Entry> &entries,
                                                           bool dryRun)
{
    ImportReport report;
    QSqlDatabase db = m_db();
    QHash<QString, QString> existing;
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT code, denominacion FROM patrimonio_catalogo"))) {
            report.error = tr("Cannot read the catálogo: %1").arg(query.lastError().text());
            return report;
        }
        while (query.next())
            existing.insert(query.value(0).toString(), query.value(1).toString());
    }

    QList<Entry> toAdd;
    QList<Entry> toUpdate;
    for (const Entry &e : entries) {
        const auto it = existing.constFind(e.code);
        if (it == existing.constEnd())
            toAdd.append(e);
        else if (it.value() != e.denominacion)
            toUpdate.append(e);
        else
            ++report.unchanged;
    }
    if (dryRun || (toAdd.isEmpty() && toUpdate.isEmpty())) {
        report.added = int(toAdd.size());
        report.updated = int(toUpdate.size());
        return report;
    }

    core::Transaction tx(db);
    if (!tx.isActive()) {
        report.error = tx.error();
        return report;
    }
    const QString now = m_clock.now().toUTC().toString(Qt::ISODateWithMs);
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO patrimonio_catalogo (code, denominacion, updated_at) VALUES (?, ?, ?)"));
    QString problem;
    for (const Entry &e : std::as_const(toAdd)) {
        insert.addBindValue(e.code);
        insert.addBindValue(e.denominacion);
        insert.addBindValue(now);
        if (!insert.exec()) {
            report.error = tr("Cannot add %1 to the catálogo: %2")
                               .arg(e.code, insert.lastError().text());
            return report;
        }
        if (!m_audit.append({actor,
                             QStringLiteral("patrimonio.catalogo"),
                             e.code,
                             QStringLiteral("create"),
                             {},
                             {{QStringLiteral("denominacion"), e.denominacion}}},
                            &problem)) {
            report.error = problem;
            return report;
        }
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE patrimonio_catalogo SET denominacion = ?, updated_at = ? WHERE code = ?"));
    for (const Entry &e : std::as_const(toUpdate)) {
        update.addBindValue(e.denominacion);
        update.addBindValue(now);
        update.addBindValue(e.code);
        if (!update.exec()) {
            report.error = tr("Cannot update %1 in the catálogo: %2")
                               .arg(e.code, update.lastError().text());
            return report;
        }
        if (!m_audit.append({actor,
                             QStringLiteral("patrimonio.catalogo"),
                             e.code,
                             QStringLiteral("update"),
                             {{QStringLiteral("denominacion"), existing.value(e.code)}},
                             {{QStringLiteral("denominacion"), e.denominacion}}},
                            &problem)) {
            report.error = problem;
            return report;
        }
    }
    if (!tx.commit()) {
        report.error = tx.error();
        return report;
    }
    report.added = int(toAdd.size());
    report.updated = int(toUpdate.size());
    return report;
}

} // namespace tambo::patrimonio
