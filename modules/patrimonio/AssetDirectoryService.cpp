#include "AssetDirectoryService.h"

#include "AssetRepository.h"

namespace tambo::patrimonio {

AssetDirectoryService::AssetDirectoryService(AssetRepository &repository, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
{
    setObjectName(QStringLiteral("patrimonio.AssetDirectory"));
}

QString AssetDirectoryService::placeName(bool sede, const QString &id) const
{
    if (id.isEmpty())
        return {};
    const QList<Place> places = sede ? m_repository.sedes() : m_repository.areas();
    for (const Place &p : places) {
        if (p.id == id)
            return p.name;
    }
    return id;
}

std::optional<core::AssetSummary> AssetDirectoryService::findByCode(const QString &code) const
{
    const std::optional<Asset> asset = m_repository.findByCode(code);
    if (!asset)
        return std::nullopt;
    core::AssetSummary s;
    s.id = asset->id;
    s.code = asset->codigo;
    s.denominacion = asset->denominacion;
    s.marca = asset->marca;
    s.modelo = asset->modelo;
    s.serie = asset->serie;
    s.estado = Estados::code(asset->estado);
    s.estadoTitle = Estados::title(asset->estado);
    s.enUso = asset->situacion == Situacion::Uso;
    s.sedeId = asset->sedeId;
    s.sedeName = placeName(true, asset->sedeId);
    s.areaId = asset->areaId;
    s.areaName = placeName(false, asset->areaId);
    s.ambiente = asset->ambiente;
    s.responsable = asset->responsable;
    return s;
}

bool AssetDirectoryService::appendHistory(const core::Session &session,
                                          const QString &code,
                                          const QString &kind,
                                          const QString &text,
                                          QString *error)
{
    return m_repository.appendHistory(session, code, kind, text, error);
}

} // namespace tambo::patrimonio
