#pragma once

#include <QObject>
#include <QString>

namespace tambo::testmodule {

// A service the test module offers to others through the ServiceRegistry, the way real modules
// offer interfaces from core/services/.
class IGreeter
{
public:
    virtual ~IGreeter() = default;
    virtual QString greet(const QString &name) const = 0;
};

} // namespace tambo::testmodule

Q_DECLARE_INTERFACE(tambo::testmodule::IGreeter, "pe.gob.munitacna.tambo.test.IGreeter/1")
