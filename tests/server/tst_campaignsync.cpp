// Two inventory teams scanning one campaign on two PCs of the same sede, offline, merged through
// a real tambo-server on a real PostgreSQL (issue 4, item 9). Each PC is a real SQLCipher store
// with core's and the patrimonio module's schema, the sync schema and the outbox triggers the
// module's declared tables generate, enrolled on the server as its own device. PC A registers
// the assets and starts the campaign; PC B receives them by the sync; then both scan while
// offline (some códigos on both, one unknown code, one asset found in another ambiente) and sync.
// Afterwards both stores hold every scan of both PCs once, and the campaign's outcome
// (CampaignRepository::loadTally → CampaignTally) is the same on both.
#include "CampaignRepository.h"
#include "CampaignTally.h"
#include "CodigoPatrimonial.h"
#include "PatrimonioFixture.h"
#include "PatrimonioPlugin.h"
#include "ServerFixture.h"
#include "ServerProcess.h"

#include "migrations/CoreSchema.h"
#include "migrations/MigrationRunner.h"
#include "sync/LocalSyncStore.h"
#include "sync/OutboxTriggers.h"
#include "sync/ServerEnrollment.h"
#include "sync/SyncHttpClient.h"
#include "sync/SyncSchema.h"
#include "sync/SyncSession.h"

#include <QSet>
#include <QSqlQuery>
#include <QtTest>

#include <sodium.h>

#include <csignal>
#include <memory>

using namespace tambo;
using tambo::test::PatrimonioFixture;
using tambo::test::ServerFixture;
using tambo::test::ServerProcess;

namespace {

const QString Palacio = QStringLiteral("palacio");
const QString Otic = QStringLiteral("palacio-otic");

QString code(int n)
{
    return patrimonio::CodigoPatrimonial::fromParts(QStringLiteral("74089950"), n).toString();
}

// One PC: the patrimonio fixture's store plus the sync machinery over the module's tables.
struct CampaignPc
{
    std::unique_ptr<PatrimonioFixture> f;
    std::unique_ptr<patrimonio::CampaignRepository> campaigns;
    std::unique_ptr<core::LocalSyncStore> local;
    std::unique_ptr<core::SyncHttpClient> http;
    QUuid deviceId;
    // Who scans on this PC: the user whose server account the PC syncs with (the server
    // accepts a scan only in the name of the user it authenticated).
    core::Session who = PatrimonioFixture::inventariador();

    bool open(QString *error)
    {
        f = std::make_unique<PatrimonioFixture>();
        if (!f->setupError().isEmpty()) {
            *error = f->setupError();
            return false;
        }
        core::MigrationRunner runner(f->db(), f->clock());
        runner.addModule(core::SyncSchema::moduleId(), core::SyncSchema::steps());
        const auto report = runner.migrate();
        if (!report.ok()) {
            *error = report.error + report.stepError;
            return false;
        }
        const QList<core::SyncedTable> tables = patrimonio::PatrimonioPlugin().syncedTables();
        if (!core::OutboxTriggers::install(f->db(), tables, error))
            return false;
        local = std::make_unique<core::LocalSyncStore>(f->db(), tables, f->clock());
        campaigns = std::make_unique<patrimonio::CampaignRepository>(core::databaseProviderOf(
                                                                         f->temp().store()),
                                                                     f->clock(),
                                                                     f->audit());
        deviceId = QUuid::fromString(core::CoreSchema::deviceId(f->db()));
        if (deviceId.isNull()) {
            *error = QStringLiteral("the store has no device id");
            return false;
        }
        return true;
    }

    bool enroll(
        int port, const QString &ca, const QString &user, const QString &password, QString *error)
    {
        http = std::make_unique<core::SyncHttpClient>(
            core::SyncHttpClient::Options{QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)),
                                          ca,
                                          20000});
        // As the desktop connects (ServerEnrollment: register the device key, signed logins).
        core::ServerEnrollment enrollment(*http,
                                          deviceId,
                                          core::BundleKeyPair::generate(),
                                          QStringLiteral("PC-%1").arg(user));
        const core::ServerEnrollment::Result enrolled = enrollment.enroll(user, password);
        if (!enrolled.ok) {
            *error = QStringLiteral("enrolment of %1: %2").arg(user, enrolled.message);
            return false;
        }
        return true;
    }

    core::SyncSession::Result sync()
    {
        core::SyncSession::Options options;
        options.deviceId = deviceId;
        core::SyncSession session(*local, *http, options);
        return session.run();
    }

    bool scan(const QString &campaignId,
              const QString &ambiente,
              const QString &codigo,
              QString *error)
    {
        f->clock().advanceSecs(7);
        return campaigns->recordScan(who,
                                     campaignId,
                                     {Palacio, Otic, ambiente},
                                     codigo,
                                     std::nullopt,
                                     nullptr,
                                     error);
    }

    // "id|device|codigo|ambiente" of every scan of the campaign, sorted.
    QStringList scanRows(const QString &campaignId)
    {
        QStringList rows;
        QString error;
        const QList<patrimonio::CampaignScan> list = campaigns->scans(campaignId, &error);
        for (const auto &s : list)
            rows << QStringList{s.id, s.device, s.codigo, s.place.ambiente}.join(u'|');
        rows.sort();
        return rows;
    }

    // "codigo|outcome|found place" of every result of the campaign's tally, sorted.
    QStringList outcome(const QString &campaignId, QString *error)
    {
        patrimonio::CampaignTally tally;
        if (!campaigns->loadTally(PatrimonioFixture::jefe(), campaignId, &tally, error))
            return {};
        QStringList rows;
        for (const patrimonio::CampaignResult &r : tally.results())
            rows << QStringList{r.codigo,
                                QString::number(int(r.outcome)),
                                r.found.key(),
                                r.estadoCambiado ? QStringLiteral("cambiado") : QString()}
                        .join(u'|');
        rows.sort();
        return rows;
    }
};

} // namespace

class TestCampaignSync : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fx;
    std::unique_ptr<ServerProcess> m_server;

#define SYNC_OK(pc) \
    do { \
        const core::SyncSession::Result r_ = (pc).sync(); \
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
        TAMBO_SETUP_SERVER_FIXTURE(m_fx);
        QString error;
        // The server accounts of the two PCs' users, as named on the PCs (PatrimonioFixture):
        // the jefe's PC creates the campaign and scans too; the inventariador's PC scans.
        QVERIFY2(m_fx.createUser(PatrimonioFixture::jefe().username,
                                 "patrimonio_jefe",
                                 Palacio,
                                 "equipo1-clave-2026",
                                 &error),
                 qPrintable(error));
        QVERIFY2(m_fx.createUser(PatrimonioFixture::inventariador().username,
                                 "patrimonio_inventariador",
                                 Palacio,
                                 "equipo2-clave-2026",
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

    void twoPcsScanningOneCampaignConverge()
    {
        QString error;
        CampaignPc a;
        CampaignPc b;
        QVERIFY2(a.open(&error), qPrintable(error));
        QVERIFY2(b.open(&error), qPrintable(error));
        const QString ca = m_fx.certificate().certificatePath();
        a.who = PatrimonioFixture::jefe();
        QVERIFY2(a.enroll(m_server->port(), ca, a.who.username, "equipo1-clave-2026", &error),
                 qPrintable(error));
        QVERIFY2(b.enroll(m_server->port(), ca, b.who.username, "equipo2-clave-2026", &error),
                 qPrintable(error));
        QVERIFY(a.deviceId != b.deviceId);

        // PC A: ten CPUs in the Palacio's OTIC, OFICINA 204, and a campaign over the Palacio.
        QVERIFY2(a.f->addCpus(10), qPrintable(a.f->lastError()));
        patrimonio::Campaign campaign;
        campaign.name = QStringLiteral("Inventario 2026");
        campaign.year = 2026;
        campaign.comision = {
            {QStringLiteral("ZEGARRA CÁCERES, Lourdes"), QStringLiteral("Presidenta")}};
        campaign.sedeIds = {Palacio};
        QVERIFY2(a.campaigns->create(PatrimonioFixture::jefe(), &campaign, &error),
                 qPrintable(error));
        QVERIFY2(a.campaigns->start(PatrimonioFixture::jefe(), campaign.id, &error),
                 qPrintable(error));
        SYNC_OK(a);
        SYNC_OK(b);
        const auto onB = b.campaigns->find(campaign.id, &error);
        QVERIFY2(onB, qPrintable(error));
        QCOMPARE(onB->state, patrimonio::CampaignState::InProgress);
        const auto asset10 = b.f->assets().findByCode(code(10), &error);
        QVERIFY2(asset10, qPrintable(error));
        QCOMPARE(asset10->ambiente, QStringLiteral("OFICINA 204"));

        // Offline: team 1 scans 1–6; team 2 scans 4–8 (4–6 twice over the two PCs), 8 in
        // another ambiente, and a code that is not in the register. 9 and 10 stay unscanned.
        for (int n = 1; n <= 6; ++n)
            QVERIFY2(a.scan(campaign.id, QStringLiteral("OFICINA 204"), code(n), &error),
                     qPrintable(error));
        for (int n = 4; n <= 7; ++n)
            QVERIFY2(b.scan(campaign.id, QStringLiteral("OFICINA 204"), code(n), &error),
                     qPrintable(error));
        QVERIFY2(b.scan(campaign.id, QStringLiteral("OFICINA 210"), code(8), &error),
                 qPrintable(error));
        QVERIFY2(b.scan(campaign.id, QStringLiteral("OFICINA 210"), code(99), &error),
                 qPrintable(error));
        const QStringList scansA = a.scanRows(campaign.id);
        const QStringList scansB = b.scanRows(campaign.id);
        QCOMPARE(scansA.size(), 6);
        QCOMPARE(scansB.size(), 6);

        // Both sync (B twice, to receive what A pushed after B's first pull), A once more.
        SYNC_OK(a);
        SYNC_OK(b);
        SYNC_OK(a);
        SYNC_OK(b); // nothing new: replaying must not duplicate

        const QStringList allA = a.scanRows(campaign.id);
        const QStringList allB = b.scanRows(campaign.id);
        QCOMPARE(allA.size(), 12);
        QCOMPARE(allA, allB);
        QCOMPARE(QSet<QString>(allA.cbegin(), allA.cend()).size(), 12); // none duplicated
        for (const QString &row : scansA + scansB)
            QVERIFY2(allA.contains(row), qPrintable(row));
        QSet<QString> devices;
        for (const QString &row : allA)
            devices.insert(row.section(u'|', 1, 1));
        QCOMPARE(devices.size(), 2); // each scan keeps the PC that made it

        // The campaign's outcome is the same on both PCs, and it is the right one.
        const QStringList outcomeA = a.outcome(campaign.id, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList outcomeB = b.outcome(campaign.id, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(outcomeA, outcomeB);
        patrimonio::CampaignTally tally;
        QVERIFY2(b.campaigns->loadTally(PatrimonioFixture::jefe(), campaign.id, &tally, &error),
                 qPrintable(error));
        using Outcome = patrimonio::CampaignOutcome;
        for (int n = 1; n <= 7; ++n)
            QCOMPARE(tally.resultFor(code(n)).outcome, Outcome::Encontrado);
        QCOMPARE(tally.resultFor(code(8)).outcome, Outcome::OtroLugar);
        QCOMPARE(tally.resultFor(code(8)).found.ambiente, QStringLiteral("OFICINA 210"));
        QCOMPARE(tally.resultFor(code(9)).outcome, Outcome::Faltante);
        QCOMPARE(tally.resultFor(code(10)).outcome, Outcome::Faltante);
        QCOMPARE(tally.resultFor(code(99)).outcome, Outcome::Sobrante);
        QCOMPARE(tally.timesScanned(code(5)), 2);
        QCOMPARE(tally.scanCount(), 12);
    }
};

QTEST_GUILESS_MAIN(TestCampaignSync)
#include "tst_campaignsync.moc"
