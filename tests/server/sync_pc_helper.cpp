// A PC's sync in its own process, for tests that kill a client mid-apply (tst_syncsession):
//   sync_pc_helper STORE KEYHEX DEVICE PORT CA ACCESS_TOKEN PAGE_SIZE KILL_AFTER_ROWS [hold]
// Pulls the PC's scope; after KILL_AFTER_ROWS rows applied inside a page's transaction it
// SIGKILLs itself (no clean-up of any kind). With "hold" it prints "holding" instead and waits
// there, inside the page's transaction, for the test to kill it (the test first waits for the
// next page, asked ahead while this one is applied, to reach the server). Exit 0 when the pull
// ends first.
#include "SyncTestPc.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QThread>

#include <csignal>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    const bool hold = a.size() == 10 && a.at(9) == QLatin1String("hold");
    if (a.size() != 9 && !hold) {
        QTextStream(stderr)
            << "usage: sync_pc_helper STORE KEYHEX DEVICE PORT CA TOKEN PAGE KILL [hold]\n";
        return 2;
    }
    tambo::test::SyncTestPc pc(a.at(1), QByteArray::fromHex(a.at(2).toLatin1()), QUuid(a.at(3)));
    QString error;
    if (!pc.open(&error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    pc.connectWith(a.at(4).toInt(), a.at(5), a.at(6));
    const int killAfter = a.at(8).toInt();
    int applied = 0;
    const auto result = pc.sync({}, a.at(7).toInt(), [&](int) {
        if (++applied < killAfter)
            return;
        if (!hold)
            ::raise(SIGKILL);
        QTextStream(stdout) << "holding" << Qt::endl;
        for (;;) { // the page ahead travels on Qt's HTTP thread; events keep its reply moving
            QCoreApplication::processEvents();
            QThread::msleep(20);
        }
    });
    QTextStream(stdout) << "pulled " << result.pulled << " outcome " << int(result.outcome) << ' '
                        << result.message << '\n';
    return result.ok() ? 0 : 1;
}
