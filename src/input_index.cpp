// The shared index cache (galley/input_index.hpp).
#include "galley/input_index.hpp"

namespace galley {

std::shared_ptr<const InputIndex> InputIndexCache::get(
    const std::string& key, const std::function<std::shared_ptr<const InputIndex>()>& make) {
  std::promise<std::shared_ptr<const InputIndex>> promise;
  std::shared_future<std::shared_ptr<const InputIndex>> wait;
  std::uint64_t mine = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = slots_.find(key);
    if (it != slots_.end()) {
      it->second.used = ++clock_;
      wait = it->second.index;
    } else {
      while (slots_.size() >= keep_) {  // drop the least recently used
        auto oldest = slots_.begin();
        for (auto s = slots_.begin(); s != slots_.end(); ++s)
          if (s->second.used < oldest->second.used) oldest = s;
        slots_.erase(oldest);  // callers holding it keep their copy
      }
      mine = ++clock_;
      slots_[key] = Slot{promise.get_future().share(), mine, mine};
    }
  }
  if (wait.valid()) return wait.get();
  try {
    auto made = make();
    promise.set_value(made);
    return made;
  } catch (...) {
    promise.set_exception(std::current_exception());
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = slots_.find(key);
    if (it != slots_.end() && it->second.id == mine) slots_.erase(it);
    throw;
  }
}

std::size_t InputIndexCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return slots_.size();
}

}  // namespace galley
