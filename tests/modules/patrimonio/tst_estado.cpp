#include "Asset.h"
#include "Estado.h"

#include <QLocale>
#include <QTest>

using namespace tambo::patrimonio;

class TestEstado : public QObject
{
    Q_OBJECT

private slots:
    void codes_data();
    void codes();
    void unknownCodes();
    void situacion();
    void soles_data();
    void soles();
    void formatting();
};

void TestEstado::codes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("estado");
    QTest::addColumn<bool>("endOfLife");
    QTest::newRow("N") << QStringLiteral("N") << int(Estado::Nuevo) << false;
    QTest::newRow("B") << QStringLiteral("B") << int(Estado::Bueno) << false;
    QTest::newRow("R") << QStringLiteral("R") << int(Estado::Regular) << false;
    QTest::newRow("M") << QStringLiteral("M") << int(Estado::Malo) << false;
    QTest::newRow("X RAEE") << QStringLiteral("X") << int(Estado::Raee) << true;
    QTest::newRow("Y chatarra") << QStringLiteral("Y") << int(Estado::Chatarra) << true;
    QTest::newRow("lower case b") << QStringLiteral("b") << int(Estado::Bueno) << false;
    QTest::newRow("spaces") << QStringLiteral(" r ") << int(Estado::Regular) << false;
}

void TestEstado::codes()
{
    QFETCH(QString, code);
    QFETCH(int, estado);
    QFETCH(bool, endOfLife);
    const auto parsed = Estados::fromCode(code);
    QVERIFY(parsed);
    QCOMPARE(int(*parsed), estado);
    QCOMPARE(Estados::code(*parsed), code.trimmed().toUpper().at(0));
    QCOMPARE(Estados::isEndOfLife(*parsed), endOfLife);
    QVERIFY(!Estados::title(*parsed).isEmpty());
}

void TestEstado::unknownCodes()
{
    QVERIFY(!Estados::fromCode(QStringLiteral("Z")));
    QVERIFY(!Estados::fromCode(QString()));
    QVERIFY(!Estados::fromCode(QStringLiteral("BR")));
    QCOMPARE(Estados::all().size(), 6);
}

void TestEstado::situacion()
{
    QCOMPARE(Estados::situacionKey(Situacion::Uso), QStringLiteral("uso"));
    QCOMPARE(Estados::situacionKey(Situacion::Desuso), QStringLiteral("desuso"));
    QCOMPARE(Estados::situacionFromKey(QStringLiteral("DESUSO")), Situacion::Desuso);
    QCOMPARE(Estados::situacionFromKey(QStringLiteral("u")), Situacion::Uso);
    QVERIFY(!Estados::situacionFromKey(QStringLiteral("baja")));
}

void TestEstado::soles_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qlonglong>("centimos");
    QTest::newRow("integer") << QStringLiteral("3450") << true << 345000LL;
    QTest::newRow("dot decimals") << QStringLiteral("3450.5") << true << 345050LL;
    QTest::newRow("comma decimals") << QStringLiteral("3450,50") << true << 345050LL;
    QTest::newRow("thousands and decimals") << QStringLiteral("1,234.56") << true << 123456LL;
    QTest::newRow("european") << QStringLiteral("1.234,56") << true << 123456LL;
    QTest::newRow("with S/") << QStringLiteral("S/ 2 800.00") << true << 280000LL;
    QTest::newRow("zero") << QStringLiteral("0") << true << 0LL;
    QTest::newRow("negative") << QStringLiteral("-5") << false << 0LL;
    QTest::newRow("words") << QStringLiteral("mil soles") << false << 0LL;
    QTest::newRow("three decimals") << QStringLiteral("1.2345") << false << 0LL;
}

void TestEstado::soles()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qlonglong, centimos);
    bool parsed = false;
    QCOMPARE(parseSoles(text, &parsed), centimos);
    QCOMPARE(parsed, ok);
}

void TestEstado::formatting()
{
    // Peru writes S/ 1,234.50 (CLDR es_PE: "," groups, "." decimals).
    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Peru));
    QCOMPARE(formatSoles(345050), QStringLiteral("S/ 3,450.50"));
    QCOMPARE(formatSoles(5), QStringLiteral("S/ 0.05"));
    QCOMPARE(formatSoles(123456789), QStringLiteral("S/ 1,234,567.89"));
    QLocale::setDefault(QLocale::c());
}

QTEST_GUILESS_MAIN(TestEstado)
#include "tst_estado.moc"
