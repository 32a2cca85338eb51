#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace tambo::server {

// tambo-server's configuration file: INI (any name) or JSON (*.json), same sections and keys.
//
//     [server]                        ; JSON: {"server": {"address": "0.0.0.0", ...}, ...}
//     address = 0.0.0.0               ; IPv4/IPv6 address or "localhost"
//     port = 8443                     ; 0 = any free port (the "listening" log line says which)
//     workers = 4                     ; request threads, each with its own PostgreSQL connection
//     tls = true                      ; default; false only on a loopback address (logged loudly)
//     certificate = server.crt        ; PEM chain; relative paths are relative to this file
//     private_key = server.key
//     keep_alive_seconds = 2          ; idle keep-alive wait; bounds how long shutdown can take
//     max_body_bytes = 8388608        ; 413 above; keep >= 2 MiB (one sync entry at the row cap)
//     trusted_proxy =                 ; reverse proxy address(es), comma-separated; only a
//                                     ; connection from one of them may name the client in
//                                     ; X-Forwarded-For (login throttling, logs). Default none.
//     [database]
//     host = 127.0.0.1
//     port = 5432
//     name = tambo
//     user = tambo
//     password_file = db.password     ; or password = …, not both
//     connect_timeout = 5             ; seconds
//     [auth]
//     access_token_minutes = 15
//     refresh_token_days = 30
//     session_max_days = 30           ; a login's session ends then, however often refreshed
//     login_max_failures = 5          ; wrong passwords per account within login_lock_minutes…
//     login_address_max_failures = 5  ; …and per source address, before 429 for
//     login_lock_minutes = 15         ; this long (the desktop's rule: 5 in 15 min, 15 min lock)
//     password_hash_slots = 2         ; Argon2id checks at once (64 MiB each)
//     password_hash_wait_ms = 2000    ; wait for a free slot, then 503 with Retry-After
//     [log]
//     level = info                    ; debug | info | warning | error
//
// Unknown sections or keys, malformed lines, out-of-range numbers, missing certificate files and
// tls=false on a public address are errors that name the file, the line (INI) and the key.
class ServerConfig
{
public:
    struct Listen
    {
        QString address = QStringLiteral("127.0.0.1");
        int port = 8443;
        int workers = 4;
        bool tls = true;
        QString certificate; // absolute path
        QString privateKey;  // absolute path
        int keepAliveSeconds = 2;
        qint64 maxBodyBytes = 8 * 1024 * 1024;
        QStringList trustedProxies; // IP addresses, normalised
    };
    struct Database
    {
        QString host = QStringLiteral("127.0.0.1");
        int port = 5432;
        QString name = QStringLiteral("tambo");
        QString user = QStringLiteral("tambo");
        QString password;
        int connectTimeoutSeconds = 5;
    };
    struct Auth
    {
        int accessTokenMinutes = 15;
        int refreshTokenDays = 30;
        int sessionMaxDays = 30;
        int loginMaxFailures = 5;
        int loginAddressMaxFailures = 5;
        int loginLockMinutes = 15;
        int passwordHashSlots = 2;
        int passwordHashWaitMs = 2000;
    };
    enum class LogLevel { Debug, Info, Warning, Error };

    Listen server;
    Database database;
    Auth auth;
    LogLevel logLevel = LogLevel::Info;
    QString sourcePath; // the file it came from

    // Reads and validates path; std::nullopt and *error (one line per problem) when it is bad.
    static std::optional<ServerConfig> load(const QString &path, QString *error);
    // The same from text; baseDir resolves relative paths, sourceName is used in messages.
    static std::optional<ServerConfig> fromIni(const QByteArray &text,
                                               const QString &baseDir,
                                               const QString &sourceName,
                                               QString *error);
    static std::optional<ServerConfig> fromJson(const QByteArray &text,
                                                const QString &baseDir,
                                                const QString &sourceName,
                                                QString *error);

    // True for 127.0.0.0/8, ::1 and "localhost".
    static bool isLoopbackAddress(const QString &address);
    static QString logLevelName(LogLevel level);
};

} // namespace tambo::server
