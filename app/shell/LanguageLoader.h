#pragma once

#include <QObject>
#include <QStringList>

class QTranslator;

namespace tambo::shell {

// Loads Tambo's translations (embedded as :/i18n/tambo_<lang>.qm) and Qt's own (qtbase_<lang>
// from QLibraryInfo::TranslationsPath, when installed) into the application, and sets the
// default QLocale. Spanish (Peru) is the default; English is the source language.
class LanguageLoader : public QObject
{
    Q_OBJECT

public:
    explicit LanguageLoader(QObject *parent = nullptr);
    ~LanguageLoader() override;

    // Replaces what an earlier call installed. Unknown languages fall back to es_PE.
    // Returns false when Tambo's own catalogue for a non-English language is missing.
    bool load(const QString &language);

    QString language() const { return m_language; }
    // The catalogues installed ("tambo_es_PE", "qtbase_es"), for the log and tests.
    QStringList loaded() const { return m_loaded; }

    static QString tamboCatalog(const QString &language); // ":/i18n/tambo_es_PE.qm"

private:
    void unload();

    QList<QTranslator *> m_translators;
    QStringList m_loaded;
    QString m_language;
};

} // namespace tambo::shell
