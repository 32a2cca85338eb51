// tambo-server: thin main; everything lives in tambo_server_lib (ServerApp).
#include "ServerApp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tambo-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAMBO_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Municipalidad Provincial de Tacna"));
    return tambo::server::ServerApp(QCoreApplication::arguments()).exec();
}
