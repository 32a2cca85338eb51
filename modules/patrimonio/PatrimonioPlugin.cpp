#include "PatrimonioPlugin.h"

#include "AssetDirectoryService.h"
#include "AssetImporter.h"
#include "AssetRegisterPage.h"
#include "AssetRepository.h"
#include "CampaignDemo.h"
#include "CampaignListPage.h"
#include "CampaignRepository.h"
#include "CatalogoRepository.h"
#include "ImportAdminCommand.h"
#include "InventoryPage.h"
#include "LabelAdminCommand.h"
#include "LabelProfileCatalog.h"
#include "LabelService.h"
#include "MovementRepository.h"
#include "MovementsPage.h"
#include "PatrimonioDeclarations.h"
#include "PatrimonioDemo.h"
#include "PatrimonioPermissions.h"
#include "PatrimonioSchema.h"
#include "ScanPage.h"
#include "ScanSession.h"

#include "audit/AuditLog.h"
#include "auth/Roles.h"
#include "auth/Session.h"
#include "migrations/CoreSchema.h"
#include "module/ModuleContext.h"
#include "module/ServiceRegistry.h"
#include "settings/AppSettings.h"
#include "util/Clock.h"

#include <QDebug>

namespace tambo::patrimonio {

namespace {

QString latin(const char *text)
{
    return QString::fromLatin1(text);
}

} // namespace

PatrimonioPlugin::PatrimonioPlugin() = default;

PatrimonioPlugin::~PatrimonioPlugin()
{
    // Normally aboutToShutdown() ran already. Otherwise the registry may be gone too: it drops
    // deleted objects by itself, so it is not touched here.
    m_scanSessions.clear();
    m_labels.reset();
    m_movements.reset();
    m_importer.reset();
    m_directory.reset();
    m_campaigns.reset();
    m_catalogo.reset();
    m_assets.reset();
    m_audit.reset();
}

QString PatrimonioPlugin::id() const
{
    return latin(Id);
}

QString PatrimonioPlugin::title() const
{
    return tr("Fixed assets");
}

QString PatrimonioPlugin::iconName() const
{
    return QStringLiteral(":/patrimonio/icons/register.svg");
}

QList<core::PermissionDef> PatrimonioPlugin::permissions() const
{
    return moduleDeclarations().permissions;
}

QList<core::MigrationStep> PatrimonioPlugin::migrations() const
{
    return PatrimonioSchema::steps();
}

QList<core::SyncedTable> PatrimonioPlugin::syncedTables() const
{
    return moduleDeclarations().syncedTables;
}

QList<core::PageDescriptor> PatrimonioPlugin::pages() const
{
    core::PageDescriptor reg;
    reg.id = latin(RegisterPage);
    reg.title = tr("Asset register");
    reg.iconName = QStringLiteral(":/patrimonio/icons/register.svg");
    reg.requiredPermission = latin(Permissions::View);
    reg.order = 200;
    core::PageDescriptor scan;
    scan.id = latin(ScanPageId);
    scan.title = tr("Scan");
    scan.iconName = QStringLiteral(":/patrimonio/icons/scan.svg");
    scan.requiredPermission = latin(Permissions::View);
    scan.order = 210;
    core::PageDescriptor campaigns;
    campaigns.id = latin(CampaignsPageId);
    campaigns.title = tr("Inventory campaigns");
    campaigns.iconName = QStringLiteral(":/patrimonio/icons/campaign.svg");
    campaigns.requiredPermission = latin(Permissions::View);
    campaigns.order = 220;
    core::PageDescriptor inventory;
    inventory.id = latin(InventoryPageId);
    inventory.title = tr("Stocktaking");
    inventory.iconName = QStringLiteral(":/patrimonio/icons/inventory.svg");
    inventory.requiredPermission = latin(Permissions::InventoryScan);
    inventory.order = 230;
    core::PageDescriptor movements;
    movements.id = latin(MovementsPageId);
    movements.title = tr("Movements");
    movements.iconName = QStringLiteral(":/patrimonio/icons/movements.svg");
    movements.requiredPermission = latin(Permissions::View);
    movements.order = 240;
    return {reg, scan, campaigns, inventory, movements};
}

QList<core::AdminCommand> PatrimonioPlugin::adminCommands() const
{
    return {LabelAdminCommand::command([this]() -> const LabelService * { return m_labels.get(); }),
            ImportAdminCommand::make([this] { return m_importer.get(); })};
}

bool PatrimonioPlugin::initialize(core::ModuleContext &ctx, QString *error)
{
    Q_UNUSED(error)
    m_context = &ctx;
    if (!ctx.hasDatabase())
        return true; // tools without a store: no services, no pages
    // The module keeps its own AuditLog over the same store and device id: AuditLog is
    // stateless (it reads the chain head inside each write), so two instances share one chain.
    const core::DatabaseProvider provider = [context = &ctx] { return context->database(); };
    m_audit = std::make_unique<core::AuditLog>(provider,
                                               ctx.clock(),
                                               core::CoreSchema::deviceId(ctx.database()));
    m_assets = std::make_unique<AssetRepository>(provider, ctx.clock(), *m_audit);
    m_catalogo = std::make_unique<CatalogoRepository>(provider, ctx.clock(), *m_audit);
    m_campaigns = std::make_unique<CampaignRepository>(provider, ctx.clock(), *m_audit);
    m_directory = std::make_unique<AssetDirectoryService>(*m_assets);
    m_labels = std::make_unique<LabelService>(*m_assets);
    m_labelProfiles = std::make_shared<const LabelProfileCatalog>(
        LabelProfileCatalog::loadDefault());
    for (const QString &problem : m_labelProfiles->problems())
        qWarning().noquote() << "patrimonio: label profiles:" << problem;
    m_importer = std::make_unique<AssetImporter>(provider, ctx.clock(), *m_audit);
    m_movements = std::make_unique<MovementRepository>(provider, ctx.clock(), *m_audit);
    ctx.services().addObject(m_directory.get());
    return true;
}

void PatrimonioPlugin::aboutToShutdown()
{
    if (m_directory && m_context)
        m_context->services().removeObject(m_directory.get());
    m_context = nullptr;
    m_labels.reset();
    m_labelProfiles.reset();
    m_movements.reset();
    m_importer.reset();
    m_directory.reset();
    m_campaigns.reset();
    m_catalogo.reset();
    m_assets.reset();
    m_audit.reset();
    m_scanSessions.clear();
}

bool PatrimonioPlugin::seedDemo(core::ModuleContext &ctx, QString *error)
{
    if (!m_assets || !m_catalogo) {
        if (error)
            *error = tr("The patrimonio module has no store.");
        return false;
    }
    const QDate today = ctx.clock().now().toLocalTime().date();
    if (!PatrimonioDemo::seed(*m_assets, *m_catalogo, today, error))
        return false;
    return !m_campaigns || CampaignDemo::seed(*m_campaigns, today, error);
}

std::shared_ptr<ScanSession> PatrimonioPlugin::scanSessionFor(const core::Session &session)
{
    const QString key = session.username + u'@' + session.loggedInAt.toString(Qt::ISODateWithMs);
    if (auto existing = m_scanSessions.value(key).lock())
        return existing;
    for (auto it = m_scanSessions.begin(); it != m_scanSessions.end();) {
        if (it.value().expired())
            it = m_scanSessions.erase(it);
        else
            ++it;
    }
    auto created = std::make_shared<ScanSession>(*m_assets);
    m_scanSessions.insert(key, created);
    return created;
}

QWidget *PatrimonioPlugin::createPage(const QString &pageId,
                                      const shell::PageContext &context,
                                      QWidget *parent)
{
    if (!m_assets)
        return nullptr;
    const core::AppSettings settings;
    const ScannerInput::Config scanner = ScannerInput::fromSettings(settings.scannerPrefix(),
                                                                    settings.scannerSuffix());
    if (pageId == QLatin1String(RegisterPage)) {
        auto *page = new AssetRegisterPage(*m_assets,
                                           context.session,
                                           scanSessionFor(context.session),
                                           scanner,
                                           parent);
        page->setLabelPrinting(m_labels.get(), m_labelProfiles);
        page->setImporter(m_importer.get());
        return page;
    }
    if (pageId == QLatin1String(MovementsPageId)) {
        return new MovementsPage(*m_movements, *m_assets, context.session, parent);
    }
    if (pageId == QLatin1String(CampaignsPageId) && m_campaigns) {
        auto *page = new CampaignListPage(*m_campaigns, *m_assets, context.session, parent);
        page->setLabelPrinting(m_labels.get(), m_labelProfiles);
        return page;
    }
    if (pageId == QLatin1String(InventoryPageId) && m_campaigns)
        return new InventoryPage(*m_campaigns, *m_assets, context.session, scanner, parent);
    if (pageId == QLatin1String(ScanPageId)) {
        return new ScanPage(*m_assets,
                            context.session,
                            scanSessionFor(context.session),
                            scanner,
                            parent);
    }
    return nullptr;
}

} // namespace tambo::patrimonio
