#include "HashGate.h"

#include <algorithm>
#include <utility>

namespace tambo::server {

HashGate::Slot::Slot(Slot &&other) noexcept
    : m_gate(std::exchange(other.m_gate, nullptr))
{}

HashGate::Slot &HashGate::Slot::operator=(Slot &&other) noexcept
{
    if (this != &other) {
        release();
        m_gate = std::exchange(other.m_gate, nullptr);
    }
    return *this;
}

HashGate::Slot::~Slot()
{
    release();
}

void HashGate::Slot::release()
{
    if (HashGate *gate = std::exchange(m_gate, nullptr))
        gate->release();
}

HashGate::HashGate(int slots, Observer observer)
    : m_slots(std::max(1, slots))
    , m_observer(std::move(observer))
{}

HashGate::Slot HashGate::acquire(std::chrono::milliseconds wait)
{
    std::unique_lock lock(m_mutex);
    if (!m_freed.wait_for(lock, wait, [this] { return m_inFlight < m_slots; }))
        return {};
    ++m_inFlight;
    m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
    if (m_observer)
        m_observer(m_inFlight);
    return Slot(this);
}

void HashGate::release()
{
    {
        std::lock_guard lock(m_mutex);
        --m_inFlight;
        if (m_observer)
            m_observer(m_inFlight);
    }
    m_freed.notify_one();
}

int HashGate::inFlight() const
{
    std::lock_guard lock(m_mutex);
    return m_inFlight;
}

int HashGate::maxInFlight() const
{
    std::lock_guard lock(m_mutex);
    return m_maxInFlight;
}

} // namespace tambo::server
