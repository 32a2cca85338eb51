#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace tambo::shell {

// "Connect to the sync server": the user's server account (user and password) for this PC's
// background sync (core::SyncEngine::enroll). The dialog only asks and shows the outcome: it
// emits connectRequested and waits for showResult, busy meanwhile. The password is cleared as
// soon as it was handed over; it is never kept.
class ServerLoginDialog : public QDialog
{
    Q_OBJECT

public:
    ServerLoginDialog(const QString &serverUrl, const QString &username, QWidget *parent = nullptr);

    QString message() const;
    bool isBusy() const;

public slots:
    void submit();
    void showResult(bool ok, const QString &message);

signals:
    void connectRequested(const QString &username, const QString &password);

private:
    void setBusy(bool busy);
    void showMessage(const QString &text, bool error);
    void fitHeight();

    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_close = nullptr;
    bool m_hasServer = false;
};

} // namespace tambo::shell
