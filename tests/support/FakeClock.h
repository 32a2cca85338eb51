#pragma once

#include "util/Clock.h"

namespace tambo::test {

// A clock that only moves when the test says so.
class FakeClock final : public core::Clock
{
public:
    explicit FakeClock(const QDateTime &start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    QDateTime now() const override;
    void set(const QDateTime &t);
    void advanceSecs(qint64 secs);
    void advanceMinutes(qint64 minutes) { advanceSecs(minutes * 60); }

private:
    QDateTime m_now;
};

} // namespace tambo::test
