#pragma once

#include <QObject>
#include <QString>

namespace tambo::testmodule {

// An extension point of the test module: other modules register implementations in their
// initialize(); the test module collects them in extensionsInitialized().
class IGreetingExtension
{
public:
    virtual ~IGreetingExtension() = default;
    virtual QString decorate(const QString &greeting) const = 0;
};

} // namespace tambo::testmodule

Q_DECLARE_INTERFACE(tambo::testmodule::IGreetingExtension,
                    "pe.gob.munitacna.tambo.test.IGreetingExtension/1")
