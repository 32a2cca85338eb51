#include "LabelProfileCatalog.h"
#include "LabelSheetRenderer.h"
#include "LabelTestTools.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::LabelTestTools;

class TestLabelSheetRenderer : public QObject
{
    Q_OBJECT

private slots:
    void roundTripImage_data();
    void roundTripImage();
    void roundTripPdf_data();
    void roundTripPdf();
    void skipLeavesPositionsEmpty();
    void longDenominacionIsElided();
    void writePdfLeavesNothingHalfWritten();

private:
    static void profiles();
    static LabelContents labelsFor(const LabelProfile &profile);
    static QByteArray hash(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly)
                   ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                   : QByteArray();
    }
    static constexpr int Dpi = 300;
};

void TestLabelSheetRenderer::profiles()
{
    QTest::addColumn<QString>("id");
    for (const LabelProfile &p : LabelProfileCatalog().profiles())
        QTest::newRow(qPrintable(p.id)) << p.id;
}

LabelContents TestLabelSheetRenderer::labelsFor(const LabelProfile &profile)
{
    // A full first sheet and three labels on the next one (rolls: three labels, three pages).
    const int count = profile.kind() == LabelProfile::Kind::Roll ? 3 : profile.labelsPerPage() + 3;
    static const QStringList names = {QStringLiteral("UNIDAD CENTRAL DE PROCESO - CPU"),
                                      QStringLiteral("SILLA GIRATORIA DE METAL"),
                                      QStringLiteral("IMPRESORA LÁSER"),
                                      QStringLiteral("ESCRITORIO DE MELAMINA 1.20 M")};
    LabelContents labels;
    for (int i = 0; i < count; ++i) {
        labels.append({QStringLiteral("74089950%1").arg(i + 1, 4, 10, QLatin1Char('0')),
                       names.at(i % names.size())});
    }
    return labels;
}

void TestLabelSheetRenderer::roundTripImage_data()
{
    profiles();
}

void TestLabelSheetRenderer::roundTripImage()
{
    QFETCH(QString, id);
    const LabelProfile profile = *LabelProfileCatalog().find(id);
    const LabelContents labels = labelsFor(profile);
    const LabelSheetRenderer renderer(profile);
    const int pages = renderer.pageCount(int(labels.size()));
    QCOMPARE(pages, profile.kind() == LabelProfile::Kind::Roll ? 3 : 2);
    int next = 0;
    for (int page = 0; page < pages; ++page) {
        QString error;
        const QImage image = renderer.renderPage(labels, page, Dpi, &error);
        QVERIFY2(!image.isNull(), qPrintable(error));
        QCOMPARE(image.width(), qRound(profile.pageSize.width() / 25.4 * Dpi));
        QCOMPARE(image.height(), qRound(profile.pageSize.height() / 25.4 * Dpi));
        for (int slot = 0; slot < profile.labelsPerPage(); ++slot) {
            const QStringList read = LabelTestTools::decodeAt(image, profile.labelRect(slot), Dpi);
            if (next < labels.size()) {
                QCOMPARE(read, QStringList{labels.at(next).codigo});
                ++next;
            } else {
                QVERIFY(read.isEmpty()); // the rest of the last sheet stays blank
            }
        }
    }
    QCOMPARE(next, int(labels.size()));
}

void TestLabelSheetRenderer::roundTripPdf_data()
{
    profiles();
}

void TestLabelSheetRenderer::roundTripPdf()
{
    QFETCH(QString, id);
    const LabelProfile profile = *LabelProfileCatalog().find(id);
    const LabelContents labels = labelsFor(profile);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("etiquetas.pdf"));
    QString error;
    const LabelSheetRenderer renderer(profile);
    QVERIFY2(renderer.writePdf(pdf, labels, &error), qPrintable(error));

    const QList<QImage> pages = LabelTestTools::rasterize(pdf, Dpi, &error);
    QVERIFY2(!pages.isEmpty(), qPrintable(error));
    QCOMPARE(pages.size(), renderer.pageCount(int(labels.size())));
    int next = 0;
    for (const QImage &page : pages) {
        // The PDF page has the profile's paper size (a landscape roll label stays landscape).
        QVERIFY2(qAbs(page.width() - profile.pageSize.width() / 25.4 * Dpi) <= 2,
                 qPrintable(QString::number(page.width())));
        QVERIFY2(qAbs(page.height() - profile.pageSize.height() / 25.4 * Dpi) <= 2,
                 qPrintable(QString::number(page.height())));
        for (int slot = 0; slot < profile.labelsPerPage() && next < labels.size(); ++slot) {
            QCOMPARE(LabelTestTools::decodeAt(page, profile.labelRect(slot), Dpi),
                     QStringList{labels.at(next).codigo});
            ++next;
        }
    }
    QCOMPARE(next, int(labels.size()));

    // The text is real text (searchable, sharp): entity, code and denominación.
    const QString text = LabelTestTools::pdfText(pdf).simplified();
    QVERIFY2(text.contains(QLatin1String("Municipalidad Provincial de Tacna")), qPrintable(text));
    QVERIFY(text.contains(labels.first().codigo));
    QVERIFY(text.contains(labels.last().codigo));
    QVERIFY2(text.contains(QLatin1String("SILLA GIRATORIA")), qPrintable(text));
}

void TestLabelSheetRenderer::skipLeavesPositionsEmpty()
{
    const LabelProfile profile = *LabelProfileCatalog().find(QStringLiteral("a4-3x8"));
    LabelSheetRenderer renderer(profile);
    renderer.setSkip(5);
    QCOMPARE(renderer.pageCount(19), 1);
    QCOMPARE(renderer.pageCount(20), 2);
    const LabelContents labels = {{QStringLiteral("740899500001"), QStringLiteral("CPU")},
                                  {QStringLiteral("740899500002"), QStringLiteral("CPU")}};
    const QImage page = renderer.renderPage(labels, 0, Dpi);
    for (int slot = 0; slot < 5; ++slot) {
        const QRectF r = profile.labelRect(slot);
        const qreal k = Dpi / 25.4;
        const QImage blank = page.copy(
            QRectF(r.topLeft() * k, r.size() * k).toRect().intersected(page.rect()));
        bool allWhite = true;
        for (int y = 0; y < blank.height() && allWhite; ++y) {
            for (int x = 0; x < blank.width(); ++x) {
                if (blank.pixel(x, y) != qRgb(255, 255, 255)) {
                    allWhite = false;
                    break;
                }
            }
        }
        QVERIFY2(allWhite, qPrintable(QString::number(slot)));
    }
    QCOMPARE(LabelTestTools::decodeAt(page, profile.labelRect(5), Dpi),
             QStringList{QStringLiteral("740899500001")});
    QCOMPARE(LabelTestTools::decodeAt(page, profile.labelRect(6), Dpi),
             QStringList{QStringLiteral("740899500002")});
    // Rolls have no positions to skip.
    LabelSheetRenderer roll(*LabelProfileCatalog().find(QStringLiteral("rollo-50x25")));
    roll.setSkip(3);
    QCOMPARE(roll.skip(), 0);
}

void TestLabelSheetRenderer::longDenominacionIsElided()
{
    const QString longName = QStringLiteral(
        "UNIDAD CENTRAL DE PROCESO CON PROCESADOR INTEL CORE I7 DE DUODÉCIMA GENERACIÓN, 32 GB "
        "DE MEMORIA, DISCO SÓLIDO DE 1 TB Y TARJETA DE VIDEO DEDICADA PARA DISEÑO GRÁFICO");
    for (const char *id : {"rollo-50x25", "rollo-50x25-qr"}) {
        const LabelProfile profile = *LabelProfileCatalog().find(QString::fromLatin1(id));
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("largo.pdf"));
        QVERIFY(LabelSheetRenderer(profile).writePdf(pdf,
                                                     {{QStringLiteral("740899500001"), longName}}));
        const QString text = LabelTestTools::pdfText(pdf).simplified();
        QVERIFY2(text.contains(QLatin1String("UNIDAD CENTRAL")), qPrintable(text));
        QVERIFY2(text.contains(QChar(0x2026)), qPrintable(text)); // "…"
        QVERIFY2(!text.contains(QLatin1String("DISEÑO GRÁFICO")), qPrintable(text));
        // Still readable.
        QString error;
        const QList<QImage> pages = LabelTestTools::rasterize(pdf, Dpi, &error);
        QCOMPARE(pages.size(), 1);
        QCOMPARE(LabelTestTools::decodeAt(pages.first(), profile.labelRect(0), Dpi),
                 QStringList{QStringLiteral("740899500001")});
    }
}

void TestLabelSheetRenderer::writePdfLeavesNothingHalfWritten()
{
    const LabelSheetRenderer renderer(*LabelProfileCatalog().find(QStringLiteral("a4-3x8")));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("previo.pdf"));
    QVERIFY(renderer.writePdf(pdf, {{QStringLiteral("740899500001"), QStringLiteral("CPU")}}));
    const QByteArray before = hash(pdf);
    QString error;
    // Nothing to print.
    QVERIFY(!renderer.writePdf(pdf, {}, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(hash(pdf), before);
    // A code Code 128 cannot hold, on the second page: the first page was already drawn.
    LabelContents labels;
    for (int i = 1; i <= 30; ++i)
        labels.append({QStringLiteral("74089950%1").arg(i, 4, 10, QLatin1Char('0')), {}});
    labels.append({QStringLiteral("CÓDIGO-Ñ"), QStringLiteral("mal")});
    error.clear();
    QVERIFY(!renderer.writePdf(pdf, labels, &error));
    QVERIFY2(error.contains(QStringLiteral("CÓDIGO-Ñ")), qPrintable(error));
    QCOMPARE(hash(pdf), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("previo.pdf")});
    // A folder that does not exist.
    QVERIFY(
        !renderer.writePdf(dir.filePath(QStringLiteral("no/existe.pdf")), labels.mid(0, 1), &error));
    QVERIFY(error.contains(QLatin1String("existe.pdf")));
}

QTEST_MAIN(TestLabelSheetRenderer)
#include "tst_labelsheetrenderer.moc"
