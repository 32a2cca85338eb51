// HashGate: at most N password checks at once; a bounded wait, then no slot.
#include "HashGate.h"

#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using tambo::server::HashGate;
using namespace std::chrono_literals;

class TestHashGate : public QObject
{
    Q_OBJECT

private slots:
    void slotsAreBoundedAndReleased()
    {
        std::vector<int> seen;
        HashGate gate(2, [&seen](int n) { seen.push_back(n); });
        QCOMPARE(gate.capacity(), 2);
        {
            HashGate::Slot a = gate.acquire(0ms);
            HashGate::Slot b = gate.acquire(0ms);
            QVERIFY(a);
            QVERIFY(b);
            QCOMPARE(gate.inFlight(), 2);
            HashGate::Slot c = gate.acquire(0ms); // full: no waiting asked, none given
            QVERIFY(!c);
            HashGate::Slot moved = std::move(a);
            QVERIFY(moved);
            QVERIFY(!a); // NOLINT(bugprone-use-after-move): moved-from is empty by contract
            QCOMPARE(gate.inFlight(), 2);
        }
        QCOMPARE(gate.inFlight(), 0);
        QCOMPARE(gate.maxInFlight(), 2);
        QCOMPARE(seen, (std::vector<int>{1, 2, 1, 0}));
    }

    void aWaiterGetsTheSlotThatFreesUp()
    {
        HashGate gate(1);
        HashGate::Slot held = gate.acquire(0ms);
        QVERIFY(held);
        std::thread releaser([&held] {
            std::this_thread::sleep_for(50ms);
            held.release();
        });
        const HashGate::Slot waited = gate.acquire(10s);
        releaser.join();
        QVERIFY(waited);
        QCOMPARE(gate.inFlight(), 1);
    }

    void theWaitIsBounded()
    {
        HashGate gate(1);
        const HashGate::Slot held = gate.acquire(0ms);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!gate.acquire(100ms));
        QVERIFY(timer.elapsed() >= 90);
        QVERIFY(timer.elapsed() < 5000);
    }

    void manyThreadsNeverExceedTheBound()
    {
        HashGate gate(3);
        std::atomic<int> running{0};
        std::atomic<int> worst{0};
        std::atomic<int> served{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 24; ++i) {
            threads.emplace_back([&] {
                const HashGate::Slot slot = gate.acquire(30s);
                if (!slot)
                    return;
                const int now = ++running;
                int seen = worst.load();
                while (now > seen && !worst.compare_exchange_weak(seen, now)) {
                }
                std::this_thread::sleep_for(2ms);
                --running;
                ++served;
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(served.load(), 24);
        QVERIFY(worst.load() <= 3);
        QVERIFY(gate.maxInFlight() <= 3);
        QCOMPARE(gate.inFlight(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHashGate)
#include "tst_hashgate.moc"
