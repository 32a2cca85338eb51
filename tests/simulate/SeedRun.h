#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace tambo::test {

// What one seed of tambo-simulate found: the three counts (the summary line counts the seeds
// where each is not 0), what the run did (for the per-seed line) and a line per problem.
struct SeedRun
{
    quint64 seed = 0;
    int diverged = 0;   // rows (or pending queues) where a PC differs from the server
    int lost = 0;       // acknowledged writes the server does not have and nothing superseded
    int duplicated = 0; // writes the server applied more than once
    QString setupError; // the seed could not run at all (counted as diverged)

    // What happened, for the statistics line.
    int writes = 0;
    int acked = 0;
    int rejected = 0;
    int conflicts = 0;
    int syncs = 0;
    int offlineSyncs = 0;
    int bundleTrips = 0;
    int pcRestarts = 0;
    int serverRestarts = 0;
    int healRounds = 0;
    QStringList problems;

    bool ok() const
    {
        return diverged == 0 && lost == 0 && duplicated == 0 && setupError.isEmpty();
    }
};

} // namespace tambo::test
