#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace tambo::server {

// Counters of one tambo-server process, rendered in Prometheus' text exposition format (0.0.4)
// at GET /metrics:
//     tambo_http_requests_total{route,status}            counter
//     tambo_http_request_duration_seconds{route}          histogram (bucketBounds())
//     tambo_db_errors_total                               counter
//     tambo_server_info{version}                          gauge, always 1
// route is the registered pattern (e.g. "/v1/auth/login"), or "unmatched" for unknown paths, so
// the number of series stays bounded whatever clients send. Thread-safe.
class Metrics
{
public:
    Metrics() = default;

    void recordRequest(const QString &route, int status, double seconds);
    void recordDbError();

    quint64 requestCount(const QString &route, int status) const;
    quint64 totalRequests() const;
    quint64 dbErrors() const;

    QByteArray prometheusText() const;

    // Upper bounds of the latency buckets, in seconds (+Inf is implied).
    static QList<double> bucketBounds();
    // Escapes a label value (backslash, double quote, newline).
    static QByteArray escapeLabel(const QString &value);

private:
    struct Histogram
    {
        std::vector<quint64> buckets; // cumulative counts are computed when rendering
        double sum = 0;
        quint64 count = 0;
    };

    mutable std::mutex m_mutex;
    std::map<std::pair<QString, int>, quint64> m_requests;
    std::map<QString, Histogram> m_latency;
    quint64 m_dbErrors = 0;
};

} // namespace tambo::server
