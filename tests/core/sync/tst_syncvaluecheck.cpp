#include "sync/SyncMessages.h"
#include "sync/SyncProtocol.h"
#include "sync/SyncValueCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using tambo::core::OutboxEntry;
using tambo::core::SyncOp;
using tambo::core::SyncProtocol;
using tambo::core::SyncValueCheck;

namespace {

OutboxEntry entryWith(const QJsonObject &data, const QString &id = QStringLiteral("r1"))
{
    OutboxEntry e;
    e.seq = 1;
    e.schemaVersion = SyncProtocol::SchemaVersion;
    e.baseVersions.insert(SyncProtocol::rowKey(QStringLiteral("t_items"), id), 0);
    e.ops = {SyncOp{SyncOp::Kind::Insert, QStringLiteral("t_items"), id, data, {}}};
    return e;
}

QString with(char16_t c)
{
    return QStringLiteral("ab") + QChar(c) + QStringLiteral("cd");
}

} // namespace

class TestSyncValueCheck : public QObject
{
    Q_OBJECT

private slots:
    void text_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        using T = SyncValueCheck::Text;
        QTest::newRow("plain") << QStringLiteral("Pérez, 12 m²") << int(T::Clean);
        QTest::newRow("empty") << QString() << int(T::Clean);
        QTest::newRow("tab, LF, CR") << QStringLiteral("a\tb\nc\r\n") << int(T::Clean);
        QTest::newRow("emoji (a surrogate pair)") << QStringLiteral("ok 😀") << int(T::Clean);
        QTest::newRow("DEL is not C0") << with(0x7F) << int(T::Clean);
        QTest::newRow("U+0000") << with(0x0000) << int(T::ControlChar);
        QTest::newRow("U+0001") << with(0x0001) << int(T::ControlChar);
        QTest::newRow("U+0008 backspace") << with(0x0008) << int(T::ControlChar);
        QTest::newRow("U+000C form feed") << with(0x000C) << int(T::ControlChar);
        QTest::newRow("U+001F") << with(0x001F) << int(T::ControlChar);
        QTest::newRow("lone high surrogate") << with(0xD83D) << int(T::Invalid);
        QTest::newRow("lone low surrogate") << with(0xDE00) << int(T::Invalid);
        QTest::newRow("high surrogate at the end")
            << QStringLiteral("x") + QChar(0xD83D) << int(T::Invalid);
    }
    void text()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        QCOMPARE(int(SyncValueCheck::checkText(text)), expected);
        // cleaned() leaves clean text alone and makes any text clean.
        const QString cleaned = SyncValueCheck::cleaned(text);
        QCOMPARE(SyncValueCheck::checkText(cleaned), SyncValueCheck::Text::Clean);
        if (expected == int(SyncValueCheck::Text::Clean))
            QCOMPARE(cleaned, text);
        else
            QVERIFY(cleaned.contains(QChar(QChar::ReplacementCharacter)));
    }

    void utf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << QByteArray("abc") << true;
        QTest::newRow("two, three, four bytes")
            << QByteArray("\xc3\xb1 \xe2\x82\xac \xf0\x9f\x98\x80") << true;
        QTest::newRow("latin-1 byte") << QByteArray("caf\xe9") << false;
        QTest::newRow("0xFF") << QByteArray("\xff") << false;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
        QTest::newRow("truncated") << QByteArray("\xe2\x82") << false;
        QTest::newRow("overlong '/'") << QByteArray("\xc0\xaf") << false;
        QTest::newRow("overlong three bytes") << QByteArray("\xe0\x80\xaf") << false;
        QTest::newRow("surrogate (CESU-8)") << QByteArray("\xed\xa0\x80") << false;
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
        QTest::newRow("U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << true;
    }
    void utf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(SyncValueCheck::isValidUtf8(bytes), valid);
    }

    void invalidUtf8IsMarkedInsideStrings()
    {
        // Qt's parser refuses a whole document with invalid UTF-8; marked, the document parses
        // and the string holds a lone surrogate, which the check refuses as text_invalid.
        const QByteArray good = R"({"a":"café"})";
        QCOMPARE(SyncValueCheck::markInvalidUtf8(good), good);
        const QByteArray bad("{\"a\":\"caf\xe9\",\"b\":\"\xed\xa0\x80\"}");
        QVERIFY(QJsonDocument::fromJson(bad).isNull());
        const QByteArray marked = SyncValueCheck::markInvalidUtf8(bad);
        QCOMPARE(marked, QByteArray(R"({"a":"caf\udfff","b":"\udfff\udfff\udfff"})"));
        const QJsonObject o = QJsonDocument::fromJson(marked).object();
        QCOMPARE(SyncValueCheck::checkText(o.value("a").toString()),
                 SyncValueCheck::Text::Invalid);
        // After an escaping backslash the replacement would read as plain text: left alone
        // (the document is malformed anyway).
        const QByteArray escaped("{\"a\":\"x\\\xff\"}");
        QCOMPARE(SyncValueCheck::markInvalidUtf8(escaped), escaped);
        // An escaped backslash before it is not an escape.
        QCOMPARE(SyncValueCheck::markInvalidUtf8(QByteArray("\"\\\\\xff\"")),
                 QByteArray(R"("\\\udfff")"));
    }

    void cleanEntryPasses()
    {
        QJsonObject data{{"id", "r1"},
                         {"note", "línea 1\nlínea 2\t😀"},
                         {"qty", 3},
                         {"tags", QJsonArray{"a", QJsonObject{{"k", "v"}}}}};
        QVERIFY(!SyncValueCheck::check(entryWith(data)));
        OutboxEntry deletion;
        deletion.seq = 2;
        deletion.ops = {SyncOp{SyncOp::Kind::Delete, "t_items", "r1", {}, {}}};
        QVERIFY(!SyncValueCheck::check(deletion));
    }

    void problems_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("inMessage");
        QTest::newRow("NUL in a value") << "value" << "text_control_char" << "U+0000";
        QTest::newRow("NUL in a column name") << "key" << "text_control_char" << "U+0000";
        QTest::newRow("NUL deep in an array") << "nested" << "text_control_char" << "«note»";
        QTest::newRow("NUL in the row id") << "id" << "text_control_char" << "«id»";
        QTest::newRow("NUL in a changed column") << "changed" << "text_control_char" << "U+0000";
        QTest::newRow("lone surrogate") << "surrogate" << "text_invalid" << "Unicode";
        QTest::newRow("row over the cap") << "size" << "row_too_large" << "KiB";
    }
    void problems()
    {
        QFETCH(QString, where);
        QFETCH(QString, reason);
        QFETCH(QString, inMessage);
        const QString nul = with(0);
        QJsonObject data{{"id", "r1"}, {"note", "x"}};
        QString id = QStringLiteral("r1");
        if (where == "value")
            data.insert("note", nul);
        else if (where == "key")
            data.insert(nul, 1);
        else if (where == "nested")
            data.insert("note", QJsonArray{1, QJsonObject{{"k", QJsonArray{nul}}}});
        else if (where == "id")
            id = nul;
        else if (where == "surrogate")
            data.insert("note", with(0xD800));
        else if (where == "size")
            data.insert("note", QString(SyncProtocol::MaxRowBytes, QLatin1Char('x')));
        OutboxEntry e = entryWith(data, id);
        if (where == "changed") {
            e.ops[0].kind = SyncOp::Kind::Update;
            e.ops[0].changed = {nul};
        }
        const auto problem = SyncValueCheck::check(e);
        QVERIFY(problem);
        QCOMPARE(problem->reason, reason);
        QVERIFY2(problem->message.contains(inMessage), qPrintable(problem->message));
        QVERIFY(problem->message.contains(QStringLiteral("t_items")));
        // The message itself is clean text (it is stored and shown).
        QCOMPARE(SyncValueCheck::checkText(problem->message), SyncValueCheck::Text::Clean);

        // What the server stores of the refused entry is clean and small.
        const QJsonObject stored = SyncValueCheck::sanitized(e);
        const QByteArray json = QJsonDocument(stored).toJson(QJsonDocument::Compact);
        QVERIFY(SyncValueCheck::isValidUtf8(json));
        QVERIFY(!json.contains("\\u0000"));
        QVERIFY(!json.contains("\\ud800"));
        QVERIFY(json.size() < 4096);
    }

    void rowAtTheCapPasses()
    {
        QJsonObject data{{"id", "r1"}, {"note", ""}};
        const qint64 room = SyncProtocol::MaxRowBytes
                            - QJsonDocument(data).toJson(QJsonDocument::Compact).size();
        data.insert("note", QString(room, QLatin1Char('x')));
        QVERIFY(!SyncValueCheck::check(entryWith(data)));
        data.insert("note", QString(room + 1, QLatin1Char('x')));
        QCOMPARE(SyncValueCheck::check(entryWith(data))->reason, QStringLiteral("row_too_large"));
    }

    void storedRowBytes()
    {
        QVERIFY(!SyncValueCheck::checkStoredRow(R"({"a":"ñ"})", "t", "1"));
        const auto broken = SyncValueCheck::checkStoredRow("{\"a\":\"\xed\xa0\x80\"}", "t", "1");
        QVERIFY(broken);
        QCOMPARE(broken->reason, QStringLiteral("text_invalid"));
        const QByteArray huge(4 * SyncProtocol::MaxRowBytes + 1, 'x');
        QCOMPARE(SyncValueCheck::checkStoredRow(huge, "t", "1")->reason,
                 QStringLiteral("row_too_large"));
    }
};

QTEST_GUILESS_MAIN(TestSyncValueCheck)
#include "tst_syncvaluecheck.moc"
