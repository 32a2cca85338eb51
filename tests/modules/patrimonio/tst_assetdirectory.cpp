// The AssetDirectory service as another module (soporte) sees it: through the ServiceRegistry of
// a real Workspace, with no patrimonio header included — only the plugin import.
#include "FakeClock.h"

#include "audit/AuditLog.h"
#include "auth/AuthService.h"
#include "auth/Roles.h"
#include "auth/Session.h"
#include "module/ModuleManager.h"
#include "module/ServiceRegistry.h"
#include "services/AssetDirectory.h"
#include "store/MemoryKeyProvider.h"
#include "store/Store.h"
#include "workspace/Workspace.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtPlugin>

Q_IMPORT_PLUGIN(PatrimonioPlugin)

using namespace tambo;

class TestAssetDirectory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void registeredByTheModule();
    void findByCode();
    void appendHistoryChecksPermission();
    void rolesGetTheModulePages();

private:
    core::Session sessionOf(const QString &roleId, const QString &username) const;

    QTemporaryDir m_dir;
    core::MemoryKeyProvider m_keys;
    test::FakeClock m_clock;
    std::unique_ptr<core::Workspace> m_workspace;
};

void TestAssetDirectory::initTestCase()
{
    core::Workspace::Options o;
    o.storePath = m_dir.filePath(QStringLiteral("directory.db"));
    o.keys = &m_keys;
    o.clock = &m_clock;
    auto opened = core::Workspace::open(o);
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    m_workspace = std::move(opened.workspace);
    QVERIFY2(m_workspace->moduleErrors().isEmpty(),
             qPrintable(m_workspace->moduleErrors().join(u'\n')));
    QVERIFY(m_workspace->schemaVersions().value(QStringLiteral("patrimonio")) >= 1);
    QString error;
    QVERIFY2(m_workspace->seedDemo(&error), qPrintable(error));
}

void TestAssetDirectory::cleanupTestCase()
{
    m_workspace.reset();
}

core::Session TestAssetDirectory::sessionOf(const QString &roleId, const QString &username) const
{
    core::Session s;
    s.userId = 42;
    s.username = username;
    s.roleId = roleId;
    s.permissions = core::AuthService::permissionsOf(m_workspace->store().database(), roleId);
    return s;
}

void TestAssetDirectory::registeredByTheModule()
{
    const auto all = m_workspace->services().objects<core::AssetDirectory>();
    QCOMPARE(all.size(), 1);
    QVERIFY(m_workspace->services().object<core::AssetDirectory>());
}

void TestAssetDirectory::findByCode()
{
    auto *assets = m_workspace->services().object<core::AssetDirectory>();
    QVERIFY(assets);
    const auto cpu = assets->findByCode(QStringLiteral(" 740899500001 "));
    QVERIFY(cpu);
    QCOMPARE(cpu->code, QStringLiteral("740899500001"));
    QCOMPARE(cpu->denominacion, QStringLiteral("UNIDAD CENTRAL DE PROCESO - CPU"));
    QVERIFY(!cpu->id.isEmpty());
    QVERIFY(!cpu->sedeId.isEmpty());
    QVERIFY(!cpu->sedeName.isEmpty());
    QVERIFY(cpu->sedeName != cpu->sedeId); // the name, not the id
    QVERIFY(!cpu->responsable.isEmpty());
    QVERIFY(QStringLiteral("NBR").contains(cpu->estado));
    QVERIFY(!cpu->estadoTitle.isEmpty());
    QVERIFY(assets->findByCode(QStringLiteral("740882000018"))); // the 18th server
    QVERIFY(!assets->findByCode(QStringLiteral("740882000019")));
    QVERIFY(!assets->findByCode(QStringLiteral("7408")));
    QVERIFY(!assets->findByCode(QString()));
}

void TestAssetDirectory::appendHistoryChecksPermission()
{
    auto *assets = m_workspace->services().object<core::AssetDirectory>();
    QVERIFY(assets);
    const core::Session soporte = sessionOf(QString::fromLatin1(core::Roles::SoporteTecnico),
                                            QStringLiteral("soporte"));
    QString error;
    QVERIFY2(assets->appendHistory(soporte,
                                   QStringLiteral("740899500001"),
                                   QStringLiteral("soporte.ticket"),
                                   QStringLiteral("Ticket 2026-000123 abierto: no enciende"),
                                   &error),
             qPrintable(error));

    QSqlQuery query(m_workspace->store().database());
    QVERIFY(
        query.exec(QStringLiteral("SELECT h.kind, h.text, h.actor FROM patrimonio_asset_history h"
                                  " JOIN patrimonio_assets a ON a.id = h.asset_id"
                                  " WHERE a.codigo = '740899500001' ORDER BY h.rowid DESC")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("soporte.ticket"));
    QCOMPARE(query.value(2).toString(), QStringLiteral("soporte"));
    query.finish();

    const core::Session mesa = sessionOf(QString::fromLatin1(core::Roles::MesaPartes),
                                         QStringLiteral("mesa"));
    QVERIFY(!assets->appendHistory(mesa,
                                   QStringLiteral("740899500001"),
                                   QStringLiteral("nota"),
                                   QStringLiteral("x"),
                                   &error));
    QVERIFY2(error.contains(QLatin1String("patrimonio.annotate")), qPrintable(error));
    QVERIFY(!assets->appendHistory(soporte,
                                   QStringLiteral("999999990001"),
                                   QStringLiteral("nota"),
                                   QStringLiteral("x"),
                                   &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(m_workspace->audit().verify().ok());
}

void TestAssetDirectory::rolesGetTheModulePages()
{
    auto pageIds = [this](const char *role) {
        QStringList ids;
        for (const auto &page : m_workspace->modules().pagesFor(
                 sessionOf(QString::fromLatin1(role), QStringLiteral("u"))))
            ids << page.id;
        return ids;
    };
    QVERIFY(
        pageIds(core::Roles::PatrimonioInventariador).contains(QStringLiteral("patrimonio.scan")));
    QVERIFY(pageIds(core::Roles::SoporteTecnico).contains(QStringLiteral("patrimonio.register")));
    QVERIFY(pageIds(core::Roles::ComitePgd).contains(QStringLiteral("patrimonio.register")));
    QVERIFY(!pageIds(core::Roles::MesaPartes).contains(QStringLiteral("patrimonio.register")));
}

QTEST_GUILESS_MAIN(TestAssetDirectory)
#include "tst_assetdirectory.moc"
