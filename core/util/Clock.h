#pragma once

#include <QDateTime>

namespace tambo::core {

// Everything time-based (plazos, lockouts, idle lock, audit, sync retry) asks a Clock, so tests
// can move time by hand (tests/support/FakeClock).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
};

} // namespace tambo::core
