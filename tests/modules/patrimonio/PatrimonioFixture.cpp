#include "PatrimonioFixture.h"

#include "CodigoPatrimonial.h"
#include "PatrimonioDemo.h"
#include "PatrimonioPlugin.h"
#include "PatrimonioSchema.h"

#include "demo/DemoData.h"

namespace tambo::test {

PatrimonioFixture::PatrimonioFixture()
{
    if (!CoreFixture::setupError().isEmpty())
        return;
    core::MigrationRunner runner(db(), clock());
    runner.addModule(patrimonio::PatrimonioSchema::moduleId(),
                     patrimonio::PatrimonioSchema::steps());
    const auto report = runner.migrate();
    if (!report.ok()) {
        m_error = report.error;
        return;
    }
    if (!core::DemoData::seedCore(db(), users(), audit(), &m_error))
        return;
    const core::DatabaseProvider provider = core::databaseProviderOf(temp().store());
    m_assets = std::make_unique<patrimonio::AssetRepository>(provider, clock(), audit());
    m_catalogo = std::make_unique<patrimonio::CatalogoRepository>(provider, clock(), audit());
    const auto imported = m_catalogo->importEntries(QStringLiteral("test"),
                                                    patrimonio::PatrimonioDemo::catalogo(&m_error));
    if (m_error.isEmpty() && !imported.ok())
        m_error = imported.error;
}

core::Session PatrimonioFixture::sessionFor(const QString &roleId, const QString &username)
{
    patrimonio::PatrimonioPlugin plugin;
    core::Session s;
    s.userId = 7;
    s.username = username;
    s.fullName = username;
    s.roleId = roleId;
    s.permissions = core::RoleCatalog::grants(plugin.permissions()).value(roleId);
    s.loggedInAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    return s;
}

core::Session PatrimonioFixture::inventariador()
{
    return sessionFor(QStringLiteral("patrimonio_inventariador"), QStringLiteral("inventariador"));
}

core::Session PatrimonioFixture::jefe()
{
    return sessionFor(QStringLiteral("patrimonio_jefe"), QStringLiteral("jefe.patrimonio"));
}

core::Session PatrimonioFixture::soporte()
{
    return sessionFor(QStringLiteral("soporte_tecnico"), QStringLiteral("soporte"));
}

core::Session PatrimonioFixture::comite()
{
    return sessionFor(QStringLiteral("comite_pgd"), QStringLiteral("comite"));
}

core::Session PatrimonioFixture::mesaPartes()
{
    return sessionFor(QStringLiteral("mesa_partes"), QStringLiteral("mesa"));
}

patrimonio::Asset PatrimonioFixture::cpu(const QString &codigo)
{
    patrimonio::Asset a;
    a.codigo = codigo;
    a.denominacion = QStringLiteral("UNIDAD CENTRAL DE PROCESO - CPU");
    a.marca = QStringLiteral("HP");
    a.modelo = QStringLiteral("PRODESK 400 G7 SFF");
    a.serie = QStringLiteral("MXL1234567");
    a.color = QStringLiteral("NEGRO");
    a.estado = patrimonio::Estado::Bueno;
    a.sedeId = QStringLiteral("palacio");
    a.areaId = QStringLiteral("palacio-otic");
    a.ambiente = QStringLiteral("OFICINA 204");
    a.responsable = QStringLiteral("MAMANI QUISPE, Rosa");
    a.fechaAdquisicion = QDate(2021, 5, 14);
    a.valorCentimos = 345000;
    a.cuentaContable = QStringLiteral("1503.0203");
    return a;
}

bool PatrimonioFixture::addCpus(int count)
{
    QList<patrimonio::Asset> list;
    for (int i = 1; i <= count; ++i) {
        patrimonio::Asset a = cpu(
            patrimonio::CodigoPatrimonial::fromParts(QStringLiteral("74089950"), i).toString());
        a.serie = QStringLiteral("MXL%1").arg(i, 7, 10, QLatin1Char('0'));
        list.append(a);
    }
    return m_assets->insertMany(jefe(), &list, &m_lastError);
}

int PatrimonioFixture::auditRows(const QString &entity)
{
    QSqlQuery query(db());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = ?"));
    query.addBindValue(entity);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toInt();
}

int PatrimonioFixture::historyRows()
{
    return scalar(QStringLiteral("SELECT COUNT(*) FROM patrimonio_asset_history")).toInt();
}

} // namespace tambo::test
