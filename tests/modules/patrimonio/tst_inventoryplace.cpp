#include "InventoryPlace.h"

#include "CodigoPatrimonial.h"

#include <QCryptographicHash>
#include <QTest>

using namespace tambo::patrimonio;

class TestInventoryPlace : public QObject
{
    Q_OBJECT

private slots:
    void sameRoomWrittenDifferently();
    void codeIsStableAndShort();
    void isAmbienteCode_data();
    void isAmbienteCode();
};

void TestInventoryPlace::sameRoomWrittenDifferently()
{
    const InventoryPlace a{QStringLiteral("palacio"),
                           QStringLiteral("palacio-otic"),
                           QStringLiteral("OFICINA 204")};
    const InventoryPlace b{QStringLiteral("palacio"),
                           QStringLiteral("palacio-otic"),
                           QStringLiteral("  oficina\t 204 ")};
    const InventoryPlace c{QStringLiteral("palacio"),
                           QStringLiteral("palacio-rrhh"),
                           QStringLiteral("OFICINA 204")};
    const InventoryPlace d{QStringLiteral("palacio"), QString(), QStringLiteral("OFICINA 204")};
    QVERIFY(a == b);
    QCOMPARE(a.code(), b.code());
    QVERIFY(!(a == c));
    QVERIFY(!(a == d));
    QVERIFY(a.code() != c.code());
    QVERIFY(d.isValid());
    const InventoryPlace blank{QStringLiteral("palacio"), QString(), QStringLiteral("  ")};
    const InventoryPlace noSede{QString(), QString(), QStringLiteral("HALL")};
    QVERIFY(!blank.isValid());
    QVERIFY(!noSede.isValid());
}

void TestInventoryPlace::codeIsStableAndShort()
{
    const InventoryPlace a{QStringLiteral("palacio"),
                           QStringLiteral("palacio-otic"),
                           QStringLiteral("OFICINA 204")};
    const QString code = a.code();
    QCOMPARE(code.size(), 12);
    QVERIFY(code.startsWith(QLatin1String("AMB-")));
    QVERIFY(InventoryPlace::isAmbienteCode(code));
    // The same on every PC: a fixed function of the place (SHA-256 of its key).
    QCOMPARE(a.key(), QStringLiteral("palacio|palacio-otic|OFICINA 204"));
    QCOMPARE(code,
             QStringLiteral("AMB-")
                 + QString::fromLatin1(
                     QCryptographicHash::hash(a.key().toUtf8(), QCryptographicHash::Sha256)
                         .left(4)
                         .toHex()
                         .toUpper()));
    // Never a código patrimonial.
    QVERIFY(!CodigoPatrimonial(code).isValid());
}

void TestInventoryPlace::isAmbienteCode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::newRow("upper") << "AMB-1A2B3C4D" << true;
    QTest::newRow("lower, spaces") << "  amb-1a2b3c4d " << true;
    QTest::newRow("too short") << "AMB-1A2B3C4" << false;
    QTest::newRow("not hex") << "AMB-1A2B3C4G" << false;
    QTest::newRow("código") << "740899500001" << false;
    QTest::newRow("other prefix") << "AMX-1A2B3C4D" << false;
}

void TestInventoryPlace::isAmbienteCode()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QCOMPARE(InventoryPlace::isAmbienteCode(text), ok);
}

QTEST_GUILESS_MAIN(TestInventoryPlace)
#include "tst_inventoryplace.moc"
