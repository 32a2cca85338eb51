#include "demo/DemoData.h"

#include "audit/AuditLog.h"
#include "auth/Permission.h"
#include "auth/RoleCatalog.h"
#include "auth/Roles.h"
#include "auth/Session.h"
#include "auth/UserService.h"
#include "migrations/Transaction.h"

#include <QFile>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace tambo::core {

namespace {

// Reads a small UTF-8 CSV file: a header row, then rows of exactly `columns` fields, no quoting.
QList<QStringList> readCsv(const QString &path, int columns, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = DemoData::tr("Cannot read the demo data %1: %2").arg(path, file.errorString());
        return {};
    }
    QList<QStringList> rows;
    int line = 0;
    while (!file.atEnd()) {
        const QString text = QString::fromUtf8(file.readLine()).trimmed();
        ++line;
        if (line == 1 || text.isEmpty())
            continue;
        QStringList fields = text.split(QLatin1Char(','));
        if (fields.size() != columns) {
            if (error)
                *error = DemoData::tr("%1, line %2: expected %3 fields, found %4.")
                             .arg(path,
                                  QString::number(line),
                                  QString::number(columns),
                                  QString::number(fields.size()));
            return {};
        }
        for (QString &field : fields)
            field = field.trimmed();
        rows.append(fields);
    }
    return rows;
}

} // namespace

QList<DemoData::DemoUser> DemoData::users()
{
    const QString palacio = QStringLiteral("palacio");
    return {
        {QStringLiteral("admin"),
         QStringLiteral("Carlos Mamani Quispe"),
         QString::fromLatin1(Roles::AdminOtic),
         palacio},
        {QStringLiteral("mesa"),
         QStringLiteral("Rosa Condori Flores"),
         QString::fromLatin1(Roles::MesaPartes),
         palacio},
        {QStringLiteral("gerencia"),
         QStringLiteral("Luis Ticona Apaza"),
         QString::fromLatin1(Roles::Gerencia),
         QStringLiteral("transporte-seguridad")},
        {QStringLiteral("inventariador"),
         QStringLiteral("Jorge Huanca Choque"),
         QString::fromLatin1(Roles::PatrimonioInventariador),
         palacio},
        {QStringLiteral("jefe.patrimonio"),
         QStringLiteral("María Vargas Cutipa"),
         QString::fromLatin1(Roles::PatrimonioJefe),
         palacio},
        {QStringLiteral("soporte"),
         QStringLiteral("Pedro Limachi Ramos"),
         QString::fromLatin1(Roles::SoporteTecnico),
         palacio},
        {QStringLiteral("comite"),
         QStringLiteral("Elena Chambilla Ayca"),
         QString::fromLatin1(Roles::ComitePgd),
         palacio},
    };
}

QList<DemoData::Sede> DemoData::sedes(QString *error)
{
    QList<Sede> result;
    for (const QStringList &row : readCsv(QStringLiteral(":/demo/sedes.csv"), 3, error))
        result.append({row.at(0), row.at(1), row.at(2)});
    return result;
}

QList<DemoData::Area> DemoData::areas(QString *error)
{
    QList<Area> result;
    for (const QStringList &row : readCsv(QStringLiteral(":/demo/areas.csv"), 3, error))
        result.append({row.at(0), row.at(1), row.at(2)});
    return result;
}

bool DemoData::seedCore(QSqlDatabase db, UserService &userService, AuditLog &audit, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };

    QString problem;
    const QList<Sede> sedeRows = sedes(&problem);
    if (!problem.isEmpty())
        return fail(problem);
    const QList<Area> areaRows = areas(&problem);
    if (!problem.isEmpty())
        return fail(problem);

    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM roles")) || !query.next())
            return fail(tr("Cannot read the roles: %1").arg(query.lastError().text()));
        if (query.value(0).toInt() == 0) {
            query.finish();
            if (!RoleCatalog::syncToDatabase(db, {}, &problem))
                return fail(problem);
        }
    }

    {
        Transaction tx(db);
        if (!tx.isActive())
            return fail(tx.error());

        QSqlQuery exists(db);
        QSqlQuery insert(db);
        auto missing = [&](const QString &sql, const QString &id) {
            exists.prepare(sql);
            exists.addBindValue(id);
            if (!exists.exec()) {
                problem = exists.lastError().text();
                return false;
            }
            const bool found = exists.next();
            exists.finish();
            return !found;
        };
        auto created = [&](const QString &entity, const QString &id, const QJsonObject &after) {
            return audit.append({UserService::systemActor(),
                                 entity,
                                 id,
                                 QStringLiteral("create"),
                                 {},
                                 after},
                                &problem);
        };

        insert.prepare(QStringLiteral("INSERT INTO sedes (id, name, link) VALUES (?, ?, ?)"));
        for (const Sede &sede : sedeRows) {
            if (!missing(QStringLiteral("SELECT 1 FROM sedes WHERE id = ?"), sede.id)) {
                if (!problem.isEmpty())
                    return fail(tr("Cannot read the sedes: %1").arg(problem));
                continue;
            }
            insert.addBindValue(sede.id);
            insert.addBindValue(sede.name);
            insert.addBindValue(sede.link);
            if (!insert.exec())
                return fail(
                    tr("Cannot create sede %1: %2").arg(sede.name, insert.lastError().text()));
            if (!created(QStringLiteral("sede"),
                         sede.id,
                         {{"name", sede.name}, {"link", sede.link}}))
                return fail(problem);
        }

        insert.prepare(QStringLiteral("INSERT INTO areas (id, sede_id, name) VALUES (?, ?, ?)"));
        for (const Area &area : areaRows) {
            if (!missing(QStringLiteral("SELECT 1 FROM areas WHERE id = ?"), area.id)) {
                if (!problem.isEmpty())
                    return fail(tr("Cannot read the areas: %1").arg(problem));
                continue;
            }
            insert.addBindValue(area.id);
            insert.addBindValue(area.sedeId);
            insert.addBindValue(area.name);
            if (!insert.exec())
                return fail(
                    tr("Cannot create area %1: %2").arg(area.name, insert.lastError().text()));
            if (!created(QStringLiteral("area"),
                         area.id,
                         {{"sede_id", area.sedeId}, {"name", area.name}}))
                return fail(problem);
        }
        if (!tx.commit())
            return fail(tx.error());
    }

    // Demo users go through UserService (validation, Argon2id, audit). Demo data is written by
    // Tambo itself, not by a logged-in user: a session that may only manage users.
    Session seeder;
    seeder.username = UserService::systemActor();
    seeder.permissions = {QString::fromLatin1(Permissions::UsersManage)};
    for (const DemoUser &user : users()) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT 1 FROM users WHERE username = ?"));
        query.addBindValue(user.username);
        if (!query.exec())
            return fail(tr("Cannot read the users: %1").arg(query.lastError().text()));
        if (query.next())
            continue;
        query.finish();
        const UserService::Result result = userService.addUser(seeder,
                                                               {user.username,
                                                                user.fullName,
                                                                user.roleId,
                                                                user.sedeId,
                                                                demoPassword()});
        if (!result.ok())
            return fail(result.error);
    }
    return true;
}

} // namespace tambo::core
