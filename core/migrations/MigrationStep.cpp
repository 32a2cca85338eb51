#include "migrations/MigrationStep.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace tambo::core {

MigrationStep MigrationStep::sql(int version,
                                 const QString &description,
                                 const QStringList &statements)
{
    MigrationStep step;
    step.version = version;
    step.description = description;
    step.apply = [statements](QSqlDatabase &db, QString *error) {
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                if (error) {
                    // The first line of the statement tells a developer which one failed.
                    const QString head = statement.trimmed().section(QLatin1Char('\n'), 0, 0);
                    *error = QCoreApplication::translate("tambo::core::MigrationStep", "%1 (in: %2)")
                                 .arg(query.lastError().text(), head);
                }
                return false;
            }
        }
        return true;
    };
    return step;
}

} // namespace tambo::core
