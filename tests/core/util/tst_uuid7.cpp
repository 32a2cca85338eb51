#include "util/Uuid7.h"

#include <QSet>
#include <QUuid>
#include <QtTest>

using tambo::core::makeUuid7;

// makeUuid7: RFC 9562 version 7 ids, used for every row id made on a PC (modules and core/sync).
class TestUuid7 : public QObject
{
    Q_OBJECT

private slots:
    void isAVersion7UuidOfThatMillisecond()
    {
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-12-02T09:30:00.123Z"),
                                                    Qt::ISODateWithMs);
        const QString id = makeUuid7(now);
        QCOMPARE(id.size(), 36);
        QCOMPARE(id, id.toLower());
        const QUuid uuid(id);
        QVERIFY(!uuid.isNull());
        // Qt 6.4's QUuid::version() does not know 7 yet: read the nibbles.
        const QByteArray bytes = uuid.toRfc4122();
        QCOMPARE(quint8(bytes.at(6)) >> 4, 7);      // version 7
        QCOMPARE(quint8(bytes.at(8)) & 0xc0, 0x80); // variant 10xx (RFC 9562)
        QCOMPARE(uuid.variant(), QUuid::DCE);
        // The first 48 bits are the Unix milliseconds.
        quint64 ms = 0;
        for (int i = 0; i < 6; ++i)
            ms = (ms << 8) | quint8(bytes.at(i));
        QCOMPARE(qint64(ms), now.toMSecsSinceEpoch());
    }

    void laterIdsSortLaterAndNoneRepeats()
    {
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(1764667800000LL, Qt::UTC);
        QSet<QString> seen;
        QString previous;
        for (int i = 0; i < 2000; ++i) {
            const QString id = makeUuid7(start.addMSecs(i));
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.insert(id);
            QVERIFY2(previous < id, qPrintable(previous + u' ' + id));
            previous = id;
        }
        // Within one millisecond the random bits still make every id different.
        QSet<QString> same;
        for (int i = 0; i < 2000; ++i)
            same.insert(makeUuid7(start));
        QCOMPARE(same.size(), 2000);
    }
};

QTEST_GUILESS_MAIN(TestUuid7)
#include "tst_uuid7.moc"
