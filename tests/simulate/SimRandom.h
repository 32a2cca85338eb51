#pragma once

#include <QtGlobal>

#include <random>

namespace tambo::test {

// The only source of randomness of tambo-simulate: a std::mt19937_64 seeded from the seed and
// nothing else (never std::random_device, the time or the addresses), and draws made with
// integer arithmetic of our own instead of std::uniform_int_distribution (whose results differ
// between standard libraries). The same seed gives the same draws on every machine, so a
// failing seed reproduces exactly.
class SimRandom
{
public:
    explicit SimRandom(quint64 seed);

    quint64 next();
    // Uniform in [0, n) (n > 0), without modulo bias.
    quint64 below(quint64 n);
    // Uniform in [lo, hi].
    int between(int lo, int hi);
    // True with probability percent / 100.
    bool chance(int percent);

private:
    std::mt19937_64 m_engine;
};

} // namespace tambo::test
