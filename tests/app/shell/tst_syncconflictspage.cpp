// The "Sync conflicts" page on a real workspace (encrypted store, demo users, audit log): a
// synced test table with the generated outbox triggers, conflicts and rejections recorded the
// way a push answer records them, and every action driven from the keyboard.
#include "LanguageLoader.h"
#include "ShellTestEnv.h"
#include "SyncConflictsPage.h"

#include "auth/AuthService.h"
#include "migrations/CoreSchema.h"
#include "module/ModuleManager.h"
#include "store/Store.h"
#include "sync/LocalSyncStore.h"
#include "sync/OutboxTriggers.h"
#include "sync/SyncConflictResolver.h"
#include "sync/SyncProtocol.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QtTest>

using namespace tambo;
using tambo::shell::SyncConflictsPage;
using tambo::shell::SyncConflictTableModel;
using tambo::test::ShellTestEnv;

class TestSyncConflictsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listsConflictsAndRejections();
    void resolvesFromTheKeyboard();
    void declinedConfirmationChangesNothing();
    void filtersAndSorts();
    void refusedWithoutPermission();

private:
    QList<core::SyncedTable> tables() const;
    bool exec(const QString &sql);
    QVariant scalar(const QString &sql);
    bool ack(const QString &rowId,
             core::PushAck::Status status,
             qint64 version,
             const QList<core::SyncConflict> &conflicts = {});
    core::Session login(const QString &username);
    std::unique_ptr<SyncConflictsPage> makePage(const core::Session &session);

    shell::LanguageLoader m_language;
    std::unique_ptr<ShellTestEnv> m_env;
    std::unique_ptr<core::LocalSyncStore> m_store;
    std::unique_ptr<core::SyncConflictResolver> m_resolver;
    QStringList m_confirmations;
    bool m_answer = true;
};

QList<core::SyncedTable> TestSyncConflictsPage::tables() const
{
    return m_env->workspace().modules().allSyncedTables()
           + QList<core::SyncedTable>{{QStringLiteral("t_items"),
                                       core::SyncedTable::Kind::Mutable,
                                       {QStringLiteral("sede_id")},
                                       {QStringLiteral("estado"), QStringLiteral("name")},
                                       {},
                                       {}}};
}

bool TestSyncConflictsPage::exec(const QString &sql)
{
    QSqlQuery q(m_env->workspace().store().database());
    if (!q.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

QVariant TestSyncConflictsPage::scalar(const QString &sql)
{
    QSqlQuery q(m_env->workspace().store().database());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

bool TestSyncConflictsPage::ack(const QString &rowId,
                                core::PushAck::Status status,
                                qint64 version,
                                const QList<core::SyncConflict> &conflicts)
{
    core::PushAck a;
    a.seq = scalar(QStringLiteral("SELECT max(seq) FROM sync_outbox")).toLongLong();
    a.status = status;
    if (status == core::PushAck::Status::Rejected) {
        a.reason = QStringLiteral("out_of_scope");
        a.message = QStringLiteral("No puede registrar datos de la sede «norte».");
    }
    a.rowVersions.insert(core::SyncProtocol::rowKey(QStringLiteral("t_items"), rowId), version);
    a.conflicts = conflicts;
    QString error;
    if (!m_store->recordAcks({{a}, 0}, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

core::Session TestSyncConflictsPage::login(const QString &username)
{
    return m_env->workspace().auth().login(username, ShellTestEnv::password()).session;
}

std::unique_ptr<SyncConflictsPage> TestSyncConflictsPage::makePage(const core::Session &session)
{
    auto page = std::make_unique<SyncConflictsPage>(*m_store, *m_resolver, session);
    page->setConfirm([this](const QString &title, const QString &text) {
        m_confirmations << title + QStringLiteral(": ") + text;
        return m_answer;
    });
    page->resize(1000, 640);
    return page;
}

void TestSyncConflictsPage::initTestCase()
{
    QVERIFY(m_language.load(QStringLiteral("es_PE")));
}

void TestSyncConflictsPage::init()
{
    m_env = std::make_unique<ShellTestEnv>();
    QVERIFY2(m_env->open(), qPrintable(m_env->error()));
    QVERIFY(exec(QStringLiteral("CREATE TABLE t_items (id TEXT PRIMARY KEY NOT NULL, sede_id "
                                "TEXT, name TEXT NOT NULL, estado TEXT NOT NULL) STRICT")));
    QSqlDatabase db = m_env->workspace().store().database();
    QString error;
    QVERIFY2(core::OutboxTriggers::install(db, tables(), &error), qPrintable(error));
    m_store = std::make_unique<core::LocalSyncStore>(db, tables(), m_env->clock());
    m_resolver = std::make_unique<core::SyncConflictResolver>(*m_store,
                                                              m_env->workspace().audit(),
                                                              m_env->clock(),
                                                              core::CoreSchema::deviceId(db));
    m_confirmations.clear();
    m_answer = true;

    // i1: two legal fields changed here and on another PC (two conflicts, one row).
    QVERIFY(exec("INSERT INTO t_items VALUES ('i1', 'central', 'Proyector', 'B')"));
    QVERIFY(ack("i1", core::PushAck::Status::Applied, 5));
    QVERIFY(exec("UPDATE t_items SET estado = 'M', name = 'Proyector Epson' WHERE id = 'i1'"));
    QVERIFY(ack("i1",
                core::PushAck::Status::Conflict,
                7,
                {{core::SyncConflict::Kind::Field,
                  "t_items",
                  "i1",
                  "estado",
                  QJsonValue("R"),
                  QJsonValue("M")},
                 {core::SyncConflict::Kind::Field,
                  "t_items",
                  "i1",
                  "name",
                  QJsonValue("Proyector BenQ"),
                  QJsonValue("Proyector Epson")}}));
    // i2, i3: new records of another sede, rejected.
    QVERIFY(exec("INSERT INTO t_items VALUES ('i2', 'norte', 'Silla', 'B')"));
    QVERIFY(ack("i2", core::PushAck::Status::Rejected, 0));
    QVERIFY(exec("INSERT INTO t_items VALUES ('i3', 'norte', 'Mesa', 'N')"));
    QVERIFY(ack("i3", core::PushAck::Status::Rejected, 0));
    QCOMPARE(m_store->conflictCount(), 2);
    QCOMPARE(m_store->rejectedCount(), 2);
    QCOMPARE(m_store->pendingCount(), 0);
}

void TestSyncConflictsPage::cleanup()
{
    m_resolver.reset();
    m_store.reset();
    m_env.reset();
}

void TestSyncConflictsPage::listsConflictsAndRejections()
{
    auto page = makePage(login(ShellTestEnv::adminUser()));
    QAbstractItemModelTester tester(page->proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(page->model()->rowCount(), 4);
    QCOMPARE(page->model()->conflictCount(), 2);
    QCOMPARE(page->model()->rejectedCount(), 2);
    QVERIFY(page->messageText().isEmpty());
    auto *summary = page->findChild<QLabel *>(QStringLiteral("syncConflictsSummary"));
    QVERIFY(summary);
    QVERIFY2(summary->text().contains(QLatin1String("2")), qPrintable(summary->text()));

    // A row is current from the start and its details show both values.
    QVERIFY(page->currentItem().isValid());
    QVERIFY(page->selectItem({true, m_store->unresolvedConflicts().at(0).id}));
    const QString details = page->detailsView()->toPlainText();
    QVERIFY2(details.contains(QLatin1String("estado")), qPrintable(details));
    QVERIFY(details.contains(QLatin1String(": R")));
    QVERIFY(details.contains(QLatin1String(": M")));
    QVERIFY(page->keepMineAction()->isEnabled());
    QVERIFY(!page->discardAction()->isEnabled());
    QVERIFY(page->selectItem({false, m_store->rejectedEntries().at(0).seq}));
    QVERIFY(page->detailsView()->toPlainText().contains(QStringLiteral("«norte»")));
    QVERIFY(page->discardAction()->isEnabled());
    QVERIFY(page->retryAction()->isEnabled());
    QVERIFY(!page->keepTheirsAction()->isEnabled());
}

void TestSyncConflictsPage::resolvesFromTheKeyboard()
{
    auto page = makePage(login(ShellTestEnv::adminUser()));
    page->show();
    page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(page.get()));
    QSignalSpy resolved(page.get(), &SyncConflictsPage::resolved);
    QTableView *view = page->view();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    const qint64 audits = scalar("SELECT count(*) FROM audit_log").toLongLong();

    // Field by field: keep mine for estado (Ctrl+M), keep theirs for name (Ctrl+T).
    const auto conflicts = m_store->unresolvedConflicts();
    const qint64 estadoId = conflicts.at(0).field == QLatin1String("estado") ? conflicts.at(0).id
                                                                             : conflicts.at(1).id;
    const qint64 nameId = conflicts.at(0).id == estadoId ? conflicts.at(1).id : conflicts.at(0).id;
    QVERIFY(page->selectItem({true, estadoId}));
    QTest::keyClick(view, Qt::Key_M, Qt::ControlModifier);
    QCOMPARE(m_confirmations.size(), 1);
    QVERIFY2(m_confirmations.at(0).contains(QStringLiteral("«M»")),
             qPrintable(m_confirmations.at(0)));
    QVERIFY2(!page->messageIsError(), qPrintable(page->messageText()));
    QVERIFY(!page->messageText().isEmpty());
    QCOMPARE(page->model()->conflictCount(), 1);
    QCOMPARE(scalar("SELECT estado FROM t_items WHERE id = 'i1'").toString(), QStringLiteral("M"));
    QCOMPARE(scalar("SELECT count(*) FROM sync_outbox WHERE status = 'pending' AND table_name = "
                    "'t_items' AND changed = '[\"estado\"]'")
                 .toInt(),
             1);

    QVERIFY(page->selectItem({true, nameId}));
    QTest::keyClick(view, Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(m_confirmations.size(), 2);
    QVERIFY2(!page->messageIsError(), qPrintable(page->messageText()));
    QCOMPARE(page->model()->conflictCount(), 0);
    QCOMPARE(scalar("SELECT count(*) FROM sync_outbox WHERE status = 'pending' AND table_name = "
                    "'t_items'")
                 .toInt(),
             1); // keep theirs sent nothing for the row

    // Rejected changes: Delete discards (confirmed), Ctrl+R retries (no question).
    QCOMPARE(page->model()->rowCount(), 2);
    view->setCurrentIndex(page->proxy()->index(0, 0));
    const qint64 first = page->currentItem().id;
    QVERIFY(!page->currentItem().conflict);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(m_confirmations.size(), 3);
    QVERIFY(!page->messageIsError());
    QCOMPARE(m_store->rejectedEntry(first)->resolution, QStringLiteral("discard"));
    QCOMPARE(page->model()->rowCount(), 1);
    QVERIFY(page->currentItem().isValid()); // the next row is current
    const qint64 second = page->currentItem().id;
    QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(m_confirmations.size(), 3);
    QVERIFY2(!page->messageIsError(), qPrintable(page->messageText()));
    QCOMPARE(m_store->rejectedEntry(second)->resolution, QStringLiteral("retry"));
    QCOMPARE(page->model()->rowCount(), 0);
    QVERIFY(!page->keepMineAction()->isEnabled());
    QVERIFY(!page->discardAction()->isEnabled());

    QCOMPARE(resolved.count(), 4);
    QCOMPARE(scalar("SELECT count(*) FROM audit_log").toLongLong(), audits + 4);
    QCOMPARE(scalar("SELECT count(*) FROM sync_resolutions").toInt(), 4);
    // Pending: estado (mine), the retried insert and the four resolutions.
    QCOMPARE(m_store->pendingCount(), 6);
}

void TestSyncConflictsPage::declinedConfirmationChangesNothing()
{
    auto page = makePage(login(ShellTestEnv::adminUser()));
    page->show();
    page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(page.get()));
    m_answer = false;
    page->view()->setFocus();
    QVERIFY(page->selectItem({true, m_store->unresolvedConflicts().at(0).id}));
    QTest::keyClick(page->view(), Qt::Key_M, Qt::ControlModifier);
    QTest::keyClick(page->view(), Qt::Key_T, Qt::ControlModifier);
    QVERIFY(page->selectItem({false, m_store->rejectedEntries().at(0).seq}));
    QTest::keyClick(page->view(), Qt::Key_Delete);
    QCOMPARE(m_confirmations.size(), 3);
    QCOMPARE(m_store->conflictCount(), 2);
    QCOMPARE(m_store->rejectedCount(), 2);
    QCOMPARE(m_store->pendingCount(), 0);
    QCOMPARE(page->model()->rowCount(), 4);

    // Enter on a row moves to its details, Escape back to the list; Tab order filter → list →
    // details.
    QTest::keyClick(page->view(), Qt::Key_Return);
    QTRY_VERIFY(page->detailsView()->hasFocus());
    QTest::keyClick(page->detailsView(), Qt::Key_Escape);
    QTRY_VERIFY(page->view()->hasFocus());
    QTest::keyClick(page->view(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(page->filter()->hasFocus());
    QTest::keyClick(page->filter(), Qt::Key_Tab);
    QTRY_VERIFY(page->view()->hasFocus());
    QTest::keyClick(page->view(), Qt::Key_Tab);
    QTRY_VERIFY(page->detailsView()->hasFocus());
    QTest::keyClick(page->view(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(page->filter()->hasFocus());
    // Delete inside the filter edits the filter, it discards nothing.
    QTest::keyClicks(page->filter(), QStringLiteral("ab"));
    QTest::keyClick(page->filter(), Qt::Key_Left);
    QTest::keyClick(page->filter(), Qt::Key_Delete);
    QCOMPARE(page->filter()->text(), QStringLiteral("a"));
    QCOMPARE(m_confirmations.size(), 3);
}

void TestSyncConflictsPage::filtersAndSorts()
{
    auto page = makePage(login(ShellTestEnv::adminUser()));
    page->show();
    page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(page.get()));
    QTest::keyClick(page.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(page->filter()->hasFocus());
    QTest::keyClicks(page->filter(), QStringLiteral("EPSON"));
    QCOMPARE(page->proxy()->rowCount(), 1);
    page->filter()->clear();
    QTest::keyClicks(page->filter(), QStringLiteral("norte"));
    QCOMPARE(page->proxy()->rowCount(), 2);
    page->filter()->clear();
    QCOMPARE(page->proxy()->rowCount(), 4);

    page->view()->sortByColumn(SyncConflictTableModel::Record, Qt::DescendingOrder);
    QCOMPARE(page->proxy()->index(0, SyncConflictTableModel::Record).data().toString(),
             QStringLiteral("i3"));
    page->view()->sortByColumn(SyncConflictTableModel::Record, Qt::AscendingOrder);
    QCOMPARE(page->proxy()->index(0, SyncConflictTableModel::Record).data().toString(),
             QStringLiteral("i1"));
}

void TestSyncConflictsPage::refusedWithoutPermission()
{
    const core::Session clerk = login(QStringLiteral("mesa"));
    QVERIFY(clerk.isValid());
    auto page = makePage(clerk);
    QVERIFY(page->messageIsError());
    QVERIFY2(page->messageText().contains(QLatin1String("OTIC")), qPrintable(page->messageText()));
    QVERIFY(page->currentItem().isValid());
    QVERIFY(!page->keepMineAction()->isEnabled());
    QVERIFY(!page->keepTheirsAction()->isEnabled());
    // Even when called directly, core refuses (the resolver checks the permission itself).
    QVERIFY(page->selectItem({true, m_store->unresolvedConflicts().at(0).id}));
    QVERIFY(!page->keepMine());
    QVERIFY(page->messageIsError());
    QVERIFY2(page->messageText().contains(QLatin1String("OTIC")), qPrintable(page->messageText()));
    QCOMPARE(m_store->conflictCount(), 2);
    QCOMPARE(m_store->pendingCount(), 0);
}

QTEST_MAIN(TestSyncConflictsPage)
#include "tst_syncconflictspage.moc"
