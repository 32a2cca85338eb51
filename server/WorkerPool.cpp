#include "WorkerPool.h"

namespace tambo::server {

WorkerPool::WorkerPool(int threads, Hook onThreadStart, Hook onThreadExit)
    : m_onStart(std::move(onThreadStart))
    , m_onExit(std::move(onThreadExit))
{
    m_threads.reserve(size_t(std::max(1, threads)));
    for (int i = 0; i < std::max(1, threads); ++i)
        m_threads.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool()
{
    shutdown();
}

void WorkerPool::enqueue(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void WorkerPool::shutdown()
{
    {
        std::lock_guard lock(m_mutex);
        m_shuttingDown = true;
    }
    m_wake.notify_all();
    for (std::thread &t : m_threads) {
        if (t.joinable())
            t.join();
    }
}

void WorkerPool::work()
{
    if (m_onStart)
        m_onStart();
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_shuttingDown || !m_jobs.empty(); });
            if (m_jobs.empty())
                break; // shutting down and nothing left
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job();
    }
    if (m_onExit)
        m_onExit();
}

} // namespace tambo::server
