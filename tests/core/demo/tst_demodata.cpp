#include "CoreFixture.h"

#include "auth/Permission.h"
#include "auth/Roles.h"
#include "demo/DemoData.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

#include <memory>

using namespace tambo::core;
using tambo::test::CoreFixture;

class TestDemoData : public QObject
{
    Q_OBJECT

    bool seed(QString *error)
    {
        return DemoData::seedCore(m_fx->db(), m_fx->users(), m_fx->audit(), error);
    }

    int count(const QString &sql) { return m_fx->scalar(sql).toInt(); }

    // Every row of every table of core, so "changes nothing" can be checked.
    QByteArray fingerprint()
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const char *table : {"sedes",
                                  "areas",
                                  "roles",
                                  "role_permissions",
                                  "users",
                                  "audit_log",
                                  "audit_head",
                                  "device",
                                  "settings"}) {
            QSqlQuery query(m_fx->db());
            if (!query.exec(
                    QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(QLatin1String(table))))
                return {};
            hash.addData(table);
            while (query.next()) {
                for (int i = 0; i < query.record().count(); ++i)
                    hash.addData(query.value(i).toString().toUtf8() + '\x1f');
            }
        }
        return hash.result().toHex();
    }

private slots:
    void init()
    {
        m_fx = std::make_unique<CoreFixture>();
        QVERIFY2(m_fx->setupError().isEmpty(), qPrintable(m_fx->setupError()));
    }

    void cleanup() { m_fx.reset(); }

    void theFilesAreCompiledIn()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/demo/sedes.csv")));
        QVERIFY(QFile::exists(QStringLiteral(":/demo/areas.csv")));
        QString error;
        QCOMPARE(DemoData::sedes(&error).size(), 20);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(DemoData::areas(&error).size() >= 20);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void twentySedesFromThePgd()
    {
        QString error;
        QVERIFY2(seed(&error), qPrintable(error));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sedes")), 20);
        // PGD table 7: besides the Palacio, 5 sedes on fibre, 5 on radio links, 9 unlinked.
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sedes WHERE link = 'fibra'")), 6);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sedes WHERE link = 'radioenlace'")), 5);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sedes WHERE link = 'ninguno'")), 9);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT link FROM sedes WHERE name LIKE 'Palacio "
                                             "Municipal%'"))
                     .toString(),
                 QStringLiteral("fibra"));
        for (const char *name : {"Palacio Municipal (sede principal)",
                                 "Gerencia de Terminales Terrestres",
                                 "Gerencia de Gestión Ambiental",
                                 "Gerencia de Transporte y Seguridad Ciudadana",
                                 "Sub Gerencia de Comercialización (Mercado 2 de Mayo)",
                                 "Gerencia de Ingeniería y Obras",
                                 "Ex Palacio Municipal",
                                 "Mercado Grau Bolognesi",
                                 "Sub Gerencia de Gestión del Riesgo de Desastres",
                                 "Teatro Municipal",
                                 "Sub Gerencia de Fiscalización y Control",
                                 "Camal Municipal",
                                 "DEMUNA",
                                 "Taller Municipal",
                                 "Botadero Municipal",
                                 "Terminal Internacional",
                                 "OMAPED",
                                 "Piscina Olímpica",
                                 "Parque Perú",
                                 "Gerencia de Desarrollo Económico y Social"}) {
            QSqlQuery query(m_fx->db());
            query.prepare(QStringLiteral("SELECT COUNT(*) FROM sedes WHERE name = ?"));
            query.addBindValue(QString::fromUtf8(name));
            QVERIFY(query.exec() && query.next());
            QVERIFY2(query.value(0).toInt() == 1, name);
        }
    }

    void everySedeHasAreas()
    {
        QVERIFY(seed(nullptr));
        QCOMPARE(count(QStringLiteral(
                     "SELECT COUNT(*) FROM sedes WHERE id NOT IN (SELECT sede_id FROM areas)")),
                 0);
        for (const char *area : {"Gerencia Municipal",
                                 "Mesa de Partes (Trámite Documentario)",
                                 "Sub Gerencia de Contabilidad",
                                 "Gerencia de Administración Tributaria"}) {
            QSqlQuery query(m_fx->db());
            query.prepare(QStringLiteral("SELECT sede_id FROM areas WHERE name = ?"));
            query.addBindValue(QString::fromUtf8(area));
            QVERIFY(query.exec() && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("palacio"));
        }
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM areas WHERE name LIKE '%OTIC%'")) == 1);
    }

    void oneUserPerRole()
    {
        QVERIFY(seed(nullptr));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users")), 7);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(DISTINCT role_id) FROM users")), 7);
        const QList<DemoData::DemoUser> demo = DemoData::users();
        QCOMPARE(demo.size(), 7);
        for (const QString &role : Roles::all()) {
            QSqlQuery query(m_fx->db());
            query.prepare(QStringLiteral("SELECT username FROM users WHERE role_id = ?"));
            query.addBindValue(role);
            QVERIFY(query.exec() && query.next());
        }
    }

    void demoUsersLogIn_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("role");
        QTest::addRow("admin") << "admin" << QString::fromLatin1(Roles::AdminOtic);
        QTest::addRow("mesa") << "mesa" << QString::fromLatin1(Roles::MesaPartes);
        QTest::addRow("gerencia") << "gerencia" << QString::fromLatin1(Roles::Gerencia);
        QTest::addRow("inventariador")
            << "inventariador" << QString::fromLatin1(Roles::PatrimonioInventariador);
        QTest::addRow("jefe.patrimonio")
            << "jefe.patrimonio" << QString::fromLatin1(Roles::PatrimonioJefe);
        QTest::addRow("soporte") << "soporte" << QString::fromLatin1(Roles::SoporteTecnico);
        QTest::addRow("comite") << "comite" << QString::fromLatin1(Roles::ComitePgd);
    }

    void demoUsersLogIn()
    {
        QFETCH(QString, username);
        QFETCH(QString, role);
        QString error;
        QVERIFY2(seed(&error), qPrintable(error));
        const LoginResult result = m_fx->auth().login(username, QStringLiteral("tambo2026"));
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.session.roleId, role);
        QVERIFY(!result.session.sedeId.isEmpty());
        QCOMPARE(result.session.can(QString::fromLatin1(Permissions::UsersManage)),
                 role == QLatin1String(Roles::AdminOtic));
    }

    void everythingIsAudited()
    {
        QVERIFY(seed(nullptr));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'sede'")), 20);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'area'")),
                 count(QStringLiteral("SELECT COUNT(*) FROM areas")));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'user'")), 7);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT DISTINCT actor FROM audit_log")).toString(),
                 QStringLiteral("tambo"));
        QVERIFY(m_fx->audit().verify().ok());
    }

    void secondCallChangesNothing()
    {
        QString error;
        QVERIFY2(seed(&error), qPrintable(error));
        const QByteArray first = fingerprint();
        QVERIFY(!first.isEmpty());
        const int changes = count(QStringLiteral("SELECT total_changes()"));
        m_fx->clock().advanceMinutes(60);
        QVERIFY2(seed(&error), qPrintable(error));
        QCOMPARE(count(QStringLiteral("SELECT total_changes()")), changes);
        QCOMPARE(fingerprint(), first);
    }

    void seedsAStoreWithoutRoles()
    {
        // Only migrated: the roles are synced by seedCore itself.
        QVERIFY(QSqlQuery(m_fx->db()).exec(QStringLiteral("DELETE FROM role_permissions")));
        QVERIFY(QSqlQuery(m_fx->db()).exec(QStringLiteral("DELETE FROM roles")));
        QString error;
        QVERIFY2(seed(&error), qPrintable(error));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM roles")), 7);
        QVERIFY(m_fx->auth()
                    .login(QStringLiteral("admin"), QStringLiteral("tambo2026"))
                    .session.can(QString::fromLatin1(Permissions::UsersManage)));
    }

    void keepsWhatTheOfficeChanged()
    {
        QVERIFY(seed(nullptr));
        QVERIFY(QSqlQuery(m_fx->db())
                    .exec(QStringLiteral("UPDATE sedes SET link = 'fibra' WHERE id = 'camal'")));
        QVERIFY(QSqlQuery(m_fx->db())
                    .exec(QStringLiteral("DELETE FROM areas WHERE id = 'camal-administracion'")));
        QVERIFY(seed(nullptr));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT link FROM sedes WHERE id = 'camal'")).toString(),
                 QStringLiteral("fibra"));
        // A missing demo row is simply created again.
        QCOMPARE(count(QStringLiteral(
                     "SELECT COUNT(*) FROM areas WHERE id = 'camal-administracion'")),
                 1);
    }

private:
    std::unique_ptr<CoreFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
