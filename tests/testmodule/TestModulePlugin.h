#pragma once

#include "module/Module.h"

#include <QObject>
#include <QPointer>

namespace tambo::core {
class ServiceRegistry;
}

namespace tambo::testmodule {

class Greeter;

// The module that proves the host (tests/core/module/tst_modulemanager): one permission, two
// migration steps, one synced table, one page, a service (IGreeter) and an extension point
// (IGreetingExtension) it collects in extensionsInitialized(). Core only: no widgets.
class TestModulePlugin : public QObject, public tambo::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "pe.gob.munitacna.tambo.Module/1" FILE "testmodule.json")
    Q_INTERFACES(tambo::Module)

public:
    static constexpr auto Id = "testmodule";
    static constexpr auto ViewPermission = "testmodule.view";
    static constexpr auto OverviewPage = "testmodule.overview";
    static constexpr auto NotesTable = "testmodule_note";

    TestModulePlugin();
    ~TestModulePlugin() override;

    QString id() const override;
    QString title() const override;
    QString iconName() const override;
    QList<core::PermissionDef> permissions() const override;
    QList<core::MigrationStep> migrations() const override;
    QList<core::SyncedTable> syncedTables() const override;
    QList<core::PageDescriptor> pages() const override;

    bool initialize(core::ModuleContext &ctx, QString *error) override;
    void extensionsInitialized(core::ModuleContext &ctx) override;
    void aboutToShutdown() override;

private:
    void collectExtensions(const QObject *leaving = nullptr);

    QPointer<core::ServiceRegistry> m_services;
    Greeter *m_greeter = nullptr;
};

} // namespace tambo::testmodule
