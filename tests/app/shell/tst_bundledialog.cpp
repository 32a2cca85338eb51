#include "BundleDialog.h"

#include "FakeClock.h"
#include "TempStore.h"

#include "migrations/MigrationRunner.h"
#include "sync/BundleFile.h"
#include "sync/BundleMessages.h"
#include "sync/BundleService.h"
#include "sync/LocalSyncStore.h"
#include "sync/SyncSchema.h"

#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace tambo;

class TestBundleDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempStore> m_temp;
    test::FakeClock m_clock;
    std::unique_ptr<core::LocalSyncStore> m_local;
    std::unique_ptr<core::BundleService> m_service;
    core::BundleKeyPair m_server = core::BundleKeyPair::generate();
    QUuid m_serverId = QUuid::createUuid();
    QUuid m_deviceId = QUuid::createUuid();
    QTemporaryDir m_dir;

    QByteArray serverBundle()
    {
        core::ServerBundle b;
        b.bundleId = QUuid::createUuid();
        b.deviceId = m_deviceId;
        b.createdAt = m_clock.now();
        b.inReplyTo = QUuid::createUuid();
        b.exportSeq = 1;
        core::BundleFile::Header h;
        h.direction = core::BundleFile::Direction::ServerToPc;
        h.bundleId = b.bundleId;
        h.senderId = m_serverId;
        h.recipientId = m_deviceId;
        h.createdAt = b.createdAt;
        return core::BundleFile::seal(h,
                                      QJsonDocument(b.toJson()).toJson(),
                                      m_server,
                                      m_service->state().deviceKey().publicKey);
    }

    QString write(const QString &name, const QByteArray &data)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(data);
        return f.fileName();
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempStore>();
        QSqlDatabase db = m_temp->store().database();
        core::MigrationRunner runner(db, m_clock);
        runner.addModule(core::SyncSchema::moduleId(), core::SyncSchema::steps());
        QVERIFY(runner.migrate().ok());
        m_local = std::make_unique<core::LocalSyncStore>(db, QList<core::SyncedTable>{}, m_clock);
        m_service = std::make_unique<core::BundleService>(*m_local, db, m_clock, m_deviceId);
        QVERIFY(m_service->state().setServerKey({m_serverId, m_server.publicKey}));
    }
    void cleanup()
    {
        m_service.reset();
        m_local.reset();
        m_temp.reset();
    }

    void exportFromTheKeyboard()
    {
        shell::BundleDialog dialog(*m_service, QStringLiteral("ana"));
        const QString usb = m_dir.filePath(QStringLiteral("usb"));
        QVERIFY(QDir().mkpath(usb));
        dialog.setFolderChooser([usb] { return usb; });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *exportButton = dialog.findChild<QPushButton *>(QStringLiteral("exportButton"));
        QVERIFY(exportButton);
        QVERIFY(exportButton->hasFocus());
        QTest::keyClick(exportButton, Qt::Key_Space);
        QVERIFY2(!dialog.lastFailed(), qPrintable(dialog.lastMessage()));
        const QStringList files = QDir(usb).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QVERIFY(files.first().endsWith(QStringLiteral(".tambo-bundle")));
        QVERIFY(dialog.lastMessage().contains(files.first()));
        // The file is a PC → server bundle for the trusted server.
        QFile f(QDir(usb).filePath(files.first()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto opened = core::BundleFile::open(f.readAll(),
                                                   core::BundleFile::Direction::PcToServer,
                                                   m_serverId,
                                                   m_server,
                                                   m_service->state().deviceKey().publicKey);
        QVERIFY2(opened.ok(), qPrintable(opened.message));
    }

    void importFromTheKeyboard()
    {
        shell::BundleDialog dialog(*m_service, QStringLiteral("ana"));
        const QByteArray good = serverBundle();
        QString chosen = write(QStringLiteral("cut.tambo-bundle"), good.left(good.size() - 3));
        dialog.setFileChooser([&chosen] { return chosen; });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Tab from the export button to the import button, then Space.
        QTest::keyClick(&dialog, Qt::Key_Tab);
        auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("importButton"));
        QVERIFY(importButton->hasFocus());
        QTest::keyClick(importButton, Qt::Key_Space);
        QVERIFY(dialog.lastFailed());
        QVERIFY2(dialog.lastMessage().contains(QStringLiteral("incomplete")),
                 qPrintable(dialog.lastMessage()));
        QCOMPARE(m_service->state().lastImport().exportSeq, 0);

        chosen = write(QStringLiteral("good.tambo-bundle"), good);
        QTest::keyClick(importButton, Qt::Key_Space);
        QVERIFY2(!dialog.lastFailed(), qPrintable(dialog.lastMessage()));
        QCOMPARE(m_service->state().lastImport().exportSeq, 1);
        QTest::keyClick(importButton, Qt::Key_Space);
        QVERIFY(!dialog.lastFailed());
        QVERIFY(dialog.lastMessage().contains(QStringLiteral("already imported")));
    }

    void cancelledChooserDoesNothing()
    {
        shell::BundleDialog dialog(*m_service, QStringLiteral("ana"));
        dialog.setFolderChooser([] { return QString(); });
        dialog.exportBundle();
        QVERIFY(dialog.lastMessage().isEmpty());
        QVERIFY(!dialog.lastFailed());
    }
};

QTEST_MAIN(TestBundleDialog)
#include "tst_bundledialog.moc"
