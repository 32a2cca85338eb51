#include "LabelService.h"

#include "AssetRepository.h"
#include "AssetSnapshot.h"
#include "CodigoPatrimonial.h"
#include "LabelSheetRenderer.h"
#include "PatrimonioPermissions.h"

#include "auth/Session.h"

#include <algorithm>

namespace tambo::patrimonio {

namespace {

bool mayView(const core::Session &session, QString *error)
{
    if (session.can(QString::fromLatin1(Permissions::View)))
        return true;
    *error = LabelService::tr("You may not print asset labels (permission %1).")
                 .arg(QString::fromLatin1(Permissions::View));
    return false;
}

} // namespace

QString LabelService::Batch::problemText() const
{
    QStringList lines;
    if (!error.isEmpty())
        lines << error;
    if (!malformed.isEmpty()) {
        lines << tr("%n code(s) are not a código patrimonial: %1", nullptr, int(malformed.size()))
                     .arg(malformed.join(QStringLiteral(", ")));
    }
    if (!unknown.isEmpty()) {
        lines << tr("%n code(s) are not in the register: %1", nullptr, int(unknown.size()))
                     .arg(unknown.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

LabelService::LabelService(const AssetRepository &assets)
    : m_assets(assets)
{}

LabelService::Batch LabelService::labelsFor(const core::Session &session,
                                            const QStringList &codigos) const
{
    Batch batch;
    if (!mayView(session, &batch.error))
        return batch;
    batch.labels.reserve(codigos.size());
    for (const QString &input : codigos) {
        const CodigoPatrimonial codigo(input);
        if (!codigo.isValid()) {
            batch.malformed << input.trimmed();
            continue;
        }
        QString error;
        const std::optional<Asset> asset = m_assets.findByCode(codigo.toString(), &error);
        if (!error.isEmpty()) {
            batch.error = error;
            return batch;
        }
        if (!asset) {
            batch.unknown << codigo.toString();
            continue;
        }
        batch.labels.append({asset->codigo, asset->denominacion});
    }
    return batch;
}

LabelService::Batch LabelService::allLabels(const core::Session &session) const
{
    Batch batch;
    if (!mayView(session, &batch.error))
        return batch;
    AssetSnapshot snapshot;
    if (!m_assets.loadSnapshot(session, &snapshot, &batch.error))
        return batch;
    batch.labels.reserve(snapshot.size());
    for (int i = 0; i < snapshot.size(); ++i) {
        const AssetSnapshot::Row &row = snapshot.row(i);
        batch.labels.append({snapshot.text(row.codigo), snapshot.text(row.denominacion)});
    }
    std::sort(batch.labels.begin(),
              batch.labels.end(),
              [](const LabelContent &a, const LabelContent &b) { return a.codigo < b.codigo; });
    return batch;
}

bool LabelService::writePdf(const core::Session &session,
                            const LabelProfile &profile,
                            const QStringList &codigos,
                            const QString &path,
                            QString *error,
                            int *pages) const
{
    const Batch batch = labelsFor(session, codigos);
    if (!batch.ok()) {
        if (error)
            *error = batch.problemText();
        return false;
    }
    const LabelSheetRenderer renderer(profile);
    if (!renderer.writePdf(path, batch.labels, error))
        return false;
    if (pages)
        *pages = renderer.pageCount(int(batch.labels.size()));
    return true;
}

} // namespace tambo::patrimonio
