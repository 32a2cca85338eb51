#pragma once

#include "Asset.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>

namespace tambo::patrimonio {

class AssetRepository;

// What happens to each code scanned (or typed) during one login session: the asset is looked
// up at once, a code seen before in the session is flagged as repeated, an unknown or
// malformed code gets a plain reason. Reads only; inventory campaigns record their scans.
class ScanSession
{
    Q_DECLARE_TR_FUNCTIONS(tambo::patrimonio::ScanSession)

public:
    enum class Outcome {
        Found,     // first scan of a registered asset
        Repeated,  // a registered asset scanned again in this session
        Unknown,   // a well-formed code that is not in the register
        Malformed, // not a código patrimonial (length, letters, zeros)
        Error,     // the store could not be read
    };

    struct Result
    {
        Outcome outcome = Outcome::Malformed;
        QString code; // normalised input
        std::optional<Asset> asset;
        int timesScanned = 0; // in this session, this one included
        QString message;      // translated, plain, for the banner
    };

    explicit ScanSession(const AssetRepository &repository);

    Result scan(const QString &input);

    int totalScans() const { return m_total; }
    int distinctAssets() const { return int(m_seen.size()); }
    void reset();

private:
    const AssetRepository &m_repository;
    QHash<QString, int> m_seen; // registered codes → times scanned
    int m_total = 0;
};

} // namespace tambo::patrimonio
