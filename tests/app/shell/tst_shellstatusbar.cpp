#include "ShellStatusBar.h"
#include "SyncIndicator.h"

#include <QtTest>

using tambo::shell::ShellStatusBar;
using tambo::shell::SyncIndicator;

class TestShellStatusBar : public QObject
{
    Q_OBJECT

private slots:
    void fields();
};

void TestShellStatusBar::fields()
{
    ShellStatusBar bar;
    bar.setUser(QStringLiteral("Rosa Quispe"), QStringLiteral("Mesa de partes"));
    QCOMPARE(bar.userText(), QStringLiteral("Rosa Quispe (Mesa de partes)"));
    QCOMPARE(bar.sedeText(), QStringLiteral("Sede: not configured"));
    bar.setSede(QStringLiteral("Palacio Municipal"));
    QCOMPARE(bar.sedeText(), QStringLiteral("Sede: Palacio Municipal"));
    bar.setStore(QStringLiteral("/home/rosa/.local/share/Tambo/demo.tambo"));
    QCOMPARE(bar.storeText(), QStringLiteral("Encrypted store: demo.tambo"));
    bar.setStore(QStringLiteral("/tmp/plain.db"), false);
    QCOMPARE(bar.storeText(), QStringLiteral("Unencrypted store: plain.db"));
    QVERIFY(bar.syncIndicator());
    QCOMPARE(bar.syncIndicator()->state(), SyncIndicator::State::Offline);
}

QTEST_MAIN(TestShellStatusBar)
#include "tst_shellstatusbar.moc"
