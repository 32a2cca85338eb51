#include "AdminCli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MunicipalidadTacna"));
    QCoreApplication::setApplicationName(QStringLiteral("Tambo"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAMBO_VERSION));
    tambo::admin::AdminCli cli;
    return cli.run(QCoreApplication::arguments());
}
