#include "FakeClock.h"

namespace tambo::test {

FakeClock::FakeClock(const QDateTime &start)
    : m_now(start)
{}

QDateTime FakeClock::now() const
{
    return m_now;
}

void FakeClock::set(const QDateTime &t)
{
    m_now = t.toUTC();
}

void FakeClock::advanceSecs(qint64 secs)
{
    m_now = m_now.addSecs(secs);
}

} // namespace tambo::test
