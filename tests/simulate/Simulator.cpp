#include "Simulator.h"

#include "SimServer.h"
#include "SyncTestPc.h"

#include "sync/BundleService.h"
#include "sync/SyncHttpClient.h"
#include "sync/SyncProtocol.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>

#include <cstdio>

namespace tambo::test {

using core::BundleService;
using core::SyncSession;

struct Simulator::Pc
{
    int index = 0;
    QString user;
    QString sede;
    core::UserBundleKey userKey; // signs its bundles
    std::unique_ptr<SyncTestPc> pc;
    std::unique_ptr<BundleService> bundles;
    int partitionedUntil = -1;            // op index; syncs before it go to a dead port
    QStringList replies;                  // server bundles not imported yet
    QMap<qint64, core::OutboxEntry> sent; // entries as pushed (only for --inject-bug duplicate)
};

namespace {

// The columns compared between a PC and the server, per table, and which of them carry the
// seed's unique values (stamps).
const QHash<QString, QStringList> &columnsOf()
{
    static const QHash<QString, QStringList> columns{
        {QStringLiteral("t_items"),
         {QStringLiteral("id"),
          QStringLiteral("sede_id"),
          QStringLiteral("area_id"),
          QStringLiteral("name"),
          QStringLiteral("estado"),
          QStringLiteral("note"),
          QStringLiteral("qty")}},
        {QStringLiteral("t_shared"), {QStringLiteral("id"), QStringLiteral("label")}},
        {QStringLiteral("t_events"),
         {QStringLiteral("id"), QStringLiteral("item_id"), QStringLiteral("text")}},
    };
    return columns;
}

bool isStampColumn(const QString &column)
{
    static const QSet<QString> stamps{QStringLiteral("name"),
                                      QStringLiteral("note"),
                                      QStringLiteral("qty"),
                                      QStringLiteral("label"),
                                      QStringLiteral("text")};
    return stamps.contains(column);
}

QString textStamp(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

// A JSON value as PostgreSQL prints jsonb (stamps are plain ASCII: no escapes needed).
QString jsonText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("null");
    case QJsonValue::Double:
        return QString::number(qint64(v.toDouble()));
    case QJsonValue::String:
        return textStamp(v.toString());
    default:
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
    }
}

QString nullMark()
{
    return QStringLiteral("∅");
}

QString canonical(const QString &table, const QJsonObject &data)
{
    QStringList fields;
    for (const QString &c : columnsOf().value(table)) {
        const QJsonValue v = data.value(c);
        fields << (v.isNull() || v.isUndefined() ? nullMark()
                   : v.isDouble()                ? QString::number(qint64(v.toDouble()))
                                                 : v.toVariant().toString());
    }
    return fields.join(QLatin1Char('|'));
}

QString outcomeName(SyncSession::Outcome o)
{
    switch (o) {
    case SyncSession::Outcome::Synced:
        return QStringLiteral("synced");
    case SyncSession::Outcome::Offline:
        return QStringLiteral("offline");
    case SyncSession::Outcome::ClientTooOld:
        return QStringLiteral("client-too-old");
    case SyncSession::Outcome::AuthFailed:
        return QStringLiteral("auth-failed");
    case SyncSession::Outcome::SeqGap:
        return QStringLiteral("seq-gap");
    case SyncSession::Outcome::SeqReused:
        return QStringLiteral("seq-reused");
    case SyncSession::Outcome::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

} // namespace

Simulator::Simulator(SimServer &server, Options options)
    : m_server(server)
    , m_options(options)
{
    // A port where nothing listens: a partitioned PC's syncs fail there for real.
    QTcpServer probe;
    if (probe.listen(QHostAddress::LocalHost, 0))
        m_deadPort = probe.serverPort();
    probe.close();
}

Simulator::~Simulator()
{
    tearDownPcs();
}

void Simulator::note(const QString &line)
{
    if (m_options.verbose)
        std::printf("  [op %d] %s\n", m_op, qPrintable(line));
    if (qEnvironmentVariableIsSet("TAMBO_SIMULATE_TIMING")) {
        static QElapsedTimer t;
        if (!t.isValid())
            t.start();
        std::printf("    %lld ms\n", t.restart());
    }
}

void Simulator::problem(const QString &line)
{
    m_run.problems << line;
    if (m_options.verbose)
        std::printf("  PROBLEM: %s\n", qPrintable(line));
}

bool Simulator::openPc(Pc &pc, QString *error)
{
    if (!pc.pc->open(error))
        return false;
    pc.bundles = std::make_unique<BundleService>(pc.pc->local(),
                                                 pc.pc->db(),
                                                 pc.pc->clock(),
                                                 pc.pc->deviceId());
    return true;
}

bool Simulator::setUpPcs(QString *error)
{
    if (!m_server.ensureSlots(m_options.clients, error))
        return false;
    for (int i = 0; i < m_options.clients; ++i) {
        SimServer::Slot &slot = m_server.slot(i);
        auto pc = std::make_shared<Pc>();
        pc->index = i;
        pc->user = slot.user;
        pc->sede = slot.sede;
        pc->userKey = slot.bundleKey;
        // Every seed starts from a copy of the slot's enrolled, empty store.
        const QString path = QDir(m_dir).filePath(QStringLiteral("pc%1.db").arg(i));
        if (!QFile::copy(slot.templatePath, path)) {
            *error = QStringLiteral("cannot copy %1 to %2").arg(slot.templatePath, path);
            return false;
        }
        pc->pc = std::make_unique<SyncTestPc>(path, slot.storeKey, slot.deviceId);
        if (!openPc(*pc, error))
            return false;
        pc->pc->connectWith(m_server.port(), m_server.caCertificate(), slot.accessToken);
        pc->pc->http().setTokens(slot.accessToken, slot.refreshToken);
        m_pcs.append(pc);
    }
    return true;
}

void Simulator::tearDownPcs()
{
    for (const auto &pc : std::as_const(m_pcs)) {
        // The slot keeps the tokens (a refresh may have rotated them).
        SimServer::Slot &slot = m_server.slot(pc->index);
        if (!pc->pc->http().accessToken().isEmpty() || !pc->pc->http().refreshToken().isEmpty()) {
            slot.accessToken = pc->pc->http().accessToken();
            slot.refreshToken = pc->pc->http().refreshToken();
        }
        pc->bundles.reset();
        pc->pc->close();
    }
    m_pcs.clear();
}

QString Simulator::newId(const QString &prefix)
{
    return QStringLiteral("%1%2").arg(prefix).arg(++m_rowCounter, 4, 10, QLatin1Char('0'));
}

bool Simulator::partitioned(const Pc &pc) const
{
    return m_op < pc.partitionedUntil;
}

qint64 Simulator::lastSeq(Pc &pc)
{
    return pc.pc
        ->scalar(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = "
                                "'sync_outbox'"))
        .toLongLong();
}

QStringList Simulator::localIds(Pc &pc, const QString &table)
{
    QSqlQuery q(pc.pc->db());
    if (table == QLatin1String("t_items")) {
        q.prepare(QStringLiteral("SELECT id FROM t_items WHERE sede_id = ? OR sede_id IS NULL "
                                 "ORDER BY id"));
        q.addBindValue(pc.sede);
    } else {
        q.prepare(QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(table));
    }
    QStringList ids;
    if (q.exec()) {
        while (q.next())
            ids << q.value(0).toString();
    }
    return ids;
}

bool Simulator::write(Pc &pc, const QString &sql, const QVariantList &binds, Write w)
{
    const qint64 before = lastSeq(pc);
    QString error;
    if (!pc.pc->exec(sql, binds, &error)) {
        problem(QStringLiteral("pc%1: local write failed: %2: %3").arg(pc.index).arg(sql, error));
        ++m_run.diverged;
        return false;
    }
    const qint64 after = lastSeq(pc);
    if (after == before)
        return true; // nothing changed: no outbox entry, nothing to track
    if (after != before + 1) {
        problem(QStringLiteral("pc%1: one write made %2 outbox entries")
                    .arg(pc.index)
                    .arg(after - before));
        ++m_run.diverged;
    }
    w.pc = pc.index;
    w.seq = after;
    w.op = m_op;
    m_writes.append(w);
    ++m_run.writes;
    return true;
}

void Simulator::insertItem(Pc &pc, int op)
{
    const QString id = newId(QStringLiteral("i"));
    // Mostly rows of the PC's sede; some without sede (shared by every sede).
    const bool shared = m_random->chance(15);
    const QString estado = QStringList{"B", "R", "M"}.at(int(m_random->below(3)));
    Write w;
    w.table = QStringLiteral("t_items");
    w.rowId = id;
    w.kind = Write::Kind::Insert;
    const QString name = QStringLiteral("n%1").arg(op);
    const QString noteText = QStringLiteral("t%1").arg(op);
    w.stamps.insert(QStringLiteral("name"), textStamp(name));
    w.stamps.insert(QStringLiteral("note"), textStamp(noteText));
    w.stamps.insert(QStringLiteral("qty"), QString::number(op));
    note(QStringLiteral("pc%1 insert t_items %2 (%3)")
             .arg(pc.index)
             .arg(id, shared ? QStringLiteral("shared") : pc.sede));
    write(pc,
          QStringLiteral("INSERT INTO t_items (id, sede_id, area_id, name, estado, note, qty) "
                         "VALUES (?, ?, NULL, ?, ?, ?, ?)"),
          {id,
           shared ? QVariant(QMetaType::fromType<QString>()) : QVariant(pc.sede),
           name,
           estado,
           noteText,
           op},
          w);
}

void Simulator::editItem(Pc &pc, int op)
{
    const QStringList ids = localIds(pc, QStringLiteral("t_items"));
    if (ids.isEmpty()) {
        insertItem(pc, op);
        return;
    }
    // Half the edits go to a few "hot" rows, so PCs often change the same row concurrently.
    const quint64 pool = m_random->chance(50) ? std::min<quint64>(3, ids.size()) : ids.size();
    const QString id = ids.at(int(m_random->below(pool)));
    Write w;
    w.table = QStringLiteral("t_items");
    w.rowId = id;
    w.kind = Write::Kind::Update;
    QStringList sets;
    QVariantList binds;
    if (m_random->chance(25)) { // only the legal column, often to the value it already has
        sets << QStringLiteral("estado = ?");
        binds << QStringList{"B", "R", "M"}.at(int(m_random->below(3))) << id;
        note(QStringLiteral("pc%1 edit t_items %2: estado = %3")
                 .arg(pc.index)
                 .arg(id, binds.constFirst().toString()));
        write(pc, QStringLiteral("UPDATE t_items SET estado = ? WHERE id = ?"), binds, w);
        return;
    }
    if (m_random->chance(40)) {
        sets << QStringLiteral("name = ?");
        binds << QStringLiteral("n%1").arg(op);
        w.stamps.insert(QStringLiteral("name"), textStamp(binds.constLast().toString()));
    }
    if (m_random->chance(50)) {
        sets << QStringLiteral("qty = ?");
        binds << op;
        w.stamps.insert(QStringLiteral("qty"), QString::number(op));
    }
    if (m_random->chance(40)) { // the legal column: same-field edits conflict
        sets << QStringLiteral("estado = ?");
        binds << QStringList{"B", "R", "M"}.at(int(m_random->below(3)));
    }
    if (sets.isEmpty() || m_random->chance(50)) {
        sets << QStringLiteral("note = ?");
        binds << QStringLiteral("t%1").arg(op);
        w.stamps.insert(QStringLiteral("note"), textStamp(binds.constLast().toString()));
    }
    binds << id;
    note(QStringLiteral("pc%1 edit t_items %2: %3").arg(pc.index).arg(id, sets.join(", ")));
    write(pc,
          QStringLiteral("UPDATE t_items SET %1 WHERE id = ?").arg(sets.join(QStringLiteral(", "))),
          binds,
          w);
}

void Simulator::insertShared(Pc &pc, int op)
{
    const QString id = newId(QStringLiteral("s"));
    Write w;
    w.table = QStringLiteral("t_shared");
    w.rowId = id;
    w.kind = Write::Kind::Insert;
    const QString label = QStringLiteral("l%1").arg(op);
    w.stamps.insert(QStringLiteral("label"), textStamp(label));
    note(QStringLiteral("pc%1 insert t_shared %2").arg(pc.index).arg(id));
    write(pc, QStringLiteral("INSERT INTO t_shared (id, label) VALUES (?, ?)"), {id, label}, w);
}

void Simulator::editShared(Pc &pc, int op)
{
    const QStringList ids = localIds(pc, QStringLiteral("t_shared"));
    if (ids.isEmpty()) {
        insertShared(pc, op);
        return;
    }
    const QString id = ids.at(int(m_random->below(quint64(ids.size()))));
    Write w;
    w.table = QStringLiteral("t_shared");
    w.rowId = id;
    w.kind = Write::Kind::Update;
    const QString label = QStringLiteral("l%1").arg(op);
    w.stamps.insert(QStringLiteral("label"), textStamp(label));
    note(QStringLiteral("pc%1 edit t_shared %2").arg(pc.index).arg(id));
    write(pc, QStringLiteral("UPDATE t_shared SET label = ? WHERE id = ?"), {label, id}, w);
}

void Simulator::deleteRow(Pc &pc, const QString &table, int op)
{
    Q_UNUSED(op)
    const QStringList ids = localIds(pc, table);
    if (ids.isEmpty())
        return;
    const QString id = ids.at(int(m_random->below(quint64(ids.size()))));
    Write w;
    w.table = table;
    w.rowId = id;
    w.kind = Write::Kind::Delete;
    note(QStringLiteral("pc%1 delete %2 %3").arg(pc.index).arg(table, id));
    write(pc, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table), {id}, w);
}

void Simulator::insertEvent(Pc &pc, int op)
{
    const QStringList items = localIds(pc, QStringLiteral("t_items"));
    if (items.isEmpty()) {
        insertItem(pc, op);
        return;
    }
    const QString item = items.at(int(m_random->below(quint64(items.size()))));
    const QString id = newId(QStringLiteral("e"));
    Write w;
    w.table = QStringLiteral("t_events");
    w.rowId = id;
    w.kind = Write::Kind::Insert;
    const QString text = QStringLiteral("x%1").arg(op);
    w.stamps.insert(QStringLiteral("text"), textStamp(text));
    note(QStringLiteral("pc%1 insert t_events %2 for %3").arg(pc.index).arg(id, item));
    write(pc,
          QStringLiteral("INSERT INTO t_events (id, item_id, text) VALUES (?, ?, ?)"),
          {id, item, text},
          w);
}

void Simulator::captureSent(Pc &pc)
{
    if (m_options.inject != InjectBug::Duplicate)
        return;
    for (const core::OutboxEntry &e : pc.pc->local().pendingEntries(100000))
        pc.sent.insert(e.seq, e);
}

void Simulator::syncWithEditMidway(Pc &pc, int op)
{
    // The sync worker runs beside the user: a row changes between the run's push and its pull,
    // so the pull meets a pending change (and keeps it on top).
    if (partitioned(pc)) {
        syncPc(pc);
        return;
    }
    captureSent(pc);
    ++m_run.syncs;
    SyncSession::Options options;
    options.deviceId = pc.pc->deviceId();
    options.sede = pc.sede;
    options.pageSize = m_random->chance(50) ? 2 : 500;
    SyncSession session(pc.pc->local(), pc.pc->http(), options);
    const SyncSession::Result pushed = session.push();
    editItem(pc, op);
    const SyncSession::Result pulled = pushed.ok() ? session.pull() : pushed;
    note(QStringLiteral("pc%1 sync with an edit midway: %2, pushed %3, pulled %4")
             .arg(pc.index)
             .arg(outcomeName(pulled.outcome))
             .arg(pushed.pushed)
             .arg(pulled.pulled));
    if (!pulled.ok()) {
        problem(QStringLiteral("pc%1: sync failed: %2 %3")
                    .arg(pc.index)
                    .arg(outcomeName(pulled.outcome), pulled.message));
        ++m_run.diverged;
    }
}

bool Simulator::syncPc(Pc &pc, bool *quiet)
{
    // Small pages and batches now and then, so paging and resuming are exercised too.
    static const int pageSizes[] = {2, 7, 500};
    static const int batches[] = {1, 3, 100};
    const int pageSize = pageSizes[m_random->below(3)];
    const int batch = batches[m_random->below(3)];
    captureSent(pc);
    ++m_run.syncs;
    if (partitioned(pc)) {
        // The link is down: the run fails for real (connection refused) and keeps everything.
        const int pendingBefore = pc.pc->local().pendingCount();
        pc.pc->setPort(m_deadPort);
        const SyncSession::Result r = pc.pc->sync(pc.sede,
                                                  pageSize,
                                                  {},
                                                  core::SyncProtocol::SchemaVersion,
                                                  batch);
        pc.pc->setPort(m_server.port());
        ++m_run.offlineSyncs;
        note(QStringLiteral("pc%1 sync while partitioned: %2")
                 .arg(pc.index)
                 .arg(outcomeName(r.outcome)));
        if (r.outcome != SyncSession::Outcome::Offline
            || pc.pc->local().pendingCount() != pendingBefore) {
            problem(QStringLiteral("pc%1: a sync without a link ended %2 (%3), pending %4 -> %5")
                        .arg(pc.index)
                        .arg(outcomeName(r.outcome), r.message)
                        .arg(pendingBefore)
                        .arg(pc.pc->local().pendingCount()));
            ++m_run.diverged;
        }
        return false;
    }
    const SyncSession::Result r = pc.pc->sync(pc.sede,
                                              pageSize,
                                              {},
                                              core::SyncProtocol::SchemaVersion,
                                              batch);
    note(QStringLiteral("pc%1 sync (page %2, batch %3): %4, pushed %5, pulled %6, rejected %7, "
                        "conflicts %8")
             .arg(pc.index)
             .arg(pageSize)
             .arg(batch)
             .arg(outcomeName(r.outcome))
             .arg(r.pushed)
             .arg(r.pulled)
             .arg(r.rejected)
             .arg(r.conflicts));
    if (!r.ok()) {
        problem(QStringLiteral("pc%1: sync failed: %2 %3")
                    .arg(pc.index)
                    .arg(outcomeName(r.outcome), r.message));
        ++m_run.diverged;
        return false;
    }
    if (quiet)
        *quiet = *quiet && r.pushed == 0 && r.pulled == 0;
    return true;
}

void Simulator::partition(Pc &pc, int op)
{
    pc.partitionedUntil = op + m_random->between(3, 15);
    note(QStringLiteral("pc%1 partitioned until op %2").arg(pc.index).arg(pc.partitionedUntil));
}

void Simulator::restartPc(Pc &pc)
{
    note(QStringLiteral("pc%1 restart").arg(pc.index));
    ++m_run.pcRestarts;
    pc.bundles.reset();
    pc.pc->close();
    QString error;
    if (!openPc(pc, &error)) {
        problem(QStringLiteral("pc%1: cannot reopen its store: %2").arg(pc.index).arg(error));
        ++m_run.diverged;
    }
}

void Simulator::restartServer()
{
    note(QStringLiteral("server restart"));
    ++m_run.serverRestarts;
    // The PCs drop their idle keep-alive connections first (a new client each), as idle PCs'
    // connections time out anyway; the server then stops without waiting for them.
    for (const auto &pc : std::as_const(m_pcs))
        pc->pc->setPort(m_deadPort);
    QString error;
    if (!m_server.restart(&error)) {
        m_run.setupError = error;
        return;
    }
    for (const auto &pc : std::as_const(m_pcs))
        pc->pc->setPort(m_server.port());
}

void Simulator::bundleOut(Pc &pc, int op)
{
    captureSent(pc);
    const QString usb = QDir(m_dir).filePath(QStringLiteral("usb-%1").arg(op));
    QDir().mkpath(usb);
    const BundleService::ExportResult exported
        = pc.bundles->exportTo(usb, pc.user, pc.userKey, {BundleService::Scope{pc.sede, {}}});
    if (!exported.ok) {
        problem(
            QStringLiteral("pc%1: bundle export failed: %2").arg(pc.index).arg(exported.message));
        ++m_run.diverged;
        return;
    }
    QString reply;
    const ServerProcess::Run run = m_server.bundleImport(exported.path,
                                                         QDir(m_dir).filePath(
                                                             QStringLiteral("reply-%1").arg(op)),
                                                         &reply);
    ++m_run.bundleTrips;
    note(QStringLiteral("pc%1 bundle out: %2 entries; server: exit %3")
             .arg(pc.index)
             .arg(exported.entries)
             .arg(run.exitCode));
    if (reply.isEmpty()) {
        problem(QStringLiteral("pc%1: tambo-server bundle import failed (%2): %3 %4")
                    .arg(pc.index)
                    .arg(run.exitCode)
                    .arg(run.out, run.err));
        ++m_run.diverged;
        return;
    }
    pc.replies << reply;
    if (m_random->chance(40))
        bundleBack(pc); // carried back at once
}

void Simulator::bundleBack(Pc &pc)
{
    if (pc.replies.isEmpty())
        return;
    const QString reply = pc.replies.takeAt(int(m_random->below(quint64(pc.replies.size()))));
    const BundleService::ImportResult r = pc.bundles->importFile(reply);
    note(QStringLiteral("pc%1 bundle back %2: status %3, acks %4, rows %5")
             .arg(pc.index)
             .arg(QFileInfo(reply).fileName())
             .arg(int(r.status))
             .arg(r.acknowledged)
             .arg(r.rows));
    if (!r.ok()) {
        problem(QStringLiteral("pc%1: bundle import failed: %2").arg(pc.index).arg(r.message));
        ++m_run.diverged;
    }
}

void Simulator::step(int op)
{
    Pc &pc = *m_pcs.at(int(m_random->below(quint64(m_pcs.size()))));
    const int roll = int(m_random->below(100));
    // Weights out of 100.
    if (roll < 14)
        insertItem(pc, op);
    else if (roll < 30)
        editItem(pc, op);
    else if (roll < 34)
        deleteRow(pc, QStringLiteral("t_items"), op);
    else if (roll < 39)
        insertShared(pc, op);
    else if (roll < 45)
        editShared(pc, op);
    else if (roll < 47)
        deleteRow(pc, QStringLiteral("t_shared"), op);
    else if (roll < 52)
        insertEvent(pc, op);
    else if (roll < 72)
        syncPc(pc);
    else if (roll < 78)
        syncWithEditMidway(pc, op);
    else if (roll < 82)
        partition(pc, op);
    else if (roll < 86)
        restartPc(pc);
    else if (roll < 92)
        bundleOut(pc, op);
    else if (roll < 98)
        bundleBack(pc);
    else if (roll < 99)
        restartServer();
    else
        syncPc(pc);
}

void Simulator::heal()
{
    m_op = m_options.ops;
    for (const auto &pc : std::as_const(m_pcs)) {
        pc->partitionedUntil = -1;
        // A reply still on the USB stick is carried back, or lost.
        while (!pc->replies.isEmpty()) {
            if (m_random->chance(50))
                bundleBack(*pc);
            else
                pc->replies.removeFirst();
        }
    }
    for (int round = 1; round <= 10; ++round) {
        bool quiet = true;
        bool ok = true;
        for (const auto &pc : std::as_const(m_pcs))
            ok = syncPc(*pc, &quiet) && ok;
        m_run.healRounds = round;
        if (!ok)
            return;
        if (quiet)
            return;
    }
    problem(QStringLiteral("the PCs still moved rows after 10 rounds of syncs"));
    ++m_run.diverged;
}

void Simulator::inject()
{
    Pc &pc = *m_pcs.first();
    switch (m_options.inject) {
    case InjectBug::None:
        return;
    case InjectBug::Lose: {
        // An acknowledged row vanishes from the server without a delete.
        insertShared(pc, m_options.ops + 1);
        syncPc(pc);
        const QString id = m_writes.constLast().rowId;
        m_server.exec(QStringLiteral("DELETE FROM sync_rows WHERE table_name = 't_shared' AND "
                                     "row_id = '%1'")
                          .arg(id));
        note(QStringLiteral("INJECTED: t_shared %1 dropped on the server").arg(id));
        return;
    }
    case InjectBug::Duplicate: {
        // An entry the server applied is applied again after a later write of the same row:
        // the device's last_seq is rewound (as a server that forgot it would) and the same
        // entry goes through the real push endpoint a second time.
        insertShared(pc, m_options.ops + 1);
        const Write first = m_writes.constLast();
        syncPc(pc);
        Write later;
        later.table = first.table;
        later.rowId = first.rowId;
        later.kind = Write::Kind::Update;
        const QString label = QStringLiteral("l%1").arg(m_options.ops + 2);
        later.stamps.insert(QStringLiteral("label"), textStamp(label));
        write(pc,
              QStringLiteral("UPDATE t_shared SET label = ? WHERE id = ?"),
              {label, first.rowId},
              later);
        syncPc(pc);
        const QString device = pc.pc->deviceId().toString(QUuid::WithoutBraces);
        QSqlQuery q(m_server.db());
        q.exec(
            QStringLiteral("SELECT last_seq FROM sync_devices WHERE device_id = '%1'").arg(device));
        const qint64 lastSeqOnServer = q.next() ? q.value(0).toLongLong() : 0;
        m_server.exec(QStringLiteral("UPDATE sync_devices SET last_seq = %1 WHERE device_id = "
                                     "'%2'")
                          .arg(first.seq - 1)
                          .arg(device));
        core::PushRequest request;
        request.deviceId = pc.pc->deviceId();
        request.schemaVersion = core::SyncProtocol::SchemaVersion;
        request.tables = pc.pc->local().tableRules();
        request.entries = {pc.sent.value(first.seq)};
        const core::SyncHttpClient::Reply reply = pc.pc->http().post(core::SyncProtocol::pushPath(),
                                                                     request.toJson());
        m_server.exec(QStringLiteral("UPDATE sync_devices SET last_seq = %1 WHERE device_id = "
                                     "'%2'")
                          .arg(lastSeqOnServer)
                          .arg(device));
        note(QStringLiteral("INJECTED: seq %1 of pc%2 pushed again: HTTP %3")
                 .arg(first.seq)
                 .arg(pc.index)
                 .arg(reply.status));
        heal(); // the PCs follow the server again: only the duplicate remains to be seen
        return;
    }
    case InjectBug::Diverge: {
        // A row changes on one PC without going through sync (no outbox entry).
        pc.pc->exec(QStringLiteral("UPDATE sync_flags SET applying = 1 WHERE id = 1"));
        pc.pc->exec(QStringLiteral("INSERT INTO t_shared (id, label) VALUES ('rogue', 'rogue')"));
        pc.pc->exec(QStringLiteral("UPDATE sync_flags SET applying = 0 WHERE id = 1"));
        note(QStringLiteral("INJECTED: pc%1 has a row the server never saw").arg(pc.index));
        return;
    }
    }
}

void Simulator::checkDiverged()
{
    // The server's live rows, by table/id, with their scope.
    struct ServerRow
    {
        QString sede;
        QString text;
    };
    QHash<QString, ServerRow> server;
    QSqlQuery q(m_server.db());
    if (!q.exec(QStringLiteral("SELECT table_name, row_id, sede_id, data::text FROM sync_rows "
                               "WHERE NOT deleted"))) {
        problem(QStringLiteral("cannot read sync_rows: %1").arg(q.lastError().text()));
        ++m_run.diverged;
        return;
    }
    while (q.next()) {
        const QString table = q.value(0).toString();
        const QJsonObject data = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        server.insert(table + QLatin1Char('/') + q.value(1).toString(),
                      {q.value(2).toString(), canonical(table, data)});
    }
    for (const auto &pc : std::as_const(m_pcs)) {
        const int pending = pc->pc->local().pendingCount();
        if (pending != 0) {
            problem(QStringLiteral("pc%1: %2 changes still pending after healing")
                        .arg(pc->index)
                        .arg(pending));
            ++m_run.diverged;
        }
        // Rows the server refused stay on the PC for the user to see (by the protocol).
        QSet<QString> refused;
        QSqlQuery r(pc->pc->db());
        r.exec(QStringLiteral("SELECT table_name, row_id FROM sync_outbox WHERE status = "
                              "'rejected'"));
        while (r.next())
            refused.insert(r.value(0).toString() + QLatin1Char('/') + r.value(1).toString());

        QHash<QString, QString> local;
        for (auto it = columnsOf().begin(); it != columnsOf().end(); ++it) {
            QSqlQuery l(pc->pc->db());
            l.exec(QStringLiteral("SELECT %1 FROM %2").arg(it.value().join(", "), it.key()));
            while (l.next()) {
                QStringList fields;
                for (int i = 0; i < it.value().size(); ++i)
                    fields << (l.value(i).isNull() ? nullMark() : l.value(i).toString());
                const QString sede = it.key() == QLatin1String("t_items") ? l.value(1).toString()
                                                                          : QString();
                if (!sede.isEmpty() && sede != pc->sede)
                    continue; // another sede's row (a refused one): not this PC's scope
                local.insert(it.key() + QLatin1Char('/') + l.value(0).toString(),
                             fields.join(QLatin1Char('|')));
            }
        }
        QSet<QString> keys;
        for (auto it = server.begin(); it != server.end(); ++it) {
            if (it->sede.isEmpty() || it->sede == pc->sede)
                keys.insert(it.key());
        }
        for (auto it = local.begin(); it != local.end(); ++it)
            keys.insert(it.key());
        QStringList sorted(keys.begin(), keys.end());
        sorted.sort();
        for (const QString &key : std::as_const(sorted)) {
            if (refused.contains(key))
                continue;
            const bool onServer = server.contains(key)
                                  && (server.value(key).sede.isEmpty()
                                      || server.value(key).sede == pc->sede);
            const QString mine = local.value(key, QStringLiteral("(missing)"));
            const QString theirs = onServer ? server.value(key).text : QStringLiteral("(missing)");
            if (mine != theirs) {
                problem(QStringLiteral("diverged: pc%1 %2: pc has %3, server has %4")
                            .arg(pc->index)
                            .arg(key, mine, theirs));
                ++m_run.diverged;
            }
        }
    }
}

void Simulator::checkLostAndDuplicated()
{
    struct Applied
    {
        QString value;
        qint64 version = 0;
    };
    QHash<QString, QList<Applied>> audit;  // table/id/col -> writes in order
    QHash<QString, QList<qint64>> deletes; // table/id -> delete versions
    QSqlQuery q(m_server.db());
    if (!q.exec(QStringLiteral("SELECT table_name, row_id, col, value, version FROM sim_audit "
                               "ORDER BY id"))) {
        problem(QStringLiteral("cannot read sim_audit: %1").arg(q.lastError().text()));
        ++m_run.lost;
        return;
    }
    while (q.next()) {
        const QString row = q.value(0).toString() + QLatin1Char('/') + q.value(1).toString();
        const QString col = q.value(2).toString();
        if (col.isEmpty())
            deletes[row].append(q.value(4).toLongLong());
        else
            audit[row + QLatin1Char('/') + col].append(
                {q.value(3).toString(), q.value(4).toLongLong()});
    }
    struct Current
    {
        bool deleted = false;
        QJsonObject data;
    };
    QHash<QString, Current> current;
    q.exec(QStringLiteral("SELECT table_name, row_id, deleted, data::text FROM sync_rows"));
    while (q.next()) {
        current.insert(q.value(0).toString() + QLatin1Char('/') + q.value(1).toString(),
                       {q.value(2).toBool(),
                        QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()});
    }

    // What each PC's outbox and conflict log say about its seqs.
    QList<QSet<qint64>> rejected(m_pcs.size());
    QList<QSet<qint64>> pending(m_pcs.size());
    QList<QHash<qint64, QStringList>> conflicts(m_pcs.size()); // seq -> fields ("*": edit/delete)
    for (const auto &pc : std::as_const(m_pcs)) {
        QSqlQuery l(pc->pc->db());
        l.exec(QStringLiteral("SELECT seq, status FROM sync_outbox"));
        while (l.next()) {
            (l.value(1).toString() == QLatin1String("rejected") ? rejected : pending)[pc->index]
                .insert(l.value(0).toLongLong());
        }
        l.exec(QStringLiteral("SELECT seq, kind, field FROM sync_conflicts"));
        while (l.next()) {
            conflicts[pc->index][l.value(0).toLongLong()]
                << (l.value(1).toString() == QLatin1String("edit_delete") ? QStringLiteral("*")
                                                                          : l.value(2).toString());
        }
    }

    // Every stamp an acknowledged write carried, per table/id/col: the "known" values.
    QHash<QString, QSet<QString>> known;
    for (const Write &w : std::as_const(m_writes)) {
        for (auto it = w.stamps.begin(); it != w.stamps.end(); ++it)
            known[w.table + QLatin1Char('/') + w.rowId + QLatin1Char('/') + it.key()].insert(
                it.value());
    }

    for (const Write &w : std::as_const(m_writes)) {
        if (rejected[w.pc].contains(w.seq)) {
            ++m_run.rejected;
            continue;
        }
        if (pending[w.pc].contains(w.seq))
            continue; // never acknowledged (the divergence check reports the queue)
        ++m_run.acked;
        const QStringList conflicted = conflicts[w.pc].value(w.seq);
        if (!conflicted.isEmpty())
            ++m_run.conflicts;
        if (conflicted.contains(QStringLiteral("*")))
            continue; // edit against delete: the server's state stands, by the rules
        const QString row = w.table + QLatin1Char('/') + w.rowId;
        const auto lost = [&](const QString &why) {
            problem(QStringLiteral("lost: pc%1 seq %2 (op %3) %4: %5")
                        .arg(w.pc)
                        .arg(w.seq)
                        .arg(w.op)
                        .arg(row, why));
            ++m_run.lost;
        };
        const auto it = current.constFind(row);
        const bool live = it != current.constEnd() && !it->deleted;
        if (w.kind == Write::Kind::Delete) {
            if (live)
                lost(QStringLiteral("the delete was acknowledged but the row is alive"));
            continue;
        }
        for (auto s = w.stamps.begin(); s != w.stamps.end(); ++s) {
            if (conflicted.contains(s.key()))
                continue; // a legal field another PC changed first: the server kept its value
            const QString cell = row + QLatin1Char('/') + s.key();
            const QList<Applied> applied = audit.value(cell);
            qint64 at = -1;
            for (const Applied &a : applied) {
                if (a.value == s.value()) {
                    at = a.version;
                    break;
                }
            }
            if (at < 0) {
                lost(QStringLiteral("%1 = %2 acknowledged, never written").arg(s.key(), s.value()));
                continue;
            }
            if (!live) {
                bool deletedLater = false;
                for (qint64 v : deletes.value(row))
                    deletedLater = deletedLater || v > at;
                if (!deletedLater)
                    lost(QStringLiteral("%1 = %2: the row is gone without a recorded delete")
                             .arg(s.key(), s.value()));
                continue;
            }
            const QString now = jsonText(it->data.value(s.key()));
            if (now == s.value())
                continue;
            const Applied &latest = applied.constLast();
            if (!(latest.version > at && latest.value == now && known.value(cell).contains(now)))
                lost(QStringLiteral("%1 = %2 replaced by %3, which no later write made")
                         .arg(s.key(), s.value(), now));
        }
    }

    // Duplicates: a unique value the server wrote twice, a conflict recorded twice.
    for (auto it = audit.begin(); it != audit.end(); ++it) {
        if (!isStampColumn(it.key().section(QLatin1Char('/'), -1)))
            continue;
        QHash<QString, int> times;
        for (const Applied &a : it.value())
            ++times[a.value];
        for (auto t = times.begin(); t != times.end(); ++t) {
            if (t.value() > 1) {
                problem(QStringLiteral("duplicated: %1 = %2 written %3 times by the server")
                            .arg(it.key(), t.key())
                            .arg(t.value()));
                m_run.duplicated += t.value() - 1;
            }
        }
    }
    q.exec(QStringLiteral("SELECT device_id, seq, row_id, count(*) FROM sync_conflicts GROUP BY "
                          "device_id, seq, row_id, kind, field HAVING count(*) > 1"));
    while (q.next()) {
        problem(QStringLiteral("duplicated: conflict of seq %1 on %2 recorded %3 times")
                    .arg(q.value(1).toLongLong())
                    .arg(q.value(2).toString())
                    .arg(q.value(3).toInt()));
        m_run.duplicated += q.value(3).toInt() - 1;
    }
}

SeedRun Simulator::run(quint64 seed)
{
    m_run = SeedRun();
    m_run.seed = seed;
    m_random = std::make_unique<SimRandom>(seed);
    m_writes.clear();
    m_rowCounter = 0;
    m_op = 0;
    m_dir = QDir(m_server.dir()).filePath(QStringLiteral("seed-%1").arg(seed));
    QDir(m_dir).removeRecursively();
    QDir().mkpath(m_dir);

    QString error;
    if (!m_server.resetForSeed(&error) || !setUpPcs(&error)) {
        m_run.setupError = error;
        tearDownPcs();
        return m_run;
    }
    for (m_op = 0; m_op < m_options.ops && m_run.setupError.isEmpty(); ++m_op)
        step(m_op);
    if (m_run.setupError.isEmpty()) {
        heal();
        inject();
        checkDiverged();
        checkLostAndDuplicated();
    }
    tearDownPcs();
    if (m_run.ok() && !m_options.keepDirs)
        QDir(m_dir).removeRecursively();
    return m_run;
}

} // namespace tambo::test
