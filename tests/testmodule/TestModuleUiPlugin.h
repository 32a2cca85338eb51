#pragma once

#include "module/Module.h"
#include "shell/ModuleUi.h"

#include <QObject>

namespace tambo::testmodule {

// A module with a widget page: implements tambo::Module and tambo::ModuleUi on one plugin
// object, as real modules do. Built only with Qt Widgets (TAMBO_BUILD_APP), in its own target,
// so that tst_modulemanager stays free of Widgets.
class TestModuleUiPlugin : public QObject, public tambo::Module, public tambo::ModuleUi
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "pe.gob.munitacna.tambo.Module/1" FILE "testmoduleui.json")
    Q_INTERFACES(tambo::Module tambo::ModuleUi)

public:
    static constexpr auto Id = "testmoduleui";
    static constexpr auto HelloPage = "testmoduleui.hello";

    TestModuleUiPlugin();

    QString id() const override;
    QString title() const override;
    QList<core::PageDescriptor> pages() const override;
    bool initialize(core::ModuleContext &ctx, QString *error) override;

    QWidget *createPage(const QString &pageId,
                        const shell::PageContext &context,
                        QWidget *parent) override;
    QList<QAction *> actions(const shell::PageContext &context, QObject *parent) override;
};

} // namespace tambo::testmodule
