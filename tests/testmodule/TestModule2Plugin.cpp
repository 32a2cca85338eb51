#include "TestModule2Plugin.h"

#include "IGreeter.h"
#include "TestProbe.h"

#include "auth/Roles.h"
#include "module/ModuleContext.h"
#include "module/ServiceRegistry.h"

namespace tambo::testmodule {

TestModule2Plugin::TestModule2Plugin()
{
    TestProbe::created(QString::fromLatin1(metaObject()->className()));
}

QString TestModule2Plugin::id() const
{
    return QString::fromLatin1(Id);
}

QString TestModule2Plugin::title() const
{
    return tr("Test module 2");
}

QList<core::PermissionDef> TestModule2Plugin::permissions() const
{
    return {{QString::fromLatin1(UsePermission),
             tr("Use test module 2"),
             {QString::fromLatin1(core::Roles::AdminOtic),
              QString::fromLatin1(core::Roles::MesaPartes)}}};
}

bool TestModule2Plugin::initialize(core::ModuleContext &ctx, QString *error)
{
    // A required module is initialised first, so its services are already there.
    const IGreeter *greeter = ctx.services().object<IGreeter>();
    TestProbe::record(
        QStringLiteral("testmodule2.initialize:%1")
            .arg(greeter ? greeter->greet(QStringLiteral("Tacna")) : QStringLiteral("no greeter")));
    if (!greeter) {
        *error = QStringLiteral("testmodule's IGreeter is not registered");
        return false;
    }
    if (TestProbe::shouldFailInitialize(id())) {
        *error = QStringLiteral("told to fail by the test");
        return false;
    }
    m_services = &ctx.services();
    m_exclaimer = new Exclaimer(this);
    ctx.services().addObject(m_exclaimer);
    return true;
}

void TestModule2Plugin::extensionsInitialized(core::ModuleContext &ctx)
{
    Q_UNUSED(ctx)
    TestProbe::record(QStringLiteral("testmodule2.extensionsInitialized"));
}

void TestModule2Plugin::aboutToShutdown()
{
    TestProbe::record(QStringLiteral("testmodule2.aboutToShutdown"));
    if (m_services)
        m_services->removeObject(m_exclaimer);
}

} // namespace tambo::testmodule
