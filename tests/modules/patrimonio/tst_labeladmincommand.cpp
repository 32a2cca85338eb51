// `tambo-admin patrimonio labels` in-process, through AdminCli as tambo-admin runs it.
#include "AdminCli.h"
#include "LabelProfileCatalog.h"
#include "LabelTestTools.h"

#include "store/KeyFileKeyProvider.h"
#include "store/Store.h"
#include "workspace/Workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo;
using tambo::test::LabelTestTools;

class TestLabelAdminCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void writesThePdf_data();
    void writesThePdf();
    void unknownCodesWriteNothing_data();
    void unknownCodesWriteNothing();
    void usageErrors_data();
    void usageErrors();
    void allAssets();
    void profileFromJsonFile();
    void listProfiles();
    void helpListsTheCommand();

private:
    struct Result
    {
        int code;
        QString out;
        QString err;
    };

    Result run(const QStringList &args)
    {
        QString out, err, in;
        QTextStream o(&out), e(&err), i(&in);
        admin::AdminCli cli(o, e, i);
        const int code = cli.run(QStringList{QStringLiteral("tambo-admin")} + args);
        o.flush();
        e.flush();
        return {code, out, err};
    }
    QStringList labels(const QStringList &more) const
    {
        return QStringList{QStringLiteral("patrimonio"),
                           QStringLiteral("labels"),
                           QStringLiteral("--store"),
                           m_dir.filePath(QStringLiteral("t.db")),
                           QStringLiteral("--key-file"),
                           m_dir.filePath(QStringLiteral("t.key"))}
               + more;
    }
    QString out(const QString &name) const { return m_dir.filePath(name); }
    static QByteArray hash(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly)
                   ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                   : QByteArray();
    }

    QTemporaryDir m_dir;
    QStringList m_codes; // three demo códigos
    int m_assetCount = 0;
};

void TestLabelAdminCommand::initTestCase()
{
    const Result demo = run({QStringLiteral("demo"),
                             QStringLiteral("--store"),
                             m_dir.filePath(QStringLiteral("t.db")),
                             QStringLiteral("--key-file"),
                             m_dir.filePath(QStringLiteral("t.key"))});
    QVERIFY2(demo.code == 0, qPrintable(demo.err));
    core::KeyFileKeyProvider keys(m_dir.filePath(QStringLiteral("t.key")));
    core::Workspace::Options o;
    o.storePath = m_dir.filePath(QStringLiteral("t.db"));
    o.keys = &keys;
    auto ws = core::Workspace::open(o);
    QVERIFY2(ws.ok(), qPrintable(ws.error));
    QSqlQuery q(ws.workspace->store().database());
    QVERIFY(q.exec(QStringLiteral("SELECT codigo FROM patrimonio_assets ORDER BY codigo DESC "
                                  "LIMIT 3")));
    while (q.next())
        m_codes << q.value(0).toString();
    QCOMPARE(m_codes.size(), 3);
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets")) && q.next());
    m_assetCount = q.value(0).toInt();
}

void TestLabelAdminCommand::init()
{
    for (const QString &f : QDir(m_dir.path()).entryList({QStringLiteral("*.pdf*")}, QDir::Files))
        QFile::remove(m_dir.filePath(f));
}

void TestLabelAdminCommand::writesThePdf_data()
{
    QTest::addColumn<QString>("profile");
    QTest::newRow("a4 code128") << QStringLiteral("a4-3x8");
    QTest::newRow("roll qr") << QStringLiteral("rollo-50x25-qr");
}

void TestLabelAdminCommand::writesThePdf()
{
    QFETCH(QString, profile);
    const QString pdf = out(QStringLiteral("etiquetas.pdf"));
    const Result r = run(
        labels({QStringLiteral("--profile"), profile, QStringLiteral("--out"), pdf}) + m_codes);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("3 label(s)")), qPrintable(r.out));
    QVERIFY(QFile::exists(pdf));
    const auto p = *patrimonio::LabelProfileCatalog().find(profile);
    QString error;
    const QList<QImage> pages = LabelTestTools::rasterize(pdf, 300, &error);
    QVERIFY2(!pages.isEmpty(), qPrintable(error));
    QStringList read;
    for (const QImage &page : pages) {
        for (const QRectF &rect : p.labelRects())
            read << LabelTestTools::decodeAt(page, rect, 300);
    }
    QCOMPARE(read, m_codes); // in the order given
    // Only the PDF: no temporary file left next to it.
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("etiquetas*")}, QDir::Files),
             QStringList{QStringLiteral("etiquetas.pdf")});
}

void TestLabelAdminCommand::unknownCodesWriteNothing_data()
{
    QTest::addColumn<QString>("bad");
    QTest::newRow("not registered") << QStringLiteral("740899509999");
    QTest::newRow("malformed") << QStringLiteral("74089950N781");
}

void TestLabelAdminCommand::unknownCodesWriteNothing()
{
    QFETCH(QString, bad);
    const QString pdf = out(QStringLiteral("previo.pdf"));
    // An earlier PDF stays as it was.
    QCOMPARE(run(labels({QStringLiteral("--profile"),
                         QStringLiteral("a4-2x7"),
                         QStringLiteral("--out"),
                         pdf,
                         m_codes.first()}))
                 .code,
             0);
    const QByteArray before = hash(pdf);
    const Result r = run(labels({QStringLiteral("--profile"),
                                 QStringLiteral("a4-2x7"),
                                 QStringLiteral("--out"),
                                 pdf,
                                 m_codes.first(),
                                 bad}));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(bad), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(hash(pdf), before);
    const Result fresh = run(labels({QStringLiteral("--profile"),
                                     QStringLiteral("a4-2x7"),
                                     QStringLiteral("--out"),
                                     out(QStringLiteral("nuevo.pdf")),
                                     bad}));
    QCOMPARE(fresh.code, 1);
    QVERIFY(!QFile::exists(out(QStringLiteral("nuevo.pdf"))));
}

void TestLabelAdminCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    const QString pdf = out(QStringLiteral("u.pdf"));
    QTest::newRow("no profile") << QStringList{QStringLiteral("--out"),
                                               pdf,
                                               QStringLiteral("740899500001")};
    QTest::newRow("no out") << QStringList{QStringLiteral("--profile"),
                                           QStringLiteral("a4-3x8"),
                                           QStringLiteral("740899500001")};
    QTest::newRow("no codes, no --all") << QStringList{QStringLiteral("--profile"),
                                                       QStringLiteral("a4-3x8"),
                                                       QStringLiteral("--out"),
                                                       pdf};
    QTest::newRow("codes and --all") << QStringList{QStringLiteral("--profile"),
                                                    QStringLiteral("a4-3x8"),
                                                    QStringLiteral("--out"),
                                                    pdf,
                                                    QStringLiteral("--all"),
                                                    QStringLiteral("740899500001")};
    QTest::newRow("unknown profile") << QStringList{QStringLiteral("--profile"),
                                                    QStringLiteral("a5-9x9"),
                                                    QStringLiteral("--out"),
                                                    pdf,
                                                    QStringLiteral("740899500001")};
    QTest::newRow("bad skip") << QStringList{QStringLiteral("--profile"),
                                             QStringLiteral("a4-3x8"),
                                             QStringLiteral("--out"),
                                             pdf,
                                             QStringLiteral("--skip"),
                                             QStringLiteral("dos"),
                                             QStringLiteral("740899500001")};
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--color"), QStringLiteral("red")};
}

void TestLabelAdminCommand::usageErrors()
{
    QFETCH(QStringList, args);
    const Result r = run(labels(args));
    QCOMPARE(r.code, 2);
    QVERIFY(!r.err.isEmpty());
    QVERIFY(!QFile::exists(out(QStringLiteral("u.pdf"))));
}

void TestLabelAdminCommand::allAssets()
{
    const QString pdf = out(QStringLiteral("todo.pdf"));
    const Result r = run(labels({QStringLiteral("--profile"),
                                 QStringLiteral("a4-3x8"),
                                 QStringLiteral("--out"),
                                 pdf,
                                 QStringLiteral("--all"),
                                 QStringLiteral("--skip"),
                                 QStringLiteral("4")}));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const int pages = (m_assetCount + 4 + 23) / 24;
    QVERIFY2(r.out.contains(QStringLiteral("%1 page(s)").arg(pages)), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("%1 label(s)").arg(m_assetCount)), qPrintable(r.out));
    const QString text = LabelTestTools::pdfText(pdf);
    QCOMPARE(text.count(QLatin1String("Municipalidad Provincial de Tacna")), m_assetCount);
}

void TestLabelAdminCommand::profileFromJsonFile()
{
    const QString json = out(QStringLiteral("perfil.json"));
    QFile f(json);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"id": "zebra-38x25", "name": "Zebra 38 × 25", "barcode": "qr",
               "label": {"width": 38, "height": 25}, "padding": 1})");
    f.close();
    const QString pdf = out(QStringLiteral("zebra.pdf"));
    const Result r = run(
        labels({QStringLiteral("--profile"), json, QStringLiteral("--out"), pdf, m_codes.at(1)}));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QString error;
    const QList<QImage> pages = LabelTestTools::rasterize(pdf, 300, &error);
    QCOMPARE(pages.size(), 1);
    QVERIFY(qAbs(pages.first().width() - 38 / 25.4 * 300) <= 2);
    QCOMPARE(LabelTestTools::decodeAt(pages.first(), QRectF(0, 0, 38, 25), 300),
             QStringList{m_codes.at(1)});
    // A broken profile file is a runtime error, and nothing is written.
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(R"({"id": "zebra", "name": "Zebra", "label": {"width": 10, "height": 10}})");
    f.close();
    const QString none = out(QStringLiteral("nada.pdf"));
    const Result bad = run(
        labels({QStringLiteral("--profile"), json, QStringLiteral("--out"), none, m_codes.at(1)}));
    QCOMPARE(bad.code, 1);
    QVERIFY(bad.err.contains(QLatin1String("perfil.json")));
    QVERIFY(!QFile::exists(none));
}

void TestLabelAdminCommand::listProfiles()
{
    const Result r = run(labels({QStringLiteral("--list-profiles")}));
    QCOMPARE(r.code, 0);
    for (const auto &p : patrimonio::LabelProfileCatalog().profiles())
        QVERIFY2(r.out.contains(p.id + QLatin1Char('\t')), qPrintable(p.id));
}

void TestLabelAdminCommand::helpListsTheCommand()
{
    const Result r = run({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("patrimonio labels")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("--all")));
}

QTEST_MAIN(TestLabelAdminCommand)
#include "tst_labeladmincommand.moc"
