#pragma once

#include <QDialog>
#include <QString>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tambo::core {
class BundleService;
struct Session;
}

namespace tambo::shell {
struct ShellServices;
}

namespace tambo::shell {

// "Paquetes USB": sync bundles for sedes without a link (docs/sync-protocol.md §9). Export the
// pending changes to a folder (the USB drive) and import the server's reply, with a progress
// dialog and the service's messages. All work is done by core::BundleService.
//
// An export is signed with the user's server password (ADR 0015), typed in the dialog's password
// field (focused on opening; Enter exports). When this PC has no key data for the user yet, the
// dialog says how to get them (connect to the server once, or OTIC) and only import is offered.
class BundleDialog : public QDialog
{
    Q_OBJECT

public:
    BundleDialog(core::BundleService &service, QString username, QWidget *parent = nullptr);

    // Opens the dialog over the workspace's store for the session's user (MainWindow's action);
    // without the core.sync.bundles permission it only says so.
    static void openFor(const ShellServices &services,
                        const core::Session &session,
                        QWidget *parent);

    // Seams for tests (default: QFileDialog).
    void setFolderChooser(std::function<QString()> chooser) { m_chooseFolder = std::move(chooser); }
    void setFileChooser(std::function<QString()> chooser) { m_chooseFile = std::move(chooser); }

    QString lastMessage() const;
    bool lastFailed() const { return m_failed; }

public slots:
    void exportBundle();
    void importBundle();

private:
    void showResult(const QString &message, bool failed);

    core::BundleService &m_service;
    QString m_username;
    std::function<QString()> m_chooseFolder;
    std::function<QString()> m_chooseFile;
    QLabel *m_result = nullptr;
    QLabel *m_keyNote = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_import = nullptr;
    bool m_failed = false;
};

} // namespace tambo::shell
