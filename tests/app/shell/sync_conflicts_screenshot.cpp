// Draws docs/screenshots/sync-conflicts.png: the main window on the "Sync conflicts" page, in
// Spanish, on a demo workspace with patrimonio (ShellTestEnv + the linked modules). The conflicts
// and the rejection are recorded the way a push answer records them (LocalSyncStore::recordAcks)
// for real local changes of demo bienes. Not a test; built on demand:
//
//   cmake --build build/ci --target sync_conflicts_screenshot
//   QT_QPA_PLATFORM=offscreen build/ci/tests/app/shell/sync_conflicts_screenshot OUT.png
#include "LanguageLoader.h"
#include "MainWindow.h"
#include "ShellTestEnv.h"
#include "SyncConflictsPage.h"

#include "auth/AuthService.h"
#include "module/ModuleManager.h"
#include "store/Store.h"
#include "sync/LocalSyncStore.h"
#include "sync/SyncProtocol.h"

#include <QApplication>
#include <QSortFilterProxyModel>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>

#include <cstdio>

using namespace tambo;

namespace {

bool exec(QSqlDatabase db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

// The server's answer to the newest outbox entry, as recorded by the sync engine.
bool answer(core::LocalSyncStore &local,
            QSqlDatabase db,
            const QString &assetId,
            core::PushAck::Status status,
            const QList<core::SyncConflict> &conflicts = {},
            const QString &message = {})
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT max(seq) FROM sync_outbox")) || !q.next())
        return false;
    core::PushAck ack;
    ack.seq = q.value(0).toLongLong();
    ack.status = status;
    if (!message.isEmpty()) {
        ack.reason = QStringLiteral("out_of_scope");
        ack.message = message;
    }
    ack.rowVersions.insert(core::SyncProtocol::rowKey(QStringLiteral("patrimonio_assets"), assetId),
                           100 + ack.seq);
    ack.conflicts = conflicts;
    QString error;
    if (!local.recordAcks({{ack}, 0}, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: sync_conflicts_screenshot OUT.png\n");
        return 2;
    }
    shell::LanguageLoader language;
    language.load(QStringLiteral("es_PE"));

    test::ShellTestEnv env;
    env.clock().set(QDateTime(QDate(2026, 12, 1), QTime(15, 40), Qt::UTC));
    if (!env.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(env.error()));
        return 1;
    }
    QSqlDatabase db = env.workspace().store().database();
    core::LocalSyncStore local(db, env.workspace().modules().allSyncedTables(), env.clock());

    QStringList ids;
    QStringList responsables;
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT id, responsable FROM patrimonio_assets WHERE sede_id = "
                              "'palacio' ORDER BY codigo LIMIT 3"));
        while (q.next()) {
            ids << q.value(0).toString();
            responsables << q.value(1).toString();
        }
    }
    if (ids.size() < 3) {
        std::fprintf(stderr, "the demo has too few bienes in palacio\n");
        return 1;
    }
    using Kind = core::SyncConflict::Kind;
    const QString assets = QStringLiteral("patrimonio_assets");
    // 1. estado and responsable of one bien, changed here and on another PC.
    if (!exec(db,
              QStringLiteral("UPDATE patrimonio_assets SET estado = 'M', responsable = "
                             "'Quispe Mamani, Rosa' WHERE id = ?"),
              {ids.at(0)})
        || !answer(local,
                   db,
                   ids.at(0),
                   core::PushAck::Status::Conflict,
                   {{Kind::Field,
                     assets,
                     ids.at(0),
                     QStringLiteral("estado"),
                     QJsonValue("R"),
                     QJsonValue("M")},
                    {Kind::Field,
                     assets,
                     ids.at(0),
                     QStringLiteral("responsable"),
                     QJsonValue("Condori Flores, Juan"),
                     QJsonValue("Quispe Mamani, Rosa")}}))
        return 1;
    // 2. valor of another bien.
    env.clock().advanceSecs(300);
    if (!exec(db,
              QStringLiteral("UPDATE patrimonio_assets SET valor = 2450 WHERE id = ?"),
              {ids.at(1)})
        || !answer(local,
                   db,
                   ids.at(1),
                   core::PushAck::Status::Conflict,
                   {{Kind::Field,
                     assets,
                     ids.at(1),
                     QStringLiteral("valor"),
                     QJsonValue(2300),
                     QJsonValue(2450)}}))
        return 1;
    // 3. A change the server refused (a bien of another sede for this user).
    env.clock().advanceSecs(60);
    if (!exec(db,
              QStringLiteral("UPDATE patrimonio_assets SET observaciones = 'Pantalla rayada' "
                             "WHERE id = ?"),
              {ids.at(2)})
        || !answer(local,
                   db,
                   ids.at(2),
                   core::PushAck::Status::Rejected,
                   {},
                   QStringLiteral("No puede modificar datos de la sede «palacio»: su usuario "
                                  "trabaja en la sede «teatro».")))
        return 1;

    const core::Session admin = env.workspace()
                                    .auth()
                                    .login(test::ShellTestEnv::adminUser(),
                                           test::ShellTestEnv::password())
                                    .session;
    shell::MainWindow::Options options;
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT id, name FROM sedes ORDER BY name"));
        while (q.next())
            options.sedes.append({q.value(0).toString(), q.value(1).toString()});
    }
    shell::MainWindow window(env.services(), admin, env.settings(), options);
    window.resize(1366, 768);
    window.show();
    window.showPage(QString::fromLatin1(shell::MainWindow::SyncConflictsPageId));
    auto *page = qobject_cast<shell::SyncConflictsPage *>(
        window.pageWidget(QString::fromLatin1(shell::MainWindow::SyncConflictsPageId)));
    if (!page || page->model()->rowCount() != 4) {
        std::fprintf(stderr, "the page does not list the 4 rows\n");
        return 1;
    }
    page->view()->setCurrentIndex(page->proxy()->index(0, 0));
    page->view()->setFocus();
    QApplication::processEvents();
    return window.grab().save(QString::fromLocal8Bit(argv[1]), "PNG") ? 0 : 1;
}
