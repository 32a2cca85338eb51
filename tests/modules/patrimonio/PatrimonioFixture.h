#pragma once

#include "CoreFixture.h"

#include "AssetRepository.h"
#include "CatalogoRepository.h"

#include "auth/Session.h"

#include <memory>

namespace tambo::test {

// A CoreFixture with core's demo sedes and areas, the patrimonio schema, the demo catálogo and
// the module's repositories (sharing the fixture's AuditLog). Check setupError() first.
class PatrimonioFixture : public CoreFixture
{
public:
    PatrimonioFixture();

    QString setupError() const { return m_error.isEmpty() ? CoreFixture::setupError() : m_error; }
    patrimonio::AssetRepository &assets() { return *m_assets; }
    patrimonio::CatalogoRepository &catalogo() { return *m_catalogo; }

    // Sessions with a role's default permissions (core's and the patrimonio module's).
    static core::Session sessionFor(const QString &roleId, const QString &username);
    static core::Session inventariador();
    static core::Session jefe();
    static core::Session soporte();
    static core::Session comite();
    static core::Session mesaPartes(); // holds no patrimonio permission

    // A valid asset (catálogo 74089950, CPU) in the Palacio's OTIC.
    static patrimonio::Asset cpu(const QString &codigo);
    // Inserts `count` CPUs 740899500001… as the jefe; false on failure (see lastError()).
    bool addCpus(int count);
    QString lastError() const { return m_lastError; }

    int auditRows(const QString &entity);
    int historyRows();

private:
    QString m_error;
    QString m_lastError;
    std::unique_ptr<patrimonio::AssetRepository> m_assets;
    std::unique_ptr<patrimonio::CatalogoRepository> m_catalogo;
};

} // namespace tambo::test
