#include "AddUserDialog.h"

#include <QtTest>

using tambo::core::NewUser;
using tambo::shell::AddUserDialog;

class TestAddUserDialog : public QObject
{
    Q_OBJECT

private slots:
    void collectsUser();
    void validation_data();
    void validation();
};

namespace {
AddUserDialog *makeDialog()
{
    return new AddUserDialog({{QStringLiteral("mesa_partes"), QStringLiteral("Mesa de partes")},
                              {QStringLiteral("gerencia"), QStringLiteral("Gerencia")}},
                             {{QStringLiteral("S01"), QStringLiteral("Palacio Municipal")}});
}
} // namespace

void TestAddUserDialog::collectsUser()
{
    std::unique_ptr<AddUserDialog> dialog(makeDialog());
    NewUser in;
    in.username = QStringLiteral("  RQuispe ");
    in.fullName = QStringLiteral("Rosa   Quispe");
    in.roleId = QStringLiteral("gerencia");
    in.sedeId = QStringLiteral("S01");
    in.password = QStringLiteral("clave-segura");
    dialog->setNewUser(in, in.password);
    const NewUser out = dialog->newUser();
    QCOMPARE(out.username, QStringLiteral("rquispe"));
    QCOMPARE(out.fullName, QStringLiteral("Rosa Quispe"));
    QCOMPARE(out.roleId, QStringLiteral("gerencia"));
    QCOMPARE(out.sedeId, QStringLiteral("S01"));
    dialog->accept();
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(dialog->errorText().isEmpty());
}

void TestAddUserDialog::validation_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("fullName");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("confirmation");
    QTest::newRow("bad username") << "j"
                                  << "Juan"
                                  << "clave-segura"
                                  << "clave-segura";
    QTest::newRow("no name") << "juan"
                             << "  "
                             << "clave-segura"
                             << "clave-segura";
    QTest::newRow("short password") << "juan"
                                    << "Juan"
                                    << "corta"
                                    << "corta";
    QTest::newRow("mismatch") << "juan"
                              << "Juan"
                              << "clave-segura"
                              << "clave-segurx";
}

void TestAddUserDialog::validation()
{
    QFETCH(QString, username);
    QFETCH(QString, fullName);
    QFETCH(QString, password);
    QFETCH(QString, confirmation);
    std::unique_ptr<AddUserDialog> dialog(makeDialog());
    NewUser in;
    in.username = username;
    in.fullName = fullName;
    in.roleId = QStringLiteral("mesa_partes");
    in.password = password;
    dialog->setNewUser(in, confirmation);
    dialog->accept();
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QVERIFY(!dialog->errorText().isEmpty());
}

QTEST_MAIN(TestAddUserDialog)
#include "tst_adduserdialog.moc"
