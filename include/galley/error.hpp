// Exceptions with stable ids ("galley.json.parse", ...) so callers and tests can grep them.
#pragma once
#include <stdexcept>
#include <string>

namespace galley {

// Which part of a conversion failed; the CLI maps each to a documented exit code.
enum class ErrorCategory { Usage, Input, Output, Filter, Internal, Cancelled };

class Error : public std::runtime_error {
 public:
  Error(ErrorCategory category, std::string id, const std::string& message)
      : std::runtime_error("[" + id + "] " + message), category_(category), id_(std::move(id)) {}
  ErrorCategory category() const noexcept { return category_; }
  const std::string& id() const noexcept { return id_; }

 private:
  ErrorCategory category_;
  std::string id_;
};

// Shorthands for the common categories.
struct UsageError : Error { UsageError(std::string id, const std::string& m) : Error(ErrorCategory::Usage, std::move(id), m) {} };
struct InputError : Error { InputError(std::string id, const std::string& m) : Error(ErrorCategory::Input, std::move(id), m) {} };
struct OutputError : Error { OutputError(std::string id, const std::string& m) : Error(ErrorCategory::Output, std::move(id), m) {} };
struct FilterError : Error { FilterError(std::string id, const std::string& m) : Error(ErrorCategory::Filter, std::move(id), m) {} };
// ConvertOptions::cancel became true (galley/convert.hpp).
struct CancelledError : Error { CancelledError(std::string id, const std::string& m) : Error(ErrorCategory::Cancelled, std::move(id), m) {} };

}  // namespace galley
