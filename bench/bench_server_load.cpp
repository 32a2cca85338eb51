// bench_server_load: load generator for tambo-server (issue 3 item 9).
//
// Simulates N devices (default 871, one per municipal PC) that each poll the server every
// interval (default 30 s), compressed in time by a factor (default 10: every 3 s), over HTTPS
// with certificate verification, a new TLS connection per poll as a PC that wakes up every 30 s
// would open. It reports per-request-kind p50/p99/max latency and errors, and exits 1 when the
// goals of issue 3 (p99 < 200 ms, 0 errors) are missed.
//
// By default it hosts everything itself: a private PostgreSQL (tests/support PostgresLauncher),
// the schema migrated, a bench user, one registered device per simulated PC with its own token
// bound to it, and one real tambo-server process. Then every poll is a sync: 9 in 10 polls pull
// the device's sede from its cursor (POST /v1/sync/pull), 1 in 10 push one new row of its sede
// (POST /v1/sync/push, the next seq of the device) — so pulls carry the other devices' pushes.
// The private PostgreSQL runs with fsync off like the tests' unless --durable.
// With --server it targets a running server instead (--ca, --user, TAMBO_BENCH_PASSWORD); there
// the devices share --logins sessions and poll GET /v1/auth/session and GET /v1/health, since
// sync needs a token bound to each device.
//
// Command and results: docs/performance.md ("Server load").
#include "DeviceRegistry.h"
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "TokenService.h"
#include "UserAccounts.h"

#include "sync/SyncMessages.h"
#include "sync/SyncProtocol.h"
#include "util/SystemClock.h"

#include <httplib.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTextStream>
#include <QUuid>

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>
#include <queue>

namespace {

using Clock = std::chrono::steady_clock;
using Millis = std::chrono::duration<double, std::milli>;

struct Options
{
    int devices = 871;
    double intervalSeconds = 30;
    double compress = 10;
    double durationSeconds = 60;
    int threads = 64;
    int logins = 8; // distinct sessions shared by the devices (login costs an Argon2id hash)
    int serverWorkers = 8;
    quint64 seed = 1;
    QString host;
    int port = 0;
    QString ca;
    QString user = QStringLiteral("bench");
    QString password;
};

struct Device
{
    int id = 0;
    std::string token; // access token: bound to this device (self-hosted) or a shared session
    QUuid deviceId;    // null: not registered (--server), no sync requests
    QString sede;
    std::atomic<qint64> seq{0};    // last seq pushed
    std::atomic<qint64> cursor{0}; // pull cursor of its sede
};

// One kind of request in the mix.
struct RequestKind
{
    std::string name;
    int weight = 1; // relative frequency per poll
    std::function<httplib::Result(httplib::ClientImpl &, Device &)> send;
};

httplib::Headers bearer(const Device &d)
{
    return httplib::Headers{{"Authorization", "Bearer " + d.token}};
}

std::string compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

// Without registered devices (--server): the session check and the health probe.
std::vector<RequestKind> sessionWorkload()
{
    return {
        {"GET /v1/auth/session",
         9,
         [](httplib::ClientImpl &c, Device &d) { return c.Get("/v1/auth/session", bearer(d)); }},
        {"GET /v1/health", 1, [](httplib::ClientImpl &c, Device &) { return c.Get("/v1/health"); }},
    };
}

// With a token bound to each device: the sync poll. A pull moves the device's cursor; a push
// sends one new row of the device's sede with its next seq (a 2xx with the entry applied).
std::vector<RequestKind> syncWorkload()
{
    using namespace tambo::core;
    return {
        {"POST /v1/sync/pull",
         9,
         [](httplib::ClientImpl &c, Device &d) {
             PullRequest request;
             request.deviceId = d.deviceId;
             request.schemaVersion = SyncProtocol::SchemaVersion;
             request.sede = d.sede;
             request.cursor = d.cursor.load();
             request.pageSize = SyncProtocol::DefaultPageSize;
             httplib::Result r = c.Post("/v1/sync/pull",
                                        bearer(d),
                                        compact(request.toJson()),
                                        "application/json");
             if (r && r->status == 200) {
                 QString error;
                 const auto page = PullResponse::fromJson(QJsonDocument::fromJson(
                                                              QByteArray::fromStdString(r->body))
                                                              .object(),
                                                          &error);
                 if (page)
                     d.cursor = page->nextCursor;
                 else
                     r->status = 599; // counted as an error: the answer did not parse
             }
             return r;
         }},
        {"POST /v1/sync/push",
         1,
         [](httplib::ClientImpl &c, Device &d) {
             const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
             SyncOp op;
             op.kind = SyncOp::Kind::Insert;
             op.table = QStringLiteral("t_items");
             op.id = id;
             op.data = QJsonObject{{QStringLiteral("id"), id},
                                   {QStringLiteral("sede_id"), d.sede},
                                   {QStringLiteral("area_id"), QStringLiteral("otic")},
                                   {QStringLiteral("name"), QStringLiteral("Monitor LED 24")},
                                   {QStringLiteral("estado"), QStringLiteral("B")},
                                   {QStringLiteral("note"), QString()},
                                   {QStringLiteral("qty"), 1}};
             OutboxEntry entry;
             entry.seq = d.seq + 1;
             entry.schemaVersion = SyncProtocol::SchemaVersion;
             entry.ops = {op};
             SyncTableRule rule;
             rule.table = QStringLiteral("t_items");
             rule.legalColumns = {QStringLiteral("estado")};
             PushRequest request;
             request.deviceId = d.deviceId;
             request.schemaVersion = SyncProtocol::SchemaVersion;
             request.tables = {rule};
             request.entries = {entry};
             httplib::Result r = c.Post("/v1/sync/push",
                                        bearer(d),
                                        compact(request.toJson()),
                                        "application/json");
             if (r && r->status == 200) {
                 QString error;
                 const auto answer = PushResponse::fromJson(QJsonDocument::fromJson(
                                                                QByteArray::fromStdString(r->body))
                                                                .object(),
                                                            &error);
                 if (answer && answer->acks.size() == 1
                     && answer->acks.at(0).status == PushAck::Status::Applied)
                     d.seq = entry.seq;
                 else
                     r->status = 599; // not applied: counted as an error
             }
             return r;
         }},
    };
}

quint64 splitmix(quint64 &state)
{
    state += 0x9E3779B97F4A7C15ULL;
    quint64 z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

struct Stats
{
    std::vector<double> latencies;     // ms, successful requests
    std::map<std::string, int> errors; // "status 503", "transport: Read", …
    int total = 0;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

std::unique_ptr<httplib::SSLClient> makeClient(const Options &o)
{
    auto c = std::make_unique<httplib::SSLClient>(o.host.toStdString(), o.port);
    c->set_ca_cert_path(o.ca.toStdString());
    c->enable_server_certificate_verification(true);
    c->set_connection_timeout(10, 0);
    c->set_read_timeout(30, 0);
    c->set_keep_alive(false); // a PC that polls every 30 s opens a new connection each time
    return c;
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// --server: the devices share o.logins sessions of o.user (a login costs an Argon2id hash).
bool loginSessions(const Options &o, std::vector<Device> &devices)
{
    std::vector<std::string> tokens;
    const std::unique_ptr<httplib::SSLClient> c = makeClient(o);
    for (int i = 0; i < o.logins; ++i) {
        const QJsonObject body{{QStringLiteral("username"), o.user},
                               {QStringLiteral("password"), o.password}};
        const auto r = c->Post("/v1/auth/login", compact(body), "application/json");
        if (!r || r->status != 200) {
            out() << "bench_server_load: login failed: "
                  << (r ? QString::number(r->status)
                        : QString::fromStdString(httplib::to_string(r.error())))
                  << Qt::endl;
            return false;
        }
        tokens.push_back(QJsonDocument::fromJson(QByteArray::fromStdString(r->body))
                             .object()
                             .value(QStringLiteral("access_token"))
                             .toString()
                             .toStdString());
    }
    for (Device &d : devices)
        d.token = tokens[std::size_t(d.id) % tokens.size()];
    return true;
}

// Self-hosted: every device registered (an Ed25519 key of its own) in sede-01 … sede-20, with
// an access token bound to it, issued straight through the server's own classes on its
// PostgreSQL (871 password logins would measure Argon2id, not the sync path). Each device's
// cursor starts at the current end: it has synced before, and now pulls what others push.
bool registerDevices(tambo::test::ServerFixture &fx,
                     const QString &user,
                     std::vector<Device> &devices)
{
    using namespace tambo::server;
    if (sodium_init() < 0)
        return false;
    static tambo::core::SystemClock clock;
    bool ok = true;
    {
        QSqlDatabase db = fx.pg().open(QStringLiteral("bench-devices"));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id FROM users WHERE username = ?"));
        q.addBindValue(user);
        UserAccounts accounts(db, clock);
        const auto account = (q.exec() && q.next()) ? accounts.findById(q.value(0).toLongLong())
                                                    : std::nullopt;
        DeviceRegistry registry(db, clock);
        TokenService tokens(db, clock, TokenService::Lifetimes{24 * 60, 30});
        ok = account.has_value();
        for (Device &d : devices) {
            if (!ok)
                break;
            unsigned char pk[crypto_sign_PUBLICKEYBYTES];
            unsigned char sk[crypto_sign_SECRETKEYBYTES];
            crypto_sign_keypair(pk, sk);
            d.deviceId = QUuid::createUuid();
            d.sede = QStringLiteral("sede-%1").arg(d.id % 20 + 1, 2, 10, QLatin1Char('0'));
            ok = registry
                     .registerDevice(d.deviceId,
                                     QByteArray(reinterpret_cast<const char *>(pk), sizeof pk),
                                     QStringLiteral("PC %1").arg(d.id),
                                     account->id)
                     .status
                 == DeviceRegistry::Status::Registered;
            const auto issued = ok ? tokens.issue(*account, d.deviceId)
                                   : TokenService::IssueResult{};
            ok = ok && issued.ok();
            d.token = issued.tokens.accessToken.toStdString();
        }
        if (ok && q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM sync_rows"))
            && q.next())
            for (Device &d : devices)
                d.cursor = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-devices"));
    if (!ok)
        out() << "bench_server_load: could not register the bench devices" << Qt::endl;
    return ok;
}

int runLoad(const Options &o, std::vector<Device> &devices, const std::vector<RequestKind> &kinds)
{
    int weightSum = 0;
    for (const RequestKind &k : kinds)
        weightSum += k.weight;

    const auto period = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(o.intervalSeconds / o.compress));
    const Clock::time_point start = Clock::now() + std::chrono::milliseconds(200);
    const Clock::time_point end = start
                                  + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(o.durationSeconds));

    // Every device's first poll falls at a (seeded) random point of the first period.
    using Due = std::pair<Clock::time_point, int>;
    std::priority_queue<Due, std::vector<Due>, std::greater<>> schedule;
    quint64 rng = o.seed;
    for (int i = 0; i < o.devices; ++i) {
        const auto offset = Clock::duration(
            Clock::duration::rep(double(splitmix(rng) % 1000000) / 1e6 * double(period.count())));
        schedule.emplace(start + offset, i);
    }
    std::mutex mutex;
    std::condition_variable wake;
    std::vector<Stats> stats(kinds.size());
    std::vector<double> lateness; // ms between a poll's due time and its start
    std::atomic<bool> stop{false};

    const auto worker = [&] {
        const std::unique_ptr<httplib::SSLClient> client = makeClient(o);
        std::unique_lock lock(mutex);
        while (!stop) {
            if (schedule.empty()) {
                wake.wait(lock);
                continue;
            }
            const auto [due, id] = schedule.top();
            if (due >= end || Clock::now() >= end) {
                stop = true;
                wake.notify_all();
                break;
            }
            if (Clock::now() < due) {
                wake.wait_until(lock, due);
                continue;
            }
            schedule.pop();
            schedule.emplace(due + period, id);
            quint64 pick = quint64(id) * 1000003ULL + quint64((due - start).count());
            const int roll = int(splitmix(pick) % quint64(weightSum));
            std::size_t kind = 0;
            for (int acc = 0; kind < kinds.size(); ++kind) {
                acc += kinds[kind].weight;
                if (roll < acc)
                    break;
            }
            lock.unlock();
            wake.notify_one();
            const Clock::time_point begun = Clock::now();
            const httplib::Result r = kinds[kind].send(*client, devices[std::size_t(id)]);
            const double ms = Millis(Clock::now() - begun).count();
            lock.lock();
            Stats &s = stats[kind];
            ++s.total;
            lateness.push_back(Millis(begun - due).count());
            if (!r)
                ++s.errors["transport: " + httplib::to_string(r.error())];
            else if (r->status < 200 || r->status >= 300)
                ++s.errors["status " + std::to_string(r->status)];
            else
                s.latencies.push_back(ms);
        }
    };
    std::vector<std::thread> pool;
    for (int i = 0; i < o.threads; ++i)
        pool.emplace_back(worker);
    for (std::thread &t : pool)
        t.join();
    // Polls that fell due before the end but never started (the client or server fell behind).
    qint64 missed = 0;
    while (!schedule.empty()) {
        const Clock::time_point due = schedule.top().first;
        schedule.pop();
        if (due < end)
            missed += 1 + qint64((end - due - Clock::duration(1)) / period);
    }

    // Report.
    const double polls = double(o.devices) / (o.intervalSeconds / o.compress);
    out() << QStringLiteral("devices: %1, poll every %2 s compressed ×%3 (every %4 s, %5 polls/s), "
                            "duration %6 s, client threads %7")
                 .arg(o.devices)
                 .arg(o.intervalSeconds)
                 .arg(o.compress)
                 .arg(o.intervalSeconds / o.compress)
                 .arg(polls, 0, 'f', 1)
                 .arg(o.durationSeconds)
                 .arg(o.threads)
          << Qt::endl;
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6")
                 .arg(QStringLiteral("request"), -24)
                 .arg(QStringLiteral("count"), 8)
                 .arg(QStringLiteral("errors"), 7)
                 .arg(QStringLiteral("p50 ms"), 8)
                 .arg(QStringLiteral("p99 ms"), 8)
                 .arg(QStringLiteral("max ms"), 8)
          << Qt::endl;
    std::vector<double> all;
    int errors = 0;
    int total = 0;
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        const Stats &s = stats[k];
        int e = 0;
        for (const auto &[what, n] : s.errors)
            e += n;
        errors += e;
        total += s.total;
        all.insert(all.end(), s.latencies.begin(), s.latencies.end());
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6")
                     .arg(QString::fromStdString(kinds[k].name), -24)
                     .arg(s.total, 8)
                     .arg(e, 7)
                     .arg(percentile(s.latencies, 0.50), 8, 'f', 1)
                     .arg(percentile(s.latencies, 0.99), 8, 'f', 1)
                     .arg(s.latencies.empty()
                              ? 0.0
                              : *std::max_element(s.latencies.begin(), s.latencies.end()),
                          8,
                          'f',
                          1)
              << Qt::endl;
        for (const auto &[what, n] : s.errors)
            out() << "    " << n << " × " << QString::fromStdString(what) << Qt::endl;
    }
    const double p50 = percentile(all, 0.50);
    const double p99 = percentile(all, 0.99);
    out() << QStringLiteral("late starts (client saturated if high): p50 %1 ms, p99 %2 ms")
                 .arg(percentile(lateness, 0.50), 0, 'f', 1)
                 .arg(percentile(lateness, 0.99), 0, 'f', 1)
          << Qt::endl;
    // A poll that never started counts as an error: the devices were not served.
    const bool met = errors == 0 && missed == 0 && p99 < 200.0 && total > 0;
    out() << QStringLiteral("requests: %1, errors: %2, not started: %3, p50: %4 ms, p99: %5 ms, "
                            "goal (p99 < 200 ms, 0 errors): %6")
                 .arg(total)
                 .arg(errors)
                 .arg(missed)
                 .arg(p50, 0, 'f', 1)
                 .arg(p99, 0, 'f', 1)
                 .arg(met ? QStringLiteral("met") : QStringLiteral("MISSED"))
          << Qt::endl;
    return met ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::signal(SIGPIPE, SIG_IGN);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Load generator for tambo-server."));
    parser.addHelpOption();
    const auto opt = [&](const char *name, const char *help, const char *value = "n") {
        QCommandLineOption o(QString::fromLatin1(name),
                             QString::fromLatin1(help),
                             QString::fromLatin1(value));
        parser.addOption(o);
        return o;
    };
    const auto devicesOpt = opt("devices", "Simulated devices (871).");
    const auto intervalOpt = opt("interval", "Poll interval of each device, seconds (30).");
    const auto compressOpt = opt("compress", "Time compression factor (10: poll every 3 s).");
    const auto durationOpt = opt("duration", "Length of the run, seconds (60).");
    const auto threadsOpt = opt("threads", "Client threads (64).");
    const auto loginsOpt = opt("logins", "Sessions shared by the devices (8).");
    const auto workersOpt = opt("server-workers", "workers of the self-hosted server (8).");
    const auto seedOpt = opt("seed", "Seed of the schedule (1).");
    const auto serverOpt = opt("server",
                               "host:port of a running tambo-server (default: host one).",
                               "host:port");
    const auto caOpt = opt("ca", "CA certificate (PEM) for --server.", "file");
    const auto userOpt = opt("user", "User for --server (password: $TAMBO_BENCH_PASSWORD).", "name");
    const QCommandLineOption
        durableOpt(QStringLiteral("durable"),
                   QStringLiteral(
                       "Self-hosted PostgreSQL with fsync and synchronous commits on, as in "
                       "production (the test harness turns them off)."));
    parser.addOption(durableOpt);
    parser.process(app);

    Options o;
    const auto number = [&](const QCommandLineOption &option, auto &target) {
        if (parser.isSet(option))
            target = decltype(target + 0)(parser.value(option).toDouble());
    };
    number(devicesOpt, o.devices);
    number(intervalOpt, o.intervalSeconds);
    number(compressOpt, o.compress);
    number(durationOpt, o.durationSeconds);
    number(threadsOpt, o.threads);
    number(loginsOpt, o.logins);
    number(workersOpt, o.serverWorkers);
    if (parser.isSet(seedOpt))
        o.seed = parser.value(seedOpt).toULongLong();
    if (o.devices < 1 || o.intervalSeconds <= 0 || o.compress <= 0 || o.durationSeconds <= 0
        || o.threads < 1 || o.logins < 1 || o.serverWorkers < 1) {
        out() << "bench_server_load: every number must be positive" << Qt::endl;
        return 2;
    }

    if (parser.isSet(serverOpt)) {
        const QStringList hp = parser.value(serverOpt).split(QLatin1Char(':'));
        o.host = hp.value(0);
        o.port = hp.value(1).toInt();
        o.ca = parser.value(caOpt);
        o.user = parser.isSet(userOpt) ? parser.value(userOpt) : o.user;
        o.password = qEnvironmentVariable("TAMBO_BENCH_PASSWORD");
        if (o.host.isEmpty() || o.port <= 0 || o.ca.isEmpty() || o.password.isEmpty()) {
            out() << "bench_server_load: --server host:port needs --ca FILE and "
                     "TAMBO_BENCH_PASSWORD"
                  << Qt::endl;
            return 2;
        }
        std::vector<Device> devices(std::size_t(o.devices));
        for (int i = 0; i < o.devices; ++i)
            devices[std::size_t(i)].id = i;
        if (!loginSessions(o, devices))
            return 2;
        return runLoad(o, devices, sessionWorkload());
    }

    // Self-hosted: PostgreSQL, schema, a bench user and one tambo-server with serverWorkers.
    if (parser.isSet(durableOpt))
        qputenv("TAMBO_PG_DURABLE", "1"); // read by tests/support PostgresLauncher
    out() << "PostgreSQL: "
          << (tambo::test::PostgresLauncher::durableRequested()
                  ? "durable (fsync and synchronous commits on)"
                  : "fsync off (test harness)")
          << Qt::endl;
    tambo::test::ServerFixture fx;
    QString error;
    if (!fx.setUp(&error)) {
        out() << "bench_server_load: " << error << Qt::endl;
        return 2;
    }
    o.password = QStringLiteral("bench-clave-2026");
    if (!fx.createUser(o.user,
                       QStringLiteral("admin_otic"),
                       QStringLiteral("central"),
                       o.password,
                       &error)) {
        out() << "bench_server_load: " << error << Qt::endl;
        return 2;
    }
    const QString config = tambo::test::ServerProcess::writeConfig(fx.dir(),
                                                                   QStringLiteral("bench.ini"),
                                                                   fx.pg(),
                                                                   fx.pg().databaseName(),
                                                                   &fx.certificate(),
                                                                   o.serverWorkers);
    tambo::test::ServerProcess server(fx.dir() + QStringLiteral("/server.log"));
    if (!server.start(config, &error)) {
        out() << "bench_server_load: " << error << Qt::endl;
        return 2;
    }
    o.host = QStringLiteral("127.0.0.1");
    o.port = server.port();
    o.ca = fx.certificate().certificatePath();
    out() << "self-hosted tambo-server on 127.0.0.1:" << o.port << " with " << o.serverWorkers
          << " workers" << Qt::endl;
    std::vector<Device> devices(std::size_t(o.devices));
    for (int i = 0; i < o.devices; ++i)
        devices[std::size_t(i)].id = i;
    if (!registerDevices(fx, o.user, devices))
        return 2;
    out() << o.devices << " devices registered, each with a token bound to it" << Qt::endl;
    const int rc = runLoad(o, devices, syncWorkload());
    server.signal(SIGTERM);
    server.waitForExit(15000);
    return rc;
}
