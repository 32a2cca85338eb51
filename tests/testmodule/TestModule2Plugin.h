#pragma once

#include "IGreetingExtension.h"

#include "module/Module.h"

#include <QObject>
#include <QPointer>

namespace tambo::core {
class ServiceRegistry;
}

namespace tambo::testmodule {

// testmodule2's contribution to testmodule's extension point: adds "!".
class Exclaimer : public QObject, public IGreetingExtension
{
    Q_OBJECT
    Q_INTERFACES(tambo::testmodule::IGreetingExtension)

public:
    using QObject::QObject;
    QString decorate(const QString &greeting) const override { return greeting + u'!'; }
};

// Requires "testmodule" (metadata): uses its IGreeter in initialize() and extends it.
class TestModule2Plugin : public QObject, public tambo::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "pe.gob.munitacna.tambo.Module/1" FILE "testmodule2.json")
    Q_INTERFACES(tambo::Module)

public:
    static constexpr auto Id = "testmodule2";
    static constexpr auto UsePermission = "testmodule2.use";

    TestModule2Plugin();

    QString id() const override;
    QString title() const override;
    QList<core::PermissionDef> permissions() const override;

    bool initialize(core::ModuleContext &ctx, QString *error) override;
    void extensionsInitialized(core::ModuleContext &ctx) override;
    void aboutToShutdown() override;

private:
    QPointer<core::ServiceRegistry> m_services;
    Exclaimer *m_exclaimer = nullptr;
};

} // namespace tambo::testmodule
