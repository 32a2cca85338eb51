#include "JsonLog.h"

#include "util/Clock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace tambo::server {

namespace {

// One JSON value, serialized compactly (QJsonDocument only takes arrays and objects).
QByteArray jsonValue(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace

JsonLog::JsonLog(Level threshold, const core::Clock *clock)
    : m_threshold(threshold)
    , m_clock(clock)
{}

void JsonLog::setSink(Sink sink)
{
    std::lock_guard lock(m_mutex);
    m_sink = std::move(sink);
}

QByteArray JsonLog::format(Level level, const QString &msg, const QJsonObject &fields) const
{
    const QDateTime now = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    QByteArray line;
    line.reserve(160);
    line += "{\"time\":";
    line += jsonValue(now.toUTC().toString(Qt::ISODateWithMs));
    line += ",\"level\":";
    line += jsonValue(ServerConfig::logLevelName(level));
    line += ",\"msg\":";
    line += jsonValue(msg);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() == QLatin1String("time") || it.key() == QLatin1String("level")
            || it.key() == QLatin1String("msg"))
            continue; // the fixed fields win
        line += ',';
        line += jsonValue(it.key());
        line += ':';
        line += jsonValue(it.value());
    }
    line += '}';
    return line;
}

void JsonLog::log(Level level, const QString &msg, const QJsonObject &fields)
{
    if (level < m_threshold.load())
        return;
    const QByteArray line = format(level, msg, fields);
    std::lock_guard lock(m_mutex);
    if (m_sink) {
        m_sink(line);
        return;
    }
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

} // namespace tambo::server
