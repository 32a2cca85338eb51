#pragma once

#include "module/Module.h"
#include "shell/ModuleUi.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace tambo::core {
class AuditLog;
}

namespace tambo::patrimonio {

class AssetDirectoryService;
class AssetImporter;
class AssetRepository;
class CampaignRepository;
class CatalogoRepository;
class LabelProfileCatalog;
class LabelService;
class MovementRepository;
class ScanSession;

// The patrimonio module (issue 4): the register of bienes patrimoniales with its SBN catálogo,
// the USB scanner, and the AssetDirectory service for other modules. Pages:
//   patrimonio.register  "Bienes patrimoniales"  (patrimonio.view)
//   patrimonio.scan      "Escanear"              (patrimonio.view)
//   patrimonio.campaigns "Campañas de inventario" (patrimonio.view)
//   patrimonio.inventory "Toma de inventario"     (patrimonio.inventory.scan)
//   patrimonio.movements "Movimientos"           (patrimonio.view; propose: edit; approve: approve)
// tambo-admin: `patrimonio import` (ImportAdminCommand).
class PatrimonioPlugin : public QObject, public tambo::Module, public tambo::ModuleUi
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "pe.gob.munitacna.tambo.Module/1" FILE "patrimonio.json")
    Q_INTERFACES(tambo::Module tambo::ModuleUi)

public:
    static constexpr auto Id = "patrimonio";
    static constexpr auto RegisterPage = "patrimonio.register";
    static constexpr auto ScanPageId = "patrimonio.scan";
    static constexpr auto CampaignsPageId = "patrimonio.campaigns";
    static constexpr auto InventoryPageId = "patrimonio.inventory";
    static constexpr auto MovementsPageId = "patrimonio.movements";

    PatrimonioPlugin();
    ~PatrimonioPlugin() override;

    QString id() const override;
    QString title() const override;
    QString iconName() const override;
    QList<core::PermissionDef> permissions() const override;
    QList<core::MigrationStep> migrations() const override;
    QList<core::SyncedTable> syncedTables() const override;
    QList<core::PageDescriptor> pages() const override;
    // `tambo-admin patrimonio labels …` (LabelAdminCommand).
    QList<core::AdminCommand> adminCommands() const override;
    bool initialize(core::ModuleContext &ctx, QString *error) override;
    void aboutToShutdown() override;
    bool seedDemo(core::ModuleContext &ctx, QString *error) override;

    QWidget *createPage(const QString &pageId,
                        const shell::PageContext &context,
                        QWidget *parent) override;

    AssetRepository *assets() const { return m_assets.get(); }
    CatalogoRepository *catalogo() const { return m_catalogo.get(); }
    // Labels for any list of códigos (the register's selection, a campaign) and the profiles
    // to print them with (built-in plus OTIC's JSON files, read at initialize()).
    LabelService *labels() const { return m_labels.get(); }
    std::shared_ptr<const LabelProfileCatalog> labelProfiles() const { return m_labelProfiles; }
    CampaignRepository *campaigns() const { return m_campaigns.get(); }
    AssetImporter *importer() const { return m_importer.get(); }
    MovementRepository *movements() const { return m_movements.get(); }

private:
    // One scan session per login: the register and scan pages share which codes were scanned.
    std::shared_ptr<ScanSession> scanSessionFor(const core::Session &session);

    core::ModuleContext *m_context = nullptr;
    std::unique_ptr<core::AuditLog> m_audit;
    std::unique_ptr<AssetRepository> m_assets;
    std::unique_ptr<CatalogoRepository> m_catalogo;
    std::unique_ptr<CampaignRepository> m_campaigns;
    std::unique_ptr<AssetDirectoryService> m_directory;
    std::unique_ptr<LabelService> m_labels;
    std::shared_ptr<const LabelProfileCatalog> m_labelProfiles;
    std::unique_ptr<AssetImporter> m_importer;
    std::unique_ptr<MovementRepository> m_movements;
    QHash<QString, std::weak_ptr<ScanSession>> m_scanSessions;
};

} // namespace tambo::patrimonio
