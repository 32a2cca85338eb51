// Runs the real tambo-admin executable the way an OTIC script does: exit codes, stdout/stderr.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestTamboAdminProcess : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int code;
        QByteArray out;
        QByteArray err;
    };

    Run admin(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.start(QStringLiteral(TAMBO_ADMIN_EXE), args);
        if (!p.waitForStarted())
            return {-1, {}, "did not start"};
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }

    QTemporaryDir m_dir;

private slots:
    void scriptFlow()
    {
        const QString store = m_dir.filePath(QStringLiteral("sede.db"));
        const QString key = m_dir.filePath(QStringLiteral("sede.key"));
        const QStringList s{QStringLiteral("--store"), store, QStringLiteral("--key-file"), key};

        Run r = admin(QStringList{QStringLiteral("demo")} + s);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.err.isEmpty());

        r = admin(QStringList{QStringLiteral("audit"), QStringLiteral("verify")} + s);
        QVERIFY2(r.code == 0, r.err.constData());

        r = admin(QStringList{QStringLiteral("user"), QStringLiteral("list")} + s);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("admin"));

        // Errors go to stderr with exit code 1 and nothing on stdout.
        r = admin({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--store"),
                   m_dir.filePath(QStringLiteral("no-existe.db")), QStringLiteral("--key-file"),
                   key});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no-existe.db"))));

        r = admin({QStringLiteral("bogus")});
        QCOMPARE(r.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestTamboAdminProcess)
#include "tst_tamboadminprocess.moc"
