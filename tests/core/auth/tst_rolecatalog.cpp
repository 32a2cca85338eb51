#include "FakeClock.h"
#include "TempStore.h"

#include "auth/Permission.h"
#include "auth/RoleCatalog.h"
#include "auth/Roles.h"
#include "migrations/CoreSchema.h"
#include "migrations/MigrationRunner.h"

#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace tambo::core;

class TestRoleCatalog : public QObject
{
    Q_OBJECT

    QSqlDatabase db() { return m_temp->store().database(); }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    QSet<QString> storedGrants(const QString &role)
    {
        QSet<QString> result;
        QSqlQuery query(db());
        query.prepare(QStringLiteral("SELECT permission FROM role_permissions WHERE role_id = ?"));
        query.addBindValue(role);
        if (query.exec()) {
            while (query.next())
                result.insert(query.value(0).toString());
        }
        return result;
    }

    static QList<PermissionDef> moduleDefs()
    {
        return {{QStringLiteral("patrimonio.inventory.scan"),
                 QStringLiteral("Scan"),
                 {QString::fromLatin1(Roles::PatrimonioInventariador),
                  QString::fromLatin1(Roles::PatrimonioJefe)}},
                {QStringLiteral("patrimonio.reports.view"),
                 QStringLiteral("Reports"),
                 {QString::fromLatin1(Roles::PatrimonioJefe),
                  QString::fromLatin1(Roles::ComitePgd)}}};
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<tambo::test::TempStore>();
        MigrationRunner runner(db(), m_clock);
        runner.addModule(CoreSchema::moduleId(), CoreSchema::steps());
        const auto report = runner.migrate();
        QVERIFY2(report.ok(), qPrintable(report.error));
    }

    void cleanup() { m_temp.reset(); }

    void sevenRolesWithTitles()
    {
        const auto roles = RoleCatalog::roles();
        QCOMPARE(roles.size(), 7);
        QStringList ids;
        QSet<QString> titles;
        for (const auto &role : roles) {
            ids.append(role.id);
            QVERIFY(!role.title.isEmpty());
            titles.insert(role.title);
            QVERIFY(RoleCatalog::isKnown(role.id));
            QCOMPARE(RoleCatalog::title(role.id), role.title);
        }
        QCOMPARE(ids, Roles::all());
        QCOMPARE(titles.size(), 7);
        QCOMPARE(RoleCatalog::title(QString::fromLatin1(Roles::AdminOtic)),
                 QStringLiteral("OTIC administrator"));
        QCOMPARE(RoleCatalog::title(QString::fromLatin1(Roles::ComitePgd)),
                 QStringLiteral("PGD committee (read only)"));
        QVERIFY(!RoleCatalog::isKnown(QStringLiteral("root")));
        QCOMPARE(RoleCatalog::title(QStringLiteral("root")), QStringLiteral("root"));
    }

    void coreGrants_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("users");
        QTest::addColumn<bool>("audit");
        QTest::addColumn<bool>("settings");
        QTest::addRow("admin") << QString::fromLatin1(Roles::AdminOtic) << true << true << true;
        QTest::addRow("mesa") << QString::fromLatin1(Roles::MesaPartes) << false << false << false;
        QTest::addRow("gerencia") << QString::fromLatin1(Roles::Gerencia) << false << false
                                  << false;
        QTest::addRow("inventariador")
            << QString::fromLatin1(Roles::PatrimonioInventariador) << false << false << false;
        QTest::addRow("jefe") << QString::fromLatin1(Roles::PatrimonioJefe) << false << false
                              << false;
        QTest::addRow("soporte") << QString::fromLatin1(Roles::SoporteTecnico) << false << false
                                 << false;
        QTest::addRow("comite") << QString::fromLatin1(Roles::ComitePgd) << false << true << false;
    }

    void coreGrants()
    {
        QFETCH(QString, role);
        QFETCH(bool, users);
        QFETCH(bool, audit);
        QFETCH(bool, settings);
        QString error;
        const auto grants = RoleCatalog::grants({}, &error);
        QVERIFY(error.isEmpty());
        const QSet<QString> mine = grants.value(role);
        QVERIFY(mine.contains(QString::fromLatin1(Permissions::Home)));
        QCOMPARE(mine.contains(QString::fromLatin1(Permissions::UsersManage)), users);
        QCOMPARE(mine.contains(QString::fromLatin1(Permissions::AuditView)), audit);
        QCOMPARE(mine.contains(QString::fromLatin1(Permissions::SettingsManage)), settings);
    }

    void modulePermissionsAreGrantedToTheirRoles()
    {
        const auto grants = RoleCatalog::grants(moduleDefs());
        QVERIFY(grants.value(QString::fromLatin1(Roles::PatrimonioInventariador))
                    .contains(QStringLiteral("patrimonio.inventory.scan")));
        QVERIFY(grants.value(QString::fromLatin1(Roles::ComitePgd))
                    .contains(QStringLiteral("patrimonio.reports.view")));
        QVERIFY(!grants.value(QString::fromLatin1(Roles::ComitePgd))
                     .contains(QStringLiteral("patrimonio.inventory.scan")));
        QVERIFY(!grants.value(QString::fromLatin1(Roles::AdminOtic))
                     .contains(QStringLiteral("patrimonio.inventory.scan")));
    }

    void anUnknownRoleIsAnError()
    {
        QString error;
        const auto grants = RoleCatalog::grants({{QStringLiteral("x.y"),
                                                  QStringLiteral("X"),
                                                  {QStringLiteral("alcalde")}}},
                                                &error);
        QVERIFY(grants.isEmpty());
        QCOMPARE(error, QStringLiteral("Permission x.y is granted to an unknown role alcalde."));
        QVERIFY(!RoleCatalog::syncToDatabase(db(),
                                             {{QStringLiteral("x.y"),
                                               QStringLiteral("X"),
                                               {QStringLiteral("alcalde")}}},
                                             &error));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM roles")).toInt(), 0);
    }

    void syncWritesRolesAndGrants()
    {
        QString error;
        QVERIFY2(RoleCatalog::syncToDatabase(db(), moduleDefs(), &error), qPrintable(error));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM roles")).toInt(), 7);
        QCOMPARE(scalar(QStringLiteral("SELECT title FROM roles WHERE id = 'mesa_partes'"))
                     .toString(),
                 QStringLiteral("Front desk (mesa de partes)"));
        const auto expected = RoleCatalog::grants(moduleDefs());
        for (const QString &role : Roles::all())
            QCOMPARE(storedGrants(role), expected.value(role));
    }

    void secondSyncChangesNothing()
    {
        QVERIFY(RoleCatalog::syncToDatabase(db(), moduleDefs()));
        const int changes = scalar(QStringLiteral("SELECT total_changes()")).toInt();
        QVERIFY(RoleCatalog::syncToDatabase(db(), moduleDefs()));
        QCOMPARE(scalar(QStringLiteral("SELECT total_changes()")).toInt(), changes);
    }

    void syncDropsGrantsNoLongerDeclared()
    {
        QVERIFY(RoleCatalog::syncToDatabase(db(), moduleDefs()));
        QVERIFY(storedGrants(QString::fromLatin1(Roles::ComitePgd))
                    .contains(QStringLiteral("patrimonio.reports.view")));
        QVERIFY(RoleCatalog::syncToDatabase(db(), {}));
        QVERIFY(!storedGrants(QString::fromLatin1(Roles::ComitePgd))
                     .contains(QStringLiteral("patrimonio.reports.view")));
        QCOMPARE(storedGrants(QString::fromLatin1(Roles::ComitePgd)),
                 RoleCatalog::grants({}).value(QString::fromLatin1(Roles::ComitePgd)));
    }

private:
    std::unique_ptr<tambo::test::TempStore> m_temp;
    tambo::test::FakeClock m_clock;
};

QTEST_GUILESS_MAIN(TestRoleCatalog)
#include "tst_rolecatalog.moc"
