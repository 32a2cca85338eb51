// AuditAnchor: a device's signed (seq, hash) of its audit chain (docs/sync-protocol.md §7.7).
#include "sync/AuditAnchor.h"
#include "sync/BundleKeyPair.h"

#include <QJsonDocument>
#include <QTest>

using tambo::core::AuditAnchor;
using tambo::core::BundleKeyPair;

class TestAuditAnchor : public QObject
{
    Q_OBJECT

private:
    BundleKeyPair m_key;
    QUuid m_device = QUuid::fromString(QStringLiteral("0190f5a8-7b2c-7def-8a00-1234567890ab"));
    QString m_hash = QString(64, QLatin1Char('a'));

private slots:
    void initTestCase()
    {
        m_key = BundleKeyPair::generate();
        QVERIFY(m_key.isValid());
    }

    void messageIsTheDocumentedBytes()
    {
        QCOMPARE(AuditAnchor::message(m_device, 42, m_hash),
                 QByteArray("tambo-audit-anchor-v1\n0190f5a8-7b2c-7def-8a00-1234567890ab\n42\n")
                     + m_hash.toLatin1());
    }

    void signedAnchorVerifiesAndAnyOtherPartFails()
    {
        const AuditAnchor a = AuditAnchor::sign(m_key.secretKey, m_device, 42, m_hash);
        QCOMPARE(a.signature.size(), 64);
        QVERIFY(a.verify(m_key.publicKey));
        QVERIFY(!a.verify(BundleKeyPair::generate().publicKey));
        AuditAnchor other = a;
        other.seq = 43;
        QVERIFY(!other.verify(m_key.publicKey));
        other = a;
        other.hash = QString(64, QLatin1Char('b'));
        QVERIFY(!other.verify(m_key.publicKey));
        other = a;
        other.deviceId = QUuid::createUuid(); // another device's anchor
        QVERIFY(!other.verify(m_key.publicKey));
        QVERIFY(!a.verify(QByteArray(31, 'x')));
        // A bad secret key signs nothing.
        QVERIFY(AuditAnchor::sign(QByteArray(10, 'k'), m_device, 1, m_hash).signature.isEmpty());
    }

    void jsonRoundTrip()
    {
        const AuditAnchor a = AuditAnchor::sign(m_key.secretKey,
                                                m_device,
                                                9007199254740992LL,
                                                m_hash);
        QString error;
        const auto back = AuditAnchor::fromJson(a.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->deviceId, m_device);
        QCOMPARE(back->seq, 9007199254740992LL);
        QCOMPARE(back->hash, m_hash);
        QCOMPARE(back->signature, a.signature);
        QVERIFY(back->verify(m_key.publicKey));
    }

    void malformedAnchorsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QByteArray sig = QByteArray(64, 's').toBase64();
        const QByteArray hash(64, 'c');
        const QByteArray dev = "0190f5a8-7b2c-7def-8a00-1234567890ab";
        auto body = [&](const QByteArray &d,
                        const QByteArray &seq,
                        const QByteArray &h,
                        const QByteArray &s) {
            return "{\"device_id\":" + d + ",\"seq\":" + seq + ",\"hash\":" + h
                   + ",\"signature\":" + s + "}";
        };
        const QByteArray q = "\"";
        QTest::newRow("no device") << body("null", "1", q + hash + q, q + sig + q);
        QTest::newRow("braced device")
            << body(q + "{" + dev + "}" + q, "1", q + hash + q, q + sig + q);
        QTest::newRow("seq 0") << body(q + dev + q, "0", q + hash + q, q + sig + q);
        QTest::newRow("seq negative") << body(q + dev + q, "-4", q + hash + q, q + sig + q);
        QTest::newRow("seq fraction") << body(q + dev + q, "1.5", q + hash + q, q + sig + q);
        QTest::newRow("seq text") << body(q + dev + q, "\"1\"", q + hash + q, q + sig + q);
        QTest::newRow("seq huge") << body(q + dev + q, "1e300", q + hash + q, q + sig + q);
        QTest::newRow("hash short") << body(q + dev + q, "1", q + hash.left(63) + q, q + sig + q);
        QTest::newRow("hash upper")
            << body(q + dev + q, "1", q + QByteArray(64, 'C') + q, q + sig + q);
        QTest::newRow("hash not hex")
            << body(q + dev + q, "1", q + QByteArray(64, 'z') + q, q + sig + q);
        QTest::newRow("signature short")
            << body(q + dev + q, "1", q + hash + q, q + QByteArray(63, 's').toBase64() + q);
        QTest::newRow("signature not base64") << body(q + dev + q, "1", q + hash + q, "\"@@@@\"");
        QTest::newRow("signature number") << body(q + dev + q, "1", q + hash + q, "5");
    }

    void malformedAnchorsAreRefused()
    {
        QFETCH(QByteArray, json);
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        QVERIFY2(!o.isEmpty(), json.constData());
        QString error;
        QVERIFY(!AuditAnchor::fromJson(o, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuditAnchor)
#include "tst_auditanchor.moc"
