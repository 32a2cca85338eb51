#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace tambo::core {

// RAII transaction (GUIDE §2.5, after KMyMoney): begins on construction, commit() makes the work
// permanent, and the destructor rolls back whatever was not committed, so an early return or an
// exception can never leave half a change in the store.
//
//     Transaction tx(db);
//     if (!tx.isActive()) return fail(tx.error());
//     ... writes ...
//     if (!tx.commit()) return fail(tx.error());
class Transaction
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::Transaction)

public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // True after a successful begin and until commit() or rollback().
    bool isActive() const { return m_active; }
    // Commits; false (and error()) when there is no open transaction or the commit failed.
    // After a failed commit the transaction is rolled back.
    bool commit();
    // Rolls back now; the destructor does the same for a transaction left open.
    void rollback();
    // Translated text of the last failure (begin or commit), empty when none.
    QString error() const { return m_error; }
    QSqlDatabase database() const { return m_db; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace tambo::core
