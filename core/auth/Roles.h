#pragma once

#include <QStringList>

namespace tambo::core::Roles {

// The roles every installation has. Titles are translated in RoleCatalog.
inline constexpr auto AdminOtic = "admin_otic";               // administrador OTIC
inline constexpr auto MesaPartes = "mesa_partes";             // mesa de partes
inline constexpr auto Gerencia = "gerencia";                  // clerk of a gerencia
inline constexpr auto PatrimonioInventariador = "patrimonio_inventariador";
inline constexpr auto PatrimonioJefe = "patrimonio_jefe";
inline constexpr auto SoporteTecnico = "soporte_tecnico";
inline constexpr auto ComitePgd = "comite_pgd";               // read only

inline QStringList all()
{
    return {AdminOtic, MesaPartes, Gerencia, PatrimonioInventariador, PatrimonioJefe,
            SoporteTecnico, ComitePgd};
}

} // namespace tambo::core::Roles
