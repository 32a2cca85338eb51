#include "sync/RetryPolicy.h"

#include <QtTest>

using tambo::core::RetryPolicy;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void backsOffExponentiallyWithJitter_data()
    {
        QTest::addColumn<double>("random");
        QTest::addColumn<QList<int>>("delays");
        // base 1000, max 10000, jitter 0.5: delay = d · (0.5 + 0.5 · r)
        QTest::newRow("r=0 (shortest)") << 0.0 << QList<int>{500, 1000, 2000, 4000, 5000, 5000};
        QTest::newRow("r=0.999 (longest)")
            << 0.999 << QList<int>{999, 1999, 3998, 7996, 9995, 9995};
        QTest::newRow("r=0.5") << 0.5 << QList<int>{750, 1500, 3000, 6000, 7500, 7500};
    }
    void backsOffExponentiallyWithJitter()
    {
        QFETCH(double, random);
        QFETCH(QList<int>, delays);
        RetryPolicy policy({30000, 1000, 10000, 0.5}, [random] { return random; });
        for (int expected : delays)
            QCOMPARE(policy.nextDelayMs(true), expected);
        QCOMPARE(policy.failures(), delays.size());
        // A success resets the backoff and returns to polling.
        QCOMPARE(policy.nextDelayMs(false), 30000);
        QCOMPARE(policy.failures(), 0);
        QCOMPARE(policy.nextDelayMs(true), delays.first());
    }

    void jitterSpreadsClients()
    {
        // Different random draws give different delays for the same failure count.
        QList<double> draws{0.1, 0.9};
        int i = 0;
        RetryPolicy a({30000, 2000, 300000, 0.5}, [&] { return draws.at(i++ % 2); });
        const int first = a.nextDelayMs(true);
        a.reset();
        const int second = a.nextDelayMs(true);
        QVERIFY(first != second);
        QVERIFY(first >= 1000 && first <= 2000);
        QVERIFY(second >= 1000 && second <= 2000);
    }

    void noJitterAndManyFailuresStayCapped()
    {
        RetryPolicy policy({30000, 2000, 300000, 0.0}, [] { return 0.7; });
        int last = 0;
        for (int n = 0; n < 100; ++n)
            last = policy.nextDelayMs(true);
        QCOMPARE(last, 300000);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
