#include "CodigoPatrimonial.h"

#include <QTest>

using tambo::patrimonio::CodigoPatrimonial;
using Problem = CodigoPatrimonial::Problem;

class TestCodigoPatrimonial : public QObject
{
    Q_OBJECT

private slots:
    void validation_data();
    void validation();
    void problemTextsArePlainAndNameTheInput();
    void fromParts();
    void catalogoCheck_data();
    void catalogoCheck();
};

void TestCodigoPatrimonial::validation_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QString>("catalogo");
    QTest::addColumn<QString>("correlativo");

    auto ok = [](const char *name, const char *input, const char *code) {
        const QString c = QString::fromLatin1(code);
        QTest::newRow(name) << QString::fromUtf8(input) << int(Problem::None) << c << c.left(8)
                            << c.right(4);
    };
    auto bad = [](const char *name, const char *input, Problem p, const char *normalized) {
        QTest::newRow(name) << QString::fromUtf8(input) << int(p) << QString::fromUtf8(normalized)
                            << QString() << QString();
    };
    ok("cpu of the guide", "740899500006", "740899500006");
    ok("surrounding spaces", "  740899500006\t", "740899500006");
    ok("spaces and hyphens inside", "7408 9950-0006", "740899500006");
    ok("trailing scanner CR", "740899500006\r", "740899500006");
    ok("highest correlativo", "746483909999", "746483909999");
    ok("catalogo starting with zero", "041234560001", "041234560001");
    bad("empty", "", Problem::Empty, "");
    bad("only spaces", "   ", Problem::Empty, "");
    bad("eleven digits", "74089950006", Problem::WrongLength, "74089950006");
    bad("thirteen digits", "7408995000061", Problem::WrongLength, "7408995000061");
    bad("catalogo only", "74089950", Problem::WrongLength, "74089950");
    bad("letter in correlativo", "74089500N781", Problem::NotDigits, "74089500N781");
    bad("letter O for zero", "74089950OOO6", Problem::NotDigits, "74089950OOO6");
    bad("arabic-indic digits", "٧٤٠٨٩٩٥٠٠٠٠٦", Problem::NotDigits, "٧٤٠٨٩٩٥٠٠٠٠٦");
    bad("fullwidth digits",
        "７４０８９９５００００６",
        Problem::NotDigits,
        "７４０８９９５００００６");
    bad("url instead of code",
        "https://x/740899500006",
        Problem::NotDigits,
        "https://x/740899500006");
    bad("correlativo 0000", "740899500000", Problem::ZeroCorrelativo, "740899500000");
    bad("catalogo 00000000", "000000000001", Problem::ZeroCatalogo, "000000000001");
    bad("all zeros", "000000000000", Problem::ZeroCatalogo, "000000000000");
}

void TestCodigoPatrimonial::validation()
{
    QFETCH(QString, input);
    QFETCH(int, problem);
    QFETCH(QString, normalized);
    QFETCH(QString, catalogo);
    QFETCH(QString, correlativo);

    const CodigoPatrimonial code(input);
    QCOMPARE(int(code.problem()), problem);
    QCOMPARE(code.isValid(), problem == int(Problem::None));
    QCOMPARE(code.toString(), normalized);
    QCOMPARE(code.catalogo(), catalogo);
    QCOMPARE(code.correlativo(), correlativo);
    QCOMPARE(code.correlativoNumber(), correlativo.isEmpty() ? 0 : correlativo.toInt());
    QCOMPARE(code.problemText().isEmpty(), code.isValid());
}

void TestCodigoPatrimonial::problemTextsArePlainAndNameTheInput()
{
    const QString wrong = CodigoPatrimonial(QStringLiteral("74089950006")).problemText();
    QVERIFY2(wrong.contains(QLatin1String("74089950006")), qPrintable(wrong));
    QVERIFY2(wrong.contains(QLatin1String("11")) && wrong.contains(QLatin1String("12")),
             qPrintable(wrong));
    const QString letters = CodigoPatrimonial(QStringLiteral("74089500N781")).problemText();
    QVERIFY2(letters.contains(QLatin1String("74089500N781")), qPrintable(letters));
    QVERIFY2(letters.contains(QLatin1String("0 to 9")), qPrintable(letters));
    const QString zero = CodigoPatrimonial(QStringLiteral("740899500000")).problemText();
    QVERIFY2(zero.contains(QLatin1String("0001")), qPrintable(zero));
    QVERIFY(!CodigoPatrimonial().problemText().isEmpty());
}

void TestCodigoPatrimonial::fromParts()
{
    QCOMPARE(CodigoPatrimonial::fromParts(QStringLiteral("74089950"), 6).toString(),
             QStringLiteral("740899500006"));
    QVERIFY(CodigoPatrimonial::fromParts(QStringLiteral("74089950"), 9999).isValid());
    QCOMPARE(CodigoPatrimonial::fromParts(QStringLiteral("74089950"), 0).problem(),
             Problem::ZeroCorrelativo);
    QCOMPARE(CodigoPatrimonial::fromParts(QStringLiteral("74089950"), 10000).problem(),
             Problem::WrongLength);
    QCOMPARE(CodigoPatrimonial::fromParts(QStringLiteral("7408995"), 1).problem(),
             Problem::WrongLength);
    QVERIFY(!CodigoPatrimonial::fromParts(QStringLiteral("74089950"), -1).isValid());
    QCOMPARE(CodigoPatrimonial(QStringLiteral("740899500006")),
             CodigoPatrimonial(QStringLiteral(" 7408-9950-0006 ")));
}

void TestCodigoPatrimonial::catalogoCheck_data()
{
    QTest::addColumn<QString>("catalogo");
    QTest::addColumn<bool>("valid");
    QTest::newRow("cpu") << QStringLiteral("74089950") << true;
    QTest::newRow("seven digits") << QStringLiteral("7408995") << false;
    QTest::newRow("nine digits") << QStringLiteral("740899501") << false;
    QTest::newRow("zeros") << QStringLiteral("00000000") << false;
    QTest::newRow("letter") << QStringLiteral("7408995O") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestCodigoPatrimonial::catalogoCheck()
{
    QFETCH(QString, catalogo);
    QFETCH(bool, valid);
    QCOMPARE(CodigoPatrimonial::isValidCatalogo(catalogo), valid);
}

QTEST_GUILESS_MAIN(TestCodigoPatrimonial)
#include "tst_codigopatrimonial.moc"
