// The real tambo-admin process importing a SIGA-MEF export, as an OTIC script would.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestImportAdminProcess : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int code;
        QByteArray out;
        QByteArray err;
    };

    Run admin(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(TAMBO_ADMIN_EXE), args);
        if (!p.waitForStarted())
            return {-1, {}, "did not start"};
        p.closeWriteChannel();
        p.waitForFinished(240000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
                p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    QTemporaryDir m_dir;

private slots:
    void importFromScript()
    {
        const QStringList s{QStringLiteral("--store"),
                            m_dir.filePath(QStringLiteral("s.db")),
                            QStringLiteral("--key-file"),
                            m_dir.filePath(QStringLiteral("s.key"))};
        Run r = admin(QStringList{QStringLiteral("demo")} + s);
        QVERIFY2(r.code == 0, r.err.constData());

        // Windows-1252, ';', CRLF, quoted field with a line break, as Excel saves it.
        const QString bad = m_dir.filePath(QStringLiteral("siga-malo.csv"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("CODIGO_PATRIMONIAL;DENOMINACION;SEDE;CENTRO_COSTO;OBSERVACIONES\r\n"
                "740899509101;UNIDAD CENTRAL DE PROCESO;palacio;;\"Con teclado\r\ny rat\xF3n\"\r\n"
                "74089950910;CPU;palacio;;\r\n");
        f.close();
        const QStringList import = QStringList{QStringLiteral("patrimonio"),
                                               QStringLiteral("import")}
                                   + s
                                   + QStringList{QStringLiteral("--mapping"),
                                                 QStringLiteral("siga")};
        r = admin(import + QStringList{bad});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("\n3\t74089950910\t"), r.out.constData());
        QVERIFY(r.out.contains("Windows-1252"));
        QVERIFY(!r.err.isEmpty());

        const QString good = m_dir.filePath(QStringLiteral("siga.csv"));
        QFile g(good);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("\xEF\xBB\xBF"
                "CODIGO_PATRIMONIAL;DENOMINACION;SEDE\r\n"
                "740899509101;UNIDAD CENTRAL DE PROCESO;palacio\r\n");
        g.close();
        r = admin(import + QStringList{good, QStringLiteral("--dry-run")});
        QVERIFY2(r.code == 0, r.err.constData());
        r = admin(import + QStringList{good});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.err.isEmpty());
        r = admin(import + QStringList{good});
        QCOMPARE(r.code, 1); // already registered now
        r = admin(QStringList{QStringLiteral("audit"), QStringLiteral("verify")} + s);
        QVERIFY2(r.code == 0, r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestImportAdminProcess)
#include "tst_importadminprocess.moc"
