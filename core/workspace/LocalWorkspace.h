#pragma once

#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace tambo::core {

class Clock;

// How the desktop app opens its store at start-up, in one place:
// - a configured store (AppSettings::storePath) is opened with its key from the OS keychain;
//   no keychain is a clear error (a production key never lands in a file);
// - no configured store: the local demo store (Workspace::defaultDemoStorePath()), created and
//   filled with demo data on first start. Its key is in the keychain when there is one. On a
//   machine without a keychain (a bare Xvfb session, a kiosk) the demo key goes to a file next
//   to the demo store, readable only by the user, and `warning` says so: demo data only.
class LocalWorkspace
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::LocalWorkspace)

public:
    struct Result
    {
        std::unique_ptr<Workspace> workspace;
        QString error;          // translated, for the user
        QString warning;        // translated; e.g. the demo key is in a file
        bool demo = false;
        QString storePath;
        QString keyDescription; // where the key is ("llavero del sistema", "archivo …")
        bool ok() const { return workspace != nullptr; }
    };

    static Result open(const QString &configuredStorePath, Clock *clock = nullptr);

    // The file that holds the demo store's key when the machine has no keychain.
    static QString demoKeyFilePath(const QString &demoStorePath);
};

} // namespace tambo::core
