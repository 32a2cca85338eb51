#include "TempStore.h"

#include "migrations/Transaction.h"

#include <QSqlQuery>
#include <QtTest>

using tambo::core::Transaction;

class TestTransaction : public QObject
{
    Q_OBJECT

    static int count(QSqlDatabase db)
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM t")) || !query.next())
            return -1;
        return query.value(0).toInt();
    }

    static bool insert(QSqlDatabase db)
    {
        return QSqlQuery(db).exec(QStringLiteral("INSERT INTO t (n) VALUES (1)"));
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<tambo::test::TempStore>();
        QVERIFY(m_temp->store().database().isOpen());
        QVERIFY(QSqlQuery(m_temp->store().database())
                    .exec(QStringLiteral("CREATE TABLE t (n INTEGER) STRICT")));
    }

    void cleanup() { m_temp.reset(); }

    void commitKeepsTheWork()
    {
        QSqlDatabase db = m_temp->store().database();
        {
            Transaction tx(db);
            QVERIFY2(tx.isActive(), qPrintable(tx.error()));
            QVERIFY(insert(db));
            QVERIFY2(tx.commit(), qPrintable(tx.error()));
            QVERIFY(!tx.isActive());
        }
        QCOMPARE(count(db), 1);
    }

    void destructorRollsBackWhatWasNotCommitted()
    {
        QSqlDatabase db = m_temp->store().database();
        {
            Transaction tx(db);
            QVERIFY(tx.isActive());
            QVERIFY(insert(db));
            QCOMPARE(count(db), 1); // visible inside the transaction
        }
        QCOMPARE(count(db), 0);
    }

    void explicitRollback()
    {
        QSqlDatabase db = m_temp->store().database();
        Transaction tx(db);
        QVERIFY(insert(db));
        tx.rollback();
        QVERIFY(!tx.isActive());
        QCOMPARE(count(db), 0);
        QVERIFY(!tx.commit()); // nothing left to commit
        QVERIFY(!tx.error().isEmpty());
    }

    void secondCommitFails()
    {
        QSqlDatabase db = m_temp->store().database();
        Transaction tx(db);
        QVERIFY(tx.commit());
        QVERIFY(!tx.commit());
        QVERIFY(!tx.error().isEmpty());
    }

    void aClosedDatabaseGivesAClearError()
    {
        Transaction tx{QSqlDatabase()};
        QVERIFY(!tx.isActive());
        QVERIFY(tx.error().contains(QStringLiteral("not open")));
        QVERIFY(!tx.commit());
    }

    void theConnectionIsFreeAfterwards()
    {
        QSqlDatabase db = m_temp->store().database();
        {
            Transaction first(db);
            QVERIFY(insert(db));
        }
        Transaction second(db);
        QVERIFY2(second.isActive(), qPrintable(second.error()));
        QVERIFY(insert(db));
        QVERIFY(second.commit());
        QCOMPARE(count(db), 1);
    }

private:
    std::unique_ptr<tambo::test::TempStore> m_temp;
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
