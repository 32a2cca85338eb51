#include "BundleDialog.h"

#include "FakeClock.h"
#include "TempStore.h"

#include "migrations/MigrationRunner.h"
#include "sync/BundleFile.h"
#include "sync/BundleMessages.h"
#include "sync/BundleService.h"
#include "sync/LocalSyncStore.h"
#include "sync/SyncSchema.h"
#include "sync/UserBundleKey.h"

#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
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
    const QString m_password = QStringLiteral("Clave-segura-2026");
    core::UserBundleKey m_anaKey; // ana's bundle key as the server made it

    // ana's key data on this PC, as an online login leaves them (test-sized Argon2id).
    void provisionAna()
    {
        m_anaKey = core::UserBundleKey::derive(m_password, core::UserBundleKey::newParams(1, 8192));
        QVERIFY(m_anaKey.isValid());
        QVERIFY(m_service->state().setUserKey(QStringLiteral("ana"), m_anaKey.params()));
    }

    QStringList filesIn(const QString &dir) const { return QDir(dir).entryList(QDir::Files); }

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
        provisionAna();
        shell::BundleDialog dialog(*m_service, QStringLiteral("ana"));
        const QString usb = m_dir.filePath(QStringLiteral("usb"));
        QVERIFY(QDir().mkpath(usb));
        dialog.setFolderChooser([usb] { return usb; });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The password field has the focus; Enter exports.
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        QVERIFY(password);
        QVERIFY(password->hasFocus());
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("keyNote"))->isVisible());
        QTest::keyClicks(password, m_password);
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY2(!dialog.lastFailed(), qPrintable(dialog.lastMessage()));
        QVERIFY(password->text().isEmpty()); // never kept
        const QStringList files = filesIn(usb);
        QCOMPARE(files.size(), 1);
        QVERIFY(files.first().endsWith(QStringLiteral(".tambo-bundle")));
        QVERIFY(dialog.lastMessage().contains(files.first()));
        // The file is a PC → server bundle for the trusted server, proven by ana's own key.
        QFile f(QDir(usb).filePath(files.first()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto opened = core::BundleFile::open(f.readAll(),
                                                   core::BundleFile::Direction::PcToServer,
                                                   m_serverId,
                                                   m_server,
                                                   m_service->state().deviceKey().publicKey);
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        const QJsonObject payload = QJsonDocument::fromJson(opened.payload).object();
        const auto bundle = core::PcBundle::fromJson(payload, nullptr);
        QVERIFY(bundle);
        QCOMPARE(bundle->user, QStringLiteral("ana"));
        QCOMPARE(bundle->userProof.keySalt, m_anaKey.params().salt);
        QVERIFY(core::UserBundleKey::verify(m_anaKey.publicKey(),
                                            core::PcBundle::proofMessage(payload, m_serverId),
                                            bundle->userProof.signature));
    }

    void exportNeedsTheRightPassword()
    {
        provisionAna();
        shell::BundleDialog dialog(*m_service, QStringLiteral("ana"));
        const QString usb = m_dir.filePath(QStringLiteral("usb-wrong"));
        QVERIFY(QDir().mkpath(usb));
        int asked = 0;
        dialog.setFolderChooser([usb, &asked] {
            ++asked;
            return usb;
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        // Empty: asked for, before any folder.
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(dialog.lastFailed());
        QVERIFY2(dialog.lastMessage().contains(QStringLiteral("password")),
                 qPrintable(dialog.lastMessage()));
        QCOMPARE(asked, 0);
        QVERIFY(password->hasFocus());
        // Mistyped (one whose key misses the kept check): nothing written.
        QString wrong;
        for (int i = 0; wrong.isEmpty(); ++i) {
            const QString candidate = QStringLiteral("Clave-segura-%1").arg(i);
            if (core::UserBundleKey::derive(candidate, m_anaKey.params()).params().check
                != m_anaKey.params().check)
                wrong = candidate;
        }
        QTest::keyClicks(password, wrong);
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(dialog.lastFailed());
        QVERIFY2(dialog.lastMessage().contains(QStringLiteral("not the server password")),
                 qPrintable(dialog.lastMessage()));
        QVERIFY(filesIn(usb).isEmpty());
        QVERIFY(password->text().isEmpty());
    }

    void withoutKeyDataOnlyImportIsOffered()
    {
        shell::BundleDialog dialog(*m_service, QStringLiteral("ana"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("keyNote"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QStringLiteral("Connect to the sync server")),
                 qPrintable(note->text()));
        QVERIFY(note->text().contains(QStringLiteral("OTIC")));
        QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->isEnabled());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("importButton"))->hasFocus());
    }

    void importFromTheKeyboard()
    {
        provisionAna();
        shell::BundleDialog dialog(*m_service, QStringLiteral("ana"));
        const QByteArray good = serverBundle();
        QString chosen = write(QStringLiteral("cut.tambo-bundle"), good.left(good.size() - 3));
        dialog.setFileChooser([&chosen] { return chosen; });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Tab from the password past the export button to the import button, then Space.
        QTest::keyClick(&dialog, Qt::Key_Tab);
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("exportButton"))->hasFocus());
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
        provisionAna();
        shell::BundleDialog dialog(*m_service, QStringLiteral("ana"));
        dialog.setFolderChooser([] { return QString(); });
        dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(m_password);
        dialog.exportBundle();
        QVERIFY(dialog.lastMessage().isEmpty());
        QVERIFY(!dialog.lastFailed());
    }
};

QTEST_MAIN(TestBundleDialog)
#include "tst_bundledialog.moc"
