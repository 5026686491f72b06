// The C ABI (include/galley/galley.h) over galley::convert. Every entry point catches
// everything: no C++ exception crosses into C.
#include "galley/galley.h"

#include <cstdlib>
#include <cstring>
#include <new>

#include "capi/handles.hpp"
#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "galley/version.hpp"

namespace galley::capi {

namespace {

Registry initialised_builtins() {
  Registry r = builtin_registry();
  for (auto& entry : r.readers())
    if (entry.init) entry.init();  // libxml2's globals, before threads share the readers
  return r;
}

}  // namespace

const Registry& registry_or_builtin(const galley_registry* handle) {
  if (handle) return handle->registry;
  static const Registry builtins = initialised_builtins();
  return builtins;
}

int status_for(ErrorCategory c) {
  switch (c) {
    case ErrorCategory::Usage: return GALLEY_ERROR_USAGE;
    case ErrorCategory::Input: return GALLEY_ERROR_INPUT;
    case ErrorCategory::Output: return GALLEY_ERROR_OUTPUT;
    case ErrorCategory::Filter: return GALLEY_ERROR_FILTER;
    case ErrorCategory::Cancelled: return GALLEY_ERROR_CANCELLED;
    case ErrorCategory::Internal: return GALLEY_ERROR_INTERNAL;
  }
  return GALLEY_ERROR_INTERNAL;
}

}  // namespace galley::capi

using galley::capi::registry_or_builtin;

namespace {

// The three option setters: NULLs refused, exceptions turned into status codes.
template <class Set>
int set_checked(galley_options* options, const char* key, const char* value, Set set) {
  if (!options || !key || !value) return GALLEY_ERROR_USAGE;
  try {
    set(options->convert, key, value);
    return GALLEY_OK;
  } catch (const galley::Error& e) {
    return galley::capi::status_for(e.category());
  } catch (...) {
    return GALLEY_ERROR_INTERNAL;
  }
}

}  // namespace


extern "C" {

int galley_abi_version(void) { return GALLEY_ABI_VERSION; }
const char* galley_version(void) { return GALLEY_VERSION; }

galley_registry* galley_registry_builtin(void) {
  try {
    return new galley_registry{galley::capi::initialised_builtins()};
  } catch (...) {
    return nullptr;
  }
}
void galley_registry_free(galley_registry* registry) { delete registry; }

int galley_writer_is_binary(const galley_registry* registry, const char* spec) {
  if (!spec) return -1;
  try {
    const galley::WriterEntry* w = registry_or_builtin(registry).find_writer(galley::parse_format_spec(spec).name);
    return w ? w->kind == galley::WriterKind::Binary : -1;
  } catch (...) {
    return -1;
  }
}

galley_options* galley_options_new(void) {
  try {
    auto* o = new galley_options;
    o->convert.cancel = o->cancelled.get();
    return o;
  } catch (...) {
    return nullptr;
  }
}

galley_options* galley_options_copy(const galley_options* options) {
  if (!options) return nullptr;
  try {
    auto* o = new galley_options;
    o->convert = options->convert;
    o->convert.cancel = o->cancelled.get();
    return o;
  } catch (...) {
    return nullptr;
  }
}

void galley_options_free(galley_options* options) { delete options; }

int galley_options_set(galley_options* options, const char* key, const char* value) {
  return set_checked(options, key, value, galley::capi::set_option);
}
int galley_options_add_metadata(galley_options* options, const char* key, const char* value) {
  return set_checked(options, key, value, galley::capi::add_metadata);
}
int galley_options_add_variable(galley_options* options, const char* key, const char* value) {
  return set_checked(options, key, value, galley::capi::add_variable);
}

void galley_options_cancel(galley_options* options) {
  if (options) options->cancelled->store(true, std::memory_order_relaxed);
}

int galley_convert(const galley_registry* registry, const galley_options* options, const char* input,
                   size_t input_len, galley_result** result) {
  if (result) *result = nullptr;
  galley_result* r = new (std::nothrow) galley_result;
  if (!r) return GALLEY_ERROR_INTERNAL;
  auto fail = [r](int status, const char* id, const char* message) {
    r->status = status;
    r->output.clear();
    try {
      r->error_id = id;
      r->error_message = message;
    } catch (...) {  // out of memory: the status alone
    }
  };
  galley::Diagnostics diag;
  if (!options) {
    fail(GALLEY_ERROR_USAGE, "galley.capi.argument", "galley_convert: options is NULL");
  } else if (!input && input_len) {
    fail(GALLEY_ERROR_USAGE, "galley.capi.argument", "galley_convert: input is NULL");
  } else {
    try {
      const galley::Registry& reg = registry_or_builtin(registry);
      r->output = galley::convert(std::string_view(input ? input : "", input_len), options->convert, diag, reg);
      const galley::WriterEntry* w = reg.find_writer(galley::parse_format_spec(options->convert.to).name);
      r->binary = w && w->kind == galley::WriterKind::Binary;
    } catch (const galley::Error& e) {
      // what() is "[id] message": the message alone here, the id has its own field.
      std::string_view what = e.what();
      std::string prefix = "[" + e.id() + "] ";
      if (what.substr(0, prefix.size()) == prefix) what.remove_prefix(prefix.size());
      fail(galley::capi::status_for(e.category()), e.id().c_str(), std::string(what).c_str());
    } catch (const std::bad_alloc&) {
      fail(GALLEY_ERROR_INTERNAL, "galley.internal.memory", "out of memory");
    } catch (const std::exception& e) {
      fail(GALLEY_ERROR_INTERNAL, "galley.internal", e.what());
    } catch (...) {
      fail(GALLEY_ERROR_INTERNAL, "galley.internal", "unknown failure");
    }
  }
  try {
    for (auto& d : diag.all())
      if (d.severity == galley::Severity::Warning) r->warnings.push_back(d);
  } catch (...) {  // out of memory: fewer warnings rather than none of the result
  }
  int status = r->status;
  if (result) *result = r;
  else delete r;
  return status;
}

int galley_result_status(const galley_result* r) { return r ? r->status : GALLEY_ERROR_USAGE; }

const char* galley_result_output(const galley_result* r, size_t* len) {
  if (len) *len = r ? r->output.size() : 0;
  return r ? r->output.c_str() : "";
}

char* galley_result_take_output(galley_result* r, size_t* len) {
  if (len) *len = 0;
  if (!r) return nullptr;
  char* p = static_cast<char*>(std::malloc(r->output.size() + 1));
  if (!p) return nullptr;
  std::memcpy(p, r->output.data(), r->output.size());
  p[r->output.size()] = '\0';
  if (len) *len = r->output.size();
  std::string().swap(r->output);
  return p;
}

int galley_result_is_binary(const galley_result* r) { return r && r->binary; }
const char* galley_result_error_id(const galley_result* r) { return r ? r->error_id.c_str() : ""; }
const char* galley_result_error_message(const galley_result* r) { return r ? r->error_message.c_str() : ""; }
size_t galley_result_warning_count(const galley_result* r) { return r ? r->warnings.size() : 0; }
const char* galley_result_warning_kind(const galley_result* r, size_t i) {
  return r && i < r->warnings.size() ? r->warnings[i].kind.c_str() : nullptr;
}
const char* galley_result_warning_message(const galley_result* r, size_t i) {
  return r && i < r->warnings.size() ? r->warnings[i].message.c_str() : nullptr;
}
void galley_result_free(galley_result* r) { delete r; }

void galley_free(void* p) { std::free(p); }

}  // extern "C"
