#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace tambo::shell {

class SyncReviewModel;

// Opened from the sync indicator: the changes the server refused and the conflicts it
// recorded for this PC, and a "Sync now" button. Read-only for now (resolving is planned).
class SyncReviewDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SyncReviewDialog(SyncReviewModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QString summaryText() const;

signals:
    void syncNowRequested();

private:
    void refreshSummary();

    SyncReviewModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace tambo::shell
