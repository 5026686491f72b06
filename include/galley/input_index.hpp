// Indexes of archive inputs, shared by the articles of one run. Batch mode converts
// each page of a web archive as its own article, on several threads: the archive is
// indexed once, on first use, and every page's conversion reuses that index
// (ReaderOptions::indexes). Format-free: a reader keeps what it needs, derived from
// InputIndex, under a key of its choosing (a file's path and identity).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace galley {

class InputIndex {
 public:
  virtual ~InputIndex() = default;
};

class InputIndexCache {
 public:
  // At most `keep` indexes are kept (the most recently asked for); one dropped is
  // made again when asked for (batch inputs come archive after archive).
  explicit InputIndexCache(std::size_t keep = 4) : keep_(keep ? keep : 1) {}
  // The index under `key`, made by `make` the first time; other threads asking for
  // the same key meanwhile wait for it. An exception from `make` reaches every
  // caller waiting, and nothing is kept (the next call tries again).
  std::shared_ptr<const InputIndex> get(const std::string& key,
                                        const std::function<std::shared_ptr<const InputIndex>()>& make);
  std::size_t size() const;

 private:
  struct Slot {
    std::shared_future<std::shared_ptr<const InputIndex>> index;
    std::uint64_t used = 0;
    std::uint64_t id = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Slot> slots_;
  std::uint64_t clock_ = 0;
  std::size_t keep_;
};

}  // namespace galley
