#include "store/SqlCipherResult.h"

#include "store/SqlCipherDriver.h"

#include <QDate>
#include <QDateTime>
#include <QSqlField>
#include <QTime>
#include <QUuid>

#include <sqlite3.h>

#include <limits>

namespace tambo::core {

namespace {

// Before each statement the connection's last insert rowid is set to this value: if it is still
// there afterwards, the statement inserted no row.
constexpr sqlite3_int64 NoRowid = std::numeric_limits<sqlite3_int64>::min();

// Qt's convention (as in QSqlResultPrivate::isVariantNull): a null QVariant, or a QVariant holding
// a null QString, QByteArray, date, time or UUID, is SQL NULL.
bool isSqlNull(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString().isNull();
    case QMetaType::QByteArray:
        return value.toByteArray().isNull();
    case QMetaType::QDateTime:
        return value.toDateTime().isNull();
    case QMetaType::QDate:
        return value.toDate().isNull();
    case QMetaType::QTime:
        return value.toTime().isNull();
    case QMetaType::QUuid:
        return value.toUuid().isNull();
    default:
        return false;
    }
}

int bindText(sqlite3_stmt *stmt, int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return sqlite3_bind_text(stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

} // namespace

SqlCipherResult::SqlCipherResult(const SqlCipherDriver *driver)
    : QSqlResult(driver)
{
    driver->registerResult(this);
}

SqlCipherResult::~SqlCipherResult()
{
    finalizeStatement();
    // driver() is a guarded pointer: null when the driver is already gone.
    if (const auto *drv = static_cast<const SqlCipherDriver *>(driver()))
        drv->unregisterResult(this);
}

sqlite3 *SqlCipherResult::connection() const
{
    const auto *drv = static_cast<const SqlCipherDriver *>(driver());
    return drv ? drv->m_db : nullptr;
}

bool SqlCipherResult::fail(const QString &text, QSqlError::ErrorType type, int code)
{
    setLastError(SqlCipherDriver::makeError(connection(), text, type, code));
    return false;
}

void SqlCipherResult::clearRows()
{
    m_rows.clear();
    m_stepped = 0;
    m_done = true;
}

void SqlCipherResult::finalizeStatement()
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    clearRows();
    m_columnCount = 0;
    m_columnTypes.clear();
    m_record.clear();
    setActive(false);
}

bool SqlCipherResult::prepareStatement(const QString &query, bool persistent)
{
    finalizeStatement();
    setActive(false);
    setSelect(false);
    setAt(QSql::BeforeFirstRow);
    m_rowsAffected = -1;
    m_lastInsertId.clear();

    sqlite3 *db = connection();
    if (!db)
        return fail(tr("The store connection is not open."),
                    QSqlError::ConnectionError,
                    SQLITE_MISUSE);

    const QByteArray sql = query.toUtf8();
    const char *tail = nullptr;
    // nByte includes the terminating NUL that QByteArray guarantees (a small gain, says SQLite).
    int rc = sqlite3_prepare_v3(db,
                                sql.constData(),
                                int(sql.size()) + 1,
                                persistent ? SQLITE_PREPARE_PERSISTENT : 0,
                                &m_stmt,
                                &tail);
    if (rc != SQLITE_OK) {
        fail(tr("The statement could not be prepared."), QSqlError::StatementError, rc);
        finalizeStatement();
        return false;
    }
    if (!m_stmt)
        return fail(tr("The query holds no SQL statement."),
                    QSqlError::StatementError,
                    SQLITE_MISUSE);

    // One statement per query: a second statement in the text is an error rather than being
    // silently ignored. Whitespace and comments after the statement prepare to nothing.
    const char *end = sql.constData() + sql.size();
    if (tail && tail < end) {
        sqlite3_stmt *extra = nullptr;
        rc = sqlite3_prepare_v2(db, tail, int(end - tail), &extra, nullptr);
        const bool more = rc != SQLITE_OK || extra != nullptr;
        sqlite3_finalize(extra);
        if (more) {
            finalizeStatement();
            setLastError(
                QSqlError(tr("The query holds more than one SQL statement; run them one at "
                             "a time."),
                          QString(),
                          QSqlError::StatementError,
                          QString::number(SQLITE_MISUSE)));
            return false;
        }
    }

    m_readsLastInsertRowid = query.contains(u"last_insert_rowid", Qt::CaseInsensitive);
    m_columnCount = sqlite3_column_count(m_stmt);
    m_columnTypes.reserve(m_columnCount);
    for (int c = 0; c < m_columnCount; ++c) {
        const char *declared = sqlite3_column_decltype(m_stmt, c);
        m_columnTypes.append(
            declared ? SqlCipherDriver::metaTypeForDeclaredType(QString::fromUtf8(declared))
                     : QMetaType());
    }
    setSelect(m_columnCount > 0);
    return true;
}

bool SqlCipherResult::prepare(const QString &query)
{
    // QSqlResult::savePrepare() has already turned :name placeholders into ? (the driver does not
    // claim NamedPlaceholders) and remembers which name sits at which position.
    return prepareStatement(query, true);
}

bool SqlCipherResult::reset(const QString &query)
{
    if (!prepareStatement(query, false))
        return false;
    if (sqlite3_bind_parameter_count(m_stmt) > 0) {
        const int count = sqlite3_bind_parameter_count(m_stmt);
        finalizeStatement();
        setLastError(QSqlError(tr("The query has %n placeholder(s) but no bound values; use "
                                  "prepare() and bindValue().",
                                  nullptr,
                                  count),
                               QString(),
                               QSqlError::StatementError,
                               QString::number(SQLITE_RANGE)));
        return false;
    }
    return run();
}

bool SqlCipherResult::exec()
{
    if (!m_stmt)
        return fail(tr("No statement has been prepared."), QSqlError::StatementError, SQLITE_MISUSE);
    if (!connection())
        return fail(tr("The store connection is not open."),
                    QSqlError::ConnectionError,
                    SQLITE_MISUSE);
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    clearRows();
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    if (!bindValues())
        return false;
    return run();
}

bool SqlCipherResult::bindValues()
{
    const QList<QVariant> &values = boundValues();
    const int expected = sqlite3_bind_parameter_count(m_stmt);
    if (values.size() != expected) {
        setLastError(QSqlError(tr("Parameter count mismatch: the query expects %1 value(s), %2 "
                                  "were bound.")
                                   .arg(expected)
                                   .arg(values.size()),
                               QString(),
                               QSqlError::StatementError,
                               QString::number(SQLITE_RANGE)));
        return false;
    }
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        const int index = i + 1;
        int rc = SQLITE_OK;
        if (isSqlNull(value)) {
            rc = sqlite3_bind_null(m_stmt, index);
        } else {
            switch (value.typeId()) {
            case QMetaType::QByteArray: {
                const QByteArray bytes = value.toByteArray();
                // A non-null empty array has a non-null pointer: a zero-length BLOB, not NULL.
                rc = sqlite3_bind_blob64(m_stmt,
                                         index,
                                         bytes.constData(),
                                         sqlite3_uint64(bytes.size()),
                                         SQLITE_TRANSIENT);
                break;
            }
            case QMetaType::Bool:
                rc = sqlite3_bind_int(m_stmt, index, value.toBool() ? 1 : 0);
                break;
            case QMetaType::Int:
            case QMetaType::Short:
            case QMetaType::UShort:
            case QMetaType::Char:
            case QMetaType::SChar:
            case QMetaType::UChar:
            case QMetaType::Long:
            case QMetaType::LongLong:
            case QMetaType::UInt:
            case QMetaType::ULong:
                rc = sqlite3_bind_int64(m_stmt, index, value.toLongLong());
                break;
            case QMetaType::ULongLong: {
                const qulonglong v = value.toULongLong();
                // Beyond INT64_MAX SQLite has no integer: keep the exact digits as text.
                rc = v <= qulonglong(std::numeric_limits<sqlite3_int64>::max())
                         ? sqlite3_bind_int64(m_stmt, index, sqlite3_int64(v))
                         : bindText(m_stmt, index, QString::number(v));
                break;
            }
            case QMetaType::Double:
            case QMetaType::Float:
                rc = sqlite3_bind_double(m_stmt, index, value.toDouble());
                break;
            case QMetaType::QDateTime:
                rc = bindText(m_stmt, index, value.toDateTime().toString(Qt::ISODateWithMs));
                break;
            case QMetaType::QDate:
                rc = bindText(m_stmt, index, value.toDate().toString(Qt::ISODate));
                break;
            case QMetaType::QTime:
                rc = bindText(m_stmt, index, value.toTime().toString(Qt::ISODateWithMs));
                break;
            case QMetaType::QString:
                rc = bindText(m_stmt, index, value.toString());
                break;
            default:
                if (!value.canConvert<QString>()) {
                    setLastError(QSqlError(tr("Bound value %1 has the type %2, which cannot be "
                                              "stored.")
                                               .arg(index)
                                               .arg(QString::fromLatin1(value.typeName())),
                                           QString(),
                                           QSqlError::StatementError,
                                           QString::number(SQLITE_MISMATCH)));
                    return false;
                }
                rc = bindText(m_stmt, index, value.toString());
                break;
            }
        }
        if (rc != SQLITE_OK)
            return fail(tr("Bound value %1 could not be bound.").arg(index),
                        QSqlError::StatementError,
                        rc);
    }
    return true;
}

bool SqlCipherResult::run()
{
    sqlite3 *db = connection();
    const sqlite3_int64 previousRowid = sqlite3_last_insert_rowid(db);
    const sqlite3_int64 totalChangesBefore = sqlite3_total_changes64(db);
    // A sentinel rowid tells "inserted nothing" from "inserted a row whose rowid happens to equal
    // the previous one" (another table, or the same rowid replaced). Statements that read SQL's
    // last_insert_rowid() must see the real value, so they do without the sentinel.
    const bool useSentinel = !m_readsLastInsertRowid;
    if (useSentinel)
        sqlite3_set_last_insert_rowid(db, NoRowid);

    m_done = false;
    m_stepped = 0;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_rows.append(readRow());
        m_stepped = 1;
    } else if (rc == SQLITE_DONE) {
        m_done = true;
    } else {
        fail(tr("The query could not be executed."), QSqlError::StatementError, rc);
        sqlite3_reset(m_stmt);
        if (useSentinel && sqlite3_last_insert_rowid(db) == NoRowid)
            sqlite3_set_last_insert_rowid(db, previousRowid);
        clearRows();
        return false;
    }

    // sqlite3_changes() keeps its value across statements that change nothing (DDL, SELECT);
    // the total tells whether this statement changed rows at all.
    const bool changed = sqlite3_total_changes64(db) != totalChangesBefore;
    m_rowsAffected = changed ? int(sqlite3_changes64(db)) : (m_columnCount > 0 ? -1 : 0);
    const sqlite3_int64 rowid = sqlite3_last_insert_rowid(db);
    m_lastInsertId.clear();
    if (useSentinel) {
        if (rowid == NoRowid)
            sqlite3_set_last_insert_rowid(db, previousRowid); // keep last_insert_rowid() intact
        else
            m_lastInsertId = qlonglong(rowid);
    } else if (changed && rowid != previousRowid) {
        m_lastInsertId = qlonglong(rowid);
    }

    buildRecord();
    if (m_done)
        sqlite3_reset(m_stmt); // release the statement's read lock at once; bindings stay
    setSelect(m_columnCount > 0);
    setActive(true);
    return true;
}

void SqlCipherResult::buildRecord()
{
    m_record.clear();
    const char *table = nullptr;
    for (int c = 0; c < m_columnCount; ++c) {
        // Expressions have no declared type: take the type of the first row's value.
        if (!m_columnTypes.at(c).isValid() && !m_rows.isEmpty()
            && !m_rows.constFirst().at(c).isNull())
            m_columnTypes[c] = m_rows.constFirst().at(c).metaType();
#ifdef SQLITE_ENABLE_COLUMN_METADATA
        table = sqlite3_column_table_name(m_stmt, c);
#endif
        QSqlField field(QString::fromUtf8(sqlite3_column_name(m_stmt, c)),
                        m_columnTypes.at(c),
                        table ? QString::fromUtf8(table) : QString());
        m_record.append(field);
    }
}

SqlCipherResult::Row SqlCipherResult::readRow() const
{
    Row row;
    row.reserve(m_columnCount);
    for (int c = 0; c < m_columnCount; ++c) {
        switch (sqlite3_column_type(m_stmt, c)) {
        case SQLITE_INTEGER:
            row.append(qlonglong(sqlite3_column_int64(m_stmt, c)));
            break;
        case SQLITE_FLOAT:
            switch (numericalPrecisionPolicy()) {
            case QSql::LowPrecisionInt32:
                row.append(sqlite3_column_int(m_stmt, c));
                break;
            case QSql::LowPrecisionInt64:
                row.append(qlonglong(sqlite3_column_int64(m_stmt, c)));
                break;
            default:
                row.append(sqlite3_column_double(m_stmt, c));
                break;
            }
            break;
        case SQLITE_TEXT: {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
            const int bytes = sqlite3_column_bytes(m_stmt, c);
            // '' is an empty, non-null QString.
            row.append(text && bytes > 0 ? QString::fromUtf8(text, bytes)
                                         : QString(QLatin1StringView("")));
            break;
        }
        case SQLITE_BLOB: {
            const auto *blob = static_cast<const char *>(sqlite3_column_blob(m_stmt, c));
            const int bytes = sqlite3_column_bytes(m_stmt, c);
            // A zero-length BLOB is an empty, non-null QByteArray.
            row.append(blob && bytes > 0 ? QByteArray(blob, bytes) : QByteArray("", 0));
            break;
        }
        case SQLITE_NULL:
        default:
            row.append(QVariant(m_columnTypes.at(c))); // null value of the column's type
            break;
        }
    }
    return row;
}

bool SqlCipherResult::stepRow()
{
    if (m_done || !m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        if (isForwardOnly())
            m_rows = {readRow()};
        else
            m_rows.append(readRow());
        ++m_stepped;
        return true;
    }
    m_done = true;
    if (rc != SQLITE_DONE)
        fail(tr("The next row could not be read."), QSqlError::StatementError, rc);
    sqlite3_reset(m_stmt);
    return false;
}

const SqlCipherResult::Row *SqlCipherResult::currentRow() const
{
    const int row = at();
    if (row < 0 || m_rows.isEmpty())
        return nullptr;
    if (isForwardOnly())
        return row == m_stepped - 1 ? &m_rows.constFirst() : nullptr;
    return row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

bool SqlCipherResult::fetch(int row)
{
    if (row < 0 || !isActive() || !isSelect())
        return false;
    if (isForwardOnly()) {
        if (row < m_stepped - 1)
            return false; // a forward-only result cannot go back
    } else if (row < m_rows.size()) {
        setAt(row);
        return true;
    }
    while (m_stepped <= row) {
        if (!stepRow())
            return false;
    }
    setAt(row);
    return true;
}

bool SqlCipherResult::fetchFirst()
{
    return fetch(0);
}

bool SqlCipherResult::fetchLast()
{
    if (!isActive() || !isSelect())
        return false;
    while (stepRow()) {
    }
    if (m_stepped == 0 || lastError().isValid())
        return false;
    setAt(m_stepped - 1);
    return true;
}

QVariant SqlCipherResult::data(int field)
{
    const Row *row = currentRow();
    if (!row || field < 0 || field >= row->size())
        return QVariant();
    return row->at(field);
}

bool SqlCipherResult::isNull(int field)
{
    const Row *row = currentRow();
    if (!row || field < 0 || field >= row->size())
        return true;
    return row->at(field).isNull();
}

int SqlCipherResult::size()
{
    return -1; // hasFeature(QuerySize) is false
}

int SqlCipherResult::numRowsAffected()
{
    return m_rowsAffected;
}

QSqlRecord SqlCipherResult::record() const
{
    if (!isActive() || !isSelect())
        return QSqlRecord();
    return m_record;
}

QVariant SqlCipherResult::lastInsertId() const
{
    return isActive() ? m_lastInsertId : QVariant();
}

void SqlCipherResult::detachFromResultSet()
{
    // QSqlQuery::finish(): no more rows will be read until the next exec.
    if (m_stmt)
        sqlite3_reset(m_stmt);
    clearRows();
}

} // namespace tambo::core
