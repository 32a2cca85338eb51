#pragma once

#include "util/Clock.h"

namespace tambo::core {

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
    static SystemClock *instance();
};

} // namespace tambo::core
