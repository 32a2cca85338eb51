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
//     tambo_password_hashes_in_flight                     gauge (HashGate)
//     tambo_password_hashes_in_flight_max                 gauge, the most at once since start
//     tambo_login_refusals_total{reason}                  counter: bad_credentials,
//                                                         account_locked, address_locked,
//                                                         server_busy
// route is the registered pattern (e.g. "/v1/auth/login"), or "unmatched" for unknown paths, so
// the number of series stays bounded whatever clients send. Thread-safe.
class Metrics
{
public:
    Metrics() = default;

    void recordRequest(const QString &route, int status, double seconds);
    void recordDbError();
    void setPasswordHashesInFlight(int inFlight);
    void recordLoginRefusal(const QString &reason);

    quint64 requestCount(const QString &route, int status) const;
    quint64 totalRequests() const;
    quint64 dbErrors() const;
    int passwordHashesInFlightMax() const;
    quint64 loginRefusals(const QString &reason) const;

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
    int m_hashesInFlight = 0;
    int m_hashesInFlightMax = 0;
    std::map<QString, quint64> m_loginRefusals;
};

} // namespace tambo::server
