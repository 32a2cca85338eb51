#pragma once

#include "SeedRun.h"
#include "SimRandom.h"

#include "sync/SyncMessages.h"
#include "sync/SyncSession.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <memory>

namespace tambo::core {
class BundleService;
}

namespace tambo::test {

class SimServer;
class SyncTestPc;

// One seed of tambo-simulate (docs/sync-protocol.md "Simulation"): K PCs on the real client
// engine (SyncTestPc: SQLCipher store, outbox triggers, SyncSession over HTTPS; BundleService)
// against the SimServer's real tambo-server, running N operations that the seed's PRNG picks:
// offline inserts, edits and deletes of shared rows (t_shared, t_items without sede) and
// sede-scoped rows (t_items, t_events), syncs (some with a local edit between their push and
// their pull, as when the user works during a sync), partitions (syncs go to a dead port),
// PC restarts (store closed and reopened), server restarts, and USB bundle trips (export,
// `tambo-server bundle import`, the reply imported now, later or never). Then everything heals
// and every PC syncs until nothing moves, and three checks run:
//  - diverged: each PC's rows of its scope equal the server's (sync_rows) for that scope;
//  - lost: every acknowledged write is on the server, or a later write or a delete that the
//    server recorded superseded it (writes the server refused, rejections and conflicts, by the
//    protocol's rules are not acknowledged as applied and are left out);
//  - duplicated: no write applied twice (the same unique value written again by the server, or
//    a conflict recorded twice for one entry).
// Every written value is unique within the seed ("stamps"), which is what makes a write
// traceable to the server's audit of what it applied.
class Simulator
{
public:
    enum class InjectBug { None, Lose, Duplicate, Diverge };

    struct Options
    {
        int clients = 3;
        int ops = 40;
        InjectBug inject = InjectBug::None;
        bool verbose = false; // every operation on stdout
        bool keepDirs = false;
    };

    Simulator(SimServer &server, Options options);
    ~Simulator();

    SeedRun run(quint64 seed);

private:
    struct Pc;
    struct Write
    {
        int pc = 0;
        qint64 seq = 0;
        QString table;
        QString rowId;
        enum class Kind { Insert, Update, Delete } kind = Kind::Insert;
        QHash<QString, QString> stamps; // column -> JSON text of the unique value written
        int op = 0;
    };

    bool setUpPcs(QString *error);
    void tearDownPcs();
    bool openPc(Pc &pc, QString *error);
    void step(int op);
    void note(const QString &line);
    void problem(const QString &line);

    // Operations.
    void insertItem(Pc &pc, int op);
    void editItem(Pc &pc, int op);
    void insertShared(Pc &pc, int op);
    void editShared(Pc &pc, int op);
    void deleteRow(Pc &pc, const QString &table, int op);
    void insertEvent(Pc &pc, int op);
    bool syncPc(Pc &pc, bool *quiet = nullptr);
    void syncWithEditMidway(Pc &pc, int op);
    void partition(Pc &pc, int op);
    void restartPc(Pc &pc);
    void restartServer();
    void bundleOut(Pc &pc, int op);
    void bundleBack(Pc &pc);
    void heal();

    // Helpers.
    bool write(Pc &pc, const QString &sql, const QVariantList &binds, Write w);
    qint64 lastSeq(Pc &pc);
    QStringList localIds(Pc &pc, const QString &table);
    QString newId(const QString &prefix);
    bool partitioned(const Pc &pc) const;
    void captureSent(Pc &pc);

    // Bugs injected on purpose (the checks must see them).
    void inject();

    // Checks.
    void checkDiverged();
    void checkLostAndDuplicated();

    SimServer &m_server;
    Options m_options;
    std::unique_ptr<SimRandom> m_random;
    QList<std::shared_ptr<Pc>> m_pcs;
    QList<Write> m_writes;
    SeedRun m_run;
    QString m_dir;
    int m_op = 0;
    int m_rowCounter = 0;
    int m_deadPort = 0;
};

} // namespace tambo::test
