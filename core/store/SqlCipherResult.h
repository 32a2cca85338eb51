#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QSqlError>
#include <QSqlRecord>
#include <QSqlResult>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace tambo::core {

class SqlCipherDriver;

// The result of one statement on a SqlCipherDriver connection (created by createResult()).
//
// exec() binds the values by position, then steps the first row at once, so errors (constraint,
// busy, ...) are reported by exec() and numRowsAffected()/lastInsertId() are exact. Rows that are
// stepped through are kept in a cache unless the query is forward-only, which gives seek(),
// previous(), first() and last(); a forward-only query keeps only the current row. size() is -1
// (SQLite does not know the size of a result before stepping through it).
//
// Values: INTEGER -> qlonglong, REAL -> double (or int/qlonglong under the LowPrecisionInt32/64
// policies), TEXT -> QString (UTF-8), BLOB -> QByteArray, NULL -> a null QVariant of the column's
// declared type. Bound values: null QVariants, null QString/QByteArray/date-times -> NULL; bool and
// integers -> INTEGER; floating point -> REAL; QByteArray -> BLOB; QDateTime/QDate/QTime -> ISO 8601
// text with milliseconds; anything else convertible to QString -> TEXT.
//
// lastInsertId() is the rowid this statement inserted (sqlite3_last_insert_rowid), invalid when it
// inserted none (UPDATE, DDL, WITHOUT ROWID tables, an upsert that updated). To know "none" for
// sure the connection's last rowid is set to a sentinel while the statement runs, except for
// statements whose text calls last_insert_rowid(), which see the real value.
class SqlCipherResult final : public QSqlResult
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::SqlCipherResult)

public:
    explicit SqlCipherResult(const SqlCipherDriver *driver);
    ~SqlCipherResult() override;

protected:
    bool prepare(const QString &query) override;
    bool exec() override;
    bool reset(const QString &query) override;
    QVariant data(int field) override;
    bool isNull(int field) override;
    bool fetch(int row) override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    QSqlRecord record() const override;
    QVariant lastInsertId() const override;
    void detachFromResultSet() override;

private:
    friend class SqlCipherDriver;
    using Row = QList<QVariant>;

    sqlite3 *connection() const;
    bool prepareStatement(const QString &query, bool persistent);
    bool bindValues();
    bool run();
    bool stepRow();
    Row readRow() const;
    const Row *currentRow() const;
    void buildRecord();
    void clearRows();
    void finalizeStatement(); // also called by the driver when the connection closes
    bool fail(const QString &text, QSqlError::ErrorType type, int code);

    sqlite3_stmt *m_stmt = nullptr;
    int m_columnCount = 0;
    QList<QMetaType> m_columnTypes;
    QSqlRecord m_record;
    QList<Row> m_rows;  // every stepped row, or only the current one when forward-only
    int m_stepped = 0;  // rows stepped since exec
    bool m_done = true; // no more rows to step
    bool m_readsLastInsertRowid = false; // the SQL text calls last_insert_rowid()
    int m_rowsAffected = -1;
    QVariant m_lastInsertId;
};

} // namespace tambo::core
