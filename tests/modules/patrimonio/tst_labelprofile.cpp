#include "LabelProfile.h"
#include "LabelProfileCatalog.h"

#include <QJsonDocument>
#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;

class TestLabelProfile : public QObject
{
    Q_OBJECT

private slots:
    void builtInGeometry_data();
    void builtInGeometry();
    void gridPositions();
    void rollDefaults();
    void rejectsBadProfiles_data();
    void rejectsBadProfiles();
    void jsonRoundTrip();
};

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

void TestLabelProfile::builtInGeometry_data()
{
    QTest::addColumn<QString>("id");
    for (const LabelProfile &p : LabelProfileCatalog().profiles())
        QTest::newRow(qPrintable(p.id)) << p.id;
}

void TestLabelProfile::builtInGeometry()
{
    QFETCH(QString, id);
    const auto profile = LabelProfileCatalog().find(id);
    QVERIFY(profile);
    QString error;
    QVERIFY2(profile->validate(&error), qPrintable(error));
    const QList<QRectF> rects = profile->labelRects();
    QCOMPARE(rects.size(), profile->columns * profile->rows);
    const QRectF page(QPointF(0, 0), profile->pageSize);
    // Every label inside the page and inside the margins; none overlaps another.
    for (int i = 0; i < rects.size(); ++i) {
        const QRectF r = rects.at(i);
        QCOMPARE(r.size(), profile->labelSize);
        QVERIFY2(r.left() >= profile->marginLeft - 1e-9, qPrintable(QString::number(i)));
        QVERIFY2(r.top() >= profile->marginTop - 1e-9, qPrintable(QString::number(i)));
        QVERIFY2(r.right() <= page.right() + 0.01, qPrintable(QString::number(i)));
        QVERIFY2(r.bottom() <= page.bottom() + 0.01, qPrintable(QString::number(i)));
        for (int j = i + 1; j < rects.size(); ++j) {
            const QRectF overlap = r.intersected(rects.at(j));
            QVERIFY2(overlap.width() < 1e-6 || overlap.height() < 1e-6,
                     qPrintable(QStringLiteral("%1/%2").arg(i).arg(j)));
        }
    }
    QCOMPARE(rects.first().topLeft(), QPointF(profile->marginLeft, profile->marginTop));
    QCOMPARE(profile->kind(),
             rects.size() == 1 ? LabelProfile::Kind::Roll : LabelProfile::Kind::Sheet);
}

void TestLabelProfile::gridPositions()
{
    const auto p = LabelProfileCatalog().find(QStringLiteral("a4-2x7"));
    QVERIFY(p);
    QCOMPARE(p->columns, 2);
    QCOMPARE(p->rows, 7);
    // Row by row, left to right; the gap between columns counts.
    QCOMPARE(p->labelRect(0), QRectF(4.65, 15.15, 99.1, 38.1));
    QCOMPARE(p->labelRect(1), QRectF(4.65 + 99.1 + 2.5, 15.15, 99.1, 38.1));
    QCOMPARE(p->labelRect(2), QRectF(4.65, 15.15 + 38.1, 99.1, 38.1));
    QCOMPARE(p->labelRect(13).bottom(), 15.15 + 7 * 38.1);
    QVERIFY(p->labelRect(14).isNull());
    QVERIFY(p->labelRect(-1).isNull());

    const auto a = LabelProfileCatalog().find(QStringLiteral("a4-3x8"));
    QVERIFY(a);
    QCOMPARE(a->labelRect(23), QRectF(140, 0.5 + 7 * 37, 70, 37));
    QCOMPARE(a->barcode, core::BarcodeFormat::Code128);
    QCOMPARE(LabelProfileCatalog().find(QStringLiteral("a4-3x8-qr"))->barcode,
             core::BarcodeFormat::QrCode);
}

void TestLabelProfile::rollDefaults()
{
    QString error;
    const auto p = LabelProfile::fromJson(
        json(
            R"({"id": "rollo-38x25", "name": "Rollo 38 × 25", "label": {"width": 38, "height": 25}})"),
        &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->pageSize, QSizeF(38, 25));
    QCOMPARE(p->labelsPerPage(), 1);
    QCOMPARE(p->kind(), LabelProfile::Kind::Roll);
    QCOMPARE(p->padding, 2.0);
    QCOMPARE(p->barcode, core::BarcodeFormat::Code128);
    QCOMPARE(p->labelRect(0), QRectF(0, 0, 38, 25));
}

void TestLabelProfile::rejectsBadProfiles_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("reason"); // a piece of the English message
    QTest::newRow("bad id") << R"({"id": "A4 3x8", "name": "x", "label": {"width": 70, "height": 37}})"
                            << "id";
    QTest::newRow("no name") << R"({"id": "x", "label": {"width": 70, "height": 37}})"
                             << "no name";
    QTest::newRow("unknown barcode")
        << R"({"id": "x", "name": "x", "barcode": "ean13", "label": {"width": 70, "height": 37}})"
        << "ean13";
    QTest::newRow("text size") << R"({"id": "x", "name": "x", "label": {"width": "70", "height": 37}})"
                               << "number";
    QTest::newRow("too wide") << R"({"id": "x", "name": "x", "page": {"width": 210, "height": 297},
              "label": {"width": 70, "height": 37}, "grid": {"columns": 3, "rows": 8},
              "margin": {"left": 5}})"
                              << "215";
    QTest::newRow("too high") << R"({"id": "x", "name": "x", "page": {"width": 210, "height": 297},
              "label": {"width": 70, "height": 37}, "grid": {"columns": 3, "rows": 8},
              "gap": {"vertical": 1}})"
                              << "303";
    QTest::newRow("negative margin")
        << R"({"id": "x", "name": "x", "page": {"width": 210, "height": 297},
              "label": {"width": 70, "height": 37}, "margin": {"left": -1}})"
        << "negative";
    QTest::newRow("code128 too narrow")
        << R"({"id": "x", "name": "x", "label": {"width": 25, "height": 25}})"
        << "Code 128";
    QTest::newRow("qr too small")
        << R"({"id": "x", "name": "x", "barcode": "qr", "label": {"width": 14, "height": 10}})"
        << "QR";
    QTest::newRow("zero columns")
        << R"({"id": "x", "name": "x", "label": {"width": 70, "height": 37}, "grid": {"columns": 0}})"
        << "columns";
}

void TestLabelProfile::rejectsBadProfiles()
{
    QFETCH(QString, json);
    QFETCH(QString, reason);
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parse);
    QCOMPARE(parse.error, QJsonParseError::NoError);
    QString error;
    QVERIFY(!LabelProfile::fromJson(doc.object(), &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestLabelProfile::jsonRoundTrip()
{
    for (const LabelProfile &p : LabelProfileCatalog().profiles()) {
        QString error;
        const auto back = LabelProfile::fromJson(p.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->toJson(), p.toJson());
        QVERIFY(!p.description().isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestLabelProfile)
#include "tst_labelprofile.moc"
