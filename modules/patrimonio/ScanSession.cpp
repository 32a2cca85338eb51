#include "ScanSession.h"

#include "AssetRepository.h"
#include "CodigoPatrimonial.h"

namespace tambo::patrimonio {

ScanSession::ScanSession(const AssetRepository &repository)
    : m_repository(repository)
{}

ScanSession::Result ScanSession::scan(const QString &input)
{
    Result r;
    ++m_total;
    const CodigoPatrimonial code(input);
    r.code = code.toString();
    if (!code.isValid()) {
        r.outcome = Outcome::Malformed;
        r.message = code.problemText();
        return r;
    }
    QString error;
    r.asset = m_repository.findByCode(code.toString(), &error);
    if (!error.isEmpty()) {
        r.outcome = Outcome::Error;
        r.message = error;
        return r;
    }
    if (!r.asset) {
        r.outcome = Outcome::Unknown;
        r.message = tr("The code %1 is not in the register. Check the label, or report it as a "
                       "sobrante.")
                        .arg(r.code);
        return r;
    }
    r.timesScanned = ++m_seen[r.code];
    if (r.timesScanned == 1) {
        r.outcome = Outcome::Found;
        r.message = tr("%1: %2").arg(r.code, r.asset->denominacion);
    } else {
        r.outcome = Outcome::Repeated;
        r.message = tr("Already scanned: %1 (%2) has been scanned %n time(s) in this session.",
                       nullptr,
                       r.timesScanned)
                        .arg(r.code, r.asset->denominacion);
    }
    return r;
}

void ScanSession::reset()
{
    m_seen.clear();
    m_total = 0;
}

} // namespace tambo::patrimonio
