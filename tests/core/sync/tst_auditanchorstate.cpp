// AuditAnchorState: the audit chain's head and the last anchor the server acknowledged, kept in
// the PC's store (sync_state).
#include "CoreFixture.h"
#include "TempStore.h"

#include "sync/AuditAnchorState.h"
#include "sync/SyncSchema.h"

#include <QtTest>

#include <memory>

using tambo::core::AuditAnchorState;
using tambo::core::AuditEntry;

class TestAuditAnchorState : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tambo::test::CoreFixture> m_fx;

    AuditAnchorState state() { return AuditAnchorState(m_fx->db()); }

private slots:
    void init()
    {
        m_fx = std::make_unique<tambo::test::CoreFixture>();
        QVERIFY2(m_fx->setupError().isEmpty(), qPrintable(m_fx->setupError()));
        tambo::core::MigrationRunner runner(m_fx->db(), m_fx->clock());
        runner.addModule(tambo::core::SyncSchema::moduleId(), tambo::core::SyncSchema::steps());
        const auto report = runner.migrate();
        QVERIFY2(report.ok(), qPrintable(report.error));
    }
    void cleanup() { m_fx.reset(); }

    void headFollowsTheAuditLog()
    {
        QString error;
        auto head = state().head(&error);
        QVERIFY2(head, qPrintable(error));
        QVERIFY(head->isNull()); // empty log
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_fx->audit().append(
                AuditEntry{"admin", "asset", QString::number(i), "update", {}, {{"n", i}}}));
        head = state().head(&error);
        QVERIFY2(head, qPrintable(error));
        QCOMPARE(head->seq, 3);
        QCOMPARE(head->hash, m_fx->scalar("SELECT hash FROM audit_log WHERE seq = 3").toString());
    }

    void aStoreWithoutAnAuditLogHasNoHead()
    {
        tambo::test::TempStore bare;
        QVERIFY2(bare.isValid(), qPrintable(bare.error()));
        QString error;
        const auto head = AuditAnchorState(bare.store().database()).head(&error);
        QVERIFY2(head, qPrintable(error));
        QVERIFY(head->isNull());
    }

    void acknowledgedAnchorIsKept()
    {
        QVERIFY(state().lastAcknowledged().isNull());
        AuditAnchorState::Acknowledged a;
        a.anchor = {7, QString(64, QLatin1Char('e'))};
        a.at = QDateTime(QDate(2026, 12, 3), QTime(10, 0, 0, 125), Qt::UTC);
        a.via = AuditAnchorState::Via::Bundle;
        QString error;
        QVERIFY2(state().setAcknowledged(a, &error), qPrintable(error));
        const AuditAnchorState::Acknowledged back = state().lastAcknowledged();
        QCOMPARE(back.anchor, a.anchor);
        QCOMPARE(back.at, a.at);
        QCOMPARE(back.via, AuditAnchorState::Via::Bundle);
        a.anchor = {9, QString(64, QLatin1Char('f'))};
        a.via = AuditAnchorState::Via::Network;
        QVERIFY(state().setAcknowledged(a));
        QCOMPARE(state().lastAcknowledged().anchor.seq, 9);
        QCOMPARE(state().lastAcknowledged().via, AuditAnchorState::Via::Network);
    }

    void refusedHeadIsKept()
    {
        QVERIFY(state().lastRefused().isNull());
        const AuditAnchorState::Point refused{4, QString(64, QLatin1Char('d'))};
        QVERIFY(state().setRefused(refused));
        QCOMPARE(state().lastRefused(), refused);
    }
};

QTEST_GUILESS_MAIN(TestAuditAnchorState)
#include "tst_auditanchorstate.moc"
