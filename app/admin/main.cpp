#include "AdminCli.h"

#include <QGuiApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    // A QGuiApplication, because some commands draw (patrimonio labels as PDF need fonts), on
    // the offscreen platform unless told otherwise: tambo-admin runs on servers without a
    // display and never shows a window.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MunicipalidadTacna"));
    QCoreApplication::setApplicationName(QStringLiteral("Tambo"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAMBO_VERSION));
    // Messages in Spanish (Peru) like the application, unless TAMBO_LANGUAGE=en.
    QTranslator translator;
    if (qEnvironmentVariable("TAMBO_LANGUAGE", QStringLiteral("es_PE")) != QLatin1String("en")
        && translator.load(QStringLiteral(":/i18n/tambo_es_PE.qm"))) {
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Peru));
        QCoreApplication::installTranslator(&translator);
    }
    tambo::admin::AdminCli cli;
    return cli.run(QCoreApplication::arguments());
}
