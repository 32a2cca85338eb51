#include "sync/BundleFile.h"
#include "sync/BundleKeyPair.h"

#include <QtTest>

using tambo::core::BundleFile;
using tambo::core::BundleKeyPair;

class TestBundleFile : public QObject
{
    Q_OBJECT

private:
    BundleKeyPair m_device = BundleKeyPair::generate();
    BundleKeyPair m_server = BundleKeyPair::generate();
    QUuid m_deviceId = QUuid::createUuid();
    QUuid m_serverId = QUuid::createUuid();
    QByteArray m_payload = QByteArrayLiteral("{\"kind\":\"pc_bundle\",\"x\":\"ñandú\"}");

    BundleFile::Header header() const
    {
        BundleFile::Header h;
        h.direction = BundleFile::Direction::PcToServer;
        h.bundleId = QUuid::createUuid();
        h.senderId = m_deviceId;
        h.recipientId = m_serverId;
        h.createdAt = QDateTime(QDate(2026, 12, 1), QTime(8, 0, 0, 123), Qt::UTC);
        return h;
    }
    QByteArray sealed() const
    {
        return BundleFile::seal(header(), m_payload, m_device, m_server.publicKey);
    }
    BundleFile::Opened openAsServer(const QByteArray &file) const
    {
        return BundleFile::open(file,
                                BundleFile::Direction::PcToServer,
                                m_serverId,
                                m_server,
                                m_device.publicKey);
    }

private slots:
    void keyPairs()
    {
        QVERIFY(m_device.isValid());
        QCOMPARE(m_device.publicKey.size(), 32);
        const BundleKeyPair again = BundleKeyPair::fromSecretKey(m_device.secretKey);
        QVERIFY(again.isValid());
        QCOMPARE(again.publicKey, m_device.publicKey);
        QVERIFY(!BundleKeyPair::fromSecretKey(QByteArray(10, 'x')).isValid());
        QCOMPARE(BundleKeyPair::curvePublicKey(m_device.publicKey).size(), 32);
        QVERIFY(BundleKeyPair::curvePublicKey(QByteArray(31, 'x')).isEmpty());
        QVERIFY(BundleKeyPair::generate().publicKey != m_device.publicKey);
    }

    void roundTrip()
    {
        const BundleFile::Header h = header();
        const QByteArray file = BundleFile::seal(h, m_payload, m_device, m_server.publicKey);
        QVERIFY(file.startsWith("TAMBOBDL"));
        QVERIFY(!file.contains(m_payload)); // encrypted
        QVERIFY(!file.contains("pc_bundle"));
        const BundleFile::Opened opened = openAsServer(file);
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.payload, m_payload);
        QCOMPARE(opened.header.bundleId, h.bundleId);
        QCOMPARE(opened.header.senderId, m_deviceId);
        QCOMPARE(opened.header.recipientId, m_serverId);
        QCOMPARE(opened.header.createdAt, h.createdAt);
        QCOMPARE(opened.header.senderPublicKey, m_device.publicKey);
        QCOMPARE(int(opened.header.sealedLength), int(file.size() - BundleFile::HeaderSize));
    }

    void truncated_data()
    {
        QTest::addColumn<int>("keep");
        const int size = int(sealed().size());
        QTest::newRow("inside magic") << 4;
        QTest::newRow("inside header") << 60;
        QTest::newRow("header only") << BundleFile::HeaderSize;
        QTest::newRow("one byte of body") << BundleFile::HeaderSize + 1;
        QTest::newRow("half") << size / 2;
        QTest::newRow("last byte missing") << size - 1;
    }
    void truncated()
    {
        QFETCH(int, keep);
        const QByteArray file = sealed().left(keep);
        const BundleFile::Opened opened = openAsServer(file);
        QCOMPARE(opened.status, BundleFile::Status::Truncated);
        QVERIFY(opened.payload.isEmpty());
        QVERIFY(!opened.message.isEmpty());
    }

    void appendedBytesAreRefused()
    {
        QCOMPARE(openAsServer(sealed() + "x").status, BundleFile::Status::Truncated);
    }

    void tampered_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("expected");
        QTest::newRow("bundle id") << 20 << int(BundleFile::Status::BadSignature);
        QTest::newRow("sender id") << 30 << int(BundleFile::Status::BadSignature);
        QTest::newRow("created at") << 99 << int(BundleFile::Status::BadSignature);
        QTest::newRow("sender key") << 70 << int(BundleFile::Status::UnknownSender);
        QTest::newRow("recipient id") << 50 << int(BundleFile::Status::WrongRecipient);
        QTest::newRow("direction") << 10 << int(BundleFile::Status::NotABundle);
        QTest::newRow("version") << 9 << int(BundleFile::Status::UnsupportedVersion);
        QTest::newRow("length") << 107 << int(BundleFile::Status::Truncated);
        QTest::newRow("ephemeral key")
            << BundleFile::HeaderSize + 3 << int(BundleFile::Status::CannotDecrypt);
        QTest::newRow("ciphertext")
            << BundleFile::HeaderSize + 80 << int(BundleFile::Status::CannotDecrypt);
        QTest::newRow("last byte") << -1 << int(BundleFile::Status::CannotDecrypt);
    }
    void tampered()
    {
        QFETCH(int, offset);
        QFETCH(int, expected);
        QByteArray file = sealed();
        const int at = offset < 0 ? int(file.size()) + offset : offset;
        file[at] = char(file.at(at) ^ 0x01);
        const BundleFile::Opened opened = openAsServer(file);
        QCOMPARE(int(opened.status), expected);
        QVERIFY(opened.payload.isEmpty());
    }

    void forgedBySomeoneElse()
    {
        // A valid bundle signed by another key, claiming the device's id and key slot.
        const BundleKeyPair mallory = BundleKeyPair::generate();
        const QByteArray file = BundleFile::seal(header(), m_payload, mallory, m_server.publicKey);
        QCOMPARE(openAsServer(file).status, BundleFile::Status::UnknownSender);
        // Even with the device's public key written into the header, the signature fails.
        QByteArray patched = file;
        patched.replace(60, 32, m_device.publicKey);
        QCOMPARE(openAsServer(patched).status, BundleFile::Status::BadSignature);
    }

    void wrongRecipientKey()
    {
        const BundleKeyPair other = BundleKeyPair::generate();
        const QByteArray file = BundleFile::seal(header(), m_payload, m_device, other.publicKey);
        QCOMPARE(openAsServer(file).status, BundleFile::Status::CannotDecrypt);
    }

    void wrongDirectionAndRecipient()
    {
        const QByteArray file = sealed();
        QCOMPARE(BundleFile::open(file,
                                  BundleFile::Direction::ServerToPc,
                                  m_serverId,
                                  m_server,
                                  m_device.publicKey)
                     .status,
                 BundleFile::Status::WrongDirection);
        const BundleFile::Opened other = BundleFile::open(file,
                                                          BundleFile::Direction::PcToServer,
                                                          QUuid::createUuid(),
                                                          m_server,
                                                          m_device.publicKey);
        QCOMPARE(other.status, BundleFile::Status::WrongRecipient);
        QVERIFY(other.message.contains(m_serverId.toString(QUuid::WithoutBraces)));
    }

    void notABundle()
    {
        QCOMPARE(BundleFile::readHeader({}).status, BundleFile::Status::NotABundle);
        QCOMPARE(BundleFile::readHeader(QByteArray(500, 'a')).status,
                 BundleFile::Status::NotABundle);
        QCOMPARE(BundleFile::readHeader(QByteArrayLiteral("SQLite format 3")).status,
                 BundleFile::Status::NotABundle);
    }

    void sealRefusesBadKeys()
    {
        QVERIFY(
            BundleFile::seal(header(), m_payload, BundleKeyPair{}, m_server.publicKey).isEmpty());
        QVERIFY(
            BundleFile::seal(header(), m_payload, m_device, QByteArray(32, '\0')).isEmpty()
            || openAsServer(BundleFile::seal(header(), m_payload, m_device, QByteArray(32, '\0')))
                       .status
                   != BundleFile::Status::Ok);
    }
};

QTEST_GUILESS_MAIN(TestBundleFile)
#include "tst_bundlefile.moc"
