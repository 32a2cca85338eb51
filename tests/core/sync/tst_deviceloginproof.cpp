// DeviceLoginProof: the device's Ed25519 signature on a bound login and on the refresh of a bound
// session (docs/sync-protocol.md §4).
#include "sync/BundleKeyPair.h"
#include "sync/DeviceLoginProof.h"

#include <QTest>

using tambo::core::BundleKeyPair;
using tambo::core::DeviceLoginProof;

class TestDeviceLoginProof : public QObject
{
    Q_OBJECT

private:
    BundleKeyPair m_key;
    QUuid m_device = QUuid::fromString(QStringLiteral("0190f5a8-7b2c-7def-8a00-1234567890ab"));
    QDateTime m_at = QDateTime(QDate(2026, 12, 2), QTime(9, 30, 15, 250), Qt::UTC);

private slots:
    void initTestCase()
    {
        m_key = BundleKeyPair::generate();
        QVERIFY(m_key.isValid());
    }

    void messageIsTheDocumentedBytes()
    {
        QCOMPARE(DeviceLoginProof::message(m_device,
                                           QStringLiteral("Ana"),
                                           QStringLiteral("2026-12-02T09:30:15.250Z")),
                 QByteArray("tambo-device-login-v1\n0190f5a8-7b2c-7def-8a00-1234567890ab\nAna\n"
                            "2026-12-02T09:30:15.250Z"));
    }

    void signedProofVerifiesWithThePublicKey()
    {
        const DeviceLoginProof p = DeviceLoginProof::sign(m_key.secretKey,
                                                          m_device,
                                                          QStringLiteral("ana"),
                                                          m_at);
        QCOMPARE(p.time, QStringLiteral("2026-12-02T09:30:15.250Z"));
        QCOMPARE(p.signature.size(), 64);
        QCOMPARE(p.signedAt(), m_at);
        QVERIFY(p.verify(m_key.publicKey, m_device, QStringLiteral("ana")));
    }

    void anyOtherPartFailsTheCheck()
    {
        const DeviceLoginProof p = DeviceLoginProof::sign(m_key.secretKey,
                                                          m_device,
                                                          QStringLiteral("ana"),
                                                          m_at);
        QVERIFY(!p.verify(BundleKeyPair::generate().publicKey, m_device, QStringLiteral("ana")));
        QVERIFY(!p.verify(m_key.publicKey, QUuid::createUuid(), QStringLiteral("ana")));
        QVERIFY(!p.verify(m_key.publicKey, m_device, QStringLiteral("beto")));
        DeviceLoginProof later = p;
        later.time = QStringLiteral("2026-12-02T09:35:15.250Z"); // the time is signed too
        QVERIFY(!later.verify(m_key.publicKey, m_device, QStringLiteral("ana")));
        QVERIFY(!p.verify(QByteArray(31, 'x'), m_device, QStringLiteral("ana")));
    }

    void badSecretKeyGivesNoSignature()
    {
        const DeviceLoginProof p = DeviceLoginProof::sign(QByteArray(10, 'x'),
                                                          m_device,
                                                          QStringLiteral("ana"),
                                                          m_at);
        QVERIFY(p.signature.isEmpty());
        QVERIFY(!p.verify(m_key.publicKey, m_device, QStringLiteral("ana")));
    }

    void travelsInTheLoginBody()
    {
        const DeviceLoginProof p = DeviceLoginProof::sign(m_key.secretKey,
                                                          m_device,
                                                          QStringLiteral("ana"),
                                                          m_at);
        QJsonObject body{{QStringLiteral("username"), QStringLiteral("ana")}};
        p.addTo(&body);
        QCOMPARE(body.value(QStringLiteral("device_proof_time")).toString(), p.time);
        const auto back = DeviceLoginProof::fromJson(body);
        QVERIFY(back);
        QCOMPARE(back->signature, p.signature);
        QCOMPARE(back->time, p.time);
        QVERIFY(back->verify(m_key.publicKey, m_device, QStringLiteral("ana")));
    }

    void refreshMessageIsTheDocumentedBytes()
    {
        // SHA-256("abc"): the token itself is never part of what is signed.
        QCOMPARE(DeviceLoginProof::tokenHash(QStringLiteral("abc")),
                 QStringLiteral(
                     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(DeviceLoginProof::refreshMessage(m_device,
                                                  DeviceLoginProof::tokenHash(
                                                      QStringLiteral("abc")),
                                                  QStringLiteral("2026-12-02T09:30:15.250Z")),
                 QByteArray("tambo-device-refresh-v1\n0190f5a8-7b2c-7def-8a00-1234567890ab\n"
                            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"
                            "2026-12-02T09:30:15.250Z"));
    }

    void refreshProofBindsTheTokenAndTheDevice()
    {
        const QString token = QStringLiteral("tambo_rt_example");
        const QString hash = DeviceLoginProof::tokenHash(token);
        const DeviceLoginProof p = DeviceLoginProof::signRefresh(m_key.secretKey,
                                                                 m_device,
                                                                 token,
                                                                 m_at);
        QCOMPARE(p.signature.size(), 64);
        QCOMPARE(p.signedAt(), m_at);
        QVERIFY(p.verifyRefresh(m_key.publicKey, m_device, hash));
        QVERIFY(p.verifyRefresh(m_key.publicKey, m_device, hash.toUpper()));
        QVERIFY(!p.verifyRefresh(BundleKeyPair::generate().publicKey, m_device, hash));
        QVERIFY(!p.verifyRefresh(m_key.publicKey, QUuid::createUuid(), hash));
        QVERIFY(!p.verifyRefresh(m_key.publicKey,
                                 m_device,
                                 DeviceLoginProof::tokenHash(QStringLiteral("tambo_rt_other"))));
        // A login proof and a refresh proof never stand for each other.
        QVERIFY(!p.verify(m_key.publicKey, m_device, hash));
        const DeviceLoginProof login = DeviceLoginProof::sign(m_key.secretKey, m_device, hash, m_at);
        QVERIFY(!login.verifyRefresh(m_key.publicKey, m_device, hash));
    }

    void malformedBodiesAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("body");
        const QString sig = QString::fromLatin1(QByteArray(64, 'a').toBase64());
        const QString time = QStringLiteral("2026-12-02T09:30:15.250Z");
        QTest::newRow("nothing") << QJsonObject();
        QTest::newRow("no time") << QJsonObject{{QStringLiteral("device_proof"), sig}};
        QTest::newRow("no proof") << QJsonObject{{QStringLiteral("device_proof_time"), time}};
        QTest::newRow("short signature")
            << QJsonObject{{QStringLiteral("device_proof"), QStringLiteral("AAAA")},
                           {QStringLiteral("device_proof_time"), time}};
        QTest::newRow("not base64")
            << QJsonObject{{QStringLiteral("device_proof"), QStringLiteral("%%%%")},
                           {QStringLiteral("device_proof_time"), time}};
        QTest::newRow("time not a date")
            << QJsonObject{{QStringLiteral("device_proof"), sig},
                           {QStringLiteral("device_proof_time"), QStringLiteral("ayer")}};
        QTest::newRow("proof a number") << QJsonObject{{QStringLiteral("device_proof"), 12},
                                                       {QStringLiteral("device_proof_time"), time}};
    }

    void malformedBodiesAreRefused()
    {
        QFETCH(QJsonObject, body);
        QVERIFY(!DeviceLoginProof::fromJson(body));
    }
};

QTEST_GUILESS_MAIN(TestDeviceLoginProof)
#include "tst_deviceloginproof.moc"
