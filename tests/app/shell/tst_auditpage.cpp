#include "AuditPage.h"
#include "AuditTableModel.h"
#include "ShellTestEnv.h"

#include "auth/AuthService.h"

#include <QPushButton>
#include <QtTest>

using namespace tambo;
using tambo::shell::AuditPage;
using tambo::test::ShellTestEnv;

class TestAuditPage : public QObject
{
    Q_OBJECT

private slots:
    void verifiesRealLog();
    void refusedWithoutPermission();
    void showsRowsAndBrokenChain();
};

void TestAuditPage::verifiesRealLog()
{
    ShellTestEnv env;
    QVERIFY2(env.open(), qPrintable(env.error()));
    const core::Session admin
        = env.workspace().auth().login(ShellTestEnv::adminUser(), ShellTestEnv::password()).session;
    AuditPage page(env.workspace().audit(), admin);
    // Newest first; the admin's own login is the newest row.
    QVERIFY(page.model()->rowCount() > 0);
    QCOMPARE(page.model()->rowAt(0).action, QStringLiteral("login.ok"));
    QVERIFY(page.model()->rowAt(0).seq > page.model()->rowAt(1).seq);
    auto *button = page.findChild<QPushButton *>(QStringLiteral("verifyChainButton"));
    QVERIFY(button);
    button->click();
    QVERIFY2(page.lastReport().ok(), qPrintable(page.reportText()));
    QVERIFY(page.lastReport().rowsChecked > 0); // the demo data is audited
    QVERIFY(!page.reportText().isEmpty());
}

void TestAuditPage::refusedWithoutPermission()
{
    ShellTestEnv env;
    QVERIFY2(env.open(), qPrintable(env.error()));
    const core::Session mesa
        = env.workspace().auth().login(QStringLiteral("mesa"), ShellTestEnv::password()).session;
    AuditPage page(env.workspace().audit(), mesa);
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(!page.reload());
}

void TestAuditPage::showsRowsAndBrokenChain()
{
    core::AuditLog::Row a;
    a.seq = 2;
    a.action = QStringLiteral("lock");
    core::AuditLog::Row b;
    b.seq = 1;
    b.action = QStringLiteral("create");
    AuditPage page(
        [&](int limit, QString *) {
            return QList<core::AuditLog::Row>{a, b}.mid(0, limit);
        },
        [] {
            core::AuditLog::VerifyReport report;
            report.problem = core::AuditLog::Problem::Edited;
            report.firstBadSeq = 1;
            report.message = QStringLiteral("La fila 1 fue modificada.");
            return report;
        });
    QCOMPARE(page.model()->rowCount(), 2);
    QVERIFY(!page.verifyChain());
    QCOMPARE(page.reportText(), QStringLiteral("La fila 1 fue modificada."));
    QVERIFY(!page.model()->index(1, 0).data(Qt::BackgroundRole).isNull());
}

QTEST_MAIN(TestAuditPage)
#include "tst_auditpage.moc"
