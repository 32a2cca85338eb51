#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace tambo::testmodule {

// What the test plugins did, for the tests to assert: the order of life-cycle calls, how many
// plugin objects were created, and which modules are told to fail initialize().
class TestProbe
{
public:
    static void reset();

    static void record(const QString &event); // "testmodule.initialize", …
    static QStringList events();

    static void created(const QString &pluginClass);
    static int creations(const QString &pluginClass);

    static void setFailInitialize(const QSet<QString> &moduleIds);
    static bool shouldFailInitialize(const QString &moduleId);
};

} // namespace tambo::testmodule
