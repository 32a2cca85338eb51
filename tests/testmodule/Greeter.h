#pragma once

#include "IGreeter.h"
#include "IGreetingExtension.h"

#include <QList>
#include <QObject>

namespace tambo::testmodule {

// The test module's IGreeter: "Hola, <name>", then every registered extension in turn.
class Greeter : public QObject, public IGreeter
{
    Q_OBJECT
    Q_INTERFACES(tambo::testmodule::IGreeter)

public:
    explicit Greeter(QObject *parent = nullptr);

    QString greet(const QString &name) const override;
    void setExtensions(const QList<IGreetingExtension *> &extensions);

private:
    QList<IGreetingExtension *> m_extensions;
};

} // namespace tambo::testmodule
