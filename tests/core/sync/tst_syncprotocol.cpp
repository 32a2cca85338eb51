#include "sync/SyncMessages.h"
#include "sync/SyncProtocol.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using tambo::core::PulledRow;
using tambo::core::SyncProtocol;
using N = tambo::core::SyncProtocol::Negotiation;

class TestSyncProtocol : public QObject
{
    Q_OBJECT

private slots:
    void negotiate_data()
    {
        QTest::addColumn<int>("client");
        QTest::addColumn<int>("min");
        QTest::addColumn<int>("max");
        QTest::addColumn<int>("expected");
        QTest::newRow("same") << 3 << 3 << 3 << int(N::Ok);
        QTest::newRow("inside") << 4 << 2 << 5 << int(N::Ok);
        QTest::newRow("too old") << 1 << 2 << 5 << int(N::ClientTooOld);
        QTest::newRow("too new") << 6 << 2 << 5 << int(N::ClientTooNew);
    }
    void negotiate()
    {
        QFETCH(int, client);
        QFETCH(int, min);
        QFETCH(int, max);
        QFETCH(int, expected);
        QCOMPARE(int(SyncProtocol::negotiate(client, min, max)), expected);
    }

    void negotiationMessagesArePlainSpanishAndReassure()
    {
        QVERIFY(SyncProtocol::negotiationMessage(N::Ok, 1, 1, 1).isEmpty());
        const QString old = SyncProtocol::negotiationMessage(N::ClientTooOld, 1, 2, 3);
        QVERIFY(old.contains(QStringLiteral("demasiado antigua")));
        QVERIFY(old.contains(QStringLiteral("a salvo")));
        QVERIFY(old.contains(QStringLiteral("OTIC")));
        const QString newer = SyncProtocol::negotiationMessage(N::ClientTooNew, 4, 2, 3);
        QVERIFY(newer.contains(QStringLiteral("a salvo")));
        QVERIFY(newer.contains(QStringLiteral("servidor")));
    }

    void tableNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("module table") << "patrimonio_assets" << true;
        QTest::newRow("upper case") << "Patrimonio" << false;
        QTest::newRow("quote") << "a\"b" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("digit first") << "1abc" << false;
        QTest::newRow("space") << "a b" << false;
    }
    void tableNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(SyncProtocol::isValidTableName(name), valid);
    }

    void checksumIsStableAndSensitive()
    {
        PulledRow a{QStringLiteral("t"),
                    QStringLiteral("1"),
                    5,
                    false,
                    QJsonObject{{"b", 2}, {"a", "x"}, {"v", 1.5}}};
        PulledRow tomb{QStringLiteral("t"), QStringLiteral("2"), 6, true, {}};
        const QString sum = SyncProtocol::pageChecksum({a, tomb});
        QCOMPARE(sum.size(), 64);
        // As docs/sync-protocol.md defines it: hex SHA-256 of the canonical JSON array of rows.
        const QByteArray canonical = SyncProtocol::canonicalJson(
            QJsonArray{a.toJson(), tomb.toJson()});
        QCOMPARE(sum,
                 QString::fromLatin1(
                     QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(SyncProtocol::pageChecksum({}),
                 QString::fromLatin1(
                     QCryptographicHash::hash("[]", QCryptographicHash::Sha256).toHex()));
        // The same values, however they were built or parsed, give the same checksum.
        PulledRow a2{QStringLiteral("t"),
                     QStringLiteral("1"),
                     5,
                     false,
                     QJsonObject{{"v", 1.5}, {"a", "x"}, {"b", 2}}};
        QCOMPARE(SyncProtocol::pageChecksum({a2, tomb}), sum);
        const auto reparsed = PulledRow::fromJson(QJsonDocument::fromJson(
                                                      QJsonDocument(a.toJson()).toJson())
                                                      .object(),
                                                  nullptr);
        QVERIFY(reparsed);
        QCOMPARE(SyncProtocol::pageChecksum({*reparsed, tomb}), sum);
        // Any change is seen: a value, the order, a missing row, a version.
        a2.data.insert("b", 3);
        QVERIFY(SyncProtocol::pageChecksum({a2, tomb}) != sum);
        QVERIFY(SyncProtocol::pageChecksum({tomb, a}) != sum);
        QVERIFY(SyncProtocol::pageChecksum({a}) != sum);
        PulledRow later = tomb;
        later.version = 7;
        QVERIFY(SyncProtocol::pageChecksum({a, later}) != sum);
        QCOMPARE(SyncProtocol::rowKey("t", "1"), QStringLiteral("t/1"));
    }

    void checksumFromRowBytesIsThePageChecksum()
    {
        // The server measures a page (MaxPageBytes) and hashes it from each row's bytes.
        const QList<PulledRow> rows{
            PulledRow{QStringLiteral("t"), QStringLiteral("1"), 5, false, QJsonObject{{"a", "ñ"}}},
            PulledRow{QStringLiteral("t"), QStringLiteral("2"), 6, true, {}},
            PulledRow{QStringLiteral("u"), QStringLiteral("3"), 9, false, QJsonObject{{"n", 2}}}};
        QList<QByteArray> bytes;
        qint64 total = 0;
        QJsonArray array;
        for (const PulledRow &row : rows) {
            bytes << SyncProtocol::rowJson(row);
            total += bytes.constLast().size();
            array.append(row.toJson());
        }
        QCOMPARE(SyncProtocol::rowsChecksum(bytes), SyncProtocol::pageChecksum(rows));
        QCOMPARE(SyncProtocol::pageBytes(total, rows.size()),
                 SyncProtocol::canonicalJson(array).size());
        QCOMPARE(SyncProtocol::pageBytes(0, 0), 2);
        QCOMPARE(SyncProtocol::rowsChecksum({}), SyncProtocol::pageChecksum({}));
    }

    void capsAreConsistent()
    {
        // A page holds at least a few rows at the cap, a push at least one, and the server's
        // default body limit (8 MiB) takes what the desktop sends.
        QVERIFY(SyncProtocol::MaxPageBytes >= 2 * SyncProtocol::MaxRowBytes);
        QVERIFY(SyncProtocol::MaxPushBytes >= 2 * SyncProtocol::MaxRowBytes);
        QVERIFY(SyncProtocol::MaxPushBytes < 8 * 1024 * 1024);
    }

    void seqReusedMessageSaysWhatAndWhatToDo()
    {
        const QString m = SyncProtocol::seqReusedMessage(17);
        QVERIFY(m.contains(QStringLiteral("17")));
        QVERIFY(m.contains(QStringLiteral("restaurados")));
        QVERIFY(m.contains(QStringLiteral("copiados")));
        QVERIFY(m.contains(QStringLiteral("a salvo")));
        QVERIFY(m.contains(QStringLiteral("tambo-admin sync reenroll")));
    }
};

QTEST_GUILESS_MAIN(TestSyncProtocol)
#include "tst_syncprotocol.moc"
