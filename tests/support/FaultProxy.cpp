#include "FaultProxy.h"

#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <map>
#include <mutex>

namespace tambo::test {

using Fault = FaultProxy::Fault;
using Action = FaultProxy::Action;

struct FaultProxy::Shared
{
    mutable std::mutex mutex;
    QString host;
    int port = 0;
    QList<Action> queue;
    bool planned = false;
    Plan plan;
    quint64 rng = 0;
    Action fallback;
    int reorderTimeoutMs = 5000;
    Counters counters;
    QList<Action> history;
    // TLS termination
    bool tls = false;
    QSslCertificate certificate;
    QSslKey privateKey;
    QList<QSslCertificate> ca;

    // splitmix64: fixed and portable (std::uniform_*_distribution are not).
    quint64 next()
    {
        rng += 0x9E3779B97F4A7C15ULL;
        quint64 z = rng;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    qint64 between(qint64 lo, qint64 hi)
    {
        if (hi <= lo)
            return lo;
        return lo + qint64(next() % quint64(hi - lo + 1));
    }

    // Called under the mutex for each accepted connection.
    Action decide()
    {
        Action a = fallback;
        if (!queue.isEmpty()) {
            a = queue.takeFirst();
        } else if (planned) {
            int total = 0;
            for (int w : plan.weights)
                total += qMax(0, w);
            if (total > 0) {
                qint64 pick = between(0, total - 1);
                int f = 0;
                for (; f < FaultCount; ++f) {
                    pick -= qMax(0, plan.weights[std::size_t(f)]);
                    if (pick < 0)
                        break;
                }
                a = Action{Fault(f), 0, 0};
                if (a.fault == Fault::Delay)
                    a.delayMs = int(between(plan.minDelayMs, plan.maxDelayMs));
                else if (a.fault == Fault::Cut)
                    a.cutAfterBytes = between(plan.minCutBytes, plan.maxCutBytes);
            } else {
                a = Action::pass();
            }
        }
        ++counters.connections;
        ++counters.faults[std::size_t(a.fault)];
        history.append(a);
        return a;
    }

    template<typename F>
    void update(F f)
    {
        std::lock_guard lock(mutex);
        f(counters);
    }
};

namespace {

class Hub;

// One accepted client connection and its upstream connection. Lives in the proxy thread.
class Connection
{
public:
    Connection(Hub &hub, int index, QTcpSocket *client, const Action &action);
    ~Connection();

    int index() const { return m_index; }
    bool isHeld() const { return m_held; }
    void begin();
    void release(); // Reorder: the hold is over
    void openUpstream();

private:
    void onClientData();
    void onClientClosed();
    void onUpstreamReady();
    void onUpstreamData();
    void onUpstreamClosed();
    void onUpstreamError();
    void startDuplicate();
    void cutNow();
    void checkFinished();

    Hub &m_hub;
    FaultProxy::Shared &m_shared;
    int m_index;
    Action m_action;
    QPointer<QTcpSocket> m_client;
    QPointer<QTcpSocket> m_upstream;
    QPointer<QTcpSocket> m_duplicate;
    QByteArray m_pending; // client bytes not yet forwarded
    QByteArray m_seen;    // every client byte (Duplicate only, for the replay)
    qint64 m_down = 0;    // answer bytes passed to the client
    bool m_held = false;
    bool m_forwarding = false;
    bool m_clientClosed = false;
    bool m_upstreamOpened = false;
    bool m_upstreamClosed = false;
    bool m_cut = false;
    bool m_duplicateStarted = false;
    bool m_finished = false;
};

class Hub : public QTcpServer
{
public:
    explicit Hub(std::shared_ptr<FaultProxy::Shared> shared)
        : m_shared(std::move(shared))
    {}
    ~Hub() override
    {
        m_connections.clear(); // before QObject deletes the sockets (our children)
    }

    FaultProxy::Shared &shared() { return *m_shared; }

    QTcpSocket *newUpstream()
    {
        QString host;
        int port = 0;
        bool tls = false;
        QList<QSslCertificate> ca;
        {
            std::lock_guard lock(m_shared->mutex);
            host = m_shared->host;
            port = m_shared->port;
            tls = m_shared->tls;
            ca = m_shared->ca;
        }
        if (!tls) {
            auto *s = new QTcpSocket(this);
            s->connectToHost(host, quint16(port));
            return s;
        }
        auto *s = new QSslSocket(this);
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setCaCertificates(ca);
        conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
        s->setSslConfiguration(conf);
        s->connectToHostEncrypted(host, quint16(port));
        return s;
    }

    // A connection ended: release the held ones accepted before it, then forget it.
    void finished(int index)
    {
        for (auto &[i, c] : m_connections) {
            if (i < index && c->isHeld())
                c->release();
        }
        // Deleted from the event loop, never inside one of its own socket's signals.
        QTimer::singleShot(0, this, [this, index] { m_connections.erase(index); });
    }

    Connection *find(int index)
    {
        const auto it = m_connections.find(index);
        return it == m_connections.end() ? nullptr : it->second.get();
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        Action action;
        bool tls = false;
        int index = 0;
        {
            std::lock_guard lock(m_shared->mutex);
            action = m_shared->decide();
            index = m_shared->counters.connections;
            tls = m_shared->tls;
        }
        QTcpSocket *client = tls ? new QSslSocket(this) : new QTcpSocket(this);
        if (!client->setSocketDescriptor(descriptor)) {
            client->deleteLater();
            return;
        }
        if (action.fault == Fault::Refuse) {
            client->abort();
            client->deleteLater();
            m_shared->update([](FaultProxy::Counters &c) { ++c.finished; });
            return;
        }
        auto conn = std::make_unique<Connection>(*this, index, client, action);
        Connection *raw = conn.get();
        m_connections.emplace(index, std::move(conn));
        if (tls) {
            auto *ssl = static_cast<QSslSocket *>(client);
            {
                std::lock_guard lock(m_shared->mutex);
                ssl->setLocalCertificate(m_shared->certificate);
                ssl->setPrivateKey(m_shared->privateKey);
            }
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            ssl->startServerEncryption();
        }
        raw->begin();
    }

private:
    std::shared_ptr<FaultProxy::Shared> m_shared;
    std::map<int, std::unique_ptr<Connection>> m_connections;
};

Connection::Connection(Hub &hub, int index, QTcpSocket *client, const Action &action)
    : m_hub(hub)
    , m_shared(hub.shared())
    , m_index(index)
    , m_action(action)
    , m_client(client)
{
    QObject::connect(client, &QTcpSocket::readyRead, client, [this] { onClientData(); });
    QObject::connect(client, &QTcpSocket::disconnected, client, [this] { onClientClosed(); });
    QObject::connect(client,
                     &QAbstractSocket::errorOccurred,
                     client,
                     [this](QAbstractSocket::SocketError error) {
                         if (error != QAbstractSocket::RemoteHostClosedError)
                             onClientClosed();
                     });
}

Connection::~Connection()
{
    for (QTcpSocket *s : {m_client.data(), m_upstream.data()}) {
        if (!s)
            continue;
        QObject::disconnect(s, nullptr, nullptr, nullptr);
        s->abort();
        s->deleteLater();
    }
    // m_duplicate lives on by itself (it deletes itself when done).
}

void Connection::begin()
{
    switch (m_action.fault) {
    case Fault::Delay:
        QTimer::singleShot(m_action.delayMs, &m_hub, [hub = &m_hub, index = m_index] {
            if (Connection *c = hub->find(index))
                c->openUpstream();
        });
        break;
    case Fault::Reorder: {
        m_held = true;
        int timeout = 5000;
        {
            std::lock_guard lock(m_shared.mutex);
            timeout = m_shared.reorderTimeoutMs;
        }
        QTimer::singleShot(timeout, &m_hub, [hub = &m_hub, index = m_index] {
            if (Connection *c = hub->find(index))
                c->release();
        });
        break;
    }
    case Fault::Drop:
        break; // closed on the first client bytes
    default:
        openUpstream();
        break;
    }
}

void Connection::release()
{
    if (!m_held)
        return;
    m_held = false;
    openUpstream();
}

void Connection::openUpstream()
{
    if (m_upstreamOpened || m_finished)
        return;
    m_upstreamOpened = true;
    QTcpSocket *up = m_hub.newUpstream();
    m_upstream = up;
    if (auto *ssl = qobject_cast<QSslSocket *>(up))
        QObject::connect(ssl, &QSslSocket::encrypted, up, [this] { onUpstreamReady(); });
    else
        QObject::connect(up, &QTcpSocket::connected, up, [this] { onUpstreamReady(); });
    QObject::connect(up, &QTcpSocket::readyRead, up, [this] { onUpstreamData(); });
    QObject::connect(up, &QTcpSocket::disconnected, up, [this] { onUpstreamClosed(); });
    QObject::connect(up,
                     &QAbstractSocket::errorOccurred,
                     up,
                     [this](QAbstractSocket::SocketError error) {
                         if (error != QAbstractSocket::RemoteHostClosedError)
                             onUpstreamError();
                     });
}

void Connection::onClientData()
{
    if (!m_client)
        return;
    const QByteArray data = m_client->readAll();
    if (data.isEmpty())
        return;
    m_shared.update([&](FaultProxy::Counters &c) { c.bytesFromClients += data.size(); });
    if (m_action.fault == Fault::Drop) {
        m_client->abort();
        onClientClosed();
        return;
    }
    if (m_action.fault == Fault::Duplicate)
        m_seen += data;
    if (m_duplicate)
        m_duplicate->write(data);
    if (m_forwarding && m_upstream) {
        m_upstream->write(data);
        m_shared.update([&](FaultProxy::Counters &c) { c.bytesToServer += data.size(); });
    } else {
        m_pending += data;
    }
}

void Connection::onClientClosed()
{
    if (m_clientClosed)
        return;
    m_clientClosed = true;
    if (m_upstream && m_forwarding && !m_upstreamClosed) {
        m_upstream->disconnectFromHost(); // the client is done: so is the server side
    } else if (m_upstream && !m_upstreamClosed) {
        m_upstream->abort(); // still connecting
        m_upstreamClosed = true;
    }
    m_upstreamClosed = m_upstreamClosed || !m_upstreamOpened || m_cut;
    checkFinished();
}

void Connection::onUpstreamReady()
{
    if (!m_upstream)
        return;
    m_forwarding = true;
    if (!m_pending.isEmpty()) {
        m_upstream->write(m_pending);
        const qint64 n = m_pending.size();
        m_shared.update([&](FaultProxy::Counters &c) { c.bytesToServer += n; });
        m_pending.clear();
    }
    if (m_clientClosed)
        m_upstream->disconnectFromHost();
}

void Connection::onUpstreamData()
{
    if (!m_upstream)
        return;
    const QByteArray data = m_upstream->readAll();
    if (data.isEmpty())
        return;
    m_shared.update([&](FaultProxy::Counters &c) { c.bytesFromServer += data.size(); });
    if (m_cut || m_clientClosed || !m_client) {
        m_shared.update([&](FaultProxy::Counters &c) { c.bytesDiscarded += data.size(); });
        return;
    }
    if (m_action.fault == Fault::Duplicate && !m_duplicateStarted)
        startDuplicate();
    if (m_action.fault == Fault::Stall) {
        m_shared.update([&](FaultProxy::Counters &c) { c.bytesDiscarded += data.size(); });
        return;
    }
    QByteArray pass = data;
    bool cutHere = false;
    if (m_action.fault == Fault::Cut && m_down + data.size() > m_action.cutAfterBytes) {
        pass = data.left(qMax<qint64>(0, m_action.cutAfterBytes - m_down));
        cutHere = true;
    }
    if (!pass.isEmpty()) {
        m_client->write(pass);
        m_down += pass.size();
    }
    m_shared.update([&](FaultProxy::Counters &c) {
        c.bytesToClients += pass.size();
        c.bytesDiscarded += data.size() - pass.size();
    });
    if (cutHere)
        cutNow();
}

void Connection::cutNow()
{
    m_cut = true;
    if (m_upstream && !m_upstreamClosed) {
        m_upstream->abort();
        m_upstreamClosed = true;
    }
    if (m_client && !m_clientClosed) {
        // Raw TCP: flush what passed, then close. A TLS client gets no close_notify-worthy
        // ending either way: the answer it holds is short of what the headers promised.
        if (auto *ssl = qobject_cast<QSslSocket *>(m_client.data()))
            ssl->flush();
        m_client->disconnectFromHost();
        if (m_client && m_client->state() == QAbstractSocket::UnconnectedState)
            onClientClosed();
    }
    checkFinished();
}

void Connection::onUpstreamClosed()
{
    if (m_upstreamClosed)
        return;
    m_upstreamClosed = true;
    if (m_client && !m_clientClosed) {
        m_client->disconnectFromHost(); // after everything written so far
        if (m_client && m_client->state() == QAbstractSocket::UnconnectedState)
            onClientClosed();
    }
    checkFinished();
}

void Connection::onUpstreamError()
{
    if (!m_forwarding && !m_upstreamClosed) {
        // Never reached the target (refused, reset during the TLS handshake, …).
        m_shared.update([](FaultProxy::Counters &c) { ++c.upstreamFailures; });
        m_upstreamClosed = true;
        if (m_client && !m_clientClosed) {
            m_client->abort();
            onClientClosed();
        }
        checkFinished();
        return;
    }
    onUpstreamClosed();
}

void Connection::startDuplicate()
{
    m_duplicateStarted = true;
    QTcpSocket *dup = m_hub.newUpstream();
    m_duplicate = dup;
    FaultProxy::Shared *shared = &m_shared;
    const QByteArray replay = m_seen;
    auto done = std::make_shared<bool>(false);
    auto finish = [dup, shared, done] {
        if (*done)
            return;
        *done = true;
        shared->update([](FaultProxy::Counters &c) { ++c.duplicatesDone; });
        QObject::disconnect(dup, nullptr, nullptr, nullptr);
        dup->abort();
        dup->deleteLater();
    };
    const auto send = [dup, replay] { dup->write(replay); };
    if (auto *ssl = qobject_cast<QSslSocket *>(dup))
        QObject::connect(ssl, &QSslSocket::encrypted, dup, send);
    else
        QObject::connect(dup, &QTcpSocket::connected, dup, send);
    QObject::connect(dup, &QTcpSocket::readyRead, dup, [dup, shared] {
        const qint64 n = dup->readAll().size();
        shared->update([n](FaultProxy::Counters &c) { c.bytesDiscarded += n; });
    });
    QObject::connect(dup, &QTcpSocket::disconnected, dup, finish);
    QObject::connect(dup,
                     &QAbstractSocket::errorOccurred,
                     dup,
                     [finish](QAbstractSocket::SocketError) { finish(); });
    QTimer::singleShot(15000, dup, finish); // a keep-alive server must not keep it forever
}

void Connection::checkFinished()
{
    if (m_finished || !m_clientClosed || !(m_upstreamClosed || !m_upstreamOpened))
        return;
    m_finished = true;
    m_shared.update([](FaultProxy::Counters &c) { ++c.finished; });
    m_hub.finished(m_index);
}

} // namespace

FaultProxy::FaultProxy(const QString &targetHost, int targetPort)
    : m_shared(std::make_shared<Shared>())
{
    m_shared->host = targetHost;
    m_shared->port = targetPort;
}

FaultProxy::~FaultProxy()
{
    stop();
}

void FaultProxy::setTlsTermination(const QString &certificate,
                                   const QString &privateKey,
                                   const QString &caCertificate)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->tls = true;
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificate);
    m_shared->certificate = chain.isEmpty() ? QSslCertificate() : chain.first();
    QFile keyFile(privateKey);
    if (keyFile.open(QIODevice::ReadOnly))
        m_shared->privateKey = QSslKey(keyFile.readAll(), QSsl::Rsa);
    if (m_shared->privateKey.isNull() && keyFile.seek(0))
        m_shared->privateKey = QSslKey(keyFile.readAll(), QSsl::Ec);
    m_shared->ca = QSslCertificate::fromPath(caCertificate);
}

bool FaultProxy::start(QString *error)
{
    if (m_thread) {
        *error = QStringLiteral("FaultProxy already started");
        return false;
    }
    {
        std::lock_guard lock(m_shared->mutex);
        if (m_shared->tls) {
            if (!QSslSocket::supportsSsl()) {
                *error = QStringLiteral("FaultProxy: Qt has no TLS backend (%1)")
                             .arg(QSslSocket::activeBackend());
                return false;
            }
            if (m_shared->certificate.isNull() || m_shared->privateKey.isNull()
                || m_shared->ca.isEmpty()) {
                *error = QStringLiteral("FaultProxy: cannot read the TLS certificate, key or CA");
                return false;
            }
        }
    }
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("FaultProxy"));
    auto *hub = new Hub(m_shared);
    hub->moveToThread(m_thread); // the hub and every socket it makes belong to the thread
    m_thread->start();
    QString listenError;
    bool listening = false;
    QMetaObject::invokeMethod(
        hub,
        [hub, &listenError, &listening, this] {
            listening = hub->listen(QHostAddress::LocalHost, 0);
            if (listening)
                m_port = hub->serverPort();
            else
                listenError = hub->errorString();
        },
        Qt::BlockingQueuedConnection);
    m_hub = hub;
    if (!listening) {
        *error = QStringLiteral("FaultProxy cannot listen: %1").arg(listenError);
        stop();
        return false;
    }
    return true;
}

void FaultProxy::stop()
{
    if (!m_thread)
        return;
    if (m_hub) {
        QObject *hub = m_hub;
        QMetaObject::invokeMethod(
            hub, [hub] { delete hub; }, Qt::BlockingQueuedConnection);
        m_hub = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void FaultProxy::setTarget(const QString &host, int port)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->host = host;
    m_shared->port = port;
}

void FaultProxy::enqueue(const Action &action)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->queue.append(action);
}

void FaultProxy::enqueue(const QList<Action> &actions)
{
    std::lock_guard lock(m_shared->mutex);
    for (const Action &a : actions)
        m_shared->queue.append(a);
}

void FaultProxy::setPlan(const Plan &plan)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->plan = plan;
    m_shared->rng = plan.seed;
    m_shared->planned = true;
}

void FaultProxy::clearPlan()
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->planned = false;
}

void FaultProxy::setDefault(const Action &action)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->fallback = action;
}

void FaultProxy::setReorderTimeoutMs(int ms)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->reorderTimeoutMs = ms;
}

FaultProxy::Counters FaultProxy::counters() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->counters;
}

QList<FaultProxy::Action> FaultProxy::history() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->history;
}

QString FaultProxy::faultName(Fault fault)
{
    switch (fault) {
    case Fault::Pass:
        return QStringLiteral("pass");
    case Fault::Refuse:
        return QStringLiteral("refuse");
    case Fault::Drop:
        return QStringLiteral("drop");
    case Fault::Delay:
        return QStringLiteral("delay");
    case Fault::Cut:
        return QStringLiteral("cut");
    case Fault::Stall:
        return QStringLiteral("stall");
    case Fault::Duplicate:
        return QStringLiteral("duplicate");
    case Fault::Reorder:
        return QStringLiteral("reorder");
    }
    return QStringLiteral("?");
}

} // namespace tambo::test
