// Resolving sync conflicts end to end with real parts: two SyncTestPc clients (real SQLCipher
// stores, generated outbox triggers, SyncSession over TLS) against a real tambo-server on a real
// PostgreSQL. An OTIC administrator resolves on the PC that got the conflict (core's
// SyncConflictResolver, audited in that PC's store); the resolution travels as a sync_resolutions
// row, and the server closes its sync_conflicts / sync_rejections record when it applies it.
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "SyncTestPc.h"

#include "audit/AuditLog.h"
#include "auth/RoleCatalog.h"
#include "auth/Roles.h"
#include "migrations/CoreSchema.h"
#include "migrations/MigrationRunner.h"
#include "sync/SyncConflictResolver.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sodium.h>

#include <csignal>
#include <memory>

using tambo::core::SyncConflictResolver;
using tambo::core::SyncSession;
using tambo::test::ServerFixture;
using tambo::test::ServerProcess;
using tambo::test::SyncTestPc;

namespace {

const QString Central = QStringLiteral("central");

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

tambo::core::Session oticAdmin()
{
    tambo::core::Session s;
    s.userId = 1;
    s.username = QStringLiteral("ana");
    s.roleId = QString::fromLatin1(tambo::core::Roles::AdminOtic);
    s.permissions = tambo::core::RoleCatalog::grants({}).value(s.roleId);
    return s;
}

} // namespace

class TestConflictResolution : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    int m_pcCounter = 0;

    // The administrator resolves at the PC: the PC syncs with her server account from then on,
    // as it does when she connects it to the server (ServerEnrollment, device already known).
    bool connectAsAdmin(SyncTestPc &pc)
    {
        QString error;
        if (!pc.enroll(m_server->port(),
                       m_fx.certificate().certificatePath(),
                       QStringLiteral("ana"),
                       QStringLiteral("ana-clave-2026"),
                       &error)) {
            qWarning("connecting as ana failed: %s", qPrintable(error));
            return false;
        }
        return true;
    }

    std::unique_ptr<SyncTestPc> centralPc()
    {
        auto pc = std::make_unique<SyncTestPc>(m_dir.path(),
                                               QStringLiteral("pc%1").arg(++m_pcCounter));
        QString error;
        if (!pc->open(&error)
            || !pc->enroll(m_server->port(),
                           m_fx.certificate().certificatePath(),
                           QStringLiteral("inv.central"),
                           QStringLiteral("central-clave-2026"),
                           &error)) {
            qWarning("PC set-up failed: %s", qPrintable(error));
            return nullptr;
        }
        // Core's schema too, for the audit log the resolver writes to.
        tambo::core::MigrationRunner runner(pc->db(), pc->clock());
        runner.addModule(tambo::core::CoreSchema::moduleId(), tambo::core::CoreSchema::steps());
        const auto report = runner.migrate();
        if (!report.ok()) {
            qWarning("core schema: %s %s", qPrintable(report.error), qPrintable(report.stepError));
            return nullptr;
        }
        return pc;
    }

    static QString addItem(SyncTestPc &pc, const QString &name, const QString &sede = Central)
    {
        const QString id = uuid();
        if (!pc.exec("INSERT INTO t_items (id, sede_id, name, estado) VALUES (?, ?, ?, 'B')",
                     {id, sede, name}))
            return {};
        return id;
    }

    QString pgText(const QString &sql, const QVariantList &binds = {})
    {
        QString v = QStringLiteral("<none>");
        {
            QSqlDatabase db = m_fx.pg().open("conflict-resolution-check");
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            if (q.exec() && q.next())
                v = q.value(0).toString();
            db.close();
        }
        QSqlDatabase::removeDatabase("conflict-resolution-check");
        return v;
    }

    // A and B both change the legal field estado of one item offline; A syncs first, so B's
    // sync gets the conflict (the server keeps A's "R" over B's "M"). Returns the item id.
    QString legalFieldConflict(SyncTestPc &a, SyncTestPc &b)
    {
        const QString id = addItem(a, QStringLiteral("Proyector"));
        if (id.isEmpty() || !a.sync().ok() || !b.sync().ok())
            return {};
        if (!a.exec("UPDATE t_items SET estado = 'R' WHERE id = ?", {id})
            || !b.exec("UPDATE t_items SET estado = 'M' WHERE id = ?", {id}) || !a.sync().ok())
            return {};
        const SyncSession::Result rb = b.sync();
        if (!rb.ok() || rb.conflicts != 1)
            return {};
        return id;
    }

    static QString estado(SyncTestPc &pc, const QString &id)
    {
        return pc.scalar("SELECT estado FROM t_items WHERE id = ?", {id}).toString();
    }

#define SYNC_OK(pc) \
    do { \
        const SyncSession::Result r_ = (pc).sync(); \
        QVERIFY2(r_.ok(), \
                 qPrintable( \
                     QStringLiteral("outcome %1: %2").arg(int(r_.outcome)).arg(r_.message))); \
        QCOMPARE(r_.conflicts, 0); \
        QCOMPARE(r_.rejected, 0); \
    } while (false)

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        QVERIFY(m_dir.isValid());
        TAMBO_SETUP_SERVER_FIXTURE(m_fx);
        QString error;
        // The OTIC administrator who resolves (oticAdmin()): the server accepts a resolution only
        // from a user who may resolve, in that user's own name.
        QVERIFY2(m_fx.createUser("ana", "admin_otic", Central, "ana-clave-2026", &error),
                 qPrintable(error));
        QVERIFY2(m_fx.createUser("inv.central",
                                 "patrimonio_inventariador",
                                 Central,
                                 "central-clave-2026",
                                 &error),
                 qPrintable(error));
        m_server = std::make_unique<ServerProcess>(m_fx.dir() + QStringLiteral("/server.log"));
        QVERIFY2(m_server->start(m_fx.configPath(), &error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        if (m_server && m_server->isRunning()) {
            m_server->signal(SIGTERM);
            QVERIFY(m_server->waitForExit(15000));
            QCOMPARE(m_server->exitCode(), 0);
        }
        if (m_server)
            QVERIFY2(!m_server->hasSanitizerReport(), qPrintable(m_server->logText()));
    }

    void keepMineWinsEverywhere()
    {
        auto a = centralPc();
        auto b = centralPc();
        QVERIFY(a && b);
        const QString id = legalFieldConflict(*a, *b);
        QVERIFY(!id.isEmpty());
        QCOMPARE(estado(*b, id), QStringLiteral("R")); // B pulled the server's value
        QCOMPARE(pgText("SELECT count(*) FROM sync_conflicts WHERE row_id = ? AND resolved_at IS "
                        "NULL",
                        {id}),
                 QStringLiteral("1"));

        tambo::core::AuditLog audit(b->store(), b->clock(), b->deviceId().toString());
        SyncConflictResolver resolver(b->local(),
                                      audit,
                                      b->clock(),
                                      b->deviceId().toString(QUuid::WithoutBraces));
        const auto conflicts = b->local().unresolvedConflicts();
        QCOMPARE(conflicts.size(), 1);
        const auto r = resolver.keepMine(oticAdmin(), conflicts.at(0).id);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(connectAsAdmin(*b));
        QCOMPARE(estado(*b, id), QStringLiteral("M"));

        SYNC_OK(*b); // the chosen value on the current base, then the resolution
        SYNC_OK(*a);
        QCOMPARE(b->local().pendingCount(), 0);
        QCOMPARE(b->local().conflictCount(), 0);
        QCOMPARE(estado(*a, id), QStringLiteral("M"));
        QCOMPARE(estado(*b, id), QStringLiteral("M"));
        QCOMPARE(a->itemsSnapshot(), b->itemsSnapshot());
        QCOMPARE(pgText("SELECT data ->> 'estado' FROM sync_rows WHERE table_name = 't_items' AND "
                        "row_id = ?",
                        {id}),
                 QStringLiteral("M"));
        QCOMPARE(pgText("SELECT resolution || '|' || resolved_by || '|' || (resolved_at IS NOT "
                        "NULL) FROM sync_conflicts WHERE row_id = ?",
                        {id}),
                 QStringLiteral("mine|ana|true"));
        // The resolution itself is a synced fact: A has it too.
        QCOMPARE(a->scalar("SELECT choice || '|' || field FROM sync_resolutions WHERE row_id = ?",
                           {id})
                     .toString(),
                 QStringLiteral("mine|estado"));
        QCOMPARE(b->scalar("SELECT count(*) FROM audit_log WHERE entity = 'sync_conflict'").toInt(),
                 1);
    }

    void keepTheirsClosesTheConflictAndSendsNoRow()
    {
        auto a = centralPc();
        auto b = centralPc();
        QVERIFY(a && b);
        const QString id = legalFieldConflict(*a, *b);
        QVERIFY(!id.isEmpty());
        const QString versionBefore = pgText("SELECT version FROM sync_rows WHERE row_id = ?", {id});

        tambo::core::AuditLog audit(b->store(), b->clock(), b->deviceId().toString());
        SyncConflictResolver resolver(b->local(),
                                      audit,
                                      b->clock(),
                                      b->deviceId().toString(QUuid::WithoutBraces));
        const auto r = resolver.keepTheirs(oticAdmin(), b->local().unresolvedConflicts().at(0).id);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(connectAsAdmin(*b));
        QCOMPARE(b->local().pendingCount(), 1); // the resolution only
        SYNC_OK(*b);
        SYNC_OK(*a);
        QCOMPARE(estado(*a, id), QStringLiteral("R"));
        QCOMPARE(estado(*b, id), QStringLiteral("R"));
        QCOMPARE(pgText("SELECT version FROM sync_rows WHERE row_id = ?", {id}), versionBefore);
        QCOMPARE(pgText("SELECT resolution FROM sync_conflicts WHERE row_id = ? AND resolved_at IS "
                        "NOT NULL",
                        {id}),
                 QStringLiteral("theirs"));
    }

    void keepMineWritesBackARecordDeletedElsewhere()
    {
        // A deletes the item while B changes it: the delete reached the server first, so B's
        // edit is an edit-against-delete conflict and the tombstone stands. The administrator
        // keeps B's side: B writes the record back on the tombstone's version and the server
        // takes it (its base already saw the delete), so A gets it back too.
        auto a = centralPc();
        auto b = centralPc();
        QVERIFY(a && b);
        const QString id = addItem(*a, QStringLiteral("Impresora"));
        SYNC_OK(*a);
        SYNC_OK(*b);
        QVERIFY(a->exec("DELETE FROM t_items WHERE id = ?", {id}));
        QVERIFY(b->exec("UPDATE t_items SET note = 'tóner nuevo' WHERE id = ?", {id}));
        SYNC_OK(*a);
        const SyncSession::Result rb = b->sync();
        QVERIFY2(rb.ok(), qPrintable(rb.message));
        QCOMPARE(rb.conflicts, 1);
        QCOMPARE(b->scalar("SELECT count(*) FROM t_items WHERE id = ?", {id}).toInt(), 0);
        QCOMPARE(pgText("SELECT deleted FROM sync_rows WHERE row_id = ?", {id}),
                 QStringLiteral("true"));

        tambo::core::AuditLog audit(b->store(), b->clock(), b->deviceId().toString());
        SyncConflictResolver resolver(b->local(),
                                      audit,
                                      b->clock(),
                                      b->deviceId().toString(QUuid::WithoutBraces));
        const auto conflicts = b->local().unresolvedConflicts();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.at(0).kind, QStringLiteral("edit_delete"));
        const auto r = resolver.keepMine(oticAdmin(), conflicts.at(0).id);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(connectAsAdmin(*b));
        SYNC_OK(*b);
        SYNC_OK(*a);
        for (SyncTestPc *pc : {a.get(), b.get()}) {
            QCOMPARE(pc->scalar("SELECT note FROM t_items WHERE id = ?", {id}).toString(),
                     QStringLiteral("tóner nuevo"));
        }
        QCOMPARE(pgText("SELECT deleted FROM sync_rows WHERE row_id = ?", {id}),
                 QStringLiteral("false"));
        QCOMPARE(pgText("SELECT resolution FROM sync_conflicts WHERE row_id = ? AND kind = "
                        "'edit_delete' AND resolved_at IS NOT NULL",
                        {id}),
                 QStringLiteral("mine"));
    }

    void discardedRejectionIsClosedOnTheServer()
    {
        auto b = centralPc();
        QVERIFY(b);
        const QString wrong = addItem(*b, QStringLiteral("Intruso"), QStringLiteral("norte"));
        const SyncSession::Result rb = b->sync();
        QVERIFY2(rb.ok(), qPrintable(rb.message));
        QCOMPARE(rb.rejected, 1);
        const qint64 seq = b->local().rejectedEntries().at(0).seq;

        tambo::core::AuditLog audit(b->store(), b->clock(), b->deviceId().toString());
        SyncConflictResolver resolver(b->local(),
                                      audit,
                                      b->clock(),
                                      b->deviceId().toString(QUuid::WithoutBraces));
        const auto r = resolver.discard(oticAdmin(), seq);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(connectAsAdmin(*b));
        QCOMPARE(b->local().rejectedCount(), 0);
        SYNC_OK(*b); // the resolution is shared: never refused as out of scope
        QCOMPARE(pgText("SELECT resolution || '|' || (resolved_at IS NOT NULL) FROM "
                        "sync_rejections WHERE device_id = ?::uuid AND seq = ?",
                        {b->deviceId().toString(QUuid::WithoutBraces), seq}),
                 QStringLiteral("discard|true"));
        QCOMPARE(pgText("SELECT count(*) FROM sync_rows WHERE row_id = ?", {wrong}),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestConflictResolution)
#include "tst_conflictresolution.moc"
