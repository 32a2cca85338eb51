#include "ForeignPlugin.h"

#include "TestProbe.h"

namespace tambo::testmodule {

ForeignPlugin::ForeignPlugin()
{
    TestProbe::created(QString::fromLatin1(metaObject()->className()));
}

} // namespace tambo::testmodule
