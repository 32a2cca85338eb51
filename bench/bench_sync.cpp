// bench_sync: the client side of sync at scale (issue 3 item 9).
//
//   1. First sync of N rows (default 100,000; --rows 1000000 for the million): the server's
//      PostgreSQL is filled with N rows of one sede, then a PC with an empty SQLCipher store syncs
//      them through the real SyncEngine (its worker thread, real HTTPS to a real tambo-server).
//      Reported: rows/s from the start of the run to the last page committed (network, server
//      and client apply together, so the client's apply rate alone is at least this), and the
//      longest stall of the UI thread while it ran: the main thread runs a 5 ms timer, as the
//      shell's event loop would, and the longest gap between two ticks minus 5 ms is the stall.
//   2. Incremental sync of 1,000 changes each way: 1,000 rows edited on the PC (pushed) and,
//      after that, 1,000 rows changed on the server by another device (pulled).
//
// Everything is real: a private PostgreSQL (tests/support PostgresLauncher), tambo-server over
// TLS, the PC's store (SQLCipher) with the generated outbox triggers. It checks the outcome
// (every row arrived, every edit went up and came down) and exits 1 when a goal is missed
// (≥ 20,000 rows/s on the first sync, UI stall < 100 ms) and 2 when something failed.
//
// Command and results: docs/performance.md ("Sync").
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "SyncTestPc.h"

#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlQuery>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <sys/resource.h>
#include <vector>

namespace {

using tambo::core::SyncEngine;
using tambo::test::ServerFixture;
using tambo::test::ServerProcess;
using tambo::test::SyncTestPc;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// The main thread's view of one sync run: how long it took and how long the event loop stalled.
struct RunMeasure
{
    bool ok = false;
    QString message;
    double seconds = 0;
    double cpuSeconds = 0; // this process (UI thread + sync worker), user + system
    double maxStallMs = 0;
    double p99GapMs = 0;
};

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Starts a run (syncNow, or the engine's own first run when start is set) and spins the event
// loop with a 5 ms timer until runFinished, measuring the gaps between ticks.
RunMeasure measureRun(SyncEngine &engine, bool start, int timeoutMs)
{
    RunMeasure m;
    QEventLoop loop;
    QElapsedTimer clock;
    std::vector<double> gaps;
    qint64 last = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps.push_back(double(now - last) / 1e6);
        last = now;
    });
    const auto done = QObject::connect(&engine,
                                       &SyncEngine::runFinished,
                                       &loop,
                                       [&](bool ok, const QString &message) {
                                           m.ok = ok;
                                           m.message = message;
                                           loop.quit();
                                       });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        m.message = QStringLiteral("timeout");
        loop.quit();
    });
    const double cpuBefore = processCpuSeconds();
    clock.start();
    tick.start();
    if (start)
        engine.start();
    else
        engine.syncNow();
    loop.exec();
    m.seconds = double(clock.nsecsElapsed()) / 1e9;
    m.cpuSeconds = processCpuSeconds() - cpuBefore;
    tick.stop();
    QObject::disconnect(done);
    if (!gaps.empty()) {
        std::sort(gaps.begin(), gaps.end());
        m.maxStallMs = std::max(0.0, gaps.back() - 5.0);
        m.p99GapMs = gaps[std::min(gaps.size() - 1, std::size_t(0.99 * double(gaps.size())))];
    }
    return m;
}

int fail(const QString &what)
{
    out() << "bench_sync: " << what << Qt::endl;
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::signal(SIGPIPE, SIG_IGN);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("First and incremental sync of a PC against a real tambo-server."));
    parser.addHelpOption();
    const QCommandLineOption rowsOpt(QStringLiteral("rows"),
                                     QStringLiteral("Rows of the first sync (100000)."),
                                     QStringLiteral("n"));
    const QCommandLineOption changesOpt(QStringLiteral("changes"),
                                        QStringLiteral("Changes of the incremental sync (1000)."),
                                        QStringLiteral("n"));
    const QCommandLineOption pageOpt(QStringLiteral("page-size"),
                                     QStringLiteral(
                                         "Pull page size (2000, the protocol's maximum)."),
                                     QStringLiteral("n"));
    parser.addOption(rowsOpt);
    parser.addOption(changesOpt);
    parser.addOption(pageOpt);
    parser.process(app);
    const int rows = parser.isSet(rowsOpt) ? parser.value(rowsOpt).toInt() : 100000;
    const int changes = parser.isSet(changesOpt) ? parser.value(changesOpt).toInt() : 1000;
    const int pageSize = parser.isSet(pageOpt) ? parser.value(pageOpt).toInt()
                                               : tambo::core::SyncProtocol::MaxPageSize;
    if (rows < 1 || changes < 1 || changes > rows || pageSize < 1)
        return fail(QStringLiteral("--rows, --changes and --page-size must be positive, "
                                   "changes ≤ rows"));

    ServerFixture fx;
    QString error;
    if (!fx.setUp(&error))
        return fail(error);
    const QString password = QStringLiteral("bench-clave-2026");
    if (!fx.createUser(QStringLiteral("bench"),
                       QStringLiteral("admin_otic"),
                       QStringLiteral("central"),
                       password,
                       &error))
        return fail(error);
    const QString config = ServerProcess::writeConfig(fx.dir(),
                                                      QStringLiteral("bench.ini"),
                                                      fx.pg(),
                                                      fx.pg().databaseName(),
                                                      &fx.certificate(),
                                                      4);
    ServerProcess server(fx.dir() + QStringLiteral("/server.log"));
    if (!server.start(config, &error))
        return fail(error);

    // The server's rows, as PCs of sede "central" would have pushed them (t_items of SyncTestPc).
    QElapsedTimer seeding;
    seeding.start();
    // Ids as Tambo makes them: UUID version 7 (core/util/Uuid7), whose first 48 bits are the
    // creation time in milliseconds, so rows made later sort later (here one millisecond apart,
    // the rest of the id random-looking).
    if (!fx.exec(QStringLiteral(
                     "INSERT INTO sync_rows (table_name, row_id, version, deleted, data, "
                     "sede_id, area_id, updated_at) "
                     "SELECT 't_items', id, nextval('sync_change_seq'), FALSE, "
                     "jsonb_build_object('id', id, 'sede_id', 'central', 'area_id', 'a' || (g % "
                     "40), 'name', 'Bien patrimonial ' || g, 'estado', 'B', 'note', 'Ubicado en "
                     "la oficina ' || (g % 97), 'qty', g), 'central', 'a' || (g % 40), now() "
                     "FROM (SELECT g, overlay(overlay(md5('bench' || g) placing "
                     "lpad(to_hex(1764600000000 + g), 12, '0') from 1 for 12) placing '7' from "
                     "13 for 1)::uuid::text AS id FROM generate_series(1, %1) AS g) AS made")
                     .arg(rows),
                 &error))
        return fail(error);
    fx.exec(QStringLiteral("ANALYZE sync_rows"));
    out() << QStringLiteral("server seeded with %L1 rows in %2 s")
                 .arg(rows)
                 .arg(double(seeding.elapsed()) / 1000.0, 0, 'f', 1)
          << Qt::endl;

    SyncTestPc pc(fx.dir(), QStringLiteral("bench-pc"));
    if (!pc.open(&error)
        || !pc.enroll(server.port(),
                      fx.certificate().certificatePath(),
                      QStringLiteral("bench"),
                      password,
                      &error))
        return fail(error);

    SyncEngine::Options options;
    options.serverUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.port()));
    options.caCertificate = fx.certificate().certificatePath();
    options.deviceId = pc.deviceId();
    options.deviceName = QStringLiteral("PC de medición");
    options.sede = QStringLiteral("central");
    options.accessToken = pc.http().accessToken();
    options.refreshToken = pc.http().refreshToken();
    options.pageSize = pageSize;
    options.pushBatch = 500;
    options.retry.pollIntervalMs = 24 * 3600 * 1000; // only the runs this program asks for
    SyncEngine engine(pc.store(), SyncTestPc::tables(), pc.clock(), options);

    // 1. First sync.
    const RunMeasure first = measureRun(engine, true, 3600 * 1000);
    if (!first.ok)
        return fail(QStringLiteral("first sync failed: ") + first.message);
    const qint64 arrived = pc.scalar(QStringLiteral("SELECT count(*) FROM t_items")).toLongLong();
    if (arrived != rows)
        return fail(QStringLiteral("first sync: %1 rows arrived of %2").arg(arrived).arg(rows));
    const double rate = double(rows) / first.seconds;

    // 2a. Incremental: changes edited on the PC, pushed.
    if (!pc.exec(QStringLiteral("UPDATE t_items SET note = 'revisado en campaña' WHERE rowid IN "
                                "(SELECT rowid FROM t_items ORDER BY id LIMIT %1)")
                     .arg(changes),
                 {},
                 &error))
        return fail(error);
    const RunMeasure push = measureRun(engine, false, 600 * 1000);
    if (!push.ok)
        return fail(QStringLiteral("incremental push failed: ") + push.message);
    const qint64 pending = pc.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toLongLong();
    QString serverCount;
    {
        // The server holds every edit.
        QSqlDatabase pg = fx.pg().open(QStringLiteral("bench-check"));
        if (pg.isOpen()) {
            QSqlQuery q(pg);
            if (q.exec(QStringLiteral("SELECT count(*) FROM sync_rows WHERE data->>'note' = "
                                      "'revisado en campaña'"))
                && q.next())
                serverCount = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-check"));
    if (serverCount != QString::number(changes) || pending != 0)
        return fail(QStringLiteral("incremental push: server has %1 edited rows of %2, %3 still "
                                   "pending")
                        .arg(serverCount)
                        .arg(changes)
                        .arg(pending));

    // 2b. Incremental: changes made on the server by another device, pulled.
    if (!fx.exec(QStringLiteral(
                     "UPDATE sync_rows SET version = nextval('sync_change_seq'), data = "
                     "jsonb_set(data, '{estado}', '\"R\"'), updated_at = now() WHERE row_id IN "
                     "(SELECT row_id FROM sync_rows ORDER BY row_id DESC LIMIT %1)")
                     .arg(changes),
                 &error))
        return fail(error);
    const RunMeasure pull = measureRun(engine, false, 600 * 1000);
    if (!pull.ok)
        return fail(QStringLiteral("incremental pull failed: ") + pull.message);
    const qint64 pulled = pc.scalar(QStringLiteral("SELECT count(*) FROM t_items WHERE estado = "
                                                   "'R'"))
                              .toLongLong();
    if (pulled != changes)
        return fail(
            QStringLiteral("incremental pull: %1 rows changed of %2").arg(pulled).arg(changes));
    engine.stop();
    server.signal(SIGTERM);
    server.waitForExit(15000);

    const bool met = rate >= 20000 && first.maxStallMs < 100 && push.maxStallMs < 100
                     && pull.maxStallMs < 100;
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6")
                 .arg(QStringLiteral("run"), -34)
                 .arg(QStringLiteral("seconds"), 8)
                 .arg(QStringLiteral("rows/s"), 9)
                 .arg(QStringLiteral("stall ms"), 9)
                 .arg(QStringLiteral("p99 gap"), 8)
                 .arg(QStringLiteral("client CPU s"), 13)
          << Qt::endl;
    const auto line = [](const QString &name, const RunMeasure &m, int n) {
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6")
                     .arg(name, -34)
                     .arg(m.seconds, 8, 'f', 2)
                     .arg(double(n) / m.seconds, 9, 'f', 0)
                     .arg(m.maxStallMs, 9, 'f', 1)
                     .arg(m.p99GapMs, 8, 'f', 1)
                     .arg(m.cpuSeconds, 13, 'f', 2)
              << Qt::endl;
    };
    line(QStringLiteral("first sync, %1 rows").arg(rows), first, rows);
    line(QStringLiteral("incremental: push %1 edits").arg(changes), push, changes);
    line(QStringLiteral("incremental: pull %1 changes").arg(changes), pull, changes);
    out() << QStringLiteral("rows: %1, first sync: %2 rows/s, longest UI stall: %3 ms, goal "
                            "(≥ 20000 rows/s, stall < 100 ms): %4")
                 .arg(rows)
                 .arg(rate, 0, 'f', 0)
                 .arg(std::max({first.maxStallMs, push.maxStallMs, pull.maxStallMs}), 0, 'f', 1)
                 .arg(met ? QStringLiteral("met") : QStringLiteral("MISSED"))
          << Qt::endl;
    return met ? 0 : 1;
}
