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
#include <QLabel>
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
    m_export->setFocus();

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
    const QString dir = m_chooseFolder ? m_chooseFolder() : QString();
    if (dir.isEmpty())
        return;
    QProgressDialog progress(tr("Writing the bundle…"), QString(), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    const auto r = m_service.exportTo(dir,
                                      m_username,
                                      {core::BundleService::Scope{}},
                                      [&progress](int percent) { progress.setValue(percent); });
    progress.setValue(100);
    showResult(r.message, !r.ok);
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
