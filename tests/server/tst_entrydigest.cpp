// EntryDigest: what makes two entries under one seq "the same change" (docs/sync-protocol.md
// §7.1). Its storage is exercised through the real server in tst_syncendpoints.
#include "EntryDigest.h"

#include "sync/SyncMessages.h"
#include "sync/SyncProtocol.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QtTest>

#include <sodium.h>

using tambo::core::OutboxEntry;
using tambo::core::SyncOp;
using tambo::server::EntryDigest;

namespace {

OutboxEntry sample()
{
    OutboxEntry e;
    e.seq = 5;
    e.schemaVersion = 1;
    e.baseVersions.insert(QStringLiteral("t_items/a"), 3);
    e.baseVersions.insert(QStringLiteral("t_items/b"), 0);
    e.ops = {SyncOp{SyncOp::Kind::Update,
                    QStringLiteral("t_items"),
                    QStringLiteral("a"),
                    QJsonObject{{"id", "a"}, {"estado", "R"}, {"qty", 2}},
                    {QStringLiteral("estado")}}};
    return e;
}

} // namespace

class TestEntryDigest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void isSha256OfTheCanonicalContent()
    {
        const OutboxEntry e = sample();
        const QByteArray content = EntryDigest::canonicalContent(e);
        QCOMPARE(content,
                 QByteArray(R"({"base_versions":{"t_items/a":3,"t_items/b":0},"ops":[{"changed":)"
                            R"(["estado"],"data":{"estado":"R","id":"a","qty":2},"id":"a",)"
                            R"("op":"update","table":"t_items"}]})"));
        QCOMPARE(EntryDigest::of(e), QCryptographicHash::hash(content, QCryptographicHash::Sha256));
        QCOMPARE(EntryDigest::of(e).size(), 32);
    }

    void sameChangeSameDigest()
    {
        const OutboxEntry e = sample();
        // Parsed back from the wire, keys in another order, another seq or data schema version.
        OutboxEntry again = *OutboxEntry::fromJson(
            QJsonDocument::fromJson(QJsonDocument(e.toJson()).toJson()).object(), nullptr);
        again.seq = 99;
        again.schemaVersion = 2;
        QCOMPARE(EntryDigest::of(again), EntryDigest::of(e));
    }

    void otherContentOtherDigest_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("a value") << "value";
        QTest::newRow("a base version") << "base";
        QTest::newRow("the changed columns") << "changed";
        QTest::newRow("the op") << "op";
        QTest::newRow("the row") << "row";
    }
    void otherContentOtherDigest()
    {
        QFETCH(QString, change);
        OutboxEntry other = sample();
        if (change == "value")
            other.ops[0].data.insert("estado", "M");
        else if (change == "base")
            other.baseVersions.insert(QStringLiteral("t_items/a"), 4);
        else if (change == "changed")
            other.ops[0].changed = {QStringLiteral("qty")};
        else if (change == "op")
            other.ops[0].kind = SyncOp::Kind::Insert;
        else
            other.ops[0].id = QStringLiteral("c");
        QVERIFY(EntryDigest::of(other) != EntryDigest::of(sample()));
    }

    void refusedEntriesCountByTheirReason()
    {
        // The desktop's "refused" entry and the whole bad entry the server refuses itself are
        // the same change when the reason is the same.
        OutboxEntry refused;
        refused.seq = 5;
        refused.refused = OutboxEntry::Refusal{QStringLiteral("text_invalid"), QStringLiteral("x")};
        QCOMPARE(EntryDigest::of(refused), EntryDigest::of(sample(), QStringLiteral("text_invalid")));
        QVERIFY(EntryDigest::of(refused)
                != EntryDigest::of(sample(), QStringLiteral("row_too_large")));
        QVERIFY(EntryDigest::of(refused) != EntryDigest::of(sample()));
    }
};

QTEST_GUILESS_MAIN(TestEntryDigest)
#include "tst_entrydigest.moc"
