#include "ShutdownSignals.h"

#include <cerrno>
#include <cstdint>

#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace tambo::server {

ShutdownSignals::ShutdownSignals(std::function<void(int)> onSignal)
    : m_onSignal(std::move(onSignal))
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, &m_previousMask);
    m_signalFd = ::signalfd(-1, &set, SFD_CLOEXEC);
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC);
    if (isValid())
        m_thread = std::thread([this] { watch(); });
}

ShutdownSignals::~ShutdownSignals()
{
    if (m_thread.joinable()) {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_wakeFd, &one, sizeof one);
        m_thread.join();
    }
    if (m_signalFd >= 0)
        ::close(m_signalFd);
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    pthread_sigmask(SIG_SETMASK, &m_previousMask, nullptr);
}

void ShutdownSignals::watch()
{
    for (;;) {
        pollfd fds[2] = {{m_signalFd, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
        const int ready = ::poll(fds, 2, -1);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (fds[1].revents & POLLIN)
            return;
        if (fds[0].revents & POLLIN) {
            signalfd_siginfo info{};
            if (::read(m_signalFd, &info, sizeof info) == ssize_t(sizeof info) && m_onSignal)
                m_onSignal(int(info.ssi_signo));
        }
    }
}

} // namespace tambo::server
