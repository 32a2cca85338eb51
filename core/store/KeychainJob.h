#pragma once

namespace QKeychain {
class Job;
}

namespace tambo::core {

// Runs a QtKeychain job to completion in a local event loop (a QCoreApplication must exist).
// Returns false on timeout: the job is then left to delete itself whenever the keychain answers,
// since its backend may still call back into it; on true the caller owns (and deletes) the job.
// QtKeychain's insecure plain-text fallback is switched off.
bool runKeychainJob(QKeychain::Job *job, int timeoutMs);

} // namespace tambo::core
