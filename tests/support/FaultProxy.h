#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <array>
#include <memory>

class QObject;
class QThread;

namespace tambo::test {

// A TCP proxy for fault-injection tests (issue 3 item 7): it listens on 127.0.0.1 on a free port
// and forwards every accepted connection to a target host:port, applying one fault per
// connection. It runs its own thread with its own event loop, so a test may call a blocking
// HTTP client (cpp-httplib, TestClient) from the test thread through it.
//
// Two modes:
// - Raw (default): byte-level TCP forwarding. It works unchanged under TLS because it never looks
//   at the bytes; "N bytes of the server's answer" then counts TLS bytes, handshake included.
//   A duplicate is a byte-for-byte replay on a second upstream connection: under TLS the server
//   refuses such a replay at the handshake (TLS is built to stop replays), so in Raw mode only a
//   plain-HTTP target sees the request twice.
// - TLS termination (setTlsTermination before start): the proxy is the TLS server for the
//   client (with the test certificate, so the client's verification still passes) and a TLS
//   client of the target (verifying it against the given CA). Faults then act on the plaintext
//   HTTP bytes: a duplicate really reaches the server twice, a cut falls inside the HTTP answer.
//
// Faults, chosen per accepted connection: first from the queue (enqueue), else from the seeded
// plan (setPlan), else the default action (Pass unless setDefault):
//   Pass       forward both ways
//   Refuse     close the accepted connection at once, before reading anything
//   Drop       read the client's first bytes, forward nothing, close
//   Delay      hold the client's bytes for delayMs, then forward normally
//   Cut        forward the request; pass cutAfterBytes bytes of the server's answer, then close
//              both sides (the client gets a truncated answer; the server did the work)
//   Stall      forward the request; withhold the whole answer; close the client when the server
//              closes (the answer is lost, e.g. while the server is being killed)
//   Duplicate  forward normally; once the server starts answering, replay every byte the
//              client sent on a second upstream connection and discard that connection's answer
//   Reorder    hold the connection (nothing forwarded) until a later connection has finished,
//              or reorderTimeoutMs passed; then forward normally
// Given the same seed and the same sequence of connections, the plan makes the same choices.
// Faults are per connection: a keep-alive client sends several requests on one connection, so a
// test that wants one fault per request turns keep-alive off (cpp-httplib's default) or counts
// connections, not requests.
class FaultProxy
{
public:
    enum class Fault { Pass, Refuse, Drop, Delay, Cut, Stall, Duplicate, Reorder };
    static constexpr int FaultCount = 8;

    struct Action
    {
        Fault fault = Fault::Pass;
        int delayMs = 0;          // Delay
        qint64 cutAfterBytes = 0; // Cut

        static Action pass() { return {}; }
        static Action refuse() { return {Fault::Refuse, 0, 0}; }
        static Action drop() { return {Fault::Drop, 0, 0}; }
        static Action delay(int ms) { return {Fault::Delay, ms, 0}; }
        static Action cut(qint64 afterBytes) { return {Fault::Cut, 0, afterBytes}; }
        static Action stall() { return {Fault::Stall, 0, 0}; }
        static Action duplicate() { return {Fault::Duplicate, 0, 0}; }
        static Action reorder() { return {Fault::Reorder, 0, 0}; }
        bool operator==(const Action &o) const
        {
            return fault == o.fault && delayMs == o.delayMs && cutAfterBytes == o.cutAfterBytes;
        }
    };

    // A seeded random plan: each connection draws a fault with probability weight / sum, then
    // its parameter uniformly from the inclusive range. splitmix64, so the draws are the same
    // on every platform.
    struct Plan
    {
        quint64 seed = 1;
        std::array<int, FaultCount> weights{}; // indexed by int(Fault); all 0 = always Pass
        int minDelayMs = 10;
        int maxDelayMs = 200;
        qint64 minCutBytes = 0;
        qint64 maxCutBytes = 4096;
        Plan &weight(Fault f, int w)
        {
            weights[std::size_t(f)] = w;
            return *this;
        }
    };

    // What the proxy did. The fault counts grow when a connection is accepted and its fault
    // chosen; the rest as bytes move.
    struct Counters
    {
        std::array<int, FaultCount> faults{};
        int connections = 0;
        int finished = 0;         // connections whose both sides are closed
        int upstreamFailures = 0; // the target could not be reached (client then closed)
        int duplicatesDone = 0;   // duplicate upstream connections that ended
        qint64 bytesFromClients = 0;
        qint64 bytesToServer = 0;   // client bytes written to the primary upstream connection
        qint64 bytesFromServer = 0; // primary upstream answers (before any cut)
        qint64 bytesToClients = 0;
        qint64 bytesDiscarded = 0; // answers of duplicates, withheld or cut-off bytes
        int count(Fault f) const { return faults[std::size_t(f)]; }
    };

    FaultProxy(const QString &targetHost, int targetPort);
    ~FaultProxy(); // stop()
    FaultProxy(const FaultProxy &) = delete;
    FaultProxy &operator=(const FaultProxy &) = delete;

    // Before start(): terminate TLS with certificate/privateKey (PEM) towards clients and open
    // TLS to the target, trusting exactly caCertificate (PEM).
    void setTlsTermination(const QString &certificate,
                           const QString &privateKey,
                           const QString &caCertificate);

    // Starts the thread and listens on 127.0.0.1 on a free port; false and *error on failure.
    bool start(QString *error);
    // Closes the listener and every connection, ends the thread. Idempotent.
    void stop();
    int port() const { return m_port; }

    // The following are thread-safe and take effect for the next accepted connection.
    void setTarget(const QString &host, int port);
    void enqueue(const Action &action);
    void enqueue(const QList<Action> &actions);
    void setPlan(const Plan &plan);
    void clearPlan();
    void setDefault(const Action &action);
    void setReorderTimeoutMs(int ms);

    Counters counters() const;
    // The action applied to each accepted connection, in accept order.
    QList<Action> history() const;

    static QString faultName(Fault fault);

    struct Shared; // state shared with the proxy thread (FaultProxy.cpp)

private:
    std::shared_ptr<Shared> m_shared;
    QThread *m_thread = nullptr;
    QObject *m_hub = nullptr; // lives in m_thread
    int m_port = 0;
};

} // namespace tambo::test
