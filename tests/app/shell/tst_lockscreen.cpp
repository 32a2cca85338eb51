#include "LockScreen.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using tambo::core::LoginResult;
using tambo::shell::LockScreen;

class TestLockScreen : public QObject
{
    Q_OBJECT

private slots:
    void unlocksWithRightPassword();
    void wrongPasswordStaysLocked();
    void emptyPassword();
    void logoutButton();
};

namespace {
tambo::shell::LoginDialog::Authenticator fakeAuth(QStringList *calls)
{
    return [calls](const QString &user, const QString &password) {
        calls->append(user);
        LoginResult r;
        if (password == QLatin1String("secreto123")) {
            r.status = LoginResult::Status::Ok;
            r.session.userId = 1;
            r.session.username = user;
        } else {
            r.status = LoginResult::Status::BadCredentials;
            r.message = QStringLiteral("Usuario o contraseña incorrectos.");
        }
        return r;
    };
}
} // namespace

void TestLockScreen::unlocksWithRightPassword()
{
    QStringList calls;
    LockScreen screen(fakeAuth(&calls));
    screen.setUser(QStringLiteral("mesa"), QStringLiteral("Rosa Quispe"));
    QSignalSpy unlocked(&screen, &LockScreen::unlocked);
    screen.show();
    auto *password = screen.findChild<QLineEdit *>(QStringLiteral("lockPassword"));
    QVERIFY(password);
    QTest::keyClicks(password, QStringLiteral("secreto123"));
    QTest::keyClick(password, Qt::Key_Return);
    QCOMPARE(unlocked.count(), 1);
    QCOMPARE(calls, QStringList{QStringLiteral("mesa")}); // always the session's user
    QVERIFY(password->text().isEmpty());
}

void TestLockScreen::wrongPasswordStaysLocked()
{
    QStringList calls;
    LockScreen screen(fakeAuth(&calls));
    screen.setUser(QStringLiteral("mesa"), QStringLiteral("Rosa Quispe"));
    QSignalSpy unlocked(&screen, &LockScreen::unlocked);
    screen.setPassword(QStringLiteral("otra"));
    QVERIFY(!screen.tryUnlock());
    QCOMPARE(unlocked.count(), 0);
    QCOMPARE(screen.errorText(), QStringLiteral("Usuario o contraseña incorrectos."));
    screen.reset();
    QVERIFY(screen.errorText().isEmpty());
}

void TestLockScreen::emptyPassword()
{
    QStringList calls;
    LockScreen screen(fakeAuth(&calls));
    QVERIFY(!screen.tryUnlock());
    QVERIFY(calls.isEmpty());
    QVERIFY(!screen.errorText().isEmpty());
}

void TestLockScreen::logoutButton()
{
    QStringList calls;
    LockScreen screen(fakeAuth(&calls));
    QSignalSpy logout(&screen, &LockScreen::logoutRequested);
    auto *button = screen.findChild<QPushButton *>(QStringLiteral("lockLogoutButton"));
    QVERIFY(button);
    button->click();
    QCOMPARE(logout.count(), 1);
}

QTEST_MAIN(TestLockScreen)
#include "tst_lockscreen.moc"
