#pragma once

#include "SyncConflictTableModel.h"

#include "auth/Session.h"

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;

namespace tambo::core {
class LocalSyncStore;
class SyncConflictResolver;
} // namespace tambo::core

namespace tambo::shell {

// Built-in page "Sync conflicts" (core.sync.resolve, the OTIC administrator): this PC's
// unresolved sync conflicts, one row per field, and the changes the server rejected, with a
// details pane (both values, or the server's message). Each row is resolved on its own, through
// core's SyncConflictResolver (which checks the permission again, writes through the outbox,
// records the synced resolution and the audit row):
//   Keep mine    Ctrl+M   this PC's value goes to the server (confirmation)
//   Keep theirs  Ctrl+T   the server's value stays (confirmation)
//   Discard      Delete   a rejected change is acknowledged and not sent again (confirmation)
//   Retry        Ctrl+R   a rejected change is queued again
//   Refresh      F5; Ctrl+F goes to the filter; Enter on a row goes to its details.
// The outcome of each action is shown above the table. No SQL here.
class SyncConflictsPage : public QWidget
{
    Q_OBJECT

public:
    // Asked before a destructive resolution; true to go on. Tests replace the message box.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;

    SyncConflictsPage(core::LocalSyncStore &store,
                      core::SyncConflictResolver &resolver,
                      const core::Session &session,
                      QWidget *parent = nullptr);

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    SyncConflictTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filter() const { return m_filter; }
    QPlainTextEdit *detailsView() const { return m_details; }
    QAction *keepMineAction() const { return m_keepMine; }
    QAction *keepTheirsAction() const { return m_keepTheirs; }
    QAction *discardAction() const { return m_discard; }
    QAction *retryAction() const { return m_retry; }

    // The last outcome shown above the table (empty when none).
    QString messageText() const;
    bool messageIsError() const { return m_messageIsError; }

    // The row shown as current (invalid when none).
    SyncConflictTableModel::Item currentItem() const;
    bool selectItem(const SyncConflictTableModel::Item &item);

public slots:
    void reload();
    bool keepMine();
    bool keepTheirs();
    bool discard();
    bool retry();

signals:
    // Something was resolved (the status bar's counts change).
    void resolved();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Action { KeepMine, KeepTheirs, Discard, Retry };
    bool resolve(Action action);
    void updateActions();
    void showMessage(const QString &text, bool error);
    void updateSummary();

    core::LocalSyncStore &m_store;
    core::SyncConflictResolver &m_resolver;
    core::Session m_session;
    Confirm m_confirm;
    SyncConflictTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    bool m_messageIsError = false;
    QAction *m_keepMine = nullptr;
    QAction *m_keepTheirs = nullptr;
    QAction *m_discard = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_reload = nullptr;
};

} // namespace tambo::shell
