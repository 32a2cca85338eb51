#pragma once

#include "ServerConfig.h"

#include <QStringList>

namespace tambo::core {
class Clock;
class SyncCatalogue;
} // namespace tambo::core

namespace tambo::server {

// The tambo-server program (main.cpp only builds a QCoreApplication and calls exec()):
//
//   tambo-server [--config FILE]                 serve until SIGTERM/SIGINT (exit 0)
//   tambo-server [--config FILE] --migrate       bring the PostgreSQL schema up to date
//   tambo-server [--config FILE] --create-user NAME --role ROLE [--full-name TEXT] [--sede ID]
//                                                password: first line of standard input
//   tambo-server [--config FILE] --check-config  validate the file and exit
//
// FILE defaults to /etc/tambo/server.ini. Exit codes: 0 ok, 1 runtime failure (database,
// TLS, port), 2 bad command line or configuration. Serving writes JSON log lines to stderr;
// the admin commands write plain sentences (stdout for results, stderr for errors).
class ServerApp
{
public:
    enum ExitCode { Ok = 0, Failure = 1, Usage = 2 };

    ServerApp(QStringList arguments, const core::SyncCatalogue &catalogue);
    ServerApp(QStringList arguments, const core::SyncCatalogue &catalogue, const core::Clock &clock);
    int exec();

private:
    int serve(const ServerConfig &config);
    int migrate(const ServerConfig &config);
    int createUser(const ServerConfig &config,
                   const QString &username,
                   const QString &role,
                   const QString &fullName,
                   const QString &sede);

    QStringList m_arguments;
    const core::SyncCatalogue &m_catalogue;
    const core::Clock &m_clock;
};

} // namespace tambo::server
