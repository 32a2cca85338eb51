#include "ServerLoginDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using tambo::shell::ServerLoginDialog;

// The dialog that connects the PC to the sync server, driven from the keyboard: it hands the
// account over once, clears the password at once, is busy until the answer, and shows it.
class TestServerLoginDialog : public QObject
{
    Q_OBJECT

private slots:
    void connectsFromTheKeyboard()
    {
        ServerLoginDialog dialog(QStringLiteral("https://tambo.munitacna.gob.pe:8443"),
                                 QStringLiteral("inv.central"));
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("serverPassword"));
        QVERIFY(password);
        QCOMPARE(QApplication::focusWidget(), password); // the user is known: straight to it
        QCOMPARE(password->echoMode(), QLineEdit::Password);

        QSignalSpy requested(&dialog, &ServerLoginDialog::connectRequested);
        QTest::keyClick(password, Qt::Key_Return); // empty password: asked for, not sent
        QCOMPARE(requested.size(), 0);
        QVERIFY(dialog.message().contains(QStringLiteral("password")));

        QTest::keyClicks(password, QStringLiteral("central-clave-2026"));
        QTest::keyClick(password, Qt::Key_Return);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("inv.central"));
        QCOMPARE(requested.at(0).at(1).toString(), QStringLiteral("central-clave-2026"));
        QVERIFY(password->text().isEmpty()); // not kept in the widget
        QVERIFY(dialog.isBusy());
        QVERIFY(password->isReadOnly());
        QCOMPARE(QApplication::focusWidget(), password); // the focus stays in the dialog
        QTest::keyClicks(password, QStringLiteral("x")); // busy: nothing typed, nothing sent
        QVERIFY(password->text().isEmpty());
        QTest::keyClick(password, Qt::Key_Return);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCOMPARE(requested.size(), 1);

        dialog.showResult(false, QStringLiteral("Usuario o contraseña incorrectos."));
        QVERIFY(!dialog.isBusy());
        QCOMPARE(dialog.message(), QStringLiteral("Usuario o contraseña incorrectos."));
        QVERIFY(!password->isReadOnly());
        QCOMPARE(QApplication::focusWidget(), password);
        // A long message wraps and the dialog grows to show all of it, fields unsqueezed.
        dialog.showResult(false,
                          QStringLiteral("El servidor de sincronización no responde (Equipo "
                                         "tambo.munitacna.gob.pe no encontrado). Revise la "
                                         "dirección del servidor en los ajustes y el enlace de "
                                         "red; este equipo sigue trabajando sin conexión."));
        QApplication::processEvents();
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("serverLoginMessage"));
        QVERIFY(message);
        QVERIFY(message->height() >= message->heightForWidth(message->width()));
        QVERIFY(password->height() >= password->sizeHint().height());
        QVERIFY(message->geometry().bottom() < dialog.height());

        QTest::keyClicks(password, QStringLiteral("otra"));
        QTest::keyClick(password, Qt::Key_Return);
        QCOMPARE(requested.size(), 2);
        dialog.showResult(true, QStringLiteral("Conectado."));
        QCOMPARE(dialog.message(), QStringLiteral("Conectado."));
        auto *connect = dialog.findChild<QPushButton *>(QStringLiteral("serverConnect"));
        QVERIFY(connect);
        QVERIFY(!connect->isEnabled());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
    }

    void withoutAServerItSaysWhatToDo()
    {
        ServerLoginDialog dialog(QString(), QStringLiteral("inv.central"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy requested(&dialog, &ServerLoginDialog::connectRequested);
        auto *connect = dialog.findChild<QPushButton *>(QStringLiteral("serverConnect"));
        QVERIFY(connect);
        QVERIFY(!connect->isEnabled());
        QVERIFY(dialog.message().contains(QStringLiteral("Settings")));
        dialog.submit();
        QCOMPARE(requested.size(), 0);
    }

    void emptyUserIsAskedFor()
    {
        ServerLoginDialog dialog(QStringLiteral("https://127.0.0.1:8443"), QString());
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *user = dialog.findChild<QLineEdit *>(QStringLiteral("serverUsername"));
        QCOMPARE(QApplication::focusWidget(), user);
        QSignalSpy requested(&dialog, &ServerLoginDialog::connectRequested);
        QTest::keyClick(user, Qt::Key_Return);
        QCOMPARE(requested.size(), 0);
        QVERIFY(dialog.message().contains(QStringLiteral("username")));
    }
};

QTEST_MAIN(TestServerLoginDialog)
#include "tst_serverlogindialog.moc"
