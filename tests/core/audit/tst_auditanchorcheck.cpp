// AuditAnchorCheck: a PC's audit log against the anchors the server holds. The intruder here has
// the store key: it rewrites a row and recomputes the chain, so AuditLog::verify() passes.
#include "AuditRewriter.h"
#include "CoreFixture.h"

#include "audit/AuditAnchorCheck.h"

#include <QtTest>

#include <memory>

using tambo::core::AuditAnchorCheck;
using tambo::core::AuditEntry;
using Problem = AuditAnchorCheck::Problem;

class TestAuditAnchorCheck : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tambo::test::CoreFixture> m_fx;

    AuditAnchorCheck checker()
    {
        return AuditAnchorCheck(tambo::core::databaseProviderOf(m_fx->temp().store()));
    }

    bool appendRows(int n)
    {
        for (int i = 0; i < n; ++i) {
            if (!m_fx->audit().append(AuditEntry{QStringLiteral("admin"),
                                                 QStringLiteral("asset"),
                                                 QString::number(i),
                                                 QStringLiteral("update"),
                                                 {},
                                                 {{QStringLiteral("n"), i}}}))
                return false;
            m_fx->clock().advanceSecs(30);
        }
        return true;
    }

    AuditAnchorCheck::Anchor anchorOf(qint64 seq)
    {
        return {seq,
                m_fx->scalar(QStringLiteral("SELECT hash FROM audit_log WHERE seq = %1").arg(seq))
                    .toString()};
    }

private slots:
    void init()
    {
        m_fx = std::make_unique<tambo::test::CoreFixture>();
        QVERIFY2(m_fx->setupError().isEmpty(), qPrintable(m_fx->setupError()));
        QVERIFY(appendRows(10));
    }
    void cleanup() { m_fx.reset(); }

    void matchingAnchorsPass()
    {
        const auto report = checker().check({anchorOf(8), anchorOf(3), anchorOf(10)});
        QVERIFY2(report.ok(), qPrintable(report.message));
        QCOMPARE(report.anchorsChecked, 3);
        QCOMPARE(report.anchoredUpTo, 10);
        QVERIFY(checker().check({}).ok());
    }

    void aRewriteThatPassesTheLocalCheckIsFound()
    {
        const QList<AuditAnchorCheck::Anchor> anchors{anchorOf(3), anchorOf(4), anchorOf(8)};
        QString error;
        QVERIFY2(tambo::test::AuditRewriter(m_fx->db()).rewrite(4, R"({"n":99})", &error),
                 qPrintable(error));
        QVERIFY2(m_fx->audit().verify().ok(), "the rewrite must pass the local check");

        const auto report = checker().check(anchors);
        QCOMPARE(report.problem, Problem::Rewritten);
        QCOMPARE(report.firstBadSeq, 4); // anchors 3 and 4 are next to each other: exact
        QCOMPARE(report.lastGoodSeq, 3);
        QVERIFY2(report.message.contains(QStringLiteral("4")), qPrintable(report.message));
    }

    void betweenTwoAnchorsTheRangeIsNamed()
    {
        const QList<AuditAnchorCheck::Anchor> anchors{anchorOf(2), anchorOf(7)};
        QVERIFY(tambo::test::AuditRewriter(m_fx->db()).rewrite(5, R"({"n":"x"})"));
        QVERIFY(m_fx->audit().verify().ok());
        const auto report = checker().check(anchors);
        QCOMPARE(report.problem, Problem::Rewritten);
        QCOMPARE(report.firstBadSeq, 7); // the first row proven wrong …
        QCOMPARE(report.lastGoodSeq, 2); // … after the last one that still matches
        QVERIFY2(report.message.contains(QStringLiteral("3"))
                     && report.message.contains(QStringLiteral("7")),
                 qPrintable(report.message));
    }

    void anAnchoredRowThatIsGoneIsFound()
    {
        const auto anchors = QList<AuditAnchorCheck::Anchor>{anchorOf(5), anchorOf(10)};
        // The intruder deletes rows 9 and 10 and moves the head back.
        QSqlQuery q(m_fx->db());
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER audit_log_no_delete")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM audit_log WHERE seq > 8")));
        QVERIFY(q.exec(QStringLiteral("UPDATE audit_head SET seq = 8, hash = (SELECT hash FROM "
                                      "audit_log WHERE seq = 8)")));
        QVERIFY(m_fx->audit().verify().ok());
        const auto report = checker().check(anchors);
        QCOMPARE(report.problem, Problem::Deleted);
        QCOMPARE(report.firstBadSeq, 9);
    }
};

QTEST_GUILESS_MAIN(TestAuditAnchorCheck)
#include "tst_auditanchorcheck.moc"
