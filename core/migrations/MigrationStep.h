#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace tambo::core {

// One numbered schema step of one module (core's own module id is "core"). Versions start at 1
// and grow by one. apply() runs inside a transaction opened by MigrationRunner; it returns false
// and fills *error to make the runner roll the step back.
struct MigrationStep
{
    int version = 0;
    QString description;
    std::function<bool(QSqlDatabase &db, QString *error)> apply;

    // A step made of plain SQL statements, run in order.
    static MigrationStep sql(int version, const QString &description, const QStringList &statements);
};

} // namespace tambo::core
