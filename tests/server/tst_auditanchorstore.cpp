// AuditAnchorStore: the devices' audit anchors on the server only move forward, and a
// different hash for a part of the chain already anchored is refused and kept as a tamper signal.
#include "AuditAnchorStore.h"

#include "DeviceRegistry.h"
#include "FakeClock.h"
#include "MigratedDatabase.h"
#include "PostgresLauncher.h"
#include "UserAccounts.h"

#include "sync/BundleKeyPair.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <sodium.h>

#include <memory>

using tambo::core::AuditAnchor;
using tambo::core::BundleKeyPair;
using tambo::core::PasswordHasher;
using tambo::server::AuditAnchorStore;
using tambo::server::DeviceRegistry;
using tambo::server::UserAccounts;
using tambo::test::FakeClock;
using tambo::test::MigratedDatabase;
using tambo::test::PostgresLauncher;
using Status = AuditAnchorStore::Status;

namespace {

QString hashOf(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestAuditAnchorStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresLauncher> m_pg;
    std::unique_ptr<MigratedDatabase> m_db;
    FakeClock m_clock;
    qint64 m_userId = 0;
    int m_counter = 0;
    QUuid m_device;
    BundleKeyPair m_key;

    AuditAnchorStore store() { return AuditAnchorStore(m_db->db(), m_clock); }
    AuditAnchor anchor(qint64 seq, const QString &hash)
    {
        return AuditAnchor::sign(m_key.secretKey, m_device, seq, hash);
    }
    AuditAnchorStore::Outcome append(qint64 seq, const QString &hash)
    {
        return store().append(anchor(seq, hash),
                              m_key.publicKey,
                              m_userId,
                              AuditAnchorStore::Via::Network);
    }
    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(m_db->db());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        m_pg = std::make_unique<PostgresLauncher>();
        TAMBO_REQUIRE_POSTGRES(*m_pg);
    }
    void init()
    {
        m_db = std::make_unique<MigratedDatabase>(*m_pg,
                                                  QStringLiteral("anchors_%1").arg(++m_counter));
        QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
        const UserAccounts::Result admin = UserAccounts(m_db->db(), m_clock, PasswordHasher(1, 8192))
                                               .create({QStringLiteral("ana"),
                                                        {},
                                                        QStringLiteral("admin_otic"),
                                                        {},
                                                        QStringLiteral("ana-clave-1")});
        QVERIFY2(admin.ok(), qPrintable(admin.error));
        m_userId = admin.user.id;
        m_device = QUuid::createUuid();
        m_key = BundleKeyPair::generate();
        QCOMPARE(DeviceRegistry(m_db->db(), m_clock)
                     .registerDevice(m_device, m_key.publicKey, QStringLiteral("PC"), m_userId)
                     .status,
                 DeviceRegistry::Status::Registered);
    }
    void cleanup() { m_db.reset(); }
    void cleanupTestCase() { m_pg.reset(); }

    void anchorsOnlyMoveForward()
    {
        const auto first = append(5, hashOf("5"));
        QCOMPARE(first.status, Status::Recorded);
        QCOMPARE(first.anchor.seq, 5);
        QCOMPARE(first.anchor.receivedAt, m_clock.now().toUTC());
        m_clock.advanceSecs(60);
        const auto again = append(5, hashOf("5")); // a lost answer, sent again
        QCOMPARE(again.status, Status::AlreadyRecorded);
        QCOMPARE(again.anchor.receivedAt, first.anchor.receivedAt);
        QCOMPARE(append(9, hashOf("9")).status, Status::Recorded);
        QCOMPARE(append(5, hashOf("5")).status, Status::AlreadyRecorded); // an older one, same

        // The same seq with another hash, or a lower seq never anchored: refused, kept.
        const auto rewritten = append(5, hashOf("5 rewritten"));
        QCOMPARE(rewritten.status, Status::Conflict);
        QCOMPARE(rewritten.lastSeq, 9);
        QCOMPARE(rewritten.recordedHash, hashOf("5"));
        const auto lower = append(7, hashOf("7"));
        QCOMPARE(lower.status, Status::Conflict);
        QCOMPARE(lower.lastSeq, 9);
        QVERIFY(lower.recordedHash.isEmpty());
        QCOMPARE(scalar("SELECT count(*) FROM audit_anchors"), 2);
        QCOMPARE(scalar("SELECT count(*) FROM audit_anchor_refusals"), 2);
        QCOMPARE(scalar("SELECT max(last_seq) FROM audit_anchor_refusals"), 9);

        QCOMPARE(store().last(m_device)->seq, 9);
        QCOMPARE(store().last(m_device)->hash, hashOf("9"));
        QVERIFY(!store().last(QUuid::createUuid()));
    }

    void aBadSignatureWritesNothing()
    {
        const AuditAnchor forged = AuditAnchor::sign(BundleKeyPair::generate().secretKey,
                                                     m_device,
                                                     3,
                                                     hashOf("3"));
        QCOMPARE(store()
                     .append(forged, m_key.publicKey, m_userId, AuditAnchorStore::Via::Network)
                     .status,
                 Status::BadSignature);
        AuditAnchor otherDevice = anchor(3, hashOf("3"));
        otherDevice.deviceId = QUuid::createUuid();
        QCOMPARE(store()
                     .append(otherDevice, m_key.publicKey, m_userId, AuditAnchorStore::Via::Network)
                     .status,
                 Status::BadSignature);
        QCOMPARE(scalar("SELECT count(*) FROM audit_anchors"), 0);
        QCOMPARE(scalar("SELECT count(*) FROM audit_anchor_refusals"), 0);
    }

    void listPagesInSeqOrder()
    {
        for (int seq : {2, 4, 6, 8, 10})
            QCOMPARE(append(seq, hashOf(QString::number(seq))).status, Status::Recorded);
        bool more = false;
        const auto first = store().list(m_device, 0, 2, &more);
        QCOMPARE(first.size(), 2);
        QVERIFY(more);
        QCOMPARE(first.at(0).seq, 2);
        QCOMPARE(first.at(1).seq, 4);
        QCOMPARE(first.at(1).signature.size(), 64);
        const auto rest = store().list(m_device, 4, 10, &more);
        QCOMPARE(rest.size(), 3);
        QVERIFY(!more);
        QCOMPARE(rest.last().hash, hashOf("10"));
        QVERIFY(store().list(QUuid::createUuid(), 0, 10, &more).isEmpty());
    }

    void theTableIsAppendOnly()
    {
        QCOMPARE(append(1, hashOf("1")).status, Status::Recorded);
        QSqlQuery q(m_db->db());
        QVERIFY(!q.exec(QStringLiteral("UPDATE audit_anchors SET hash = '%1'").arg(hashOf("x"))));
        QVERIFY(q.lastError().text().contains(QStringLiteral("append-only")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_anchors")));
        QCOMPARE(scalar("SELECT count(*) FROM audit_anchors"), 1);
    }
};

QTEST_GUILESS_MAIN(TestAuditAnchorStore)
#include "tst_auditanchorstore.moc"
