#include "sync/RetryPolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace tambo::core {

RetryPolicy::RetryPolicy()
    : RetryPolicy(Options{})
{}

RetryPolicy::RetryPolicy(Options options, Random random)
    : m_options(options)
    , m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

int RetryPolicy::nextDelayMs(bool lastRunFailed)
{
    if (!lastRunFailed) {
        m_failures = 0;
        return m_options.pollIntervalMs;
    }
    ++m_failures;
    const double exponential = double(m_options.baseDelayMs)
                               * std::pow(2.0, double(std::min(m_failures - 1, 30)));
    const double capped = std::min(exponential, double(m_options.maxDelayMs));
    const double jitter = std::clamp(m_options.jitter, 0.0, 1.0);
    const double r = std::clamp(m_random(), 0.0, 1.0);
    return std::max(1, int(capped * (1.0 - jitter + jitter * r)));
}

} // namespace tambo::core
