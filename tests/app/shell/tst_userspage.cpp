#include "LanguageLoader.h"
#include "ShellTestEnv.h"
#include "UserFilterProxyModel.h"
#include "UserTableModel.h"
#include "UsersPage.h"

#include "auth/AuthService.h"
#include "auth/Roles.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

using namespace tambo;
using tambo::shell::UsersPage;
using tambo::shell::UserTableModel;
using tambo::test::ShellTestEnv;

class TestUsersPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listsUsers();
    void addAndLock();
    void refusedWithoutPermission();
    void filter();

private:
    core::Session session(const QString &username);
    shell::LanguageLoader m_language;
    std::unique_ptr<ShellTestEnv> m_env;
};

void TestUsersPage::initTestCase()
{
    QVERIFY(m_language.load(QStringLiteral("es_PE")));
}

void TestUsersPage::init()
{
    m_env = std::make_unique<ShellTestEnv>();
    QVERIFY2(m_env->open(), qPrintable(m_env->error()));
}

void TestUsersPage::cleanup()
{
    m_env.reset();
}

core::Session TestUsersPage::session(const QString &username)
{
    const core::LoginResult result = m_env->workspace().auth().login(username,
                                                                     ShellTestEnv::password());
    return result.session;
}

void TestUsersPage::listsUsers()
{
    UsersPage page(m_env->workspace().users(), session(QStringLiteral("admin")), m_env->clock());
    QAbstractItemModelTester tester(page.proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(page.model()->rowCount() >= 7);
    QVERIFY(page.model()->rowOf(QStringLiteral("admin")) >= 0);
    QVERIFY(page.model()->rowOf(QStringLiteral("comite")) >= 0);
    QVERIFY(page.messageText().isEmpty());
    QVERIFY(page.reload());
}

void TestUsersPage::addAndLock()
{
    UsersPage page(m_env->workspace().users(), session(QStringLiteral("admin")), m_env->clock());
    core::NewUser user;
    user.username = QStringLiteral("rquispe");
    user.fullName = QStringLiteral("Rosa Quispe Mamani");
    user.roleId = QString::fromLatin1(core::Roles::MesaPartes);
    user.password = QStringLiteral("clave-de-rosa");
    QVERIFY2(page.addUser(user), qPrintable(page.messageText()));
    QCOMPARE(page.currentUsername(), QStringLiteral("rquispe"));
    QVERIFY(page.messageText().contains(QStringLiteral("rquispe")));

    // The same name twice is refused by the service, with its Spanish reason.
    QVERIFY(!page.addUser(user));
    QVERIFY(!page.messageText().isEmpty());

    QVERIFY(page.setLocked(QStringLiteral("rquispe"), true));
    const int row = page.model()->rowOf(QStringLiteral("rquispe"));
    QVERIFY(page.model()->index(row, 0).data(UserTableModel::LockedRole).toBool());
    QCOMPARE(m_env->workspace()
                 .auth()
                 .login(QStringLiteral("rquispe"), QStringLiteral("clave-de-rosa"))
                 .status,
             core::LoginResult::Status::Disabled);

    QVERIFY(page.setLocked(QStringLiteral("rquispe"), false));
    QVERIFY(!page.model()
                 ->index(page.model()->rowOf(QStringLiteral("rquispe")), 0)
                 .data(UserTableModel::LockedRole)
                 .toBool());
    QVERIFY(m_env->workspace()
                .auth()
                .login(QStringLiteral("rquispe"), QStringLiteral("clave-de-rosa"))
                .ok());

    // Nobody locks themselves out.
    QVERIFY(!page.setLocked(QStringLiteral("admin"), true));
}

void TestUsersPage::refusedWithoutPermission()
{
    // Hiding the page is not the only guard: the service refuses a clerk's session.
    UsersPage page(m_env->workspace().users(), session(QStringLiteral("mesa")), m_env->clock());
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(!page.messageText().isEmpty());
}

void TestUsersPage::filter()
{
    UsersPage page(m_env->workspace().users(), session(QStringLiteral("admin")), m_env->clock());
    QTest::keyClicks(page.filterEdit(), QStringLiteral("COMITE"));
    QCOMPARE(page.proxy()->rowCount(), 1);
    QCOMPARE(page.proxy()->index(0, UserTableModel::Username).data().toString(),
             QStringLiteral("comite"));
    page.filterEdit()->clear();
    QCOMPARE(page.proxy()->rowCount(), page.model()->rowCount());
}

QTEST_MAIN(TestUsersPage)
#include "tst_userspage.moc"
