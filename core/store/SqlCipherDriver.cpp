#include "store/SqlCipherDriver.h"

#include "store/SecureWipe.h"
#include "store/SqlCipherResult.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlRecord>

#include <sqlite3.h>

#include <algorithm>
#include <utility>

namespace tambo::core {

namespace {

constexpr int DefaultBusyTimeoutMs = 5000;
constexpr int KeyHexLength = 64; // 32 bytes

bool isHexKey(const QString &text)
{
    if (text.size() != KeyHexLength)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
    });
}

QString fromUtf8(const unsigned char *text)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(text));
}

} // namespace

SqlCipherDriver::SqlCipherDriver(QObject *parent)
    : QSqlDriver(parent)
{}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case SimpleLocking:
    case LowPrecisionNumbers:
    case FinishQuery:
    case CancelQuery:
        return true;
    case QuerySize:         // SQLite cannot count a result before stepping through it
    case NamedPlaceholders: // QSqlResult rewrites :name to ? for us
    case BatchOperations:   // QSqlQuery::execBatch() falls back to one exec() a row
    case EventNotifications:
    case MultipleResultSets:
        return false;
    }
    return false;
}

QSqlError SqlCipherDriver::makeError(sqlite3 *db,
                                     const QString &driverText,
                                     QSqlError::ErrorType type,
                                     int code)
{
    QString databaseText;
    if (db && sqlite3_errcode(db) != SQLITE_OK)
        databaseText = QString::fromUtf8(sqlite3_errmsg(db));
    else if (code != SQLITE_OK)
        databaseText = QString::fromUtf8(sqlite3_errstr(code));
    const int native = db && sqlite3_errcode(db) != SQLITE_OK ? sqlite3_extended_errcode(db) : code;
    return QSqlError(driverText, databaseText, type, QString::number(native));
}

bool SqlCipherDriver::failOpen(const QString &text, int code, sqlite3 *handle)
{
    setLastError(makeError(handle, text, QSqlError::ConnectionError, code));
    if (handle)
        sqlite3_close_v2(handle);
    setOpenError(true);
    return false;
}

bool SqlCipherDriver::open(const QString &databaseName,
                           const QString &user,
                           const QString &password,
                           const QString &host,
                           int port,
                           const QString &options)
{
    Q_UNUSED(user)
    Q_UNUSED(host)
    Q_UNUSED(port)
    if (isOpen())
        close();

    int busyTimeoutMs = DefaultBusyTimeoutMs;
    bool readOnly = false;
    bool mustExist = false;
    bool foreignKeys = false;
    int cacheSizeKib = 0; // 0 = SQLite's default (2 MiB)
    for (const QString &raw : options.split(u';', Qt::SkipEmptyParts)) {
        const QString option = raw.trimmed();
        if (option.isEmpty())
            continue;
        if (option == u"TAMBO_OPEN_READONLY") {
            readOnly = true;
        } else if (option == u"TAMBO_MUST_EXIST") {
            mustExist = true;
        } else if (option == u"TAMBO_FOREIGN_KEYS") {
            foreignKeys = true;
        } else if (option.startsWith(u"TAMBO_CACHE_SIZE_KIB=")) {
            bool ok = false;
            cacheSizeKib = option.sliced(option.indexOf(u'=') + 1).toInt(&ok);
            if (!ok || cacheSizeKib <= 0)
                return failOpen(tr("The cache size “%1” is not a positive number of KiB.")
                                    .arg(option),
                                SQLITE_MISUSE,
                                nullptr);
        } else if (option.startsWith(u"TAMBO_BUSY_TIMEOUT=")) {
            bool ok = false;
            busyTimeoutMs = option.sliced(option.indexOf(u'=') + 1).toInt(&ok);
            if (!ok || busyTimeoutMs < 0)
                return failOpen(tr("The busy timeout “%1” is not a number of milliseconds.")
                                    .arg(option),
                                SQLITE_MISUSE,
                                nullptr);
        } else {
            return failOpen(tr("Unknown connect option “%1” (known: TAMBO_BUSY_TIMEOUT=<ms>, "
                               "TAMBO_CACHE_SIZE_KIB=<KiB>, TAMBO_OPEN_READONLY, TAMBO_MUST_EXIST, "
                               "TAMBO_FOREIGN_KEYS).")
                                .arg(option),
                            SQLITE_MISUSE,
                            nullptr);
        }
    }
    if (databaseName.isEmpty())
        return failOpen(tr("No store file name was given."), SQLITE_MISUSE, nullptr);
    if (!password.isEmpty() && !isHexKey(password))
        return failOpen(tr("The store key must be given as 64 hexadecimal characters (32 bytes)."),
                        SQLITE_MISUSE,
                        nullptr);

    int flags = SQLITE_OPEN_EXRESCODE;
    if (readOnly)
        flags |= SQLITE_OPEN_READONLY;
    else
        flags |= SQLITE_OPEN_READWRITE | (mustExist ? 0 : SQLITE_OPEN_CREATE);

    sqlite3 *handle = nullptr;
    const QByteArray fileName = databaseName.toUtf8();
    int rc = sqlite3_open_v2(fileName.constData(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        if ((rc & 0xff) == SQLITE_CANTOPEN && (mustExist || readOnly)
            && !QFileInfo::exists(databaseName))
            return failOpen(tr("The store file %1 does not exist.").arg(databaseName), rc, handle);
        return failOpen(tr("The store file %1 could not be opened.").arg(databaseName), rc, handle);
    }
    sqlite3_busy_timeout(handle, busyTimeoutMs);

    if (!password.isEmpty()) {
        // SQLCipher's raw key form: x'<64 hex digits>', 67 bytes, used as the key itself (no KDF).
        QByteArray rawKey;
        rawKey.reserve(KeyHexLength + 3);
        rawKey.append("x'").append(password.toLatin1()).append('\'');
        rc = sqlite3_key_v2(handle, "main", rawKey.constData(), int(rawKey.size()));
        secureWipe(rawKey);
        if (rc != SQLITE_OK)
            return failOpen(tr("The key could not be applied to the store %1.").arg(databaseName),
                            rc,
                            handle);
    }

    // The first read decrypts page 1: a wrong key, a plain SQLite file opened with a key, an
    // encrypted file opened without one, or a file that is no database all fail here, before
    // anything is written.
    rc = sqlite3_exec(handle, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        if ((rc & 0xff) == SQLITE_NOTADB)
            return failOpen(tr("The store could not be opened: the key is wrong or the file is not "
                               "a Tambo store (%1).")
                                .arg(databaseName),
                            rc,
                            handle);
        return failOpen(tr("The store %1 could not be read.").arg(databaseName), rc, handle);
    }
    if (cacheSizeKib > 0) {
        // A negative cache_size is in KiB. The number was parsed above: no text is substituted.
        const QByteArray pragma = "PRAGMA cache_size=-" + QByteArray::number(cacheSizeKib);
        rc = sqlite3_exec(handle, pragma.constData(), nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return failOpen(tr("The page cache of the store %1 could not be set.").arg(databaseName),
                            rc,
                            handle);
    }
    if (foreignKeys) {
        rc = sqlite3_exec(handle, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return failOpen(tr("Foreign keys could not be switched on in the store %1.")
                                .arg(databaseName),
                            rc,
                            handle);
    }

    m_db = handle;
    m_readOnly = readOnly;
    m_encrypted = !password.isEmpty();
    setOpen(true);
    setOpenError(false);
    setLastError(QSqlError());
    return true;
}

void SqlCipherDriver::close()
{
    if (m_db) {
        // QSqlQuery objects may outlive the connection: their statements are finalised now and
        // they report "not open" afterwards.
        const QList<SqlCipherResult *> results = std::exchange(m_results, {});
        for (SqlCipherResult *result : results)
            result->finalizeStatement();
        // The last connection to a WAL database checkpoints and removes the -wal file here.
        if (sqlite3_close(m_db) != SQLITE_OK)
            sqlite3_close_v2(m_db); // something else still holds the handle: close when it is done
        m_db = nullptr;
    }
    m_encrypted = false;
    m_readOnly = false;
    setOpen(false);
    setOpenError(false);
}

QSqlResult *SqlCipherDriver::createResult() const
{
    return new SqlCipherResult(this);
}

void SqlCipherDriver::registerResult(SqlCipherResult *result) const
{
    m_results.append(result);
}

void SqlCipherDriver::unregisterResult(SqlCipherResult *result) const
{
    m_results.removeOne(result);
}

bool SqlCipherDriver::execTransactionStatement(const char *sql, const QString &what)
{
    if (!isOpen()) {
        setLastError(QSqlError(what + u' ' + tr("The store connection is not open."),
                               QString(),
                               QSqlError::ConnectionError));
        return false;
    }
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        setLastError(makeError(m_db, what, QSqlError::TransactionError, rc));
        return false;
    }
    return true;
}

bool SqlCipherDriver::beginTransaction()
{
    return execTransactionStatement(m_readOnly ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE",
                                    tr("The transaction could not be started."));
}

bool SqlCipherDriver::commitTransaction()
{
    return execTransactionStatement("COMMIT", tr("The transaction could not be committed."));
}

bool SqlCipherDriver::rollbackTransaction()
{
    return execTransactionStatement("ROLLBACK", tr("The transaction could not be rolled back."));
}

template<typename OnRow>
bool SqlCipherDriver::forEachRow(const char *sql, const QString &parameter, OnRow onRow) const
{
    if (!m_db)
        return false;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return false;
    if (!parameter.isNull()) {
        const QByteArray text = parameter.toUtf8();
        sqlite3_bind_text(stmt, 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
    }
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        onRow(stmt);
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE;
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList result;
    // PRAGMA table_list (SQLite >= 3.37) tells tables, views, virtual tables (FTS5) and their
    // shadow tables apart; only the main schema is listed.
    forEachRow("SELECT name, type FROM pragma_table_list WHERE schema = 'main' ORDER BY name",
               QString(),
               [&](sqlite3_stmt *stmt) {
                   const QString name = fromUtf8(sqlite3_column_text(stmt, 0));
                   const QString kind = fromUtf8(sqlite3_column_text(stmt, 1));
                   const bool system = name.startsWith(u"sqlite_", Qt::CaseInsensitive)
                                       || kind == u"shadow";
                   bool wanted = false;
                   if (system)
                       wanted = type & QSql::SystemTables;
                   else if (kind == u"view")
                       wanted = type & QSql::Views;
                   else if (kind == u"table" || kind == u"virtual")
                       wanted = type & QSql::Tables;
                   if (wanted)
                       result.append(name);
               });
    return result;
}

QMetaType SqlCipherDriver::metaTypeForDeclaredType(const QString &declaredType)
{
    const QString t = declaredType.trimmed().toUpper();
    if (t.isEmpty())
        return QMetaType();
    // SQLite's column affinity rules (https://sqlite.org/datatype3.html), BOOL added for Qt.
    if (t.contains(u"INT"))
        return QMetaType::fromType<qlonglong>();
    if (t.contains(u"CHAR") || t.contains(u"CLOB") || t.contains(u"TEXT"))
        return QMetaType::fromType<QString>();
    if (t.contains(u"BLOB"))
        return QMetaType::fromType<QByteArray>();
    if (t.contains(u"REAL") || t.contains(u"FLOA") || t.contains(u"DOUB"))
        return QMetaType::fromType<double>();
    if (t.startsWith(u"BOOL"))
        return QMetaType::fromType<bool>();
    return QMetaType::fromType<QString>(); // NUMERIC, DATE, DATETIME...: stored as given
}

QSqlRecord SqlCipherDriver::record(const QString &tableName) const
{
    QSqlRecord result;
    if (!isOpen() || tableName.isEmpty())
        return result;
    QString table = tableName;
    if (isIdentifierEscaped(table, TableName))
        table = stripDelimiters(table, TableName)
                    .replace(QStringLiteral("\"\""), QStringLiteral("\""));

    struct Column
    {
        QSqlField field;
        QString declared;
        int pk;
    };
    QList<Column> columns;
    int primaryKeyColumns = 0;
    forEachRow("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1)",
               table,
               [&](sqlite3_stmt *stmt) {
                   const QString name = fromUtf8(sqlite3_column_text(stmt, 0));
                   const QString declared = fromUtf8(sqlite3_column_text(stmt, 1));
                   QSqlField field(name, metaTypeForDeclaredType(declared), table);
                   field.setRequired(sqlite3_column_int(stmt, 2) != 0);
                   if (sqlite3_column_type(stmt, 3) != SQLITE_NULL)
                       field.setDefaultValue(fromUtf8(sqlite3_column_text(stmt, 3)));
                   const int pk = sqlite3_column_int(stmt, 4);
                   if (pk > 0)
                       ++primaryKeyColumns;
                   columns.append({field, declared, pk});
               });
    for (Column &column : columns) {
        // A lone INTEGER PRIMARY KEY is an alias of the rowid: SQLite fills it in.
        if (column.pk > 0 && primaryKeyColumns == 1
            && column.declared.trimmed().compare(u"INTEGER", Qt::CaseInsensitive) == 0)
            column.field.setAutoValue(true);
        result.append(column.field);
    }
    return result;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString &tableName) const
{
    QString table = tableName;
    if (isIdentifierEscaped(table, TableName))
        table = stripDelimiters(table, TableName)
                    .replace(QStringLiteral("\"\""), QStringLiteral("\""));
    QSqlIndex index(table);
    if (!isOpen() || table.isEmpty())
        return index;
    QList<std::pair<int, QSqlField>> keyFields;
    forEachRow("SELECT name, type, pk FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk",
               table,
               [&](sqlite3_stmt *stmt) {
                   QSqlField field(fromUtf8(sqlite3_column_text(stmt, 0)),
                                   metaTypeForDeclaredType(fromUtf8(sqlite3_column_text(stmt, 1))),
                                   table);
                   keyFields.append({sqlite3_column_int(stmt, 2), field});
               });
    for (const auto &[position, field] : std::as_const(keyFields)) {
        Q_UNUSED(position)
        index.append(field);
    }
    return index;
}

QString SqlCipherDriver::formatValue(const QSqlField &field, bool trimStrings) const
{
    if (field.isNull())
        return QStringLiteral("NULL");
    const QVariant value = field.value();
    switch (field.metaType().id()) {
    case QMetaType::QByteArray:
        return QStringLiteral("X'") + QString::fromLatin1(value.toByteArray().toHex()) + u'\'';
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::QDateTime:
        return u'\'' + value.toDateTime().toString(Qt::ISODateWithMs) + u'\'';
    case QMetaType::QTime:
        return u'\'' + value.toTime().toString(Qt::ISODateWithMs) + u'\'';
    default:
        return QSqlDriver::formatValue(field, trimStrings);
    }
}

QString SqlCipherDriver::escapeIdentifier(const QString &identifier, IdentifierType type) const
{
    if (identifier.isEmpty() || isIdentifierEscaped(identifier, type))
        return identifier;
    // Standard SQL quoting; a dot is part of the name (no schema splitting).
    QString escaped = identifier;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

bool SqlCipherDriver::cancelQuery()
{
    if (m_db)
        sqlite3_interrupt(m_db);
    return true;
}

} // namespace tambo::core
