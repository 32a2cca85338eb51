#include "LabelProfileCatalog.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo::patrimonio;

class TestLabelProfileCatalog : public QObject
{
    Q_OBJECT

private slots:
    void builtInProfiles();
    void filesAddAndReplace();
    void badFilesAreReportedNotFatal();
    void profileFromFile();
    void defaultDirectories();

private:
    static void write(const QString &path, const QByteArray &text)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }
};

void TestLabelProfileCatalog::builtInProfiles()
{
    const LabelProfileCatalog catalog;
    QVERIFY2(catalog.problems().isEmpty(), qPrintable(catalog.problems().join('\n')));
    QSet<QString> ids;
    bool sheet = false, roll = false, qr = false, code128 = false;
    for (const LabelProfile &p : catalog.profiles()) {
        QVERIFY2(!ids.contains(p.id), qPrintable(p.id));
        ids.insert(p.id);
        sheet |= p.kind() == LabelProfile::Kind::Sheet;
        roll |= p.kind() == LabelProfile::Kind::Roll;
        qr |= p.barcode == tambo::core::BarcodeFormat::QrCode;
        code128 |= p.barcode == tambo::core::BarcodeFormat::Code128;
    }
    QVERIFY(sheet && roll && qr && code128);
    for (const char *id : {"a4-3x8", "a4-3x8-qr", "a4-2x7", "rollo-50x25", "rollo-60x40"})
        QVERIFY2(catalog.find(QString::fromLatin1(id)), id);
    QVERIFY(!catalog.find(QStringLiteral("nope")));
}

void TestLabelProfileCatalog::filesAddAndReplace()
{
    QTemporaryDir system, user;
    // System-wide: a new profile and a change to a built-in one.
    write(system.filePath(QStringLiteral("otic.json")), R"({"profiles": [
        {"id": "rollo-38x25", "name": "Rollo 38 × 25", "label": {"width": 38, "height": 25}},
        {"id": "a4-3x8", "name": "A4 3 × 8 ajustado", "page": {"width": 210, "height": 297},
         "label": {"width": 70, "height": 37}, "grid": {"columns": 3, "rows": 8},
         "margin": {"left": 0, "top": 0}, "padding": 4}]})");
    // The user's folder wins over the system's for the same id; a single-object file works.
    write(user.filePath(QStringLiteral("mio.json")),
          R"({"id": "rollo-38x25", "name": "Rollo 38 × 25 mío", "barcode": "qr",
              "label": {"width": 38, "height": 25}})");
    write(user.filePath(QStringLiteral("notes.txt")), "not json, not read");
    const int builtIn = int(LabelProfileCatalog().profiles().size());
    const LabelProfileCatalog catalog = LabelProfileCatalog::load(
        {system.path(), user.path(), QStringLiteral("/no/such/dir")});
    QVERIFY2(catalog.problems().isEmpty(), qPrintable(catalog.problems().join('\n')));
    QCOMPARE(catalog.profiles().size(), builtIn + 1);
    QCOMPARE(catalog.find(QStringLiteral("a4-3x8"))->padding, 4.0);
    QCOMPARE(catalog.find(QStringLiteral("a4-3x8"))->marginTop, 0.0);
    // Replaced in place: still the first in the list.
    QCOMPARE(catalog.profiles().first().id, QStringLiteral("a4-3x8"));
    QCOMPARE(catalog.find(QStringLiteral("rollo-38x25"))->name, QStringLiteral("Rollo 38 × 25 mío"));
    QCOMPARE(catalog.find(QStringLiteral("rollo-38x25"))->barcode,
             tambo::core::BarcodeFormat::QrCode);
}

void TestLabelProfileCatalog::badFilesAreReportedNotFatal()
{
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("a-broken.json")), "{ not json");
    write(dir.filePath(QStringLiteral("b-mixed.json")), R"({"profiles": [
        {"id": "bueno", "name": "Bueno", "label": {"width": 50, "height": 25}},
        {"id": "malo", "name": "Malo", "label": {"width": 10, "height": 5}}]})");
    const LabelProfileCatalog catalog = LabelProfileCatalog::load({dir.path()});
    QCOMPARE(catalog.problems().size(), 2);
    QVERIFY(catalog.problems().at(0).contains(QLatin1String("a-broken.json")));
    QVERIFY(catalog.problems().at(1).contains(QLatin1String("malo")));
    QVERIFY(catalog.find(QStringLiteral("bueno")));
    QVERIFY(!catalog.find(QStringLiteral("malo")));
    QVERIFY(catalog.find(QStringLiteral("a4-3x8"))); // built-ins untouched
}

void TestLabelProfileCatalog::profileFromFile()
{
    QTemporaryDir dir;
    const QString one = dir.filePath(QStringLiteral("one.json"));
    const QString two = dir.filePath(QStringLiteral("two.json"));
    write(one, R"({"id": "uno", "name": "Uno", "label": {"width": 50, "height": 25}})");
    write(two, R"({"profiles": [
        {"id": "a", "name": "A", "label": {"width": 50, "height": 25}},
        {"id": "b", "name": "B", "label": {"width": 50, "height": 25}}]})");
    QString error;
    QCOMPARE(LabelProfileCatalog::profileFromFile(one, &error)->id, QStringLiteral("uno"));
    QVERIFY(!LabelProfileCatalog::profileFromFile(two, &error));
    QVERIFY2(error.contains(QLatin1String("2")), qPrintable(error));
    QVERIFY(
        !LabelProfileCatalog::profileFromFile(dir.filePath(QStringLiteral("none.json")), &error));
    QVERIFY(error.contains(QLatin1String("none.json")));
}

void TestLabelProfileCatalog::defaultDirectories()
{
    const QStringList dirs = LabelProfileCatalog::defaultDirectories();
    QVERIFY(!dirs.isEmpty());
    for (const QString &d : dirs)
        QVERIFY2(d.endsWith(QLatin1String("/label-profiles")), qPrintable(d));
}

QTEST_GUILESS_MAIN(TestLabelProfileCatalog)
#include "tst_labelprofilecatalog.moc"
