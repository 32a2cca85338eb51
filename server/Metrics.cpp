#include "Metrics.h"

#include <algorithm>

namespace tambo::server {

namespace {

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 15);
}

} // namespace

QList<double> Metrics::bucketBounds()
{
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0};
}

QByteArray Metrics::escapeLabel(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

void Metrics::recordRequest(const QString &route, int status, double seconds)
{
    static const QList<double> bounds = bucketBounds();
    std::lock_guard lock(m_mutex);
    ++m_requests[{route, status}];
    Histogram &h = m_latency[route];
    if (h.buckets.empty())
        h.buckets.assign(size_t(bounds.size()), 0);
    for (qsizetype i = 0; i < bounds.size(); ++i) {
        if (seconds <= bounds.at(i)) {
            ++h.buckets[size_t(i)];
            break;
        }
    }
    h.sum += seconds;
    ++h.count;
}

void Metrics::recordDbError()
{
    std::lock_guard lock(m_mutex);
    ++m_dbErrors;
}

void Metrics::setPasswordHashesInFlight(int inFlight)
{
    std::lock_guard lock(m_mutex);
    m_hashesInFlight = inFlight;
    m_hashesInFlightMax = std::max(m_hashesInFlightMax, inFlight);
}

void Metrics::recordLoginRefusal(const QString &reason)
{
    std::lock_guard lock(m_mutex);
    ++m_loginRefusals[reason];
}

int Metrics::passwordHashesInFlightMax() const
{
    std::lock_guard lock(m_mutex);
    return m_hashesInFlightMax;
}

quint64 Metrics::loginRefusals(const QString &reason) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_loginRefusals.find(reason);
    return it == m_loginRefusals.end() ? 0 : it->second;
}

quint64 Metrics::requestCount(const QString &route, int status) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_requests.find({route, status});
    return it == m_requests.end() ? 0 : it->second;
}

quint64 Metrics::totalRequests() const
{
    std::lock_guard lock(m_mutex);
    quint64 total = 0;
    for (const auto &[key, count] : m_requests)
        total += count;
    return total;
}

quint64 Metrics::dbErrors() const
{
    std::lock_guard lock(m_mutex);
    return m_dbErrors;
}

QByteArray Metrics::prometheusText() const
{
    static const QList<double> bounds = bucketBounds();
    std::lock_guard lock(m_mutex);
    QByteArray out;
    out += "# HELP tambo_server_info Build information of this tambo-server process.\n"
           "# TYPE tambo_server_info gauge\n"
           "tambo_server_info{version=\"" TAMBO_VERSION "\"} 1\n";

    out += "# HELP tambo_http_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE tambo_http_requests_total counter\n";
    for (const auto &[key, count] : m_requests) {
        out += "tambo_http_requests_total{route=\"" + escapeLabel(key.first) + "\",status=\""
               + QByteArray::number(key.second) + "\"} " + QByteArray::number(count) + '\n';
    }

    out += "# HELP tambo_http_request_duration_seconds Time from routing to the last byte of the "
           "response.\n"
           "# TYPE tambo_http_request_duration_seconds histogram\n";
    for (const auto &[route, h] : m_latency) {
        const QByteArray label = escapeLabel(route);
        quint64 cumulative = 0;
        for (qsizetype i = 0; i < bounds.size(); ++i) {
            cumulative += h.buckets[size_t(i)];
            out += "tambo_http_request_duration_seconds_bucket{route=\"" + label + "\",le=\""
                   + number(bounds.at(i)) + "\"} " + QByteArray::number(cumulative) + '\n';
        }
        out += "tambo_http_request_duration_seconds_bucket{route=\"" + label + "\",le=\"+Inf\"} "
               + QByteArray::number(h.count) + '\n';
        out += "tambo_http_request_duration_seconds_sum{route=\"" + label + "\"} " + number(h.sum)
               + '\n';
        out += "tambo_http_request_duration_seconds_count{route=\"" + label + "\"} "
               + QByteArray::number(h.count) + '\n';
    }

    out += "# HELP tambo_db_errors_total PostgreSQL errors met while answering requests.\n"
           "# TYPE tambo_db_errors_total counter\n"
           "tambo_db_errors_total "
           + QByteArray::number(m_dbErrors) + '\n';

    out += "# HELP tambo_password_hashes_in_flight Argon2id password checks running now.\n"
           "# TYPE tambo_password_hashes_in_flight gauge\n"
           "tambo_password_hashes_in_flight "
           + QByteArray::number(m_hashesInFlight) + '\n';
    out += "# HELP tambo_password_hashes_in_flight_max The most Argon2id password checks that "
           "ran at once since the start.\n"
           "# TYPE tambo_password_hashes_in_flight_max gauge\n"
           "tambo_password_hashes_in_flight_max "
           + QByteArray::number(m_hashesInFlightMax) + '\n';
    out += "# HELP tambo_login_refusals_total Logins refused, by reason.\n"
           "# TYPE tambo_login_refusals_total counter\n";
    for (const auto &[reason, count] : m_loginRefusals) {
        out += "tambo_login_refusals_total{reason=\"" + escapeLabel(reason) + "\"} "
               + QByteArray::number(count) + '\n';
    }
    return out;
}

} // namespace tambo::server
