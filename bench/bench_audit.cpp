// AuditLog::append on a real SQLCipher store (a Workspace with a random 256-bit key, the core
// schema migrated): the cost of one audit row, the tamper-evident chain included (read the head,
// hash the canonical row, insert it, move the head, inside a savepoint).
//   BM_AuditAppend/batch:1  1,000 appends in one transaction (an import's audit blocks, a batch)
//   BM_AuditAppend/batch:0  each append in its own transaction, as a clerk's single action
// Time is per 1,000 appends, so its milliseconds are microseconds per append. Results and the
// command: docs/performance.md ("Audit log").
#include "audit/AuditEntry.h"
#include "audit/AuditLog.h"
#include "store/MemoryKeyProvider.h"
#include "store/Store.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace tambo;

namespace {

constexpr int Appends = 1000;

void BM_AuditAppend(benchmark::State &state)
{
    const bool batch = state.range(0) != 0;
    QTemporaryDir dir;
    core::MemoryKeyProvider keys;
    core::Workspace::Options o;
    o.storePath = dir.filePath(QStringLiteral("bench.tambo"));
    o.keys = &keys;
    auto opened = core::Workspace::open(o);
    if (!opened.ok()) {
        state.SkipWithError(qPrintable(opened.error));
        return;
    }
    core::Workspace &ws = *opened.workspace;
    QSqlDatabase db = ws.store().database();
    core::AuditEntry e;
    e.actor = QStringLiteral("inventariador");
    e.entity = QStringLiteral("asset");
    e.action = QStringLiteral("update");
    e.before = QJsonObject{{QStringLiteral("estado"), QStringLiteral("B")},
                           {QStringLiteral("ambiente"), QStringLiteral("OFICINA 204")}};
    e.after = QJsonObject{{QStringLiteral("estado"), QStringLiteral("R")},
                          {QStringLiteral("ambiente"), QStringLiteral("OFICINA 210")}};
    qint64 n = 0;
    for (auto _ : state) {
        if (batch && !db.transaction()) {
            state.SkipWithError("cannot begin");
            break;
        }
        for (int i = 0; i < Appends; ++i) {
            e.entityId = QString::number(740899500000 + (n++ % 100000));
            if (!batch && !db.transaction()) {
                state.SkipWithError("cannot begin");
                return;
            }
            QString error;
            if (!ws.audit().append(e, &error)) {
                state.SkipWithError(qPrintable(error));
                return;
            }
            if (!batch && !db.commit()) {
                state.SkipWithError("cannot commit");
                return;
            }
        }
        if (batch && !db.commit()) {
            state.SkipWithError("cannot commit");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * Appends);
    state.SetLabel(batch ? "one transaction" : "a transaction each");
}

} // namespace

BENCHMARK(BM_AuditAppend)->ArgName("batch")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
