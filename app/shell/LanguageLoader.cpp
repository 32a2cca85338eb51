#include "LanguageLoader.h"

#include "settings/AppSettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace tambo::shell {

LanguageLoader::LanguageLoader(QObject *parent)
    : QObject(parent)
{}

LanguageLoader::~LanguageLoader()
{
    unload();
}

QString LanguageLoader::tamboCatalog(const QString &language)
{
    return QStringLiteral(":/i18n/tambo_%1.qm").arg(language);
}

void LanguageLoader::unload()
{
    for (QTranslator *translator : std::as_const(m_translators)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    m_translators.clear();
    m_loaded.clear();
}

bool LanguageLoader::load(const QString &requested)
{
    unload();
    m_language = core::AppSettings::supportedLanguages().contains(requested)
                     ? requested
                     : QString::fromLatin1(core::AppSettings::DefaultLanguage);
    const QLocale locale(m_language);
    QLocale::setDefault(locale);

    bool ok = true;
    // Qt's own strings (standard buttons, context menus), when the system has them.
    if (m_language != QLatin1String("en")) {
        auto *qt = new QTranslator;
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtDir)) {
            QCoreApplication::installTranslator(qt);
            m_translators.append(qt);
            m_loaded.append(QFileInfo(qt->filePath()).completeBaseName());
        } else {
            delete qt;
        }
    }

    auto *tambo = new QTranslator;
    if (tambo->load(tamboCatalog(m_language))) {
        QCoreApplication::installTranslator(tambo);
        m_translators.append(tambo);
        m_loaded.append(QStringLiteral("tambo_") + m_language);
    } else {
        delete tambo;
        ok = m_language == QLatin1String("en"); // English is the source text
    }
    return ok;
}

} // namespace tambo::shell
