// `tambo-admin patrimonio import` in process, through AdminCli as tambo-admin runs it: the
// module's command found in the plugin, the store opened with a key file, the report and the
// exit codes.
#include "AdminCli.h"

#include "audit/AuditLog.h"
#include "store/KeyFileKeyProvider.h"
#include "store/Store.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo;

class TestImportAdminCommand : public QObject
{
    Q_OBJECT

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

    QStringList storeArgs() const
    {
        return {QStringLiteral("--store"),
                m_dir.filePath(QStringLiteral("t.db")),
                QStringLiteral("--key-file"),
                m_dir.filePath(QStringLiteral("t.key"))};
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return path;
    }

    int scalar(const QString &sql)
    {
        core::KeyFileKeyProvider keys(m_dir.filePath(QStringLiteral("t.key")));
        core::Workspace::Options o;
        o.storePath = m_dir.filePath(QStringLiteral("t.db"));
        o.keys = &keys;
        auto opened = core::Workspace::open(o);
        if (!opened.ok())
            return -1;
        QSqlQuery q(opened.workspace->store().database());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

    QTemporaryDir m_dir;
    const QByteArray m_header = "CODIGO_PATRIMONIAL;DENOMINACION;ESTADO;SEDE;VALOR;"
                                "FECHA_ADQUISICION\r\n";

private slots:
    void initTestCase()
    {
        const Result r = run(QStringList{QStringLiteral("demo")} + storeArgs());
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void helpListsTheCommand()
    {
        const Result r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("patrimonio import")));
        QVERIFY(r.out.contains(QStringLiteral("--mapping")));
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no mapping") << QStringList{QStringLiteral("x.csv")};
        QTest::newRow("no file") << QStringList{QStringLiteral("--mapping"), QStringLiteral("siga")};
        QTest::newRow("mapping file missing") << QStringList{QStringLiteral("--mapping"),
                                                             QStringLiteral("/no/m.json"),
                                                             QStringLiteral("x.csv")};
    }

    void usage()
    {
        QFETCH(QStringList, args);
        const Result r = run(QStringList{QStringLiteral("patrimonio"), QStringLiteral("import")}
                             + storeArgs() + args);
        QCOMPARE(r.code, 2);
        QVERIFY(!r.err.isEmpty());
    }

    void badRowsAreReportedAndNothingImported()
    {
        const int before = scalar(QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets"));
        QVERIFY(before > 0);
        const QString file = writeFile(QStringLiteral("bad.csv"),
                                       m_header
                                           + "740899509001;CPU;B;palacio;1.200,00;01/02/2020\r\n"
                                             "740899509002;CPU;Q;palacio;100;01/02/2020\r\n"
                                             "740899509003;CPU;B;palacio;cien;01/02/2020\r\n");
        for (const bool dry : {true, false}) {
            QStringList args = QStringList{QStringLiteral("patrimonio"), QStringLiteral("import")}
                               + storeArgs()
                               + QStringList{QStringLiteral("--mapping"),
                                             QStringLiteral("siga"),
                                             file};
            if (dry)
                args << QStringLiteral("--dry-run");
            const Result r = run(args);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.out.contains(QStringLiteral("\n3\t740899509002\t")), qPrintable(r.out));
            QVERIFY2(r.out.contains(QStringLiteral("\n4\t740899509003\t")), qPrintable(r.out));
            QVERIFY(!r.out.contains(QStringLiteral("\n2\t")));
            QVERIFY(!r.err.isEmpty());
        }
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets")), before);
    }

    void dryRunThenImport()
    {
        const int before = scalar(QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets"));
        const QString file
            = writeFile(QStringLiteral("good.csv"),
                        m_header
                            + "740899509011;CPU;B;palacio;1.200,00;01/02/2020\r\n"
                              "740899509012;CPU;N;Palacio Municipal (sede principal);\"1,500.50\";"
                              "03/04/2021\r\n");
        const QStringList args = QStringList{QStringLiteral("patrimonio"), QStringLiteral("import")}
                                 + storeArgs()
                                 + QStringList{QStringLiteral("--mapping"),
                                               QStringLiteral("siga"),
                                               file};
        Result r = run(args + QStringList{QStringLiteral("--dry-run")});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets")), before);

        r = run(args);
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QVERIFY(r.err.isEmpty());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets")), before + 2);
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT valor FROM patrimonio_assets WHERE codigo = '740899509012'")),
                 150050);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'tambo-admin'"
                                       " AND entity = 'patrimonio.import'")),
                 1);

        // Importing the same file again: every row is already registered.
        r = run(args);
        QCOMPARE(r.code, 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM patrimonio_assets")), before + 2);

        r = run(QStringList{QStringLiteral("audit"), QStringLiteral("verify")} + storeArgs());
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void savedMappingFile()
    {
        const QString mapping
            = writeFile(QStringLiteral("m.json"),
                        R"({"format": "tambo-import-mapping/1", "name": "hoja", "decimal": "comma",
                "defaultSede": "palacio",
                "columns": {"codigo": "Cod", "denominacion": ["Bien"], "valor": "Precio"}})");
        const QString file = writeFile(QStringLiteral("hoja.csv"),
                                       "Cod,Bien,Precio\n740899509021,Laptop,\"2.500,00\"\n");
        const Result r = run(QStringList{QStringLiteral("patrimonio"), QStringLiteral("import")}
                             + storeArgs()
                             + QStringList{QStringLiteral("--mapping"), mapping, file});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT valor FROM patrimonio_assets WHERE codigo = '740899509021'")),
                 250000);
    }
};

QTEST_GUILESS_MAIN(TestImportAdminCommand)
#include "tst_importadmincommand.moc"
