#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tambo::server {

// The request threads of HttpServer (an httplib::TaskQueue). Unlike httplib's own ThreadPool it
// runs a hook when each thread starts and before it ends, on that thread: tambo-server uses the
// second to close the thread's PostgreSQL connection. shutdown() lets the threads finish every
// accepted connection first, then joins them.
class WorkerPool final : public httplib::TaskQueue
{
public:
    using Hook = std::function<void()>;

    WorkerPool(int threads, Hook onThreadStart, Hook onThreadExit);
    ~WorkerPool() override;
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    void enqueue(std::function<void()> job) override;
    void shutdown() override;

private:
    void work();

    Hook m_onStart;
    Hook m_onExit;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_shuttingDown = false;
    std::vector<std::thread> m_threads;
};

} // namespace tambo::server
