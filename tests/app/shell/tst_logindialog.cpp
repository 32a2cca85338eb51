#include "LanguageLoader.h"
#include "LoginDialog.h"
#include "ShellTestEnv.h"

#include "auth/AuthService.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using tambo::core::LoginResult;
using tambo::shell::LoginDialog;
using tambo::test::ShellTestEnv;

class TestLoginDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void enterSubmits();
    void emptyFields();
    void fallbackMessages();
    void badPasswordInSpanish();
    void locksAfterFiveTries();
    void hintAndContext();

private:
    tambo::shell::LanguageLoader m_language;
};

void TestLoginDialog::initTestCase()
{
    QVERIFY(m_language.load(QStringLiteral("es_PE")));
}

void TestLoginDialog::enterSubmits()
{
    QStringList seen;
    LoginDialog dialog([&seen](const QString &u, const QString &p) {
        seen << u + QLatin1Char('/') + p;
        LoginResult r;
        r.status = LoginResult::Status::Ok;
        r.session.userId = 7;
        r.session.username = u;
        return r;
    });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("username")),
                     QStringLiteral(" mesa "));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("password"));
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QTest::keyClicks(password, QStringLiteral("clave1234"));
    QTest::keyClick(password, Qt::Key_Return);
    QCOMPARE(seen, QStringList{QStringLiteral("mesa/clave1234")});
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.session().userId, 7);
    QVERIFY(password->text().isEmpty()); // never kept
}

void TestLoginDialog::emptyFields()
{
    int calls = 0;
    LoginDialog dialog([&calls](const QString &, const QString &) {
        ++calls;
        return LoginResult{};
    });
    QVERIFY(!dialog.submit());
    QCOMPARE(dialog.errorText(), QStringLiteral("Escriba su nombre de usuario."));
    dialog.setUsername(QStringLiteral("admin"));
    QVERIFY(!dialog.submit());
    QCOMPARE(dialog.errorText(), QStringLiteral("Escriba su contraseña."));
    QCOMPARE(calls, 0);
}

void TestLoginDialog::fallbackMessages()
{
    LoginDialog dialog([](const QString &, const QString &) {
        LoginResult r;
        r.status = LoginResult::Status::Error;
        return r;
    });
    dialog.setUsername(QStringLiteral("admin"));
    dialog.setPassword(QStringLiteral("x"));
    QVERIFY(!dialog.submit());
    QVERIFY(dialog.errorText().contains(QStringLiteral("OTIC")));
}

void TestLoginDialog::badPasswordInSpanish()
{
    ShellTestEnv env;
    QVERIFY2(env.open(), qPrintable(env.error()));
    LoginDialog dialog(env.workspace().auth());
    dialog.setUsername(QStringLiteral("admin"));
    dialog.setPassword(QStringLiteral("equivocada"));
    QVERIFY(!dialog.submit());
    QCOMPARE(dialog.lastResult().status, LoginResult::Status::BadCredentials);
    QCOMPARE(dialog.errorText(), QStringLiteral("Usuario o contraseña incorrectos."));
    // An unknown user gets exactly the same answer.
    dialog.setUsername(QStringLiteral("nadie"));
    dialog.setPassword(QStringLiteral("equivocada"));
    QVERIFY(!dialog.submit());
    QCOMPARE(dialog.errorText(), QStringLiteral("Usuario o contraseña incorrectos."));

    dialog.setUsername(QStringLiteral("admin"));
    dialog.setPassword(ShellTestEnv::password());
    QVERIFY(dialog.submit());
    QCOMPARE(dialog.session().username, QStringLiteral("admin"));
    QVERIFY(dialog.session().can(QStringLiteral("core.users.manage")));
}

void TestLoginDialog::locksAfterFiveTries()
{
    ShellTestEnv env;
    QVERIFY2(env.open(), qPrintable(env.error()));
    LoginDialog dialog(env.workspace().auth());
    for (int attempt = 1; attempt <= tambo::core::AuthService::MaxFailedAttempts; ++attempt) {
        dialog.setUsername(QStringLiteral("mesa"));
        dialog.setPassword(QStringLiteral("equivocada"));
        QVERIFY(!dialog.submit());
    }
    QCOMPARE(dialog.lastResult().status, LoginResult::Status::Locked);
    const QString until = env.clock()
                              .now()
                              .addSecs(tambo::core::AuthService::LockMinutes * 60)
                              .toLocalTime()
                              .toString(QStringLiteral("HH:mm"));
    QVERIFY2(dialog.errorText().contains(until), qPrintable(dialog.errorText()));
    QVERIFY2(dialog.errorText().contains(QStringLiteral("bloquead")),
             qPrintable(dialog.errorText()));

    // Even the right password is refused while locked…
    dialog.setUsername(QStringLiteral("mesa"));
    dialog.setPassword(ShellTestEnv::password());
    QVERIFY(!dialog.submit());
    QCOMPARE(dialog.lastResult().status, LoginResult::Status::Locked);

    // …and accepted once the lock has passed.
    env.clock().advanceMinutes(tambo::core::AuthService::LockMinutes + 1);
    dialog.setUsername(QStringLiteral("mesa"));
    dialog.setPassword(ShellTestEnv::password());
    QVERIFY(dialog.submit());
}

void TestLoginDialog::hintAndContext()
{
    LoginDialog dialog([](const QString &, const QString &) { return LoginResult{}; });
    dialog.setContextText(QStringLiteral("Almacén cifrado: demo.tambo"));
    dialog.setHint(QStringLiteral("Datos de demostración"));
    auto *hint = dialog.findChild<QLabel *>(QStringLiteral("loginHint"));
    QVERIFY(hint);
    QVERIFY(!hint->isHidden());
    dialog.setHint(QString());
    QVERIFY(hint->isHidden());
    auto *login = dialog.findChild<QPushButton *>(QStringLiteral("loginButton"));
    QVERIFY(login->isDefault());
}

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
