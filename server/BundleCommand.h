#pragma once

#include <QString>
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
//   tambo-server bundle user-key [--config FILE] [--password-stdin] USER
//
// user-key prints the parameters of USER's bundle key as the line `tambo-admin bundle
// trust-user --user-key` takes (ADR 0015); with --password-stdin it first checks the password
// (read from standard input) and makes the key when it is missing or stale, as a login does.
//
// Exit codes: 0 done, 1 failure (database, files), 2 usage, 3 bundle refused (damaged,
// truncated, not for this server, unknown or revoked device or user, user not proven): nothing
// was changed; user-key: no current key, unknown user or wrong password.
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
    int userKey(const QString &configPath, const QString &username, bool readPassword);

    QStringList m_arguments;
    const core::Clock &m_clock;
    const core::SyncCatalogue &m_catalogue;
};

} // namespace tambo::server
