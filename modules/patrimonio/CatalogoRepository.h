#pragma once

#include "audit/DatabaseProvider.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace tambo::core {
class AuditLog;
class Clock;
struct Session;
} // namespace tambo::core

namespace tambo::patrimonio {

// The SBN catálogo the register uses (patrimonio_catalogo): 8-digit code → denominación.
// Reading needs patrimonio.view; importing needs patrimonio.catalogo.
class CatalogoRepository
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::CatalogoRepository)

public:
    struct Entry
    {
        QString code;
        QString denominacion;
    };

    // One rejected line of an import.
    struct RowError
    {
        int line = 0;   // 1-based line of the file
        QString text;   // the line as read
        QString reason; // translated
    };

    struct ImportReport
    {
        int added = 0;
        int updated = 0; // denominación changed
        int unchanged = 0;
        QList<RowError> errors;
        QString error; // translated; set when nothing was imported (I/O, permission, store)
        bool ok() const { return error.isEmpty(); }
    };

    CatalogoRepository(core::DatabaseProvider db, const core::Clock &clock, core::AuditLog &audit);

    std::optional<Entry> find(const QString &code) const;
    QList<Entry> list(const core::Session &session, QString *error = nullptr) const;
    int count() const;

    // Imports "code;denominacion" lines (UTF-8; a BOM, a header line "code;denominacion" or
    // "codigo;denominacion", blank lines and lines starting with '#' are skipped; ',' and tab
    // are accepted as separators when the line has no ';'; a field may be "quoted"). Good rows
    // are written in one transaction, each audited; bad rows are listed with their reason (bad
    // code, empty denominación, repeated code in the file) and skipped. With dryRun nothing is
    // written and the report says what would happen.
    ImportReport importCsv(const core::Session &session, QIODevice &in, bool dryRun = false);

    // The same rules without a file, for demo data and tests; actor is the audit actor.
    ImportReport importEntries(const QString &actor, const QList<Entry> &entries);

private:
    ImportReport write(const QString &actor, const QList<Entry> &entries, bool dryRun);

    core::DatabaseProvider m_db;
    const core::Clock &m_clock;
    core::AuditLog &m_audit;
};

} // namespace tambo::patrimonio
