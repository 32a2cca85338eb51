#include "CoreFixture.h"

#include "audit/AuditLog.h"
#include "auth/Permission.h"
#include "migrations/Transaction.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <memory>

using tambo::core::AuditEntry;
using tambo::core::AuditLog;
using Problem = tambo::core::AuditLog::Problem;

Q_DECLARE_METATYPE(tambo::core::AuditLog::Problem)

class TestAuditLog : public QObject
{
    Q_OBJECT

    QSqlDatabase db() { return m_fx->db(); }
    AuditLog &log() { return m_fx->audit(); }

    bool exec(const QString &sql)
    {
        QSqlQuery query(db());
        const bool ok = query.exec(sql);
        if (!ok)
            qWarning() << sql << query.lastError().text();
        return ok;
    }

    // The append-only triggers stop honest mistakes; an attacker with the key drops them first.
    bool dropTriggers()
    {
        return exec(QStringLiteral("DROP TRIGGER audit_log_no_update"))
               && exec(QStringLiteral("DROP TRIGGER audit_log_no_delete"));
    }

    bool appendRows(int n)
    {
        for (int i = 1; i <= n; ++i) {
            AuditEntry e{QStringLiteral("admin"),
                         QStringLiteral("asset"),
                         QStringLiteral("7408995000%1").arg(i, 2, 10, QLatin1Char('0')),
                         QStringLiteral("update"),
                         {{"estado", "B"}},
                         {{"estado", "R"}, {"n", i}}};
            QString error;
            if (!log().append(e, &error)) {
                qWarning() << error;
                return false;
            }
            m_fx->clock().advanceSecs(60);
        }
        return true;
    }

private slots:
    void init()
    {
        m_fx = std::make_unique<tambo::test::CoreFixture>();
        QVERIFY2(m_fx->setupError().isEmpty(), qPrintable(m_fx->setupError()));
    }

    void cleanup() { m_fx.reset(); }

    void appendWritesAChain()
    {
        const QDateTime start = m_fx->clock().now();
        QVERIFY(appendRows(3));
        QSqlQuery query(db());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT seq, at, actor, device, entity, entity_id, action, before_json, after_json,"
            " prev_hash, hash FROM audit_log ORDER BY seq")));
        QString prev = AuditLog::zeroHash();
        for (int i = 1; i <= 3; ++i) {
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), i);
            QCOMPARE(query.value(1).toString(),
                     start.addSecs(60 * (i - 1)).toString(Qt::ISODateWithMs));
            QCOMPARE(query.value(2).toString(), QStringLiteral("admin"));
            QCOMPARE(query.value(3).toString(), log().deviceId());
            QCOMPARE(query.value(4).toString(), QStringLiteral("asset"));
            QCOMPARE(query.value(6).toString(), QStringLiteral("update"));
            QCOMPARE(QJsonDocument::fromJson(query.value(7).toByteArray()).object(),
                     QJsonObject({{"estado", "B"}}));
            QCOMPARE(QJsonDocument::fromJson(query.value(8).toByteArray())
                         .object()
                         .value(QStringLiteral("n"))
                         .toInt(),
                     i);
            QCOMPARE(query.value(9).toString(), prev);
            const QString hash = query.value(10).toString();
            QCOMPARE(hash.size(), 64);
            prev = hash;
        }
        QVERIFY(!query.next());
        query.finish();
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT seq FROM audit_head")).toInt(), 3);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT hash FROM audit_head")).toString(), prev);
        QVERIFY(!log().deviceId().isEmpty());
    }

    void emptyObjectsAreStoredAsNull()
    {
        QVERIFY(log().append({QStringLiteral("admin"),
                              QStringLiteral("user"),
                              QStringLiteral("ana"),
                              QStringLiteral("create"),
                              {},
                              {{"role", "mesa_partes"}}}));
        QVERIFY(m_fx->scalar(QStringLiteral("SELECT before_json IS NULL FROM audit_log")).toBool());
        QVERIFY(log().verify().ok());
    }

    void canonicalFormIsStable()
    {
        // The server recomputes these hashes: the format must never change silently.
        AuditLog::Row row;
        row.seq = 12;
        row.at = QStringLiteral("2026-03-02T09:00:00.000Z");
        row.actor = QStringLiteral("jefe.patrimonio");
        row.device = QStringLiteral("d");
        row.entity = QStringLiteral("asset");
        row.entityId = QStringLiteral("740899500006");
        row.action = QStringLiteral("update");
        row.beforeJson = QString();
        row.afterJson = QStringLiteral("{\"sede\":\"Ex Palacio Municipal\",\"ñ\":1}");
        row.prevHash = AuditLog::zeroHash();
        const QByteArray expected
            = "tambo-audit-v1\n2:12,24:2026-03-02T09:00:00.000Z,15:jefe.patrimonio,1:d,5:asset,"
              "12:740899500006,6:update,N,38:{\"sede\":\"Ex Palacio Municipal\",\"\xc3\xb1\":1},"
              "64:"
              + QByteArray(64, '0') + ",";
        QCOMPARE(AuditLog::canonical(row), expected);
        QCOMPARE(AuditLog::hashOf(row),
                 QString::fromLatin1(
                     QCryptographicHash::hash(expected, QCryptographicHash::Sha256).toHex()));
        // An empty text and a NULL differ.
        AuditLog::Row empty = row;
        empty.beforeJson = QStringLiteral("");
        QVERIFY(AuditLog::hashOf(empty) != AuditLog::hashOf(row));
    }

    void appendFollowsTheCallersTransaction()
    {
        QVERIFY(appendRows(2));
        {
            tambo::core::Transaction tx(db());
            QVERIFY(tx.isActive());
            QVERIFY(appendRows(1));
            QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), 3);
        } // rolled back
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), 2);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT seq FROM audit_head")).toInt(), 2);
        QVERIFY(appendRows(1));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT MAX(seq) FROM audit_log")).toInt(), 3);
        QVERIFY(log().verify().ok());
    }

    void appendRefusesAnIncompleteEntry_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("action");
        QTest::addRow("no actor") << QString() << QStringLiteral("user") << QStringLiteral("x");
        QTest::addRow("no entity") << QStringLiteral("a") << QString() << QStringLiteral("x");
        QTest::addRow("no action") << QStringLiteral("a") << QStringLiteral("user") << QString();
    }

    void appendRefusesAnIncompleteEntry()
    {
        QFETCH(QString, actor);
        QFETCH(QString, entity);
        QFETCH(QString, action);
        QString error;
        QVERIFY(!log().append({actor, entity, QStringLiteral("1"), action, {}, {}}, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), 0);
    }

    void aFailedAppendLeavesNothing()
    {
        QVERIFY(appendRows(1));
        // Make the head write fail after the row was inserted.
        QVERIFY(exec(QStringLiteral("CREATE TRIGGER head_fails BEFORE UPDATE ON audit_head"
                                    " BEGIN SELECT RAISE(ABORT, 'head broken'); END")));
        QString error;
        QVERIFY(!log().append({QStringLiteral("a"),
                               QStringLiteral("e"),
                               QStringLiteral("1"),
                               QStringLiteral("x"),
                               {},
                               {}},
                              &error));
        QVERIFY2(error.contains(QStringLiteral("head broken")), qPrintable(error));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), 1);
        QVERIFY(exec(QStringLiteral("DROP TRIGGER head_fails")));
        QVERIFY(appendRows(1));
        QVERIFY(log().verify().ok());
    }

    void verifyAnIntactLog_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addRow("empty") << 0;
        QTest::addRow("one row") << 1;
        QTest::addRow("many rows") << 25;
    }

    void verifyAnIntactLog()
    {
        QFETCH(int, rows);
        QVERIFY(appendRows(rows));
        const AuditLog::VerifyReport report = log().verify();
        QVERIFY2(report.ok(), qPrintable(report.message));
        QCOMPARE(report.rowsChecked, qint64(rows));
        QCOMPARE(report.firstBadSeq, qint64(0));
        QVERIFY(report.message.contains(QStringLiteral("intact")));
    }

    void tamperingIsFoundAndNamed_data()
    {
        QTest::addColumn<QStringList>("tamper");
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<qint64>("seq");
        QTest::addColumn<QString>("message");

        QTest::addRow("edited actor")
            << QStringList{QStringLiteral("UPDATE audit_log SET actor = 'intruso' WHERE seq = 3")}
            << Problem::Edited << qint64(3) << QStringLiteral("Audit row 3 was edited.");
        QTest::addRow("edited after_json")
            << QStringList{QStringLiteral(
                   "UPDATE audit_log SET after_json = '{\"estado\":\"N\"}' WHERE seq = 2")}
            << Problem::Edited << qint64(2) << QStringLiteral("Audit row 2 was edited.");
        QTest::addRow("edited time")
            << QStringList{QStringLiteral(
                   "UPDATE audit_log SET at = '2025-12-31T23:59:00.000Z' WHERE seq = 1")}
            << Problem::Edited << qint64(1) << QStringLiteral("Audit row 1 was edited.");
        QTest::addRow("edited hash")
            << QStringList{QStringLiteral("UPDATE audit_log SET hash = '%1' WHERE seq = 4")
                               .arg(QString(64, QLatin1Char('a')))}
            << Problem::Edited << qint64(4) << QStringLiteral("Audit row 4 was edited.");
        QTest::addRow("deleted middle row")
            << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq = 3")}
            << Problem::Deleted << qint64(4)
            << QStringLiteral("Audit row(s) before 4 were deleted (rows 3 to 3 are missing).");
        QTest::addRow("deleted first rows")
            << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq <= 2")}
            << Problem::Deleted << qint64(3)
            << QStringLiteral("Audit row(s) before 3 were deleted (rows 1 to 2 are missing).");
        QTest::addRow("deleted last row")
            << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq = 5")}
            << Problem::Truncated << qint64(5)
            << QStringLiteral("Audit row(s) after 4 were deleted (rows 5 to 5 are missing).");
        QTest::addRow("deleted every row")
            << QStringList{QStringLiteral("DELETE FROM audit_log")} << Problem::Truncated
            << qint64(1) << QStringLiteral("Every audit row was deleted (the log had 5 rows).");
        QTest::addRow("deleted last row and head moved back")
            << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq = 5"),
                           QStringLiteral("UPDATE audit_head SET seq = 4")}
            << Problem::Broken << qint64(4)
            << QStringLiteral("Audit row 4 does not match the head of the log: it was replaced or "
                              "rows after it were deleted.");
        QTest::addRow("head deleted")
            << QStringList{QStringLiteral("DELETE FROM audit_head")} << Problem::Truncated
            << qint64(1)
            << QStringLiteral("The head of the audit log is missing: the log was tampered with.");
        QTest::addRow("swapped adjacent rows")
            << QStringList{QStringLiteral("UPDATE audit_log SET seq = -1 WHERE seq = 2"),
                           QStringLiteral("UPDATE audit_log SET seq = 2 WHERE seq = 3"),
                           QStringLiteral("UPDATE audit_log SET seq = 3 WHERE seq = -1")}
            << Problem::Reordered << qint64(2)
            << QStringLiteral("Audit row 2 is out of order: it belongs after row 3.");
        QTest::addRow("swapped distant rows")
            << QStringList{QStringLiteral("UPDATE audit_log SET seq = -1 WHERE seq = 2"),
                           QStringLiteral("UPDATE audit_log SET seq = 2 WHERE seq = 4"),
                           QStringLiteral("UPDATE audit_log SET seq = 4 WHERE seq = -1")}
            << Problem::Reordered << qint64(2)
            << QStringLiteral("Audit row 2 is out of order: it belongs after row 3.");
        QTest::addRow("first row moved")
            << QStringList{QStringLiteral("UPDATE audit_log SET seq = -1 WHERE seq = 1"),
                           QStringLiteral("UPDATE audit_log SET seq = 1 WHERE seq = 2"),
                           QStringLiteral("UPDATE audit_log SET seq = 2 WHERE seq = -1")}
            << Problem::Reordered << qint64(1)
            << QStringLiteral("Audit row 1 is out of order: it belongs after row 2.");
    }

    void tamperingIsFoundAndNamed()
    {
        QFETCH(QStringList, tamper);
        QFETCH(Problem, problem);
        QFETCH(qint64, seq);
        QFETCH(QString, message);

        QVERIFY(appendRows(5));
        QVERIFY(log().verify().ok());
        QVERIFY(dropTriggers());
        for (const QString &sql : tamper)
            QVERIFY(exec(sql));

        const AuditLog::VerifyReport report = log().verify();
        QVERIFY(!report.ok());
        QCOMPARE(report.message, message);
        QCOMPARE(report.problem, problem);
        QCOMPARE(report.firstBadSeq, seq);
    }

    void aRehashedRowIsFoundByTheNextOne()
    {
        QVERIFY(appendRows(5));
        QVERIFY(dropTriggers());
        // The intruder edits row 3 and recomputes its hash, but cannot fix row 4's prev_hash
        // without rewriting the rest of the chain.
        AuditLog::Row row;
        QSqlQuery query(db());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT seq, at, actor, device, entity, entity_id, action, before_json, after_json,"
            " prev_hash FROM audit_log WHERE seq = 3")));
        QVERIFY(query.next());
        row.seq = 3;
        row.at = query.value(1).toString();
        row.actor = QStringLiteral("nadie");
        row.device = query.value(3).toString();
        row.entity = query.value(4).toString();
        row.entityId = query.value(5).toString();
        row.action = query.value(6).toString();
        row.beforeJson = query.value(7).toString();
        row.afterJson = query.value(8).toString();
        row.prevHash = query.value(9).toString();
        query.finish();
        QSqlQuery update(db());
        update.prepare(QStringLiteral("UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 3"));
        update.addBindValue(row.actor);
        update.addBindValue(AuditLog::hashOf(row));
        QVERIFY(update.exec());

        const auto report = log().verify();
        QCOMPARE(report.problem, Problem::Broken);
        QCOMPARE(report.firstBadSeq, qint64(4));
        QCOMPARE(report.relatedSeq, qint64(3));
        QCOMPARE(report.message,
                 QStringLiteral("Audit row 4 does not follow row 3: row 3 was replaced or rows "
                                "between them were deleted."));
    }

    void aForgedRowAfterTheHeadIsFound()
    {
        QVERIFY(appendRows(3));
        AuditLog::Row row;
        row.seq = 4;
        row.at = QStringLiteral("2026-03-02T10:00:00.000Z");
        row.actor = QStringLiteral("admin");
        row.device = log().deviceId();
        row.entity = QStringLiteral("asset");
        row.entityId = QStringLiteral("1");
        row.action = QStringLiteral("delete");
        row.prevHash = m_fx->scalar(QStringLiteral("SELECT hash FROM audit_head")).toString();
        QSqlQuery insert(db());
        insert.prepare(QStringLiteral(
            "INSERT INTO audit_log (seq, at, actor, device, entity, entity_id, action, prev_hash,"
            " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &v : QVariantList{row.seq,
                                              row.at,
                                              row.actor,
                                              row.device,
                                              row.entity,
                                              row.entityId,
                                              row.action,
                                              row.prevHash,
                                              AuditLog::hashOf(row)})
            insert.addBindValue(v);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

        const auto report = log().verify();
        QCOMPARE(report.problem, Problem::Inserted);
        QCOMPARE(report.firstBadSeq, qint64(4));
        QCOMPARE(report.message, QStringLiteral("Audit row 4 was added outside the audit log."));
    }

    void recentRowsNeedTheAuditPermission()
    {
        QVERIFY(appendRows(4));
        tambo::core::Session committee;
        committee.userId = 5;
        committee.username = QStringLiteral("comite");
        committee.permissions = {QString::fromLatin1(tambo::core::Permissions::AuditView)};
        QString error;
        const QList<AuditLog::Row> rows = log().recent(committee, 3, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).seq, qint64(4)); // newest first
        QCOMPARE(rows.at(2).seq, qint64(2));
        QCOMPARE(rows.at(0).entity, QStringLiteral("asset"));
        QVERIFY(rows.at(0).beforeJson.contains(QStringLiteral("estado")));

        tambo::core::Session clerk = committee;
        clerk.permissions.clear();
        QVERIFY(log().recent(clerk, 3, &error).isEmpty());
        QVERIFY(error.startsWith(QStringLiteral("Permission denied")));
    }

    void verifyWorksInsideATransaction()
    {
        QVERIFY(appendRows(2));
        tambo::core::Transaction tx(db());
        QVERIFY(appendRows(1));
        QVERIFY(log().verify().ok());
        QVERIFY(tx.commit());
        QCOMPARE(log().verify().rowsChecked, qint64(3));
    }

private:
    std::unique_ptr<tambo::test::CoreFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
