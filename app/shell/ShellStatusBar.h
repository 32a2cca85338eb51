#pragma once

#include <QStatusBar>

class QLabel;

namespace tambo::shell {

class SyncIndicator;

// The main window's status bar: who is logged in, the sede, the local store and the sync state.
class ShellStatusBar : public QStatusBar
{
    Q_OBJECT

public:
    explicit ShellStatusBar(QWidget *parent = nullptr);

    void setUser(const QString &fullName, const QString &roleTitle);
    void setSede(const QString &sedeName); // empty = not configured
    // encrypted is false only for plain benchmark stores, never in production.
    void setStore(const QString &storePath, bool encrypted = true);

    QString userText() const;
    QString sedeText() const;
    QString storeText() const;
    SyncIndicator *syncIndicator() const { return m_sync; }

private:
    QLabel *m_user = nullptr;
    QLabel *m_sede = nullptr;
    QLabel *m_store = nullptr;
    SyncIndicator *m_sync = nullptr;
};

} // namespace tambo::shell
