#include "SimRandom.h"

#include <limits>

namespace tambo::test {

SimRandom::SimRandom(quint64 seed)
    : m_engine(seed)
{}

quint64 SimRandom::next()
{
    return m_engine();
}

quint64 SimRandom::below(quint64 n)
{
    if (n <= 1)
        return 0;
    // Rejection sampling: drop the top partial bucket so every value is equally likely.
    const quint64 limit = std::numeric_limits<quint64>::max()
                          - std::numeric_limits<quint64>::max() % n;
    quint64 v = m_engine();
    while (v >= limit)
        v = m_engine();
    return v % n;
}

int SimRandom::between(int lo, int hi)
{
    if (hi <= lo)
        return lo;
    return lo + int(below(quint64(qint64(hi) - lo + 1)));
}

bool SimRandom::chance(int percent)
{
    return int(below(100)) < percent;
}

} // namespace tambo::test
