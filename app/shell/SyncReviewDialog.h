#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace tambo::shell {

class SyncReviewModel;

// Opened from the sync indicator: the changes the server refused and the conflicts it
// recorded for this PC, and a "Sync now" button. Read-only: for a session that may resolve them
// (core.sync.resolve) a "Resolve…" button leads to the "Sync conflicts" page.
class SyncReviewDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SyncReviewDialog(SyncReviewModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QString summaryText() const;
    // Shows the "Resolve…" button (the caller checked the session's permission).
    void setResolveAvailable(bool available);

signals:
    void syncNowRequested();
    void resolveRequested();

private:
    void refreshSummary();

    SyncReviewModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_resolve = nullptr;
};

} // namespace tambo::shell
