// What the C ABI's opaque handles hold (include/galley/galley.h). Private to src/capi/.
#pragma once
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "galley/convert.hpp"
#include "galley/diagnostics.hpp"
#include "galley/error.hpp"
#include "galley/registry.hpp"

struct galley_registry {
  galley::Registry registry;
};

struct galley_options {
  galley::ConvertOptions convert;
  // galley_options_cancel sets it; convert.cancel points at it. On the heap so the
  // pointer stays valid; a copy of the handle gets a flag of its own.
  std::unique_ptr<std::atomic<bool>> cancelled = std::make_unique<std::atomic<bool>>(false);
};

struct galley_result {
  int status = 0;
  bool binary = false;
  std::string output;
  std::string error_id, error_message;
  std::vector<galley::Diagnostic> warnings;
};

namespace galley::capi {

// The registry a NULL handle stands for: the built-in formats, made (and their
// readers' global set-up run) once, on first use, thread-safely.
const Registry& registry_or_builtin(const galley_registry* handle);

// Sets one option from its key and text value (the command's long option and
// argument); throws UsageError "galley.capi.option" for unknown keys and bad values.
void set_option(ConvertOptions& options, const std::string& key, const std::string& value);
// -M KEY=VALUE and -V KEY=VALUE with the key given apart.
void add_metadata(ConvertOptions& options, const std::string& key, const std::string& value);
void add_variable(ConvertOptions& options, const std::string& key, const std::string& value);

// The status code for an exception category (galley_status).
int status_for(ErrorCategory category);

}  // namespace galley::capi
