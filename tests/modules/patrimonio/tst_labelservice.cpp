#include "LabelProfileCatalog.h"
#include "LabelService.h"
#include "LabelTestTools.h"
#include "PatrimonioFixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::LabelTestTools;
using tambo::test::PatrimonioFixture;

class TestLabelService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void labelsInTheOrderAsked();
    void unknownAndMalformedAreReported();
    void needsViewPermission();
    void allLabelsByCode();
    void writePdfOnlyWhenEveryCodeIsKnown();

private:
    std::unique_ptr<PatrimonioFixture> m_fixture;
};

void TestLabelService::init()
{
    m_fixture = std::make_unique<PatrimonioFixture>();
    QVERIFY2(m_fixture->setupError().isEmpty(), qPrintable(m_fixture->setupError()));
    QVERIFY2(m_fixture->addCpus(5), qPrintable(m_fixture->lastError()));
}

void TestLabelService::cleanup()
{
    m_fixture.reset();
}

void TestLabelService::labelsInTheOrderAsked()
{
    const LabelService service(m_fixture->assets());
    const auto batch = service.labelsFor(PatrimonioFixture::soporte(),
                                         {QStringLiteral("740899500004"),
                                          QStringLiteral(" 7408 9950-0002 "),
                                          QStringLiteral("740899500004")});
    QVERIFY2(batch.ok(), qPrintable(batch.problemText()));
    QCOMPARE(batch.labels.size(), 3);
    QCOMPARE(batch.labels.at(0).codigo, QStringLiteral("740899500004"));
    QCOMPARE(batch.labels.at(1).codigo, QStringLiteral("740899500002")); // normalised
    QCOMPARE(batch.labels.at(2).codigo, QStringLiteral("740899500004")); // asked twice
    QCOMPARE(batch.labels.at(0).denominacion, QStringLiteral("UNIDAD CENTRAL DE PROCESO - CPU"));
    QVERIFY(batch.problemText().isEmpty());
}

void TestLabelService::unknownAndMalformedAreReported()
{
    const LabelService service(m_fixture->assets());
    const auto batch = service.labelsFor(PatrimonioFixture::inventariador(),
                                         {QStringLiteral("740899500001"),
                                          QStringLiteral("740899509999"),
                                          QStringLiteral("74089950001"),
                                          QStringLiteral("740899500003")});
    QVERIFY(!batch.ok());
    QCOMPARE(batch.labels.size(), 2); // the known ones are still there
    QCOMPARE(batch.unknown, QStringList{QStringLiteral("740899509999")});
    QCOMPARE(batch.malformed, QStringList{QStringLiteral("74089950001")});
    QVERIFY(batch.problemText().contains(QLatin1String("740899509999")));
    QVERIFY(batch.problemText().contains(QLatin1String("74089950001")));
}

void TestLabelService::needsViewPermission()
{
    const LabelService service(m_fixture->assets());
    const auto batch = service.labelsFor(PatrimonioFixture::mesaPartes(),
                                         {QStringLiteral("740899500001")});
    QVERIFY(!batch.ok());
    QVERIFY(batch.labels.isEmpty());
    QVERIFY(batch.error.contains(QLatin1String("patrimonio.view")));
    QVERIFY(!service.allLabels(PatrimonioFixture::mesaPartes()).ok());
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("x.pdf"));
    QString error;
    QVERIFY(!service.writePdf(PatrimonioFixture::mesaPartes(),
                              *LabelProfileCatalog().find(QStringLiteral("a4-3x8")),
                              {QStringLiteral("740899500001")},
                              pdf,
                              &error));
    QVERIFY(!QFile::exists(pdf));
}

void TestLabelService::allLabelsByCode()
{
    const LabelService service(m_fixture->assets());
    const auto batch = service.allLabels(PatrimonioFixture::comite());
    QVERIFY2(batch.ok(), qPrintable(batch.problemText()));
    QCOMPARE(batch.labels.size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(batch.labels.at(i).codigo, QStringLiteral("74089950000%1").arg(i + 1));
}

void TestLabelService::writePdfOnlyWhenEveryCodeIsKnown()
{
    const LabelService service(m_fixture->assets());
    const LabelProfile profile = *LabelProfileCatalog().find(QStringLiteral("rollo-50x25-qr"));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("campana.pdf"));
    QString error;
    QVERIFY(!service.writePdf(PatrimonioFixture::jefe(),
                              profile,
                              {QStringLiteral("740899500001"), QStringLiteral("740899509999")},
                              pdf,
                              &error));
    QVERIFY(error.contains(QLatin1String("740899509999")));
    QVERIFY(!QFile::exists(pdf));

    int pages = 0;
    QVERIFY2(service.writePdf(PatrimonioFixture::jefe(),
                              profile,
                              {QStringLiteral("740899500005"), QStringLiteral("740899500001")},
                              pdf,
                              &error,
                              &pages),
             qPrintable(error));
    QCOMPARE(pages, 2);
    const QList<QImage> images = LabelTestTools::rasterize(pdf, 300, &error);
    QCOMPARE(images.size(), 2);
    QCOMPARE(LabelTestTools::decodeAt(images.at(0), profile.labelRect(0), 300),
             QStringList{QStringLiteral("740899500005")});
    QCOMPARE(LabelTestTools::decodeAt(images.at(1), profile.labelRect(0), 300),
             QStringList{QStringLiteral("740899500001")});
}

QTEST_MAIN(TestLabelService)
#include "tst_labelservice.moc"
