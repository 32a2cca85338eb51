// The whole sync path with real parts: SyncTestPc clients (real SQLCipher stores with the
// generated outbox triggers, core::SyncSession over QtNetwork/TLS) against real tambo-server
// processes on a real PostgreSQL. Convergence, merges, conflicts, scopes, a server killed
// mid-push, a client killed mid-apply, an old client, and the background SyncEngine.
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "SyncTestPc.h"

#include "sync/DeviceReenrollment.h"
#include "sync/SyncEngine.h"
#include "sync/SyncHttpClient.h"
#include "sync/SyncProtocol.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sodium.h>

#include <csignal>
#include <memory>

using tambo::core::SyncProtocol;
using tambo::core::SyncSession;
using tambo::test::ServerFixture;
using tambo::test::ServerProcess;
using tambo::test::SyncTestPc;

namespace {

const QString Central = QStringLiteral("central");
const QString Norte = QStringLiteral("norte");

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestSyncSession : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    int m_pcCounter = 0;
    int m_serverStarts = 0;

    std::unique_ptr<SyncTestPc> newPc(const QString &user, const QString &password)
    {
        auto pc = std::make_unique<SyncTestPc>(m_dir.path(),
                                               QStringLiteral("pc%1").arg(++m_pcCounter));
        QString error;
        if (!pc->open(&error)
            || !pc->enroll(m_server->port(),
                           m_fx.certificate().certificatePath(),
                           user,
                           password,
                           &error)) {
            qWarning("PC set-up failed: %s", qPrintable(error));
            return nullptr;
        }
        return pc;
    }
    std::unique_ptr<SyncTestPc> centralPc() { return newPc("inv.central", "central-clave-2026"); }

    static QString addItem(SyncTestPc &pc,
                           const QString &sede,
                           const QString &name,
                           const QString &estado = QStringLiteral("B"))
    {
        const QString id = uuid();
        if (!pc.exec("INSERT INTO t_items (id, sede_id, name, estado) VALUES (?, ?, ?, ?)",
                     {id, sede, name, estado}))
            return {};
        return id;
    }

    qint64 pgScalar(const QString &sql)
    {
        qint64 v = -1;
        {
            QSqlDatabase db = m_fx.pg().open("sync-session-check");
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                v = q.value(0).toLongLong();
            db.close();
        }
        QSqlDatabase::removeDatabase("sync-session-check");
        return v;
    }

    // A PC whose store is then restored from a backup taken after its first sync: `a` keeps
    // working and syncs change 2; the copy (same device, same session) makes another change 2.
    struct Restored
    {
        std::unique_ptr<SyncTestPc> a;
        std::unique_ptr<SyncTestPc> copy;
        QString onA;     // synced by a as seq 2
        QString onCopy;  // the copy's own change, also numbered 2
    };
    Restored restoredStore()
    {
        Restored r;
        r.a = centralPc();
        if (!r.a || !r.a->addDeviceTable())
            return {};
        addItem(*r.a, Central, "antes de la copia");
        if (!r.a->sync().ok())
            return {};
        const QString backup = m_dir.filePath(QStringLiteral("backup%1.db").arg(++m_pcCounter));
        r.a->close();
        if (!QFile::copy(r.a->storePath(), backup))
            return {};
        QString error;
        if (!r.a->open(&error))
            return {};
        r.onA = addItem(*r.a, Central, "después, en el equipo");
        if (!r.a->sync().ok())
            return {};
        r.copy = std::make_unique<SyncTestPc>(backup,
                                              QByteArray::fromHex(r.a->keyHex().toLatin1()),
                                              r.a->deviceId());
        if (!r.copy->open(&error))
            return {};
        r.copy->connectWith(m_server->port(),
                            m_fx.certificate().certificatePath(),
                            r.a->http().accessToken());
        r.onCopy = addItem(*r.copy, Central, "después, en la copia");
        return r;
    }

    bool startServer(QString *error)
    {
        m_server = std::make_unique<ServerProcess>(
            m_fx.dir() + QStringLiteral("/server-%1.log").arg(++m_serverStarts));
        return m_server->start(m_fx.configPath(), error);
    }

#define SYNC_OK(pc) \
    do { \
        const SyncSession::Result r_ = (pc).sync(); \
        QVERIFY2(r_.ok(), \
                 qPrintable( \
                     QStringLiteral("outcome %1: %2").arg(int(r_.outcome)).arg(r_.message))); \
    } while (false)

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        QVERIFY(m_dir.isValid());
        TAMBO_SETUP_SERVER_FIXTURE(m_fx);
        QString error;
        QVERIFY2(m_fx.createUser("ana", "admin_otic", Central, "ana-clave-2026", &error),
                 qPrintable(error));
        QVERIFY2(m_fx.createUser("inv.central",
                                 "patrimonio_inventariador",
                                 Central,
                                 "central-clave-2026",
                                 &error),
                 qPrintable(error));
        QVERIFY2(m_fx.createUser("inv.norte",
                                 "patrimonio_inventariador",
                                 Norte,
                                 "norte-clave-2026",
                                 &error),
                 qPrintable(error));
        QVERIFY2(startServer(&error), qPrintable(error));
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

    void twoClientsConverge()
    {
        auto a = centralPc();
        auto b = centralPc();
        QVERIFY(a && b);
        const QString a1 = addItem(*a, Central, "CPU");
        addItem(*a, Central, "Monitor");
        QVERIFY(a->exec("INSERT INTO t_events (id, item_id, text) VALUES (?, ?, 'alta')",
                        {uuid(), a1}));
        addItem(*b, Central, "Impresora");
        QCOMPARE(a->local().pendingCount(), 3);
        SYNC_OK(*a);
        SYNC_OK(*b);
        SYNC_OK(*a);
        QCOMPARE(a->local().pendingCount(), 0);
        QCOMPARE(b->local().pendingCount(), 0);
        QCOMPARE(a->itemsSnapshot(), b->itemsSnapshot());
        QVERIFY(a->itemsSnapshot().size() >= 3);
        QCOMPARE(b->scalar("SELECT count(*) FROM t_events WHERE item_id = ?", {a1}).toInt(), 1);
        // Pulled rows did not go back into B's outbox (the applying flag).
        QCOMPARE(b->scalar("SELECT count(*) FROM sync_outbox").toInt(), 0);
    }

    void differentFieldsMerge()
    {
        auto a = centralPc();
        auto b = centralPc();
        QVERIFY(a && b);
        const QString id = addItem(*a, Central, "Escritorio");
        SYNC_OK(*a);
        SYNC_OK(*b);
        // Offline, each PC changes a different field, one of them legal.
        QVERIFY(a->exec("UPDATE t_items SET note = 'rayado' WHERE id = ?", {id}));
        QVERIFY(b->exec("UPDATE t_items SET estado = 'R', qty = 2 WHERE id = ?", {id}));
        SYNC_OK(*a);
        SYNC_OK(*b);
        SYNC_OK(*a);
        const QString expected = QStringLiteral("%1|Escritorio|R|rayado|2|central").arg(id);
        const auto row = [&](SyncTestPc &pc) { return pc.itemsSnapshot().filter(id).value(0); };
        QCOMPARE(row(*a), expected);
        QCOMPARE(row(*b), expected);
        QCOMPARE(a->local().conflictCount(), 0);
        QCOMPARE(b->local().conflictCount(), 0);
    }

    void sameLegalFieldIsAConflict()
    {
        auto a = centralPc();
        auto b = centralPc();
        QVERIFY(a && b);
        const QString id = addItem(*a, Central, "Proyector");
        SYNC_OK(*a);
        SYNC_OK(*b);
        QVERIFY(a->exec("UPDATE t_items SET estado = 'R' WHERE id = ?", {id}));
        QVERIFY(b->exec("UPDATE t_items SET estado = 'M', name = 'Proyector Epson' WHERE id = ?",
                        {id}));
        SYNC_OK(*a);
        const SyncSession::Result rb = b->sync();
        QVERIFY2(rb.ok(), qPrintable(rb.message));
        QCOMPARE(rb.conflicts, 1);
        QCOMPARE(b->local().conflictCount(), 1);
        QCOMPARE(b->scalar("SELECT field || ':' || server_value || ':' || client_value FROM "
                           "sync_conflicts")
                     .toString(),
                 QStringLiteral("estado:\"R\":\"M\""));
        SYNC_OK(*a);
        // The server kept the first estado, and merged B's non-conflicting name.
        const QString expected = QStringLiteral("%1|Proyector Epson|R||0|central").arg(id);
        QCOMPARE(a->itemsSnapshot().filter(id).value(0), expected);
        QCOMPARE(b->itemsSnapshot().filter(id).value(0), expected);
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_conflicts WHERE row_id = '%1' "
                                         "AND kind = 'field' AND field = 'estado'")
                              .arg(id)),
                 1);
    }

    void editAgainstDeleteIsAConflict()
    {
        auto a = centralPc();
        auto b = centralPc();
        QVERIFY(a && b);
        // 1. A deletes, B edits: the delete reached the server first and stands.
        const QString gone = addItem(*a, Central, "Silla rota");
        // 2. A edits, B deletes: the edit reached the server first and stands.
        const QString kept = addItem(*a, Central, "Mesa");
        SYNC_OK(*a);
        SYNC_OK(*b);
        QVERIFY(a->exec("DELETE FROM t_items WHERE id = ?", {gone}));
        QVERIFY(b->exec("UPDATE t_items SET note = 'reparada' WHERE id = ?", {gone}));
        QVERIFY(a->exec("UPDATE t_items SET note = 'con cajón' WHERE id = ?", {kept}));
        QVERIFY(b->exec("DELETE FROM t_items WHERE id = ?", {kept}));
        SYNC_OK(*a);
        const SyncSession::Result rb = b->sync();
        QVERIFY2(rb.ok(), qPrintable(rb.message));
        QCOMPARE(rb.conflicts, 2);
        SYNC_OK(*a);
        QCOMPARE(b->scalar("SELECT count(*) FROM sync_conflicts WHERE kind = 'edit_delete'").toInt(),
                 2);
        for (SyncTestPc *pc : {a.get(), b.get()}) {
            QCOMPARE(pc->scalar("SELECT count(*) FROM t_items WHERE id = ?", {gone}).toInt(), 0);
            QCOMPARE(pc->scalar("SELECT note FROM t_items WHERE id = ?", {kept}).toString(),
                     QStringLiteral("con cajón"));
        }
        QCOMPARE(a->itemsSnapshot(), b->itemsSnapshot());
    }

    void sedesAreKeptApart()
    {
        auto central = centralPc();
        auto norte = newPc("inv.norte", "norte-clave-2026");
        QVERIFY(central && norte);
        const QString c = addItem(*central, Central, "Central");
        const QString n = addItem(*norte, Norte, "Norte");
        const QString wrong = addItem(*norte, Central, "Intruso"); // outside norte's scope
        const QString after = addItem(*norte, Norte, "Después");
        SYNC_OK(*central);
        const SyncSession::Result rn = norte->sync();
        QVERIFY2(rn.ok(), qPrintable(rn.message));
        QCOMPARE(rn.rejected, 1);
        QCOMPARE(norte->local().rejectedCount(), 1);
        QCOMPARE(norte->local().pendingCount(), 0); // the queue did not block
        const auto rejected = norte->local().rejectedEntries();
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.at(0).rowId, wrong);
        QCOMPARE(rejected.at(0).reason, QStringLiteral("out_of_scope"));
        QVERIFY(!rejected.at(0).message.isEmpty());
        SYNC_OK(*central);
        QCOMPARE(central
                     ->scalar("SELECT count(*) FROM t_items WHERE id IN (?, ?, ?)",
                              {n, wrong, after})
                     .toInt(),
                 0);
        QCOMPARE(norte->scalar("SELECT count(*) FROM t_items WHERE id = ?", {c}).toInt(), 0);
        QCOMPARE(norte->scalar("SELECT count(*) FROM t_items WHERE id = ?", {after}).toInt(), 1);
        QCOMPARE(central->scalar("SELECT count(*) FROM t_items WHERE sede_id = 'norte'").toInt(), 0);
        // An OTIC administrator's PC sees both.
        auto admin = newPc("ana", "ana-clave-2026");
        QVERIFY(admin);
        SYNC_OK(*admin);
        QCOMPARE(admin->scalar("SELECT count(*) FROM t_items WHERE id IN (?, ?, ?)", {c, n, after})
                     .toInt(),
                 3);
    }

    void rowMovedToAnotherSedeLeavesTheOldSede()
    {
        // OTIC moves a bien (and its history, scoped through it) from central to norte: the
        // central PCs lose both on their next pull, the norte PCs get both; moving it back
        // reverses that. A central PC that joins later never sees it while it is in norte.
        auto admin = newPc("ana", "ana-clave-2026");
        auto central = centralPc();
        auto norte = newPc("inv.norte", "norte-clave-2026");
        QVERIFY(admin && central && norte);
        const QString item = addItem(*admin, Central, "Proyector trasladado");
        const QString event = uuid();
        QVERIFY(admin->exec("INSERT INTO t_events (id, item_id, text) VALUES (?, ?, 'alta')",
                            {event, item}));
        SYNC_OK(*admin);
        SYNC_OK(*central);
        SYNC_OK(*norte);
        QCOMPARE(central->scalar("SELECT count(*) FROM t_items WHERE id = ?", {item}).toInt(), 1);
        QCOMPARE(central->scalar("SELECT count(*) FROM t_events WHERE id = ?", {event}).toInt(), 1);
        QCOMPARE(norte->scalar("SELECT count(*) FROM t_items WHERE id = ?", {item}).toInt(), 0);

        QVERIFY(admin->exec("UPDATE t_items SET sede_id = 'norte' WHERE id = ?", {item}));
        SYNC_OK(*admin);
        SYNC_OK(*central);
        SYNC_OK(*norte);
        QCOMPARE(central->scalar("SELECT count(*) FROM t_items WHERE id = ?", {item}).toInt(), 0);
        QCOMPARE(central->scalar("SELECT count(*) FROM t_events WHERE id = ?", {event}).toInt(), 0);
        QCOMPARE(central->local().pendingCount(), 0); // withdrawn, not deleted by this PC
        QCOMPARE(norte->scalar("SELECT sede_id FROM t_items WHERE id = ?", {item}).toString(),
                 Norte);
        QCOMPARE(norte->scalar("SELECT text FROM t_events WHERE id = ?", {event}).toString(),
                 QStringLiteral("alta"));
        auto lateCentral = centralPc();
        QVERIFY(lateCentral);
        SYNC_OK(*lateCentral);
        QCOMPARE(lateCentral->scalar("SELECT count(*) FROM t_items WHERE id = ?", {item}).toInt(), 0);
        // The admin's all-sedes PC keeps it throughout.
        QCOMPARE(admin->scalar("SELECT count(*) FROM t_events WHERE id = ?", {event}).toInt(), 1);

        QVERIFY(admin->exec("UPDATE t_items SET sede_id = 'central' WHERE id = ?", {item}));
        SYNC_OK(*admin);
        SYNC_OK(*central);
        SYNC_OK(*norte);
        QCOMPARE(central->scalar("SELECT sede_id FROM t_items WHERE id = ?", {item}).toString(),
                 Central);
        QCOMPARE(central->scalar("SELECT count(*) FROM t_events WHERE id = ?", {event}).toInt(), 1);
        QCOMPARE(norte->scalar("SELECT count(*) FROM t_items WHERE id = ?", {item}).toInt(), 0);
        QCOMPARE(norte->scalar("SELECT count(*) FROM t_events WHERE id = ?", {event}).toInt(), 0);
        QCOMPARE(admin->itemsSnapshot().filter(item), central->itemsSnapshot().filter(item));
    }

    void serverKilledMidPush_data()
    {
        QTest::addColumn<int>("killAfterMs");
        QTest::newRow("early") << 30;
        QTest::newRow("middle") << 250;
    }
    void serverKilledMidPush()
    {
        QFETCH(int, killAfterMs);
        auto pc = centralPc();
        QVERIFY(pc);
        constexpr int Items = 200;
        QVERIFY(pc->exec("BEGIN"));
        for (int i = 0; i < Items; ++i)
            QVERIFY(!addItem(*pc, Central, QStringLiteral("bien %1").arg(i)).isEmpty());
        QVERIFY(pc->exec("COMMIT"));
        QCOMPARE(pc->local().pendingCount(), Items);

        // The server dies while the push is in flight (the timer fires inside the client's
        // wait for the answer).
        QTimer::singleShot(killAfterMs, this, [this] { m_server->signal(SIGKILL); });
        const SyncSession::Result cut = pc->sync({},
                                                 500,
                                                 {},
                                                 tambo::core::SyncProtocol::SchemaVersion,
                                                 20);
        QVERIFY(m_server->waitForExit(10000));
        QString error;
        QVERIFY2(startServer(&error), qPrintable(error));
        pc->setPort(m_server->port());
        if (cut.ok())
            qInfo("the push finished before the kill (%d ms)", killAfterMs);
        else
            QCOMPARE(cut.outcome, SyncSession::Outcome::Offline);
        const int pendingAfterCut = pc->local().pendingCount();
        QVERIFY(pendingAfterCut >= 0 && pendingAfterCut <= Items);

        SYNC_OK(*pc);
        QCOMPARE(pc->local().pendingCount(), 0);
        const QString device = pc->deviceId().toString(QUuid::WithoutBraces);
        // Everything arrived once: one row per item, one version each, last_seq = all entries.
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE updated_by_device "
                                         "= '%1'")
                              .arg(device)),
                 Items);
        // (Versions may have gaps: a sequence value taken by a transaction the kill rolled back
        // is not reused. Each row has exactly one version and was never rejected.)
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(DISTINCT version) FROM sync_rows WHERE "
                                         "updated_by_device = '%1'")
                              .arg(device)),
                 Items);
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rejections WHERE device_id = "
                                         "'%1'")
                              .arg(device)),
                 0);
        QCOMPARE(pgScalar(QStringLiteral("SELECT last_seq FROM sync_devices WHERE device_id = '%1'")
                              .arg(device)),
                 Items);
    }

    void clientKilledMidApply()
    {
        auto writer = centralPc();
        auto victim = centralPc();
        QVERIFY(writer && victim);
        for (int i = 0; i < 40; ++i)
            addItem(*writer, Central, QStringLiteral("lote %1").arg(i));
        SYNC_OK(*writer);
        const QString mine = addItem(*victim, Central, "pendiente local");
        QCOMPARE(victim->local().pendingCount(), 1);
        const QString scope = QStringLiteral("sede=*;area=*");

        // Push the victim's change first, then make a second local change that stays pending.
        SYNC_OK(*victim);
        const qint64 cursorBefore = victim->local().cursor(scope);
        const QString later = addItem(*victim, Central, "otro pendiente");
        for (int i = 0; i < 30; ++i)
            addItem(*writer, Central, QStringLiteral("segundo lote %1").arg(i));
        SYNC_OK(*writer);
        const QStringList before = victim->itemsSnapshot();
        const QString path = victim->storePath();
        const QByteArray key = QByteArray::fromHex(victim->keyHex().toLatin1());
        const QUuid device = victim->deviceId();
        const QString token = victim->http().accessToken();
        victim->close();

        // The victim's sync runs in its own process, which SIGKILLs itself in the middle of
        // applying a page (page size 50 → the kill lands inside the first page).
        QProcess helper;
        helper.start(QStringLiteral(TAMBO_SYNC_PC_HELPER),
                     {path,
                      QString::fromLatin1(key.toHex()),
                      device.toString(QUuid::WithoutBraces),
                      QString::number(m_server->port()),
                      m_fx.certificate().certificatePath(),
                      token,
                      QStringLiteral("50"),
                      QStringLiteral("17")});
        QVERIFY(helper.waitForFinished(60000));
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);

        // The helper pushed the pending change (push comes before pull) and was killed while
        // applying the first pulled page. Reopened: the push's acknowledgement is kept, nothing
        // of the cut page is, and the cursor is where it was.
        SyncTestPc reopened(path, key, device);
        QString error;
        QVERIFY2(reopened.open(&error), qPrintable(error));
        reopened.connectWith(m_server->port(), m_fx.certificate().certificatePath(), token);
        QCOMPARE(reopened.itemsSnapshot(), before);
        QCOMPARE(reopened.local().cursor(scope), cursorBefore);
        QCOMPARE(reopened.local().pendingCount(), 0);
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'")
                              .arg(later)),
                 1);
        QCOMPARE(reopened.scalar("SELECT applying FROM sync_flags").toInt(), 0);
        QCOMPARE(reopened.scalar("PRAGMA integrity_check").toString(), QStringLiteral("ok"));

        const SyncSession::Result r = reopened.sync();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(reopened.local().pendingCount(), 0);
        SYNC_OK(*writer);
        QCOMPARE(reopened.itemsSnapshot(), writer->itemsSnapshot());
        QCOMPARE(reopened.scalar("SELECT count(*) FROM t_items WHERE id IN (?, ?)", {mine, later})
                     .toInt(),
                 2);
    }

    void deleteOfAPageAskedAheadIsNotLostWhenThePcDies()
    {
        // The session asks for page N+1 while it applies page N. If the server took that request
        // as "the PC has everything up to page N" and the PC died before committing page N, the
        // server could purge a tombstone of page N that the PC never applied: the deleted row
        // would then stay on that PC for ever. Only the cursor the PC has committed counts.
        auto writer = centralPc();
        auto victim = centralPc();
        QVERIFY(writer && victim);
        const QString doomed = addItem(*writer, Central, "dado de baja");
        SYNC_OK(*writer);
        SYNC_OK(*victim);
        QCOMPARE(victim->scalar("SELECT count(*) FROM t_items WHERE id = ?", {doomed}).toInt(), 1);

        // The delete comes first in the victim's next page, and more pages follow.
        QVERIFY(writer->exec("DELETE FROM t_items WHERE id = ?", {doomed}));
        for (int i = 0; i < 60; ++i)
            addItem(*writer, Central, QStringLiteral("alta %1").arg(i));
        SYNC_OK(*writer);
        const qint64 tombstone = pgScalar(
            QStringLiteral("SELECT version FROM sync_rows WHERE row_id = '%1' AND deleted")
                .arg(doomed));
        QVERIFY(tombstone > 0);
        const QString scope = QStringLiteral("sede=*;area=*");
        const qint64 cursorBefore = victim->local().cursor(scope);
        QVERIFY(cursorBefore < tombstone);

        const QString path = victim->storePath();
        const QByteArray key = QByteArray::fromHex(victim->keyHex().toLatin1());
        const QUuid device = victim->deviceId();
        const QString deviceText = device.toString(QUuid::WithoutBraces);
        const QString token = victim->http().accessToken();
        victim->close();
        const auto victimPulls = [&] {
            int n = 0;
            for (const QJsonObject &line : m_server->logLines(QStringLiteral("request")))
                n += line.value("route").toString() == tambo::core::SyncProtocol::pullPath()
                     && line.value("device").toString() == deviceText
                     && line.value("status").toInt() == 200;
            return n;
        };
        const int pullsBefore = victimPulls();

        // The victim's sync in its own process stops inside the first page's transaction (page
        // size 20: the tombstone is its first row) until the page asked ahead has been answered;
        // then it is killed. Nothing of the first page is committed.
        QProcess helper;
        helper.start(QStringLiteral(TAMBO_SYNC_PC_HELPER),
                     {path,
                      QString::fromLatin1(key.toHex()),
                      deviceText,
                      QString::number(m_server->port()),
                      m_fx.certificate().certificatePath(),
                      token,
                      QStringLiteral("20"),
                      QStringLiteral("5"),
                      QStringLiteral("hold")});
        QVERIFY(helper.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += helper.readAllStandardOutput()).contains("holding")
                                     || helper.state() == QProcess::NotRunning,
                                 60000);
        QVERIFY2(said.contains("holding"), said.constData());
        QTRY_VERIFY_WITH_TIMEOUT(victimPulls() >= pullsBefore + 2, 30000); // page 1 and page 2
        helper.kill();
        QVERIFY(helper.waitForFinished(30000));
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);

        // Every other device passes the tombstone: the writer syncs again (its first pull
        // confirms what it applied), the PCs of the earlier tests (gone) are set past it, and
        // the writer's pulls run the purge.
        SYNC_OK(*writer);
        const QString others = QStringLiteral("device_id NOT IN ('%1', '%2')")
                                   .arg(deviceText,
                                        writer->deviceId().toString(QUuid::WithoutBraces));
        QVERIFY(m_fx.exec(QStringLiteral("UPDATE sync_pull_cursors SET cursor = (SELECT "
                                         "max(version) FROM sync_rows) WHERE %1")
                              .arg(others)));
        QVERIFY(m_fx.exec(QStringLiteral("INSERT INTO sync_pull_cursors (device_id, scope, "
                                         "cursor, updated_at) SELECT device_id, '%1', (SELECT "
                                         "max(version) FROM sync_rows), now() FROM devices "
                                         "WHERE %2 ON CONFLICT DO NOTHING")
                              .arg(scope, others)));
        SYNC_OK(*writer);
        SYNC_OK(*writer);

        // The victim comes back: its cursor is still before the delete, and the delete reaches it.
        SyncTestPc reopened(path, key, device);
        QString error;
        QVERIFY2(reopened.open(&error), qPrintable(error));
        reopened.connectWith(m_server->port(), m_fx.certificate().certificatePath(), token);
        QCOMPARE(reopened.local().cursor(scope), cursorBefore);
        const SyncSession::Result r = reopened.sync({}, 20);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY2(reopened.scalar("SELECT count(*) FROM t_items WHERE id = ?", {doomed}).toInt() == 0,
                 "the deleted row survived on the PC that died before applying its delete");
        SYNC_OK(*writer);
        QCOMPARE(reopened.itemsSnapshot(), writer->itemsSnapshot());

        // Once the victim has confirmed the page (its next run presents the cursor it
        // committed), nothing holds the tombstone back any more.
        QVERIFY2(reopened.sync().ok(), "second sync of the victim");
        SYNC_OK(*writer);
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'")
                              .arg(doomed)),
                 0);
    }

    void tooOldClientKeepsItsData()
    {
        auto pc = centralPc();
        QVERIFY(pc);
        addItem(*pc, Central, "guardado");
        const SyncSession::Result r = pc->sync({},
                                               500,
                                               {},
                                               tambo::core::SyncProtocol::MinSchemaVersion - 1);
        QCOMPARE(r.outcome, SyncSession::Outcome::ClientTooOld);
        QVERIFY(r.message.contains(QStringLiteral("demasiado antigua")));
        QCOMPARE(pc->local().pendingCount(), 1);
        QCOMPARE(pc->scalar("SELECT count(*) FROM t_items").toInt(), 1);
    }

    void badValuesOnThePcAreRefusedAndTheQueueMovesOn()
    {
        // U+0000 in a text (pasted from a PDF, an OCR result…) made the server answer 503 for
        // ever, and the PC's queue never moved again. The PC refuses such an entry before
        // sending it: its seq goes up "refused", the server records the rejection, the change
        // is shown as rejected, the rest of the queue goes on.
        auto pc = centralPc();
        QVERIFY(pc);
        const QString nul = addItem(*pc, Central, QStringLiteral("con ") + QChar(0) + "nulo");
        const QString bytes = addItem(*pc, Central, "bytes");
        QVERIFY(pc->exec("UPDATE t_items SET note = CAST(X'6361666520E92021' AS TEXT) WHERE id = ?",
                         {bytes}));
        const QString big = addItem(*pc, Central, "grande");
        QVERIFY(pc->exec("UPDATE t_items SET note = ? WHERE id = ?",
                         {QString(SyncProtocol::MaxRowBytes + 10, QLatin1Char('x')), big}));
        const QString good = addItem(*pc, Central, "bueno");
        SYNC_OK(*pc);
        QCOMPARE(pc->local().pendingCount(), 0);
        QStringList reasons;
        for (const auto &rejected : pc->local().rejectedEntries())
            reasons << rejected.reason;
        reasons.sort();
        QCOMPARE(reasons,
                 (QStringList{"row_too_large", "text_control_char", "text_invalid"}));
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rejections WHERE device_id = "
                                         "'%1'")
                              .arg(pc->deviceId().toString(QUuid::WithoutBraces))),
                 3);
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'")
                              .arg(good)),
                 1);
        // The inserts of the rows whose later edit was refused went up; the refused versions
        // did not. As any rejected change, each stays on the PC in its rejected entry (for
        // the review: discard, or retry once the text is fixed).
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'")
                              .arg(nul)),
                 0);
        QCOMPARE(pgScalar(QStringLiteral("SELECT length(data->>'note') FROM sync_rows WHERE "
                                         "row_id = '%1'")
                              .arg(big)),
                 0);
        QVERIFY(pc->scalar("SELECT length(data) FROM sync_outbox WHERE status = 'rejected' AND "
                           "row_id = ?",
                           {big})
                    .toInt()
                > SyncProtocol::MaxRowBytes);
        QCOMPARE(pc->scalar("SELECT hex(CAST(data AS BLOB)) LIKE '%E92021%' FROM sync_outbox "
                            "WHERE status = 'rejected' AND row_id = ?",
                            {bytes})
                     .toInt(),
                 1);
        SYNC_OK(*pc); // nothing left to send, nothing stuck
    }

    void largeRowsGoUpInSeveralPushesAndComeDownInSeveralPages()
    {
        // 12 rows of 0.9 MB: one push of 100 entries was 10.8 MB (413 from the server, a
        // failed run every time); one pull page carried all of them. Pushes now carry at most
        // SyncProtocol::MaxPushBytes, pulls at most MaxPageBytes per page.
        auto writer = centralPc();
        auto reader = centralPc();
        QVERIFY(writer && reader);
        SYNC_OK(*reader);
        for (int i = 0; i < 12; ++i) {
            const QString id = addItem(*writer, Central, QStringLiteral("expediente %1").arg(i));
            QVERIFY(writer->exec("UPDATE t_items SET note = ? WHERE id = ?",
                                 {QString(900 * 1000, QLatin1Char('a' + i)), id}));
        }
        SYNC_OK(*writer);
        QCOMPARE(writer->local().pendingCount(), 0);
        QCOMPARE(writer->local().rejectedCount(), 0);
        QList<int> pageRows;
        const SyncSession::Result r = reader->sync({}, 500, [&](int rowIndex) {
            if (rowIndex == 0)
                pageRows.append(0);
            ++pageRows.last();
        });
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY2(pageRows.size() >= 3, qPrintable(QString::number(pageRows.size())));
        for (const int rows : std::as_const(pageRows))
            QVERIFY(rows <= 4); // 4 × 0.9 MB fit in 4 MiB, 5 do not
        QCOMPARE(reader->itemsSnapshot(), writer->itemsSnapshot());
    }

    void aServerThatTakesLessGetsFewerEntries()
    {
        // A client that sends more than the server takes (413) sends fewer entries at once
        // instead of failing the run again and again.
        auto pc = centralPc();
        QVERIFY(pc);
        for (int i = 0; i < 10; ++i) {
            const QString id = addItem(*pc, Central, QStringLiteral("lote %1").arg(i));
            QVERIFY(pc->exec("UPDATE t_items SET note = ? WHERE id = ?",
                             {QString(900 * 1000, QLatin1Char('q')), id}));
        }
        SyncSession::Options options;
        options.deviceId = pc->deviceId();
        options.maxPushBytes = qint64(1) << 40; // as if the PC knew no limit: ~18 MB at once
        SyncSession session(pc->local(), pc->http(), options);
        const SyncSession::Result r = session.run();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(pc->local().pendingCount(), 0);
        QCOMPARE(pgScalar(QStringLiteral("SELECT last_seq FROM sync_devices WHERE device_id = "
                                         "'%1'")
                              .arg(pc->deviceId().toString(QUuid::WithoutBraces))),
                 20);
    }

    void restoredStoreStopsThenSyncsAsANewDevice()
    {
        Restored r = restoredStore();
        QVERIFY(r.copy);
        const QString device = r.a->deviceId().toString(QUuid::WithoutBraces);
        // The copy's change 2 is not the change 2 the server has: refused, and sync stops.
        SyncSession::Result run = r.copy->sync();
        QCOMPARE(run.outcome, SyncSession::Outcome::SeqReused);
        QVERIFY2(run.message.contains("restaurados") && run.message.contains("OTIC")
                     && run.message.contains("a salvo"),
                 qPrintable(run.message));
        QCOMPARE(r.copy->local().pendingCount(), 1); // kept, as every local row
        QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'")
                              .arg(r.onCopy)),
                 0);
        QCOMPARE(pgScalar(
                     QStringLiteral("SELECT last_seq FROM sync_devices WHERE device_id = '%1'")
                         .arg(device)),
                 2);
        QVERIFY(r.copy->local().syncStop());
        // It stays stopped (also after a restart): new changes wait, nothing is sent.
        r.copy->close();
        QString error;
        QVERIFY2(r.copy->open(&error), qPrintable(error));
        const QString later = addItem(*r.copy, Central, "más tarde, en la copia");
        run = r.copy->sync();
        QCOMPARE(run.outcome, SyncSession::Outcome::SeqReused);
        QCOMPARE(r.copy->local().pendingCount(), 2);
        QCOMPARE(pgScalar(
                     QStringLiteral("SELECT last_seq FROM sync_devices WHERE device_id = '%1'")
                         .arg(device)),
                 2);

        // OTIC enrols the copy as a new device: its pending changes go up as that device's.
        const tambo::core::DeviceReenrollment::Result re
            = tambo::core::DeviceReenrollment::run(r.copy->db());
        QVERIFY2(re.ok, qPrintable(re.error));
        QCOMPARE(re.requeued, 2);
        r.copy->setDeviceId(re.deviceId);
        QVERIFY2(r.copy->enroll(m_server->port(),
                                m_fx.certificate().certificatePath(),
                                "inv.central",
                                "central-clave-2026",
                                &error),
                 qPrintable(error));
        SYNC_OK(*r.copy);
        QCOMPARE(r.copy->local().pendingCount(), 0);
        for (const QString &id : {r.onCopy, later})
            QCOMPARE(pgScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE row_id = '%1'")
                                  .arg(id)),
                     1);
        // Both stores converge, nothing lost on either side.
        SYNC_OK(*r.a);
        SYNC_OK(*r.copy);
        QCOMPARE(r.copy->itemsSnapshot(), r.a->itemsSnapshot());
        const QString all = r.a->itemsSnapshot().join('\n');
        for (const QString &id : {r.onA, r.onCopy, later})
            QVERIFY(all.contains(id));
    }

    void engineStopsOnSeqReusedAndKeepsTheOutbox()
    {
        Restored r = restoredStore();
        QVERIFY(r.copy);
        tambo::core::SyncEngine::Options options;
        options.serverUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port()));
        options.caCertificate = m_fx.certificate().certificatePath();
        options.deviceId = r.copy->deviceId();
        options.accessToken = r.copy->http().accessToken();
        options.countIntervalMs = 100;
        options.retry.pollIntervalMs = 600000;
        {
            tambo::core::SyncEngine engine(r.copy->store(),
                                           SyncTestPc::tables(),
                                           r.copy->clock(),
                                           options);
            QSignalSpy finished(&engine, &tambo::core::SyncEngine::runFinished);
            engine.start();
            QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 30000);
            QVERIFY(!finished.at(0).at(0).toBool());
            QTRY_COMPARE_WITH_TIMEOUT(engine.status().state,
                                      tambo::core::SyncStatus::State::Stopped,
                                      10000);
            QVERIFY(engine.status().stopped);
            QVERIFY2(engine.status().message.contains("tambo-admin sync reenroll"),
                     qPrintable(engine.status().message));
            QCOMPARE(engine.status().pending, 1);
            // "Sync now" does not run while stopped.
            engine.syncNow();
            QTest::qWait(500);
            QCOMPARE(finished.size(), 1);
            engine.stop();
        }
        QCOMPARE(r.copy->local().pendingCount(), 1);
        // A restarted Tambo says so at once.
        tambo::core::SyncEngine again(r.copy->store(), SyncTestPc::tables(), r.copy->clock(),
                                      options);
        again.start();
        QTRY_COMPARE_WITH_TIMEOUT(again.status().state,
                                  tambo::core::SyncStatus::State::Stopped,
                                  10000);
        again.stop();
    }

    void engineSyncsInTheBackground()
    {
        auto pc = centralPc();
        QVERIFY(pc);
        const QString id = addItem(*pc, Central, "en segundo plano");
        tambo::core::SyncEngine::Options options;
        options.serverUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port()));
        options.caCertificate = m_fx.certificate().certificatePath();
        options.deviceId = pc->deviceId();
        options.accessToken = pc->http().accessToken();
        options.refreshToken = pc->http().refreshToken();
        options.countIntervalMs = 100;
        options.retry.pollIntervalMs = 600000; // only syncNow() from here on
        tambo::core::SyncEngine engine(pc->store(), SyncTestPc::tables(), pc->clock(), options);
        QSignalSpy finished(&engine, &tambo::core::SyncEngine::runFinished);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 30000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state,
                                  tambo::core::SyncStatus::State::Synced,
                                  10000);
        QCOMPARE(engine.status().pending, 0);
        QCOMPARE(engine.status().syncedAt, pc->clock().now());

        // A local write shows up as pending without waiting for the next run…
        QVERIFY(pc->exec("UPDATE t_items SET note = 'editado' WHERE id = ?", {id}));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().pending, 1, 10000);
        QCOMPARE(engine.status().state, tambo::core::SyncStatus::State::Pending);
        // …and "sync now" sends it.
        engine.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state,
                                  tambo::core::SyncStatus::State::Synced,
                                  10000);
        QCOMPARE(pc->local().pendingCount(), 0);
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestSyncSession)
#include "tst_syncsession.moc"
