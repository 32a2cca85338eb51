#include "TestProbe.h"

#include <QHash>

namespace tambo::testmodule {

namespace {
struct State
{
    QStringList events;
    QHash<QString, int> creations;
    QSet<QString> failInitialize;
};

State &state()
{
    static State s;
    return s;
}
} // namespace

void TestProbe::reset()
{
    state().events.clear();
    state().failInitialize.clear();
    // creations are never reset: tests compare before and after
}

void TestProbe::record(const QString &event)
{
    state().events.append(event);
}

QStringList TestProbe::events()
{
    return state().events;
}

void TestProbe::created(const QString &pluginClass)
{
    ++state().creations[pluginClass];
}

int TestProbe::creations(const QString &pluginClass)
{
    return state().creations.value(pluginClass);
}

void TestProbe::setFailInitialize(const QSet<QString> &moduleIds)
{
    state().failInitialize = moduleIds;
}

bool TestProbe::shouldFailInitialize(const QString &moduleId)
{
    return state().failInitialize.contains(moduleId);
}

} // namespace tambo::testmodule
