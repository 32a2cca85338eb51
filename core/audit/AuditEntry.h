#pragma once

#include <QJsonObject>
#include <QString>

namespace tambo::core {

// One fact for the audit log: who did what to which record, with the record before and after.
// The time and the device are added by AuditLog (from its Clock and the device id).
struct AuditEntry
{
    QString actor;      // username, or a system actor such as "tambo-admin"
    QString entity;     // e.g. "user", "sede", "asset"
    QString entityId;   // the record's id as text
    QString action;     // e.g. "create", "update", "login.failed"
    QJsonObject before; // empty for a creation
    QJsonObject after;  // empty for a deletion
};

} // namespace tambo::core
