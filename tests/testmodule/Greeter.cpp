#include "Greeter.h"

namespace tambo::testmodule {

Greeter::Greeter(QObject *parent)
    : QObject(parent)
{}

QString Greeter::greet(const QString &name) const
{
    QString greeting = QStringLiteral("Hola, %1").arg(name);
    for (const IGreetingExtension *extension : m_extensions)
        greeting = extension->decorate(greeting);
    return greeting;
}

void Greeter::setExtensions(const QList<IGreetingExtension *> &extensions)
{
    m_extensions = extensions;
}

} // namespace tambo::testmodule
