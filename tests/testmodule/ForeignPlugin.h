#pragma once

#include <QObject>
#include <QtPlugin>

namespace tambo::testmodule {

// A static plugin of some other kind (another IID), linked next to the modules: ModuleManager
// must read its metadata, skip it and never create it.
class IForeign
{
public:
    virtual ~IForeign() = default;
    virtual int answer() const = 0;
};

} // namespace tambo::testmodule

Q_DECLARE_INTERFACE(tambo::testmodule::IForeign, "pe.gob.munitacna.tambo.test.Foreign/1")

namespace tambo::testmodule {

class ForeignPlugin : public QObject, public IForeign
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "pe.gob.munitacna.tambo.test.Foreign/1" FILE "foreign.json")
    Q_INTERFACES(tambo::testmodule::IForeign)

public:
    ForeignPlugin();
    int answer() const override { return 42; }
};

} // namespace tambo::testmodule
