#pragma once

#include "migrations/MigrationStep.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace tambo::core {
class Clock;
}

namespace tambo::server {

// tambo-server's own PostgreSQL schema, as numbered steps (GUIDE §2.5): each step runs in one
// transaction (core::Transaction) together with its version bump in schema_versions (module
// "server"), so a failing step leaves the previous version and nothing of itself.
//
// migrate() holds a PostgreSQL advisory lock for its whole run, so two servers (or two
// `tambo-server --migrate`) started together on one database cannot apply a step twice; the
// second waits, then finds nothing to do. A database written by a newer server is never touched.
//
// Steps: 1 users, 2 devices, 3 tokens, 4 sync (ADR 0007), 5 scope exits, 6 resolutions, 7 session
// start and sealed re-issue of a rotation (TokenService), 8 login throttling and audit
// (LoginThrottle), 9 served pull cursors (PullCursors), 10 audit anchors, 11 entry digests
// (EntryDigest, seq_reused), 12 users' bundle keys (UserAccounts, ADR 0015). Schema changes only
// add (GUIDE §5).
class PgSchema
{
public:
    static QString moduleId() { return QStringLiteral("server"); }
    static QList<core::MigrationStep> steps();
    static int latestVersion() { return int(steps().size()); }

    struct Report
    {
        int from = 0;
        int to = 0;
        QString error; // empty when ok
        bool ok() const { return error.isEmpty(); }
    };
    static Report migrate(QSqlDatabase db, const core::Clock &clock);
    // The same with other steps (tests: a failing step must leave nothing behind).
    static Report migrate(QSqlDatabase db,
                          const core::Clock &clock,
                          const QList<core::MigrationStep> &steps);

    // The version stored in db (0 when never migrated), or -1 and *error.
    static int currentVersion(QSqlDatabase db, QString *error = nullptr);
    static bool versionsTableExists(QSqlDatabase db, QString *error = nullptr);
    // Empty when db is at latestVersion(); otherwise what the operator must do.
    static QString checkUpToDate(QSqlDatabase db);
};

} // namespace tambo::server
