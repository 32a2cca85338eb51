#pragma once

#include <QDateTime>
#include <QString>

namespace tambo::core {

// A user as UserService::listUsers() shows it (never the password hash).
struct UserInfo
{
    qint64 id = 0;
    QString username;
    QString fullName;
    QString roleId;
    QString roleTitle; // translated (RoleCatalog)
    QString sedeId;
    bool disabled = false; // locked by an administrator
    int failedAttempts = 0;
    QDateTime lockedUntil; // UTC; null when not locked out
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace tambo::core
