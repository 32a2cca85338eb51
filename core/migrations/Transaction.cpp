#include "migrations/Transaction.h"

#include <QSqlError>

namespace tambo::core {

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    if (!m_db.isOpen()) {
        m_error = tr("Cannot start a transaction: the database is not open.");
        return;
    }
    m_active = m_db.transaction();
    if (!m_active)
        m_error = tr("Cannot start a transaction: %1").arg(m_db.lastError().text());
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

bool Transaction::commit()
{
    if (!m_active) {
        if (m_error.isEmpty())
            m_error = tr("There is no open transaction to commit.");
        return false;
    }
    if (!m_db.commit()) {
        m_error = tr("Cannot commit the transaction: %1").arg(m_db.lastError().text());
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    m_db.rollback();
}

} // namespace tambo::core
