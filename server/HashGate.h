#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace tambo::server {

// Bounds how many Argon2id password checks run at once in one tambo-server process. Each check
// allocates PasswordHasher::memLimit() (64 MiB with libsodium's INTERACTIVE limits), so without a
// bound a burst of logins costs workers × 64 MiB and more. A login takes a Slot before it checks
// the password and waits at most a given time for one; when none frees up it is answered 503
// with Retry-After instead (AuthEndpoints). The observer sees every change of the number in
// flight (Metrics: tambo_password_hashes_in_flight and its maximum). Thread-safe.
class HashGate
{
public:
    using Observer = std::function<void(int inFlight)>;

    // A held slot; released when destroyed. Test it with if (slot).
    class Slot
    {
    public:
        Slot() = default;
        Slot(Slot &&other) noexcept;
        Slot &operator=(Slot &&other) noexcept;
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;
        ~Slot();
        explicit operator bool() const { return m_gate != nullptr; }
        void release();

    private:
        friend class HashGate;
        explicit Slot(HashGate *gate)
            : m_gate(gate)
        {}
        HashGate *m_gate = nullptr;
    };

    explicit HashGate(int slots, Observer observer = {});
    HashGate(const HashGate &) = delete;
    HashGate &operator=(const HashGate &) = delete;

    // A slot, waiting up to wait for one to free up; an empty Slot when none did.
    Slot acquire(std::chrono::milliseconds wait);

    int capacity() const { return m_slots; }
    int inFlight() const;
    int maxInFlight() const; // the most held at once since construction

private:
    void release();

    const int m_slots;
    Observer m_observer;
    mutable std::mutex m_mutex;
    std::condition_variable m_freed;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
};

} // namespace tambo::server
