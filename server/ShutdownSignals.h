#pragma once

#include <functional>
#include <thread>

#include <csignal>

namespace tambo::server {

// SIGTERM (systemd, docker, kill) and SIGINT (Ctrl-C) as a callback on a dedicated thread, so
// the callback may do anything (log, stop the HTTP server), which a signal handler may not.
//
// The constructor blocks both signals in the calling thread; build it in main() before any other
// thread starts, so every thread inherits the mask and only the watcher receives them (through
// a signalfd). Each signal calls onSignal(signalNumber). The destructor stops the watcher and
// restores the previous mask.
class ShutdownSignals
{
public:
    explicit ShutdownSignals(std::function<void(int)> onSignal);
    ~ShutdownSignals();
    ShutdownSignals(const ShutdownSignals &) = delete;
    ShutdownSignals &operator=(const ShutdownSignals &) = delete;

    bool isValid() const { return m_signalFd >= 0 && m_wakeFd >= 0; }

private:
    void watch();

    std::function<void(int)> m_onSignal;
    sigset_t m_previousMask{};
    int m_signalFd = -1;
    int m_wakeFd = -1;
    std::thread m_thread;
};

} // namespace tambo::server
