#pragma once

#include "ServerConfig.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <mutex>

namespace tambo::core {
class Clock;
}

namespace tambo::server {

// Structured logs: one JSON object per line, by default to stderr, e.g.
//     {"time":"2026-03-02T09:00:00.000Z","level":"info","msg":"request","route":"/v1/health",
//      "method":"GET","status":200,"ms":1.25}
// time (UTC, ms), level and msg always come first; extra fields follow. Thread-safe: each line is
// written whole. Secrets (passwords, tokens) are never passed in; callers log ids only.
class JsonLog
{
public:
    using Level = ServerConfig::LogLevel;
    using Sink = std::function<void(const QByteArray &line)>; // line without the newline

    // clock may be nullptr (system time).
    explicit JsonLog(Level threshold = Level::Info, const core::Clock *clock = nullptr);

    void setThreshold(Level level) { m_threshold = level; }
    Level threshold() const { return m_threshold; }
    // Replaces stderr (tests); the sink is called under the log's lock.
    void setSink(Sink sink);

    void log(Level level, const QString &msg, const QJsonObject &fields = {});
    void debug(const QString &msg, const QJsonObject &fields = {})
    {
        log(Level::Debug, msg, fields);
    }
    void info(const QString &msg, const QJsonObject &fields = {}) { log(Level::Info, msg, fields); }
    void warning(const QString &msg, const QJsonObject &fields = {})
    {
        log(Level::Warning, msg, fields);
    }
    void error(const QString &msg, const QJsonObject &fields = {})
    {
        log(Level::Error, msg, fields);
    }

    // The line log() would write (without newline); exposed for tests.
    QByteArray format(Level level, const QString &msg, const QJsonObject &fields) const;

private:
    std::atomic<Level> m_threshold;
    const core::Clock *m_clock;
    std::mutex m_mutex;
    Sink m_sink;
};

} // namespace tambo::server
