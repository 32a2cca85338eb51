#include "AdminCli.h"

#include "settings/AppSettings.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MunicipalidadTacna"));
    QCoreApplication::setApplicationName(QStringLiteral("Tambo"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAMBO_VERSION));
    // Messages in the user's Tambo language (Spanish of Peru unless the settings say English),
    // from the catalogue embedded in this executable. English is the source language.
    const QString language = tambo::core::AppSettings().language();
    QTranslator translator;
    if (language != QLatin1String("en")
        && translator.load(QStringLiteral(":/i18n/tambo_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(language));
    }
    tambo::admin::AdminCli cli;
    return cli.run(QCoreApplication::arguments());
}
