#pragma once

#include "auth/Session.h"

#include <QDateTime>
#include <QString>

namespace tambo::core {

// What AuthService::login() answers. An unknown user and a wrong password give the same status
// and message, so a login form never tells which usernames exist.
struct LoginResult
{
    enum class Status {
        Ok,
        BadCredentials, // unknown user or wrong password
        Locked,         // too many failed attempts; see lockedUntil
        Disabled,       // locked by an administrator (UserService::setLocked)
        Error,          // the store could not be read or written
    };

    Status status = Status::Error;
    Session session;       // valid when Ok
    QDateTime lockedUntil; // UTC, when Locked
    QString message;       // translated, for the user; empty when Ok

    bool ok() const { return status == Status::Ok; }
};

} // namespace tambo::core
