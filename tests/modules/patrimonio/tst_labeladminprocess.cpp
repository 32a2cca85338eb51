// The real tambo-admin executable making labels the way an OTIC script does: exit codes,
// Spanish messages on stderr, nothing written on failure, a PDF whose codes read back.
#include "LabelProfileCatalog.h"
#include "LabelTestTools.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace tambo;
using tambo::test::LabelTestTools;

class TestLabelAdminProcess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void unknownCodeIsReportedInSpanish();
    void labelsFromAScript();

private:
    struct Result
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    Result run(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // tambo-admin chooses offscreen itself
        env.remove(QStringLiteral("TAMBO_LANGUAGE"));
        env.insert(QStringLiteral("HOME"), m_dir.path()); // no profile files of the user
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TAMBO_ADMIN_EXE), args);
        if (!p.waitForFinished(240000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }
    QStringList store() const
    {
        return {QStringLiteral("--store"),
                m_dir.filePath(QStringLiteral("s.db")),
                QStringLiteral("--key-file"),
                m_dir.filePath(QStringLiteral("s.key"))};
    }

    QTemporaryDir m_dir;
};

void TestLabelAdminProcess::initTestCase()
{
    const Result r = run(QStringList{QStringLiteral("demo")} + store());
    QVERIFY2(r.code == 0, r.err.constData());
}

void TestLabelAdminProcess::unknownCodeIsReportedInSpanish()
{
    const QString pdf = m_dir.filePath(QStringLiteral("malo.pdf"));
    const Result r = run(QStringList{QStringLiteral("patrimonio"), QStringLiteral("labels")}
                         + store()
                         + QStringList{QStringLiteral("--profile"),
                                       QStringLiteral("a4-3x8"),
                                       QStringLiteral("--out"),
                                       pdf,
                                       QStringLiteral("740899509999")});
    QCOMPARE(r.code, 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(QLatin1String("740899509999")), r.err.constData());
    QVERIFY2(err.contains(QStringLiteral("no está en el registro")), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(pdf));

    const Result usage = run(QStringList{QStringLiteral("patrimonio"), QStringLiteral("labels")}
                             + store()
                             + QStringList{QStringLiteral("--profile"),
                                           QStringLiteral("a4-3x8"),
                                           QStringLiteral("--out"),
                                           pdf});
    QCOMPARE(usage.code, 2);
    QVERIFY2(QString::fromUtf8(usage.err).contains(QLatin1String("--all")), usage.err.constData());
}

void TestLabelAdminProcess::labelsFromAScript()
{
    const QString pdf = m_dir.filePath(QStringLiteral("rollo.pdf"));
    const QStringList codes = {QStringLiteral("740899500001"), QStringLiteral("740899500002")};
    const Result r = run(QStringList{QStringLiteral("patrimonio"), QStringLiteral("labels")}
                         + store()
                         + QStringList{QStringLiteral("--profile"),
                                       QStringLiteral("rollo-60x40"),
                                       QStringLiteral("--out"),
                                       pdf}
                         + codes);
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData()); // a script sees a clean stderr on success
    QVERIFY2(QString::fromUtf8(r.out).contains(QLatin1String("2 etiquetas")), r.out.constData());
    QString error;
    const QList<QImage> pages = LabelTestTools::rasterize(pdf, 300, &error);
    QCOMPARE(pages.size(), 2);
    const QRectF label(0, 0, 60, 40);
    QCOMPARE(LabelTestTools::decodeAt(pages.at(0), label, 300), QStringList{codes.at(0)});
    QCOMPARE(LabelTestTools::decodeAt(pages.at(1), label, 300), QStringList{codes.at(1)});
}

QTEST_MAIN(TestLabelAdminProcess)
#include "tst_labeladminprocess.moc"
