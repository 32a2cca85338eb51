// Metrics: counters and histograms in Prometheus' text format.
#include "Metrics.h"

#include <QtTest>

#include <thread>
#include <vector>

using tambo::server::Metrics;

class TestMetrics : public QObject
{
    Q_OBJECT

private:
    static QList<QByteArray> linesStartingWith(const QByteArray &text, const QByteArray &prefix)
    {
        QList<QByteArray> out;
        for (const QByteArray &line : text.split('\n')) {
            if (line.startsWith(prefix))
                out << line;
        }
        return out;
    }

private slots:
    void emptyHasInfoAndZeroDbErrors()
    {
        const Metrics m;
        const QByteArray text = m.prometheusText();
        QVERIFY(text.contains("tambo_server_info{version=\"" TAMBO_VERSION "\"} 1\n"));
        QVERIFY(text.contains("# TYPE tambo_http_requests_total counter\n"));
        QVERIFY(text.contains("# TYPE tambo_http_request_duration_seconds histogram\n"));
        QVERIFY(text.contains("\ntambo_db_errors_total 0\n"));
        QVERIFY(linesStartingWith(text, "tambo_http_requests_total{").isEmpty());
        QVERIFY(text.endsWith('\n'));
        QCOMPARE(m.totalRequests(), quint64(0));
    }

    void countsByRouteAndStatus()
    {
        Metrics m;
        m.recordRequest(QStringLiteral("/v1/health"), 200, 0.001);
        m.recordRequest(QStringLiteral("/v1/health"), 200, 0.002);
        m.recordRequest(QStringLiteral("/v1/auth/login"), 401, 0.3);
        m.recordRequest(QStringLiteral("/v1/auth/login"), 200, 0.2);
        m.recordDbError();
        QCOMPARE(m.requestCount(QStringLiteral("/v1/health"), 200), quint64(2));
        QCOMPARE(m.requestCount(QStringLiteral("/v1/auth/login"), 401), quint64(1));
        QCOMPARE(m.requestCount(QStringLiteral("/v1/auth/login"), 500), quint64(0));
        QCOMPARE(m.totalRequests(), quint64(4));
        QCOMPARE(m.dbErrors(), quint64(1));

        const QByteArray text = m.prometheusText();
        QCOMPARE(linesStartingWith(text, "tambo_http_requests_total{"),
                 (QList<QByteArray>{
                     "tambo_http_requests_total{route=\"/v1/auth/login\",status=\"200\"} 1",
                     "tambo_http_requests_total{route=\"/v1/auth/login\",status=\"401\"} 1",
                     "tambo_http_requests_total{route=\"/v1/health\",status=\"200\"} 2"}));
        QVERIFY(text.contains("\ntambo_db_errors_total 1\n"));
    }

    void histogramBucketsAreCumulative()
    {
        Metrics m;
        const QString route = QStringLiteral("/v1/auth/login");
        m.recordRequest(route, 200, 0.004); // <= 0.005
        m.recordRequest(route, 200, 0.005); // <= 0.005 (bounds are inclusive)
        m.recordRequest(route, 200, 0.07);  // <= 0.1
        m.recordRequest(route, 200, 3.0);   // <= 5
        m.recordRequest(route, 200, 60.0);  // only +Inf
        const QByteArray text = m.prometheusText();
        const QList<QByteArray> buckets = linesStartingWith(
            text, "tambo_http_request_duration_seconds_bucket{route=\"/v1/auth/login\"");
        QCOMPARE(
            buckets,
            (QList<QByteArray>{
                R"(tambo_http_request_duration_seconds_bucket{route="/v1/auth/login",le="0.005"} 2)",
                R"(tambo_http_request_duration_seconds_bucket{route="/v1/auth/login",le="0.01"} 2)",
                R"(tambo_http_request_duration_seconds_bucket{route="/v1/auth/login",le="0.025"} 2)",
                R"(tambo_http_request_duration_seconds_bucket{route="/v1/auth/login",le="0.05"} 2)",
                R"(tambo_http_request_duration_seconds_bucket{route="/v1/auth/login",le="0.1"} 3)",
                R"(tambo_http_request_duration_seconds_bucket{route="/v1/auth/login",le="0.25"} 3)",
                R"(tambo_http_request_duration_seconds_bucket{route="/v1/auth/login",le="0.5"} 3)",
                R"(tambo_http_request_duration_seconds_bucket{route="/v1/auth/login",le="1"} 3)",
                R"(tambo_http_request_duration_seconds_bucket{route="/v1/auth/login",le="2.5"} 3)",
                R"(tambo_http_request_duration_seconds_bucket{route="/v1/auth/login",le="5"} 4)",
                R"(tambo_http_request_duration_seconds_bucket{route="/v1/auth/login",le="10"} 4)",
                R"(tambo_http_request_duration_seconds_bucket{route="/v1/auth/login",le="+Inf"} 5)"}));
        QVERIFY(text.contains(
            "tambo_http_request_duration_seconds_count{route=\"/v1/auth/login\"} 5\n"));
        const QList<QByteArray> sum = linesStartingWith(text,
                                                        "tambo_http_request_duration_seconds_sum{");
        QCOMPARE(sum.size(), 1);
        QCOMPARE(sum.first().split(' ').last().toDouble(), 0.004 + 0.005 + 0.07 + 3.0 + 60.0);
    }

    void labelsAreEscaped()
    {
        QCOMPARE(Metrics::escapeLabel(QStringLiteral("a\"b\\c\nd")), QByteArray("a\\\"b\\\\c\\nd"));
        Metrics m;
        m.recordRequest(QStringLiteral("we\"ird"), 404, 0);
        QVERIFY(m.prometheusText().contains("route=\"we\\\"ird\",status=\"404\"} 1"));
    }

    void threadSafe()
    {
        Metrics m;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&m, t] {
                for (int i = 0; i < 1000; ++i) {
                    m.recordRequest(QStringLiteral("/r%1").arg(t % 2), 200, 0.001 * (i % 7));
                    if (i % 100 == 0)
                        m.recordDbError();
                    if (i % 250 == 0)
                        (void) m.prometheusText();
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(m.totalRequests(), quint64(4000));
        QCOMPARE(m.requestCount(QStringLiteral("/r0"), 200), quint64(2000));
        QCOMPARE(m.dbErrors(), quint64(40));
        QVERIFY(m.prometheusText().contains(
            "tambo_http_request_duration_seconds_count{route=\"/r1\"} 2000\n"));
    }

    void passwordHashesAndLoginRefusals()
    {
        Metrics m;
        QVERIFY(m.prometheusText().contains("\ntambo_password_hashes_in_flight_max 0\n"));
        m.setPasswordHashesInFlight(1);
        m.setPasswordHashesInFlight(2);
        m.setPasswordHashesInFlight(1);
        m.recordLoginRefusal(QStringLiteral("bad_credentials"));
        m.recordLoginRefusal(QStringLiteral("bad_credentials"));
        m.recordLoginRefusal(QStringLiteral("server_busy"));
        QCOMPARE(m.passwordHashesInFlightMax(), 2);
        QCOMPARE(m.loginRefusals(QStringLiteral("bad_credentials")), quint64(2));
        QCOMPARE(m.loginRefusals(QStringLiteral("account_locked")), quint64(0));
        const QByteArray text = m.prometheusText();
        QVERIFY(text.contains("# TYPE tambo_password_hashes_in_flight gauge\n"
                              "tambo_password_hashes_in_flight 1\n"));
        QVERIFY(text.contains("\ntambo_password_hashes_in_flight_max 2\n"));
        QCOMPARE(linesStartingWith(text, "tambo_login_refusals_total{"),
                 (QList<QByteArray>{"tambo_login_refusals_total{reason=\"bad_credentials\"} 2",
                                    "tambo_login_refusals_total{reason=\"server_busy\"} 1"}));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
