#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace tambo::core {

class AuditLog;
class UserService;

// Demo data of core: the 20 sedes of the municipality (PGD table 7; resources/demo/sedes.csv),
// a handful of areas per sede (resources/demo/areas.csv) and one user per role. Modules add their
// own demo data after this. Idempotent: what already exists is left as it is, so a second call
// changes nothing (not even the audit log).
class DemoData
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::DemoData)

public:
    struct Sede
    {
        QString id, name, link; // link: fibra | radioenlace | ninguno
    };
    struct Area
    {
        QString id, sedeId, name;
    };
    struct DemoUser
    {
        QString username, fullName, roleId, sedeId;
    };

    // The demo password of every demo user. Demo stores only: never on a production store.
    static QString demoPassword() { return QStringLiteral("tambo2026"); }

    // Demo users (all with password "tambo2026"):
    //   admin            OTIC administrator
    //   mesa             front desk (mesa de partes)
    //   gerencia         department clerk (gerencia)
    //   inventariador    asset inventory taker
    //   jefe.patrimonio  head of assets (patrimonio)
    //   soporte          IT support technician
    //   comite           PGD committee (read only)
    static QList<DemoUser> users();
    static QList<Sede> sedes(QString *error = nullptr); // from :/demo/sedes.csv
    static QList<Area> areas(QString *error = nullptr); // from :/demo/areas.csv

    // Writes sedes and areas (each audited as created by UserService::systemActor()) and the demo
    // users through userService.addUser(). The store must be migrated (CoreSchema); when it has no
    // roles yet, core's RoleCatalog is synced first. db must be the connection the services use
    // on this thread.
    static bool seedCore(QSqlDatabase db,
                         UserService &userService,
                         AuditLog &audit,
                         QString *error = nullptr);
};

} // namespace tambo::core
