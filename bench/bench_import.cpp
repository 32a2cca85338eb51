// Import of 100,000 assets from a CSV file into a real SQLCipher store, the whole path a user
// or `tambo-admin patrimonio import` takes (issue 4, item 10; goal < 5 s):
//   read + parse the file (ImportCsvReader), the dry run (AssetImporter::check) and the import
//   in one transaction with the history lines and the block audit (AssetImporter::run).
// Each iteration opens a fresh store (Workspace over SQLCipher with a random 256-bit key, the
// patrimonio module linked and migrated, demo sedes/areas/catálogo seeded) outside the timing.
// The CSV is made like a SIGA-MEF export: UTF-8 with BOM, ';', CRLF, dd/mm/yyyy dates, values
// "1,234.50", a quoted field with a ';' every 50 rows.
#include "AssetImporter.h"
#include "ImportCsvReader.h"
#include "ImportMapping.h"
#include "PatrimonioPlugin.h"
#include "SigaExportGenerator.h"

#include "auth/Session.h"
#include "module/ModuleManager.h"
#include "store/MemoryKeyProvider.h"
#include "store/Store.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <ctime>

#include <sys/resource.h>

using namespace tambo;

namespace {

constexpr int Rows = 100000;

// CPU time of this thread (SQLite works on the calling thread), to tell work from waiting.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Fixture
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<core::MemoryKeyProvider> keys;
    std::unique_ptr<core::Workspace> ws;
    patrimonio::AssetImporter *importer = nullptr;
};

bool open(Fixture *f, benchmark::State &state)
{
    f->dir = std::make_unique<QTemporaryDir>();
    f->keys = std::make_unique<core::MemoryKeyProvider>();
    core::Workspace::Options o;
    o.storePath = f->dir->filePath(QStringLiteral("bench.tambo"));
    o.keys = f->keys.get();
    auto opened = core::Workspace::open(o);
    if (!opened.ok()) {
        state.SkipWithError(qPrintable(opened.error));
        return false;
    }
    f->ws = std::move(opened.workspace);
    QString error;
    if (!f->ws->seedDemo(&error)) {
        state.SkipWithError(qPrintable(error));
        return false;
    }
    auto *plugin = dynamic_cast<patrimonio::PatrimonioPlugin *>(
        f->ws->modules().module(QStringLiteral("patrimonio")));
    if (!plugin || !plugin->importer()) {
        state.SkipWithError("the patrimonio module is not loaded");
        return false;
    }
    f->importer = plugin->importer();
    return true;
}

void BM_Import100k(benchmark::State &state)
{
    core::Session session;
    session.userId = 1;
    session.username = QStringLiteral("bench");
    session.permissions = {QStringLiteral("patrimonio.edit")};
    double parseMs = 0;
    double checkMs = 0;
    double runMs = 0;
    double cpuMs = 0;
    double waits = 0;     // voluntary context switches: the thread waited (I/O, fsync)
    double preempted = 0; // involuntary: other processes took the CPU
    for (auto _ : state) {
        Fixture f;
        if (!open(&f, state))
            break;
        const QByteArray csv = bench::SigaExportGenerator::csv(*f.ws, Rows);
        if (csv.isEmpty()) {
            state.SkipWithError("the demo catálogo is too small for 100,000 códigos");
            break;
        }
        const QString path = f.dir->filePath(QStringLiteral("siga.csv"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size()) {
            state.SkipWithError("cannot write the CSV");
            break;
        }
        file.close();

        QElapsedTimer timer;
        const double cpuStart = threadCpuMs();
        rusage before{};
        getrusage(RUSAGE_THREAD, &before);
        timer.start();
        patrimonio::ImportTable table;
        QString error;
        if (!patrimonio::ImportCsvReader::readFile(path, &table, &error)) {
            state.SkipWithError(qPrintable(error));
            break;
        }
        const qint64 parsed = timer.nsecsElapsed();
        const auto plan = f.importer->check(session,
                                            table,
                                            patrimonio::ImportMapping::siga(),
                                            QStringLiteral("siga.csv"));
        const qint64 checked = timer.nsecsElapsed();
        if (!plan.canImport() || plan.assets.size() != Rows) {
            state.SkipWithError(plan.problems.isEmpty()
                                    ? qPrintable(plan.error)
                                    : qPrintable(plan.problems.first().message));
            break;
        }
        const auto result = f.importer->run(session, plan);
        const qint64 done = timer.nsecsElapsed();
        if (!result.ok() || result.imported != Rows) {
            state.SkipWithError(qPrintable(result.error));
            break;
        }
        cpuMs += threadCpuMs() - cpuStart;
        rusage after{};
        getrusage(RUSAGE_THREAD, &after);
        waits += double(after.ru_nvcsw - before.ru_nvcsw);
        preempted += double(after.ru_nivcsw - before.ru_nivcsw);
        state.SetIterationTime(double(done) / 1e9);
        parseMs += double(parsed) / 1e6;
        checkMs += double(checked - parsed) / 1e6;
        runMs += double(done - checked) / 1e6;
    }
    const double n = double(std::max<benchmark::IterationCount>(1, state.iterations()));
    state.counters["parse_ms"] = parseMs / n;
    state.counters["check_ms"] = checkMs / n;
    state.counters["import_ms"] = runMs / n;
    state.counters["cpu_ms"] = cpuMs / n; // parse + check + import, this thread's CPU time
    state.counters["io_waits"] = waits / n;
    state.counters["preempted"] = preempted / n;
    state.SetItemsProcessed(state.iterations() * Rows);
    state.SetLabel("sqlcipher, 100000 rows");
}

} // namespace

BENCHMARK(BM_Import100k)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    QCoreApplication app(argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
