// tambo-server: thin main; everything lives in tambo_server_lib (ServerApp).
#include "BundleCommand.h"
#include "ServerApp.h"

#include "util/SystemClock.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tambo-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAMBO_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Municipalidad Provincial de Tacna"));
    // `tambo-server bundle …`: sync bundles (USB) for sedes without a link.
    if (tambo::server::BundleCommand::matches(QCoreApplication::arguments()))
        return tambo::server::BundleCommand(QCoreApplication::arguments(),
                                            *tambo::core::SystemClock::instance())
            .exec();
    return tambo::server::ServerApp(QCoreApplication::arguments()).exec();
}
