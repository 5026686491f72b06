// galley_formats_json: the registry's readers and writers as one JSON text, so a
// C program or the Python module lists formats without one function per field.
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "capi/handles.hpp"
#include "galley/galley.h"

namespace {

nlohmann::json extensions(const std::vector<galley::ExtensionInfo>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (auto& e : list) out.push_back({{"name", e.name}, {"default", e.default_on}, {"description", e.description}});
  return out;
}

template <class Entry>
nlohmann::json common(const Entry& e) {
  return {{"name", e.name}, {"aliases", e.aliases}, {"description", e.description},
          {"extensions", extensions(e.extensions)}, {"file_extensions", e.file_extensions}};
}

}  // namespace

extern "C" char* galley_formats_json(const galley_registry* registry) {
  try {
    const galley::Registry& reg = galley::capi::registry_or_builtin(registry);
    nlohmann::json readers = nlohmann::json::array(), writers = nlohmann::json::array();
    for (auto& r : reg.readers()) readers.push_back(common(r));
    for (auto& w : reg.writers()) {
      nlohmann::json j = common(w);
      j["binary"] = w.kind == galley::WriterKind::Binary;
      j["joins_documents"] = w.joins_documents;
      writers.push_back(std::move(j));
    }
    std::string text = nlohmann::json{{"readers", readers}, {"writers", writers},
                                      {"default_reader", reg.default_reader()},
                                      {"default_writer", reg.default_writer()}}.dump();
    char* p = static_cast<char*>(std::malloc(text.size() + 1));
    if (p) std::memcpy(p, text.c_str(), text.size() + 1);
    return p;
  } catch (...) {
    return nullptr;
  }
}
