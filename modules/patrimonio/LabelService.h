#pragma once

#include "LabelContent.h"
#include "LabelProfile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace tambo::core {
struct Session;
}

namespace tambo::patrimonio {

class AssetRepository;

// Labels for a batch of assets, whoever asks: the register's selection, an inventory campaign
// (its list of códigos), tambo-admin. Turns códigos into LabelContents from the register and
// writes them as PDF. Needs patrimonio.view (labels show only what the register shows).
// Reads only: printing a label changes nothing in the store.
class LabelService
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::LabelService)

public:
    struct Batch
    {
        LabelContents labels;  // in the order asked for
        QStringList unknown;   // well-formed códigos not in the register
        QStringList malformed; // inputs that are not a código patrimonial
        QString error;         // permission or store failure

        // Every code was found and nothing failed.
        bool ok() const { return error.isEmpty() && unknown.isEmpty() && malformed.isEmpty(); }
        // Plain, translated account of what went wrong (several lines), empty when ok().
        QString problemText() const;
    };

    explicit LabelService(const AssetRepository &assets);

    // Labels for these códigos, in the same order (a code asked twice gives two labels). Input
    // is normalised as CodigoPatrimonial does ("7408 9950-0006").
    Batch labelsFor(const core::Session &session, const QStringList &codigos) const;
    // A label for every asset in the register, ordered by código.
    Batch allLabels(const core::Session &session) const;
    // labelsFor() then LabelSheetRenderer::writePdf(); nothing is written unless every code
    // was found. *pages gets the number of pages written.
    bool writePdf(const core::Session &session,
                  const LabelProfile &profile,
                  const QStringList &codigos,
                  const QString &path,
                  QString *error = nullptr,
                  int *pages = nullptr) const;

private:
    const AssetRepository &m_assets;
};

} // namespace tambo::patrimonio
