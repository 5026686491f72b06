// A fixed set of worker threads with a bounded queue. A job that does not fit is
// refused at once (the server answers 503 with Retry-After) instead of piling up.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace galley::server {

class WorkerPool {
 public:
  WorkerPool(std::size_t workers, std::size_t queue_capacity);
  ~WorkerPool();  // finishes the queued jobs, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when every worker is busy and `queue_capacity` jobs are already waiting
  // (the job is not taken).
  bool try_submit(std::function<void()> job);
  std::size_t queued() const;
  std::size_t running() const;
  std::size_t workers() const { return threads_.size(); }
  // Stop taking jobs, finish those queued, join the threads.
  void shutdown();

 private:
  void work();
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> threads_;
  std::size_t capacity_;
  std::size_t running_ = 0;
  bool stopping_ = false;
};

}  // namespace galley::server
