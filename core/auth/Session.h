#pragma once

#include <QDateTime>
#include <QSet>
#include <QString>

namespace tambo::core {

// Who is logged in on this PC. Core services take a Session and check its permissions
// themselves: hiding a widget is never the only guard.
struct Session
{
    qint64 userId = 0;
    QString username;
    QString fullName;
    QString roleId;
    QString sedeId;
    QSet<QString> permissions;
    QDateTime loggedInAt;

    bool isValid() const { return userId > 0; }
    bool can(const QString &permission) const { return permissions.contains(permission); }
};

} // namespace tambo::core
