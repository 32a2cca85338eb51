#include "ServerConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <functional>

namespace tambo::server {

namespace {

struct Entry
{
    QString section;
    QString key;
    QString value;
    int line = 0; // 0 when unknown (JSON)
};

class Builder
{
public:
    Builder(QString baseDir, QString sourceName)
        : m_baseDir(std::move(baseDir))
        , m_source(std::move(sourceName))
    {}

    std::optional<ServerConfig> build(const QList<Entry> &entries, QString *error);

private:
    using Setter = std::function<void(const Entry &)>;

    void fail(const Entry &e, const QString &message)
    {
        const QString where = e.line > 0 ? QStringLiteral("%1:%2").arg(m_source).arg(e.line)
                                         : m_source;
        m_errors << QStringLiteral("%1: [%2] %3: %4").arg(where, e.section, e.key, message);
    }
    void fail(const QString &message)
    {
        m_errors << QStringLiteral("%1: %2").arg(m_source, message);
    }

    int toInt(const Entry &e, int min, int max, int fallback)
    {
        bool ok = false;
        const qlonglong v = e.value.toLongLong(&ok);
        if (!ok || v < min || v > max) {
            fail(e,
                 QStringLiteral("'%1' is not a whole number from %2 to %3")
                     .arg(e.value)
                     .arg(min)
                     .arg(max));
            return fallback;
        }
        return int(v);
    }
    qint64 toInt64(const Entry &e, qint64 min, qint64 max, qint64 fallback)
    {
        bool ok = false;
        const qlonglong v = e.value.toLongLong(&ok);
        if (!ok || v < min || v > max) {
            fail(e,
                 QStringLiteral("'%1' is not a whole number from %2 to %3")
                     .arg(e.value)
                     .arg(min)
                     .arg(max));
            return fallback;
        }
        return v;
    }
    bool toBool(const Entry &e, bool fallback)
    {
        const QString v = e.value.trimmed().toLower();
        if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("on")
            || v == QLatin1String("1"))
            return true;
        if (v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("off")
            || v == QLatin1String("0"))
            return false;
        fail(e, QStringLiteral("'%1' is not true or false").arg(e.value));
        return fallback;
    }
    QString toPath(const QString &value) const
    {
        if (value.isEmpty())
            return {};
        return QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(value));
    }
    QString nonEmpty(const Entry &e)
    {
        if (e.value.trimmed().isEmpty())
            fail(e, QStringLiteral("must not be empty"));
        return e.value.trimmed();
    }

    QString m_baseDir;
    QString m_source;
    QStringList m_errors;
};

std::optional<ServerConfig> Builder::build(const QList<Entry> &entries, QString *error)
{
    ServerConfig c;
    c.sourcePath = m_source;
    QString passwordFile;
    const Entry *passwordEntry = nullptr;
    const Entry *passwordFileEntry = nullptr;
    const Entry *tlsEntry = nullptr;

    const QHash<QString, Setter> setters = {
        {QStringLiteral("server.address"),
         [&](const Entry &e) {
             c.server.address = nonEmpty(e);
             if (c.server.address != QLatin1String("localhost")
                 && QHostAddress(c.server.address).isNull())
                 fail(e, QStringLiteral("'%1' is not an IP address").arg(e.value));
         }},
        {QStringLiteral("server.port"),
         [&](const Entry &e) { c.server.port = toInt(e, 0, 65535, c.server.port); }},
        {QStringLiteral("server.workers"),
         [&](const Entry &e) { c.server.workers = toInt(e, 1, 256, c.server.workers); }},
        {QStringLiteral("server.tls"),
         [&](const Entry &e) {
             c.server.tls = toBool(e, c.server.tls);
             tlsEntry = &e;
         }},
        {QStringLiteral("server.certificate"),
         [&](const Entry &e) { c.server.certificate = toPath(nonEmpty(e)); }},
        {QStringLiteral("server.private_key"),
         [&](const Entry &e) { c.server.privateKey = toPath(nonEmpty(e)); }},
        {QStringLiteral("server.keep_alive_seconds"),
         [&](const Entry &e) {
             c.server.keepAliveSeconds = toInt(e, 1, 300, c.server.keepAliveSeconds);
         }},
        {QStringLiteral("server.max_body_bytes"),
         [&](const Entry &e) {
             c.server.maxBodyBytes = toInt64(e, 1024, qint64(1) << 32, c.server.maxBodyBytes);
         }},
        {QStringLiteral("server.trusted_proxy"),
         [&](const Entry &e) {
             c.server.trustedProxies.clear();
             for (const QString &part : e.value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                 const QHostAddress a(part.trimmed());
                 if (a.isNull()) {
                     fail(e, QStringLiteral("'%1' is not an IP address").arg(part.trimmed()));
                     continue;
                 }
                 c.server.trustedProxies << a.toString();
             }
         }},
        {QStringLiteral("database.host"), [&](const Entry &e) { c.database.host = nonEmpty(e); }},
        {QStringLiteral("database.port"),
         [&](const Entry &e) { c.database.port = toInt(e, 1, 65535, c.database.port); }},
        {QStringLiteral("database.name"), [&](const Entry &e) { c.database.name = nonEmpty(e); }},
        {QStringLiteral("database.user"), [&](const Entry &e) { c.database.user = nonEmpty(e); }},
        {QStringLiteral("database.password"),
         [&](const Entry &e) {
             c.database.password = e.value;
             passwordEntry = &e;
         }},
        {QStringLiteral("database.password_file"),
         [&](const Entry &e) {
             passwordFile = toPath(nonEmpty(e));
             passwordFileEntry = &e;
         }},
        {QStringLiteral("database.connect_timeout"),
         [&](const Entry &e) {
             c.database.connectTimeoutSeconds = toInt(e, 1, 300, c.database.connectTimeoutSeconds);
         }},
        {QStringLiteral("auth.access_token_minutes"),
         [&](const Entry &e) {
             c.auth.accessTokenMinutes = toInt(e, 1, 24 * 60, c.auth.accessTokenMinutes);
         }},
        {QStringLiteral("auth.refresh_token_days"),
         [&](const Entry &e) {
             c.auth.refreshTokenDays = toInt(e, 1, 365, c.auth.refreshTokenDays);
         }},
        {QStringLiteral("auth.session_max_days"),
         [&](const Entry &e) { c.auth.sessionMaxDays = toInt(e, 1, 365, c.auth.sessionMaxDays); }},
        {QStringLiteral("auth.login_max_failures"),
         [&](const Entry &e) {
             c.auth.loginMaxFailures = toInt(e, 1, 100, c.auth.loginMaxFailures);
         }},
        {QStringLiteral("auth.login_address_max_failures"),
         [&](const Entry &e) {
             c.auth.loginAddressMaxFailures = toInt(e, 1, 10000, c.auth.loginAddressMaxFailures);
         }},
        {QStringLiteral("auth.login_lock_minutes"),
         [&](const Entry &e) {
             c.auth.loginLockMinutes = toInt(e, 1, 24 * 60, c.auth.loginLockMinutes);
         }},
        {QStringLiteral("auth.password_hash_slots"),
         [&](const Entry &e) {
             c.auth.passwordHashSlots = toInt(e, 1, 64, c.auth.passwordHashSlots);
         }},
        {QStringLiteral("auth.password_hash_wait_ms"),
         [&](const Entry &e) {
             c.auth.passwordHashWaitMs = toInt(e, 0, 60000, c.auth.passwordHashWaitMs);
         }},
        {QStringLiteral("log.level"),
         [&](const Entry &e) {
             const QString v = e.value.trimmed().toLower();
             if (v == QLatin1String("debug"))
                 c.logLevel = ServerConfig::LogLevel::Debug;
             else if (v == QLatin1String("info"))
                 c.logLevel = ServerConfig::LogLevel::Info;
             else if (v == QLatin1String("warning"))
                 c.logLevel = ServerConfig::LogLevel::Warning;
             else if (v == QLatin1String("error"))
                 c.logLevel = ServerConfig::LogLevel::Error;
             else
                 fail(e,
                      QStringLiteral("'%1' is not one of debug, info, warning, error").arg(e.value));
         }},
    };

    static const QStringList sections = {QStringLiteral("server"),
                                         QStringLiteral("database"),
                                         QStringLiteral("auth"),
                                         QStringLiteral("log")};
    QHash<QString, int> seen;
    for (const Entry &e : entries) {
        const QString id = e.section + QLatin1Char('.') + e.key;
        if (!sections.contains(e.section)) {
            fail(e,
                 QStringLiteral("unknown section [%1] (known: %2)")
                     .arg(e.section, sections.join(QStringLiteral(", "))));
            continue;
        }
        const auto setter = setters.constFind(id);
        if (setter == setters.cend()) {
            fail(e, QStringLiteral("unknown key"));
            continue;
        }
        if (seen.contains(id)) {
            fail(e, QStringLiteral("given twice (first on line %1)").arg(seen.value(id)));
            continue;
        }
        seen.insert(id, e.line);
        (*setter)(e);
    }

    // Cross-field rules.
    if (passwordEntry && passwordFileEntry)
        fail(*passwordFileEntry, QStringLiteral("give either password or password_file, not both"));
    if (passwordFileEntry && !passwordFile.isEmpty()) {
        QFile f(passwordFile);
        if (!f.open(QIODevice::ReadOnly))
            fail(*passwordFileEntry,
                 QStringLiteral("cannot read %1: %2").arg(passwordFile, f.errorString()));
        else
            c.database.password = QString::fromUtf8(f.readLine()).trimmed();
    }
    if (c.server.tls) {
        if (c.server.certificate.isEmpty())
            fail(QStringLiteral("[server] certificate is required while tls is on (the default)"));
        if (c.server.privateKey.isEmpty())
            fail(QStringLiteral("[server] private_key is required while tls is on (the default)"));
        for (const QString &path : {c.server.certificate, c.server.privateKey}) {
            if (path.isEmpty())
                continue;
            const QFileInfo info(path);
            if (!info.isFile() || !info.isReadable())
                fail(QStringLiteral("[server] %1 does not exist or cannot be read").arg(path));
        }
    } else if (!ServerConfig::isLoopbackAddress(c.server.address)) {
        const Entry e = tlsEntry ? *tlsEntry
                                 : Entry{QStringLiteral("server"), QStringLiteral("tls"), {}, 0};
        fail(e,
             QStringLiteral("tls=false is only allowed on a loopback address (127.0.0.1, ::1, "
                            "localhost), not on %1")
                 .arg(c.server.address));
    }

    if (!m_errors.isEmpty()) {
        if (error)
            *error = m_errors.join(QLatin1Char('\n'));
        return std::nullopt;
    }
    return c;
}

} // namespace

bool ServerConfig::isLoopbackAddress(const QString &address)
{
    if (address == QLatin1String("localhost"))
        return true;
    const QHostAddress a(address);
    return !a.isNull() && a.isLoopback();
}

QString ServerConfig::logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return QStringLiteral("debug");
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

std::optional<ServerConfig> ServerConfig::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read config file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray text = file.readAll();
    const QFileInfo info(path);
    const QString baseDir = info.absolutePath();
    if (info.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        return fromJson(text, baseDir, path, error);
    return fromIni(text, baseDir, path, error);
}

std::optional<ServerConfig> ServerConfig::fromIni(const QByteArray &text,
                                                  const QString &baseDir,
                                                  const QString &sourceName,
                                                  QString *error)
{
    QList<Entry> entries;
    QStringList syntax;
    QString section;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i) + 1;
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']')) || line.size() < 3) {
                syntax << QStringLiteral("%1:%2: malformed section header '%3'")
                              .arg(sourceName)
                              .arg(lineNo)
                              .arg(line);
                continue;
            }
            section = line.mid(1, line.size() - 2).trimmed().toLower();
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            syntax << QStringLiteral("%1:%2: expected 'key = value', got '%3'")
                          .arg(sourceName)
                          .arg(lineNo)
                          .arg(line);
            continue;
        }
        if (section.isEmpty()) {
            syntax << QStringLiteral("%1:%2: '%3' is outside any [section]")
                          .arg(sourceName)
                          .arg(lineNo)
                          .arg(line);
            continue;
        }
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(QLatin1Char('"'))
            && value.endsWith(QLatin1Char('"')))
            value = value.mid(1, value.size() - 2);
        entries.append({section, line.left(eq).trimmed().toLower(), value, lineNo});
    }
    if (!syntax.isEmpty()) {
        if (error)
            *error = syntax.join(QLatin1Char('\n'));
        return std::nullopt;
    }
    return Builder(baseDir, sourceName).build(entries, error);
}

std::optional<ServerConfig> ServerConfig::fromJson(const QByteArray &text,
                                                   const QString &baseDir,
                                                   const QString &sourceName,
                                                   QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("%1: not valid JSON at offset %2: %3")
                         .arg(sourceName)
                         .arg(parseError.offset)
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: the top level must be an object of sections")
                         .arg(sourceName);
        return std::nullopt;
    }
    QList<Entry> entries;
    QStringList problems;
    const QJsonObject root = doc.object();
    for (auto s = root.begin(); s != root.end(); ++s) {
        if (!s.value().isObject()) {
            problems << QStringLiteral("%1: \"%2\" must be an object of keys")
                            .arg(sourceName, s.key());
            continue;
        }
        const QJsonObject keys = s.value().toObject();
        for (auto k = keys.begin(); k != keys.end(); ++k) {
            const QJsonValue v = k.value();
            QString value;
            if (v.isString()) {
                value = v.toString();
            } else if (v.isBool()) {
                value = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            } else if (v.isDouble()) {
                const double d = v.toDouble();
                value = (d == double(qint64(d))) ? QString::number(qint64(d)) : QString::number(d);
            } else {
                problems << QStringLiteral("%1: [%2] %3: must be a string, number or boolean")
                                .arg(sourceName, s.key(), k.key());
                continue;
            }
            entries.append({s.key().toLower(), k.key().toLower(), value, 0});
        }
    }
    if (!problems.isEmpty()) {
        if (error)
            *error = problems.join(QLatin1Char('\n'));
        return std::nullopt;
    }
    return Builder(baseDir, sourceName).build(entries, error);
}

} // namespace tambo::server
