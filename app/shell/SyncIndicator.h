#pragma once

#include "sync/SyncStatus.h"

#include <QDateTime>
#include <QWidget>

class QLabel;

namespace tambo::shell {

// The sync state in the status bar: a coloured dot and a short text. core::SyncEngine drives it
// through showStatus() (app/tambo/main.cpp connects them); clicking it opens the sync review.
class SyncIndicator : public QWidget
{
    Q_OBJECT

public:
    enum class State { Offline, Pending, Syncing, Synced, Rejected, Stopped };
    Q_ENUM(State)

    explicit SyncIndicator(QWidget *parent = nullptr);

    State state() const { return m_state; }
    QString text() const; // what the label shows
    QString toolTipText() const;

public slots:
    void setOffline();
    void setPending(int count);   // changes waiting to go to the server
    void setSyncing(int percent); // 0..100, clamped
    void setSynced(const QDateTime &at);
    void setRejected(int count); // entries the server refused: the user must look at them
    void setStopped();           // this PC must not sync until OTIC acts (the tooltip says why)
    // The engine's state, with its detail (why offline, client too old…) in the tooltip.
    void showStatus(const tambo::core::SyncStatus &status);

signals:
    // The user clicked the indicator (the sync issue opens its detail view from here).
    void activated();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    State m_state = State::Offline;
    int m_count = 0;
    int m_percent = 0;
    QDateTime m_syncedAt;
    QString m_detail;
    QLabel *m_dot = nullptr;
    QLabel *m_label = nullptr;
};

} // namespace tambo::shell
