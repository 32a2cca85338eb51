#pragma once

namespace tambo::patrimonio::Permissions {

// The permissions the patrimonio module declares (PatrimonioPlugin::permissions()), checked by
// AssetRepository and CatalogoRepository, not only by hiding widgets.
inline constexpr auto View = "patrimonio.view";       // see the register and scan
inline constexpr auto Edit = "patrimonio.edit";       // register and edit descriptive fields
inline constexpr auto Approve = "patrimonio.approve"; // custody, accounting and end-of-life changes
inline constexpr auto Annotate = "patrimonio.annotate"; // add lines to an asset's history
inline constexpr auto Catalogo = "patrimonio.catalogo"; // import and edit the SBN catálogo
// Inventory campaigns (CampaignRepository): record scans; create, start and close campaigns.
inline constexpr auto InventoryScan = "patrimonio.inventory.scan";
inline constexpr auto InventoryManage = "patrimonio.inventory.manage";

} // namespace tambo::patrimonio::Permissions
