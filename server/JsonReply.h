#pragma once

#include <httplib.h>

#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace tambo::server {

struct ApiContext;

// Helpers every endpoint uses to read JSON requests and answer JSON, with the error shape of
// docs/sync-protocol.md: {"error": "<code>", "message": "<Spanish text for the user>"}.
class JsonReply
{
public:
    static void send(httplib::Response &res, int status, const QJsonObject &body);
    static void error(httplib::Response &res,
                      int status,
                      const QString &code,
                      const QString &message);

    // The request body as a JSON object; otherwise answers 400 (or 415) and returns nullopt.
    // markInvalidUtf8 (push): invalid UTF-8 bytes inside strings become lone-surrogate escapes
    // (SyncValueCheck::markInvalidUtf8), so the one entry holding them is refused instead of
    // the whole request.
    static std::optional<QJsonObject> parseObject(const httplib::Request &req,
                                                  httplib::Response &res,
                                                  bool markInvalidUtf8 = false);
    // A required non-empty string member; otherwise answers 400 naming the field.
    static std::optional<QString> requireString(const QJsonObject &body,
                                                const QString &field,
                                                httplib::Response &res);
    // A UUID member in its canonical 36-character form into *out (null when absent and not
    // required); false after answering 400.
    // An optional text field (absent or null: empty) of at most maxChars, clean (no control
    // characters, valid text); otherwise answers 400 and returns nullopt.
    static std::optional<QString> optionalString(const QJsonObject &body,
                                                 const QString &field,
                                                 qsizetype maxChars,
                                                 httplib::Response &res);
    // text, or 400 when it holds control characters or invalid text.
    static std::optional<QString> cleanText(const QString &text,
                                            const QString &field,
                                            httplib::Response &res);
    static bool readUuid(const QJsonObject &body,
                         const QString &field,
                         bool required,
                         QUuid *out,
                         httplib::Response &res);
    // "Authorization: Bearer <token>", or empty.
    static QString bearerToken(const httplib::Request &req);

    // Logs detail, counts a db error, schedules a reconnect of this thread's connection and
    // answers 503.
    static void databaseError(ApiContext &ctx, httplib::Response &res, const QString &detail);
};

} // namespace tambo::server
