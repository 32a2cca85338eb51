#pragma once

#include <functional>

namespace tambo::core {

// When the sync worker tries again: every pollIntervalMs while things work; after failures an
// exponential backoff (baseDelayMs · 2^(failures-1), at most maxDelayMs) with jitter, so 870
// PCs that lost the link together do not come back together. The random source is injected
// (tests give a fixed sequence): delay = d · (1 - jitter + jitter · random()), random in [0, 1).
class RetryPolicy
{
public:
    struct Options
    {
        int pollIntervalMs = 30000;
        int baseDelayMs = 2000;
        int maxDelayMs = 300000;
        double jitter = 0.5; // 0: none; 1: anywhere between 0 and the delay
    };
    using Random = std::function<double()>;

    RetryPolicy();
    explicit RetryPolicy(Options options, Random random = {});

    // Records the outcome of a run and returns the delay before the next one.
    int nextDelayMs(bool lastRunFailed);
    int failures() const { return m_failures; }
    void reset() { m_failures = 0; }

private:
    Options m_options;
    Random m_random;
    int m_failures = 0;
};

} // namespace tambo::core
