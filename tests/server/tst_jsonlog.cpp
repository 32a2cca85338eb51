// JsonLog: one JSON object per line with time, level and msg first.
#include "JsonLog.h"

#include "FakeClock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <thread>
#include <vector>

using tambo::server::JsonLog;
using tambo::test::FakeClock;

class TestJsonLog : public QObject
{
    Q_OBJECT

private slots:
    void exactLine()
    {
        const FakeClock clock; // 2026-03-02 09:00 UTC
        const JsonLog log(JsonLog::Level::Info, &clock);
        const QByteArray line = log.format(JsonLog::Level::Info,
                                           QStringLiteral("request"),
                                           {{QStringLiteral("route"), QStringLiteral("/v1/health")},
                                            {QStringLiteral("status"), 200},
                                            {QStringLiteral("ms"), 1.25}});
        QCOMPARE(line,
                 QByteArray(R"({"time":"2026-03-02T09:00:00.000Z","level":"info","msg":"request",)"
                            R"("ms":1.25,"route":"/v1/health","status":200})"));
    }

    void escapesAndFixedFieldsWin()
    {
        const FakeClock clock;
        const JsonLog log(JsonLog::Level::Debug, &clock);
        const QByteArray line = log.format(JsonLog::Level::Warning,
                                           QStringLiteral("dijo \"hola\"\nañadido"),
                                           {{QStringLiteral("msg"), QStringLiteral("spoof")},
                                            {QStringLiteral("level"), QStringLiteral("debug")},
                                            {QStringLiteral("path"), QStringLiteral("/a\\b")}});
        QVERIFY(!line.contains('\n'));
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().value(QStringLiteral("msg")).toString(),
                 QStringLiteral("dijo \"hola\"\nañadido"));
        QCOMPARE(doc.object().value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(doc.object().value(QStringLiteral("path")).toString(), QStringLiteral("/a\\b"));
        QVERIFY(line.startsWith(R"({"time":"2026-03-02T09:00:00.000Z","level":"warning","msg":)"));
    }

    void thresholdFilters()
    {
        const FakeClock clock;
        JsonLog log(JsonLog::Level::Warning, &clock);
        QList<QByteArray> lines;
        log.setSink([&lines](const QByteArray &line) { lines << line; });
        log.debug(QStringLiteral("d"));
        log.info(QStringLiteral("i"));
        log.warning(QStringLiteral("w"));
        log.error(QStringLiteral("e"));
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).contains(R"("level":"warning","msg":"w")"));
        QVERIFY(lines.at(1).contains(R"("level":"error","msg":"e")"));
        log.setThreshold(JsonLog::Level::Debug);
        log.debug(QStringLiteral("d"));
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(2).contains(R"("level":"debug")"));
    }

    void concurrentLinesStayWhole()
    {
        JsonLog log;
        QList<QByteArray> lines;
        log.setSink([&lines](const QByteArray &line) { lines << line; }); // called under the lock
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&log, t] {
                for (int i = 0; i < 500; ++i)
                    log.info(QStringLiteral("tick"),
                             {{QStringLiteral("t"), t}, {QStringLiteral("i"), i}});
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(lines.size(), 2000);
        for (const QByteArray &line : std::as_const(lines)) {
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            QVERIFY2(doc.isObject(), line.constData());
            QCOMPARE(doc.object().value(QStringLiteral("msg")).toString(), QStringLiteral("tick"));
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonLog)
#include "tst_jsonlog.moc"
