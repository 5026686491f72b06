// Warnings about lost or rewritten content, kept apart from errors (which are exceptions).
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace galley {

enum class Severity { Info, Warning };

struct Diagnostic {
  Severity severity = Severity::Warning;
  std::string kind;     // stable, greppable: "lost-content", "unmapped-metadata", "rewritten-id", ...
  std::string message;  // human-readable
};

// A sink that readers and writers report to. By default it only collects; set
// `on_emit` to stream messages (the CLI prints "[WARNING] ..." as they arrive).
class Diagnostics {
 public:
  void warn(std::string kind, std::string message) { emit({Severity::Warning, std::move(kind), std::move(message)}); }
  void info(std::string kind, std::string message) { emit({Severity::Info, std::move(kind), std::move(message)}); }
  void emit(Diagnostic d) {
    if (d.severity == Severity::Warning) ++warnings_;
    if (on_emit) on_emit(d);
    items_.push_back(std::move(d));
  }
  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t warning_count() const { return warnings_; }
  std::size_t count(std::string_view kind) const {
    std::size_t n = 0;
    for (auto& d : items_) if (d.kind == kind) ++n;
    return n;
  }
  std::function<void(const Diagnostic&)> on_emit;

 private:
  std::vector<Diagnostic> items_;
  std::size_t warnings_ = 0;
};

}  // namespace galley
