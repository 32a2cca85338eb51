// The store on the same code (Store, SqlCipherDriver, QSqlQuery), once over a plain SQLite file
// (empty key) and once over SQLCipher 4 (a random 256-bit raw key):
//   BM_Insert100k  100,000 rows inserted with one prepared statement in one transaction
//   BM_PointRead   one row read by its key (código patrimonial, unique index), random keys
//   BM_FullScan    every row of the 100,000 read with a forward-only query
// Argument cipher:0 = plain SQLite, cipher:1 = SQLCipher. bench/run-benchmarks.sh turns the
// results into the ratios of docs/performance.md.
#include "store/KeyProvider.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <array>
#include <memory>
#include <vector>

using tambo::core::KeyProvider;
using tambo::core::Store;

namespace {

constexpr int Rows = 100000;
constexpr qint64 FirstCode = 740899500000; // 12-digit códigos patrimoniales

QString codeOf(int i)
{
    return QString::number(FirstCode + i);
}

QString descriptionOf(int i)
{
    return QStringLiteral("Unidad central de proceso – Oficina de Tecnologías de la Información "
                          "sede %1")
        .arg(i % 37);
}

struct OpenedStore
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Store> store;
};

OpenedStore openStore(bool encrypted, benchmark::State &state)
{
    OpenedStore opened;
    opened.dir = std::make_unique<QTemporaryDir>();
    const QString path = opened.dir->filePath(QStringLiteral("bench.tambo"));
    Store::OpenResult result = Store::open(path,
                                           encrypted ? KeyProvider::randomKey() : QByteArray());
    if (!result.ok()) {
        state.SkipWithError(qPrintable(result.error));
        return opened;
    }
    opened.store = std::move(result.store);
    QSqlQuery query(opened.store->database());
    // For experiments only: extra statements on the benchmark's connection, e.g.
    // TAMBO_BENCH_PRAGMAS="PRAGMA cache_size=-65536". The published numbers use none.
    const QString extra = qEnvironmentVariable("TAMBO_BENCH_PRAGMAS");
    for (const QString &statement : extra.split(u';', Qt::SkipEmptyParts)) {
        if (!query.exec(statement.trimmed())) {
            state.SkipWithError(qPrintable(query.lastError().text()));
            return opened;
        }
    }
    if (!query.exec(QStringLiteral("CREATE TABLE bien(id INTEGER PRIMARY KEY, "
                                   "codigo TEXT NOT NULL UNIQUE, descripcion TEXT NOT NULL, "
                                   "valor REAL NOT NULL)")))
        state.SkipWithError(qPrintable(query.lastError().text()));
    return opened;
}

bool insertRows(Store &store, benchmark::State &state)
{
    QSqlDatabase db = store.database();
    QSqlQuery insert(db);
    if (!insert.prepare(
            QStringLiteral("INSERT INTO bien(codigo, descripcion, valor) VALUES(?, ?, ?)"))
        || !db.transaction()) {
        state.SkipWithError(qPrintable(db.lastError().text()));
        return false;
    }
    for (int i = 0; i < Rows; ++i) {
        insert.bindValue(0, codeOf(i));
        insert.bindValue(1, descriptionOf(i));
        insert.bindValue(2, 1250.5 + i);
        if (!insert.exec()) {
            state.SkipWithError(qPrintable(insert.lastError().text()));
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        state.SkipWithError(qPrintable(db.lastError().text()));
        return false;
    }
    return true;
}

// One populated store per mode, made once and shared by the read benchmarks; closed by main().
std::array<OpenedStore, 2> s_populated;

Store *populatedStore(bool encrypted, benchmark::State &state)
{
    OpenedStore &slot = s_populated[encrypted ? 1 : 0];
    if (!slot.store) {
        slot = openStore(encrypted, state);
        if (!slot.store || !insertRows(*slot.store, state))
            return nullptr;
        QSqlQuery query(slot.store->database());
        query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    return slot.store.get();
}

void BM_Insert100k(benchmark::State &state)
{
    const bool encrypted = state.range(0) != 0;
    for (auto _ : state) {
        OpenedStore opened = openStore(encrypted, state);
        if (!opened.store)
            break;
        QElapsedTimer timer;
        timer.start();
        const bool ok = insertRows(*opened.store, state);
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        if (!ok)
            break;
    }
    state.SetItemsProcessed(state.iterations() * Rows);
    state.SetLabel(encrypted ? "sqlcipher" : "plain");
}

void BM_PointRead(benchmark::State &state)
{
    const bool encrypted = state.range(0) != 0;
    Store *store = populatedStore(encrypted, state);
    if (!store)
        return;
    std::vector<QString> keys;
    QRandomGenerator generator(20260302); // the same keys for both modes
    keys.reserve(8192);
    for (int i = 0; i < 8192; ++i)
        keys.push_back(codeOf(int(generator.bounded(Rows))));
    QSqlQuery select(store->database());
    select.setForwardOnly(true);
    if (!select.prepare(QStringLiteral("SELECT descripcion, valor FROM bien WHERE codigo = ?"))) {
        state.SkipWithError(qPrintable(select.lastError().text()));
        return;
    }
    std::size_t next = 0;
    for (auto _ : state) {
        select.bindValue(0, keys[next++ % keys.size()]);
        if (!select.exec() || !select.next()) {
            state.SkipWithError("point read found no row");
            break;
        }
        benchmark::DoNotOptimize(select.value(1).toDouble());
        select.finish();
    }
    state.SetItemsProcessed(state.iterations());
    state.SetLabel(encrypted ? "sqlcipher" : "plain");
}

void BM_FullScan(benchmark::State &state)
{
    const bool encrypted = state.range(0) != 0;
    Store *store = populatedStore(encrypted, state);
    if (!store)
        return;
    QSqlQuery scan(store->database());
    scan.setForwardOnly(true);
    for (auto _ : state) {
        if (!scan.exec(QStringLiteral("SELECT id, codigo, descripcion, valor FROM bien"))) {
            state.SkipWithError(qPrintable(scan.lastError().text()));
            break;
        }
        qint64 rows = 0;
        double sum = 0;
        while (scan.next()) {
            ++rows;
            sum += scan.value(3).toDouble() + scan.value(2).toString().size();
        }
        benchmark::DoNotOptimize(sum);
        if (rows != Rows) {
            state.SkipWithError("the scan did not see every row");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * Rows);
    state.SetLabel(encrypted ? "sqlcipher" : "plain");
}

} // namespace

BENCHMARK(BM_Insert100k)
    ->ArgName("cipher")
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Iterations(5)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PointRead)->ArgName("cipher")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FullScan)->ArgName("cipher")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    QCoreApplication app(argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    s_populated = {};
    return 0;
}
