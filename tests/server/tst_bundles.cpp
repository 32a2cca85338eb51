// Sync bundles end to end with real parts: real SQLCipher stores (SyncTestPc), a real PostgreSQL
// cluster and the real `tambo-server bundle import` process, no network path at all. Every PC
// bundle is signed with its user's bundle key (ADR 0015), whose data OTIC gives the PC with
// `tambo-server bundle user-key` (as a login would).
#include "BundleServerKey.h"
#include "ServerFixture.h"
#include "ServerProcess.h"
#include "SyncTestPc.h"

#include "auth/PasswordHasher.h"
#include "sync/BundleFile.h"
#include "sync/BundleMessages.h"
#include "sync/BundleService.h"
#include "sync/UserBundleKey.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>
#include <tuple>

using namespace tambo;
using core::BundleService;
using core::UserBundleKey;
using test::ServerProcess;
using test::SyncTestPc;

namespace {

const QString Password = QStringLiteral("Clave-segura-2026");

struct Pc
{
    std::unique_ptr<SyncTestPc> pc;
    std::unique_ptr<BundleService> bundles;
    QString user;
    UserBundleKey key; // user's bundle key, derived once from the password

    // What a refused import must leave untouched.
    QString state() const
    {
        return pc->itemsSnapshot().join(QLatin1Char('\n')) + QStringLiteral("|pending=")
               + QString::number(pc->local().pendingCount()) + QStringLiteral("|cursor=")
               + QString::number(pc->local().cursor(QStringLiteral("sede=S1;area=*")))
               + QStringLiteral("|last=")
               + QString::number(bundles->state().lastImport().exportSeq);
    }
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString writeFile(const QString &dir, const QString &name, const QByteArray &data)
{
    const QString path = QDir(dir).filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return path;
}

} // namespace

class TestBundles : public QObject
{
    Q_OBJECT

    test::ServerFixture m_fixture;
    QTemporaryDir m_work;
    core::BundleState::ServerKey m_serverKey;
    int m_pcs = 0;

    QString keyFile() const
    {
        return QDir(m_fixture.dir()).filePath(QStringLiteral("bundle-key.json"));
    }

    // `tambo-server bundle user-key`: the parameters of user's bundle key, as OTIC gives them.
    std::optional<UserBundleKey::Params> userKeyParams(const QString &user)
    {
        const ServerProcess::Run r = ServerProcess::run({QStringLiteral("bundle"),
                                                         QStringLiteral("user-key"),
                                                         QStringLiteral("--config"),
                                                         m_fixture.configPath(),
                                                         user});
        const auto parsed = UserBundleKey::Params::fromLine(r.out.trimmed());
        if (r.exitCode != 0 || !parsed || parsed->first != user) {
            qWarning("user-key %s: %d %s %s",
                     qPrintable(user),
                     r.exitCode,
                     qPrintable(r.out),
                     qPrintable(r.err));
            return std::nullopt;
        }
        return parsed->second;
    }

    // The user's key data on the PC (trust-user), and the key from the password.
    bool provision(Pc &pc, const QString &user, const QString &password = Password)
    {
        const auto params = userKeyParams(user);
        QString error;
        if (!params || !pc.bundles->state().setUserKey(user, *params, &error)) {
            qWarning("provision %s: %s", qPrintable(user), qPrintable(error));
            return false;
        }
        const BundleService::UserKey key = pc.bundles->userKey(user, password);
        if (!key.ok()) {
            qWarning("key of %s: %s", qPrintable(user), qPrintable(key.message));
            return false;
        }
        if (user == pc.user)
            pc.key = key.key;
        return true;
    }

    QVariant serverScalar(const QString &sql)
    {
        QVariant value;
        {
            QSqlDatabase db = m_fixture.pg().open(QStringLiteral("check"), QStringLiteral("tambo"));
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
            else
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        return value;
    }

    // Opens a PC bundle as the server would, lets `change` edit its JSON, and seals it again with
    // the PC's own device key: what anyone holding the PC's store can do.
    QString reseal(Pc &pc, const QString &bundle, const std::function<void(QJsonObject &)> &change)
    {
        QString error;
        const auto serverKey = server::BundleServerKey::loadOrCreate(keyFile(), &error);
        const core::BundleKeyPair device = pc.bundles->state().deviceKey();
        const core::BundleFile::Opened opened
            = core::BundleFile::open(readAll(bundle),
                                     core::BundleFile::Direction::PcToServer,
                                     serverKey->serverId,
                                     serverKey->keys,
                                     device.publicKey);
        if (!opened.ok()) {
            qWarning("reseal: %s", qPrintable(opened.message));
            return {};
        }
        QJsonObject payload = QJsonDocument::fromJson(opened.payload).object();
        change(payload);
        const QByteArray file = core::BundleFile::seal(opened.header,
                                                       QJsonDocument(payload).toJson(
                                                           QJsonDocument::Compact),
                                                       device,
                                                       serverKey->keys.publicKey);
        return writeFile(m_work.path(),
                         QStringLiteral("resealed-%1.tambo-bundle").arg(++m_resealed),
                         file);
    }
    int m_resealed = 0;

    std::unique_ptr<Pc> makePc(const QString &user)
    {
        auto pc = std::make_unique<Pc>();
        pc->user = user;
        pc->pc = std::make_unique<SyncTestPc>(m_work.path(), QStringLiteral("pc%1").arg(++m_pcs));
        QString error;
        if (!pc->pc->open(&error)) {
            qWarning("open: %s", qPrintable(error));
            return {};
        }
        pc->bundles = std::make_unique<BundleService>(pc->pc->local(),
                                                      pc->pc->db(),
                                                      pc->pc->clock(),
                                                      pc->pc->deviceId());
        const core::BundleKeyPair key = pc->bundles->state().deviceKey(&error);
        if (!key.isValid() || !pc->bundles->state().setServerKey(m_serverKey, &error)) {
            qWarning("keys: %s", qPrintable(error));
            return {};
        }
        // OTIC registers the PC's device key on the server (as /v1/devices/register does).
        if (!m_fixture.exec(QStringLiteral("INSERT INTO devices (device_id, public_key, name, "
                                           "registered_by, registered_at) VALUES ('%1', "
                                           "decode('%2', 'hex'), 'PC', (SELECT id FROM users "
                                           "WHERE username = '%3'), now())")
                                .arg(pc->pc->deviceId().toString(QUuid::WithoutBraces),
                                     QString::fromLatin1(key.publicKey.toHex()),
                                     user),
                            &error)) {
            qWarning("register: %s", qPrintable(error));
            return {};
        }
        if (!provision(*pc, user))
            return {};
        return pc;
    }

    bool addItem(Pc &pc, const QString &name)
    {
        return pc.pc->exec(QStringLiteral("INSERT INTO t_items (id, sede_id, area_id, name) "
                                          "VALUES (?, 'S1', 'A1', ?)"),
                           {QUuid::createUuid().toString(QUuid::WithoutBraces), name});
    }

    QString exportBundle(Pc &pc,
                         const QList<BundleService::Scope> &scopes = {{QStringLiteral("S1"), {}}})
    {
        return exportBundle(pc, pc.user, pc.key, scopes);
    }
    QString exportBundle(Pc &pc,
                         const QString &user,
                         const UserBundleKey &key,
                         const QList<BundleService::Scope> &scopes = {{QStringLiteral("S1"), {}}})
    {
        QTemporaryDir *dir = new QTemporaryDir(m_work.filePath(QStringLiteral("usb-XXXXXX")));
        dir->setAutoRemove(false);
        const BundleService::ExportResult r = pc.bundles->exportTo(dir->path(), user, key, scopes);
        delete dir;
        if (!r.ok)
            qWarning("export: %s", qPrintable(r.message));
        return r.ok ? r.path : QString();
    }

    // `tambo-server bundle import`; *reply gets the reply bundle's path.
    ServerProcess::Run serverImport(const QString &bundle, QString *reply = nullptr)
    {
        QTemporaryDir out(m_work.filePath(QStringLiteral("reply-XXXXXX")));
        out.setAutoRemove(false);
        const ServerProcess::Run r = ServerProcess::run({QStringLiteral("bundle"),
                                                         QStringLiteral("import"),
                                                         QStringLiteral("--config"),
                                                         m_fixture.configPath(),
                                                         QStringLiteral("--key-file"),
                                                         keyFile(),
                                                         QStringLiteral("--out"),
                                                         out.path(),
                                                         bundle});
        const QStringList files = QDir(out.path()).entryList(QDir::Files);
        if (reply)
            *reply = files.size() == 1 ? QDir(out.path()).filePath(files.first()) : QString();
        return r;
    }

    // A round trip: export, server import, returns the reply path.
    QString trip(Pc &pc, ServerProcess::Run *run = nullptr)
    {
        const QString bundle = exportBundle(pc);
        QString reply;
        const ServerProcess::Run r = serverImport(bundle, &reply);
        if (run)
            *run = r;
        if (r.exitCode != 0)
            qWarning("server import %d: %s %s", r.exitCode, qPrintable(r.out), qPrintable(r.err));
        return reply;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        TAMBO_SETUP_SERVER_FIXTURE(m_fixture);
        QString error;
        QVERIFY2(m_fixture.createUser(QStringLiteral("ana"),
                                      QStringLiteral("patrimonio_jefe"),
                                      QStringLiteral("S1"),
                                      QStringLiteral("Clave-segura-2026"),
                                      &error),
                 qPrintable(error));
        QVERIFY2(m_fixture.createUser(QStringLiteral("luis"),
                                      QStringLiteral("patrimonio_jefe"),
                                      QStringLiteral("S1"),
                                      QStringLiteral("Clave-segura-2026"),
                                      &error),
                 qPrintable(error));
        QVERIFY2(m_fixture.createUser(QStringLiteral("rosa"),
                                      QStringLiteral("patrimonio_jefe"),
                                      QStringLiteral("S2"),
                                      QStringLiteral("Clave-segura-2026"),
                                      &error),
                 qPrintable(error));
        QVERIFY2(m_fixture.createUser(QStringLiteral("eva"),
                                      QStringLiteral("patrimonio_jefe"),
                                      QStringLiteral("S1"),
                                      Password,
                                      &error),
                 qPrintable(error));
        // Read only (the PGD committee): no write permission on any synced table.
        QVERIFY2(m_fixture.createUser(QStringLiteral("pgd"),
                                      QStringLiteral("comite_pgd"),
                                      QStringLiteral("S1"),
                                      Password,
                                      &error),
                 qPrintable(error));
        // The server's bundle key: made on first use, printed for `tambo-admin bundle trust`.
        const ServerProcess::Run r = ServerProcess::run({QStringLiteral("bundle"),
                                                         QStringLiteral("key"),
                                                         QStringLiteral("--config"),
                                                         m_fixture.configPath(),
                                                         QStringLiteral("--key-file"),
                                                         keyFile()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList parts = r.out.trimmed().split(QLatin1Char(' '));
        QCOMPARE(parts.size(), 2);
        m_serverKey.serverId = QUuid::fromString(parts.at(0));
        m_serverKey.publicKey = QByteArray::fromHex(parts.at(1).toLatin1());
        QVERIFY(m_serverKey.isValid());
        const QFile::Permissions perms = QFile::permissions(keyFile());
        QVERIFY(perms.testFlag(QFile::ReadOwner));
        QVERIFY(!(perms
                  & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther
                     | QFile::WriteOther))); // the secret key is the owner's only
        // The same key on the next run.
        const ServerProcess::Run again = ServerProcess::run({QStringLiteral("bundle"),
                                                             QStringLiteral("key"),
                                                             QStringLiteral("--config"),
                                                             m_fixture.configPath(),
                                                             QStringLiteral("--key-file"),
                                                             keyFile()});
        QCOMPARE(again.out, r.out);
    }

    void init()
    {
        // Each test starts with no failed logins counted.
        QVERIFY(m_fixture.exec(QStringLiteral("DELETE FROM login_throttle")));
    }

    void roundTrip()
    {
        auto a = makePc(QStringLiteral("ana"));
        auto b = makePc(QStringLiteral("luis"));
        QVERIFY(a && b);
        QVERIFY(addItem(*a, QStringLiteral("CPU")));
        QVERIFY(addItem(*a, QStringLiteral("Monitor")));
        QVERIFY(addItem(*a, QStringLiteral("Impresora")));
        QCOMPARE(a->pc->local().pendingCount(), 3);

        ServerProcess::Run run;
        const QString replyA = trip(*a, &run);
        QVERIFY2(!replyA.isEmpty(), qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("3 entries (3 applied, 0 already applied, 0 "
                                                 "rejected)")),
                 qPrintable(run.out));
        const BundleService::ImportResult imported = a->bundles->importFile(replyA);
        QCOMPARE(imported.status, BundleService::ImportStatus::Applied);
        QCOMPARE(imported.acknowledged, 3);
        QCOMPARE(a->pc->local().pendingCount(), 0);

        // The rows reached the server: another PC of the sede gets them by bundle too.
        const QString replyB = trip(*b);
        QVERIFY(!replyB.isEmpty());
        const BundleService::ImportResult importedB = b->bundles->importFile(replyB);
        QCOMPARE(importedB.status, BundleService::ImportStatus::Applied);
        QCOMPARE(importedB.rows, 3);
        QCOMPARE(b->pc->itemsSnapshot().size(), 3);
        QCOMPARE(b->pc->itemsSnapshot(), a->pc->itemsSnapshot());
        QVERIFY(b->pc->local().cursor(QStringLiteral("sede=S1;area=*")) > 0);
        QCOMPARE(b->pc->local().pendingCount(), 0); // pulled rows are not re-queued

        // And B's changes flow back to A.
        QVERIFY(addItem(*b, QStringLiteral("Escáner")));
        QVERIFY(b->bundles->importFile(trip(*b)).status == BundleService::ImportStatus::Applied);
        QCOMPARE(a->bundles->importFile(trip(*a)).status, BundleService::ImportStatus::Applied);
        QCOMPARE(a->pc->itemsSnapshot().size(), 4);
        QCOMPARE(a->pc->itemsSnapshot(), b->pc->itemsSnapshot());
    }

    void changeMadeWhileAReplyTravelsStillGetsTheServerRow()
    {
        // A PC changes a row while a reply carrying another PC's newer version of that row is on
        // its way: the import keeps the pending local change on top (the row is skipped) and the
        // cursor moves past it. When the change then turns out to change nothing on the server
        // (the same value), the server must still give the row a new version, or this PC would
        // never get the other PC's columns (found while writing tambo-simulate).
        auto a = makePc(QStringLiteral("ana"));
        auto b = makePc(QStringLiteral("luis"));
        QVERIFY(a && b);
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(a->pc->exec(QStringLiteral("INSERT INTO t_items (id, sede_id, area_id, name) "
                                           "VALUES (?, 'S1', 'A1', 'Proyector')"),
                            {id}));
        QCOMPARE(a->bundles->importFile(trip(*a)).status, BundleService::ImportStatus::Applied);
        QCOMPARE(b->bundles->importFile(trip(*b)).status, BundleService::ImportStatus::Applied);
        QVERIFY(b->pc->exec(QStringLiteral("UPDATE t_items SET estado = 'R', qty = 7 WHERE id = ?"),
                            {id}));
        QCOMPARE(b->bundles->importFile(trip(*b)).status, BundleService::ImportStatus::Applied);

        const QString reply = trip(*a); // carries B's version of the row
        QVERIFY(!reply.isEmpty());
        QVERIFY(a->pc->exec(QStringLiteral("UPDATE t_items SET estado = 'R' WHERE id = ?"), {id}));
        QCOMPARE(a->bundles->importFile(reply).status, BundleService::ImportStatus::Applied);
        QCOMPARE(a->pc->scalar(QStringLiteral("SELECT qty FROM t_items WHERE id = ?"), {id}).toInt(),
                 0); // kept local: the change is still pending
        QCOMPARE(a->bundles->importFile(trip(*a)).status, BundleService::ImportStatus::Applied);
        QCOMPARE(a->pc->local().pendingCount(), 0);
        QCOMPARE(a->pc->scalar(QStringLiteral("SELECT qty FROM t_items WHERE id = ?"), {id}).toInt(),
                 7);
        QCOMPARE(a->pc->itemsSnapshot().filter(id), b->pc->itemsSnapshot().filter(id));
    }

    void importTwiceIsHarmless()
    {
        auto a = makePc(QStringLiteral("ana"));
        QVERIFY(a);
        QVERIFY(addItem(*a, QStringLiteral("Laptop")));
        const QString bundle = exportBundle(*a);
        QString reply;
        QCOMPARE(serverImport(bundle, &reply).exitCode, 0);
        // The server imports the same PC bundle again: exactly once, only duplicate acks.
        QString reply2;
        const ServerProcess::Run again = serverImport(bundle, &reply2);
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("1 entries (0 applied, 1 already applied")),
                 qPrintable(again.out));
        QCOMPARE(m_fixture.exec(QStringLiteral("SELECT 1")), true);

        QCOMPARE(a->bundles->importFile(reply).status, BundleService::ImportStatus::Applied);
        const QString before = a->state();
        const BundleService::ImportResult twice = a->bundles->importFile(reply);
        QCOMPARE(twice.status, BundleService::ImportStatus::AlreadyImported);
        QVERIFY(twice.ok());
        QVERIFY2(twice.message.contains(QStringLiteral("already imported")),
                 qPrintable(twice.message));
        QCOMPARE(a->state(), before);
        // The second reply of the same export carries only duplicates: harmless as well.
        const QStringList items = a->pc->itemsSnapshot();
        const BundleService::ImportResult second = a->bundles->importFile(reply2);
        QVERIFY(second.ok());
        QCOMPARE(second.rows, 0); // its pages are already covered by this PC's cursor
        QCOMPARE(a->pc->itemsSnapshot(), items);
        QCOMPARE(a->pc->local().pendingCount(), 0);
    }

    void outOfOrder()
    {
        auto a = makePc(QStringLiteral("ana"));
        QVERIFY(a);
        QVERIFY(addItem(*a, QStringLiteral("Silla")));
        const QString e1 = exportBundle(*a);
        QVERIFY(addItem(*a, QStringLiteral("Mesa")));
        const QString e2 = exportBundle(*a);
        QString r1;
        QString r2;
        // The server gets them out of order too: E2 carries E1's entry as well, so E1 then
        // only finds duplicates.
        const ServerProcess::Run run2 = serverImport(e2, &r2);
        QCOMPARE(run2.exitCode, 0);
        QVERIFY2(run2.out.contains(QStringLiteral("2 entries (2 applied, 0 already applied")),
                 qPrintable(run2.out));
        const ServerProcess::Run run1 = serverImport(e1, &r1);
        QCOMPARE(run1.exitCode, 0);
        QVERIFY2(run1.out.contains(QStringLiteral("1 entries (0 applied, 1 already applied")),
                 qPrintable(run1.out));
        // The newer reply first, then the older one.
        const BundleService::ImportResult newer = a->bundles->importFile(r2);
        QCOMPARE(newer.status, BundleService::ImportStatus::Applied);
        QCOMPARE(a->pc->local().pendingCount(), 0);
        const QString before = a->state();
        const BundleService::ImportResult older = a->bundles->importFile(r1);
        QCOMPARE(older.status, BundleService::ImportStatus::Older);
        QVERIFY(older.ok());
        QVERIFY2(older.message.contains(QStringLiteral("older")), qPrintable(older.message));
        QCOMPARE(a->state(), before);
    }

    void wrongPc()
    {
        auto a = makePc(QStringLiteral("ana"));
        auto b = makePc(QStringLiteral("luis"));
        QVERIFY(a && b);
        QVERIFY(addItem(*a, QStringLiteral("Proyector")));
        QVERIFY(addItem(*b, QStringLiteral("Parlante")));
        const QString replyA = trip(*a);
        QVERIFY(!replyA.isEmpty());
        const QString before = b->state();
        const BundleService::ImportResult r = b->bundles->importFile(replyA);
        QCOMPARE(r.status, BundleService::ImportStatus::WrongPc);
        QVERIFY(r.message.contains(a->pc->deviceId().toString(QUuid::WithoutBraces)));
        QCOMPARE(b->state(), before);
        QCOMPARE(b->pc->local().pendingCount(), 1);
        // The server refuses a PC bundle signed by a PC that is not the sender it claims to be:
        // B's bundle file with A's id in the header.
        const QByteArray bFile = readAll(exportBundle(*b));
        QByteArray forged = bFile;
        forged.replace(28, 16, a->pc->deviceId().toRfc4122());
        const ServerProcess::Run run = serverImport(
            writeFile(m_work.path(), QStringLiteral("forged.bin"), forged));
        QCOMPARE(run.exitCode, 3);
    }

    void tamperedOrTruncatedReplyChangesNothing_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("header byte (created at)") << "header";
        QTest::newRow("body byte") << "body";
        QTest::newRow("last byte") << "last";
        QTest::newRow("truncated by 10 bytes") << "cut10";
        QTest::newRow("truncated to the header") << "cutHeader";
        QTest::newRow("truncated to 50 bytes") << "cut50";
        QTest::newRow("empty file") << "empty";
    }
    void tamperedOrTruncatedReplyChangesNothing()
    {
        QFETCH(QString, damage);
        auto a = makePc(QStringLiteral("ana"));
        QVERIFY(a);
        QVERIFY(addItem(*a, QStringLiteral("Router ") + damage));
        const QString reply = trip(*a);
        QVERIFY(!reply.isEmpty());
        QByteArray file = readAll(reply);
        if (damage == QLatin1String("header"))
            file[95] = char(file.at(95) ^ 0x10);
        else if (damage == QLatin1String("body"))
            file[file.size() / 2] = char(file.at(file.size() / 2) ^ 0x01);
        else if (damage == QLatin1String("last"))
            file[file.size() - 1] = char(file.at(file.size() - 1) ^ 0x80);
        else if (damage == QLatin1String("cut10"))
            file.chop(10);
        else if (damage == QLatin1String("cutHeader"))
            file.truncate(core::BundleFile::HeaderSize);
        else if (damage == QLatin1String("cut50"))
            file.truncate(50);
        else
            file.clear();
        const QString damaged = writeFile(m_work.path(), QStringLiteral("damaged.bin"), file);
        const QString before = a->state();
        const BundleService::ImportResult r = a->bundles->importFile(damaged);
        QCOMPARE(r.status, BundleService::ImportStatus::Refused);
        QVERIFY(!r.ok());
        QVERIFY2(r.message.contains(QStringLiteral("nothing was changed"), Qt::CaseInsensitive)
                     || r.message.contains(QStringLiteral("not a Tambo sync bundle")),
                 qPrintable(r.message));
        QCOMPARE(a->state(), before);
        QCOMPARE(a->pc->local().pendingCount(), 1);
        // The intact file still imports: nothing of it was consumed.
        QCOMPARE(a->bundles->importFile(reply).status, BundleService::ImportStatus::Applied);
        QCOMPARE(a->pc->local().pendingCount(), 0);
    }

    void tamperedOrTruncatedPcBundleChangesNothingOnServer_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("body byte") << "body";
        QTest::newRow("header byte") << "header";
        QTest::newRow("truncated") << "cut";
    }
    void tamperedOrTruncatedPcBundleChangesNothingOnServer()
    {
        QFETCH(QString, damage);
        auto a = makePc(QStringLiteral("ana"));
        QVERIFY(a);
        QVERIFY(addItem(*a, QStringLiteral("Switch ") + damage));
        QVERIFY(addItem(*a, QStringLiteral("UPS ") + damage));
        const QString bundle = exportBundle(*a);
        QByteArray file = readAll(bundle);
        if (damage == QLatin1String("body"))
            file[file.size() - 40] = char(file.at(file.size() - 40) ^ 0x01);
        else if (damage == QLatin1String("header"))
            file[20] = char(file.at(20) ^ 0x01); // bundle id: signature
        else
            file.chop(1);
        QString reply;
        const ServerProcess::Run refused = serverImport(writeFile(m_work.path(),
                                                                  QStringLiteral("pc-damaged.bin"),
                                                                  file),
                                                        &reply);
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(QStringLiteral("nothing changed")), qPrintable(refused.err));
        QVERIFY(reply.isEmpty());
        // Nothing was applied: the intact bundle's entries are new to the server.
        const ServerProcess::Run good = serverImport(bundle, &reply);
        QCOMPARE(good.exitCode, 0);
        QVERIFY2(good.out.contains(QStringLiteral("2 entries (2 applied, 0 already applied")),
                 qPrintable(good.out));
    }

    void wrongRecipientKey()
    {
        auto a = makePc(QStringLiteral("ana"));
        QVERIFY(a);
        QVERIFY(addItem(*a, QStringLiteral("Teclado")));
        const QString before = a->state();
        // A server → PC bundle for A, properly signed by the server, but sealed to another key.
        QString error;
        const auto serverKey = server::BundleServerKey::loadOrCreate(keyFile(), &error);
        QVERIFY2(serverKey, qPrintable(error));
        core::ServerBundle sb;
        sb.bundleId = QUuid::createUuid();
        sb.deviceId = a->pc->deviceId();
        sb.createdAt = QDateTime::currentDateTimeUtc();
        sb.inReplyTo = QUuid::createUuid();
        sb.exportSeq = 99;
        core::BundleFile::Header h;
        h.direction = core::BundleFile::Direction::ServerToPc;
        h.bundleId = sb.bundleId;
        h.senderId = serverKey->serverId;
        h.recipientId = a->pc->deviceId();
        h.createdAt = sb.createdAt;
        const QByteArray payload = QJsonDocument(sb.toJson()).toJson(QJsonDocument::Compact);
        const QByteArray wrong = core::BundleFile::seal(h,
                                                        payload,
                                                        serverKey->keys,
                                                        core::BundleKeyPair::generate().publicKey);
        const BundleService::ImportResult r = a->bundles->importFile(
            writeFile(m_work.path(), QStringLiteral("wrongkey.bin"), wrong));
        QCOMPARE(r.status, BundleService::ImportStatus::Refused);
        QVERIFY(r.message.contains(QStringLiteral("cannot be decrypted")));
        QCOMPARE(a->state(), before);
        // The same bundle sealed to A's key is accepted (the test is not refusing everything).
        const QByteArray right = core::BundleFile::seal(h,
                                                        payload,
                                                        serverKey->keys,
                                                        a->bundles->state().deviceKey().publicKey);
        QCOMPARE(a->bundles
                     ->importFile(writeFile(m_work.path(), QStringLiteral("rightkey.bin"), right))
                     .status,
                 BundleService::ImportStatus::Applied);

        // A PC that trusts a wrong server key: the server cannot open its bundle.
        auto c = makePc(QStringLiteral("luis"));
        QVERIFY(c);
        QVERIFY(c->bundles->state().setServerKey(
            {m_serverKey.serverId, core::BundleKeyPair::generate().publicKey}));
        QVERIFY(addItem(*c, QStringLiteral("Mouse")));
        const ServerProcess::Run run = serverImport(exportBundle(*c));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("decrypted")), qPrintable(run.err));
    }

    // The operator's commands end to end: tambo-admin on a real workspace store (key file) and
    // tambo-server bundle import, with their documented exit codes.
    void adminCommands()
    {
        const QString admin = QStringLiteral(TAMBO_ADMIN_EXE);
        const QString store = m_work.filePath(QStringLiteral("admin.db"));
        const QString key = m_work.filePath(QStringLiteral("admin.key"));
        QFile keyFile(key);
        QVERIFY(keyFile.open(QIODevice::WriteOnly));
        keyFile.write(core::BundleKeyPair::generate().publicKey); // 32 random-looking bytes
        keyFile.close();
        auto runAdmin = [&](const QStringList &args, const QByteArray &input = {}) {
            QProcess p;
            p.start(admin,
                    args
                        + QStringList{QStringLiteral("--store"),
                                      store,
                                      QStringLiteral("--key-file"),
                                      key});
            p.waitForStarted();
            p.write(input);
            p.closeWriteChannel();
            p.waitForFinished(120000);
            return std::make_tuple(p.exitCode(),
                                   QString::fromUtf8(p.readAllStandardOutput()),
                                   QString::fromUtf8(p.readAllStandardError()));
        };
        auto [code, out, err] = runAdmin({QStringLiteral("init")}, "Clave-Admin-2026!\n");
        QVERIFY2(code == 0, qPrintable(err));
        std::tie(code, out, err) = runAdmin(
            {QStringLiteral("bundle"), QStringLiteral("device-key")});
        QCOMPARE(code, 0);
        const QStringList device = out.trimmed().split(QLatin1Char(' '));
        QCOMPARE(device.size(), 2);
        QVERIFY(m_fixture.exec(QStringLiteral("INSERT INTO devices (device_id, public_key, name, "
                                              "registered_by, registered_at) VALUES ('%1', "
                                              "decode('%2', 'hex'), 'PC-admin', (SELECT id FROM "
                                              "users WHERE username = 'ana'), now())")
                                   .arg(device.at(0), device.at(1))));
        std::tie(code, out, err) = runAdmin({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(code == 0, qPrintable(err));
        const qsizetype auditRowsBefore
            = QRegularExpression(QStringLiteral("(\\d+)")).match(out).captured(1).toLongLong();
        QVERIFY(auditRowsBefore > 0);
        const QString usb = m_work.filePath(QStringLiteral("admin-usb"));
        QVERIFY(QDir().mkpath(usb));
        const QStringList exportArgs{QStringLiteral("bundle"),
                                     QStringLiteral("export"),
                                     QStringLiteral("--user"),
                                     QStringLiteral("ana"),
                                     QStringLiteral("--sede"),
                                     QStringLiteral("S1"),
                                     QStringLiteral("--to"),
                                     usb};
        // The user's server password comes on standard input.
        std::tie(code, out, err) = runAdmin(exportArgs);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("stdin")), qPrintable(err));
        std::tie(code, out, err) = runAdmin(exportArgs, Password.toUtf8() + '\n');
        QCOMPARE(code, 1); // no server key trusted yet
        QVERIFY2(err.contains(QStringLiteral("bundle trust)")), qPrintable(err));
        std::tie(code, out, err) = runAdmin(
            {QStringLiteral("bundle"),
             QStringLiteral("trust"),
             QStringLiteral("--server-key"),
             m_serverKey.serverId.toString(QUuid::WithoutBraces) + QLatin1Char(' ')
                 + QString::fromLatin1(m_serverKey.publicKey.toHex())});
        QVERIFY2(code == 0, qPrintable(err));
        std::tie(code, out, err) = runAdmin(exportArgs, Password.toUtf8() + '\n');
        QCOMPARE(code, 1); // no key data of ana on this PC yet
        QVERIFY2(err.contains(QStringLiteral("trust-user")), qPrintable(err));
        // OTIC gives them: the line of `tambo-server bundle user-key`.
        const ServerProcess::Run line = ServerProcess::run({QStringLiteral("bundle"),
                                                            QStringLiteral("user-key"),
                                                            QStringLiteral("--config"),
                                                            m_fixture.configPath(),
                                                            QStringLiteral("ana")});
        QVERIFY2(line.exitCode == 0, qPrintable(line.err));
        std::tie(code, out, err) = runAdmin({QStringLiteral("bundle"),
                                             QStringLiteral("trust-user"),
                                             QStringLiteral("--user-key"),
                                             QStringLiteral("ana 00 2 8192 1")});
        QCOMPARE(code, 2); // not a line user-key prints
        std::tie(code, out, err) = runAdmin({QStringLiteral("bundle"),
                                             QStringLiteral("trust-user"),
                                             QStringLiteral("--user-key"),
                                             line.out.trimmed()});
        QVERIFY2(code == 0, qPrintable(err));
        // A mistyped password is caught on the PC (one whose key misses the kept check).
        const auto params = UserBundleKey::Params::fromLine(line.out.trimmed());
        QVERIFY(params);
        QString typo;
        for (int i = 0; typo.isEmpty(); ++i) {
            const QString candidate = QStringLiteral("Clave-segura-202%1").arg(i);
            if (UserBundleKey::derive(candidate, params->second).params().check
                != params->second.check)
                typo = candidate;
        }
        std::tie(code, out, err) = runAdmin(exportArgs, typo.toUtf8() + '\n');
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QStringLiteral("not the server password"))
                     || err.contains(QStringLiteral("no es la contraseña del servidor")),
                 qPrintable(err));
        QVERIFY(QDir(usb).entryList(QDir::Files).isEmpty());
        std::tie(code, out, err) = runAdmin(exportArgs, Password.toUtf8() + '\n');
        QVERIFY2(code == 0, qPrintable(err));
        const QStringList files = QDir(usb).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QString reply;
        const ServerProcess::Run run = serverImport(QDir(usb).filePath(files.first()), &reply);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        std::tie(code, out, err) = runAdmin(
            {QStringLiteral("bundle"), QStringLiteral("import"), reply});
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(out.contains(QStringLiteral("row(s)")) || out.contains(QStringLiteral("rows"))
                     || out.contains(QStringLiteral("filas")),
                 qPrintable(out));
        // The bundle carried the signed head of the PC's audit chain: the server recorded it
        // (the audit anchors of docs/sync-protocol.md §7.7), and the reply's copy is kept on the
        // PC as the last acknowledged anchor.
        {
            QSqlDatabase pg = m_fixture.pg().open(QStringLiteral("bundles-anchors"));
            QSqlQuery q(pg);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit_anchors WHERE device_id = "
                                          "'%1' AND via = 'bundle'")
                               .arg(device.at(0))));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            q.finish();
            pg.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bundles-anchors"));
        std::tie(code, out, err) = runAdmin(
            {QStringLiteral("bundle"), QStringLiteral("import"), reply});
        QCOMPARE(code, 0); // already imported: harmless
        QByteArray damaged = readAll(reply);
        damaged.chop(1);
        std::tie(code, out, err) = runAdmin(
            {QStringLiteral("bundle"),
             QStringLiteral("import"),
             writeFile(m_work.path(), QStringLiteral("admin-cut.bin"), damaged)});
        QCOMPARE(code, 4);
        std::tie(code, out, err) = runAdmin({QStringLiteral("bundle"), QStringLiteral("import")});
        QCOMPARE(code, 2);
        // The export and the applied import are in the audit log, and its chain verifies.
        std::tie(code, out, err) = runAdmin({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(code == 0, qPrintable(err));
        const qsizetype rowsAfter
            = QRegularExpression(QStringLiteral("(\\d+)")).match(out).captured(1).toLongLong();
        QCOMPARE(rowsAfter, auditRowsBefore + 2);
        QVERIFY2(out.contains(QStringLiteral("USB")), qPrintable(out)); // compared with its anchor
    }

    void revokedDeviceIsRefused()
    {
        auto a = makePc(QStringLiteral("ana"));
        QVERIFY(a);
        QVERIFY(addItem(*a, QStringLiteral("Tablet")));
        const QString bundle = exportBundle(*a);
        QVERIFY(m_fixture.exec(QStringLiteral("UPDATE devices SET revoked_at = now(), revoked_by "
                                              "= registered_by, revoke_reason = 'robado' WHERE "
                                              "device_id = '%1'")
                                   .arg(a->pc->deviceId().toString(QUuid::WithoutBraces))));
        QString reply;
        const ServerProcess::Run run = serverImport(bundle, &reply);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("revoked")), qPrintable(run.err));
        QVERIFY(reply.isEmpty());
    }

    void userOfAnotherSedeIsRefused()
    {
        // A PC registered by ana (S1) exporting as rosa (S2), proven with rosa's own password:
        // the device does not vouch for her.
        auto a = makePc(QStringLiteral("ana"));
        QVERIFY(a);
        QVERIFY(addItem(*a, QStringLiteral("Cámara")));
        QVERIFY(provision(*a, QStringLiteral("rosa")));
        const BundleService::UserKey rosa = a->bundles->userKey(QStringLiteral("rosa"), Password);
        QVERIFY2(rosa.ok(), qPrintable(rosa.message));
        const ServerProcess::Run run = serverImport(
            exportBundle(*a, QStringLiteral("rosa"), rosa.key));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("does not belong")), qPrintable(run.err));
    }

    // Bundles carry no more authority than a login (issue 10, ADR 0015) ------------------------

    void rightPasswordIsApplied()
    {
        auto a = makePc(QStringLiteral("ana"));
        QVERIFY(a);
        QVERIFY(addItem(*a, QStringLiteral("Firmado")));
        const QString usb = m_work.filePath(QStringLiteral("usb-password"));
        QVERIFY(QDir().mkpath(usb));
        // The desktop's path: the password typed at export time.
        const BundleService::ExportResult exported = a->bundles->exportTo(usb,
                                                                          QStringLiteral("ana"),
                                                                          Password,
                                                                          {{QStringLiteral("S1"),
                                                                            {}}});
        QVERIFY2(exported.ok, qPrintable(exported.message));
        const ServerProcess::Run run = serverImport(exported.path);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("1 entries (1 applied")), qPrintable(run.out));
    }

    void wrongPasswordIsCaughtOnThePc()
    {
        auto a = makePc(QStringLiteral("ana"));
        QVERIFY(a);
        QVERIFY(addItem(*a, QStringLiteral("Tecleado")));
        // A wrong password whose key misses the kept check (255 wrong passwords in 256 do).
        const UserBundleKey::Params params = *a->bundles->state().userKey(QStringLiteral("ana"));
        QString wrong;
        for (int i = 0; wrong.isEmpty(); ++i) {
            const QString candidate = QStringLiteral("Clave-mal-escrita-%1").arg(i);
            if (UserBundleKey::derive(candidate, params).params().check != params.check)
                wrong = candidate;
        }
        const QString usb = m_work.filePath(QStringLiteral("usb-typo"));
        QVERIFY(QDir().mkpath(usb));
        const BundleService::ExportResult r = a->bundles->exportTo(usb,
                                                                   QStringLiteral("ana"),
                                                                   wrong,
                                                                   {{QStringLiteral("S1"), {}}});
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("not the server password")),
                 qPrintable(r.message));
        QVERIFY(QDir(usb).entryList(QDir::Files).isEmpty());
        // And without the user's key data the PC says how to get them.
        const BundleService::ExportResult none = a->bundles->exportTo(usb,
                                                                      QStringLiteral("luis"),
                                                                      Password,
                                                                      {{QStringLiteral("S1"), {}}});
        QVERIFY(!none.ok);
        QVERIFY2(none.message.contains(QStringLiteral("trust-user")), qPrintable(none.message));
        QVERIFY(QDir(usb).entryList(QDir::Files).isEmpty());
        QCOMPARE(a->pc->local().pendingCount(), 1);
    }

    // Whoever holds a PC's store holds its device key and can make any bundle it likes; without
    // the named user's password the server applies none of them, and says why.
    void unprovenBundlesAreRefused_data()
    {
        QTest::addColumn<QString>("attack");
        QTest::addColumn<QString>("user");     // whose name the bundle carries
        QTest::addColumn<QString>("expected"); // in the refusal
        QTest::addColumn<bool>("counted");     // as a failed login of that user
        QTest::newRow("wrong password") << "wrong"
                                        << "ana"
                                        << "no corresponde a la contraseña" << true;
        QTest::newRow("no proof (an older PC)") << "none"
                                                << "ana"
                                                << "versión anterior" << false;
        QTest::newRow("another user's name, this user's key")
            << "other"
            << "luis"
            << "no es la vigente de «luis»" << false;
        QTest::newRow("another user's name and key id, this user's signature")
            << "relabel"
            << "luis"
            << "no corresponde a la contraseña de «luis»" << true;
        QTest::newRow("content changed after signing")
            << "modified"
            << "ana"
            << "no corresponde a la contraseña de «ana»" << true;
        QTest::newRow("proof of another bundle")
            << "replayed"
            << "ana"
            << "no corresponde a la contraseña de «ana»" << true;
    }
    void unprovenBundlesAreRefused()
    {
        QFETCH(QString, attack);
        QFETCH(QString, user);
        QFETCH(QString, expected);
        QFETCH(bool, counted);
        auto a = makePc(QStringLiteral("ana"));
        QVERIFY(a);
        QVERIFY(provision(*a, QStringLiteral("luis")));
        const QString name = QStringLiteral("Intruso ") + attack;
        QVERIFY(addItem(*a, name));
        const UserBundleKey::Params anaParams = *a->bundles->state().userKey(QStringLiteral("ana"));
        const UserBundleKey::Params luisParams = *a->bundles->state().userKey(
            QStringLiteral("luis"));
        QString bundle;
        if (attack == QLatin1String("wrong")) {
            // The PC's own code, with a key from a guessed password (past the PC's check).
            bundle = exportBundle(*a,
                                  QStringLiteral("ana"),
                                  UserBundleKey::derive(QStringLiteral("Adivinada-2026"),
                                                        anaParams));
        } else if (attack == QLatin1String("none")) {
            bundle = reseal(*a, exportBundle(*a), [](QJsonObject &o) {
                o.remove(QStringLiteral("user_proof"));
            });
        } else if (attack == QLatin1String("other")) {
            bundle = exportBundle(*a, QStringLiteral("luis"), a->key);
        } else if (attack == QLatin1String("relabel")) {
            // Luis's name and key id, signed (over that very content) with ana's key.
            bundle = reseal(*a, exportBundle(*a), [&](QJsonObject &o) {
                o.insert(QStringLiteral("user"), QStringLiteral("luis"));
                const QUuid server = m_serverKey.serverId;
                o.insert(QStringLiteral("user_proof"),
                         QJsonObject{{QStringLiteral("key"),
                                      QString::fromLatin1(luisParams.salt.toHex())},
                                     {QStringLiteral("signature"),
                                      QString::fromLatin1(
                                          a->key.sign(core::PcBundle::proofMessage(o, server))
                                              .toHex())}});
            });
        } else if (attack == QLatin1String("modified")) {
            bundle = reseal(*a, exportBundle(*a), [](QJsonObject &o) {
                QJsonArray pushes = o.value(QStringLiteral("pushes")).toArray();
                QJsonObject push = pushes.at(0).toObject();
                QJsonArray entries = push.value(QStringLiteral("entries")).toArray();
                QJsonObject entry = entries.at(0).toObject();
                QJsonArray ops = entry.value(QStringLiteral("ops")).toArray();
                QJsonObject op = ops.at(0).toObject();
                QJsonObject data = op.value(QStringLiteral("data")).toObject();
                data.insert(QStringLiteral("name"), QStringLiteral("Cambiado en el USB"));
                op.insert(QStringLiteral("data"), data);
                ops.replace(0, op);
                entry.insert(QStringLiteral("ops"), ops);
                entries.replace(0, entry);
                push.insert(QStringLiteral("entries"), entries);
                pushes.replace(0, push);
                o.insert(QStringLiteral("pushes"), pushes);
            });
        } else {
            // A proof taken from an earlier bundle (say, a copy left on the USB drive).
            const QString earlier = exportBundle(*a);
            QJsonObject earlierProof;
            reseal(*a, earlier, [&](QJsonObject &o) {
                earlierProof = o.value(QStringLiteral("user_proof")).toObject();
            });
            bundle = reseal(*a, exportBundle(*a), [&](QJsonObject &o) {
                o.insert(QStringLiteral("user_proof"), earlierProof);
            });
        }
        QVERIFY(!bundle.isEmpty());
        const qlonglong failuresBefore
            = serverScalar(QStringLiteral("SELECT count(*) FROM login_failures WHERE username = "
                                          "'%1' AND reason = 'bundle_proof_invalid' AND source = "
                                          "'bundle:%2'")
                               .arg(user, a->pc->deviceId().toString(QUuid::WithoutBraces)))
                  .toLongLong();
        QString reply;
        const ServerProcess::Run run = serverImport(bundle, &reply);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("nothing changed")), qPrintable(run.err));
        QVERIFY(reply.isEmpty());
        QCOMPARE(serverScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE data->>'name' "
                                             "IN ('%1', 'Cambiado en el USB')")
                                  .arg(name))
                     .toLongLong(),
                 0);
        const qlonglong failuresAfter
            = serverScalar(QStringLiteral("SELECT count(*) FROM login_failures WHERE username = "
                                          "'%1' AND reason = 'bundle_proof_invalid' AND source = "
                                          "'bundle:%2'")
                               .arg(user, a->pc->deviceId().toString(QUuid::WithoutBraces)))
                  .toLongLong();
        QCOMPARE(failuresAfter - failuresBefore, counted ? 1 : 0);
        // The honest bundle of the same PC still goes through: nothing of the attack was applied.
        const ServerProcess::Run good = serverImport(exportBundle(*a));
        QCOMPARE(good.exitCode, 0);
        QVERIFY2(good.out.contains(QStringLiteral("1 entries (1 applied")), qPrintable(good.out));
    }

    void wrongProofsLockTheAccountLikeWrongPasswords()
    {
        auto l = makePc(QStringLiteral("luis"));
        QVERIFY(l);
        QVERIFY(addItem(*l, QStringLiteral("Adivinanza")));
        const UserBundleKey::Params params = *l->bundles->state().userKey(QStringLiteral("luis"));
        for (int i = 1; i <= 5; ++i) {
            const ServerProcess::Run run = serverImport(
                exportBundle(*l,
                             QStringLiteral("luis"),
                             UserBundleKey::derive(QStringLiteral("Intento-%1").arg(i), params)));
            QCOMPARE(run.exitCode, 3);
            QVERIFY2(run.err.contains(QStringLiteral("no corresponde")), qPrintable(run.err));
        }
        // Locked as after five wrong passwords: even the right proof waits.
        QVERIFY(serverScalar(QStringLiteral("SELECT locked_until > now() FROM login_throttle "
                                            "WHERE scope = 'account' AND key = 'luis'"))
                    .toBool());
        const QString right = exportBundle(*l);
        ServerProcess::Run run = serverImport(right);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("demasiados intentos")), qPrintable(run.err));
        // Once the lock is over (here: cleared), the same bundle is applied and resets the count.
        QVERIFY(m_fixture.exec(QStringLiteral("DELETE FROM login_throttle")));
        run = serverImport(right);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("1 entries (1 applied")), qPrintable(run.out));
    }

    void passwordChangeOnTheServerNeedsNewKeyData()
    {
        auto e = makePc(QStringLiteral("eva"));
        QVERIFY(e);
        QVERIFY(addItem(*e, QStringLiteral("Antes del cambio")));
        const QString old = exportBundle(*e);
        // A new password on the server (as a password change stores it): new hash, new salt.
        const QString newPassword = QStringLiteral("Clave-nueva-2027");
        QVERIFY(m_fixture.exec(QStringLiteral("UPDATE users SET password_hash = '%1' WHERE "
                                              "username = 'eva'")
                                   .arg(core::PasswordHasher().hash(newPassword))));
        ServerProcess::Run run = serverImport(old);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("no tiene una clave de paquetes vigente")),
                 qPrintable(run.err));
        QVERIFY(!userKeyParams(QStringLiteral("eva"))); // none to give until the server sees it
        // OTIC makes it with the user typing the password (a wrong one does nothing).
        const QStringList userKey{QStringLiteral("bundle"),
                                  QStringLiteral("user-key"),
                                  QStringLiteral("--config"),
                                  m_fixture.configPath(),
                                  QStringLiteral("--password-stdin"),
                                  QStringLiteral("eva")};
        run = ServerProcess::run(userKey, Password.toUtf8() + '\n');
        QCOMPARE(run.exitCode, 3);
        run = ServerProcess::run(userKey, newPassword.toUtf8() + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto line = UserBundleKey::Params::fromLine(run.out.trimmed());
        QVERIFY(line);
        QVERIFY(line->second.salt != e->key.params().salt);
        QVERIFY(*userKeyParams(QStringLiteral("eva")) == line->second);
        // The old bundle stays refused: signed with the key of the old password.
        run = serverImport(old);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("no es la vigente")), qPrintable(run.err));
        // The PC gets the new data and signs with the new password.
        QVERIFY(e->bundles->state().setUserKey(line->first, line->second));
        const QString usb = m_work.filePath(QStringLiteral("usb-renewed"));
        QVERIFY(QDir().mkpath(usb));
        const BundleService::ExportResult renewed = e->bundles->exportTo(usb,
                                                                         QStringLiteral("eva"),
                                                                         newPassword,
                                                                         {{QStringLiteral("S1"),
                                                                           {}}});
        QVERIFY2(renewed.ok, qPrintable(renewed.message));
        run = serverImport(renewed.path);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("1 entries (1 applied")), qPrintable(run.out));
    }

    // A proven user acts with exactly their own role and sede (the rule catalogue, ADR 0013).
    void provenUserGetsNoMoreThanTheirScope()
    {
        // ana, jefe of S1: a row of S2 is rejected, and S2's data is not given to her.
        auto a = makePc(QStringLiteral("ana"));
        QVERIFY(a);
        QVERIFY(a->pc->exec(QStringLiteral("INSERT INTO t_items (id, sede_id, area_id, name) "
                                           "VALUES (?, 'S2', 'A9', 'De otra sede')"),
                            {QUuid::createUuid().toString(QUuid::WithoutBraces)}));
        QString reply;
        ServerProcess::Run run = serverImport(exportBundle(*a,
                                                           {{QStringLiteral("S1"), {}},
                                                            {QStringLiteral("S2"), {}}}),
                                              &reply);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("1 entries (0 applied, 0 already applied, 1 "
                                                 "rejected)")),
                 qPrintable(run.out));
        QCOMPARE(serverScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE data->>'name' "
                                             "= 'De otra sede'"))
                     .toLongLong(),
                 0);
        const BundleService::ImportResult imported = a->bundles->importFile(reply);
        QCOMPARE(imported.status, BundleService::ImportStatus::Applied);
        QCOMPARE(imported.rejected, 1);
        QVERIFY2(imported.message.contains(QStringLiteral("solo puede sincronizar los datos de su "
                                                          "sede")),
                 qPrintable(imported.message));

        // pgd, of the read-only PGD committee in S1, proven with its own password: its own
        // sede's rows, but no write of any kind.
        auto p = makePc(QStringLiteral("pgd"));
        QVERIFY(p);
        QVERIFY(addItem(*p, QStringLiteral("Del comité")));
        run = serverImport(exportBundle(*p), &reply);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("1 entries (0 applied, 0 already applied, 1 "
                                                 "rejected)")),
                 qPrintable(run.out));
        QCOMPARE(serverScalar(QStringLiteral("SELECT count(*) FROM sync_rows WHERE data->>'name' "
                                             "= 'Del comité'"))
                     .toLongLong(),
                 0);
        QCOMPARE(p->bundles->importFile(reply).rejected, 1);
    }
};

QTEST_GUILESS_MAIN(TestBundles)
#include "tst_bundles.moc"
