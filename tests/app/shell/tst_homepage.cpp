#include "HomePage.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using tambo::shell::HomePage;

class TestHomePage : public QObject
{
    Q_OBJECT

private slots:
    void showsSession();
    void tilesOpenPages();
};

void TestHomePage::showsSession()
{
    HomePage::Info info;
    info.fullName = QStringLiteral("Administrador OTIC");
    info.username = QStringLiteral("admin");
    info.roleTitle = QStringLiteral("Administrador OTIC");
    info.sede = QStringLiteral("Palacio Municipal");
    info.storePath = QStringLiteral("/tmp/demo.tambo");
    info.demoStore = true;
    info.modules = {QStringLiteral("Patrimonio (version 1.0)")};
    info.moduleProblems = {QStringLiteral("El módulo x falta.")};
    HomePage page(info);
    QCOMPARE(page.welcomeText(), QStringLiteral("Welcome, Administrador OTIC"));
    QStringList texts;
    for (QLabel *label : page.findChildren<QLabel *>())
        texts << label->text();
    const QString all = texts.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("Palacio Municipal")), qPrintable(all));
    QVERIFY(all.contains(QStringLiteral("demo.tambo (demo data)")));
    QVERIFY(all.contains(QStringLiteral("Patrimonio (version 1.0)")));
    QVERIFY(all.contains(QStringLiteral("El módulo x falta.")));
    QVERIFY(page.tileTitles().isEmpty());
}

void TestHomePage::tilesOpenPages()
{
    HomePage::Info info;
    info.username = QStringLiteral("admin");
    info.today = QDate(2026, 3, 2);
    HomePage::Tile tile;
    tile.pageId = QStringLiteral("shell.users");
    tile.title = QStringLiteral("Usuarios");
    tile.shortcut = QStringLiteral("Ctrl+2");
    info.tiles << tile;
    HomePage page(info);
    QCOMPARE(page.tileTitles(), QStringList{QStringLiteral("Usuarios")});
    QSignalSpy spy(&page, &HomePage::pageRequested);
    auto *button = page.findChild<QPushButton *>(QStringLiteral("homeTile"));
    QVERIFY(button);
    button->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("shell.users"));
}

QTEST_MAIN(TestHomePage)
#include "tst_homepage.moc"
