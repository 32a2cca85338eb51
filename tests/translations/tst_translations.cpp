// Checks the translation catalogues in translations/:
//   - tambo_es_PE.ts (Spanish, Peru: the default UI language) is complete: no unfinished, empty
//     or untranslated plural form; placeholders (%1…, %n) and mnemonics (&) are kept;
//   - running lupdate over the current core/, app/ and modules/ sources adds nothing to it, i.e.
//     no tr() string in the code is missing from the catalogue;
//   - tambo_en.ts (plural forms only; English is the source language) is complete as well.
// Fix a failure with translations/update.sh and Qt Linguist.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message
{
    QString context;
    QString source;
    QString type; // "", "unfinished", "obsolete", "vanished"
    bool numerus = false;
    QStringList translations; // one, or the numerus forms
    qint64 line = 0;
};

struct Catalogue
{
    QString language;
    QList<Message> messages;
    QString error;
};

Catalogue readTs(const QString &path)
{
    Catalogue cat;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        cat.error = QStringLiteral("cannot open %1").arg(path);
        return cat;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                cat.language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                current = Message{};
                current.context = context;
                current.line = xml.lineNumber();
                current.numerus = xml.attributes().value(QLatin1String("numerus"))
                                  == QLatin1String("yes");
            } else if (name == QLatin1String("source") && inMessage) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation") && inMessage) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform") && inMessage) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            cat.messages << current;
        }
    }
    if (xml.hasError())
        cat.error
            = QStringLiteral("%1: %2 (line %3)").arg(path, xml.errorString()).arg(xml.lineNumber());
    return cat;
}

QString describe(const Message &m)
{
    return QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n|L\\d+)"));
    QStringList found;
    auto it = re.globalMatch(text);
    while (it.hasNext())
        found << it.next().captured(0);
    found.removeDuplicates();
    found.sort();
    return found;
}

bool hasMnemonic(const QString &text)
{
    QString t = text;
    t.remove(QStringLiteral("&&"));
    static const QRegularExpression re(QStringLiteral("&[^\\s&;]"));
    return re.match(t).hasMatch() && !t.contains(QStringLiteral("&amp;"));
}

QStringList problemsOf(const Catalogue &cat, int expectedForms)
{
    QStringList problems;
    for (const Message &m : cat.messages) {
        if (m.type == QLatin1String("obsolete") || m.type == QLatin1String("vanished"))
            continue;
        if (m.type == QLatin1String("unfinished")) {
            problems << QStringLiteral("unfinished: %1").arg(describe(m));
            continue;
        }
        if (m.numerus && m.translations.size() != expectedForms) {
            problems << QStringLiteral("%1 plural forms instead of %2: %3")
                            .arg(m.translations.size())
                            .arg(expectedForms)
                            .arg(describe(m));
        }
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty()) {
                problems << QStringLiteral("empty translation: %1").arg(describe(m));
                continue;
            }
            QStringList wanted = placeholders(m.source);
            QStringList got = placeholders(t);
            if (m.numerus) { // a singular form may spell the number out ("un cambio")
                wanted.removeAll(QStringLiteral("%n"));
                got.removeAll(QStringLiteral("%n"));
            }
            if (wanted != got) {
                problems << QStringLiteral("placeholders %1 vs %2 in \"%3\": %4")
                                .arg(wanted.join(QLatin1Char(' ')),
                                     got.join(QLatin1Char(' ')),
                                     t,
                                     describe(m));
            }
            if (hasMnemonic(m.source) && !hasMnemonic(t))
                problems << QStringLiteral("lost mnemonic (&) in \"%1\": %2").arg(t, describe(m));
        }
    }
    return problems;
}

QString sourceDir()
{
    return QStringLiteral(TAMBO_SOURCE_DIR);
}

QString tsPath(const QString &language)
{
    return QDir(sourceDir()).filePath(QStringLiteral("translations/tambo_%1.ts").arg(language));
}

QStringList sourceFolders()
{
    QStringList folders;
    for (const char *name : {"core", "app", "modules"}) {
        const QString path = QDir(sourceDir()).filePath(QLatin1String(name));
        if (QDir(path).exists())
            folders << path;
    }
    return folders;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void spanishIsComplete();
    void everySourceStringIsInTheCatalogue();
    void englishPluralsAreComplete();
};

void TestTranslations::spanishIsComplete()
{
    const Catalogue cat = readTs(tsPath(QStringLiteral("es_PE")));
    QVERIFY2(cat.error.isEmpty(), qPrintable(cat.error));
    QCOMPARE(cat.language, QStringLiteral("es_PE"));
    QVERIFY(cat.messages.size() > 50);
    const QStringList problems = problemsOf(cat, 2);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 problem(s) in tambo_es_PE.ts:\n  ").arg(problems.size())
                        + problems.join(QStringLiteral("\n  "))));
}

void TestTranslations::everySourceStringIsInTheCatalogue()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString copy = tmp.filePath(QStringLiteral("tambo_es_PE.ts"));
    QVERIFY(QFile::copy(tsPath(QStringLiteral("es_PE")), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral("-extensions"),
                     QStringLiteral("cpp,h,ui"),
                     QStringLiteral("-locations"),
                     QStringLiteral("none"),
                     QStringLiteral("-silent")};
    args << sourceFolders() << QStringLiteral("-ts") << copy;
    lupdate.start(QStringLiteral(TAMBO_LUPDATE), args);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish in 2 minutes");
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             lupdate.readAll().constData());

    const Catalogue cat = readTs(copy);
    QVERIFY2(cat.error.isEmpty(), qPrintable(cat.error));
    QStringList missing;
    for (const Message &m : cat.messages) {
        if (m.type == QLatin1String("unfinished"))
            missing << describe(m);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 string(s) of the code are not translated in "
                                       "tambo_es_PE.ts (run translations/update.sh, then "
                                       "translate them):\n  ")
                            .arg(missing.size())
                        + missing.join(QStringLiteral("\n  "))));
}

void TestTranslations::englishPluralsAreComplete()
{
    const Catalogue cat = readTs(tsPath(QStringLiteral("en")));
    QVERIFY2(cat.error.isEmpty(), qPrintable(cat.error));
    QCOMPARE(cat.language, QStringLiteral("en"));
    const QStringList problems = problemsOf(cat, 2);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
