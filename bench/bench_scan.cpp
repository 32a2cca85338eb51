// Scan → asset shown on a register of 100,000 assets (issue 4, item 10; goal p99 < 10 ms).
// The store is a real SQLCipher file (Workspace with a random 256-bit key, the patrimonio module
// linked and migrated, demo data seeded) filled with 100,000 more assets through the importer,
// as `tambo-admin patrimonio import` does; then it is closed and opened again, so the scans
// start with SQLCipher's page cache empty (the OS file cache stays warm, as on a clerk's PC).
// 10,000 scans of random registered códigos (repeats included, as in a real session) mixed
// with 500 well-formed códigos that are not in the register, in a fixed random order, are timed
// one by one:
//   BM_ScanLookup: ScanSession::scan, the lookup by código every scan makes (validation, the
//                  prepared query on the unique index, the session's repeated-scan count);
//   BM_ScanPage:   ScanPage::handleCode on a shown page (offscreen platform), the whole path
//                  of a scan in the app: the lookup, the asset's history, the detail view, the
//                  banner and the recent list, plus the event loop until the page is repainted.
// The counters give p50/p99/max per scan in ms (and the first, cold scan); the Time column is
// the mean per scan. The page benchmark splits each scan into handle_* (handleCode) and events_*
// (the event loop after it).
#include "AssetImporter.h"
#include "AssetRepository.h"
#include "ImportCsvReader.h"
#include "ImportMapping.h"
#include "PatrimonioPlugin.h"
#include "ScanPage.h"
#include "ScanSession.h"
#include "SigaExportGenerator.h"

#include "auth/RoleCatalog.h"
#include "auth/Session.h"
#include "module/ModuleManager.h"
#include "store/MemoryKeyProvider.h"
#include "store/Store.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

using namespace tambo;

namespace {

constexpr int ImportedAssets = 100000;
constexpr int KnownScans = 10000;
constexpr int UnknownScans = 500;

// The seeded store, made once for both benchmarks (seeding takes several seconds).
struct Store
{
    QTemporaryDir dir;
    core::MemoryKeyProvider keys;
    std::unique_ptr<core::Workspace> ws;
    QStringList scans; // the codes to scan, in order
    int registered = 0;
    QString error;

    patrimonio::PatrimonioPlugin *plugin() const
    {
        return dynamic_cast<patrimonio::PatrimonioPlugin *>(
            ws->modules().module(QStringLiteral("patrimonio")));
    }
};

bool openWorkspace(Store *s)
{
    core::Workspace::Options o;
    o.storePath = s->dir.filePath(QStringLiteral("bench.tambo"));
    o.keys = &s->keys;
    auto opened = core::Workspace::open(o);
    if (!opened.ok()) {
        s->error = opened.error;
        return false;
    }
    s->ws = std::move(opened.workspace);
    if (!s->plugin() || !s->plugin()->assets()) {
        s->error = QStringLiteral("the patrimonio module is not loaded");
        return false;
    }
    return true;
}

core::Session sessionFor(const QString &roleId)
{
    patrimonio::PatrimonioPlugin plugin;
    core::Session s;
    s.userId = 1;
    s.username = QStringLiteral("bench");
    s.fullName = QStringLiteral("bench");
    s.roleId = roleId;
    s.permissions = core::RoleCatalog::grants(plugin.permissions()).value(roleId);
    return s;
}

bool seed(Store *s)
{
    if (!openWorkspace(s))
        return false;
    if (!s->ws->seedDemo(&s->error))
        return false;
    // Correlativos 9000–9999 stay free: the unknown códigos come from there.
    const QByteArray csv = bench::SigaExportGenerator::csv(*s->ws, ImportedAssets, 8999);
    if (csv.isEmpty()) {
        s->error = QStringLiteral("the demo catálogo is too small for 100,000 códigos");
        return false;
    }
    const QString path = s->dir.filePath(QStringLiteral("siga.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size()) {
        s->error = QStringLiteral("cannot write the CSV");
        return false;
    }
    file.close();
    patrimonio::ImportTable table;
    if (!patrimonio::ImportCsvReader::readFile(path, &table, &s->error))
        return false;
    const core::Session jefe = sessionFor(QStringLiteral("patrimonio_jefe"));
    auto *importer = s->plugin()->importer();
    const auto plan = importer->check(jefe,
                                      table,
                                      patrimonio::ImportMapping::siga(),
                                      QStringLiteral("siga.csv"));
    if (!plan.canImport() || plan.assets.size() != ImportedAssets) {
        s->error = plan.problems.isEmpty() ? plan.error : plan.problems.first().message;
        return false;
    }
    const auto result = importer->run(jefe, plan);
    if (!result.ok() || result.imported != ImportedAssets) {
        s->error = result.error;
        return false;
    }

    // The codes to scan: random registered ones and free correlativos 9000–9999.
    QStringList registered;
    QStringList catalogo;
    {
        QSqlQuery q(s->ws->store().database());
        q.exec(QStringLiteral("SELECT codigo FROM patrimonio_assets"));
        while (q.next())
            registered << q.value(0).toString();
        q.exec(QStringLiteral("SELECT code FROM patrimonio_catalogo ORDER BY code"));
        while (q.next())
            catalogo << q.value(0).toString();
    }
    s->registered = int(registered.size());
    const QSet<QString> known(registered.cbegin(), registered.cend());
    std::mt19937 random(20261201);
    std::uniform_int_distribution<qsizetype> pickKnown(0, registered.size() - 1);
    for (int i = 0; i < KnownScans; ++i)
        s->scans << registered.at(pickKnown(random));
    std::uniform_int_distribution<qsizetype> pickCatalogo(0, catalogo.size() - 1);
    std::uniform_int_distribution<int> pickFree(9000, 9999);
    while (s->scans.size() < KnownScans + UnknownScans) {
        const QString code = catalogo.at(pickCatalogo(random))
                             + QString::number(pickFree(random)).rightJustified(4, u'0');
        if (!known.contains(code))
            s->scans << code;
    }
    std::shuffle(s->scans.begin(), s->scans.end(), random);

    // Close and open again: SQLCipher's page cache starts empty, as after a login.
    s->ws.reset();
    return openWorkspace(s);
}

// Made on first use, destroyed in main() while the QApplication still exists.
std::unique_ptr<Store> g_store;

Store &store()
{
    if (!g_store) {
        g_store = std::make_unique<Store>();
        if (!seed(g_store.get())) {
            g_store->ws.reset();
            if (g_store->error.isEmpty())
                g_store->error = QStringLiteral("seeding failed");
        }
    }
    return *g_store;
}

// Nearest-rank percentile.
double percentile(std::vector<double> sorted, double p)
{
    std::sort(sorted.begin(), sorted.end());
    const double rank = std::ceil(p * double(sorted.size()));
    return sorted[size_t(std::clamp(rank, 1.0, double(sorted.size()))) - 1];
}

void percentiles(benchmark::State &state, const std::string &prefix, const std::vector<double> &ms)
{
    state.counters[prefix + "p50_ms"] = percentile(ms, 0.50);
    state.counters[prefix + "p99_ms"] = percentile(ms, 0.99);
    state.counters[prefix + "max_ms"] = *std::max_element(ms.begin(), ms.end());
}

void report(benchmark::State &state, const std::vector<double> &ms, int found, int unknown)
{
    if (ms.empty())
        return;
    percentiles(state, "", ms);
    state.counters["first_ms"] = ms.front(); // cold: prepares the statements, empty page cache
    state.counters["scans"] = double(ms.size());
    state.counters["found"] = found;     // Found + Repeated
    state.counters["unknown"] = unknown; // well-formed, not in the register
    state.SetLabel(QStringLiteral("sqlcipher, %1 assets").arg(store().registered).toStdString());
}

// Counts the outcomes; a scan that neither finds an asset nor says "unknown" fails the run.
bool check(benchmark::State &state,
           const patrimonio::ScanSession::Result &r,
           int *found,
           int *unknown)
{
    using Outcome = patrimonio::ScanSession::Outcome;
    if ((r.outcome == Outcome::Found || r.outcome == Outcome::Repeated) && r.asset) {
        ++*found;
        return true;
    }
    if (r.outcome == Outcome::Unknown) {
        ++*unknown;
        return true;
    }
    state.SkipWithError(qPrintable(QStringLiteral("scan of %1: %2").arg(r.code, r.message)));
    return false;
}

void BM_ScanLookup(benchmark::State &state)
{
    Store &s = store();
    if (!s.ws) {
        state.SkipWithError(qPrintable(s.error));
        return;
    }
    std::vector<double> ms;
    int found = 0;
    int unknown = 0;
    for (auto _ : state) {
        ms.clear();
        found = unknown = 0;
        patrimonio::ScanSession session(*s.plugin()->assets());
        QElapsedTimer timer;
        qint64 total = 0;
        for (const QString &code : std::as_const(s.scans)) {
            timer.start();
            const auto r = session.scan(code);
            const qint64 ns = timer.nsecsElapsed();
            total += ns;
            ms.push_back(double(ns) / 1e6);
            if (!check(state, r, &found, &unknown))
                return;
        }
        state.SetIterationTime(double(total) / 1e9 / double(s.scans.size()));
    }
    report(state, ms, found, unknown);
}

void BM_ScanPage(benchmark::State &state)
{
    Store &s = store();
    if (!s.ws) {
        state.SkipWithError(qPrintable(s.error));
        return;
    }
    const core::Session clerk = sessionFor(QStringLiteral("patrimonio_inventariador"));
    std::vector<double> ms;
    std::vector<double> handleMs; // ScanPage::handleCode alone
    std::vector<double> eventsMs; // the event loop after it (layout, repaint)
    int found = 0;
    int unknown = 0;
    for (auto _ : state) {
        ms.clear();
        handleMs.clear();
        eventsMs.clear();
        found = unknown = 0;
        patrimonio::ScanPage page(*s.plugin()->assets(), clerk, nullptr, {});
        page.setBeep([] {});
        page.resize(1200, 800);
        page.show();
        QCoreApplication::processEvents();
        QElapsedTimer timer;
        qint64 total = 0;
        for (const QString &code : std::as_const(s.scans)) {
            timer.start();
            const auto r = page.handleCode(code);
            const qint64 handled = timer.nsecsElapsed();
            QCoreApplication::processEvents(); // layout and repaint of the detail view
            const qint64 ns = timer.nsecsElapsed();
            total += ns;
            ms.push_back(double(ns) / 1e6);
            handleMs.push_back(double(handled) / 1e6);
            eventsMs.push_back(double(ns - handled) / 1e6);
            if (!check(state, r, &found, &unknown))
                return;
        }
        state.SetIterationTime(double(total) / 1e9 / double(s.scans.size()));
    }
    report(state, ms, found, unknown);
    if (!handleMs.empty()) {
        percentiles(state, "handle_", handleMs);
        percentiles(state, "events_", eventsMs);
    }
}

} // namespace

// One iteration = the 10,500 scans; the reported time is the mean per scan.
BENCHMARK(BM_ScanLookup)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScanPage)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The offscreen platform says this once per window geometry change; it is noise here.
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &m) {
            if (m.contains(QLatin1String("propagateSizeHints")))
                return;
            if (previous)
                previous(type, context, m);
            else
                std::fprintf(stderr, "%s\n", qPrintable(m));
        });
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_store.reset();
    return 0;
}
