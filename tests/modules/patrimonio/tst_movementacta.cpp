#include "PatrimonioFixture.h"

#include "MovementActa.h"
#include "MovementRepository.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

using namespace tambo;
using namespace tambo::patrimonio;
using tambo::test::PatrimonioFixture;

class TestMovementActa : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void actaOfEachKind_data();
    void actaOfEachKind();
    void pendingMovementHasNoActa();
    void actaFillsThePrintableWidthAndNumbersItsPages();

private:
    std::unique_ptr<PatrimonioFixture> m_fixture;
    std::unique_ptr<MovementRepository> m_movements;
    QTemporaryDir m_dir;
    int m_next = 1;
};

void TestMovementActa::initTestCase()
{
    m_fixture = std::make_unique<PatrimonioFixture>();
    QVERIFY2(m_fixture->setupError().isEmpty(), qPrintable(m_fixture->setupError()));
    QVERIFY2(m_fixture->addCpus(8), qPrintable(m_fixture->lastError()));
    m_movements = std::make_unique<MovementRepository>(core::databaseProviderOf(
                                                           m_fixture->temp().store()),
                                                       m_fixture->clock(),
                                                       m_fixture->audit());
}

void TestMovementActa::actaOfEachKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("title");
    QTest::newRow("asignación") << int(MovementKind::Asignacion) << "ASSIGNMENT";
    QTest::newRow("desplazamiento") << int(MovementKind::Desplazamiento) << "TRANSFER";
    QTest::newRow("devolución") << int(MovementKind::Devolucion) << "RETURN";
    QTest::newRow("baja") << int(MovementKind::Baja) << "WRITE-OFF";
}

void TestMovementActa::actaOfEachKind()
{
    QFETCH(int, kind);
    QFETCH(QString, title);
    Movement m;
    m.kind = MovementKind(kind);
    m.toSedeId = QStringLiteral("terminales-terrestres");
    m.toResponsable = QStringLiteral("TICONA APAZA, Luis");
    m.resolucion = QStringLiteral("R.G.A. N.º 045-2026-GA/MPT");
    const QStringList codes{QStringLiteral("74089950%1").arg(m_next++, 4, 10, QLatin1Char('0')),
                            QStringLiteral("74089950%1").arg(m_next++, 4, 10, QLatin1Char('0'))};
    QString error;
    QVERIFY2(m_movements->propose(PatrimonioFixture::inventariador(), &m, codes, &error),
             qPrintable(error));
    QVERIFY2(m_movements->approve(PatrimonioFixture::jefe(), m.id, nullptr, &error),
             qPrintable(error));
    const auto approved = m_movements->find(PatrimonioFixture::jefe(), m.id);
    QVERIFY(approved);

    MovementActa::Names names;
    names.sedes.insert(QStringLiteral("terminales-terrestres"),
                       QStringLiteral("Gerencia de Terminales Terrestres"));
    const QString html = MovementActa::html(*approved, names);
    QTextDocument doc;
    doc.setHtml(html);
    const QString text = doc.toPlainText();
    QVERIFY2(text.contains(title), qPrintable(text));
    QVERIFY(text.contains(approved->acta));
    for (const QString &code : codes)
        QVERIFY(text.contains(code));
    QVERIFY(text.contains(QStringLiteral("MAMANI QUISPE, Rosa"))); // who hands over
    QVERIFY(text.contains(QStringLiteral("jefe.patrimonio")));
    QVERIFY(text.contains(QStringLiteral("______"))); // signature lines
    if (m.kind == MovementKind::Baja)
        QVERIFY(text.contains(QStringLiteral("R.G.A. N.º 045-2026-GA/MPT")));
    else
        QVERIFY(text.contains(QStringLiteral("Gerencia de Terminales Terrestres")));

    const QString path = m_dir.filePath(QStringLiteral("acta-%1.pdf").arg(kind));
    QVERIFY2(MovementActa::writePdf(*approved, names, path, &error), qPrintable(error));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.size() > 1000);
}

void TestMovementActa::pendingMovementHasNoActa()
{
    Movement m;
    m.kind = MovementKind::Asignacion;
    m.toResponsable = QStringLiteral("FLORES, Ana");
    QString error;
    QVERIFY(m_movements->propose(PatrimonioFixture::inventariador(),
                                 &m,
                                 {QStringLiteral("740899500008")},
                                 &error));
    const QString path = m_dir.filePath(QStringLiteral("pending.pdf"));
    QVERIFY(!MovementActa::writePdf(m, {}, path, &error));
    QVERIFY(!QFile::exists(path));
}

void TestMovementActa::actaFillsThePrintableWidthAndNumbersItsPages()
{
    // A long acta (80 assets) laid out on an A4 page with 20 mm margins: the assets table spans
    // the 170 mm between the margins (it used to take about 130 mm: QTextDocument::print added
    // its own margin to the page's), and the acta takes more than one page, its header row on
    // each.
    Movement m;
    m.kind = MovementKind::Asignacion;
    m.status = MovementStatus::Aprobado;
    m.acta = QStringLiteral("AS-2026-000123");
    m.toSedeId = QStringLiteral("central");
    m.toResponsable = QStringLiteral("TICONA APAZA, Luis");
    for (int i = 0; i < 80; ++i) {
        MovementItem item;
        item.codigo = QStringLiteral("74089950%1").arg(i, 4, 10, QLatin1Char('0'));
        item.denominacion = QStringLiteral("UNIDAD CENTRAL DE PROCESO - CPU");
        item.sedeId = QStringLiteral("central");
        item.responsable = QStringLiteral("MAMANI QUISPE, Rosa");
        m.items.append(item);
    }
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
    writer.setResolution(300);
    QTextDocument doc;
    MovementActa::layOut(&doc, m, {}, &writer);

    const qreal printable = writer.pageLayout().paintRectPixels(300).width();
    QCOMPARE(doc.pageSize().width(), printable);
    QTextTable *assets = nullptr;
    for (QTextFrame *frame : doc.rootFrame()->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (table && table->columns() == 5)
            assets = table;
    }
    QVERIFY(assets);
    const qreal width = doc.documentLayout()->frameBoundingRect(assets).width();
    QVERIFY2(width > 0.97 * printable && width <= printable,
             qPrintable(QStringLiteral("table %1 of %2 px").arg(width).arg(printable)));
    QCOMPARE(assets->format().headerRowCount(), 1);
    QVERIFY(doc.pageCount() >= 2);
    QVERIFY(doc.pageSize().height() < writer.pageLayout().paintRectPixels(300).height());

    const QString path = m_dir.filePath(QStringLiteral("long.pdf"));
    QString error;
    QVERIFY2(MovementActa::writePdf(m, {}, path, &error), qPrintable(error));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r"),
             qsizetype(doc.pageCount()));
}

QTEST_MAIN(TestMovementActa)
#include "tst_movementacta.moc"
