#include "BundleDialog.h"

#include "ShellServices.h"

#include "auth/Permission.h"
#include "auth/Session.h"
#include "migrations/CoreSchema.h"
#include "module/ModuleManager.h"
#include "store/Store.h"
#include "sync/BundleService.h"
#include "sync/LocalSyncStore.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QVBoxLayout>

namespace tambo::shell {

BundleDialog::BundleDialog(core::BundleService &service, QString username, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_username(std::move(username))
{
    setWindowTitle(tr("USB sync bundles"));
    setObjectName(QStringLiteral("bundleDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("For sedes without a link: take this computer's pending changes to the central "
           "server on a USB drive, and bring back the server's reply bundle."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    // The export is signed with the user's own server password (ADR 0015).
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("the password you use on the sync server"));
    auto *form = new QFormLayout;
    form->addRow(tr("Server &password of %1:").arg(m_username), m_password);
    layout->addLayout(form);
    m_keyNote = new QLabel(this);
    m_keyNote->setObjectName(QStringLiteral("keyNote"));
    m_keyNote->setWordWrap(true);
    layout->addWidget(m_keyNote);

    m_export = new QPushButton(tr("&Export to a folder…"), this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_import = new QPushButton(tr("&Import a bundle…"), this);
    m_import->setObjectName(QStringLiteral("importButton"));
    layout->addWidget(m_export);
    layout->addWidget(m_import);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_result);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &BundleDialog::exportBundle);
    connect(m_import, &QPushButton::clicked, this, &BundleDialog::importBundle);
    m_export->setDefault(true);
    m_password->setFocus();
    if (!m_service.hasUserKey(m_username)) {
        // Nothing to sign with yet: say how to get the key data; import still works.
        m_keyNote->setText(tr("This computer cannot sign bundles for %1 yet: it needs the key "
                              "data the sync server gives at login. Connect to the sync server "
                              "once with this account (File → Connect to the sync server…) "
                              "while there is a link, or ask OTIC to register them "
                              "(tambo-admin bundle trust-user). Importing the server's replies "
                              "works meanwhile.")
                               .arg(m_username));
        m_password->setEnabled(false);
        m_export->setEnabled(false);
        m_export->setDefault(false);
        m_import->setDefault(true);
        m_import->setFocus();
    } else {
        m_keyNote->hide();
    }

    m_chooseFolder = [this] {
        return QFileDialog::getExistingDirectory(this, tr("Folder for the bundle (USB drive)"));
    };
    m_chooseFile = [this] {
        return QFileDialog::getOpenFileName(this,
                                            tr("Bundle from the central server"),
                                            {},
                                            tr("Tambo bundles (*.%1);;All files (*)")
                                                .arg(core::BundleService::fileSuffix()));
    };
    resize(480, sizeHint().height());
}

void BundleDialog::openFor(const ShellServices &services,
                           const core::Session &session,
                           QWidget *parent)
{
    if (!services.store || !services.modules || !services.clock)
        return;
    if (!session.can(QString::fromLatin1(core::Permissions::SyncBundles))) {
        QMessageBox::information(parent,
                                 tr("USB sync bundles"),
                                 tr("Your role may not export or import sync bundles. Ask the "
                                    "OTIC office."));
        return;
    }
    const QString username = session.username;
    QSqlDatabase db = services.store->database();
    core::LocalSyncStore local(db, services.modules->allSyncedTables(), *services.clock);
    core::BundleService service(local,
                                db,
                                *services.clock,
                                QUuid::fromString(core::CoreSchema::deviceId(db)));
    service.setAudit(services.audit, username);
    BundleDialog dialog(service, username, parent);
    dialog.exec();
}

QString BundleDialog::lastMessage() const
{
    return m_result->text();
}

void BundleDialog::showResult(const QString &message, bool failed)
{
    m_failed = failed;
    m_result->setText(message);
    m_result->setStyleSheet(failed ? QStringLiteral("color: #b00020;") : QString());
}

void BundleDialog::exportBundle()
{
    if (m_password->text().isEmpty()) {
        showResult(tr("Enter your server password: it signs the bundle, so that the server "
                      "knows it was made by you."),
                   true);
        m_password->setFocus();
        return;
    }
    const QString dir = m_chooseFolder ? m_chooseFolder() : QString();
    if (dir.isEmpty())
        return;
    QProgressDialog progress(tr("Writing the bundle…"), QString(), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    const auto r = m_service.exportTo(dir,
                                      m_username,
                                      m_password->text(),
                                      {core::BundleService::Scope{}},
                                      [&progress](int percent) { progress.setValue(percent); });
    progress.setValue(100);
    showResult(r.message, !r.ok);
    m_password->clear(); // typed again for the next bundle
    m_password->setFocus();
}

void BundleDialog::importBundle()
{
    const QString file = m_chooseFile ? m_chooseFile() : QString();
    if (file.isEmpty())
        return;
    QProgressDialog progress(tr("Importing the bundle…"), QString(), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    const auto r = m_service.importFile(file,
                                        [&progress](int percent) { progress.setValue(percent); });
    progress.setValue(100);
    showResult(r.message, !r.ok());
}

} // namespace tambo::shell
