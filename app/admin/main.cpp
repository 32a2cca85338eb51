#include "AdminCli.h"

#include "settings/AppSettings.h"

#include <QGuiApplication>
#include <QLocale>
#include <QTranslator>

namespace {

QtMessageHandler g_defaultHandler = nullptr;

// Scripts read stderr: QStandardPaths' notice that XDG_RUNTIME_DIR is unset (cron, su, ssh
// without a login session) says nothing about the command and is dropped; the rest passes.
void adminMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (type == QtWarningMsg && text.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
        return;
    if (g_defaultHandler)
        g_defaultHandler(type, context, text);
}

} // namespace

int main(int argc, char *argv[])
{
    g_defaultHandler = qInstallMessageHandler(adminMessageHandler);
    // A QGuiApplication, because some commands draw (patrimonio labels as PDF need fonts), on
    // the offscreen platform unless told otherwise: tambo-admin runs on servers without a
    // display and never shows a window.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MunicipalidadTacna"));
    QCoreApplication::setApplicationName(QStringLiteral("Tambo"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAMBO_VERSION));
    // Messages in the language of Tambo's settings, Spanish (Peru) by default, like the
    // application; TAMBO_LANGUAGE=en (or es_PE) overrides it for one run.
    const QString language = qEnvironmentVariable("TAMBO_LANGUAGE",
                                                  tambo::core::AppSettings().language());
    QTranslator translator;
    if (language != QLatin1String("en")
        && translator.load(QStringLiteral(":/i18n/tambo_es_PE.qm"))) {
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Peru));
        QCoreApplication::installTranslator(&translator);
    }
    tambo::admin::AdminCli cli;
    return cli.run(QCoreApplication::arguments());
}
