#pragma once

#include <QStringList>

namespace tambo::core {
class Clock;
class SyncCatalogue;
} // namespace tambo::core

namespace tambo::server {

// `tambo-server bundle …`: the operator's side of sync bundles for sedes without a link
// (docs/sync-protocol.md "Bundles", docs/deployment.md "Sync bundles").
//
//   tambo-server bundle key    [--config FILE] [--key-file FILE]
//   tambo-server bundle import [--config FILE] [--key-file FILE] --out DIR BUNDLE
//
// Exit codes: 0 done, 1 failure (database, files), 2 usage, 3 bundle refused (damaged,
// truncated, not for this server, unknown or revoked device or user): nothing was changed.
class BundleCommand
{
public:
    enum ExitCode { Ok = 0, Failure = 1, Usage = 2, Refused = 3 };

    BundleCommand(QStringList arguments,
                  const core::Clock &clock,
                  const core::SyncCatalogue &catalogue);

    // True when argv is "tambo-server bundle …".
    static bool matches(const QStringList &arguments);

    int exec();

private:
    QStringList m_arguments;
    const core::Clock &m_clock;
    const core::SyncCatalogue &m_catalogue;
};

} // namespace tambo::server
