#pragma once

#include "services/AssetDirectory.h"

#include <QObject>

namespace tambo::patrimonio {

class AssetRepository;

// The patrimonio module's implementation of core::AssetDirectory, registered in the
// ServiceRegistry by PatrimonioPlugin::initialize() and removed in aboutToShutdown().
class AssetDirectoryService : public QObject, public core::AssetDirectory
{
    Q_OBJECT
    Q_INTERFACES(tambo::core::AssetDirectory)

public:
    explicit AssetDirectoryService(AssetRepository &repository, QObject *parent = nullptr);

    std::optional<core::AssetSummary> findByCode(const QString &code) const override;
    bool appendHistory(const core::Session &session,
                       const QString &code,
                       const QString &kind,
                       const QString &text,
                       QString *error = nullptr) override;

private:
    QString placeName(bool sede, const QString &id) const;

    AssetRepository &m_repository;
};

} // namespace tambo::patrimonio
