// tambo-simulate: seeded sync simulation (issue 3, deliverable 8; docs/sync-protocol.md
// "Simulation"). K PCs on the real client engine against a real tambo-server and PostgreSQL,
// N random operations per seed, then the checks; one summary line at the end:
//   seeds: S, diverged: D, lost: L, duplicated: U
// Exit code 0 only when D, L and U are all 0 (2: bad command line or no server to run).
#include "SimServer.h"
#include "Simulator.h"

#include "sync/BundleKeyPair.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStringList>

#include <cstdio>

using tambo::test::SeedRun;
using tambo::test::SimServer;
using tambo::test::Simulator;

namespace {

int usage(const QString &why)
{
    std::fprintf(stderr,
                 "tambo-simulate: %s\n"
                 "usage: tambo-simulate (--seeds A..B | --seed S) [--clients K] [--ops N]\n"
                 "                      [--verbose] [--keep]\n"
                 "  --seeds A..B  run every seed from A to B (inclusive)\n"
                 "  --seed S      run one seed (with --verbose: every operation)\n"
                 "  --clients K   PCs per seed (2..8, default 3; even ones in sede central, odd "
                 "ones in norte)\n"
                 "  --ops N       random operations per seed (default 40)\n"
                 "  --keep        keep the folders of failing seeds (stores, bundles, logs)\n",
                 qPrintable(why));
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    args.removeFirst();

    quint64 first = 0;
    quint64 last = 0;
    bool haveSeeds = false;
    Simulator::Options options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const auto value = [&]() -> QString {
            return i + 1 < args.size() ? args.at(++i) : QString();
        };
        bool ok = true;
        if (a == QLatin1String("--seeds")) {
            const QRegularExpressionMatch m
                = QRegularExpression(QStringLiteral("^(\\d+)\\.\\.(\\d+)$")).match(value());
            if (!m.hasMatch())
                return usage(QStringLiteral("--seeds needs A..B, e.g. 1..200"));
            first = m.captured(1).toULongLong(&ok);
            last = m.captured(2).toULongLong(&ok);
            if (!ok || last < first)
                return usage(QStringLiteral("--seeds A..B needs A <= B"));
            haveSeeds = true;
        } else if (a == QLatin1String("--seed")) {
            first = last = value().toULongLong(&ok);
            if (!ok)
                return usage(QStringLiteral("--seed needs a number"));
            haveSeeds = true;
        } else if (a == QLatin1String("--clients")) {
            options.clients = value().toInt(&ok);
            if (!ok || options.clients < 2 || options.clients > 8)
                return usage(QStringLiteral("--clients must be 2..8"));
        } else if (a == QLatin1String("--ops")) {
            options.ops = value().toInt(&ok);
            if (!ok || options.ops < 1 || options.ops > 100000)
                return usage(QStringLiteral("--ops must be 1..100000"));
        } else if (a == QLatin1String("--inject-bug")) {
            // Hidden: proves the checks can fail (CTest tambo_simulate_detects_*).
            const QString bug = value();
            if (bug == QLatin1String("lose"))
                options.inject = Simulator::InjectBug::Lose;
            else if (bug == QLatin1String("duplicate"))
                options.inject = Simulator::InjectBug::Duplicate;
            else if (bug == QLatin1String("diverge"))
                options.inject = Simulator::InjectBug::Diverge;
            else
                return usage(QStringLiteral("--inject-bug is lose, duplicate or diverge"));
        } else if (a == QLatin1String("--verbose")) {
            options.verbose = true;
        } else if (a == QLatin1String("--keep")) {
            options.keepDirs = true;
        } else {
            return usage(QStringLiteral("unknown argument %1").arg(a));
        }
    }
    if (!haveSeeds)
        return usage(QStringLiteral("--seeds A..B or --seed S is required"));
    if (!tambo::core::BundleKeyPair::initSodium()) {
        std::fprintf(stderr, "tambo-simulate: libsodium cannot start\n");
        return 2;
    }

    QElapsedTimer clock;
    clock.start();
    SimServer server;
    QString error;
    if (!server.setUp(&error)) {
        std::fprintf(stderr, "tambo-simulate: cannot set up the server: %s\n", qPrintable(error));
        return 2;
    }
    std::printf("tambo-simulate: seeds %llu..%llu, %d clients, %d ops (set-up %.1f s)\n",
                static_cast<unsigned long long>(first),
                static_cast<unsigned long long>(last),
                options.clients,
                options.ops,
                double(clock.elapsed()) / 1000.0);
    std::fflush(stdout);

    const qint64 setUpMs = clock.elapsed();
    QElapsedTimer progress;
    progress.start();
    Simulator simulator(server, options);
    quint64 seeds = 0;
    quint64 diverged = 0;
    quint64 lost = 0;
    quint64 duplicated = 0;
    quint64 failed = 0; // seeds with any problem
    qint64 writes = 0;
    qint64 trips = 0;
    qint64 restarts = 0;
    for (quint64 seed = first;; ++seed) {
        if (options.verbose)
            std::printf("seed %llu\n", static_cast<unsigned long long>(seed));
        const SeedRun run = simulator.run(seed);
        ++seeds;
        writes += run.writes;
        trips += run.bundleTrips;
        restarts += run.serverRestarts;
        if (!run.setupError.isEmpty()) {
            std::printf("seed %llu: could not run: %s\n",
                        static_cast<unsigned long long>(seed),
                        qPrintable(run.setupError));
        } else if (!run.ok() || options.verbose) {
            std::printf("seed %llu: diverged %d, lost %d, duplicated %d (writes %d, acked %d, "
                        "rejected %d, conflicts %d, syncs %d, offline %d, bundle trips %d, PC "
                        "restarts %d, server restarts %d, heal rounds %d)\n",
                        static_cast<unsigned long long>(seed),
                        run.diverged,
                        run.lost,
                        run.duplicated,
                        run.writes,
                        run.acked,
                        run.rejected,
                        run.conflicts,
                        run.syncs,
                        run.offlineSyncs,
                        run.bundleTrips,
                        run.pcRestarts,
                        run.serverRestarts,
                        run.healRounds);
            for (const QString &p : run.problems)
                std::printf("  %s\n", qPrintable(p));
            if (!run.ok()) {
                std::printf("  reproduce: tambo-simulate --seed %llu --clients %d --ops %d "
                            "--verbose\n",
                            static_cast<unsigned long long>(seed),
                            options.clients,
                            options.ops);
            }
        }
        diverged += run.diverged > 0 || !run.setupError.isEmpty() ? 1 : 0;
        lost += run.lost > 0 ? 1 : 0;
        duplicated += run.duplicated > 0 ? 1 : 0;
        failed += run.ok() && run.setupError.isEmpty() ? 0 : 1;
        std::fflush(stdout);
        if (seed == last)
            break;
        // A long run says how far it is, every 30 s, on stderr (stdout keeps the results).
        if (!options.verbose && progress.elapsed() >= 30000) {
            progress.restart();
            const quint64 total = last - first + 1;
            const double perSeed = double(clock.elapsed() - setUpMs) / double(seeds);
            const double left = perSeed * double(total - seeds) / 1000.0; // seconds
            std::fprintf(stderr,
                         "tambo-simulate: %llu of %llu seeds, %llu failing, about %.0f %s left\n",
                         static_cast<unsigned long long>(seeds),
                         static_cast<unsigned long long>(total),
                         static_cast<unsigned long long>(failed),
                         left < 120 ? left : left / 60,
                         left < 120 ? "s" : "min");
        }
    }
    if (server.sanitizerReport())
        std::printf("tambo-server wrote a sanitizer report: see its log in %s\n",
                    qPrintable(server.dir()));
    std::printf("(%lld writes, %lld bundle trips, %lld server restarts in %.1f s)\n",
                static_cast<long long>(writes),
                static_cast<long long>(trips),
                static_cast<long long>(restarts),
                double(clock.elapsed()) / 1000.0);
    std::printf("seeds: %llu, diverged: %llu, lost: %llu, duplicated: %llu\n",
                static_cast<unsigned long long>(seeds),
                static_cast<unsigned long long>(diverged),
                static_cast<unsigned long long>(lost),
                static_cast<unsigned long long>(duplicated));
    std::fflush(stdout);
    const bool clean = diverged == 0 && lost == 0 && duplicated == 0 && !server.sanitizerReport();
    return clean ? 0 : 1;
}
