#include "TestModuleUiPlugin.h"

#include "IGreeter.h"
#include "TestModulePlugin.h"
#include "TestProbe.h"

#include "auth/Session.h"
#include "module/ModuleContext.h"
#include "module/ServiceRegistry.h"

#include <QAction>
#include <QLabel>

namespace tambo::testmodule {

TestModuleUiPlugin::TestModuleUiPlugin()
{
    TestProbe::created(QString::fromLatin1(metaObject()->className()));
}

QString TestModuleUiPlugin::id() const
{
    return QString::fromLatin1(Id);
}

QString TestModuleUiPlugin::title() const
{
    return tr("Test module with pages");
}

QList<core::PageDescriptor> TestModuleUiPlugin::pages() const
{
    core::PageDescriptor hello;
    hello.id = QString::fromLatin1(HelloPage);
    hello.title = tr("Hello");
    hello.iconName = QStringLiteral("face-smile");
    hello.requiredPermission = QString::fromLatin1(TestModulePlugin::ViewPermission);
    hello.order = 10;
    return {hello};
}

bool TestModuleUiPlugin::initialize(core::ModuleContext &ctx, QString *error)
{
    Q_UNUSED(ctx)
    Q_UNUSED(error)
    TestProbe::record(QStringLiteral("testmoduleui.initialize"));
    return true;
}

QWidget *TestModuleUiPlugin::createPage(const QString &pageId,
                                        const shell::PageContext &context,
                                        QWidget *parent)
{
    if (pageId != QLatin1String(HelloPage))
        return nullptr;
    const IGreeter *greeter = context.context.services().object<IGreeter>();
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("helloLabel"));
    label->setText(greeter ? greeter->greet(context.session.fullName) : QString());
    return label;
}

QList<QAction *> TestModuleUiPlugin::actions(const shell::PageContext &context, QObject *parent)
{
    Q_UNUSED(context)
    auto *hello = new QAction(tr("Say hello"), parent);
    hello->setObjectName(QStringLiteral("sayHelloAction"));
    hello->setProperty(shell::RequiredPermissionProperty,
                       QString::fromLatin1(TestModulePlugin::ViewPermission));
    return {hello};
}

} // namespace tambo::testmodule
