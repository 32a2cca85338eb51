#pragma once

#include "auth/Permission.h"
#include "module/AdminCommand.h"
#include "migrations/MigrationStep.h"
#include "module/PageDescriptor.h"
#include "module/SyncedTable.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QtPlugin>

namespace tambo {

namespace core {
class ModuleContext;
}

// The interface every Tambo module implements: one static Qt plugin per module (see
// docs/adr/0002-modules-as-static-plugins.md). The plugin class derives from QObject and this
// interface, declares Q_INTERFACES(tambo::Module) and
//     Q_PLUGIN_METADATA(IID "pe.gob.munitacna.tambo.Module/1" FILE "<module>.json")
// where the JSON holds {"id", "version", "title", "requires": [ids]}. ModuleManager reads that
// metadata before it creates the plugin object.
//
// Life cycle (Qt Creator's IPlugin): the object is created; its declarations (permissions,
// migrations, synced tables, pages) are read and the migrations run; initialize() is called on
// every module in dependency order, then extensionsInitialized() in reverse dependency order;
// aboutToShutdown() in reverse dependency order before the object is deleted.
//
// Widgets are not part of this interface (core never links Qt Widgets): a module that shows
// pages or actions also implements tambo::ModuleUi from app/shell/ModuleUi.h.
class Module
{
public:
    virtual ~Module() = default;

    // Stable id, the same as the metadata's "id": lower case, no dots ("patrimonio").
    virtual QString id() const = 0;
    // Translated name for navigation and messages.
    virtual QString title() const = 0;
    // Resource path (":/icons/patrimonio.svg") or freedesktop theme name; core has no QIcon.
    virtual QString iconName() const { return {}; }

    // Declarations, read once after loading and before initialize(). They must not depend on
    // services: they are asked for before anything is initialised.
    virtual QList<core::PermissionDef> permissions() const { return {}; }
    // This module's numbered schema steps (versions 1, 2, …), run by MigrationRunner under the
    // module's id before initialize().
    virtual QList<core::MigrationStep> migrations() const { return {}; }
    virtual QList<core::SyncedTable> syncedTables() const { return {}; }
    virtual QList<core::PageDescriptor> pages() const { return {}; }
    // Commands this module adds to tambo-admin (`tambo-admin <id> <name> …`). Their run
    // functions are called only after initialize() succeeded on a store.
    virtual QList<core::AdminCommand> adminCommands() const { return {}; }

    // Step 1: register the services this module offers in ctx.services(). The modules this one
    // requires are already initialised, so their services can be looked up here. Return false
    // and fill *error (translated) to disable the module; what it registered is removed again.
    virtual bool initialize(core::ModuleContext &ctx, QString *error) = 0;
    // Step 2: every module is initialised and the modules that require this one have finished
    // their own extensionsInitialized(): collect what others registered (extension points).
    virtual void extensionsInitialized(core::ModuleContext &ctx) { Q_UNUSED(ctx) }
    // Before the application quits, in reverse order: stop timers and remove registered objects.
    virtual void aboutToShutdown() {}

    // Demo data for `./tambo.sh run` and `tambo-admin demo`, written after core's (sedes, areas,
    // one user per role) through this module's own services. Must be idempotent: a second call
    // changes nothing. Called only on demo stores, after initialize().
    virtual bool seedDemo(core::ModuleContext &ctx, QString *error)
    {
        Q_UNUSED(ctx)
        Q_UNUSED(error)
        return true;
    }
};

} // namespace tambo

#define TAMBO_MODULE_IID "pe.gob.munitacna.tambo.Module/1"
Q_DECLARE_INTERFACE(tambo::Module, TAMBO_MODULE_IID)
